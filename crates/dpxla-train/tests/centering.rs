//! Private centring (docs/design.md, DP invariant 8) end to end on real
//! Fashion-MNIST scattering features through the real CPU plugin:
//! `scatterfeat_linear_centered` subtracts the training set's feature mean,
//! released once before training by the Gaussian mechanism.
//!
//! - a non-private run holds the exact mean, checked against a host oracle
//!   (the codes decoded and GroupNorm'd in f64 here), at XLA's default
//!   optimisation level and the fast-compile one;
//! - a private run's mean carries noise of σ_m·R/N per coordinate, the
//!   ledger starts with exactly one Gaussian event for it, a resume neither
//!   repeats it nor changes the mean, and DP-SGD's σ leaves room for it;
//! - the setting is refused where it does not belong.

use dpxla_dp::accountant::{calibrate_sigma, AccountantKind, PoissonGaussianEvent};
use dpxla_nn::layers::scatter_codec::decode;
use dpxla_train::data::{open_dataset, OpenOptions, Split};
use dpxla_train::train::checkpoint;
use dpxla_train::train::config::Config;
use dpxla_train::train::{run::train, TrainOptions};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Training examples in the features (and N of the release).
const N: usize = 300;
/// 7x7 positions x 81 scattering channels.
const D: usize = 3969;

/// Scattering features of the first N Fashion-MNIST images of each split,
/// computed once per test process.
fn features() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = dpxla_testkit::run::scratch("centering", "features");
        let data = dpxla_testkit::run::data_dir().join("fashion-mnist");
        dpxla_train::features::write_scatter_features(
            dpxla_testkit::pjrt::test_client(),
            &data,
            &dir,
            Some(N),
        )
        .unwrap();
        dir
    })
}

fn config(out: &Path, extra: &[&str]) -> Config {
    parse_config(out, extra).unwrap()
}

fn parse_config(out: &Path, extra: &[&str]) -> dpxla_train::Result<Config> {
    let text = format!(
        r#"
[model]
name = "scatterfeat_linear_centered"
[data]
train = "{data}"
[privacy]
clip_norm = 0.1
target_epsilon = 3.0
delta = 1e-5
centering_noise_multiplier = 50.0
[training]
batch_size = 50
steps = 3
physical_batch = 64
learning_rate = 4.0
[output]
dir = "{out}"
[runtime]
fast_compile = true
"#,
        data = features().display(),
        out = out.display()
    );
    let overrides: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    Config::parse(&text, &overrides, "test config")
}

fn quiet() -> TrainOptions {
    dpxla_testkit::run::quiet()
}

/// The released mean a checkpoint holds.
fn center(ckpt: &Path) -> Vec<f64> {
    let params = checkpoint::read_param_tensors(ckpt, false).unwrap();
    let (_, a) = params.iter().find(|(n, _)| n == "center/mean").unwrap();
    a.to_f64()
}

/// The oracle: the training features decoded from their 16-bit codes and
/// normalised by GroupNorm (27 groups of 3 channels, ε = 1e-5) in f64, then
/// averaged over the N examples.
fn exact_mean() -> Vec<f64> {
    let opts = OpenOptions {
        split: Split::Train,
        ..OpenOptions::default()
    };
    let ds = open_dataset(&features().join("train"), &opts).unwrap();
    assert_eq!(ds.len(), N);
    let idx: Vec<usize> = (0..N).collect();
    let batch = ds.read_batch(&idx).unwrap();
    let (pos, c) = (49, 81);
    let mut mean = vec![0.0; D];
    for ex in batch.images.chunks_exact(pos * 2 * c) {
        let f: Vec<f64> = (0..pos * c)
            .map(|k| {
                let (p, ch) = (k / c, k % c);
                let hi = ex[p * 2 * c + ch] as u16;
                let lo = ex[p * 2 * c + c + ch] as u16;
                decode(hi * 256 + lo)
            })
            .collect();
        for g in 0..27 {
            let members: Vec<usize> = (0..pos)
                .flat_map(|p| (3 * g..3 * g + 3).map(move |ch| p * c + ch))
                .collect();
            let m = members.iter().map(|&k| f[k]).sum::<f64>() / members.len() as f64;
            let v = members.iter().map(|&k| (f[k] - m).powi(2)).sum::<f64>() / members.len() as f64;
            for &k in &members {
                mean[k] += (f[k] - m) / (v + 1e-5).sqrt() / N as f64;
            }
        }
    }
    mean
}

#[test]
fn a_non_private_run_subtracts_the_exact_mean_at_both_optimisation_levels() {
    let want = exact_mean();
    for fast in [true, false] {
        let out = dpxla_testkit::run::scratch("centering", &format!("exact-{fast}"));
        let fc = format!("runtime.fast_compile={fast}");
        let cfg = config(&out, &["privacy.enabled=false", &fc]);
        let s = train(&cfg, &quiet()).unwrap();
        let got = center(&s.checkpoint);
        let err = got
            .iter()
            .zip(&want)
            .map(|(g, w)| (g - w).abs())
            .fold(0.0, f64::max);
        // f32 features; |mean| is O(1).
        assert!(err < 1e-4, "fast_compile = {fast}: max error {err}");
        assert!(want.iter().map(|w| w.abs()).fold(0.0, f64::max) > 0.1);
    }
}

#[test]
fn a_private_run_releases_a_noised_mean_once_and_keeps_it_on_resume() {
    let out = dpxla_testkit::run::scratch("centering", "private");
    let cfg = config(&out, &[]);
    let first = TrainOptions {
        max_steps_this_run: Some(1),
        ..quiet()
    };
    let s = train(&cfg, &first).unwrap();
    let released = center(&s.checkpoint);
    let (meta, _) = checkpoint::load(&s.checkpoint).unwrap();
    let events = meta.accountant.unwrap().events;
    // The ledger starts with the release: the Gaussian mechanism, once.
    assert_eq!(events[0], PoissonGaussianEvent::new(1.0, 50.0, 1).unwrap());
    assert_eq!(events.len(), 2, "{events:?}");
    let dp = events[1];
    assert_eq!((dp.q, dp.steps), (50.0 / N as f64, 1));
    // DP-SGD's σ leaves room for the release.
    let alone = calibrate_sigma(AccountantKind::Rdp, 3.0, dp.q, 3, 1e-5).unwrap();
    assert!(dp.sigma > alone, "{} vs {alone}", dp.sigma);

    // Noise of σ_m·R(1 + ρ)/N per coordinate (R = √D; ρ = 1%, the grid's share).
    let want = exact_mean();
    let sd = (released
        .iter()
        .zip(&want)
        .map(|(g, w)| (g - w).powi(2))
        .sum::<f64>()
        / D as f64)
        .sqrt();
    let expected = 50.0 * (D as f64).sqrt() * 1.01 / N as f64;
    assert!((sd / expected - 1.0).abs() < 0.05, "sd {sd} vs {expected}");

    // Resume to the end: the mean is kept, not released again.
    let resume = TrainOptions {
        resume: true,
        ..quiet()
    };
    let s = train(&cfg, &resume).unwrap();
    assert_eq!(s.steps_done, 3);
    assert_eq!(center(&s.checkpoint), released);
    let (meta, _) = checkpoint::load(&s.checkpoint).unwrap();
    let events = meta.accountant.unwrap().events;
    let gaussian = events.iter().filter(|e| e.q == 1.0).count();
    assert_eq!(gaussian, 1, "{events:?}");
    let dp_steps: u64 = events.iter().filter(|e| e.q < 1.0).map(|e| e.steps).sum();
    assert_eq!(dp_steps, 3);
    let (eps, _) = s.epsilon.unwrap();
    assert!(eps <= 3.0 && eps > 2.9, "{eps}");
}

#[test]
fn the_centring_setting_is_refused_where_it_does_not_belong() {
    let out = dpxla_testkit::run::scratch("centering", "refused");
    let err = |extra: &[&str]| {
        train(&config(&out, extra), &quiet())
            .unwrap_err()
            .to_string()
    };
    // A centred model in a private run needs the release's σ, > 0 ...
    let e = parse_config(&out, &["privacy.centering_noise_multiplier=0"])
        .unwrap_err()
        .to_string();
    assert!(e.contains("privacy.centering_noise_multiplier"), "{e}");
    let no_sigma = Config::parse(
        &format!(
            r#"
[model]
name = "scatterfeat_linear_centered"
[data]
train = "{}"
[privacy]
target_epsilon = 3.0
delta = 1e-5
[training]
batch_size = 50
steps = 1
learning_rate = 1.0
[output]
dir = "{}"
"#,
            features().display(),
            out.display()
        ),
        &[],
        "test config",
    )
    .unwrap();
    let e = train(&no_sigma, &quiet()).unwrap_err().to_string();
    assert!(e.contains("set privacy.centering_noise_multiplier"), "{e}");
    // ... any other model refuses it ...
    let e = err(&["model.name=\"scatterfeat_linear\""]);
    assert!(e.contains("does not centre"), "{e}");
    // ... and a release that alone spends the budget leaves nothing to train,
    // whether σ is calibrated or given.
    let e = err(&["privacy.centering_noise_multiplier=0.1"]);
    assert!(e.contains("already spend"), "{e}");
    let e = err(&[
        "privacy.centering_noise_multiplier=0.1",
        "privacy.noise_multiplier=1.0",
    ]);
    assert!(e.contains("one DP-SGD step"), "{e}");
    assert!(!out.join("checkpoint.safetensors").exists());
}

#[test]
fn the_mean_is_never_trainable_in_an_engine_spec() {
    let model = dpxla_nn::by_name("scatterfeat_linear_centered").unwrap();
    let spec = dpxla_train::train::engine::EngineSpec::new(
        model.as_ref(),
        None,
        dpxla_nn::optim::Optimizer::default(),
        dpxla_nn::optim::Averaging::None,
    )
    .unwrap();
    let mean = spec.loss.param_index("center/mean").unwrap();
    assert!(!spec.trainable.contains(&mean));
    assert_eq!(spec.trainable.len(), spec.loss.params.len() - 1);
}

#[test]
fn a_model_that_declares_a_mean_but_gets_no_centring_component_is_refused() {
    // The mean would otherwise stay at its initial zeros, silently.
    let model = dpxla_nn::by_name("scatterfeat_linear_centered").unwrap();
    let loss = dpxla_nn::trace_example_loss(model.as_ref()).unwrap();
    let err = dpxla_train::train::privacy::centering::trace(model.as_ref(), None, &loss)
        .map(|_| ())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("center/mean") && err.contains("CenteredFeatures"),
        "{err}"
    );
    // The uncentred model needs none.
    let plain = dpxla_nn::by_name("scatterfeat_linear").unwrap();
    let loss = dpxla_nn::trace_example_loss(plain.as_ref()).unwrap();
    assert!(
        dpxla_train::train::privacy::centering::trace(plain.as_ref(), None, &loss)
            .unwrap()
            .is_none()
    );
}
