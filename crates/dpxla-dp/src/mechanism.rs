//! The DP-SGD mechanism as one value: per-example clipping to C and Gaussian
//! noise N(0, σ²C²) on the clipped sum, divided by the expected batch size.
//!
//! One value instead of a clipping spec and a noise spec: the clip norm is
//! stated once (it is both the clipping bound and the noise's sensitivity),
//! and "clipping without noise" or "noise scaled to another C" cannot be
//! written. It is the Rust form of jax_privacy's bounded-sensitivity
//! callable (clip, then a Gaussian calibrated to that bound; see jax_privacy
//! `gradient_clipping` and `noise_addition`). A run gets it from
//! [`PrivacyPlan::mechanism`](super::plan::PrivacyPlan::mechanism), which
//! derives σ from the accountant; [`DpMechanism::new`] exists for tests and
//! benchmarks that fix σ themselves.

use super::clip::{ClipMethod, Clipping};
use crate::{Error, Result};

/// Where the Gaussian noise is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NoiseSource {
    /// In the compiled apply step, from a `u32[4]` key (f64 Box–Muller).
    #[default]
    Device,
    /// On the host (`privacy.secure_noise`: exact discrete Gaussian from a
    /// CSPRNG); the apply step then takes the noisy average as given.
    Host,
}

/// Clipping to C plus N(0, σ²C²) once per logical batch, then division by
/// the expected batch size q·N (never by the realised, private, size).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DpMechanism {
    clipping: Clipping,
    sigma: f64,
    expected_batch: f64,
    source: NoiseSource,
    /// sens(C) of a BandMF strategy (1 for DP-SGD): the independent draw z
    /// has std σ·sens(C)·C so that the amplified reduction's effective
    /// multiplier is σ (`bandmf::accounting`).
    strategy_sensitivity: f64,
}

impl DpMechanism {
    /// Checks σ ≥ 0 and q·N > 0, both finite (C was checked when `clipping`
    /// was made). σ = 0 clips without hiding anything (benchmarks, audits); a
    /// privacy plan never makes it.
    ///
    /// ```
    /// use dpxla_dp::clip::Clipping;
    /// use dpxla_dp::mechanism::DpMechanism;
    /// # fn main() -> dpxla_dp::Result<()> {
    /// let m = DpMechanism::new(Clipping::flat(0.5)?, 2.0, 256.0)?;
    /// assert_eq!(m.noise_std(), 1.0); // σ·C
    /// # Ok(()) }
    /// ```
    pub fn new(clipping: Clipping, sigma: f64, expected_batch: f64) -> Result<DpMechanism> {
        let bad = |what: String| Err(Error::InvalidInput(format!("DP mechanism: {what}")));
        if !(sigma >= 0.0 && sigma.is_finite()) {
            return bad(format!("noise multiplier must be >= 0, got {sigma}"));
        }
        if !(expected_batch > 0.0 && expected_batch.is_finite()) {
            return bad(format!(
                "expected batch size must be > 0, got {expected_batch}"
            ));
        }
        Ok(DpMechanism {
            clipping,
            sigma,
            expected_batch,
            source: NoiseSource::Device,
            strategy_sensitivity: 1.0,
        })
    }

    /// The same mechanism for a BandMF strategy of sensitivity `sens` (the
    /// largest column norm of C, ≥ 1 since c_0 = 1): σ stays the effective
    /// noise multiplier the accountant composes, and the independent draw
    /// that the strategy correlates gets std σ·sens·C (Choquette-Choo et al.
    /// 2023, arXiv:2306.08153).
    pub fn with_strategy_sensitivity(mut self, sens: f64) -> Result<DpMechanism> {
        if !(sens >= 1.0 && sens.is_finite()) {
            return Err(Error::InvalidInput(format!(
                "DP mechanism: a strategy's sensitivity must be finite and >= 1, got {sens}"
            )));
        }
        self.strategy_sensitivity = sens;
        Ok(self)
    }

    /// sens(C) of the noise strategy (1 for independent noise).
    pub fn strategy_sensitivity(&self) -> f64 {
        self.strategy_sensitivity
    }

    /// The same mechanism with its noise drawn on the host.
    pub fn with_noise_source(mut self, source: NoiseSource) -> DpMechanism {
        self.source = source;
        self
    }

    /// The same mechanism for a platform whose f64 Gram work weighs `cost`
    /// (`Clipping::with_gram_f64_cost`: the ghost/materialise choice only).
    pub fn with_gram_f64_cost(mut self, cost: f64) -> Result<DpMechanism> {
        self.clipping = self.clipping.with_gram_f64_cost(cost)?;
        Ok(self)
    }

    /// The clipping (C, mode, method).
    pub fn clipping(&self) -> Clipping {
        self.clipping
    }

    /// C, the clip norm: the L2 sensitivity of the clipped sum.
    pub fn clip_norm(&self) -> f64 {
        self.clipping.norm()
    }

    /// σ, the noise multiplier.
    pub fn sigma(&self) -> f64 {
        self.sigma
    }

    /// σ·sens(C)·C, the standard deviation of the independent noise on each
    /// coordinate of the sum (σ·C for DP-SGD: σ·1 is σ exactly, so the
    /// product is bit-identical to it).
    pub fn noise_std(&self) -> f64 {
        self.sigma * self.strategy_sensitivity * self.clipping.norm()
    }

    /// q·N, the divisor of the noisy sum.
    pub fn expected_batch(&self) -> f64 {
        self.expected_batch
    }

    /// Where the noise is drawn.
    pub fn noise_source(&self) -> NoiseSource {
        self.source
    }

    /// The same mechanism computing norms and sums with `method`.
    pub fn with_method(mut self, method: ClipMethod) -> DpMechanism {
        self.clipping = self.clipping.with_method(method);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clip(norm: f64) -> Clipping {
        Clipping::flat(norm).unwrap()
    }

    #[test]
    fn refuses_a_mechanism_without_sensitivity_or_with_negative_noise() {
        assert!(Clipping::flat(0.0).is_err());
        assert!(Clipping::per_layer(f64::INFINITY).is_err());
        assert!(Clipping::flat(f64::NAN).is_err());
        assert!(Clipping::flat(2e30).is_err());
        assert!(clip(1.0).with_norm(-1.0).is_err());
        assert!(DpMechanism::new(clip(1.0), -0.1, 10.0).is_err());
        assert!(DpMechanism::new(clip(1.0), f64::NAN, 10.0).is_err());
        assert!(DpMechanism::new(clip(1.0), 1.0, 0.0).is_err());
        let m = DpMechanism::new(clip(0.5), 2.0, 10.0).unwrap();
        assert_eq!(m.noise_std(), 1.0);
        assert_eq!(m.noise_source(), NoiseSource::Device);
    }
}
