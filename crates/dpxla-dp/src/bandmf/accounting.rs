//! The privacy of amplified BandMF under cyclic Poisson sampling, as
//! Poisson-subsampled Gaussian events for an existing exact accountant.
//!
//! The reduction (Choquette-Choo et al. 2023, "(Amplified) Banded Matrix
//! Factorization", arXiv:2306.08153, the amplification theorem for banded
//! matrices; the same reduction is what jax_privacy's `DpsgdTrainingAccountant`
//! implements for `cycle_length`): let `C` be lower-triangular with `b` bands, the
//! data split into `k ≥ b` fixed parts, step `t` sample each example of part
//! `t mod k` independently with probability `p`, and the mechanism release
//! `C x + z` with `z ~ N(0, σ² I)` (clip norm 1). Then training for `n` steps is
//! as private as DP-SGD with Poisson rate `p`, noise multiplier
//! `σ / sens(C)` (`sens(C)` the largest column norm,
//! [`BandedToeplitz::sensitivity`]), run for `⌈n / k⌉` steps. The reason: one
//! example can only be in steps `k` apart, whose columns of `C` have disjoint
//! supports, so its participations are independent subsampled Gaussian
//! mechanisms with sensitivity at most `sens(C)` each; the most-participating
//! part (part 0) has `⌈n / k⌉` of them.
//!
//! With `b = 1` and `k = 1` this is DP-SGD's own event, bit for bit.

use serde::{Deserialize, Serialize};

use super::strategy::BandedToeplitz;
use crate::{Error, Result};

/// `steps` compositions of a Poisson-subsampled Gaussian mechanism (rate `q`,
/// noise multiplier `sigma`): what dpxla's `PoissonGaussianEvent::new(q, sigma,
/// steps)` takes.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct EquivalentEvent {
    /// Sampling probability in (0, 1].
    pub q: f64,
    /// Effective noise multiplier, > 0.
    pub sigma: f64,
    /// Number of compositions, ≥ 1.
    pub steps: u64,
}

/// The DP-SGD events equivalent to `steps` steps of BandMF with `strategy`,
/// cyclic Poisson sampling over `partitions ≥ bands` parts at rate
/// `sampling_prob`, and noise `z ~ N(0, noise_multiplier² I)` per unit clip norm
/// (before `C⁻¹`). One event today; a list so that schedules can be added.
pub fn amplified_bandmf_events(
    strategy: &BandedToeplitz,
    steps: u64,
    partitions: usize,
    sampling_prob: f64,
    noise_multiplier: f64,
) -> Result<Vec<EquivalentEvent>> {
    strategy.validate()?;
    if partitions < strategy.bands() {
        return Err(Error::InvalidInput(format!(
            "cyclic Poisson amplification needs at least as many partitions as bands, \
             got {partitions} partitions for {} bands",
            strategy.bands()
        )));
    }
    if !(sampling_prob.is_finite() && sampling_prob > 0.0 && sampling_prob <= 1.0) {
        return Err(Error::InvalidInput(format!(
            "sampling probability must be in (0, 1], got {sampling_prob}"
        )));
    }
    if !(noise_multiplier.is_finite() && noise_multiplier > 0.0) {
        return Err(Error::InvalidInput(format!(
            "noise multiplier must be finite and > 0, got {noise_multiplier}"
        )));
    }
    let horizon = usize::try_from(steps).unwrap_or(usize::MAX);
    let sensitivity = strategy.sensitivity(horizon)?;
    Ok(vec![EquivalentEvent {
        q: sampling_prob,
        sigma: noise_multiplier / sensitivity,
        steps: compositions(steps, partitions)?,
    }])
}

/// `⌈steps / partitions⌉`: the participations of the most-participating part.
pub fn compositions(steps: u64, partitions: usize) -> Result<u64> {
    if steps == 0 || partitions == 0 {
        return Err(Error::InvalidInput(format!(
            "need at least 1 step and 1 partition, got {steps} steps, {partitions} partitions"
        )));
    }
    Ok(steps.div_ceil(partitions as u64))
}

/// The per-part Poisson rate for an expected batch of `expected_batch` examples
/// when a declared public number of examples `public_num_examples` is split into
/// `partitions` parts: `expected_batch / ⌊public_num_examples / partitions⌋`
/// (jax_privacy's convention; rounding the part size down only raises the rate,
/// so it never understates the privacy cost). The rate must not be derived from
/// the private |D| (dpxla issue 26 item 4).
pub fn partition_sampling_prob(
    expected_batch: f64,
    public_num_examples: u64,
    partitions: usize,
) -> Result<f64> {
    if partitions == 0 {
        return Err(Error::InvalidInput(
            "cyclic sampling needs at least 1 partition, got 0".to_string(),
        ));
    }
    let part = public_num_examples / partitions as u64;
    let q = expected_batch / part as f64;
    if part == 0 || !(expected_batch.is_finite() && expected_batch > 0.0) || q > 1.0 {
        return Err(Error::InvalidInput(format!(
            "an expected batch of {expected_batch} from parts of {part} examples \
             ({public_num_examples} examples / {partitions} partitions) is not a \
             sampling probability in (0, 1]"
        )));
    }
    Ok(q)
}
