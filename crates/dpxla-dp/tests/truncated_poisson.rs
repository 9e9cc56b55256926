//! Truncated Poisson and sampling rates (issue 26, item 4): the binomial tail
//! against SciPy (crates/dpxla-dp/tests/data/truncation_reference.json, written
//! by scripts/truncation_reference.py) and against a direct f64 sum; the ε and δ
//! a cap costs; calibration with a cap; the plan's normaliser with a declared
//! public size; refused plans.

use dpxla_dp::accountant::truncation::{ln_binomial_sf, overflow_probability};
use dpxla_dp::accountant::{
    calibrate_sigma, calibrate_sigma_truncated, AccountantKind, PoissonGaussianEvent,
    PrivacyAccountant,
};
use dpxla_dp::clip::ClipMode;
use dpxla_dp::plan::{NoiseRequest, PrivacyPlan, PrivacyRequest};
use dpxla_dp::sampling::{SamplingRequest, SamplingSpec};
use serde_json::Value;

#[test]
fn the_binomial_tail_matches_scipy_logsf() {
    let r: Value = serde_json::from_str(include_str!("data/truncation_reference.json")).unwrap();
    for c in r["cases"].as_array().unwrap() {
        let (n, q, k) = (
            c["n"].as_u64().unwrap(),
            c["q"].as_f64().unwrap(),
            c["k"].as_u64().unwrap(),
        );
        let want = c["ln_sf"].as_f64().unwrap();
        let got = ln_binomial_sf(n, q, k).unwrap();
        // ln C(n, k) from Stirling's series at n ~ 1e6 carries ~1e-8 absolute.
        assert!(
            (got - want).abs() <= 1e-7 * want.abs().max(1.0),
            "n {n} q {q} k {k}: {got} vs scipy {want}"
        );
    }
}

#[test]
fn the_binomial_tail_matches_a_direct_f64_sum() {
    // Pascal's triangle and plain powers: nothing shared with the log-space sum.
    let n = 60usize;
    let mut row = vec![1.0f64];
    for _ in 0..n {
        let mut next = vec![1.0; row.len() + 1];
        for j in 1..row.len() {
            next[j] = row[j - 1] + row[j];
        }
        row = next;
    }
    for q in [0.02f64, 0.3, 0.77] {
        for k in [0usize, 1, 5, 18, 30, 45, 59] {
            let direct: f64 = (k + 1..=n)
                .map(|j| row[j] * q.powi(j as i32) * (1.0 - q).powi((n - j) as i32))
                .sum();
            let got = ln_binomial_sf(n as u64, q, k as u64).unwrap().exp();
            assert!(
                (got - direct).abs() <= 1e-12 * direct.max(1e-300) + 1e-300,
                "q {q} k {k}: {got} vs {direct}"
            );
        }
    }
    assert_eq!(ln_binomial_sf(10, 0.5, 10).unwrap(), f64::NEG_INFINITY);
    assert_eq!(ln_binomial_sf(10, 1.0, 9).unwrap(), 0.0);
    // The worst neighbour is one example more.
    assert_eq!(
        overflow_probability(1000, 0.1, 130).unwrap(),
        ln_binomial_sf(1001, 0.1, 130).unwrap().exp()
    );
}

fn accountant(kind: AccountantKind, q: f64, sigma: f64, steps: u64, p: f64) -> PrivacyAccountant {
    let mut acc = PrivacyAccountant::new(kind);
    let ev = PoissonGaussianEvent::new(q, sigma, steps)
        .unwrap()
        .with_overflow(p)
        .unwrap();
    acc.compose(ev).unwrap();
    acc
}

#[test]
fn a_cap_costs_epsilon_and_delta_and_nothing_once_its_tail_underflows() {
    let (q, sigma, steps, delta) = (0.1, 1.5, 200, 1e-5);
    for kind in [AccountantKind::Rdp, AccountantKind::Pld] {
        let plain = accountant(kind, q, sigma, steps, 0.0);
        let p = overflow_probability(1000, q, 170).unwrap();
        assert!(p > 1e-13 && p < 1e-10, "{p}");
        let capped = accountant(kind, q, sigma, steps, p);
        let (e0, e1) = (
            plain.epsilon(delta).unwrap(),
            capped.epsilon(delta).unwrap(),
        );
        assert!(e1 > e0, "{kind}: capped {e1} vs {e0}");
        // δ at the capped ε: the untruncated δ plus (1 + e^ε)·η, within δ.
        // P(some of T steps overflows), by its series (Tp)² ≪ Tp here.
        let t = steps as f64;
        let eta = t * p * (1.0 - (t - 1.0) * p / 2.0);
        assert!((capped.truncation_tv() - eta).abs() <= 1e-12 * eta);
        let d1 = capped.delta(e1).unwrap();
        let d0 = plain.delta(e1).unwrap();
        assert!(
            (d1 - d0 - (1.0 + e1.exp()) * eta).abs() <= 1e-15,
            "{d1} {d0}"
        );
        assert!(d1 <= delta * (1.0 + 1e-9), "{d1}");
        // A cap far beyond Binomial(1001, 0.1): p underflows to 0, the same ε.
        let far = overflow_probability(1000, q, 700).unwrap();
        assert_eq!(far, 0.0);
        let same = accountant(kind, q, sigma, steps, far);
        assert_eq!(same.epsilon(delta).unwrap().to_bits(), e0.to_bits());
        // The overflow probability survives a checkpoint of the state.
        let state = serde_json::to_string(capped.state()).unwrap();
        let back = PrivacyAccountant::from_state(serde_json::from_str(&state).unwrap()).unwrap();
        assert_eq!(back.epsilon(delta).unwrap().to_bits(), e1.to_bits());
        assert!(!serde_json::to_string(plain.state())
            .unwrap()
            .contains("overflow"));
    }
    // A cap at the mean: truncation is near certain, no δ = 1e-5 bound.
    let p = overflow_probability(1000, q, 100).unwrap();
    let err = accountant(AccountantKind::Rdp, q, sigma, steps, p)
        .epsilon(delta)
        .unwrap_err()
        .to_string();
    assert!(err.contains("training.max_batch_size"), "{err}");
}

#[test]
fn calibration_with_a_cap_needs_more_noise_and_refuses_a_hopeless_cap() {
    let (q, steps, delta) = (0.01, 1000, 1e-5);
    let plain = calibrate_sigma(AccountantKind::Rdp, 3.0, q, steps, delta).unwrap();
    let p = overflow_probability(10_000, q, 170).unwrap();
    assert!(p > 1e-12 && p < 1e-9, "{p}");
    let capped =
        calibrate_sigma_truncated(AccountantKind::Rdp, 3.0, &[], q, steps, delta, p).unwrap();
    assert!(capped > plain, "{capped} vs {plain}");
    // It meets the target with the cap's cost included.
    let acc = accountant(AccountantKind::Rdp, q, capped, steps, p);
    assert!(acc.epsilon(delta).unwrap() <= 3.0);
    let p = overflow_probability(10_000, q, 110).unwrap();
    let err = calibrate_sigma_truncated(AccountantKind::Rdp, 3.0, &[], q, steps, delta, p)
        .unwrap_err()
        .to_string();
    assert!(err.contains("raise the cap"), "{err}");
}

fn request() -> PrivacyRequest {
    PrivacyRequest {
        enabled: true,
        clip_norm: 1.0,
        clip_mode: ClipMode::Flat,
        noise_multiplier: Some(1.0),
        target_epsilon: None,
        delta: 1e-6,
        accountant: AccountantKind::Rdp,
        allow_large_delta: false,
        prior: Vec::new(),
        noise: NoiseRequest::Independent,
        adaptive: None,
    }
}

fn rate(q: f64, public_size: usize, max_batch: Option<usize>) -> SamplingSpec {
    SamplingSpec {
        request: SamplingRequest::Rate { q, public_size },
        max_batch,
    }
}

#[test]
fn with_a_sampling_rate_no_plan_number_reads_the_dataset_size() {
    let derive = |n: usize, s: &SamplingSpec, req: &PrivacyRequest| {
        PrivacyPlan::derive_sampled(req, n, s, 100).map(|(p, _)| p)
    };
    let s = rate(0.05, 20_000, None);
    let (a, b) = (
        derive(20_000, &s, &request()).unwrap(),
        derive(20_001, &s, &request()).unwrap(),
    );
    for p in [&a, &b] {
        assert_eq!(p.q, 0.05);
        assert_eq!(p.expected_batch(), 0.05 * 20_000.0);
        assert_eq!(p.epochs_after(100), 5.0);
    }
    assert_eq!(a.private, b.private);
    // With batch_size (the old path) q and the planned ε read N.
    let (c, d) = (
        derive(20_000, &SamplingSpec::batch_size(1000.0), &request()).unwrap(),
        derive(20_001, &SamplingSpec::batch_size(1000.0), &request()).unwrap(),
    );
    assert_ne!(c.q, d.q);
    assert_ne!(c.private, d.private);
    // BandMF: the rate within a partition, divided by q·⌊N₀/k⌋.
    let banded = PrivacyRequest {
        noise: NoiseRequest::Banded { bands: 4 },
        ..request()
    };
    let p = derive(19_999, &s, &banded).unwrap();
    assert_eq!(p.q, 0.05);
    assert_eq!(p.expected_batch(), 0.05 * 5_000.0);
    // δ is checked against 1/N₀.
    let loose = PrivacyRequest {
        delta: 1e-4,
        ..request()
    };
    let err = derive(100, &rate(0.05, 20_000, None), &loose).unwrap_err();
    assert!(err.to_string().contains("1/N₀"), "{err}");
}

#[test]
fn a_cap_is_refused_where_its_bound_does_not_hold() {
    let derive = |n: usize, s: &SamplingSpec, req: &PrivacyRequest| {
        PrivacyPlan::derive_sampled(req, n, s, 100).map(|(p, _)| p)
    };
    // N₀ must bound the training set when a cap is accounted at N₀ + 1.
    let err = derive(20_001, &rate(0.05, 20_000, Some(1250)), &request()).unwrap_err();
    assert!(err.to_string().contains("public_dataset_size"), "{err}");
    let ok = derive(15_000, &rate(0.05, 20_000, Some(1250)), &request()).unwrap();
    assert_eq!(
        ok.overflow,
        overflow_probability(20_000, 0.05, 1250).unwrap()
    );
    assert_eq!(ok.composition_event().unwrap().overflow, ok.overflow);
    // BandMF counts cycles, the bound counts steps.
    let banded = PrivacyRequest {
        noise: NoiseRequest::Banded { bands: 4 },
        ..request()
    };
    let err = derive(20_000, &rate(0.05, 20_000, Some(1250)), &banded).unwrap_err();
    assert!(err.to_string().contains("max_batch_size"), "{err}");
    // A cap that leaves no δ: named in the error, with and without calibration.
    let err = derive(20_000, &rate(0.05, 20_000, Some(1000)), &request()).unwrap_err();
    assert!(err.to_string().contains("training.max_batch_size"), "{err}");
    let calibrated = PrivacyRequest {
        noise_multiplier: None,
        target_epsilon: Some(3.0),
        ..request()
    };
    let err = derive(20_000, &rate(0.05, 20_000, Some(1000)), &calibrated).unwrap_err();
    assert!(err.to_string().contains("training.max_batch_size"), "{err}");
}
