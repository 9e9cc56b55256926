//! [`Trainer`]: private training of any model, the loop `dpxla train` runs —
//! Poisson sampling, accumulation, noise, the accountant and its budget
//! guard, evaluation, checkpoints, resume, metrics and progress.
//!
//! See the crate documentation or `examples/custom_cnn.rs` for an example.

use super::checkpoint_writer::CheckpointWriter;
use super::config::Config;
use super::engine::Engine;
use super::evaluate::{evaluate_into, EvalResult};
use super::metrics::{read_records, MetricsWriter, StepRecord};
use super::progress::Progress;
use super::resume::{start_or_resume, ResumeKey};
use super::settings::TrainSettings;
use super::setup::{client_for, InitialParams, RunParts, Setup};
use super::step::run_step;
use crate::data::Dataset;
use crate::{Error, Result};
use dpxla_core::array::HostArray;
use dpxla_dp::mechanism::DpMechanism;
use dpxla_nn::transfer::Freeze;
use dpxla_nn::{LossFn, Model};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// How one invocation of [`Trainer::run`] behaves (not part of the run's
/// identity: a resumed run may change these).
#[derive(Clone, Debug, Default)]
pub struct TrainOptions {
    /// Continue from `output.dir/checkpoint.safetensors` if it exists (a
    /// fresh run otherwise). Without it an existing checkpoint is an error.
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
    /// The mechanism every step ran (clipping, σ, q·N, where the noise was
    /// drawn); `None` for non-private runs. σ: [`TrainSummary::sigma`].
    pub mechanism: Option<DpMechanism>,
    pub test: EvalResult,
    /// With parameter averaging: the averaged parameters' test result.
    pub test_averaged: Option<EvalResult>,
    pub checkpoint: PathBuf,
    pub metrics: PathBuf,
    pub plots: Vec<PathBuf>,
}

impl TrainSummary {
    /// σ, the gradient's noise multiplier of every step (given or
    /// calibrated); `None` for non-private runs. With adaptive clipping this
    /// is σ_Δ, larger than the accounted σ, which also covers the noisy
    /// count (`dpxla_dp::adaptive_clip`).
    pub fn sigma(&self) -> Option<f64> {
        self.mechanism.map(|m| m.sigma())
    }
}

/// A resolved run: model graphs, data, privacy plan, engine spec and
/// settings. Build it from a config file ([`Trainer::from_config`]) or from
/// values ([`Trainer::builder`]), then [`Trainer::run`] it.
pub struct Trainer {
    setup: Setup,
    settings: TrainSettings,
    /// What a checkpoint must have been written by to be resumed.
    identity: String,
}

impl Trainer {
    /// The run a configuration describes (what `dpxla train` does).
    pub fn from_config(cfg: &Config) -> Result<Trainer> {
        Ok(Trainer {
            setup: Setup::build(cfg)?,
            settings: cfg.settings(),
            identity: cfg.resume_digest(),
        })
    }

    /// Starts a run of `model` (traced when [`TrainerBuilder::build`] is
    /// called; the trainer keeps only the graphs).
    pub fn builder(model: &dyn Model) -> TrainerBuilder<'_> {
        TrainerBuilder {
            model,
            loss: None,
            data: None,
            settings: TrainSettings::new(
                super::config::PrivacyConfig::target_epsilon(3.0, 1e-5),
                super::config::TrainingConfig {
                    epochs: Some(1.0),
                    ..super::config::TrainingConfig::new(256.0, 0.1)
                },
            ),
            initial: None,
            freeze: Freeze::None,
        }
    }

    /// Everything resolved: datasets, plan, engine spec, warnings.
    pub fn setup(&self) -> &Setup {
        &self.setup
    }

    /// The settings the run uses.
    pub fn settings(&self) -> &TrainSettings {
        &self.settings
    }

    /// Trains to the end of the plan (or the ε budget, or
    /// `max_steps_this_run`, or a stop signal), evaluating and
    /// checkpointing as configured; returns the final results.
    pub fn run(self, opts: &TrainOptions) -> Result<TrainSummary> {
        let Trainer {
            setup,
            settings,
            identity,
        } = self;
        let out = &settings.output.dir;
        // Held to the end: no second run may write into this folder meanwhile.
        let _lock = super::lock::RunLock::acquire(out)?;
        // Temporaries of a run killed mid-write; safe to delete under the lock.
        dpxla_core::atomic_file::remove_stale_temps(out)?;
        let ckpt_path = out.join("checkpoint.safetensors");
        let metrics_path = out.join("metrics.jsonl");
        for w in &setup.warnings {
            eprintln!("warning: {w}");
        }
        let privacy_now = super::resume_check::privacy_settings(&settings, &setup.plan);
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
        let key = ResumeKey {
            digest: &identity,
            params: &param_names,
            slots: &slot_names,
            privacy: &privacy_now,
            debug_seed: settings.privacy.debug_seed,
        };
        let (mut run, mut state) = start_or_resume(&setup, &ckpt_path, opts.resume, &key)?;
        if run.resumed && setup.plan.bandmf.is_some() && state.noise_history.is_empty() {
            eprintln!(
                "note: BandMF's noise history is not checkpointed without privacy.debug_seed \
                 (it is secret); the factorisation restarts at step {} (still the accounted \
                 mechanism, docs/design.md \"BandMF\")",
                run.step
            );
        }
        // The strategy is public (a function of the steps and b): recorded.
        super::bandmf::record_strategy(out, &setup.plan)?;
        let plan = setup.plan.clone();
        let private = plan.private.is_some();
        // This invocation's last step: the display ends there (issue 27, item 6:
        // `--max-steps 5` of 12 showed 12/12).
        let stop_at = opts
            .max_steps_this_run
            .map_or(plan.steps, |m| (run.step + m).min(plan.steps));
        let mut progress = Progress::new(stop_at, run.step, opts.progress);
        if private {
            progress = progress.private_run();
        }
        // Budget guard on the ledger: stop before ε(ledger ⊕ next step) > target.
        let allowed = super::ledger_guard::stop_before(run.accountant.as_ref(), &plan, run.step)?;

        let client = client_for(&settings.runtime)?;
        let t = &settings.training;
        if let (false, Some(c)) = (run.resumed, &setup.centering) {
            if private && allowed == run.step {
                return Err(Error::InvalidInput(
                    "not one DP-SGD step fits the ε budget after the release of the feature \
                     mean; refusing to release it"
                        .into(),
                ));
            }
            // The ledger already holds this release (`resume::start_or_resume`).
            let noise = super::centering::release_noise(&plan, settings.privacy.debug_seed)?;
            progress.println(format!(
                "releasing the training set's mean of {} centred features{}",
                c.dims,
                noise.map_or(" (exact: non-private run)".into(), |(s, _)| format!(
                    " (Gaussian mechanism, sigma {s}, sensitivity {:.4})",
                    c.bound
                ))
            ));
            state.params[c.param] = super::centering::release_mean(
                &client,
                c,
                setup.train.as_ref(),
                &setup.eval_augment,
                t.physical_batch,
                &setup.spec.compile_options,
                noise,
            )?;
        }
        // `training.physical_batch` is per device.
        let physical = t.physical_batch * settings.runtime.devices;
        let mut writer = CheckpointWriter {
            path: ckpt_path.clone(),
            digest: identity.clone(),
            model: setup.model_name.clone(),
            params: param_names.clone(),
            slots: slot_names.clone(),
            last_saved: (run.step > 0).then_some(run.step),
            privacy: privacy_now.clone(),
            keep_generators: settings.privacy.debug_seed.is_some(),
        };
        let dims: usize = setup
            .spec
            .trainable
            .iter()
            .map(|&i| setup.spec.loss.params[i].numel())
            .sum();
        let mut secure = super::secure_step::SecureStep::new(&settings, &plan, dims)?;
        let mut engine = Engine::new(&client, setup.spec.clone(), &state)?;
        super::compile_all::compile_all(
            &mut engine,
            &client,
            physical,
            secure.is_some(),
            &mut progress,
        )?;
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
            private && settings.output.nonprivate_metrics,
            run.step,
        )?;
        let evaluate_test = |engine: &mut Engine, record: &mut StepRecord| {
            let test = setup.test.as_ref();
            evaluate_into(engine, test, &setup.eval_augment, physical, record)
        };
        let started = Instant::now();
        let mut stopped_by_budget = false;
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
            let lr = t.schedule.lr(t.learning_rate, run.step, plan.steps);
            let s = run_step(&mut engine, &setup, &mut run, secure.as_mut(), physical, lr)?;
            // Released ⇒ accounted (issue 27, item 2): the ledger including this
            // step is on disk before anything computed from it (the metrics
            // record, the progress line, an error naming its parameters) leaves.
            if let Some(acc) = &run.accountant {
                super::release_ledger::write(out, &identity, run.step, acc.state())?;
            }
            // Divergence is read from the updated parameters, which are
            // released anyway; the un-noised training loss is private in a
            // private run and never decides anything.
            if s.non_finite_params > 0 || (!private && s.batch_size > 0) {
                let mean = s.loss_sum / s.batch_size.max(1) as f64;
                let what = if s.non_finite_params > 0 {
                    Some(format!(
                        "{} elements of the updated parameters are not finite",
                        s.non_finite_params
                    ))
                } else {
                    super::finite::loss_diverged("training", mean)
                };
                if let Some(what) = what {
                    return Err(writer.diverged(run.step, what));
                }
            }

            let last = run.step == stop_at;
            let eval_due = last || (t.eval_every > 0 && run.step % t.eval_every == 0);
            let ckpt_due = last || (t.checkpoint_every > 0 && run.step % t.checkpoint_every == 0);
            let mut record = StepRecord {
                step: run.step,
                batch_size: Some(s.batch_size),
                train_loss: (s.batch_size > 0).then(|| s.loss_sum / s.batch_size as f64),
                clipped_fraction: (private && s.batch_size > 0)
                    .then(|| s.clipped / s.batch_size as f64),
                learning_rate: lr,
                clip_norm: s.clip_norm,
                examples_per_sec: Some(s.batch_size as f64 / t0.elapsed().as_secs_f64().max(1e-9)),
                elapsed_secs: Some(started.elapsed().as_secs_f64()),
                // Expected examples seen / N (BandMF samples ⌊N/k⌋ per step).
                epoch: Some(match plan.bandmf {
                    None => run.step as f64 * plan.q,
                    Some(_) => run.step as f64 * plan.expected_batch() / plan.dataset_size as f64,
                }),
                ..StepRecord::default()
            };
            if let (Some(acc), Some(p)) = (&run.accountant, &plan.private) {
                // RDP is cheap every step; PLD is computed where it is reported.
                if p.accountant == dpxla_dp::accountant::AccountantKind::Rdp || eval_due || ckpt_due
                {
                    record.epsilon = Some(acc.epsilon(p.delta)?);
                    record.delta = Some(p.delta);
                }
            }
            if eval_due {
                evaluate_test(&mut engine, &mut record)?;
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
                // Every step the checkpoint covers is on disk in the metrics too.
                metrics.sync()?;
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
            evaluate_test(&mut engine, &mut record)?;
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
        let plots =
            match read_records(&metrics_path).and_then(|r| super::plots::plot_metrics(&r, out)) {
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
            mechanism: setup.spec.mechanism,
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
}

/// Builds a [`Trainer`] from values: a model, datasets and settings.
pub struct TrainerBuilder<'m> {
    model: &'m dyn Model,
    loss: Option<&'m LossFn>,
    data: Option<(Arc<dyn Dataset>, Arc<dyn Dataset>)>,
    settings: TrainSettings,
    initial: Option<InitialParams>,
    freeze: Freeze,
}

impl<'m> TrainerBuilder<'m> {
    /// The training and test sets (required). N, the dataset size the
    /// guarantee refers to, is `train.len()`.
    pub fn data(mut self, train: Arc<dyn Dataset>, test: Arc<dyn Dataset>) -> Self {
        self.data = Some((train, test));
        self
    }

    /// A per-example loss other than softmax cross-entropy.
    pub fn loss(mut self, loss: &'m LossFn) -> Self {
        self.loss = Some(loss);
        self
    }

    /// Privacy: C, σ or a target ε, δ, accountant (default: ε = 3, δ = 1e-5, C = 1).
    pub fn privacy(mut self, privacy: super::config::PrivacyConfig) -> Self {
        self.settings.privacy = privacy;
        self
    }

    /// Batch size, length, learning rate, optimiser, averaging, evaluation
    /// and checkpoint intervals.
    pub fn training(mut self, training: super::config::TrainingConfig) -> Self {
        self.settings.training = training;
        self
    }

    /// Normalisation, augmentation and augmentation multiplicity.
    pub fn augment(mut self, augment: super::config::AugmentConfig) -> Self {
        self.settings.augment = augment;
        self
    }

    /// The folder for checkpoints, metrics and plots.
    pub fn output_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.settings.output.dir = dir.as_ref().to_path_buf();
        self
    }

    /// All settings at once (e.g. from a config file's `settings()`).
    pub fn settings(mut self, settings: TrainSettings) -> Self {
        self.settings = settings;
        self
    }

    /// Start from these parameters (the loss's sorted-name order; see
    /// `nn::param_specs`) instead of a fresh initialisation.
    pub fn initial_params(mut self, params: Vec<HostArray>) -> Self {
        self.initial = Some(InitialParams::Given(params));
        self
    }

    /// Start from a checkpoint or parameter file, optionally with a new head.
    pub fn init_from(mut self, path: impl AsRef<Path>, replace_head: bool) -> Self {
        self.initial = Some(InitialParams::File {
            path: path.as_ref().to_path_buf(),
            replace_head,
            seed: 0,
        });
        self
    }

    /// Which parameters stay frozen (transfer learning).
    pub fn freeze(mut self, freeze: Freeze) -> Self {
        self.freeze = freeze;
        self
    }

    /// Traces the model and resolves everything; errors name what is wrong.
    pub fn build(self) -> Result<Trainer> {
        let (train, test) = self.data.ok_or_else(|| {
            Error::InvalidInput("Trainer: give the training and test sets with .data()".into())
        })?;
        let identity = LibraryIdentity {
            model: self.model.name(),
            input: self.model.input_shape(),
            classes: self.model.num_classes(),
            train_examples: train.len(),
            test_examples: test.len(),
            augment: &self.settings.augment,
            privacy: &self.settings.privacy,
            batch_size: self.settings.training.batch_size,
            custom_loss: self.loss.is_some(),
        };
        let identity = super::config::digest_of(&identity);
        let parts = RunParts {
            model: self.model,
            loss: self.loss,
            train,
            test,
            initial: self.initial.unwrap_or(InitialParams::Fresh { seed: 0 }),
            freeze: self.freeze,
        };
        Ok(Trainer {
            setup: Setup::assemble(parts, &self.settings)?,
            settings: self.settings,
            identity,
        })
    }
}

/// What a library-built run's checkpoints are tied to (the counterpart of
/// `Config::resume_digest`): the model, the data's size, augmentation and
/// privacy settings.
#[derive(Serialize)]
struct LibraryIdentity<'a> {
    model: &'a str,
    input: Vec<usize>,
    classes: usize,
    train_examples: usize,
    test_examples: usize,
    augment: &'a super::config::AugmentConfig,
    privacy: &'a super::config::PrivacyConfig,
    batch_size: f64,
    custom_loss: bool,
}
