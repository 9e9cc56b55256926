//! Sampling that does not depend on |D| (issue 26, item 4) end to end on real
//! Fashion-MNIST through the real CPU plugin: with `training.sampling_rate`
//! and `training.public_dataset_size` the released update on D and on
//! D ∪ {x} (x not sampled) is bit for bit the same, where `training.batch_size`
//! (q = B/N, the update divided by B) gives a different one; truncated
//! Poisson never processes more than the cap; the cap's cost is in the ε
//! the run reports; config errors name their keys.

use dpxla_testkit::run::data_dir;
use dpxla_train::train::checkpoint;
use dpxla_train::train::config::Config;
use dpxla_train::train::run::train;
use dpxla_train::train::TrainOptions;
use std::path::{Path, PathBuf};

fn out_dir(tag: &str) -> PathBuf {
    dpxla_testkit::run::scratch("sampling", tag)
}

/// A private run of `steps` steps on the first `n` Fashion-MNIST images,
/// with `sampling` (the `[training]` lines that choose q) and a fixed seed.
fn config(out: &Path, n: usize, sampling: &str, extra: &[&str]) -> Result<Config, String> {
    let text = format!(
        r#"
[model]
name = "mlp"
[data]
train = "{data}/fashion-mnist"
train_limit = {n}
test_limit = 100
[augment]
mean = [0.286]
std = [0.353]
[privacy]
clip_norm = 1.0
noise_multiplier = 1.0
delta = 1e-5
debug_seed = 5
[training]
{sampling}
steps = 1
physical_batch = 64
learning_rate = 0.5
[output]
dir = "{out}"
nonprivate_metrics = true
[runtime]
fast_compile = true
"#,
        data = data_dir().display(),
        out = out.display()
    );
    let overrides: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    Config::parse(&text, &overrides, "test config").map_err(|e| e.to_string())
}

fn quiet() -> TrainOptions {
    TrainOptions {
        resume: false,
        progress: false,
        max_steps_this_run: None,
        ..TrainOptions::default()
    }
}

fn params_bits(out: &Path) -> Vec<Vec<u64>> {
    let (_, state) = checkpoint::load(&out.join("checkpoint.safetensors")).unwrap();
    state
        .params
        .iter()
        .map(|a| a.to_f64().iter().map(|x| x.to_bits()).collect())
        .collect()
}

/// The realised batch size of every step (the non-private statistics of a
/// private run, or a non-private run's metrics).
fn batch_sizes(out: &Path) -> Vec<u64> {
    let file = ["nonprivate_metrics.jsonl", "metrics.jsonl"]
        .iter()
        .map(|f| out.join(f))
        .find(|p| p.exists())
        .unwrap();
    let text = std::fs::read_to_string(file).unwrap();
    text.lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v.get("batch_size").and_then(|b| b.as_u64())
        })
        .collect()
}

/// What a run released: its parameters (bits), the reported ε (bits) and
/// the ledger's events (the ledger's config digest covers `data.train_limit`,
/// which this test changes to build D ∪ {x}; a real training set's size is
/// not in the digest).
#[derive(PartialEq)]
struct Released {
    params: Vec<Vec<u64>>,
    epsilon: u64,
    ledger: serde_json::Value,
}

impl std::fmt::Debug for Released {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let first: Vec<u64> = self.params.iter().map(|p| p[0]).collect();
        write!(
            f,
            "params[..][0] {first:?}, ε bits {}, ledger events {}",
            self.epsilon, self.ledger
        )
    }
}

fn released(out: &Path, epsilon: f64) -> Released {
    let ledger = std::fs::read_to_string(out.join("ledger.json")).unwrap();
    let ledger: serde_json::Value = serde_json::from_str(&ledger).unwrap();
    Released {
        params: params_bits(out),
        epsilon: epsilon.to_bits(),
        ledger: ledger["accountant"].clone(),
    }
}

/// One step on the first 1000 and on the first 1001 examples (x = example
/// 1000): the two realised batch sizes and what each run released.
fn neighbours(tag: &str, sampling: &str, seed: u64) -> ((u64, u64), Released, Released) {
    let (a, b) = (out_dir(&format!("{tag}-d")), out_dir(&format!("{tag}-dx")));
    let seed = format!("privacy.debug_seed={seed}");
    let ea = train(&config(&a, 1000, sampling, &[&seed]).unwrap(), &quiet()).unwrap();
    let eb = train(&config(&b, 1001, sampling, &[&seed]).unwrap(), &quiet()).unwrap();
    let (sa, sb) = (batch_sizes(&a), batch_sizes(&b));
    (
        (sa[0], sb[0]),
        released(&a, ea.epsilon.unwrap().0),
        released(&b, eb.epsilon.unwrap().0),
    )
}

#[test]
fn the_update_on_d_and_d_plus_an_unsampled_x_is_identical_with_a_sampling_rate() {
    // x = example 1000 draws its uniform after D's 1000 examples from the
    // same stream, so the same examples of D are sampled on both sides, and
    // x is not when the two batch sizes agree (a seed where it is sampled is
    // skipped). Then the parameters (the released update: noise from the
    // same key, the same clipped sum, the same divisor q·N₀), the reported ε
    // and the ledger are bit for bit the same.
    let rate = "sampling_rate = 0.1\npublic_dataset_size = 1000";
    let (seed, d, dx) = (5..12)
        .find_map(|seed| {
            let ((sa, sb), d, dx) = neighbours(&format!("rate{seed}"), rate, seed);
            (sa == sb).then_some((seed, d, dx))
        })
        .expect("x sampled under every seed tried");
    assert_eq!(
        d, dx,
        "sampling_rate + public size: D and D ∪ {{x}} released different values although x \
         was not sampled (seed {seed})"
    );
    // The old dependence: with batch_size, q = B/N reads |D|, so each
    // example's inclusion probability and the accounted q (hence the reported
    // ε and the ledger) differ between D and D ∪ {x}.
    let (_, d, dx) = neighbours("batch", "batch_size = 100", seed);
    assert_ne!(d.epsilon, dx.epsilon, "batch_size: ε should read |D|");
    assert_ne!(
        d.ledger, dx.ledger,
        "batch_size: the ledger's q should read |D|"
    );
}

#[test]
fn a_capped_run_never_processes_more_than_the_cap() {
    // q = 0.1 over 1000 examples: batches of ~100, cut to 90 (most steps).
    // Non-private, since a cap under the mean truncates almost surely and no
    // (ε, δ) bound survives that (see the private refusal below).
    let out = out_dir("cap");
    let sampling = "sampling_rate = 0.1\npublic_dataset_size = 1000\nmax_batch_size = 90";
    let cfg = config(
        &out,
        1000,
        sampling,
        &["privacy.enabled=false", "training.steps=8"],
    )
    .unwrap();
    train(&cfg, &quiet()).unwrap();
    let sizes = batch_sizes(&out);
    assert_eq!(sizes.len(), 8);
    assert!(sizes.iter().all(|&s| s <= 90), "{sizes:?}");
    assert!(sizes.contains(&90), "the cap should bind: {sizes:?}");
}

#[test]
fn the_reported_epsilon_includes_the_cap_and_a_hopeless_cap_is_refused() {
    let rate = "sampling_rate = 0.1\npublic_dataset_size = 1000";
    let eps = |tag: &str, extra: &[&str]| {
        let out = out_dir(tag);
        let mut all = vec!["training.steps=4"];
        all.extend_from_slice(extra);
        train(&config(&out, 1000, rate, &all).unwrap(), &quiet())
            .map(|s| s.epsilon.unwrap().0)
            .map_err(|e| e.to_string())
    };
    let plain = eps("eps-plain", &[]).unwrap();
    // Mean 100, s.d. 9.5: a cap of 160 is cut with probability ~1e-9 per step.
    let capped = eps("eps-160", &["training.max_batch_size=160"]).unwrap();
    assert!(capped > plain, "{capped} vs {plain}");
    // A cap beyond reach of Binomial(1001, 0.1) (p underflows to 0): the same ε.
    let far = eps("eps-600", &["training.max_batch_size=600"]).unwrap();
    assert_eq!(far.to_bits(), plain.to_bits());
    // Under the mean: truncation is near certain, no δ = 1e-5 bound exists.
    let err = eps("eps-90", &["training.max_batch_size=90"]).unwrap_err();
    assert!(err.contains("training.max_batch_size"), "{err}");
    // With the cap, the public size must bound the training set.
    let out = out_dir("eps-small-n0");
    let small = "sampling_rate = 0.1\npublic_dataset_size = 900\nmax_batch_size = 160";
    let err = train(&config(&out, 1000, small, &[]).unwrap(), &quiet())
        .unwrap_err()
        .to_string();
    assert!(err.contains("training.public_dataset_size"), "{err}");
}

#[test]
fn sampling_keys_are_refused_with_their_key_named() {
    let out = out_dir("keys");
    for (sampling, key) in [
        (
            "batch_size = 100\nsampling_rate = 0.1\npublic_dataset_size = 1000",
            "training.sampling_rate",
        ),
        ("", "training.batch_size"),
        ("sampling_rate = 0.1", "training.public_dataset_size"),
        (
            "batch_size = 100\npublic_dataset_size = 1000",
            "training.public_dataset_size",
        ),
        (
            "sampling_rate = 1.5\npublic_dataset_size = 1000",
            "training.sampling_rate",
        ),
        (
            "sampling_rate = 0.1\npublic_dataset_size = 0",
            "training.public_dataset_size",
        ),
        (
            "batch_size = 100\nmax_batch_size = 0",
            "training.max_batch_size",
        ),
    ] {
        let err = match config(&out, 1000, sampling, &[]) {
            Err(e) => e,
            Ok(cfg) => train(&cfg, &quiet()).unwrap_err().to_string(),
        };
        assert!(err.contains(key), "{sampling:?}: {err}");
    }
    for (extra, key) in [
        (
            &["privacy.secure_noise=true"][..],
            "training.max_batch_size",
        ),
        (
            &[
                "privacy.mechanism=\"bandmf\"",
                "privacy.bands=2",
                "training.steps=2",
            ][..],
            "training.max_batch_size",
        ),
    ] {
        let err = match config(&out, 1000, "batch_size = 100\nmax_batch_size = 200", extra) {
            Err(e) => e,
            Ok(cfg) => train(&cfg, &quiet()).unwrap_err().to_string(),
        };
        assert!(err.contains(key), "{extra:?}: {err}");
    }
}
