//! The training side of adaptive clipping (`privacy.adaptive_clipping`,
//! issue 26 item 2; the math and its privacy proof are
//! `dpxla_dp::adaptive_clip`, Andrew et al. 2021): the configuration's
//! checks, the request to the privacy plan, and the per-step update of C.
//!
//! Each step the accumulate programs clip to the engine's current C_t (a
//! runtime `ClipNorm` input) and return, as always, the number of real
//! examples whose norm exceeded it (`ClippedCount`, summed over
//! microbatches and replicas by `Engine::take_stats`). Here, on the host,
//! that private count becomes the centred count Σ(b_i − ½) = B/2 − clipped,
//! Gaussian noise N(0, σ_b²) is added (uniforms from the run's noise
//! generator: OS entropy, a fixed seed only with `privacy.debug_seed`), and
//! only the noisy count β is used: C_{t+1} = C_t·exp(−η(β/m + ½ − γ)).
//! C_t is public (a function of released values only): it is logged in
//! `metrics.jsonl` and stored in the checkpoint in the clear.

use crate::train::config::{NoiseMechanism, PrivacyConfig};
use crate::train::engine::Engine;
use crate::train::sampling::sampler::StreamRng;
use crate::{Error, Result};
use dpxla_dp::adaptive_clip::{default_count_noise_std, standard_normal, AdaptiveClipping};
use dpxla_dp::plan::PrivacyPlan;

/// γ when `privacy.target_quantile` is not given (the paper's median).
pub const DEFAULT_TARGET_QUANTILE: f64 = 0.5;
/// η when `privacy.clip_learning_rate` is not given (the paper's 0.2).
pub const DEFAULT_CLIP_LEARNING_RATE: f64 = 0.2;

/// Checks the adaptive-clipping keys and refuses the combinations it
/// cannot serve, naming the keys.
pub fn validate(p: &PrivacyConfig) -> Result<()> {
    let bad = |key: &str, msg: &str| Err(Error::InvalidInput(format!("{key}: {msg}")));
    if !p.adaptive_clipping {
        for (key, set) in [
            ("privacy.target_quantile", p.target_quantile.is_some()),
            ("privacy.clip_learning_rate", p.clip_learning_rate.is_some()),
            ("privacy.count_noise_std", p.count_noise_std.is_some()),
        ] {
            if set {
                return bad(key, "is for privacy.adaptive_clipping = true only");
            }
        }
        return Ok(());
    }
    if !p.enabled {
        return bad(
            "privacy.adaptive_clipping",
            "needs privacy.enabled = true (a non-private run does not clip)",
        );
    }
    if p.secure_noise {
        return bad(
            "privacy.adaptive_clipping",
            "cannot be combined with privacy.secure_noise: the host's exact discrete Gaussian \
             grid and its batch cap are derived from a fixed clip norm",
        );
    }
    if p.mechanism == NoiseMechanism::Bandmf {
        return bad(
            "privacy.adaptive_clipping",
            "cannot be combined with privacy.mechanism = \"bandmf\": the correlated noise of \
             past steps was scaled to their C, and the strategy's sensitivity assumes one C",
        );
    }
    // Checks the values' ranges (the count's std against σ is the plan's).
    AdaptiveClipping::new(
        p.target_quantile.unwrap_or(DEFAULT_TARGET_QUANTILE),
        p.clip_learning_rate.unwrap_or(DEFAULT_CLIP_LEARNING_RATE),
        p.count_noise_std.unwrap_or(1.0),
    )?;
    Ok(())
}

/// The rule the plan needs (`None` unless `privacy.adaptive_clipping`),
/// with σ_b defaulting to the expected batch size / 20.
pub fn request(p: &PrivacyConfig, expected_batch: f64) -> Result<Option<AdaptiveClipping>> {
    if !p.adaptive_clipping {
        return Ok(None);
    }
    Ok(Some(AdaptiveClipping::new(
        p.target_quantile.unwrap_or(DEFAULT_TARGET_QUANTILE),
        p.clip_learning_rate.unwrap_or(DEFAULT_CLIP_LEARNING_RATE),
        p.count_noise_std
            .unwrap_or_else(|| default_count_noise_std(expected_batch)),
    )?))
}

/// `dpxla audit` refuses adaptive clipping: its canaries are clipped to, and
/// its claim computed from, one fixed C.
pub fn refuse_in_audit(p: &PrivacyConfig) -> Result<()> {
    if p.adaptive_clipping {
        return Err(Error::InvalidInput(
            "privacy.adaptive_clipping: `dpxla audit` needs a fixed privacy.clip_norm (its \
             canaries and its claimed ε assume one C); remove the key to audit"
                .into(),
        ));
    }
    Ok(())
}

/// After a step's statistics are read: releases the noisy centred count of
/// the step's `batch` examples of which `clipped` were clipped, and moves
/// the engine's C to C_{t+1}. Returns C_t, the norm this step clipped to
/// (`None` without adaptive clipping: nothing is drawn or changed).
pub fn after_step(
    engine: &mut Engine,
    plan: &PrivacyPlan,
    noise: &mut StreamRng,
    batch: usize,
    clipped: f64,
) -> Result<Option<f64>> {
    let Some(rule) = plan.private.as_ref().and_then(|p| p.adaptive) else {
        return Ok(None);
    };
    let c = engine.clip_norm().ok_or_else(|| {
        Error::Internal("adaptive clipping with an engine whose C is not an input".into())
    })?;
    let z = standard_normal(noise.uniform(), noise.uniform());
    let unclipped = batch as f64 - clipped;
    // β is the release; `batch` and `clipped` go no further than here.
    let beta = rule.noisy_centred_count(unclipped, batch as f64, z);
    let fraction = rule.unclipped_fraction(beta, plan.expected_batch());
    engine.set_clip_norm(rule.next_clip_norm(c, fraction))?;
    Ok(Some(c))
}
