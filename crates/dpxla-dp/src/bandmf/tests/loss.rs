//! The prefix-sum error and its gradient, against dense algebra.

use super::dense::{inverse_lower, materialize, matmul, prefix_sum};
use super::rng::TestRng;
use crate::bandmf::loss::loss_and_gradient;
use crate::bandmf::{evaluate, BandedToeplitz, Objective};

/// (mean, max) squared error of `A C⁻¹` from dense matrices.
fn dense_errors(s: &BandedToeplitz, n: usize) -> (f64, f64) {
    let b = matmul(&prefix_sum(n), &inverse_lower(&materialize(s, n)));
    let rows: Vec<f64> = b.iter().map(|r| r.iter().map(|v| v * v).sum()).collect();
    (
        rows.iter().sum::<f64>() / n as f64,
        rows.iter().fold(0.0, |m, &v| m.max(v)),
    )
}

#[test]
fn identity_errors_match_the_known_values() {
    // Facts (jax_privacy's toeplitz tests): for C = I the mean error is
    // (n + 1) / 2 and the max error is n.
    for n in [1, 2, 7, 14] {
        let mean = evaluate(&BandedToeplitz::identity(), n, Objective::MeanSquared).unwrap();
        let max = evaluate(&BandedToeplitz::identity(), n, Objective::MaxSquared).unwrap();
        assert!((mean.loss - (n as f64 + 1.0) / 2.0).abs() < 1e-12);
        assert!((max.loss - n as f64).abs() < 1e-12);
    }
}

#[test]
fn errors_match_dense_algebra() {
    let s = BandedToeplitz::from_coefs(vec![1.0, 0.7, -0.2, 0.35]).unwrap();
    for n in [4, 9, 25] {
        let (mean, max) = dense_errors(&s, n);
        let got_mean = evaluate(&s, n, Objective::MeanSquared).unwrap();
        let got_max = evaluate(&s, n, Objective::MaxSquared).unwrap();
        assert!(
            (got_mean.error - mean).abs() < 1e-9 * mean.max(1.0),
            "n={n}"
        );
        assert!((got_max.error - max).abs() < 1e-9 * max.max(1.0), "n={n}");
        let sens2 = s.sensitivity(n).unwrap().powi(2);
        assert!((got_mean.loss - sens2 * mean).abs() < 1e-9 * sens2 * mean);
    }
}

#[test]
fn gradient_matches_finite_differences() {
    let mut rng = TestRng::new(3);
    for objective in [Objective::MeanSquared, Objective::MaxSquared] {
        let mut coefs = vec![1.0];
        coefs.extend((1..5).map(|_| 0.3 * rng.normal()));
        let n = 17;
        let mut grad = vec![0.0; 4];
        loss_and_gradient(&coefs, n, objective, &mut grad);
        let mut scratch = vec![0.0; 4];
        for j in 1..5 {
            let h = 1e-6;
            let (mut up, mut down) = (coefs.clone(), coefs.clone());
            up[j] += h;
            down[j] -= h;
            let fd = (loss_and_gradient(&up, n, objective, &mut scratch)
                - loss_and_gradient(&down, n, objective, &mut scratch))
                / (2.0 * h);
            let g = grad[j - 1];
            assert!(
                (g - fd).abs() < 1e-5 * fd.abs().max(1.0),
                "{objective:?} c_{j}: {g} vs {fd}"
            );
        }
    }
}

#[test]
fn too_many_bands_are_rejected() {
    let s = BandedToeplitz::sqrt_prefix_sum(5).unwrap();
    assert!(evaluate(&s, 4, Objective::MeanSquared).is_err());
    assert!(evaluate(&s, 0, Objective::MeanSquared).is_err());
}
