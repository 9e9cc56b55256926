//! The correlated noise of BandMF, one tensor at a time: given the step's
//! independent draw `z_t ~ N(0, σ² I)`, the noise to add is `w_t = (C⁻¹ z)_t`,
//! computed by forward substitution on the banded `C` (with `c_0 = 1`):
//!
//! `w_t = z_t − Σ_{j=1}^{min(t, b−1)} c_j w_{t−j}`,
//!
//! so the state is the last `b − 1` outputs (a ring buffer, serialisable for
//! checkpoints). Its covariance over steps is `σ² C⁻¹ C⁻ᵀ = σ² (CᵀC)⁻¹`
//! (Choquette-Choo et al. 2023, arXiv:2306.08153, the noise of the matrix
//! mechanism `A C⁻¹ (C x + z)` on the gradients). With one band there is no
//! state and `w_t` is `z_t` bit for bit.

use std::fmt::Debug;
use std::ops::{Mul, Sub};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::strategy::BandedToeplitz;
use crate::{Error, Result};

/// The element types the generator runs in (`f32`, `f64`).
pub trait NoiseFloat:
    Copy + Debug + PartialEq + Sub<Output = Self> + Mul<Output = Self> + Serialize + DeserializeOwned
{
    /// The zero of the type.
    const ZERO: Self;
    /// `x` rounded to the type.
    fn from_f64(x: f64) -> Self;
}

impl NoiseFloat for f32 {
    const ZERO: Self = 0.0;
    fn from_f64(x: f64) -> Self {
        x as f32
    }
}

impl NoiseFloat for f64 {
    const ZERO: Self = 0.0;
    fn from_f64(x: f64) -> Self {
        x
    }
}

/// The generator state for one flat tensor of `len` elements.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(bound = "T: NoiseFloat")]
pub struct CorrelatedNoise<T> {
    /// `c_1 … c_{b−1}` of the strategy.
    coefs: Vec<f64>,
    /// Elements per step.
    len: usize,
    /// `(b − 1) · len` values: slot `s` holds `w_t` for the latest `t ≡ s (mod b − 1)`.
    history: Vec<T>,
    /// Steps generated so far.
    steps: u64,
}

impl<T: NoiseFloat> CorrelatedNoise<T> {
    /// A fresh generator (no past noise) for `strategy` and a tensor of `len`
    /// elements.
    pub fn new(strategy: &BandedToeplitz, len: usize) -> Self {
        let coefs = strategy.coefs()[1..].to_vec();
        CorrelatedNoise {
            history: vec![T::ZERO; coefs.len() * len],
            coefs,
            len,
            steps: 0,
        }
    }

    /// The number of bands `b`.
    pub fn bands(&self) -> usize {
        self.coefs.len() + 1
    }

    /// Elements per step.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True for a zero-element tensor.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Steps generated so far (the next call computes `w_steps`).
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// True when this state belongs to `strategy` (bit-identical coefficients).
    pub fn matches(&self, strategy: &BandedToeplitz) -> bool {
        let theirs = &strategy.coefs()[1..];
        theirs.len() == self.coefs.len()
            && theirs
                .iter()
                .zip(&self.coefs)
                .all(|(a, b)| a.to_bits() == b.to_bits())
    }

    /// Re-checks a state that came from outside (e.g. a deserialised checkpoint).
    pub fn validate(&self) -> Result<()> {
        if self.history.len() != self.coefs.len() * self.len {
            return Err(Error::InvalidInput(format!(
                "correlated-noise state holds {} values, expected {} bands × {} elements",
                self.history.len(),
                self.coefs.len(),
                self.len
            )));
        }
        if let Some(bad) = self.coefs.iter().find(|c| !c.is_finite()) {
            return Err(Error::InvalidInput(format!(
                "correlated-noise coefficients must be finite, got {bad}"
            )));
        }
        Ok(())
    }

    /// Turns this step's independent draw `z` (length [`Self::len`]) into the
    /// correlated noise `w` in place, and remembers it for the next steps.
    pub fn apply(&mut self, z: &mut [T]) -> Result<()> {
        if z.len() != self.len {
            return Err(Error::InvalidInput(format!(
                "correlated noise for a tensor of {} elements got {}",
                self.len,
                z.len()
            )));
        }
        let memory = self.coefs.len();
        if memory > 0 {
            let slots = memory as u64;
            let lags = memory.min(usize::try_from(self.steps).unwrap_or(usize::MAX));
            for j in 1..=lags {
                let slot = ((self.steps - j as u64) % slots) as usize;
                let c = T::from_f64(self.coefs[j - 1]);
                let past = &self.history[slot * self.len..(slot + 1) * self.len];
                for (zi, wi) in z.iter_mut().zip(past) {
                    *zi = *zi - c * *wi;
                }
            }
            let slot = (self.steps % slots) as usize;
            self.history[slot * self.len..(slot + 1) * self.len].copy_from_slice(z);
        }
        self.steps += 1;
        Ok(())
    }
}
