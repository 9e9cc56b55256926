//! The generated noise has covariance σ² C⁻¹ C⁻ᵀ over steps, to sampling error.

use super::dense::{inverse_lower, materialize, matmul, transpose, Matrix};
use super::rng::TestRng;
use crate::bandmf::{optimize_banded_toeplitz, CorrelatedNoise, Objective, OptimizeOptions};

/// The largest |Σ̂ − Σ| in standard errors, the SE of a zero-mean sample
/// covariance being sqrt((Σ_ii Σ_jj + Σ_ij²) / N) for Gaussian data.
fn max_z_score(empirical: &Matrix, expected: &Matrix, trials: usize) -> f64 {
    let n = expected.len();
    let mut worst = 0.0_f64;
    for i in 0..n {
        for j in 0..n {
            let var = (expected[i][i] * expected[j][j] + expected[i][j].powi(2)) / trials as f64;
            worst = worst.max((empirical[i][j] - expected[i][j]).abs() / var.sqrt());
        }
    }
    worst
}

#[test]
fn noise_covariance_matches_the_strategy() {
    let (n, bands, sigma, trials) = (12, 4, 1.5, 40_000);
    let s = optimize_banded_toeplitz(n, bands, Objective::MeanSquared, OptimizeOptions::default())
        .unwrap();
    // Every element of the tensor is an independent trial of the n-step process.
    let mut rng = TestRng::new(8);
    let mut gen = CorrelatedNoise::<f64>::new(&s, trials);
    let mut w = vec![vec![0.0; trials]; n];
    for row in w.iter_mut() {
        row.iter_mut().for_each(|v| *v = sigma * rng.normal());
        gen.apply(row).unwrap();
    }
    let empirical: Matrix = (0..n)
        .map(|i| {
            (0..n)
                .map(|j| (0..trials).map(|k| w[i][k] * w[j][k]).sum::<f64>() / trials as f64)
                .collect()
        })
        .collect();
    let c_inv = inverse_lower(&materialize(&s, n));
    let scale = |m: Matrix| -> Matrix {
        m.into_iter()
            .map(|r| r.into_iter().map(|v| sigma * sigma * v).collect())
            .collect()
    };
    let expected = scale(matmul(&c_inv, &transpose(&c_inv)));
    let z = max_z_score(&empirical, &expected, trials);
    assert!(
        z < 5.0,
        "empirical covariance is {z} standard errors from σ² C⁻¹C⁻ᵀ"
    );
    // The test has power: the transposed product C⁻ᵀC⁻¹ is clearly rejected.
    let wrong = scale(matmul(&transpose(&c_inv), &c_inv));
    assert!(max_z_score(&empirical, &wrong, trials) > 20.0);
}
