//! Adaptive clipping (issue 26, item 2; Andrew et al. 2021) through the real
//! plugin: the runtime clip norm clips exactly as a baked one for every
//! clipping method and mode, the loop moves C to the target quantile of the
//! per-example norms, the released count carries N(0, σ_b²) noise, C_t
//! survives a resume, and the keys are refused where they cannot work.

use dpxla_core::array::HostArray;
use dpxla_dp::accountant::AccountantKind;
use dpxla_dp::adaptive_clip::AdaptiveClipping;
use dpxla_dp::clip::{ClipMethod, ClipMode, Clipping};
use dpxla_dp::mechanism::DpMechanism;
use dpxla_dp::plan::{NoiseRequest, PrivacyPlan, PrivacyRequest};
use dpxla_nn::models::Mlp;
use dpxla_nn::optim::{Averaging, Optimizer};
use dpxla_testkit::run::data_dir;
use dpxla_train::train::config::Config;
use dpxla_train::train::engine::{Engine, EngineSpec};
use dpxla_train::train::privacy::adaptive_clip;
use dpxla_train::train::reports::metrics::read_records;
use dpxla_train::train::sampling::sampler::StreamRng;
use dpxla_train::train::{run::train, TrainOptions};
use rand::{Rng, SeedableRng};
use std::path::Path;

const P: usize = 64;

/// `P` MNIST-shaped examples whose scales span e^-2 … e^2, so their
/// gradient norms spread over a wide range.
fn batch(seed: u64) -> (HostArray, Vec<i32>) {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut data = Vec::with_capacity(P * 784);
    for _ in 0..P {
        let scale = rng.gen_range(-2.0f32..2.0).exp();
        data.extend((0..784).map(|_| scale * rng.gen_range(0.0f32..1.0)));
    }
    let labels = (0..P as i32).map(|i| i % 10).collect();
    (HostArray::f32([P, 28, 28, 1], data), labels)
}

fn engine(clipping: Clipping) -> Engine {
    let mechanism = DpMechanism::new(clipping, 1.0, P as f64).unwrap();
    let spec = EngineSpec::new(
        &Mlp::mnist(),
        Some(mechanism),
        Optimizer::default(),
        Averaging::None,
    )
    .unwrap();
    let state = spec.initial_state(3);
    Engine::new(dpxla_testkit::pjrt::test_client(), spec, &state).unwrap()
}

fn close(a: &[HostArray], b: &[HostArray]) -> bool {
    a.iter().zip(b).all(|(x, y)| {
        x.to_f64()
            .iter()
            .zip(y.to_f64())
            .all(|(u, v)| (u - v).abs() <= 1e-12 * u.abs().max(v.abs()).max(1e-30))
    })
}

#[test]
fn a_runtime_clip_norm_clips_as_the_same_baked_norm_with_every_method() {
    let (images, labels) = batch(1);
    let mask = vec![1.0; P];
    for (mode, method) in [
        (ClipMode::Flat, ClipMethod::Vmap),
        (ClipMode::Flat, ClipMethod::Bookkeeping),
        (ClipMode::PerLayer, ClipMethod::Bookkeeping),
        (ClipMode::PerLayer, ClipMethod::Auto),
    ] {
        let fixed = Clipping::new(1.0, mode, method).unwrap();
        let mut adaptive = engine(fixed.with_runtime_norm());
        assert_eq!(adaptive.clip_norm(), Some(1.0));
        let mut clipped = Vec::new();
        for c in [4.0, 16.0, 1.0] {
            let mut baked = engine(fixed.with_norm(c).unwrap());
            assert_eq!(baked.clip_norm(), None);
            adaptive.set_clip_norm(c).unwrap();
            let a = adaptive.accumulate(&images, &labels, &mask).unwrap();
            let b = baked.accumulate(&images, &labels, &mask).unwrap();
            assert_eq!(a.clipped, b.clipped, "{mode:?} {method:?} C={c}");
            let (sa, sb) = (
                adaptive.accumulators().unwrap(),
                baked.accumulators().unwrap(),
            );
            assert!(close(&sa, &sb), "{mode:?} {method:?} C={c}: sums differ");
            // The noise is σ·C_t: the same key gives the same update.
            adaptive.apply([5, 6, 7, 8], 0.1, 1, P).unwrap();
            baked.apply([5, 6, 7, 8], 0.1, 1, P).unwrap();
            let (pa, pb) = (adaptive.state().unwrap(), baked.state().unwrap());
            assert!(
                close(&pa.params, &pb.params),
                "{mode:?} {method:?} C={c}: noise"
            );
            // Back to the same parameters for the next C.
            adaptive = engine(fixed.with_runtime_norm());
            clipped.push(b.clipped);
        }
        let mlir = |e: &Engine| e.compiled_mlir().iter().any(|m| m.contains("clip_norm"));
        assert!(mlir(&adaptive));
        assert!(
            !mlir(&engine(fixed)),
            "a fixed C must not be a program input"
        );
        // The three norms clip different numbers of examples: C mattered.
        assert!(
            clipped[2] > clipped[0] && clipped[0] > clipped[1],
            "{clipped:?}"
        );
    }
    assert!(engine(Clipping::flat(1.0).unwrap())
        .set_clip_norm(2.0)
        .is_err());
}

/// A plan with adaptive clipping over `P` examples at q = 1.
fn plan(gamma: f64, count_std: f64) -> PrivacyPlan {
    let req = PrivacyRequest {
        enabled: true,
        clip_norm: 1.0,
        clip_mode: ClipMode::Flat,
        noise_multiplier: Some(1.0),
        target_epsilon: None,
        delta: 1e-5,
        accountant: AccountantKind::Rdp,
        allow_large_delta: true,
        prior: vec![],
        noise: NoiseRequest::Independent,
        adaptive: Some(AdaptiveClipping::new(gamma, 0.2, count_std).unwrap()),
    };
    PrivacyPlan::derive(&req, P, P as f64, 100).unwrap().0
}

/// The real loop's update, on a fixed batch whose norms the accumulate
/// program itself counts: after 80 steps from C = 100 the fraction of
/// examples with norm ≤ C is near γ (γ = 0.5: C is near the median).
#[test]
fn c_follows_the_target_quantile_of_the_per_example_norms() {
    let (images, labels) = batch(2);
    let mask = vec![1.0; P];
    for gamma in [0.5, 0.8] {
        let plan = plan(gamma, P as f64 / 20.0);
        let m = plan.mechanism(ClipMethod::Auto).unwrap().unwrap();
        let mut e = engine(m.clipping().with_norm(100.0).unwrap());
        let mut noise = StreamRng::from_fixed_seed(9, 1);
        let mut fractions = Vec::new();
        for t in 0..80 {
            let s = e.accumulate(&images, &labels, &mask).unwrap();
            e.reset_accumulators().unwrap();
            if t >= 50 {
                fractions.push(1.0 - s.clipped / P as f64);
            }
            let used = adaptive_clip::after_step(&mut e, &plan, &mut noise, P, s.clipped).unwrap();
            assert!(used.is_some());
        }
        let mean = fractions.iter().sum::<f64>() / fractions.len() as f64;
        assert!(
            (mean - gamma).abs() < 0.1,
            "γ={gamma}: unclipped fraction {mean}, C = {:?}",
            e.clip_norm()
        );
        assert!(e.clip_norm().unwrap() < 50.0);
    }
}

/// The released count is B/2 − clipped + N(0, σ_b²): recovered from the
/// step's change of C (β = m(γ − ln(C'/C)/η − ½)) over 300 independent
/// draws, its mean is the true centred count and its variance σ_b².
#[test]
fn the_released_count_carries_the_configured_noise() {
    let (images, labels) = batch(3);
    let mask = vec![1.0; P];
    let sb = 2.0;
    let plan = plan(0.5, sb);
    let m = plan.mechanism(ClipMethod::Vmap).unwrap().unwrap();
    let mut e = engine(m.clipping());
    let s = e.accumulate(&images, &labels, &mask).unwrap();
    e.reset_accumulators().unwrap();
    let truth = P as f64 / 2.0 - s.clipped;
    let mut betas = Vec::new();
    for seed in 0..300 {
        e.set_clip_norm(1.0).unwrap();
        let mut noise = StreamRng::from_fixed_seed(seed, 1);
        adaptive_clip::after_step(&mut e, &plan, &mut noise, P, s.clipped).unwrap();
        let ratio = e.clip_norm().unwrap();
        betas.push(P as f64 * (0.5 - ratio.ln() / 0.2 - 0.5));
    }
    let n = betas.len() as f64;
    let mean = betas.iter().sum::<f64>() / n;
    let var = betas.iter().map(|b| (b - mean).powi(2)).sum::<f64>() / (n - 1.0);
    assert!(
        (mean - truth).abs() < 4.0 * sb / n.sqrt(),
        "{mean} vs {truth}"
    );
    assert!(
        (var / (sb * sb) - 1.0).abs() < 0.25,
        "variance {var}, σ_b² = {}",
        sb * sb
    );
}

fn config(out: &Path, extra: &[&str]) -> Config {
    parsed(out, extra).unwrap()
}

fn parsed(out: &Path, extra: &[&str]) -> dpxla_train::Result<Config> {
    let text = format!(
        r#"
[model]
name = "mlp"
[data]
train = "{data}/fashion-mnist"
train_limit = 600
test_limit = 100
[augment]
mean = [0.286]
std = [0.353]
[privacy]
clip_norm = 5.0
noise_multiplier = 1.0
delta = 1e-5
debug_seed = 4
adaptive_clipping = true
[training]
batch_size = 100
steps = 6
physical_batch = 64
learning_rate = 0.1
checkpoint_every = 3
[output]
dir = "{out}"
[runtime]
fast_compile = true
"#,
        data = data_dir().display(),
        out = out.display()
    );
    let overrides: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    Config::parse(&text, &overrides, "test config")
}

fn clip_norms(out: &Path) -> Vec<f64> {
    read_records(out.join("metrics.jsonl"))
        .unwrap()
        .iter()
        .map(|r| r.clip_norm.expect("C_t in metrics.jsonl"))
        .collect()
}

/// A debug_seed run interrupted after 3 steps and resumed logs the same
/// C_t sequence as the run in one go: C_t is restored from the checkpoint
/// (a resume from `privacy.clip_norm` would repeat 5.0 at step 4).
#[test]
fn c_t_survives_a_resume_and_is_logged() {
    let whole = dpxla_testkit::run::scratch("adaptive", "whole");
    let opts = TrainOptions::default();
    let s = train(&config(&whole, &[]), &opts).unwrap();
    assert_eq!(s.steps_done, 6);
    let once = clip_norms(&whole);
    assert_eq!(once.len(), 6);
    assert_eq!(once[0], 5.0);
    assert!(
        once.windows(2).all(|w| w[0] != w[1]),
        "C never moved: {once:?}"
    );
    let split = dpxla_testkit::run::scratch("adaptive", "split");
    let half = TrainOptions {
        max_steps_this_run: Some(3),
        ..TrainOptions::default()
    };
    train(&config(&split, &[]), &half).unwrap();
    let resume = TrainOptions {
        resume: true,
        ..TrainOptions::default()
    };
    train(&config(&split, &[]), &resume).unwrap();
    assert_eq!(clip_norms(&split), once);
    // A changed rule is a changed mechanism: refused on resume.
    let err = train(&config(&split, &["privacy.target_quantile=0.7"]), &resume)
        .map(|_| "resumed".to_string())
        .unwrap_err()
        .to_string();
    assert!(err.contains("privacy.target_quantile"), "{err}");
    for d in [whole, split] {
        std::fs::remove_dir_all(d).unwrap();
    }
}

#[test]
fn adaptive_clipping_is_refused_where_it_cannot_work() {
    let out = dpxla_testkit::run::scratch("adaptive", "refused");
    for (set, key) in [
        (vec!["privacy.secure_noise=true"], "privacy.secure_noise"),
        (
            vec!["privacy.mechanism=\"bandmf\"", "privacy.bands=2"],
            "bandmf",
        ),
        (vec!["privacy.enabled=false"], "privacy.enabled"),
        (
            vec!["privacy.target_quantile=1.5"],
            "privacy.target_quantile",
        ),
        (
            vec!["privacy.count_noise_std=0.1"],
            "privacy.count_noise_std",
        ),
        (
            vec![
                "privacy.adaptive_clipping=false",
                "privacy.clip_learning_rate=0.1",
            ],
            "privacy.clip_learning_rate",
        ),
    ] {
        let err = parsed(&out, &set)
            .and_then(|c| train(&c, &TrainOptions::default()))
            .map(|_| "trained".to_string())
            .unwrap_err()
            .to_string();
        assert!(err.contains(key), "{set:?}: {err}");
    }
    // `dpxla audit` reads its config through its own parser: refused there.
    let audit =
        std::fs::read_to_string(dpxla_testkit::repo_root().join("configs/audit_quick.toml"))
            .unwrap();
    let on = ["privacy.adaptive_clipping=true".to_string()];
    let err = dpxla_train::audit::config::parse(&audit, &on, "audit config")
        .map(|_| "parsed")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("privacy.adaptive_clipping") && err.contains("audit"),
        "{err}"
    );
    assert!(dpxla_train::audit::config::parse(&audit, &[], "audit config").is_ok());
    let _ = std::fs::remove_dir_all(&out);
}

/// On 2 replicas each device clips to the same C_t and the clipped counts
/// are summed over them: the same count and (to rounding) the same update
/// as one device.
#[test]
fn a_runtime_clip_norm_reaches_every_replica() {
    let (images, labels) = batch(4);
    let mask = vec![1.0; P];
    let clipping = Clipping::flat(1.0).unwrap().with_runtime_norm();
    let mut one = engine(clipping);
    let spec = EngineSpec {
        replicas: 2,
        ..one.spec().clone()
    };
    let state = spec.initial_state(3);
    let client = dpxla_testkit::pjrt::client_with(2);
    let mut two = Engine::new(&client, spec, &state).unwrap();
    for c in [6.0, 20.0] {
        one.set_clip_norm(c).unwrap();
        two.set_clip_norm(c).unwrap();
        let a = one.accumulate(&images, &labels, &mask).unwrap();
        let b = two.accumulate(&images, &labels, &mask).unwrap();
        assert_eq!(a.clipped, b.clipped, "C={c}");
        one.apply([1, 2, 3, 4], 0.1, 1, P).unwrap();
        two.apply([1, 2, 3, 4], 0.1, 1, P).unwrap();
        let (pa, pb) = (one.state().unwrap(), two.state().unwrap());
        assert_eq!(pb.clip_norm, Some(c));
        let worst = pa
            .params
            .iter()
            .zip(&pb.params)
            .flat_map(|(x, y)| x.to_f64().into_iter().zip(y.to_f64()))
            .map(|(u, v)| (u - v).abs() / (1.0 + u.abs()))
            .fold(0.0, f64::max);
        assert!(worst < 1e-5, "C={c}: {worst}");
    }
}
