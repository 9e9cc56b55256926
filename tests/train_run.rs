//! `dpxla::train` end to end on real data through the real CPU plugin: a short
//! private run learns; resume equals an uninterrupted run; the budget guard
//! stops training; frozen parameters stay bit-identical; bad configs are
//! rejected naming the key.

use dpxla::tensor_file::read_tensors;
use dpxla::train::config::Config;
use dpxla::train::{run::train, TrainOptions};
use dpxla_testkit::run::data_dir;
use std::path::{Path, PathBuf};

fn out_dir(tag: &str) -> PathBuf {
    dpxla_testkit::run::scratch("run", tag)
}

/// A small private run on 1,000 Fashion-MNIST images.
fn config(out: &Path, extra: &[&str]) -> Config {
    let text = format!(
        r#"
[model]
name = "mlp"
[data]
train = "{data}/fashion-mnist"
train_limit = 1000
test_limit = 500
[augment]
mean = [0.286]
std = [0.353]
[privacy]
clip_norm = 1.0
noise_multiplier = 1.0
delta = 1e-5
debug_seed = 42
[training]
batch_size = 100
steps = 12
physical_batch = 64
learning_rate = 0.5
optimizer = {{ name = "sgd", momentum = 0.5 }}
averaging = {{ kind = "ema", decay = 0.9 }}
eval_every = 6
checkpoint_every = 4
[output]
dir = "{out}"
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

#[test]
fn short_private_run_learns_and_accounts() {
    let out = out_dir("learn");
    let s = train(&config(&out, &[]), &quiet()).unwrap();
    assert_eq!(s.steps_done, 12);
    // Ten classes: chance is 10%. A dozen noisy steps on 1,000 images already
    // reach well above it.
    assert!(s.test.accuracy > 0.4, "test accuracy {}", s.test.accuracy);
    let (eps, delta) = s.epsilon.unwrap();
    // The accountant composed exactly 12 steps of q = 100/1000, σ = 1.
    let want = dpxla::dp::accountant::epsilon_of(
        dpxla::dp::accountant::AccountantKind::Rdp,
        &[dpxla::dp::accountant::PoissonGaussianEvent {
            q: 100.0 / 1000.0,
            sigma: 1.0,
            steps: 12,
            overflow: 0.0,
        }],
        1e-5,
    )
    .unwrap();
    assert_eq!(delta, 1e-5);
    assert!((eps - want).abs() < 1e-12 * want, "ε {eps} vs {want}");
    let lines = std::fs::read_to_string(&s.metrics).unwrap();
    assert_eq!(
        lines.lines().filter(|l| l.contains("\"epsilon\"")).count(),
        12
    );
    // A private run's metrics hold no non-private statistics (issue 10).
    assert!(!lines.contains("train_loss") && !lines.contains("batch_size"));
    assert!(s.test_averaged.is_some());
    // The checkpoint, reloaded by `dpxla eval`'s code path, evaluates identically.
    let cfg = config(&out, &[]);
    let raw = dpxla::train::run::evaluate_checkpoint(&cfg, &s.checkpoint, false).unwrap();
    assert_eq!(raw.accuracy, s.test.accuracy);
    let avg = dpxla::train::run::evaluate_checkpoint(&cfg, &s.checkpoint, true).unwrap();
    assert_eq!(avg.accuracy, s.test_averaged.unwrap().accuracy);
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn resume_gives_the_same_parameters_as_an_uninterrupted_run() {
    let (a, b) = (out_dir("whole"), out_dir("split"));
    train(&config(&a, &[]), &quiet()).unwrap();
    // 5 steps, stop (checkpoint at 4 and at the stop), then resume to 12.
    let cfg_b = config(&b, &[]);
    let first = train(
        &cfg_b,
        &TrainOptions {
            max_steps_this_run: Some(5),
            ..quiet()
        },
    )
    .unwrap();
    assert_eq!(first.steps_done, 5);
    // Without --resume the existing checkpoint is protected.
    assert!(train(&cfg_b, &quiet()).is_err());
    let second = train(
        &cfg_b,
        &TrainOptions {
            resume: true,
            ..quiet()
        },
    )
    .unwrap();
    assert_eq!(second.steps_done, 12);
    let pa = read_tensors(&a.join("checkpoint.safetensors")).unwrap();
    let pb = read_tensors(&b.join("checkpoint.safetensors")).unwrap();
    for (name, arr) in &pa.tensors {
        assert_eq!(
            pb.get(name, &b).unwrap(),
            arr,
            "{name} differs after resume"
        );
    }
    // The privacy spent is counted across the interruption, not reset.
    let eps_b = second.epsilon.unwrap().0;
    let eps_a = train(
        &config(&a, &[]),
        &TrainOptions {
            resume: true,
            ..quiet()
        },
    )
    .unwrap()
    .epsilon
    .unwrap()
    .0;
    assert_eq!(eps_a, eps_b);
    // The metrics file has each step once.
    let steps: Vec<u64> = std::fs::read_to_string(b.join("metrics.jsonl"))
        .unwrap()
        .lines()
        .filter(|l| l.contains("epsilon"))
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["step"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(steps, (1..=12).collect::<Vec<_>>());
    std::fs::remove_dir_all(&a).unwrap();
    std::fs::remove_dir_all(&b).unwrap();
}

#[test]
fn budget_guard_stops_before_the_target_epsilon() {
    let out = out_dir("budget");
    // σ = 0.6 for 50 planned steps would overshoot ε = 2: the guard stops at the
    // largest step count whose ε stays within the target.
    let cfg = config(
        &out,
        &[
            "privacy.noise_multiplier=0.6",
            "privacy.target_epsilon=2.0",
            "training.steps=50",
        ],
    );
    let s = train(&cfg, &quiet()).unwrap();
    assert!(s.stopped_by_budget);
    assert!(s.steps_done < 50);
    let (eps, _) = s.epsilon.unwrap();
    assert!(eps <= 2.0, "spent ε = {eps} > 2");
    let one_more = dpxla::dp::accountant::epsilon_of(
        dpxla::dp::accountant::AccountantKind::Rdp,
        &[dpxla::dp::accountant::PoissonGaussianEvent {
            q: 100.0 / 1000.0,
            sigma: 0.6,
            steps: s.steps_done + 1,
            overflow: 0.0,
        }],
        1e-5,
    )
    .unwrap();
    assert!(
        one_more > 2.0,
        "one more step ({one_more}) would still have fitted"
    );
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn frozen_parameters_are_bit_identical_after_training() {
    let out = out_dir("frozen");
    let cfg = config(&out, &["model.freeze=head-only", "training.steps=3"]);
    train(&cfg, &quiet()).unwrap();
    let ckpt = read_tensors(&out.join("checkpoint.safetensors")).unwrap();
    let loss = dpxla::nn::trace_example_loss(dpxla::nn::by_name("mlp").unwrap().as_ref()).unwrap();
    let init = dpxla::nn::init_params(&loss.params, 0);
    let head = loss.head_scope().to_string();
    let mut frozen = 0;
    for (name, a) in &init {
        let now = ckpt.get(&format!("params/{name}"), &out).unwrap();
        if name.starts_with(&format!("{head}/")) {
            assert_ne!(now, a, "{name} (head) should train");
        } else {
            assert_eq!(now, a, "{name} is frozen but changed");
            frozen += 1;
        }
    }
    assert!(frozen > 0);
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn bad_configs_name_the_key() {
    let out = out_dir("bad");
    let cases: [(&str, &str); 7] = [
        ("privacy.clip_norm=-1", "privacy.clip_norm"),
        ("privacy.noise_multiplier=0", "privacy.noise_multiplier"),
        ("privacy.delta=1.5", "privacy.delta"),
        ("training.batch_size=0", "training.batch_size"),
        (
            "training.optimizer={ name = \"sgd\", momentum = 1.5 }",
            "training.optimizer",
        ),
        ("training.bogus=1", "bogus"),
        ("model.freeze=everything", "model.freeze"),
    ];
    let base = config(&out, &[]);
    let text = toml::to_string(&base).unwrap();
    for (set, key) in cases {
        let err = Config::parse(&text, &[set.to_string()], "cfg")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(key),
            "--set {set}: error does not name {key}: {err}"
        );
    }
    // q > 1 is caught once the dataset size is known.
    let err = train(&config(&out, &["training.batch_size=5000"]), &quiet())
        .unwrap_err()
        .to_string();
    assert!(err.contains("training.batch_size"), "{err}");
}

#[test]
fn killing_the_process_mid_checkpoint_leaves_a_readable_checkpoint() {
    // Checkpoint every step while another thread keeps reading the file: every
    // read must see a complete checkpoint (old or new, never a torn one); then
    // SIGKILL the trainer at an arbitrary point and read once more.
    let out = out_dir("kill");
    let cfg_path = out.with_extension("toml");
    std::fs::create_dir_all(&out).unwrap();
    let cfg = config(
        &out,
        &[
            "training.checkpoint_every=1",
            "training.steps=400",
            "training.eval_every=0",
        ],
    );
    std::fs::write(&cfg_path, toml::to_string(&cfg).unwrap()).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dpxla"))
        .args(["train", "--no-progress", "--config"])
        .arg(&cfg_path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let ckpt = out.join("checkpoint.safetensors");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while !ckpt.exists() {
        assert!(
            std::time::Instant::now() < deadline,
            "no checkpoint written"
        );
        assert!(child.try_wait().unwrap().is_none(), "trainer exited early");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let mut reads = 0;
    let mut steps = std::collections::BTreeSet::new();
    // Read until three different checkpoints and 20 reads have been seen.
    let until = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while (steps.len() < 3 || reads < 20) && std::time::Instant::now() < until {
        let (meta, _) =
            dpxla::train::checkpoint::load(&ckpt).expect("a torn checkpoint was visible");
        steps.insert(meta.step);
        reads += 1;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let (meta, state) =
        dpxla::train::checkpoint::load(&ckpt).expect("checkpoint unreadable after SIGKILL");
    assert!(meta.step >= 1 && !state.params.is_empty());
    assert!(
        reads > 10 && steps.len() > 1,
        "the test saw {reads} reads of {} steps",
        steps.len()
    );
    std::fs::remove_dir_all(&out).unwrap();
    let _ = std::fs::remove_file(&cfg_path);
}

#[test]
fn two_devices_train_the_same_model_as_one() {
    // Data parallelism (runtime.devices = 2, training.physical_batch per
    // device): the same Poisson batches and noise keys (debug_seed) in
    // physical batches of 64 rows in all give the same parameters as one
    // device, up to float reassociation of the all-reduced clipped sums.
    let runs: Vec<_> = [("1dev", "1", "64"), ("2dev", "2", "32")]
        .into_iter()
        .map(|(tag, devices, physical)| {
            let out = out_dir(tag);
            let cfg = config(
                &out,
                &[
                    &format!("runtime.devices={devices}"),
                    &format!("training.physical_batch={physical}"),
                    "training.steps=4",
                ],
            );
            let s = train(&cfg, &quiet()).unwrap();
            let tensors = read_tensors(&s.checkpoint).unwrap();
            std::fs::remove_dir_all(&out).unwrap();
            (s, tensors)
        })
        .collect();
    let (one, two) = (&runs[0], &runs[1]);
    assert_eq!(one.0.steps_done, 4);
    assert_eq!(two.0.steps_done, 4);
    assert_eq!(one.1.tensors.len(), two.1.tensors.len());
    for ((name, a), (name2, b)) in one.1.tensors.iter().zip(&two.1.tensors) {
        assert_eq!(name, name2);
        let (a, b) = (a.to_f64(), b.to_f64());
        let scale = a.iter().map(|x| x.abs()).fold(0.0, f64::max).max(1e-3);
        for (x, y) in a.iter().zip(&b) {
            assert!(
                (x - y).abs() <= 1e-4 * scale,
                "{name}: {x} (1 device) vs {y} (2 devices)"
            );
        }
    }
    let (ea, eb) = (one.0.epsilon.unwrap().0, two.0.epsilon.unwrap().0);
    assert_eq!(ea, eb, "the same accounting on any device count");
    assert!((one.0.test.accuracy - two.0.test.accuracy).abs() <= 0.01);
}
