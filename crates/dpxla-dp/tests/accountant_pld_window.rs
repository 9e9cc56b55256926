//! The PLD accountant's window adapts to the mechanism (issue 10, item 13):
//! a full-batch Gaussian with σ = 0.3 gave ε = ∞ (JSON `null`) because the
//! per-step loss support overflowed to ±∞; 10⁹ steps gave 345,108 against
//! RDP's 92,526. PLD must be finite and pessimistic where the exact value is
//! known, never looser than RDP, and an uncomputable value is an error.

use dpxla_dp::accountant::pld_discretize::{hockey_stick, Direction};
use dpxla_dp::accountant::{epsilon_of, AccountantKind, PoissonGaussianEvent};

fn eps(kind: AccountantKind, q: f64, sigma: f64, steps: u64, delta: f64) -> f64 {
    epsilon_of(
        kind,
        &[PoissonGaussianEvent::new(q, sigma, steps).unwrap()],
        delta,
    )
    .unwrap()
}

/// Exact ε(δ) of T full-batch Gaussian steps (one Gaussian with σ/√T): the
/// root of the Balle–Wang 2018 profile, by bisection on `hockey_stick`.
fn gaussian_exact(sigma: f64, steps: u64, delta: f64) -> f64 {
    let s = sigma / (steps as f64).sqrt();
    let (mut lo, mut hi) = (0.0, 1e4);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if hockey_stick(1.0, s, Direction::Remove, mid) > delta {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi
}

#[test]
fn full_batch_small_sigma_is_finite_pessimistic_and_tight() {
    // dp-accounting's PLD: 19.13 at T = 1; dpxla's RDP 20.39.
    for steps in [1, 10] {
        let exact = gaussian_exact(0.3, steps, 1e-5);
        let pld = eps(AccountantKind::Pld, 1.0, 0.3, steps, 1e-5);
        let rdp = eps(AccountantKind::Rdp, 1.0, 0.3, steps, 1e-5);
        assert!(pld.is_finite(), "T={steps}: PLD {pld}");
        assert!(
            pld >= exact * (1.0 - 1e-9),
            "T={steps}: PLD {pld} < exact {exact}"
        );
        assert!(
            pld <= exact * 1.005,
            "T={steps}: PLD {pld} vs exact {exact}"
        );
        assert!(pld <= rdp, "T={steps}: PLD {pld} > RDP {rdp}");
    }
}

#[test]
fn pld_is_never_looser_than_rdp() {
    // The 10⁹-step case, and a spread of (q, σ, T, δ) including
    // extremes of each.
    let mut cases = vec![(0.01, 1.0, 1_000_000_000u64, 1e-5)];
    for &q in &[1e-4, 0.3, 1.0] {
        for &sigma in &[0.3, 2.0, 20.0] {
            for &steps in &[1u64, 10_000_000] {
                cases.push((q, sigma, steps, 1e-6));
            }
        }
    }
    for (q, sigma, steps, delta) in cases {
        let pld = eps(AccountantKind::Pld, q, sigma, steps, delta);
        let rdp = eps(AccountantKind::Rdp, q, sigma, steps, delta);
        assert!(
            pld <= rdp * (1.0 + 1e-12),
            "q={q} σ={sigma} T={steps} δ={delta}: PLD {pld} > RDP {rdp}"
        );
    }
}

#[test]
fn an_uncomputable_epsilon_is_an_error_not_infinity() {
    // σ = 1e-200: 1/σ² overflows, no accountant has a finite bound.
    for kind in [AccountantKind::Pld, AccountantKind::Rdp] {
        let ev = PoissonGaussianEvent::new(1.0, 1e-200, 1).unwrap();
        let err = epsilon_of(kind, &[ev], 1e-5).unwrap_err().to_string();
        assert!(err.contains("cannot be computed"), "{kind}: {err}");
    }
}
