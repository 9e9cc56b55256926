//! [`Trainer`]: private training of any model, the loop `dpxla train` runs —
//! Poisson sampling, accumulation, noise, the accountant and its budget
//! guard, evaluation, checkpoints, resume, metrics and progress.
//!
//! See the crate documentation or `examples/custom_cnn.rs` for an example.

use crate::data::Dataset;
use crate::train::checkpoint::writer::CheckpointWriter;
use crate::train::config::settings::TrainSettings;
use crate::train::config::Config;
use crate::train::engine::Engine;
use crate::train::engine::HostState;
use crate::train::privacy::secure_step::SecureStep;
use crate::train::reports::metrics::MetricsWriter;
use crate::train::reports::progress::Progress;
use crate::train::run::evaluate::EvalResult;
use crate::train::run::resume::{start_or_resume, ResumeKey, RunState};
use crate::train::run::setup::{client_for, InitialParams, RunParts, Setup};
use crate::train::run::train_loop::TrainLoop;
use crate::{Error, Result};
use dpxla_core::array::HostArray;
use dpxla_dp::mechanism::DpMechanism;
use dpxla_nn::transfer::Freeze;
use dpxla_nn::{CenteredFeatures, LossFn, Model};
use dpxla_pjrt::runtime::Client;
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
    pub stop: Option<crate::train::run::signals::StopSignal>,
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
            centering: None,
            loss: None,
            data: None,
            settings: TrainSettings::new(
                crate::train::config::PrivacyConfig::target_epsilon(3.0, 1e-5),
                crate::train::config::TrainingConfig {
                    epochs: Some(1.0),
                    ..crate::train::config::TrainingConfig::new(256.0, 0.1)
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
            mut settings,
            identity,
        } = self;
        let out = &settings.output.dir.clone();
        // Held to the end: no second run may write into this folder meanwhile.
        let _lock = crate::train::run::lock::RunLock::acquire(out)?;
        // Temporaries of a run killed mid-write; safe to delete under the lock.
        dpxla_core::atomic_file::remove_stale_temps(out)?;
        for w in &setup.warnings {
            eprintln!("warning: {w}");
        }
        let ckpt_path = out.join("checkpoint.safetensors");
        let metrics_path = out.join("metrics.jsonl");
        let (run, mut state, writer) =
            start_run(&setup, &settings, &identity, &ckpt_path, opts.resume)?;
        let private = setup.plan.private.is_some();
        // This invocation's last step: the display ends there (issue 27, item 6:
        // `--max-steps 5` of 12 showed 12/12).
        let stop_at = opts
            .max_steps_this_run
            .map_or(setup.plan.steps, |m| (run.step + m).min(setup.plan.steps));
        let mut progress = Progress::new(stop_at, run.step, opts.progress);
        if private {
            progress = progress.private_run();
        }
        // Budget guard on the ledger: stop before ε(ledger ⊕ next step) > target.
        let allowed = crate::train::privacy::ledger_guard::stop_before(
            run.accountant.as_ref(),
            &setup.plan,
            run.step,
        )?;
        let client = client_for(&settings.runtime)?;
        let sized = resolve_physical_batch(&client, &setup, &mut settings, &state, &mut progress)?;
        if !run.resumed {
            let no_step_fits = private && allowed == run.step;
            release_centering(
                &client,
                &setup,
                &settings,
                &mut state,
                no_step_fits,
                &mut progress,
            )?;
        }
        // `training.physical_batch` is per device.
        let physical = settings.training.physical_rows()? * settings.runtime.devices;
        let (engine, secure) =
            build_engine(&client, &setup, &settings, &state, sized, &mut progress)?;
        let metrics = open_metrics(&metrics_path, run.step)?;
        let nonprivate = crate::train::privacy::nonprivate::NonPrivateSink::open(
            out,
            private && settings.output.nonprivate_metrics,
            run.step,
        )?;
        TrainLoop {
            setup: &setup,
            settings: &settings,
            identity: &identity,
            engine,
            run,
            secure,
            writer,
            metrics,
            nonprivate,
            progress,
            physical,
            private,
            stop_at,
            allowed,
            ckpt_path,
            metrics_path,
            started: Instant::now(),
            last_eval: None,
            lookahead: None,
        }
        .run(opts.stop.as_ref())
    }
}

/// Where this run starts (fresh or its checkpoint, after the resume checks)
/// and the writer of its checkpoints.
fn start_run(
    setup: &Setup,
    settings: &TrainSettings,
    identity: &str,
    ckpt_path: &Path,
    resume: bool,
) -> Result<(RunState, HostState, CheckpointWriter)> {
    let (param_names, slot_names) = state_names(setup);
    let privacy_now = crate::train::privacy::resume_check::privacy_settings(settings, &setup.plan);
    let key = ResumeKey {
        digest: identity,
        params: &param_names,
        slots: &slot_names,
        privacy: &privacy_now,
        debug_seed: settings.privacy.debug_seed,
    };
    let (run, state) = start(setup, &settings.output.dir, ckpt_path, resume, &key)?;
    let writer = CheckpointWriter {
        path: ckpt_path.to_path_buf(),
        digest: identity.to_string(),
        model: setup.model_name.clone(),
        params: param_names,
        slots: slot_names,
        last_saved: (run.step > 0).then_some(run.step),
        privacy: privacy_now,
        keep_generators: settings.privacy.debug_seed.is_some(),
    };
    Ok((run, state, writer))
}

/// The engine on `state` with every program a step can use compiled, and
/// the secure-noise side of a step where `privacy.secure_noise` is set;
/// `sized` is the engine `"auto"` compiled its trial programs on (they are
/// taken over, not compiled again).
fn build_engine(
    client: &Client,
    setup: &Setup,
    settings: &TrainSettings,
    state: &HostState,
    sized: Option<Engine>,
    progress: &mut Progress,
) -> Result<(Engine, Option<SecureStep>)> {
    let secure = SecureStep::new(settings, &setup.plan, trainable_dims(setup))?;
    let mut engine = Engine::new(client, setup.spec.clone(), state)?;
    if let Some(sized) = sized {
        engine.adopt_programs(sized);
    }
    let physical = settings.training.physical_rows()? * settings.runtime.devices;
    crate::train::engine::compile_all::compile_all(
        &mut engine,
        client,
        physical,
        secure.is_some(),
        progress,
    )?;
    if let Some(line) = crate::train::programs::rounding_charge::describe(engine.rounding_charge())
    {
        progress.println(format!("warning: {line}"));
    }
    Ok((engine, secure))
}

/// `training.physical_batch = "auto"`: chosen now from XLA's memory analysis
/// of the accumulate program on an engine of its own (returned, so the run's
/// engine takes its compiled programs over), and shown; a number is kept as
/// given (`None`).
fn resolve_physical_batch(
    client: &Client,
    setup: &Setup,
    settings: &mut TrainSettings,
    state: &HostState,
    progress: &mut Progress,
) -> Result<Option<Engine>> {
    if !settings.training.physical_batch.is_auto() {
        return Ok(None);
    }
    let mut engine = Engine::new(client, setup.spec.clone(), state)?;
    let (rows, choice) = crate::train::engine::physical_auto::resolve(
        &mut engine,
        settings.training.physical_batch,
        settings.runtime.memory_budget,
        setup.plan.expected_batch(),
    )?;
    if let Some(c) = choice {
        progress.println(c.describe());
    }
    settings.training.physical_batch = rows.into();
    Ok(Some(engine))
}

/// The names of the parameters and of the optimiser's slots, as the
/// checkpoint records them.
fn state_names(setup: &Setup) -> (Vec<String>, Vec<String>) {
    let params = setup.spec.loss.params.iter().map(|s| s.name.clone());
    let slots = setup.spec.optimizer.slots().iter().map(|s| s.to_string());
    (params.collect(), slots.collect())
}

/// Elements of the trainable parameters (the noise's dimension).
fn trainable_dims(setup: &Setup) -> usize {
    let params = &setup.spec.loss.params;
    setup
        .spec
        .trainable
        .iter()
        .map(|&i| params[i].numel())
        .sum()
}

/// A fresh start or the checkpoint's state, and the public BandMF strategy
/// recorded in the output folder.
fn start(
    setup: &Setup,
    out: &Path,
    ckpt_path: &Path,
    resume: bool,
    key: &ResumeKey,
) -> Result<(RunState, HostState)> {
    let (run, state) = start_or_resume(setup, ckpt_path, resume, key)?;
    if run.resumed && setup.plan.bandmf.is_some() && state.noise_history.is_empty() {
        eprintln!(
            "note: BandMF's noise history is not checkpointed without privacy.debug_seed \
             (it is secret); the factorisation restarts at step {} (still the accounted \
             mechanism, docs/design.md \"BandMF\")",
            run.step
        );
    }
    // The strategy is public (a function of the steps and b): recorded.
    crate::train::privacy::bandmf::record_strategy(out, &setup.plan)?;
    Ok((run, state))
}

/// A centred model's feature mean, released (Gaussian mechanism, already
/// in the ledger: `resume::start_or_resume`) into its parameter before the
/// first step; refused when not one DP-SGD step would fit the budget after it.
fn release_centering(
    client: &Client,
    setup: &Setup,
    settings: &TrainSettings,
    state: &mut HostState,
    no_step_fits: bool,
    progress: &mut Progress,
) -> Result<()> {
    let Some(c) = &setup.centering else {
        return Ok(());
    };
    if no_step_fits {
        return Err(Error::InvalidInput(
            "not one DP-SGD step fits the ε budget after the release of the feature \
             mean; refusing to release it"
                .into(),
        ));
    }
    let noise =
        crate::train::privacy::centering::release_noise(&setup.plan, settings.privacy.debug_seed)?;
    progress.println(format!(
        "releasing the training set's mean of {} centred features{}",
        c.dims,
        noise.map_or(" (exact: non-private run)".into(), |(s, _)| format!(
            " (Gaussian mechanism, sigma {s}, sensitivity {:.4})",
            c.bound
        ))
    ));
    state.params[c.param] = crate::train::privacy::centering::release_mean(
        client,
        c,
        setup.train.as_ref(),
        &setup.eval_augment,
        settings.training.physical_rows()?,
        &setup.spec.compile_options,
        noise,
    )?;
    Ok(())
}

/// The metrics file: continued at `step` on a resume (with a warning where
/// records are missing), new otherwise.
fn open_metrics(path: &Path, step: u64) -> Result<MetricsWriter> {
    if step == 0 {
        return MetricsWriter::open(path, false);
    }
    let m = MetricsWriter::resume(path, step)?;
    if let Some(w) = crate::train::run::resume_state::metrics_gap(path, step) {
        eprintln!("warning: {w}");
    }
    Ok(m)
}

/// Builds a [`Trainer`] from values: a model, datasets and settings.
pub struct TrainerBuilder<'m> {
    model: &'m dyn Model,
    centering: Option<&'m dyn CenteredFeatures>,
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

    /// The centring component of a centred model (one whose logits subtract
    /// `dpxla_nn::CENTER_PARAM`): its mean is released before training.
    pub fn centering(mut self, centering: &'m dyn CenteredFeatures) -> Self {
        self.centering = Some(centering);
        self
    }

    /// A per-example loss other than softmax cross-entropy.
    pub fn loss(mut self, loss: &'m LossFn) -> Self {
        self.loss = Some(loss);
        self
    }

    /// Privacy: C, σ or a target ε, δ, accountant (default: ε = 3, δ = 1e-5, C = 1).
    pub fn privacy(mut self, privacy: crate::train::config::PrivacyConfig) -> Self {
        self.settings.privacy = privacy;
        self
    }

    /// Batch size, length, learning rate, optimiser, averaging, evaluation
    /// and checkpoint intervals.
    pub fn training(mut self, training: crate::train::config::TrainingConfig) -> Self {
        self.settings.training = training;
        self
    }

    /// Normalisation, augmentation and augmentation multiplicity.
    pub fn augment(mut self, augment: crate::train::config::AugmentConfig) -> Self {
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
            sampling_rate: self.settings.training.sampling_rate,
            public_dataset_size: self.settings.training.public_dataset_size,
            max_batch_size: self.settings.training.max_batch_size,
            custom_loss: self.loss.is_some(),
        };
        let identity = crate::train::config::digest_of(&identity);
        let parts = RunParts {
            model: self.model,
            centering: self.centering,
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
    augment: &'a crate::train::config::AugmentConfig,
    privacy: &'a crate::train::config::PrivacyConfig,
    #[serde(skip_serializing_if = "Option::is_none")]
    batch_size: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sampling_rate: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    public_dataset_size: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_batch_size: Option<usize>,
    custom_loss: bool,
}
