//! How well a strategy answers the prefix-sum workload, and the gradient of that
//! with respect to the strategy's free coefficients.
//!
//! Training with BandMF releases (the running sum of) `x + C⁻¹ z`, so the noise in
//! the prefix sums `A x` (`A` = all-ones lower triangle) is `A C⁻¹ z`. With
//! `z ~ N(0, σ² I)` and σ set to `σ_eff · sens(C)` (a fixed privacy level, see
//! [`crate::bandmf::accounting`]), the expected squared error is
//! `σ_eff² · sens(C)² · ‖A C⁻¹‖²`, so the objective is the scale-free
//! `sens(C)² · error(A C⁻¹)` of Choquette-Choo et al. 2023 (arXiv:2306.08153,
//! the amplified setting, where sensitivity is the largest column norm):
//!
//! - [`Objective::MeanSquared`]: `‖A C⁻¹‖_F² / n`, the mean over steps of the
//!   prefix-sum variance (the paper's total squared error divided by `n`);
//! - [`Objective::MaxSquared`]: the largest squared row norm of `A C⁻¹`, the
//!   worst step's variance.
//!
//! `A C⁻¹` is lower-triangular Toeplitz with first column `e_k = Σ_{i ≤ k} d_i`
//! (`d` the first column of `C⁻¹`), so row `i` has squared norm `Σ_{k ≤ i} e_k²`:
//! the Frobenius norm is `Σ_k (n − k) e_k²` and the largest row is the last,
//! `Σ_k e_k²`. Everything is `O(n b)`.

use serde::{Deserialize, Serialize};

use super::strategy::{inverse_first_column, validate_steps, BandedToeplitz};
use crate::{Error, Result};

/// Which prefix-sum error the strategy minimises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Objective {
    /// Mean over the `n` steps of the prefix sum's noise variance.
    MeanSquared,
    /// The largest (last step's) prefix-sum noise variance.
    MaxSquared,
}

/// A strategy's error on the prefix-sum workload over `n` steps.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Evaluation {
    /// `error(A C⁻¹)` for the objective (noise variance per unit `σ²`).
    pub error: f64,
    /// `sens(C)²`, the largest squared column norm.
    pub sensitivity_squared: f64,
    /// `sensitivity_squared · error`: the variance at a fixed privacy level
    /// (per unit effective noise multiplier²); what the optimiser minimises.
    pub loss: f64,
}

/// Evaluates `strategy` over `n ≥ bands` steps.
pub fn evaluate(strategy: &BandedToeplitz, n: usize, objective: Objective) -> Result<Evaluation> {
    validate_steps(n)?;
    if strategy.bands() > n {
        return Err(Error::InvalidInput(format!(
            "{} bands exceed the {n} steps",
            strategy.bands()
        )));
    }
    let error = workload_error(strategy.coefs(), n, objective);
    let sensitivity_squared = strategy.coefs().iter().map(|c| c * c).sum::<f64>();
    Ok(Evaluation {
        error,
        sensitivity_squared,
        loss: sensitivity_squared * error,
    })
}

/// The per-step weights of `e_k²` and the divisor for `objective`.
fn weight(objective: Objective, n: usize, k: usize) -> f64 {
    match objective {
        Objective::MeanSquared => (n - k) as f64 / n as f64,
        Objective::MaxSquared => 1.0,
    }
}

/// `error(A C⁻¹)` for `coefs` (`c_0 = 1`, `len ≤ n`).
fn workload_error(coefs: &[f64], n: usize, objective: Objective) -> f64 {
    let d = inverse_first_column(coefs, n);
    let mut e = 0.0;
    let mut total = 0.0;
    for (k, dk) in d.iter().enumerate() {
        e += dk;
        total += weight(objective, n, k) * e * e;
    }
    total
}

/// The loss `sens² · error` of `coefs` (`c_0 = 1`, `len ≤ n`) and its gradient
/// with respect to `c_1 … c_{b−1}` (written to `grad`, length `b − 1`).
///
/// Reverse-mode through the recursion `d_k = −Σ_j c_j d_{k−j}`: with
/// `g_i = ∂error/∂d_i` (direct, through `e`), the adjoint `λ_k` of `d_k` is
/// `λ_k = g_k − Σ_{j ≥ 1} c_j λ_{k+j}` (backwards in k), and
/// `∂error/∂c_j = −Σ_{k ≥ j} λ_k d_{k−j}`. Then
/// `∂loss/∂c_j = 2 c_j error + sens² ∂error/∂c_j`.
pub(crate) fn loss_and_gradient(
    coefs: &[f64],
    n: usize,
    objective: Objective,
    grad: &mut [f64],
) -> f64 {
    let b = coefs.len();
    debug_assert!(b <= n && grad.len() + 1 == b);
    let d = inverse_first_column(coefs, n);
    // e_k and ∂error/∂e_k = 2 w_k e_k.
    let mut e = 0.0;
    let mut error = 0.0;
    let mut de = vec![0.0; n];
    for k in 0..n {
        e += d[k];
        let w = weight(objective, n, k);
        error += w * e * e;
        de[k] = 2.0 * w * e;
    }
    // g_i = Σ_{k ≥ i} ∂error/∂e_k, folded into the backward adjoint pass.
    let mut lambda = vec![0.0; n];
    let mut suffix = 0.0;
    for k in (0..n).rev() {
        suffix += de[k];
        let mut acc = suffix;
        for j in 1..b.min(n - k) {
            acc -= coefs[j] * lambda[k + j];
        }
        lambda[k] = acc;
    }
    let sens2: f64 = coefs.iter().map(|c| c * c).sum();
    for j in 1..b {
        let mut derr = 0.0;
        for k in j..n {
            derr -= lambda[k] * d[k - j];
        }
        grad[j - 1] = 2.0 * coefs[j] * error + sens2 * derr;
    }
    sens2 * error
}
