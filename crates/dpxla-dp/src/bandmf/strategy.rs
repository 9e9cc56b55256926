//! The strategy matrix of BandMF: an `n × n` lower-triangular Toeplitz matrix `C`
//! with `b` bands, `C[i][j] = c_{i−j}` for `0 ≤ i − j < b` and 0 elsewhere.
//!
//! The diagonal is normalised to `c_0 = 1`: the scale of `C` does not change the
//! mechanism (it is absorbed by the noise multiplier, see [`BandedToeplitz::sensitivity`]),
//! and `c_0 = 1` makes `b = 1` exactly the identity, i.e. plain DP-SGD.
//!
//! Banded Toeplitz strategies are the scalable form of BandMF in McKenna 2024,
//! "Scaling up the Banded Matrix Factorization Mechanism for Differentially
//! Private ML" (arXiv:2405.15913); the square-root closed form is from
//! Fichtenberger, Henzinger, Upadhyay 2023, "Constant Matters: Fine-grained
//! Error Bound on Differentially Private Continual Observation" (ICML 2023).

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// A banded lower-triangular Toeplitz strategy, stored as its first column
/// `c_0 = 1, c_1, …, c_{b−1}` (the number of bands `b` is the length).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BandedToeplitz {
    coefs: Vec<f64>,
}

impl BandedToeplitz {
    /// `C = I` (one band): independent noise, i.e. DP-SGD.
    pub fn identity() -> Self {
        BandedToeplitz { coefs: vec![1.0] }
    }

    /// A strategy from its first column; `coefs[0]` must be exactly 1 and every
    /// coefficient finite.
    pub fn from_coefs(coefs: Vec<f64>) -> Result<Self> {
        let strategy = BandedToeplitz { coefs };
        strategy.validate()?;
        Ok(strategy)
    }

    /// The square root of the prefix-sum matrix truncated to `bands` bands:
    /// `c_k = binom(2k, k) / 4^k`, the Toeplitz coefficients of `(1 − x)^{−1/2}`.
    /// With `bands = n` this `C` satisfies `C·C = A` (the all-ones lower
    /// triangle), the near-optimal max-error factorisation of Fichtenberger et
    /// al. 2023; truncated it is the banded square root (Kalinin & Lampert 2024,
    /// "Banded Square Root Matrix Factorization for Differentially Private Model
    /// Training"). Used here as the optimiser's starting point.
    pub fn sqrt_prefix_sum(bands: usize) -> Result<Self> {
        validate_bands(bands)?;
        let mut coefs = Vec::with_capacity(bands);
        let mut c = 1.0_f64;
        for k in 0..bands {
            if k > 0 {
                // binom(2k,k)/4^k = binom(2k−2,k−1)/4^{k−1} · (2k−1)/(2k)
                c *= (2 * k - 1) as f64 / (2 * k) as f64;
            }
            coefs.push(c);
        }
        BandedToeplitz::from_coefs(coefs)
    }

    /// Re-checks a strategy that came from outside (e.g. a checkpoint).
    pub fn validate(&self) -> Result<()> {
        validate_bands(self.coefs.len())?;
        if self.coefs[0] != 1.0 {
            return Err(Error::InvalidInput(format!(
                "the strategy's diagonal c_0 must be 1, got {}",
                self.coefs[0]
            )));
        }
        if let Some(bad) = self.coefs.iter().find(|c| !c.is_finite()) {
            return Err(Error::InvalidInput(format!(
                "strategy coefficients must be finite, got {bad}"
            )));
        }
        Ok(())
    }

    /// The number of bands `b` (1 for the identity).
    pub fn bands(&self) -> usize {
        self.coefs.len()
    }

    /// The first column `c_0 = 1, …, c_{b−1}`.
    pub fn coefs(&self) -> &[f64] {
        &self.coefs
    }

    /// The L2 sensitivity of `x ↦ C x` for one participation, over `n` steps:
    /// the largest column norm of `C`. Column `j` holds `c_0 … c_{min(b, n−j)−1}`,
    /// so the largest is column 0, `sqrt(Σ_{k < min(b, n)} c_k²)`.
    ///
    /// Because `C` has `b` bands, columns `b` or more apart have disjoint
    /// supports, so under cyclic participation (every `b`-th step) the
    /// participations are orthogonal and each is amplified separately
    /// (Choquette-Choo et al. 2023, arXiv:2306.08153): the effective noise
    /// multiplier of noise `z ~ N(0, σ² I)` is `σ / sensitivity`.
    pub fn sensitivity(&self, n: usize) -> Result<f64> {
        validate_steps(n)?;
        let used = self.coefs.len().min(n);
        Ok(self.coefs[..used].iter().map(|c| c * c).sum::<f64>().sqrt())
    }

    /// The first column of `C⁻¹` over `n` steps (`C⁻¹` is lower-triangular
    /// Toeplitz too, but not banded): `d_0 = 1`,
    /// `d_k = −Σ_{j=1}^{min(k, b−1)} c_j d_{k−j}`.
    pub fn inverse_coefs(&self, n: usize) -> Result<Vec<f64>> {
        validate_steps(n)?;
        Ok(inverse_first_column(&self.coefs, n))
    }
}

/// `d = C⁻¹ e_0` for `c_0 = 1` (forward substitution on a Toeplitz system).
pub(crate) fn inverse_first_column(coefs: &[f64], n: usize) -> Vec<f64> {
    let mut d = vec![0.0; n];
    d[0] = 1.0;
    for k in 1..n {
        let mut acc = 0.0;
        for j in 1..coefs.len().min(k + 1) {
            acc += coefs[j] * d[k - j];
        }
        d[k] = -acc;
    }
    d
}

/// At least one band.
pub(crate) fn validate_bands(bands: usize) -> Result<()> {
    if bands >= 1 {
        Ok(())
    } else {
        Err(Error::InvalidInput(
            "a banded strategy needs at least 1 band, got 0".to_string(),
        ))
    }
}

/// At least one step.
pub(crate) fn validate_steps(n: usize) -> Result<()> {
    if n >= 1 {
        Ok(())
    } else {
        Err(Error::InvalidInput(
            "the number of steps must be at least 1, got 0".to_string(),
        ))
    }
}
