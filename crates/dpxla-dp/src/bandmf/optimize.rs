//! Choosing the strategy: minimise `sens(C)² · error(A C⁻¹)` (see
//! [`crate::bandmf::loss`]) over the `b − 1` free Toeplitz coefficients, once, on
//! the host, before training.
//!
//! This is the banded Toeplitz variant (McKenna 2024, arXiv:2405.15913) of the
//! amplified-BandMF strategy optimisation of Choquette-Choo et al. 2023
//! (arXiv:2306.08153): for a fixed number of bands `b` the privacy of the
//! amplified mechanism depends on `C` only through `σ / sens(C)`, so at a fixed
//! privacy level the expected squared error of the prefix sums is proportional
//! to this loss. The loss is invariant to scaling `C`, so `c_0 = 1` is fixed and
//! L-BFGS runs on `ln loss` (better scaled) from the banded square root
//! [`BandedToeplitz::sqrt_prefix_sum`]. Choosing `b` itself (fewer compositions
//! but a larger per-step sampling rate) is the caller's business.

use serde::{Deserialize, Serialize};

use super::lbfgs::{minimize, LbfgsOptions};
use super::loss::{evaluate, loss_and_gradient, Objective};
use super::strategy::{validate_bands, validate_steps, BandedToeplitz};
use crate::{Error, Result};

/// Budget and tolerance of [`optimize_banded_toeplitz`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct OptimizeOptions {
    /// At most this many L-BFGS iterations.
    pub max_iters: usize,
    /// Stop when every component of `∇ ln loss` is at most this.
    pub grad_tol: f64,
}

impl Default for OptimizeOptions {
    fn default() -> Self {
        OptimizeOptions {
            max_iters: 2_000,
            grad_tol: 1e-9,
        }
    }
}

/// The `bands`-banded Toeplitz strategy for `n` steps that minimises the
/// amplified prefix-sum loss for `objective`. `bands = 1` is the identity
/// (nothing to optimise); `bands` must be at most `n`. Never worse than the
/// starting point, the banded square root.
pub fn optimize_banded_toeplitz(
    n: usize,
    bands: usize,
    objective: Objective,
    opts: OptimizeOptions,
) -> Result<BandedToeplitz> {
    validate_steps(n)?;
    validate_bands(bands)?;
    if bands > n {
        return Err(Error::InvalidInput(format!(
            "{bands} bands exceed the {n} steps"
        )));
    }
    if bands == 1 {
        return Ok(BandedToeplitz::identity());
    }
    let start = BandedToeplitz::sqrt_prefix_sum(bands)?;
    let start_loss = evaluate(&start, n, objective)?.loss;
    let mut coefs = start.coefs().to_vec();
    let log_loss = |x: &[f64], grad: &mut [f64]| -> f64 {
        coefs[1..].copy_from_slice(x);
        let loss = loss_and_gradient(&coefs, n, objective, grad);
        grad.iter_mut().for_each(|g| *g /= loss);
        loss.ln()
    };
    let lbfgs = LbfgsOptions {
        max_iters: opts.max_iters,
        grad_tol: opts.grad_tol,
        history: 10,
    };
    let result = minimize(log_loss, start.coefs()[1..].to_vec(), lbfgs);
    let mut best = vec![1.0];
    best.extend_from_slice(&result.x);
    let best = BandedToeplitz::from_coefs(best)?;
    if evaluate(&best, n, objective)?.loss <= start_loss {
        Ok(best)
    } else {
        Ok(start)
    }
}
