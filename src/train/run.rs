//! The training loop: Poisson-sampled logical batches, split into physical
//! microbatches prepared on a background thread while the device accumulates,
//! one noisy update per logical batch, the accountant stepped for exactly the
//! steps taken, a budget guard, evaluation, checkpoints and metrics.

use super::batches::prepare_train;
use super::checkpoint::{self, CheckpointMeta};
use super::config::Config;
use super::engine::{Engine, HostState};
use super::evaluate::{evaluate, EvalResult};
use super::metrics::{read_records, MetricsWriter, StepRecord};
use super::progress::Progress;
use super::sampler::{physical_sizes, physical_split, poisson_batch, StreamRng};
use super::setup::{client_for, Setup};
use crate::data::Prefetcher;
use crate::dp::accountant::PrivacyAccountant;
use crate::{Error, Result};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

#[derive(Clone, Debug, Default)]
pub struct TrainOptions {
    /// Continue from `output.dir/checkpoint.safetensors`.
    pub resume: bool,
    /// Show progress: a bar on a terminal, else a plain line now and then.
    pub progress: bool,
    /// Stop after this many steps in this invocation (a later `--resume`
    /// continues); `None` runs to the end. Used to test interruption.
    pub max_steps_this_run: Option<u64>,
    /// Checked between steps: when set, the run saves a checkpoint and
    /// returns [`Error::Interrupted`] (SIGINT / SIGTERM in the CLI).
    pub stop: Option<super::signals::StopSignal>,
}

/// The outcome of a run.
#[derive(Clone, Debug)]
pub struct TrainSummary {
    pub steps_done: u64,
    pub steps_planned: u64,
    /// True when the ε budget stopped training before the planned steps.
    pub stopped_by_budget: bool,
    /// (ε, δ) spent; `None` for non-private runs.
    pub epsilon: Option<(f64, f64)>,
    pub test: EvalResult,
    /// With parameter averaging: the averaged parameters' test result.
    pub test_averaged: Option<EvalResult>,
    pub checkpoint: PathBuf,
    pub metrics: PathBuf,
    pub plots: Vec<PathBuf>,
}

struct RunState {
    step: u64,
    accountant: Option<PrivacyAccountant>,
    sampler: StreamRng,
    noise: StreamRng,
}

pub fn train(cfg: &Config, opts: &TrainOptions) -> Result<TrainSummary> {
    let out = &cfg.output.dir;
    // Held to the end: no second run may write into this folder meanwhile.
    let _lock = super::lock::RunLock::acquire(out)?;
    // Temporaries of a run killed mid-write; safe to delete under the lock.
    crate::atomic_file::remove_stale_temps(out)?;
    let ckpt_path = out.join("checkpoint.safetensors");
    let metrics_path = out.join("metrics.jsonl");
    let setup = Setup::build(cfg)?;
    for w in &setup.warnings {
        eprintln!("warning: {w}");
    }
    let digest = cfg.resume_digest();
    let privacy_now = super::resume_check::privacy_settings(cfg, &setup.plan);
    let param_names: Vec<String> = setup
        .spec
        .loss
        .params
        .iter()
        .map(|s| s.name.clone())
        .collect();
    let slot_names: Vec<String> = setup
        .spec
        .optimizer
        .slots()
        .iter()
        .map(|s| s.to_string())
        .collect();

    let (mut run, state) = if ckpt_path.exists() {
        if !opts.resume {
            return Err(Error::InvalidInput(format!(
                "{} exists: pass --resume to continue that run, or choose another output.dir",
                ckpt_path.display()
            )));
        }
        let (meta, state) = checkpoint::load(&ckpt_path)?;
        super::resume_check::check_resume(
            &ckpt_path,
            &meta,
            &privacy_now,
            setup.plan.private.is_some(),
        )?;
        if meta.config_digest != digest || meta.params != param_names {
            return Err(Error::InvalidInput(format!(
                "{} was written by a run with a different model, data, augmentation or privacy \
                 configuration; resume it with its own config or start in a new output.dir",
                ckpt_path.display()
            )));
        }
        super::resume_state::check_optimizer(
            &ckpt_path,
            &meta,
            &slot_names,
            &setup.spec.trainable,
        )?;
        let (sampler, noise) =
            super::resume_check::resume_generators(&meta, cfg.privacy.debug_seed)?;
        let accountant = match (&setup.plan.private, meta.accountant) {
            (Some(_), Some(st)) => Some(PrivacyAccountant::from_state(st)?),
            (None, None) => None,
            _ => {
                return Err(Error::InvalidInput(
                    "checkpoint and config disagree on privacy".into(),
                ))
            }
        };
        let run = RunState {
            step: meta.step,
            accountant,
            sampler,
            noise,
        };
        eprintln!(
            "resuming at step {} from {}",
            meta.step,
            ckpt_path.display()
        );
        (run, state)
    } else {
        let (sampler, noise) = match cfg.privacy.debug_seed {
            Some(seed) => (
                StreamRng::from_fixed_seed(seed, 0),
                StreamRng::from_fixed_seed(seed, 1),
            ),
            None => (StreamRng::from_entropy(), StreamRng::from_entropy()),
        };
        let accountant = setup
            .plan
            .private
            .as_ref()
            .map(|p| PrivacyAccountant::new(p.accountant));
        let state = HostState {
            params: setup.initial_params.clone(),
            slots: vec![],
            averages: vec![],
        };
        (
            RunState {
                step: 0,
                accountant,
                sampler,
                noise,
            },
            state,
        )
    };
    let private = setup.plan.private.is_some();
    let mut progress = Progress::new(setup.plan.steps, run.step, opts.progress);
    if private {
        progress = progress.private_run();
    }

    // Budget guard on the ledger: stop before ε(ledger ⊕ next step) > target.
    let plan = &setup.plan;
    let allowed = super::ledger_guard::stop_before(run.accountant.as_ref(), plan, run.step)?;

    let client = client_for(cfg)?;
    let physical = cfg.training.physical_batch;
    let sizes = physical_sizes(physical);
    let mut writer = CheckpointWriter {
        path: ckpt_path.clone(),
        digest: digest.clone(),
        model: setup.model_name.clone(),
        params: param_names.clone(),
        slots: slot_names.clone(),
        last_saved: (run.step > 0).then_some(run.step),
        privacy: privacy_now.clone(),
        keep_generators: cfg.privacy.debug_seed.is_some(),
    };
    let dims: usize = setup
        .spec
        .trainable
        .iter()
        .map(|&i| setup.spec.loss.params[i].numel())
        .sum();
    let mut secure = super::secure_step::SecureStep::new(cfg, plan, dims)?;
    let mut engine = Engine::new(&client, setup.spec, &state)?;
    let mut metrics = if run.step > 0 {
        let m = MetricsWriter::resume(&metrics_path, run.step)?;
        if let Some(w) = super::resume_state::metrics_gap(&metrics_path, run.step) {
            eprintln!("warning: {w}");
        }
        m
    } else {
        MetricsWriter::open(&metrics_path, false)?
    };
    let mut nonprivate = super::nonprivate::NonPrivateSink::open(
        out,
        private && cfg.output.nonprivate_metrics,
        run.step,
    )?;
    let train_ds = setup.train.clone();
    let n = train_ds.len();
    let started = Instant::now();
    let mut stopped_by_budget = false;
    let stop_at = opts
        .max_steps_this_run
        .map_or(plan.steps, |m| (run.step + m).min(plan.steps));
    let mut last_eval = None;
    while run.step < stop_at {
        if let Some(signal) = opts.stop.as_ref().and_then(|s| s.requested()) {
            if writer.last_saved != Some(run.step) {
                writer.write(&engine, &run)?;
            }
            progress.finish();
            return Err(Error::Interrupted {
                signal,
                step: run.step,
                checkpoint: ckpt_path,
            });
        }
        if run.step >= allowed {
            stopped_by_budget = true;
            progress.println(format!(
                "stopping at step {}: one more step would exceed the ε budget",
                run.step
            ));
            break;
        }
        let t0 = Instant::now();
        let step = run.step;
        let mut indices = poisson_batch(&mut run.sampler, n, plan.q);
        let split = match &secure {
            Some(sec) => sec.split(&mut indices, physical),
            None => physical_split(indices.len(), &sizes),
        };
        let mut chunks = Vec::new();
        let mut offset = 0;
        for (real, size) in split {
            chunks.push((indices[offset..offset + real].to_vec(), size));
            offset += real;
        }
        // Host work for microbatch i+1 overlaps device work for microbatch i.
        let ds = Arc::clone(&train_ds);
        let views = setup.views.clone();
        let prefetch = Prefetcher::spawn(2, move |i| {
            chunks
                .get(i as usize)
                .map(|(idx, size)| prepare_train(ds.as_ref(), idx, *size, &views, step))
        })?;
        let (mut loss_sum, mut clipped) = (0.0, 0.0);
        for batch in prefetch {
            let b = batch?;
            let s = engine.accumulate(&b.images, &b.labels, &b.mask)?;
            loss_sum += s.loss_sum;
            clipped += s.clipped;
        }
        let lr = cfg
            .training
            .schedule
            .lr(cfg.training.learning_rate, step, plan.steps);
        match secure.as_mut() {
            Some(sec) => sec.apply(&mut engine, lr, step + 1)?,
            None => engine.apply(run.noise.key(), lr, step + 1, indices.len())?,
        }
        if let (Some(acc), Some(ev)) = (run.accountant.as_mut(), plan.step_event()) {
            acc.step(ev.q, ev.sigma)?;
        }
        run.step += 1;
        // The mean loss is already reported per step (metrics, progress);
        // stopping on it reveals nothing beyond that.
        let mean = loss_sum / indices.len().max(1) as f64;
        if let Some(what) = super::finite::loss_diverged("training", mean) {
            return Err(writer.diverged(run.step, what));
        }

        let last = run.step == stop_at;
        let eval_due =
            last || (cfg.training.eval_every > 0 && run.step % cfg.training.eval_every == 0);
        let ckpt_due = last
            || (cfg.training.checkpoint_every > 0 && run.step % cfg.training.checkpoint_every == 0);
        let mut record = StepRecord {
            step: run.step,
            batch_size: Some(indices.len()),
            train_loss: (!indices.is_empty()).then(|| loss_sum / indices.len() as f64),
            clipped_fraction: (plan.private.is_some() && !indices.is_empty())
                .then(|| clipped / indices.len() as f64),
            learning_rate: lr,
            examples_per_sec: Some(indices.len() as f64 / t0.elapsed().as_secs_f64().max(1e-9)),
            elapsed_secs: Some(started.elapsed().as_secs_f64()),
            ..StepRecord::default()
        };
        if let (Some(acc), Some(p)) = (&run.accountant, &plan.private) {
            // RDP is cheap every step; PLD is computed where it is reported.
            if p.accountant == crate::dp::accountant::AccountantKind::Rdp || eval_due || ckpt_due {
                record.epsilon = Some(acc.epsilon(p.delta)?);
                record.delta = Some(p.delta);
            }
        }
        if eval_due {
            evaluate_into(
                &mut engine,
                setup.test.as_ref(),
                &setup.eval_augment,
                physical,
                &mut record,
            )?;
            last_eval = Some(record.clone());
        }
        let shown = nonprivate.write(&mut metrics, &record, private)?;
        if let Some(what) = record
            .test_loss
            .and_then(|l| super::finite::loss_diverged("test", l))
        {
            return Err(writer.diverged(run.step, what));
        }
        progress.update(&shown);
        if ckpt_due {
            writer.write(&engine, &run)?;
        }
    }
    if stopped_by_budget || last_eval.as_ref().is_none_or(|r| r.step != run.step) {
        // Final evaluation and checkpoint where the loop did not just write them.
        let mut record = StepRecord {
            step: run.step,
            elapsed_secs: (!private).then(|| started.elapsed().as_secs_f64()),
            ..StepRecord::default()
        };
        evaluate_into(
            &mut engine,
            setup.test.as_ref(),
            &setup.eval_augment,
            physical,
            &mut record,
        )?;
        last_eval = Some(record);
        writer.write(&engine, &run)?;
    }
    progress.finish();
    drop(metrics);
    let epsilon = match (&run.accountant, &plan.private) {
        (Some(acc), Some(p)) if run.step > 0 => Some((acc.epsilon(p.delta)?, p.delta)),
        (Some(_), Some(p)) => Some((0.0, p.delta)),
        _ => None,
    };
    let plots = match read_records(&metrics_path).and_then(|r| super::plots::plot_metrics(&r, out))
    {
        Ok(p) => p,
        Err(e) => {
            eprintln!("warning: plots not written: {e}");
            Vec::new()
        }
    };
    let ev = last_eval.expect("evaluated at the end");
    Ok(TrainSummary {
        steps_done: run.step,
        steps_planned: plan.steps,
        stopped_by_budget,
        epsilon,
        test: EvalResult {
            loss: ev.test_loss.unwrap_or(f64::NAN),
            accuracy: ev.test_accuracy.unwrap_or(f64::NAN),
        },
        test_averaged: ev.test_accuracy_avg.map(|accuracy| EvalResult {
            loss: ev.test_loss_avg.unwrap_or(f64::NAN),
            accuracy,
        }),
        checkpoint: ckpt_path,
        metrics: metrics_path,
        plots,
    })
}

/// Fills the test-set fields of `record`: raw parameters, and the averaged
/// ones when the run keeps averages.
fn evaluate_into(
    engine: &mut Engine,
    test: &dyn crate::data::Dataset,
    augment: &crate::data::AugmentConfig,
    physical: usize,
    record: &mut StepRecord,
) -> Result<()> {
    let raw = evaluate(engine, test, physical, augment, false)?;
    record.test_loss = Some(raw.loss);
    record.test_accuracy = Some(raw.accuracy);
    if engine.has_averages() {
        let avg = evaluate(engine, test, physical, augment, true)?;
        record.test_loss_avg = Some(avg.loss);
        record.test_accuracy_avg = Some(avg.accuracy);
    }
    Ok(())
}

/// Everything a checkpoint records besides the engine's state and the run's
/// position.
struct CheckpointWriter {
    path: PathBuf,
    digest: String,
    model: String,
    params: Vec<String>,
    slots: Vec<String>,
    /// The step of the last checkpoint in `path` (written or resumed from).
    last_saved: Option<u64>,
    privacy: super::resume_check::PrivacySettings,
    /// Save generator states (debug_seed runs only).
    keep_generators: bool,
}

impl CheckpointWriter {
    /// Saves the engine's state, unless it holds a NaN or ±∞: then the run
    /// has diverged and the last good checkpoint is kept.
    fn write(&mut self, engine: &Engine, run: &RunState) -> Result<()> {
        let state = engine.state()?;
        let trainable = &engine.spec().trainable;
        if let Some(what) =
            super::finite::non_finite_state(&self.params, &self.slots, trainable, &state)
        {
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
    fn diverged(&self, step: u64, what: String) -> Error {
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
    let params = crate::nn::transfer::load_params(&setup.spec.loss, &tensors)?;
    let state = HostState {
        params: params.into_iter().map(|(_, a)| a).collect(),
        slots: vec![],
        averages: vec![],
    };
    let client = client_for(cfg)?;
    let mut spec = setup.spec;
    spec.averaging = crate::optim::Averaging::None;
    let mut engine = Engine::new(&client, spec, &state)?;
    let r = evaluate(
        &mut engine,
        setup.test.as_ref(),
        cfg.training.physical_batch,
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
