//! `dpxla train` and `dpxla eval` on a configuration: thin layers over
//! [`Trainer`](crate::train::run::trainer::Trainer) and the engine.

pub mod evaluate;
pub mod lock;
pub mod resume;
pub mod resume_state;
pub mod setup;
pub mod signals;
pub mod step;
mod train_loop;
pub mod trainer;

use crate::train::checkpoint;
use crate::train::config::Config;
use crate::train::engine::{Engine, HostState};
use crate::train::run::evaluate::evaluate;
use crate::train::run::setup::{client_for, Setup};
use crate::{Error, Result};

use crate::train::run::trainer::{TrainOptions, TrainSummary};

/// Trains the run `cfg` describes (see [`Trainer::run`](crate::train::run::trainer::Trainer::run)).
pub fn train(cfg: &Config, opts: &TrainOptions) -> Result<TrainSummary> {
    crate::train::run::trainer::Trainer::from_config(cfg)?.run(opts)
}

/// The result of [`evaluate_checkpoint`].
#[derive(Clone, Copy, Debug)]
pub struct CheckpointEval {
    pub loss: f64,
    pub accuracy: f64,
    pub examples: usize,
}

/// Evaluates the parameters in `path` (a checkpoint, or a parameter file) on
/// the configured test set.
pub fn evaluate_checkpoint(
    cfg: &Config,
    path: &std::path::Path,
    averaged: bool,
) -> Result<CheckpointEval> {
    let setup = Setup::build(cfg)?;
    let tensors = checkpoint::read_param_tensors(path, averaged)?;
    let params = dpxla_nn::transfer::load_params(&setup.spec.loss, &tensors)?;
    let state = HostState {
        params: params.into_iter().map(|(_, a)| a).collect(),
        slots: vec![],
        averages: vec![],
        noise_history: vec![],
        clip_norm: None,
    };
    let client = client_for(&cfg.runtime)?;
    let mut spec = setup.spec;
    spec.averaging = dpxla_nn::optim::Averaging::None;
    let mut engine = Engine::new(&client, spec, &state)?;
    let (physical, _) = crate::train::engine::physical_auto::resolve(
        &mut engine,
        cfg.training.physical_batch,
        cfg.runtime.memory_budget,
        setup.test.len() as f64,
    )?;
    let r = evaluate(
        &mut engine,
        setup.test.as_ref(),
        physical,
        &setup.eval_augment,
        false,
    )?;
    if !r.loss.is_finite() {
        return Err(Error::InvalidInput(format!(
            "{}: the test loss is {} with these parameters; refusing to report it",
            path.display(),
            r.loss
        )));
    }
    Ok(CheckpointEval {
        loss: r.loss,
        accuracy: r.accuracy,
        examples: setup.test.len(),
    })
}
