//! The one mechanism dpxla accounts for, and the one place its inputs are validated.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// `steps` applications of the Poisson-subsampled Gaussian mechanism: each example is
/// in a batch independently with probability `q`, the clipped sum (sensitivity 1 after
/// scaling by the clip norm) gets N(0, σ²) noise. Neighbours are add/remove-one.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoissonGaussianEvent {
    /// Sampling probability, in (0, 1].
    pub q: f64,
    /// Noise multiplier (noise std / clip norm), > 0.
    pub sigma: f64,
    /// Number of steps, ≥ 1.
    pub steps: u64,
    /// Truncated Poisson (`training.max_batch_size`): the probability that one
    /// step's sampled batch exceeded the cap and was cut, maximised over the
    /// neighbouring datasets (`truncation::overflow_probability`); 0 without a
    /// cap. Its cost, (1 + e^ε)·(1 − Π(1 − p)^steps), is added to δ
    /// (`truncation`). Absent from the JSON when 0, so older ledgers read as 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub overflow: f64,
}

fn is_zero(p: &f64) -> bool {
    *p == 0.0
}

impl PoissonGaussianEvent {
    /// A validated event (see [`validate_q`], [`validate_sigma`], [`validate_steps`]).
    pub fn new(q: f64, sigma: f64, steps: u64) -> Result<Self> {
        validate_q(q)?;
        validate_sigma(sigma)?;
        validate_steps(steps)?;
        Ok(PoissonGaussianEvent {
            q,
            sigma,
            steps,
            overflow: 0.0,
        })
    }

    /// The same event with batches truncated with per-step probability `p`.
    pub fn with_overflow(self, p: f64) -> Result<Self> {
        validate_overflow(p)?;
        Ok(PoissonGaussianEvent {
            overflow: p,
            ..self
        })
    }

    /// Re-checks an event that came from outside (e.g. a deserialized checkpoint).
    pub fn validate(&self) -> Result<()> {
        PoissonGaussianEvent::new(self.q, self.sigma, self.steps)?;
        validate_overflow(self.overflow)
    }

    /// True when `other` is the same mechanism (bit-identical q, σ and overflow
    /// probability), so the two can be merged into one event with the summed
    /// step count.
    pub fn same_mechanism(&self, other: &PoissonGaussianEvent) -> bool {
        self.q.to_bits() == other.q.to_bits()
            && self.sigma.to_bits() == other.sigma.to_bits()
            && self.overflow.to_bits() == other.overflow.to_bits()
    }
}

fn invalid(msg: String) -> Error {
    Error::InvalidInput(msg)
}

/// q must be a sampling probability in (0, 1].
pub fn validate_q(q: f64) -> Result<()> {
    if q.is_finite() && q > 0.0 && q <= 1.0 {
        Ok(())
    } else {
        Err(invalid(format!(
            "sampling probability q must be in (0, 1], got {q}"
        )))
    }
}

/// A truncation probability must be in [0, 1).
pub fn validate_overflow(p: f64) -> Result<()> {
    if (0.0..1.0).contains(&p) {
        Ok(())
    } else {
        Err(invalid(format!(
            "the batch cap's overflow probability must be in [0, 1), got {p}"
        )))
    }
}

/// σ must be a finite positive noise multiplier.
pub fn validate_sigma(sigma: f64) -> Result<()> {
    if sigma.is_finite() && sigma > 0.0 {
        Ok(())
    } else {
        Err(invalid(format!(
            "noise multiplier sigma must be finite and > 0, got {sigma}"
        )))
    }
}

/// At least one step.
pub fn validate_steps(steps: u64) -> Result<()> {
    if steps >= 1 {
        Ok(())
    } else {
        Err(invalid("steps must be at least 1, got 0".to_string()))
    }
}

/// δ must be in (0, 1).
pub fn validate_delta(delta: f64) -> Result<()> {
    if delta.is_finite() && delta > 0.0 && delta < 1.0 {
        Ok(())
    } else {
        Err(invalid(format!("delta must be in (0, 1), got {delta}")))
    }
}

/// ε must be finite and > 0 where it is a target (calibration) and ≥ 0 where it is a
/// query point (δ(ε)); `allow_zero` picks which.
pub fn validate_epsilon(epsilon: f64, allow_zero: bool) -> Result<()> {
    let ok = epsilon.is_finite() && (epsilon > 0.0 || (allow_zero && epsilon == 0.0));
    if ok {
        Ok(())
    } else {
        let range = if allow_zero { "[0, ∞)" } else { "(0, ∞)" };
        Err(invalid(format!(
            "epsilon must be finite and in {range}, got {epsilon}"
        )))
    }
}
