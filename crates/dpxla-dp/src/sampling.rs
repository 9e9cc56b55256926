//! How a run's batches are sampled, as far as privacy is concerned: the
//! sampling rate q, the public size the normaliser and the truncation bound
//! use, and the optional cap (truncated Poisson).
//!
//! Two ways to give it (issue 26, item 4; Opacus issues #571 and #819 report
//! the leak this avoids):
//!
//! - `training.batch_size = B`: q = B/N from the training set's size N, the
//!   noisy sum divided by q·N = B. Every number then depends on N, so N is
//!   treated as PUBLIC (under add/remove-one neighbours the two datasets have
//!   different sizes; a q or a normaliser computed from |D| is then a
//!   function of the private data, and unaccounted).
//! - `training.sampling_rate = q` with `training.public_dataset_size = N₀`:
//!   q is a constant, the divisor is the constant q·N₀ and the epoch→step
//!   conversion is epochs/q, so the released update depends on the data only
//!   through the sampled examples (N₀ is declared, never measured).
//!
//! Why the constant q·N₀ and not the noisy batch size: the constant costs no
//! privacy, keeps the sum's sensitivity C/(q·N₀) fixed (what the accountant
//! assumes) and is an unbiased normaliser when N₀ = |D|; a noisy count would
//! need its own noise and ledger entry, and its ratio with the noisy sum is
//! biased at small batches.

use crate::accountant::truncation::overflow_probability;
use crate::{Error, Result};

/// Where q comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SamplingRequest {
    /// `training.batch_size`: the expected batch q·N, N public.
    BatchSize(f64),
    /// `training.sampling_rate` and `training.public_dataset_size`.
    Rate { q: f64, public_size: usize },
}

/// The sampling part of a run's configuration.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SamplingSpec {
    pub request: SamplingRequest,
    /// `training.max_batch_size`: a sampled batch above it is cut to it.
    pub max_batch: Option<usize>,
}

impl SamplingSpec {
    /// `training.batch_size = batch`, no cap (what `PrivacyPlan::derive` takes).
    pub fn batch_size(batch: f64) -> SamplingSpec {
        SamplingSpec {
            request: SamplingRequest::BatchSize(batch),
            max_batch: None,
        }
    }

    /// The declared public size N₀ (`None`: the training set's size is used
    /// and treated as public).
    pub fn public_size(&self) -> Option<usize> {
        match self.request {
            SamplingRequest::BatchSize(_) => None,
            SamplingRequest::Rate { public_size, .. } => Some(public_size),
        }
    }

    /// The expected logical batch without a cap, from public values only:
    /// B, or q·N₀ with a sampling rate (DP-SGD; BandMF's per-partition rate
    /// is the plan's business).
    pub fn expected_batch(&self) -> f64 {
        match self.request {
            SamplingRequest::BatchSize(b) => b,
            SamplingRequest::Rate { q, public_size } => q * public_size as f64,
        }
    }

    /// Steps for `epochs` passes: epochs·N/B rounded up, or with a sampling
    /// rate epochs/q rounded up (no |D| in it). At least 1.
    pub fn steps_for_epochs(&self, epochs: f64, dataset_size: usize) -> u64 {
        let steps = match self.request {
            SamplingRequest::BatchSize(b) => epochs * dataset_size as f64 / b,
            SamplingRequest::Rate { q, .. } => epochs / q,
        };
        (steps.ceil() as u64).max(1)
    }

    /// Checks what does not need the data.
    pub fn validate(&self) -> Result<()> {
        if let SamplingRequest::Rate { q, public_size } = self.request {
            if !(q > 0.0 && q <= 1.0) {
                return Err(Error::InvalidInput(format!(
                    "training.sampling_rate must be in (0, 1], got {q}"
                )));
            }
            if public_size == 0 {
                return Err(Error::InvalidInput(
                    "training.public_dataset_size must be >= 1".into(),
                ));
            }
        }
        if self.max_batch == Some(0) {
            return Err(Error::InvalidInput(
                "training.max_batch_size must be >= 1".into(),
            ));
        }
        Ok(())
    }

    /// The per-step truncation probability for rate `q` over the public
    /// population `public_n` (N, or N₀; for a cap: the size whose neighbours
    /// the bound covers, see `accountant::truncation`). 0 without a cap.
    pub fn overflow(&self, public_n: usize, q: f64) -> Result<f64> {
        match self.max_batch {
            None => Ok(0.0),
            Some(cap) => overflow_probability(public_n as u64, q, cap as u64),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epochs_over_a_rate_do_not_read_the_dataset_size() {
        let rate = SamplingSpec {
            request: SamplingRequest::Rate {
                q: 0.01,
                public_size: 50_000,
            },
            max_batch: None,
        };
        assert_eq!(rate.steps_for_epochs(2.0, 10), 200);
        assert_eq!(rate.steps_for_epochs(2.0, 10_000_000), 200);
        let batch = SamplingSpec::batch_size(500.0);
        assert_eq!(batch.steps_for_epochs(2.0, 50_000), 200);
        assert_eq!(batch.steps_for_epochs(2.0, 50_001), 201);
    }
}
