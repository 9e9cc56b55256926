//! The training loop's side of `privacy.secure_noise` (issue 10, item 3):
//! a fixed number of microbatches per step (the logical batch padded to a cap
//! with an accounted overflow probability) and host-generated exact noise
//! (`dp::secure_noise`) in place of the device's noise.

use crate::train::config::settings::TrainSettings;
use crate::train::engine::Engine;
use crate::{Error, Result};
use dpxla_dp::plan::PrivacyPlan;
use dpxla_dp::secure_noise::{batch_cap, SecureNoise};

/// The share of δ the batch cap may cost: the cap's overflow probability over
/// the run, times (1 + e^ε), is at most this times δ (see `delta_factor`).
pub const CAP_DELTA_SHARE: f64 = 1e-9;

/// The factor applied to `privacy.delta` before accounting in secure mode,
/// so that the accounted δ plus the truncation's share stays ≤ δ.
pub fn delta_factor(secure: bool) -> f64 {
    if secure {
        1.0 - CAP_DELTA_SHARE
    } else {
        1.0
    }
}

pub struct SecureStep {
    noise: SecureNoise,
    /// Largest logical batch processed.
    pub cap: usize,
    /// Microbatches per step (all of the largest global physical size).
    pub microbatches: usize,
    /// Rows of one microbatch over all replicas: `training.physical_batch`
    /// (per device) times `runtime.devices`.
    pub physical: usize,
}

impl SecureStep {
    /// `None` unless `privacy.secure_noise` is on.
    pub fn new(cfg: &TrainSettings, plan: &PrivacyPlan, dims: usize) -> Result<Option<SecureStep>> {
        if !cfg.privacy.secure_noise {
            return Ok(None);
        }
        let p = plan.private.as_ref().ok_or_else(|| {
            Error::InvalidInput("privacy.secure_noise needs privacy.enabled = true".into())
        })?;
        // The cap's total overflow probability η: truncation changes the run's
        // output distribution by ≤ η in total variation, which adds
        // (1 + e^ε)·η to δ (ε ≤ the planned ε, and ≤ the budget if one is set).
        let eps_max = p
            .epsilon_budget
            .map_or(p.planned_epsilon, |b| b.min(p.planned_epsilon));
        let eta = CAP_DELTA_SHARE * cfg.privacy.delta / (1.0 + eps_max.exp());
        // Sized at N + 1: under add/remove the neighbour with one example
        // more overflows (slightly) more often, and the bound must hold for
        // both datasets of the pair.
        let cap = batch_cap(plan.dataset_size + 1, plan.q, plan.steps, eta);
        // `training.physical_batch` is per device; a microbatch feeds every
        // replica, so the cap needs cap / (p·N) of them (not cap / p: that
        // ran N times the padded work on N devices).
        let physical = cfg.training.physical_rows()? * cfg.runtime.devices.max(1);
        let noise = SecureNoise::new(
            p.sigma,
            p.clip_norm,
            plan.expected_batch(),
            dims,
            cfg.privacy.debug_seed,
        )?;
        Ok(Some(SecureStep {
            noise,
            cap,
            microbatches: cap.div_ceil(physical).max(1),
            physical,
        }))
    }

    /// Truncates `indices` to the cap (the step has already cut an over-full
    /// batch uniformly, `rate_and_cap::truncate`; this keeps the split safe
    /// for any caller) and splits them into exactly
    /// `microbatches` physical batches of `self.physical` global rows (padded
    /// with masked rows).
    pub fn split(&self, indices: &mut Vec<usize>) -> Vec<(usize, usize)> {
        let physical = self.physical;
        indices.truncate(self.cap);
        let mut left = indices.len();
        (0..self.microbatches)
            .map(|_| {
                let real = left.min(physical);
                left -= real;
                (real, physical)
            })
            .collect()
    }

    /// Noises the engine's accumulated sums on the host and applies the update.
    /// Returns the number of non-finite updated parameters (`Engine::apply`).
    pub fn apply(&mut self, engine: &mut Engine, lr: f64, t: u64) -> Result<u64> {
        let sums = engine.accumulators()?;
        // `t` counts steps done after this one: step t − 1's noise.
        let noisy = self.noise.noisy_average(&sums, t - 1)?;
        engine.apply_given(&noisy, lr, t)
    }
}
