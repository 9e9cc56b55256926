//! Where a run starts: fresh (new generators, an empty ledger, the initial
//! parameters) or from its checkpoint, after checking that the checkpoint
//! belongs to this run and that no privacy-relevant setting changed.

use crate::train::checkpoint;
use crate::train::engine::HostState;
use crate::train::privacy::resume_check::PrivacySettings;
use crate::train::run::setup::Setup;
use crate::train::sampling::sampler::StreamRng;
use crate::{Error, Result};
use dpxla_dp::accountant::PrivacyAccountant;
use std::path::Path;

/// The run's position: steps done, the privacy ledger and the generators
/// of Poisson sampling and noise keys.
pub struct RunState {
    pub step: u64,
    /// Whether the run continues from a checkpoint (false: a fresh start,
    /// which makes the releases before training).
    pub resumed: bool,
    pub accountant: Option<PrivacyAccountant>,
    pub sampler: StreamRng,
    pub noise: StreamRng,
}

/// What a checkpoint must match to be resumed by this run.
pub struct ResumeKey<'a> {
    /// Digest of the model, data, augmentation and privacy configuration.
    pub digest: &'a str,
    pub params: &'a [String],
    pub slots: &'a [String],
    pub privacy: &'a PrivacySettings,
    pub debug_seed: Option<u64>,
}

/// Starts afresh, or (if `ckpt` exists) resumes from it when `resume` is set;
/// an existing checkpoint without `resume` is an error, never overwritten.
/// Without a checkpoint, a folder holding records of released steps
/// (`run_records`) is an error either way: those records are never
/// overwritten. A resume's ledger is the checkpoint's or, where it holds
/// more, the release ledger's (`release_ledger`): released ⇒ accounted.
pub fn start_or_resume(
    setup: &Setup,
    ckpt: &Path,
    resume: bool,
    key: &ResumeKey,
) -> Result<(RunState, HostState)> {
    let dir = match ckpt.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !ckpt.exists() {
        let found = crate::train::reports::run_records::released_records(dir)?;
        if !found.is_empty() {
            return Err(crate::train::reports::run_records::no_checkpoint_error(
                dir, ckpt, resume, &found,
            ));
        }
        return fresh(setup, key.debug_seed);
    }
    if !resume {
        return Err(Error::InvalidInput(format!(
            "{} exists: pass --resume to continue that run, or choose another output.dir",
            ckpt.display()
        )));
    }
    let (meta, state) = checkpoint::load(ckpt)?;
    let private = setup.plan.private.is_some();
    let prior = setup
        .plan
        .private
        .as_ref()
        .map_or(&[][..], |p| &p.prior[..]);
    crate::train::privacy::resume_check::check_resume(
        ckpt,
        &meta,
        key.privacy,
        private,
        prior,
        setup.plan.cycle(),
    )?;
    if meta.config_digest != key.digest || meta.params != key.params {
        return Err(Error::InvalidInput(format!(
            "{} was written by a run with a different model, data, augmentation or privacy \
             configuration; resume it with its own config or start in a new output.dir",
            ckpt.display()
        )));
    }
    crate::train::run::resume_state::check_optimizer(
        ckpt,
        &meta,
        key.slots,
        &setup.spec.trainable,
    )?;
    let (sampler, noise) =
        crate::train::privacy::resume_check::resume_generators(&meta, key.debug_seed)?;
    let accountant = match (&setup.plan.private, meta.accountant) {
        (Some(_), Some(st)) => {
            let file = crate::train::privacy::release_ledger::read(dir)?;
            let st =
                crate::train::privacy::release_ledger::ledger_to_resume(dir, key.digest, st, file)?;
            Some(PrivacyAccountant::from_state(st)?)
        }
        (None, None) => None,
        _ => {
            return Err(Error::InvalidInput(
                "checkpoint and config disagree on privacy".into(),
            ))
        }
    };
    eprintln!("resuming at step {} from {}", meta.step, ckpt.display());
    let run = RunState {
        step: meta.step,
        resumed: true,
        accountant,
        sampler,
        noise,
    };
    Ok((run, state))
}

fn fresh(setup: &Setup, debug_seed: Option<u64>) -> Result<(RunState, HostState)> {
    let (sampler, noise) = match debug_seed {
        Some(seed) => (
            StreamRng::from_fixed_seed(seed, 0),
            StreamRng::from_fixed_seed(seed, 1),
        ),
        None => (StreamRng::from_entropy(), StreamRng::from_entropy()),
    };
    // A fresh ledger starts with what the run releases before its first
    // step (the centring mean: `centering`), so the budget guard and every
    // reported ε include it.
    let accountant = match setup.plan.private.as_ref() {
        Some(p) => {
            let mut acc = PrivacyAccountant::new(p.accountant);
            for ev in &p.prior {
                acc.compose(*ev)?;
            }
            Some(acc)
        }
        None => None,
    };
    let run = RunState {
        step: 0,
        resumed: false,
        accountant,
        sampler,
        noise,
    };
    Ok((run, HostState::fresh(setup.initial_params.clone())))
}
