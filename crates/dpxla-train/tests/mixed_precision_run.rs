//! `model.compute_dtype = "bf16"` trains like f32 (issue 23 item 4): the same
//! seeded short Fashion-MNIST run (same Poisson batches and noise keys through
//! `privacy.debug_seed`) in f32 and in bf16 compute, private and non-private,
//! must give close loss curves and test accuracies, both well above chance;
//! the checkpoint stays f32. Unknown dtypes and a bf16 cast of a non-f32 model
//! are refused by name.

use dpxla_testkit::run::data_dir;
use dpxla_train::train::config::Config;
use dpxla_train::train::{run::train, TrainOptions};
use std::path::Path;

fn config(out: &Path, extra: &[&str]) -> Config {
    let text = format!(
        r#"
[model]
name = "mlp"
[data]
train = "{data}/fashion-mnist"
train_limit = 2000
test_limit = 1000
[augment]
mean = [0.286]
std = [0.353]
[privacy]
clip_norm = 1.0
noise_multiplier = 1.0
delta = 1e-5
debug_seed = 7
[training]
batch_size = 200
steps = 16
physical_batch = 128
learning_rate = 0.5
optimizer = {{ name = "sgd", momentum = 0.5 }}
eval_every = 16
checkpoint_every = 16
[output]
dir = "{out}"
nonprivate_metrics = true
"#,
        data = data_dir().display(),
        out = out.display()
    );
    let overrides: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    Config::parse(&text, &overrides, "test config").unwrap()
}

fn quiet() -> TrainOptions {
    TrainOptions {
        resume: false,
        progress: false,
        max_steps_this_run: None,
        ..TrainOptions::default()
    }
}

/// The training loss of every step (from whichever metrics file holds it).
fn loss_curve(dir: &Path) -> Vec<f64> {
    let mut out = Vec::new();
    for file in ["metrics.jsonl", "nonprivate_metrics.jsonl"] {
        let Ok(text) = std::fs::read_to_string(dir.join(file)) else {
            continue;
        };
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            if let Some(l) = v.get("train_loss").and_then(|l| l.as_f64()) {
                out.push(l);
            }
        }
    }
    out
}

struct Run {
    losses: Vec<f64>,
    accuracy: f64,
}

fn run(tag: &str, extra: &[&str]) -> Run {
    let out = dpxla_testkit::run::scratch("mixed", tag);
    let s = train(&config(&out, extra), &quiet()).unwrap();
    assert_eq!(s.steps_done, 16);
    // Master parameters and optimiser state stay f32 in the checkpoint.
    let ckpt = dpxla_core::tensor_file::read_tensors(&s.checkpoint).unwrap();
    for (name, a) in &ckpt.tensors {
        if a.dtype().is_float() {
            assert_eq!(a.dtype(), dpxla_core::array::DType::F32, "{tag}: {name}");
        }
    }
    let r = Run {
        losses: loss_curve(&out),
        accuracy: s.test.accuracy,
    };
    std::fs::remove_dir_all(&out).unwrap();
    r
}

/// bf16 against f32 on the same seeded run.
///
/// Tolerances: bf16 rounds to 8 significant bits (relative 2⁻⁹ ≈ 0.2% per
/// operation); on this MLP each example's gradient differs from f32 by ~5%
/// (relative L2), but with clipping, batches of ~200 and the same noise the
/// trajectories stay close: measured, the per-step losses differ by ≤ 1e-3 and
/// the accuracies by ≤ 0.1 point. We allow 0.05 per step and 3 points. A broken
/// cast misses both: with no or wrong gradients the loss stays at ln 10 ≈ 2.30
/// while the f32 run falls below ~1.2 (a gap of > 1), and the accuracy stays
/// near chance (10%) where the f32 run is above 60%. Both runs must also beat
/// chance by a wide margin (> 50%) and lower the loss by > 0.5.
fn compare(what: &str, f32_run: &Run, bf16_run: &Run) {
    eprintln!(
        "{what}: f32 acc {:.4} losses {:?}\n{what}: bf16 acc {:.4} losses {:?}",
        f32_run.accuracy, f32_run.losses, bf16_run.accuracy, bf16_run.losses
    );
    assert_eq!(f32_run.losses.len(), 16, "{what}: f32 loss curve");
    assert_eq!(bf16_run.losses.len(), 16, "{what}: bf16 loss curve");
    for (step, (a, b)) in f32_run.losses.iter().zip(&bf16_run.losses).enumerate() {
        assert!(
            (a - b).abs() < 0.05,
            "{what}: step {} loss f32 {a} vs bf16 {b}",
            step + 1
        );
    }
    // The bf16 run did compute in bf16 (the config reached the model).
    assert_ne!(
        f32_run.losses, bf16_run.losses,
        "{what}: bf16 run equals f32"
    );
    for r in [f32_run, bf16_run] {
        assert!(r.accuracy > 0.5, "{what}: test accuracy {}", r.accuracy);
        assert!(
            r.losses[0] - r.losses[15] > 0.5,
            "{what}: loss {:?} did not fall",
            r.losses
        );
    }
    assert!(
        (f32_run.accuracy - bf16_run.accuracy).abs() <= 0.03,
        "{what}: accuracy f32 {} vs bf16 {}",
        f32_run.accuracy,
        bf16_run.accuracy
    );
}

#[test]
fn a_private_bf16_run_trains_like_the_f32_run() {
    let f = run("dp-f32", &[]);
    let b = run("dp-bf16", &["model.compute_dtype=\"bf16\""]);
    compare("private", &f, &b);
}

#[test]
fn a_non_private_bf16_run_trains_like_the_f32_run() {
    let np = ["privacy.enabled=false", "training.learning_rate=0.1"];
    let f = run("np-f32", &np);
    let mut with_bf16 = np.to_vec();
    with_bf16.push("model.compute_dtype=\"bf16\"");
    let b = run("np-bf16", &with_bf16);
    compare("non-private", &f, &b);
}

#[test]
fn unknown_compute_dtypes_are_refused_naming_the_key() {
    let out = dpxla_testkit::run::scratch("mixed", "refused");
    let base = toml::to_string(&config(&out, &[])).unwrap();
    for (bad, names_choices) in [("\"fp16\"", true), ("\"F32\"", true), ("16", false)] {
        let set = format!("model.compute_dtype={bad}");
        let err = Config::parse(&base, std::slice::from_ref(&set), "cfg")
            .unwrap_err()
            .to_string();
        assert!(err.contains("model.compute_dtype"), "--set {set}: {err}");
        // An unknown name lists the known ones.
        assert!(!names_choices || err.contains("bf16"), "--set {set}: {err}");
    }
    // f32 (the default) is not written back, so resume digests of runs made
    // before the key existed still hold.
    assert!(!base.contains("compute_dtype"));
    let bf16 = toml::to_string(&config(&out, &["model.compute_dtype=\"bf16\""])).unwrap();
    assert!(bf16.contains("compute_dtype = \"bf16\""));
}

#[test]
fn only_f32_models_can_compute_in_bf16() {
    struct F64Mlp(Box<dyn dpxla_nn::Model>);
    impl dpxla_nn::Model for F64Mlp {
        fn name(&self) -> &str {
            "mlp64"
        }
        fn input_shape(&self) -> Vec<usize> {
            self.0.input_shape()
        }
        fn num_classes(&self) -> usize {
            self.0.num_classes()
        }
        fn logits<'b>(
            &self,
            p: &dpxla_nn::Params<'b>,
            x: dpxla_core::trace::Tensor<'b>,
        ) -> dpxla_core::trace::Tensor<'b> {
            self.0.logits(p, x)
        }
        fn dtype(&self) -> dpxla_core::array::DType {
            dpxla_core::array::DType::F64
        }
    }
    let m = F64Mlp(dpxla_nn::by_name("mlp").unwrap());
    let err = dpxla_nn::MixedPrecision::bf16(&m)
        .err()
        .unwrap()
        .to_string();
    assert!(
        err.contains("compute_dtype") && err.contains("mlp64") && err.contains("f64"),
        "{err}"
    );
}
