//! The privacy plan of a BandMF run: the amplified reduction's numbers, and
//! one band is DP-SGD's plan exactly.

use dpxla_dp::accountant::{calibrate_sigma, epsilon_of, AccountantKind, PoissonGaussianEvent};

use dpxla_dp::clip::{ClipMethod, ClipMode};
use dpxla_dp::plan::{NoiseRequest, PrivacyPlan, PrivacyRequest};

fn request(noise: NoiseRequest, target: Option<f64>, sigma: Option<f64>) -> PrivacyRequest {
    PrivacyRequest {
        enabled: true,
        clip_norm: 0.5,
        clip_mode: ClipMode::Flat,
        noise_multiplier: sigma,
        target_epsilon: target,
        delta: 1e-5,
        accountant: AccountantKind::Rdp,
        allow_large_delta: false,
        prior: vec![],
        noise,
        adaptive: None,
    }
}

const N: usize = 60_000;

#[test]
fn one_band_is_the_dpsgd_plan() {
    let dpsgd = PrivacyPlan::derive(
        &request(NoiseRequest::Independent, Some(2.0), None),
        N,
        512.0,
        300,
    )
    .unwrap()
    .0;
    let banded = NoiseRequest::Banded { bands: 1 };
    let one = PrivacyPlan::derive(&request(banded, Some(2.0), None), N, 512.0, 300)
        .unwrap()
        .0;
    assert_eq!(one.q, dpsgd.q);
    assert_eq!(one.private, dpsgd.private);
    assert_eq!(one.expected_batch(), dpsgd.expected_batch());
    let m = |p: &PrivacyPlan| p.mechanism(ClipMethod::Auto).unwrap().unwrap();
    assert_eq!(m(&one), m(&dpsgd));
    assert_eq!(one.bandmf.as_ref().unwrap().sensitivity, 1.0);
    assert!((0..10).all(|t| one.step_event(t) == dpsgd.step_event(t)));
}

#[test]
fn bandmf_calibrates_the_amplified_event() {
    let (bands, steps, batch, target) = (4, 300, 512.0, 2.0);
    let (plan, _) = PrivacyPlan::derive(
        &request(NoiseRequest::Banded { bands }, Some(target), None),
        N,
        batch,
        steps,
    )
    .unwrap();
    let b = plan.bandmf.as_ref().unwrap();
    assert_eq!(b.partitions, bands);
    assert_eq!(b.strategy.bands(), bands);
    // q is the rate within a partition of ⌊N/k⌋ examples.
    assert_eq!(plan.q, batch / (N / bands) as f64);
    assert_eq!(plan.expected_batch(), plan.q * (N / bands) as f64);
    // σ is calibrated for ⌈steps/k⌉ compositions at that q, not for `steps`.
    let p = plan.private.as_ref().unwrap();
    let alone = calibrate_sigma(AccountantKind::Rdp, target, plan.q, 75, 1e-5).unwrap();
    assert_eq!(p.sigma, alone);
    let ev = PoissonGaussianEvent::new(plan.q, p.sigma, 75).unwrap();
    assert_eq!(
        p.planned_epsilon,
        epsilon_of(AccountantKind::Rdp, &[ev], 1e-5).unwrap()
    );
    // The device's independent draw has std σ_eff·sens(C)·C.
    let m = plan.mechanism(ClipMethod::Auto).unwrap().unwrap();
    assert!(b.sensitivity > 1.0);
    assert_eq!(m.noise_std(), p.sigma * b.sensitivity * 0.5);
    // One composition per cycle, at its first step.
    let events: Vec<u64> = (0..steps)
        .filter(|&t| plan.step_event(t).is_some())
        .collect();
    assert_eq!(events.len(), 75);
    assert!(events.iter().all(|t| t % 4 == 0));
    assert_eq!(plan.compositions_after(5), 2);
}

#[test]
fn bands_must_fit_the_run() {
    for bands in [0, 301] {
        let err = PrivacyPlan::derive(
            &request(NoiseRequest::Banded { bands }, None, Some(1.0)),
            N,
            512.0,
            300,
        )
        .unwrap_err();
        assert!(err.to_string().contains("privacy.bands"), "{err}");
    }
    // Too few examples per partition for the batch.
    let err = PrivacyPlan::derive(
        &request(NoiseRequest::Banded { bands: 200 }, None, Some(1.0)),
        N,
        512.0,
        300,
    )
    .unwrap_err();
    assert!(err.to_string().contains("training.batch_size"), "{err}");
    // BandMF without privacy is refused.
    let mut off = request(NoiseRequest::Banded { bands: 2 }, None, Some(1.0));
    off.enabled = false;
    assert!(PrivacyPlan::derive(&off, N, 512.0, 300).is_err());
}
