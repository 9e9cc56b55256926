//! The step loop of one [`Trainer::run`](super::trainer::Trainer::run), once
//! everything is prepared: each step sampled, accumulated and noised, its
//! ledger written before anything computed from it leaves, checked for
//! divergence, recorded, evaluated and checkpointed as configured; then the
//! final evaluation, checkpoint, plots and summary.

use crate::train::checkpoint::writer::CheckpointWriter;
use crate::train::config::settings::TrainSettings;
use crate::train::engine::finite::loss_diverged;
use crate::train::engine::Engine;
use crate::train::privacy::nonprivate::NonPrivateSink;
use crate::train::privacy::secure_step::SecureStep;
use crate::train::reports::metrics::{read_records, MetricsWriter, StepRecord};
use crate::train::reports::progress::Progress;
use crate::train::run::evaluate::{evaluate_into, EvalResult};
use crate::train::run::resume::RunState;
use crate::train::run::setup::Setup;
use crate::train::run::signals::StopSignal;
use crate::train::run::step::{run_step, Lookahead, StepOutcome, StepParams};
use crate::train::run::trainer::TrainSummary;
use crate::{Error, Result};
use std::path::PathBuf;
use std::time::Instant;

/// Everything the loop updates or reads, built by `Trainer::run`.
pub(crate) struct TrainLoop<'a> {
    pub(crate) setup: &'a Setup,
    pub(crate) settings: &'a TrainSettings,
    pub(crate) identity: &'a str,
    pub(crate) engine: Engine,
    pub(crate) run: RunState,
    pub(crate) secure: Option<SecureStep>,
    pub(crate) writer: CheckpointWriter,
    pub(crate) metrics: MetricsWriter,
    pub(crate) nonprivate: NonPrivateSink,
    pub(crate) progress: Progress,
    /// Rows of one physical batch over all devices.
    pub(crate) physical: usize,
    pub(crate) private: bool,
    /// This invocation's last step.
    pub(crate) stop_at: u64,
    /// The ledger's budget guard: the first step that would exceed ε.
    pub(crate) allowed: u64,
    pub(crate) ckpt_path: PathBuf,
    pub(crate) metrics_path: PathBuf,
    pub(crate) started: Instant,
    pub(crate) last_eval: Option<StepRecord>,
    /// The next step's sample and prefetcher, started during the last
    /// step's update (`step::run_step`).
    pub(crate) lookahead: Option<Lookahead>,
}

impl TrainLoop<'_> {
    /// Steps until `stop_at`, the ε budget or a stop signal, then the final
    /// evaluation, checkpoint and plots.
    pub(crate) fn run(mut self, stop: Option<&StopSignal>) -> Result<TrainSummary> {
        let mut stopped_by_budget = false;
        while self.run.step < self.stop_at {
            self.stop_if_signalled(stop)?;
            if self.run.step >= self.allowed {
                stopped_by_budget = true;
                self.progress.println(format!(
                    "stopping at step {}: one more step would exceed the ε budget",
                    self.run.step
                ));
                break;
            }
            self.one_step()?;
        }
        self.finish(stopped_by_budget)
    }

    /// On a requested stop: the checkpoint written, then `Interrupted`.
    fn stop_if_signalled(&mut self, stop: Option<&StopSignal>) -> Result<()> {
        let Some(signal) = stop.and_then(|s| s.requested()) else {
            return Ok(());
        };
        if self.writer.last_saved != Some(self.run.step) {
            self.writer.write(&self.engine, &self.run)?;
        }
        self.progress.finish();
        Err(Error::Interrupted {
            signal,
            step: self.run.step,
            checkpoint: self.ckpt_path.clone(),
        })
    }

    /// One logical step and everything it releases.
    fn one_step(&mut self) -> Result<()> {
        let t = &self.settings.training;
        let plan = &self.setup.plan;
        let t0 = Instant::now();
        let lr = t.schedule.lr(t.learning_rate, self.run.step, plan.steps);
        let next = self.run.step + 1;
        let s = run_step(
            &mut self.engine,
            self.setup,
            &mut self.run,
            self.secure.as_mut(),
            StepParams {
                physical: self.physical,
                lr,
                prefetch_next: next < self.stop_at && next < self.allowed,
            },
            &mut self.lookahead,
        )?;
        // Released ⇒ accounted (issue 27, item 2): the ledger including this
        // step is on disk before anything computed from it (the metrics
        // record, the progress line, an error naming its parameters) leaves.
        if let Some(acc) = &self.run.accountant {
            crate::train::privacy::release_ledger::write(
                &self.settings.output.dir,
                self.identity,
                self.run.step,
                acc.state(),
            )?;
        }
        self.refuse_diverged_training(&s)?;

        let step = self.run.step;
        let last = step == self.stop_at;
        let eval_due = last || (t.eval_every > 0 && step.is_multiple_of(t.eval_every));
        let ckpt_due = last || (t.checkpoint_every > 0 && step.is_multiple_of(t.checkpoint_every));
        let mut record = self.step_record(&s, lr, t0);
        self.add_epsilon(&mut record, eval_due || ckpt_due)?;
        if eval_due {
            self.evaluate_test(&mut record)?;
            self.last_eval = Some(record.clone());
        }
        let shown = self
            .nonprivate
            .write(&mut self.metrics, &record, self.private)?;
        if let Some(what) = record.test_loss.and_then(|l| loss_diverged("test", l)) {
            return Err(self.writer.diverged(step, what));
        }
        self.progress.update(&shown);
        if ckpt_due {
            // Every step the checkpoint covers is on disk in the metrics too.
            self.metrics.sync()?;
            self.writer.write(&self.engine, &self.run)?;
        }
        Ok(())
    }

    /// Divergence is read from the updated parameters, which are released
    /// anyway; the un-noised training loss is private in a private run and
    /// never decides anything.
    fn refuse_diverged_training(&self, s: &StepOutcome) -> Result<()> {
        if s.non_finite_params == 0 && (self.private || s.batch_size == 0) {
            return Ok(());
        }
        let mean = s.loss_sum / s.batch_size.max(1) as f64;
        let what = if s.non_finite_params > 0 {
            Some(format!(
                "{} elements of the updated parameters are not finite",
                s.non_finite_params
            ))
        } else {
            loss_diverged("training", mean)
        };
        match what {
            Some(what) => Err(self.writer.diverged(self.run.step, what)),
            None => Ok(()),
        }
    }

    /// The step's record before ε and the test metrics.
    fn step_record(&self, s: &StepOutcome, lr: f64, t0: Instant) -> StepRecord {
        let plan = &self.setup.plan;
        let step = self.run.step;
        StepRecord {
            step,
            batch_size: Some(s.batch_size),
            train_loss: (s.batch_size > 0).then(|| s.loss_sum / s.batch_size as f64),
            clipped_fraction: (self.private && s.batch_size > 0)
                .then(|| s.clipped / s.batch_size as f64),
            learning_rate: lr,
            clip_norm: s.clip_norm,
            examples_per_sec: Some(s.batch_size as f64 / t0.elapsed().as_secs_f64().max(1e-9)),
            elapsed_secs: Some(self.started.elapsed().as_secs_f64()),
            // Expected examples seen / N (BandMF samples ⌊N/k⌋ per step).
            epoch: Some(match plan.bandmf {
                None => step as f64 * plan.q,
                Some(_) => plan.epochs_after(step),
            }),
            ..StepRecord::default()
        }
    }

    /// ε so far: every step under RDP (cheap), under PLD where reported.
    fn add_epsilon(&self, record: &mut StepRecord, reported: bool) -> Result<()> {
        if let (Some(acc), Some(p)) = (&self.run.accountant, &self.setup.plan.private) {
            if p.accountant == dpxla_dp::accountant::AccountantKind::Rdp || reported {
                record.epsilon = Some(acc.epsilon(p.delta)?);
                record.delta = Some(p.delta);
            }
        }
        Ok(())
    }

    fn evaluate_test(&mut self, record: &mut StepRecord) -> Result<()> {
        let (test, augment) = (self.setup.test.as_ref(), &self.setup.eval_augment);
        evaluate_into(&mut self.engine, test, augment, self.physical, record)
    }

    /// The final evaluation and checkpoint where the loop did not just write
    /// them, the plots, and the summary.
    fn finish(mut self, stopped_by_budget: bool) -> Result<TrainSummary> {
        let step = self.run.step;
        if stopped_by_budget || self.last_eval.as_ref().is_none_or(|r| r.step != step) {
            let mut record = StepRecord {
                step,
                elapsed_secs: (!self.private).then(|| self.started.elapsed().as_secs_f64()),
                ..StepRecord::default()
            };
            self.evaluate_test(&mut record)?;
            self.last_eval = Some(record);
            self.writer.write(&self.engine, &self.run)?;
        }
        self.progress.finish();
        drop(self.metrics);
        let plan = &self.setup.plan;
        let epsilon = match (&self.run.accountant, &plan.private) {
            (Some(acc), Some(p)) if step > 0 => Some((acc.epsilon(p.delta)?, p.delta)),
            (Some(_), Some(p)) => Some((0.0, p.delta)),
            _ => None,
        };
        let plots = match read_records(&self.metrics_path)
            .and_then(|r| crate::train::reports::plots::plot_metrics(&r, &self.settings.output.dir))
        {
            Ok(p) => p,
            Err(e) => {
                eprintln!("warning: plots not written: {e}");
                Vec::new()
            }
        };
        let ev = self.last_eval.expect("evaluated at the end");
        Ok(TrainSummary {
            steps_done: step,
            steps_planned: plan.steps,
            stopped_by_budget,
            epsilon,
            mechanism: self.setup.spec.mechanism,
            test: EvalResult {
                loss: ev.test_loss.unwrap_or(f64::NAN),
                accuracy: ev.test_accuracy.unwrap_or(f64::NAN),
            },
            test_averaged: ev.test_accuracy_avg.map(|accuracy| EvalResult {
                loss: ev.test_loss_avg.unwrap_or(f64::NAN),
                accuracy,
            }),
            checkpoint: self.ckpt_path,
            metrics: self.metrics_path,
            plots,
        })
    }
}
