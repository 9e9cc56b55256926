//! Adaptive clipping's privacy math (Andrew et al. 2021): the split of σ
//! into the gradient's σ_Δ and the count's σ_b composes to σ exactly, the
//! plan calibrates and accounts the total σ, and the geometric update
//! tracks the target quantile of a known norm distribution.

use dpxla_dp::accountant::{calibrate_sigma, epsilon_of, AccountantKind, PoissonGaussianEvent};
use dpxla_dp::adaptive_clip::{split_noise_multiplier, standard_normal, AdaptiveClipping};
use dpxla_dp::clip::{ClipMethod, ClipMode};
use dpxla_dp::plan::{NoiseRequest, PrivacyPlan, PrivacyRequest};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha20Rng;

fn request(adaptive: Option<AdaptiveClipping>, target: Option<f64>) -> PrivacyRequest {
    PrivacyRequest {
        enabled: true,
        clip_norm: 1.0,
        clip_mode: ClipMode::Flat,
        noise_multiplier: None,
        target_epsilon: target,
        delta: 1e-5,
        accountant: AccountantKind::Pld,
        allow_large_delta: false,
        prior: vec![],
        noise: NoiseRequest::Independent,
        adaptive,
    }
}

/// Without subsampling (q = 1) the two Gaussians of the pair compose
/// exactly (their privacy-loss distributions are Gaussians whose μ² add):
/// the accountant's ε of (σ_Δ on the sum, 2σ_b on the sensitivity-½ count)
/// must equal its ε of ONE Gaussian with σ, for both accountants.
#[test]
fn the_split_pair_spends_what_one_gaussian_of_sigma_spends() {
    for kind in [AccountantKind::Pld, AccountantKind::Rdp] {
        for (sigma, sb) in [(1.0, 1.0), (2.0, 1.5), (0.8, 3.2)] {
            let sd = split_noise_multiplier(sigma, sb).unwrap();
            let one = PoissonGaussianEvent::new(1.0, sigma, 3).unwrap();
            let grad = PoissonGaussianEvent::new(1.0, sd, 3).unwrap();
            // The count's multiplier: noise σ_b over sensitivity ½.
            let count = PoissonGaussianEvent::new(1.0, 2.0 * sb, 3).unwrap();
            let e_one = epsilon_of(kind, &[one], 1e-5).unwrap();
            let e_pair = epsilon_of(kind, &[grad, count], 1e-5).unwrap();
            let rel = (e_pair / e_one - 1.0).abs();
            assert!(
                rel < 1e-6,
                "{kind:?} σ={sigma} σ_b={sb}: {e_pair} vs {e_one}"
            );
            // A split that ignored the count (σ_Δ = σ) spends more.
            let naive = PoissonGaussianEvent::new(1.0, sigma, 3).unwrap();
            let e_naive = epsilon_of(kind, &[naive, count], 1e-5).unwrap();
            assert!(e_naive > e_one * 1.005, "{kind:?}: {e_naive} vs {e_one}");
        }
    }
}

/// Calibration targets the total σ (count included): the accounted σ is the
/// one a fixed-C run would calibrate, the planned ε is that σ's, and the
/// mechanism's gradient noise is the larger σ_Δ with a runtime C.
#[test]
fn the_plan_calibrates_and_accounts_the_total_sigma() {
    let (n, batch, steps) = (10_000, 200.0, 300);
    let a = AdaptiveClipping::new(0.5, 0.2, batch / 20.0).unwrap();
    let (plan, _) = PrivacyPlan::derive(&request(Some(a), Some(2.0)), n, batch, steps).unwrap();
    let p = plan.private.as_ref().unwrap();
    let q = batch / n as f64;
    let sigma = calibrate_sigma(AccountantKind::Pld, 2.0, q, steps, 1e-5).unwrap();
    assert!(
        (p.sigma / sigma - 1.0).abs() < 1e-9,
        "{} vs {sigma}",
        p.sigma
    );
    let ev = PoissonGaussianEvent::new(q, p.sigma, steps).unwrap();
    let eps = epsilon_of(AccountantKind::Pld, &[ev], 1e-5).unwrap();
    assert!((p.planned_epsilon - eps).abs() < 1e-9 && eps <= 2.0 + 1e-9);
    assert_eq!(plan.composition_event().unwrap().sigma, p.sigma);
    let m = plan.mechanism(ClipMethod::Auto).unwrap().unwrap();
    let expected = split_noise_multiplier(p.sigma, batch / 20.0).unwrap();
    assert_eq!(m.sigma(), expected);
    assert!(m.sigma() > p.sigma);
    assert!(m.clipping().runtime_norm());
    assert_eq!(m.clip_norm(), 1.0);
    // Without adaptive clipping: C baked in, gradient σ = accounted σ.
    let (fixed, _) = PrivacyPlan::derive(&request(None, Some(2.0)), n, batch, steps).unwrap();
    let m = fixed.mechanism(ClipMethod::Auto).unwrap().unwrap();
    assert!(!m.clipping().runtime_norm());
    assert_eq!(m.sigma(), fixed.private.unwrap().sigma);
}

#[test]
fn a_count_noise_too_small_for_sigma_is_refused_by_the_plan() {
    let a = AdaptiveClipping::new(0.5, 0.2, 0.1).unwrap();
    let mut req = request(Some(a), None);
    req.noise_multiplier = Some(1.0);
    let e = PrivacyPlan::derive(&req, 10_000, 100.0, 10)
        .unwrap_err()
        .to_string();
    assert!(e.contains("privacy.count_noise_std"), "{e}");
    req.noise = NoiseRequest::Banded { bands: 2 };
    req.adaptive = Some(AdaptiveClipping::new(0.5, 0.2, 5.0).unwrap());
    let e = PrivacyPlan::derive(&req, 10_000, 100.0, 10)
        .unwrap_err()
        .to_string();
    assert!(e.contains("bandmf"), "{e}");
}

/// The update, fed noisy counts of a known norm distribution (|N(0, 4)|,
/// median 2·0.6745), settles near the target quantile for γ = 0.5 and 0.9.
#[test]
fn c_converges_to_the_target_quantile_of_known_norms() {
    let mut rng = ChaCha20Rng::seed_from_u64(7);
    for (gamma, quantile) in [(0.5, 2.0 * 0.674_49), (0.9, 2.0 * 1.644_85)] {
        let m = 256.0;
        let a = AdaptiveClipping::new(gamma, 0.2, m / 20.0).unwrap();
        let mut c: f64 = 0.1;
        let mut tail = Vec::new();
        for t in 0..2000 {
            let batch = m as usize;
            let unclipped = (0..batch)
                .filter(|_| {
                    let z = standard_normal(rng.gen(), rng.gen());
                    (2.0 * z).abs() <= c
                })
                .count();
            let z = standard_normal(rng.gen(), rng.gen());
            let beta = a.noisy_centred_count(unclipped as f64, batch as f64, z);
            c = a.next_clip_norm(c, a.unclipped_fraction(beta, m));
            if t >= 1000 {
                tail.push(c);
            }
        }
        let mean = tail.iter().sum::<f64>() / tail.len() as f64;
        assert!(
            (mean / quantile - 1.0).abs() < 0.05,
            "γ={gamma}: C → {mean}, quantile {quantile}"
        );
    }
}

#[test]
fn the_released_count_carries_noise_of_std_sigma_b() {
    let mut rng = ChaCha20Rng::seed_from_u64(11);
    let a = AdaptiveClipping::new(0.5, 0.2, 3.0).unwrap();
    let draws: Vec<f64> = (0..20_000)
        .map(|_| a.noisy_centred_count(30.0, 50.0, standard_normal(rng.gen(), rng.gen())))
        .collect();
    let mean = draws.iter().sum::<f64>() / draws.len() as f64;
    let var = draws.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (draws.len() - 1) as f64;
    assert!((mean - 5.0).abs() < 0.1, "{mean}");
    assert!((var / 9.0 - 1.0).abs() < 0.05, "{var}");
}
