//! BandMF (`privacy.mechanism = "bandmf"`, issue 26 item 1) through the real
//! CPU plugin and real Fashion-MNIST: one band is DP-SGD bit for bit; the
//! apply step's noise follows the strategy's recursion and covariance;
//! cyclic Poisson sampling draws each example only at the steps of its
//! partition; a debug_seed resume continues the noise exactly; config errors.

use dpxla_core::array::HostArray;
use dpxla_dp::bandmf::{partition_of, BandedToeplitz};
use dpxla_dp::clip::Clipping;
use dpxla_dp::mechanism::DpMechanism;
use dpxla_nn::models::Mlp;
use dpxla_nn::optim::{Averaging, Optimizer};
use dpxla_testkit::pjrt::test_client;
use dpxla_testkit::run::data_dir;
use dpxla_train::train::checkpoint;
use dpxla_train::train::config::Config;
use dpxla_train::train::engine::{Engine, EngineSpec};
use dpxla_train::train::privacy::bandmf::{partitions, step_batch, PARTITION_SEED, STRATEGY_FILE};
use dpxla_train::train::run::train;
use dpxla_train::train::sampling::sampler::{poisson_batch, StreamRng};
use dpxla_train::train::TrainOptions;
use std::path::{Path, PathBuf};

fn out_dir(tag: &str) -> PathBuf {
    dpxla_testkit::run::scratch("bandmf", tag)
}

/// A small private run on 1,000 Fashion-MNIST images with a fixed seed.
fn config(out: &Path, extra: &[&str]) -> std::result::Result<Config, String> {
    let text = format!(
        r#"
[model]
name = "mlp"
[data]
train = "{data}/fashion-mnist"
train_limit = 1000
test_limit = 100
[augment]
mean = [0.286]
std = [0.353]
[privacy]
clip_norm = 1.0
noise_multiplier = 1.0
delta = 1e-5
debug_seed = 11
[training]
batch_size = 100
steps = 6
physical_batch = 64
learning_rate = 0.5
eval_every = 0
[output]
dir = "{out}"
[runtime]
fast_compile = true
"#,
        data = data_dir().display(),
        out = out.display()
    );
    let overrides: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    Config::parse(&text, &overrides, "test config").map_err(|e| e.to_string())
}

fn opts(resume: bool, max_steps: Option<u64>) -> TrainOptions {
    TrainOptions {
        resume,
        progress: false,
        max_steps_this_run: max_steps,
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

#[test]
fn one_band_is_dpsgd_bit_for_bit() {
    let (a, b) = (out_dir("dpsgd"), out_dir("b1"));
    train(&config(&a, &[]).unwrap(), &opts(false, None)).unwrap();
    let one = config(&b, &["privacy.mechanism=\"bandmf\"", "privacy.bands=1"]).unwrap();
    train(&one, &opts(false, None)).unwrap();
    assert_eq!(params_bits(&a), params_bits(&b));
    // The one-band strategy is recorded: c = [1].
    let rec: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(b.join(STRATEGY_FILE)).unwrap()).unwrap();
    assert_eq!(rec["coefficients"], serde_json::json!([1.0]));
    assert!(!a.join(STRATEGY_FILE).exists());
}

#[test]
fn a_banded_run_records_its_strategy_and_resumes_its_noise_exactly() {
    let set = ["privacy.mechanism=\"bandmf\"", "privacy.bands=3"];
    let (whole, split) = (out_dir("whole"), out_dir("split"));
    let s = train(&config(&whole, &set).unwrap(), &opts(false, None)).unwrap();
    // ⌈6/3⌉ = 2 compositions at q = 100/⌊1000/3⌋, σ_eff = 1.
    let rec: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(whole.join(STRATEGY_FILE)).unwrap()).unwrap();
    assert_eq!(rec["compositions"], 2);
    assert_eq!(rec["coefficients"].as_array().unwrap().len(), 3);
    let q = 100.0 / 333.0;
    let ev = dpxla_dp::accountant::PoissonGaussianEvent::new(q, 1.0, 2).unwrap();
    let eps = dpxla_dp::accountant::epsilon_of(Default::default(), &[ev], 1e-5).unwrap();
    assert!(
        (s.epsilon.unwrap().0 - eps).abs() < 1e-9 * eps,
        "{:?} vs {eps}",
        s.epsilon
    );
    // Resumed after 4 steps (mid-cycle): with debug_seed the noise history is
    // checkpointed, so the result is the uninterrupted run's bit for bit.
    train(&config(&split, &set).unwrap(), &opts(false, Some(4))).unwrap();
    train(&config(&split, &set).unwrap(), &opts(true, None)).unwrap();
    assert_eq!(params_bits(&whole), params_bits(&split));
}

#[test]
fn config_errors_name_the_key() {
    let out = out_dir("errors");
    for (set, needle) in [
        (vec!["privacy.bands=2"], "privacy.bands"),
        (vec!["privacy.mechanism=\"bandmf\""], "privacy.bands"),
        (
            vec!["privacy.mechanism=\"bandmf\"", "privacy.bands=0"],
            "privacy.bands",
        ),
        (
            vec![
                "privacy.mechanism=\"bandmf\"",
                "privacy.bands=2",
                "privacy.secure_noise=true",
            ],
            "secure_noise",
        ),
        (
            vec![
                "privacy.mechanism=\"bandmf\"",
                "privacy.bands=2",
                "privacy.enabled=false",
            ],
            "privacy.enabled",
        ),
        (vec!["privacy.mechanism=\"ftrl\""], "mechanism"),
    ] {
        let err = config(&out, &set).unwrap_err();
        assert!(err.contains(needle), "{set:?}: {err}");
    }
    // More bands than steps: known once the steps are (here given).
    let cfg = config(&out, &["privacy.mechanism=\"bandmf\"", "privacy.bands=7"]).unwrap();
    let err = train(&cfg, &opts(false, None)).unwrap_err().to_string();
    assert!(
        err.contains("privacy.bands") && err.contains("1..=6"),
        "{err}"
    );
}

#[test]
fn cyclic_sampling_draws_each_example_only_in_its_partition() {
    let (n, k, q) = (2_000, 4, 0.3);
    let parts = partitions(n, k).unwrap();
    assert_eq!(parts.iter().map(Vec::len).sum::<usize>(), n);
    let mut rng = StreamRng::from_fixed_seed(5, 0);
    let mut seen = vec![false; n];
    for step in 0..3 * k as u64 {
        let batch = step_batch(&mut rng, n, Some(&parts), q, step);
        assert!(!batch.is_empty());
        for &i in &batch {
            let part = partition_of(PARTITION_SEED, i as u64, k).unwrap();
            assert_eq!(part as u64, step % k as u64, "example {i} at step {step}");
            seen[i] = true;
        }
    }
    // Every partition was sampled from (each example had 3 chances at 0.3).
    assert!(seen.iter().filter(|&&s| s).count() > n / 2);
    // One partition: DP-SGD's sampling from the same generator state.
    let one = partitions(n, 1).unwrap();
    let (mut a, mut b) = (
        StreamRng::from_fixed_seed(9, 0),
        StreamRng::from_fixed_seed(9, 0),
    );
    for step in 0..3 {
        assert_eq!(
            step_batch(&mut a, n, Some(&one), q, step),
            poisson_batch(&mut b, n, q)
        );
    }
}

/// An engine whose apply step, with no gradients accumulated and plain SGD at
/// learning rate 1, moves every parameter by exactly minus the noise.
fn noise_engine(strategy: Option<BandedToeplitz>, std: f64) -> Engine {
    let model = Mlp {
        input: vec![28, 28, 1],
        hidden: vec![64],
        classes: 10,
    };
    let clipping = Clipping::flat(1.0).unwrap();
    let mechanism = DpMechanism::new(clipping, std, 1.0).unwrap();
    let sgd = Optimizer::Sgd {
        momentum: 0.0,
        nesterov: false,
        weight_decay: 0.0,
    };
    let spec = EngineSpec {
        noise_strategy: strategy,
        ..EngineSpec::new(&model, Some(mechanism), sgd, Averaging::None).unwrap()
    };
    let state = spec.initial_state(3);
    Engine::new(test_client(), spec, &state).unwrap()
}

/// The noise of `steps` apply steps with keys 0.., per step (all trainable
/// coordinates), recovered from the parameter differences.
fn noise_of(engine: &mut Engine, steps: u64) -> Vec<Vec<f64>> {
    let flat = |e: &Engine| -> Vec<f64> {
        e.state()
            .unwrap()
            .params
            .iter()
            .flat_map(HostArray::to_f64)
            .collect()
    };
    let mut before = flat(engine);
    (0..steps)
        .map(|t| {
            engine.apply([7, t as u32, 0, 1], 1.0, t + 1, 0).unwrap();
            let after = flat(engine);
            let w = before.iter().zip(&after).map(|(b, a)| b - a).collect();
            before = after;
            w
        })
        .collect()
}

#[test]
fn the_apply_step_adds_the_strategys_correlated_noise() {
    let strategy = BandedToeplitz::from_coefs(vec![1.0, 0.6, 0.25]).unwrap();
    let steps = 6;
    let z = noise_of(&mut noise_engine(None, 1.0), steps);
    let w = noise_of(&mut noise_engine(Some(strategy.clone()), 1.0), steps);
    let c = strategy.coefs();
    // The recursion: w_t + Σ_j c_j w_{t−j} is the independent draw z_t (same
    // keys), up to the f32 rounding of the parameters.
    let mut worst: f64 = 0.0;
    for t in 0..steps as usize {
        for i in 0..z[t].len() {
            let mut y = w[t][i];
            for j in 1..c.len().min(t + 1) {
                y += c[j] * w[t - j][i];
            }
            worst = worst.max((y - z[t][i]).abs());
        }
    }
    assert!(worst < 1e-4, "largest residual {worst}");
    // Covariance over steps, estimated across the coordinates: σ²(CᵀC)⁻¹ =
    // σ² D Dᵀ with D = C⁻¹ (first column `inverse_coefs`, Toeplitz).
    let d = strategy.inverse_coefs(steps as usize).unwrap();
    let m = w[0].len() as f64;
    for s in 0..steps as usize {
        for t in 0..=s {
            let expected: f64 = (0..=t).map(|k| d[s - k] * d[t - k]).sum();
            let got = w[s].iter().zip(&w[t]).map(|(a, b)| a * b).sum::<f64>() / m;
            assert!(
                (got - expected).abs() < 0.04,
                "cov(w_{s}, w_{t}) = {got}, strategy says {expected}"
            );
        }
    }
}
