//! Writing the run's checkpoint: the engine's state with everything needed
//! to resume it, refused (and the last good checkpoint kept) when the state
//! is not finite.

use crate::train::checkpoint::{self, CheckpointMeta};
use crate::train::engine::Engine;
use crate::train::run::resume::RunState;
use crate::{Error, Result};
use std::path::PathBuf;

/// Everything a checkpoint records besides the engine's state and the run's
/// position.
pub(crate) struct CheckpointWriter {
    pub(crate) path: PathBuf,
    pub(crate) digest: String,
    pub(crate) model: String,
    pub(crate) params: Vec<String>,
    pub(crate) slots: Vec<String>,
    /// The step of the last checkpoint in `path` (written or resumed from).
    pub(crate) last_saved: Option<u64>,
    pub(crate) privacy: crate::train::privacy::resume_check::PrivacySettings,
    /// Save generator states (debug_seed runs only).
    pub(crate) keep_generators: bool,
}

impl CheckpointWriter {
    /// Saves the engine's state, unless it holds a NaN or ±∞: then the run
    /// has diverged and the last good checkpoint is kept.
    pub(crate) fn write(&mut self, engine: &Engine, run: &RunState) -> Result<()> {
        let mut state = engine.state()?;
        if !self.keep_generators {
            // BandMF's noise history is secret; as the generators, it is
            // kept only for a debug_seed run (`checkpoint`).
            state.noise_history.clear();
        }
        let trainable = &engine.spec().trainable;
        if let Some(what) = crate::train::engine::finite::non_finite_state(
            &self.params,
            &self.slots,
            trainable,
            &state,
        ) {
            return Err(self.diverged(
                run.step,
                format!("the state to checkpoint is not finite ({what})"),
            ));
        }
        let meta = CheckpointMeta {
            version: 1,
            step: run.step,
            model: self.model.clone(),
            config_digest: self.digest.clone(),
            accountant: run.accountant.as_ref().map(|a| a.state().clone()),
            sampler_rng: self.keep_generators.then(|| run.sampler.state()),
            noise_rng: self.keep_generators.then(|| run.noise.state()),
            privacy: Some(self.privacy.clone()),
            params: self.params.clone(),
            trainable: engine.spec().trainable.clone(),
            slots: self.slots.clone(),
        };
        checkpoint::save(&self.path, &meta, &state)?;
        self.last_saved = Some(run.step);
        Ok(())
    }

    /// The error for a run that diverged at `step`, saying which checkpoint is kept.
    pub(crate) fn diverged(&self, step: u64, what: String) -> Error {
        let kept = match self.last_saved {
            Some(s) => format!(
                "the last good checkpoint (step {s}) is kept in {}; resume from it with a \
                 lower training.learning_rate or start afresh",
                self.path.display()
            ),
            None => {
                "no checkpoint was written; lower training.learning_rate and start again".into()
            }
        };
        Error::Diverged { step, what, kept }
    }
}
