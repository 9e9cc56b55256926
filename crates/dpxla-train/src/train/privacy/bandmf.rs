//! The training side of `privacy.mechanism = "bandmf"` (issue 26, item 1):
//! the configuration's checks, the request to the privacy plan, the public
//! cyclic partition of the training set, and the strategy's record in the
//! run's outputs. The math is `dpxla_dp::bandmf`; the noise is drawn and
//! correlated on the device (`dpxla_dp::noise::correlated_noisy_average`,
//! the apply program's `NoiseHistory` state); docs/design.md, "BandMF".

use crate::train::config::{NoiseMechanism, PrivacyConfig};
use crate::train::sampling::sampler::{poisson_batch, StreamRng};
use crate::{Error, Result};
use dpxla_dp::bandmf::partition_of;
use dpxla_dp::plan::{NoiseRequest, PrivacyPlan};
use std::path::Path;

/// The public seed of the partition hash. The partition needs no secrecy
/// (the amplification comes from the Poisson draw within a partition), so
/// it is a constant: every run of a dataset splits it the same way.
pub const PARTITION_SEED: u64 = 0x6261_6e64_6d66; // "bandmf"

/// The file (in `output.dir`) that records the strategy of a BandMF run.
pub const STRATEGY_FILE: &str = "bandmf_strategy.json";

/// Checks `privacy.mechanism` and `privacy.bands` (what can be checked
/// without the data; b ≤ steps is checked by the plan).
pub fn validate(p: &PrivacyConfig) -> Result<()> {
    let bad = |key: &str, msg: &str| Err(Error::InvalidInput(format!("{key}: {msg}")));
    match (p.mechanism, p.bands) {
        (NoiseMechanism::Dpsgd, Some(_)) => bad(
            "privacy.bands",
            "is for privacy.mechanism = \"bandmf\" only (the mechanism is dpsgd)",
        ),
        (NoiseMechanism::Dpsgd, None) => Ok(()),
        (NoiseMechanism::Bandmf, None) => bad(
            "privacy.bands",
            "privacy.mechanism = \"bandmf\" needs the number of bands b >= 1",
        ),
        (NoiseMechanism::Bandmf, Some(0)) => bad("privacy.bands", "must be >= 1, got 0"),
        (NoiseMechanism::Bandmf, Some(_)) if !p.enabled => bad(
            "privacy.mechanism",
            "\"bandmf\" is a private mechanism: it needs privacy.enabled = true",
        ),
        (NoiseMechanism::Bandmf, Some(_)) if p.secure_noise => bad(
            "privacy.mechanism",
            "\"bandmf\" draws and correlates its noise on the device; it cannot be combined \
             with privacy.secure_noise (host-side exact noise) yet",
        ),
        (NoiseMechanism::Bandmf, Some(_)) => Ok(()),
    }
}

/// What the configuration asks of the privacy plan.
pub fn request(p: &PrivacyConfig) -> NoiseRequest {
    match (p.mechanism, p.bands) {
        (NoiseMechanism::Bandmf, Some(bands)) => NoiseRequest::Banded { bands },
        _ => NoiseRequest::Independent,
    }
}

/// The members of each of the `k` partitions (examples `0..n` by their
/// index in the training set), in increasing order. With k = 1 the single
/// partition is `0..n`, so sampling from it is DP-SGD's sampling exactly.
pub fn partitions(n: usize, k: usize) -> Result<Vec<Vec<usize>>> {
    let mut parts = vec![Vec::new(); k];
    for i in 0..n {
        parts[partition_of(PARTITION_SEED, i as u64, k)?].push(i);
    }
    Ok(parts)
}

/// The logical batch of step `step` (0-based): DP-SGD's Poisson sampling of
/// all `n` examples at rate `q`, or (with `partitions`) BandMF's cyclic
/// Poisson sampling: only the members of partition `step mod k`, each with
/// probability `q`. With k = 1 the two draw the same batch from the same
/// generator state (the one partition is `0..n` in order).
pub fn step_batch(
    rng: &mut StreamRng,
    n: usize,
    partitions: Option<&[Vec<usize>]>,
    q: f64,
    step: u64,
) -> Vec<usize> {
    match partitions {
        None => poisson_batch(rng, n, q),
        Some(parts) => {
            let part = &parts[(step % parts.len() as u64) as usize];
            poisson_batch(rng, part.len(), q)
                .into_iter()
                .map(|i| part[i])
                .collect()
        }
    }
}

/// Writes the strategy (public: a function of the steps and b only) to
/// `dir/bandmf_strategy.json`; nothing for a DP-SGD run.
pub fn record_strategy(dir: &Path, plan: &PrivacyPlan) -> Result<()> {
    let Some(b) = &plan.bandmf else {
        return Ok(());
    };
    let sigma = plan.private.as_ref().map(|p| p.sigma);
    let json = serde_json::json!({
        "mechanism": "bandmf",
        "bands": b.strategy.bands(),
        "partitions": b.partitions,
        "steps": plan.steps,
        "coefficients": b.strategy.coefs(),
        "sensitivity": b.sensitivity,
        "partition_sampling_prob": plan.q,
        "effective_noise_multiplier": sigma,
        "noise_std_per_unit_clip": sigma.map(|s| s * b.sensitivity),
        "compositions": plan.compositions_after(plan.steps),
        "partition_seed": PARTITION_SEED,
    });
    let text = serde_json::to_string_pretty(&json)
        .map_err(|e| Error::Internal(format!("{STRATEGY_FILE}: {e}")))?;
    Ok(dpxla_core::atomic_file::write_atomically(
        &dir.join(STRATEGY_FILE),
        text.as_bytes(),
    )?)
}
