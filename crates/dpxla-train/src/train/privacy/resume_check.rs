//! What a resumed run must keep: every privacy-relevant setting, recorded in
//! the checkpoint and compared key by key on `--resume` (issue 10, item 4).
//!
//! Why: σ is calibrated to `privacy.target_epsilon` over the planned number of
//! steps, so resuming with a changed `training.steps` or `training.epochs`
//! silently recalibrated σ for the new length and the run ended above its
//! target (measured ε = 3.31 … 4.04 for a target of 3). Refusing the change,
//! with the key named, keeps one mechanism per run; the budget guard
//! (`ledger_guard`) reads the ledger, not the current plan, in any case.

use crate::train::config::settings::TrainSettings;
use crate::{Error, Result};
use dpxla_dp::plan::PrivacyPlan;
use std::collections::BTreeMap;

/// Config key (or derived quantity) → its value, as text (f64 in Rust's
/// round-trip `{:?}` form, so equal text means equal value).
pub type PrivacySettings = BTreeMap<String, String>;

/// The privacy-relevant settings of a run: what it was configured with and
/// what the plan derived from it (σ, q, N).
pub fn privacy_settings(cfg: &TrainSettings, plan: &PrivacyPlan) -> PrivacySettings {
    let p = &cfg.privacy;
    let mut s = PrivacySettings::new();
    let mut put = |k: &str, v: String| {
        s.insert(k.to_string(), v);
    };
    put("privacy.enabled", p.enabled.to_string());
    let t = &cfg.training;
    if let Some(b) = t.batch_size {
        put("training.batch_size", format!("{b:?}"));
    }
    // The sampling keys only when set, so existing checkpoints compare equal.
    if let Some(q) = t.sampling_rate {
        put("training.sampling_rate", format!("{q:?}"));
    }
    if let Some(n0) = t.public_dataset_size {
        put("training.public_dataset_size", n0.to_string());
    }
    if let Some(cap) = t.max_batch_size {
        put("training.max_batch_size", cap.to_string());
    }
    put("data.train_limit (N)", plan.dataset_size.to_string());
    put("q (training.batch_size / N)", format!("{:?}", plan.q));
    if let Some(pp) = &plan.private {
        put("privacy.clip_norm", format!("{:?}", p.clip_norm));
        put("privacy.clipping", format!("{:?}", p.clipping));
        put("privacy.delta", format!("{:?}", p.delta));
        put("privacy.accountant", p.accountant.to_string());
        put(
            "privacy.noise_multiplier",
            format!("{:?}", p.noise_multiplier),
        );
        put("privacy.target_epsilon", format!("{:?}", p.target_epsilon));
        put("privacy.debug_seed", format!("{:?}", p.debug_seed));
        put("privacy.secure_noise", p.secure_noise.to_string());
        if let Some(s) = p.centering_noise_multiplier {
            // Only when set, so that existing checkpoints still compare equal.
            put("privacy.centering_noise_multiplier", format!("{s:?}"));
        }
        if let Some(b) = &plan.bandmf {
            // Only for BandMF (existing checkpoints compare equal): the
            // strategy decides the noise and the cycle the accounting.
            put("privacy.mechanism", "bandmf".into());
            put("privacy.bands", b.strategy.bands().to_string());
            put("bandmf strategy", format!("{:?}", b.strategy.coefs()));
        }
        if let Some(a) = &pp.adaptive {
            // Only with adaptive clipping (existing checkpoints compare equal).
            put("privacy.adaptive_clipping", "true".into());
            put(
                "privacy.target_quantile",
                format!("{:?}", a.target_quantile()),
            );
            put(
                "privacy.clip_learning_rate",
                format!("{:?}", a.learning_rate()),
            );
            put(
                "privacy.count_noise_std",
                format!("{:?}", a.count_noise_std()),
            );
        }
        if p.noise_multiplier.is_none() {
            // σ is calibrated over the planned length: the length is part of
            // the mechanism.
            put("training.steps", format!("{:?}", cfg.training.steps));
            put("training.epochs", format!("{:?}", cfg.training.epochs));
        }
        put("σ (noise multiplier in use)", format!("{:?}", pp.sigma));
    }
    s
}

/// Refuses to resume when any recorded setting differs from now, naming the
/// first key (in key order) that changed.
pub fn check_unchanged(
    checkpoint: &str,
    saved: &PrivacySettings,
    now: &PrivacySettings,
) -> Result<()> {
    let keys: std::collections::BTreeSet<&String> = saved.keys().chain(now.keys()).collect();
    // Configured keys first: "training.steps changed" explains a changed σ.
    let (derived, configured): (Vec<&String>, Vec<&String>) = keys
        .into_iter()
        .partition(|k| k.starts_with('σ') || k.starts_with("q "));
    for key in configured.into_iter().chain(derived) {
        let (old, new) = (saved.get(key), now.get(key));
        if old != new {
            let show = |v: Option<&String>| v.cloned().unwrap_or_else(|| "(not set)".into());
            return Err(Error::InvalidInput(format!(
                "cannot resume {checkpoint}: {key} was {} when the checkpoint was written and is \
                 {} now. A resumed run must keep every privacy-relevant setting (σ, q, C, δ, the \
                 accountant, and the planned length when σ is calibrated); restore it, or start \
                 a new run in another output.dir",
                show(old),
                show(new)
            )));
        }
    }
    Ok(())
}

/// All checks of a resume: the privacy record is present (private runs) and
/// unchanged, and the ledger composed exactly the `prior` releases of the
/// run's start (the centring mean) followed by the checkpoint's steps
/// (one composition per `cycle` steps: 1 for DP-SGD, k for BandMF).
pub fn check_resume(
    path: &std::path::Path,
    meta: &crate::train::checkpoint::CheckpointMeta,
    now: &PrivacySettings,
    private: bool,
    prior: &[dpxla_dp::accountant::PoissonGaussianEvent],
    cycle: u64,
) -> Result<()> {
    let name = path.display().to_string();
    match &meta.privacy {
        Some(saved) => check_unchanged(&name, saved, now)?,
        None if private => {
            return Err(Error::InvalidInput(format!(
                "cannot resume {name}: it records no privacy settings (written by an older \
                 dpxla), so a change of σ, q or C could not be detected; start a new run"
            )))
        }
        None => {}
    }
    if let Some(acc) = &meta.accountant {
        let Some(composed) = steps_after_prior(acc, prior)? else {
            return Err(Error::InvalidInput(format!(
                "cannot resume {name}: its privacy ledger does not start with the release this \
                 run makes before training ({prior:?}); start a new run"
            )));
        };
        let expected = meta.step.div_ceil(cycle.max(1));
        if composed != expected {
            return Err(Error::InvalidInput(format!(
                "cannot resume {name}: its privacy ledger composes {composed} steps but the \
                 checkpoint is at step {} ({expected} compositions)",
                meta.step
            )));
        }
    }
    Ok(())
}

/// The steps `ledger` composed after the releases `prior` that start every
/// fresh run of this plan, or `None` when it does not start with them. The
/// ledger merges consecutive steps of one mechanism, so the last release may
/// have absorbed DP-SGD steps of the same (q, σ).
pub fn steps_after_prior(
    ledger: &dpxla_dp::accountant::AccountantState,
    prior: &[dpxla_dp::accountant::PoissonGaussianEvent],
) -> Result<Option<u64>> {
    let mut start = dpxla_dp::accountant::PrivacyAccountant::new(ledger.kind);
    for ev in prior {
        start.compose(*ev)?;
    }
    let head = &start.state().events;
    let events = &ledger.events;
    let starts = events.len() >= head.len()
        && head.iter().zip(events).enumerate().all(|(i, (h, e))| {
            h.same_mechanism(e)
                && if i + 1 == head.len() {
                    e.steps >= h.steps
                } else {
                    e.steps == h.steps
                }
        });
    let total: u64 = events.iter().map(|e| e.steps).sum();
    Ok(starts.then(|| total - head.iter().map(|e| e.steps).sum::<u64>()))
}

/// The sampler and noise generators of a resumed run: restored only with
/// `privacy.debug_seed` (exact, reproducible resumes for debugging);
/// otherwise fresh OS entropy, so two resumes of one checkpoint (say, with
/// different settings) never reuse noise that their difference would cancel.
pub fn resume_generators(
    meta: &crate::train::checkpoint::CheckpointMeta,
    debug_seed: Option<u64>,
) -> Result<(
    crate::train::sampling::sampler::StreamRng,
    crate::train::sampling::sampler::StreamRng,
)> {
    use crate::train::sampling::sampler::StreamRng;
    match (debug_seed, &meta.sampler_rng, &meta.noise_rng) {
        (Some(_), Some(s), Some(n)) => Ok((StreamRng::restore(s)?, StreamRng::restore(n)?)),
        (Some(seed), _, _) => Ok((
            StreamRng::from_fixed_seed(seed, 0),
            StreamRng::from_fixed_seed(seed, 1),
        )),
        (None, _, _) => Ok((StreamRng::from_entropy(), StreamRng::from_entropy())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpxla_dp::accountant::{AccountantKind, AccountantState, PoissonGaussianEvent};

    #[test]
    fn the_ledger_must_start_with_the_release_even_when_merged_with_steps() {
        let ev = |q: f64, s: f64, t: u64| PoissonGaussianEvent::new(q, s, t).unwrap();
        let ledger = |events: Vec<PoissonGaussianEvent>| AccountantState {
            kind: AccountantKind::Rdp,
            events,
        };
        let prior = [ev(1.0, 50.0, 1)];
        let after = |events| steps_after_prior(&ledger(events), &prior).unwrap();
        assert_eq!(after(vec![ev(1.0, 50.0, 1), ev(0.1, 3.0, 5)]), Some(5));
        assert_eq!(after(vec![ev(1.0, 50.0, 1)]), Some(0));
        // Full-batch DP-SGD at σ = σ_m merges into the release's event.
        assert_eq!(after(vec![ev(1.0, 50.0, 4)]), Some(3));
        // No release, or another one, at the head: refused.
        assert_eq!(after(vec![ev(0.1, 3.0, 5)]), None);
        assert_eq!(after(vec![ev(1.0, 40.0, 1), ev(0.1, 3.0, 5)]), None);
        assert_eq!(after(vec![]), None);
        // Without releases, every step counts.
        let plain = ledger(vec![ev(0.1, 3.0, 5), ev(0.1, 2.0, 2)]);
        assert_eq!(steps_after_prior(&plain, &[]).unwrap(), Some(7));
    }

    #[test]
    fn names_the_changed_key_before_the_derived_sigma() {
        let mut a = PrivacySettings::new();
        a.insert("training.steps".into(), "Some(20)".into());
        a.insert("σ (noise multiplier in use)".into(), "1.1".into());
        let mut b = a.clone();
        assert!(check_unchanged("ckpt", &a, &b).is_ok());
        b.insert("training.steps".into(), "Some(40)".into());
        b.insert("σ (noise multiplier in use)".into(), "1.4".into());
        let e = check_unchanged("ckpt", &a, &b).unwrap_err().to_string();
        assert!(e.contains("training.steps was Some(20)"), "{e}");
    }
}
