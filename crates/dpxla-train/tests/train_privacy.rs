//! Privacy hardening of `dpxla_train::train` (issue 10) end to end on real
//! Fashion-MNIST through the real CPU plugin: resume keeps the mechanism and
//! the budget is guarded on the ledger (item 4); resumes draw fresh noise
//! (item 8).

use dpxla_testkit::run::data_dir;
use dpxla_train::train::checkpoint;
use dpxla_train::train::config::Config;
use dpxla_train::train::{run::train, TrainOptions};
use std::path::{Path, PathBuf};

fn out_dir(tag: &str) -> PathBuf {
    dpxla_testkit::run::scratch("priv", tag)
}

/// A small private run on 1,000 Fashion-MNIST images, σ calibrated to ε = 3.
fn config(out: &Path, extra: &[&str]) -> Config {
    let text = format!(
        r#"
[model]
name = "mlp"
[data]
train = "{data}/fashion-mnist"
train_limit = 1000
test_limit = 200
[augment]
mean = [0.286]
std = [0.353]
[privacy]
clip_norm = 1.0
target_epsilon = 3.0
delta = 1e-5
[training]
batch_size = 100
steps = 8
physical_batch = 64
learning_rate = 0.5
[output]
dir = "{out}"
[runtime]
fast_compile = true
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

fn resume() -> TrainOptions {
    TrainOptions {
        resume: true,
        ..quiet()
    }
}

#[test]
fn resume_refuses_a_changed_privacy_setting_naming_the_key() {
    let out = out_dir("refuse");
    let first = train(&config(&out, &[]), &quiet()).unwrap();
    assert!(first.epsilon.unwrap().0 <= 3.0);
    // Before: a longer run recalibrated σ and ended above the target (ε 3.76
    // for a finished run resumed with more steps).
    for (set, key) in [
        ("training.steps=16", "training.steps"),
        ("privacy.clip_norm=2.0", "privacy.clip_norm"),
        ("privacy.delta=1e-6", "privacy.delta"),
        ("training.batch_size=200", "training.batch_size"),
        ("privacy.clipping=\"per-layer\"", "privacy.clipping"),
    ] {
        let err = train(&config(&out, &[set]), &resume())
            .map(|s| format!("resumed to step {} with ε {:?}", s.steps_done, s.epsilon))
            .unwrap_err()
            .to_string();
        assert!(err.contains(key), "{set}: {err}");
    }
    // Unchanged, the finished run resumes (nothing left to do) at the same ε.
    let again = train(&config(&out, &[]), &resume()).unwrap();
    assert_eq!(again.epsilon, first.epsilon);
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn a_resume_draws_fresh_noise_unless_debug_seed_is_set() {
    let base = out_dir("fork");
    let half = TrainOptions {
        max_steps_this_run: Some(3),
        ..quiet()
    };
    train(&config(&base, &["training.steps=5"]), &half).unwrap();
    let (meta, _) = checkpoint::load(&base.join("checkpoint.safetensors")).unwrap();
    assert!(
        meta.sampler_rng.is_none() && meta.noise_rng.is_none(),
        "a checkpoint without debug_seed holds no generator state"
    );
    // Two resumes of one checkpoint: two releases with independent noise.
    let mut finals = Vec::new();
    for tag in ["fork-a", "fork-b"] {
        let dir = out_dir(tag);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(
            base.join("checkpoint.safetensors"),
            dir.join("checkpoint.safetensors"),
        )
        .unwrap();
        let s = train(&config(&dir, &["training.steps=5"]), &resume()).unwrap();
        assert_eq!(s.steps_done, 5);
        finals.push(checkpoint::load(&s.checkpoint).unwrap().1.params);
        std::fs::remove_dir_all(&dir).unwrap();
    }
    assert_ne!(finals[0], finals[1], "two resumes reused the same noise");
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn a_source_without_a_test_split_needs_data_test() {
    // A single IDX file has no test split: its "test" split is the file itself.
    let out = out_dir("nosplit");
    let file = data_dir().join("fashion-mnist/train-images-idx3-ubyte.gz");
    let set = format!("data.train=\"{}\"", file.display());
    let err = train(&config(&out, &[&set]), &quiet())
        .map(|_| "trained".to_string())
        .unwrap_err()
        .to_string();
    assert!(err.contains("data.test is required"), "{err}");
    // Naming the training data as the test set is refused too, naming both keys.
    let same = format!("data.test=\"{}\"", file.display());
    let err = train(&config(&out, &[&set, &same]), &quiet())
        .map(|_| "trained".to_string())
        .unwrap_err()
        .to_string();
    assert!(err.contains("data.test and data.train"), "{err}");
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn non_private_statistics_go_only_to_their_own_file_on_request() {
    let hidden = [
        "train_loss",
        "batch_size",
        "clipped_fraction",
        "examples_per_sec",
        "elapsed_secs",
    ];
    let out = out_dir("metrics");
    let s = train(&config(&out, &["training.steps=3"]), &quiet()).unwrap();
    let text = std::fs::read_to_string(&s.metrics).unwrap();
    assert_eq!(text.lines().count(), 3);
    for key in hidden {
        assert!(!text.contains(key), "metrics.jsonl holds {key}:\n{text}");
    }
    assert!(text.contains("epsilon") && text.contains("test_accuracy"));
    assert!(!out.join("nonprivate_metrics.jsonl").exists());
    std::fs::remove_dir_all(&out).unwrap();

    // On request, a separately named file gets them.
    let out = out_dir("metrics-np");
    let s = train(
        &config(
            &out,
            &["training.steps=3", "output.nonprivate_metrics=true"],
        ),
        &quiet(),
    )
    .unwrap();
    let text = std::fs::read_to_string(&s.metrics).unwrap();
    assert!(!text.contains("batch_size"));
    let np = std::fs::read_to_string(out.join("nonprivate_metrics.jsonl")).unwrap();
    assert_eq!(np.lines().filter(|l| l.contains("batch_size")).count(), 3);
    assert!(np.contains("train_loss") && !np.contains("epsilon"));
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn delta_at_least_one_over_n_is_an_error_unless_allowed() {
    // N = 1000: δ = 1e-3 = 1/N.
    let out = out_dir("delta");
    let err = dpxla_train::train::run::setup::Setup::build(&config(&out, &["privacy.delta=1e-3"]))
        .map(|_| ())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("privacy.delta") && err.contains("privacy.allow_large_delta"),
        "{err}"
    );
    let ok = dpxla_train::train::run::setup::Setup::build(&config(
        &out,
        &["privacy.delta=1e-3", "privacy.allow_large_delta=true"],
    ))
    .map(|s| s.warnings)
    .unwrap();
    assert!(ok.iter().any(|w| w.contains("1/N")), "{ok:?}");
}

#[test]
fn init_from_a_private_checkpoint_warns_that_its_cost_is_not_included() {
    let first = out_dir("init-src");
    let s = train(&config(&first, &["training.steps=2"]), &quiet()).unwrap();
    let set = format!("model.init_from=\"{}\"", s.checkpoint.display());
    let out = out_dir("init-dst");
    let setup = dpxla_train::train::run::setup::Setup::build(&config(&out, &[&set])).unwrap();
    assert!(
        setup
            .warnings
            .iter()
            .any(|w| w.contains("model.init_from") && w.contains("NOT included")),
        "{:?}",
        setup.warnings
    );
    std::fs::remove_dir_all(&first).unwrap();
}

#[test]
fn init_from_an_export_or_a_non_private_checkpoint_warns_too() {
    use dpxla_train::train::checkpoint::export_params::export_params;
    let warnings_for = |file: &Path, tag: &str| {
        let set = format!("model.init_from=\"{}\"", file.display());
        let out = out_dir(tag);
        dpxla_train::train::run::setup::Setup::build(&config(&out, &[&set]))
            .unwrap()
            .warnings
    };
    let has = |w: &[String], needle: &str| {
        w.iter()
            .any(|w| w.contains("model.init_from") && w.contains(needle))
    };
    // A private run, exported: its ε is named and not included.
    let private = out_dir("init-export-src");
    let s = train(&config(&private, &["training.steps=2"]), &quiet()).unwrap();
    let release = private.join("release.safetensors");
    export_params(&s.checkpoint, &release, false).unwrap();
    let w = warnings_for(&release, "init-export-dst");
    assert!(
        has(&w, "exported private release") && has(&w, "NOT included"),
        "{w:?}"
    );
    // A run without privacy: its checkpoint and its export both warn.
    let open = out_dir("init-nonprivate-src");
    let s = train(
        &config(&open, &["training.steps=2", "privacy.enabled=false"]),
        &quiet(),
    )
    .unwrap();
    let w = warnings_for(&s.checkpoint, "init-nonprivate-dst");
    assert!(has(&w, "WITHOUT differential privacy"), "{w:?}");
    let release = open.join("release.safetensors");
    export_params(&s.checkpoint, &release, false).unwrap();
    let w = warnings_for(&release, "init-nonprivate-export-dst");
    assert!(has(&w, "WITHOUT differential privacy"), "{w:?}");
    std::fs::remove_dir_all(&private).unwrap();
    std::fs::remove_dir_all(&open).unwrap();
}

#[test]
fn export_params_writes_parameters_only_with_the_privacy_spent() {
    let out = out_dir("export");
    let s = train(
        &config(
            &out,
            &[
                "training.steps=2",
                "privacy.debug_seed=5",
                "training.averaging={ kind = \"ema\", decay = 0.9 }",
            ],
        ),
        &quiet(),
    )
    .unwrap();
    let (meta, _) = checkpoint::load(&s.checkpoint).unwrap();
    for averaged in [false, true] {
        let file = out.join(format!("release-{averaged}.safetensors"));
        let r = dpxla_train::train::checkpoint::export_params::export_params(
            &s.checkpoint,
            &file,
            averaged,
        )
        .unwrap();
        assert_eq!(r.epsilon, s.epsilon);
        let t = dpxla_core::tensor_file::read_tensors(&file).unwrap();
        let names: Vec<&String> = t.tensors.iter().map(|(n, _)| n).collect();
        let mut want: Vec<&String> = meta.params.iter().collect();
        want.sort();
        let mut got = names.clone();
        got.sort();
        assert_eq!(got, want, "parameters only, by name");
        // Besides the release record, only the checksums of the released
        // tensors themselves (written with every tensor file).
        let keys: Vec<&String> = t.metadata.keys().filter(|k| *k != "dpxla_crc32").collect();
        assert_eq!(keys, vec!["dpxla_release"], "no other metadata");
        let info: serde_json::Value = serde_json::from_str(&t.metadata["dpxla_release"]).unwrap();
        let (eps, delta) = s.epsilon.unwrap();
        assert_eq!(info["epsilon"].as_f64(), Some(eps));
        assert_eq!(info["delta"].as_f64(), Some(delta));
        let text = t.metadata["dpxla_release"].clone();
        for secret in ["rng", "seed", "word_pos", "step", "digest", "events"] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
        // The released file is what `dpxla eval` and `model.init_from` read.
        let back = checkpoint::read_param_tensors(&file, false).unwrap();
        assert_eq!(back.len(), meta.params.len());
    }
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn secure_noise_on_two_devices_pads_to_the_cap_once_not_once_per_device() {
    use dpxla_train::train::privacy::secure_step::SecureStep;
    let out = out_dir("secure2");
    let cfg = config(
        &out,
        &[
            "privacy.secure_noise=true",
            "training.steps=2",
            "runtime.devices=2",
        ],
    );
    let setup = dpxla_train::train::run::setup::Setup::build(&cfg).unwrap();
    let sec = SecureStep::new(&cfg.settings(), &setup.plan, 10)
        .unwrap()
        .unwrap();
    // physical_batch = 64 per device: a microbatch is 128 rows over both.
    assert_eq!(sec.physical, 128);
    let mut idx: Vec<usize> = (0..sec.cap).collect();
    let split = sec.split(&mut idx);
    let padded: usize = split.iter().map(|s| s.1).sum();
    assert_eq!(split.iter().map(|s| s.0).sum::<usize>(), sec.cap);
    assert!(
        padded >= sec.cap && padded < sec.cap + sec.physical,
        "{padded} rows processed for a cap of {}",
        sec.cap
    );
    let s = train(&cfg, &quiet()).unwrap();
    assert_eq!(s.steps_done, 2);
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn secure_noise_trains_with_a_fixed_microbatch_count_and_host_noise() {
    use dpxla_train::train::privacy::secure_step::SecureStep;
    let out = out_dir("secure");
    let cfg = config(&out, &["privacy.secure_noise=true", "training.steps=3"]);
    let setup = dpxla_train::train::run::setup::Setup::build(&cfg).unwrap();
    assert!(
        setup.spec.mechanism.map(|m| m.noise_source())
            == Some(dpxla_dp::mechanism::NoiseSource::Host),
        "no device noise in secure mode"
    );
    let dims: usize = setup
        .spec
        .trainable
        .iter()
        .map(|&i| setup.spec.loss.params[i].numel())
        .sum();
    let sec = SecureStep::new(&cfg.settings(), &setup.plan, dims)
        .unwrap()
        .unwrap();
    // N = 1000, q = 0.1: the cap sits well above the mean batch of 100.
    assert!(sec.cap > 140 && sec.cap < 260, "cap {}", sec.cap);
    for n in [0usize, 1, 64, 100, sec.cap, sec.cap + 50] {
        let mut idx: Vec<usize> = (0..n).collect();
        let split = sec.split(&mut idx);
        assert_eq!(split.len(), sec.microbatches, "batch of {n}");
        assert!(split.iter().all(|&(_, size)| size == 64));
        assert_eq!(split.iter().map(|s| s.0).sum::<usize>(), n.min(sec.cap));
    }
    let s = train(&cfg, &quiet()).unwrap();
    assert_eq!(s.steps_done, 3);
    let (eps, delta) = s.epsilon.unwrap();
    assert!(eps > 0.0 && eps <= 3.0 && delta <= 1e-5);
    assert!(s.test.accuracy > 0.2, "accuracy {}", s.test.accuracy);
    std::fs::remove_dir_all(&out).unwrap();
}
