//! Everything a run needs, resolved: datasets, traced graphs, initial
//! parameters, the privacy plan and the engine spec — from a configuration
//! file ([`Setup::build`]) or from values a library user holds
//! ([`Setup::assemble`], used by [`Trainer`](crate::train::run::trainer::Trainer)).

use crate::data::Prefix;
use crate::data::{open_dataset, Dataset, OpenOptions, Split, ViewAugment};
use crate::train::config::settings::TrainSettings;
use crate::train::config::{Config, RuntimeConfig};
use crate::train::engine::EngineSpec;
use crate::train::sampling::batches::TrainViews;
use crate::train::sampling::rate_and_cap;
use crate::{Error, Result};
use dpxla_core::array::HostArray;
use dpxla_core::trace::Graph;
use dpxla_dp::accountant::PoissonGaussianEvent;
use dpxla_dp::mechanism::NoiseSource;
use dpxla_dp::plan::{PrivacyPlan, PrivacyRequest};
use dpxla_nn::transfer::{load_params, replace_head, Freeze};
use dpxla_nn::{
    by_name_with, centering_by_name_with, init_params, trace_example_eval, trace_example_eval_with,
    trace_example_loss, trace_example_loss_with, CenteredFeatures, ComputeDtype, ExampleLoss,
    LossFn, MixedPrecision, Model, ModelOptions,
};
use dpxla_pjrt::runtime::{Client, CompileOptions, PluginQuery, XlaFlag};
use std::sync::Arc;

pub struct Setup {
    pub train: Arc<dyn Dataset>,
    pub test: Arc<dyn Dataset>,
    pub plan: PrivacyPlan,
    pub warnings: Vec<String>,
    pub spec: EngineSpec,
    pub initial_params: Vec<HostArray>,
    pub views: TrainViews,
    pub eval_augment: ViewAugment,
    pub model_name: String,
    /// A centred model's feature mean to release before training
    /// ([`crate::train::privacy::centering`]).
    pub centering: Option<crate::train::privacy::centering::CenteringSpec>,
    /// BandMF's cyclic partitions of the training set (`None`: DP-SGD's
    /// Poisson sampling over all of it).
    pub partitions: Option<Vec<Vec<usize>>>,
}

fn open(
    path: &std::path::Path,
    split: Split,
    cfg: &Config,
    limit: Option<usize>,
    num_classes: Option<usize>,
) -> Result<Arc<dyn Dataset>> {
    let opts = OpenOptions {
        split,
        image_size: cfg
            .data
            .image_size
            .unwrap_or(OpenOptions::default().image_size),
        num_classes,
        ..OpenOptions::default()
    };
    let ds: Arc<dyn Dataset> = Arc::from(open_dataset(path, &opts)?);
    Ok(match limit {
        Some(n) if n < ds.len() => Arc::new(Prefix::new(ds, n)),
        _ => ds,
    })
}

/// The PJRT client the runtime settings ask for.
pub fn client_for(runtime: &RuntimeConfig) -> Result<Client> {
    // Checked here so the message names the config key, not `--plugin`.
    if let Some(p) = runtime.plugin.as_ref().filter(|p| !p.is_file()) {
        return Err(dpxla_pjrt::Error::PluginNotFound(format!(
            "PJRT plugin {} (from runtime.plugin) does not exist or is not a file",
            p.display()
        ))
        .into());
    }
    let (platform, options) = crate::train::config::runtime_options::client_request(runtime)?;
    let client = PluginQuery {
        path: runtime.plugin.clone(),
        platform,
        allow_fetch: true,
    }
    .client(&options)?;
    client.set_synchronous(runtime.synchronous);
    client.set_compile_cache(
        runtime
            .compile_cache
            .dir()
            .map(dpxla_pjrt::runtime::CompileCache::new),
    );
    Ok(client)
}

/// Where a run's initial parameters come from.
#[derive(Clone, Debug)]
pub enum InitialParams {
    /// A fresh initialisation from this seed (`nn::init_params`).
    Fresh { seed: u64 },
    /// These arrays, one per parameter in the loss's (sorted-name) order.
    Given(Vec<HostArray>),
    /// A checkpoint or parameter file (dpxla names; safetensors), with the
    /// classifier head re-initialised from `seed` if `replace_head`.
    File {
        path: std::path::PathBuf,
        replace_head: bool,
        seed: u64,
    },
}

/// What a run is made of besides its settings: the model (traced here), an
/// optional loss other than softmax cross-entropy, the datasets, the initial
/// parameters and which parameters are frozen.
pub struct RunParts<'a> {
    pub model: &'a dyn Model,
    /// A centred model's centring component (`None`: not centred).
    pub centering: Option<&'a dyn CenteredFeatures>,
    pub loss: Option<&'a LossFn>,
    pub train: Arc<dyn Dataset>,
    pub test: Arc<dyn Dataset>,
    pub initial: InitialParams,
    pub freeze: Freeze,
}

impl Setup {
    /// Resolves a configuration: opens the datasets, selects the model by
    /// name, reads `init_from`, then [`Setup::assemble`]s.
    pub fn build(cfg: &Config) -> Result<Setup> {
        let train = open(
            &cfg.data.train,
            Split::Train,
            cfg,
            cfg.data.train_limit,
            cfg.data.num_classes,
        )?;
        let test_path = cfg.data.test.as_ref().unwrap_or(&cfg.data.train);
        // What the registry entry says the model reads (an unknown name is
        // refused below, by `by_name_with`).
        if let Some(entry) = dpxla_nn::models::entry(&cfg.model.name) {
            crate::features::check_model_input(entry.input, &[&cfg.data.train, test_path])?;
        }
        // The test split is held to the training split's classes: a label
        // beyond them is named, not reported as a class-count mismatch.
        let classes = Some(train.num_classes());
        let test = open(test_path, Split::Test, cfg, cfg.data.test_limit, classes)?;
        crate::train::privacy::test_split::check_distinct(
            train.as_ref(),
            test.as_ref(),
            cfg.data.test.is_some(),
        )?;
        let options = ModelOptions {
            input: Some(train.image_shape().to_vec()),
            classes: Some(train.num_classes()),
        };
        let model = by_name_with(&cfg.model.name, &options)?;
        let centering = centering_by_name_with(&cfg.model.name, &options);
        let initial = match &cfg.model.init_from {
            None => InitialParams::Fresh {
                seed: cfg.model.init_seed,
            },
            Some(path) => InitialParams::File {
                path: path.clone(),
                replace_head: cfg.model.replace_head,
                seed: cfg.model.init_seed,
            },
        };
        let mixed = match cfg.model.compute_dtype {
            ComputeDtype::F32 => None,
            ComputeDtype::Bf16 => Some(MixedPrecision::bf16(model.as_ref())?),
        };
        let parts = RunParts {
            model: mixed.as_ref().map_or(model.as_ref(), |m| m as &dyn Model),
            centering: centering.as_deref(),
            loss: None,
            train,
            test,
            initial,
            freeze: Freeze::parse(&cfg.model.freeze)?,
        };
        Setup::assemble(parts, &cfg.settings())
    }

    /// Traces the model, checks the datasets against it and each other,
    /// derives the privacy plan and builds the engine spec.
    pub fn assemble(parts: RunParts, settings: &TrainSettings) -> Result<Setup> {
        settings.validate()?;
        let RunParts {
            model,
            centering,
            loss: loss_fn,
            train,
            test,
            initial,
            freeze,
        } = parts;
        check_shapes(model, train.as_ref(), test.as_ref())?;
        let (loss, eval_example) = match loss_fn {
            None => (trace_example_loss(model)?, trace_example_eval(model)?.0),
            Some(f) => (
                trace_example_loss_with(model, f)?,
                trace_example_eval_with(model, f)?.0,
            ),
        };
        check_memory(model, &loss, settings, train.as_ref())?;
        let mut warnings = Vec::new();
        let initial = initial_arrays(initial, &loss, &mut warnings)?;
        let centering = crate::train::privacy::centering::trace(model, centering, &loss)?;
        let trainable = freeze.trainable(&loss)?;
        if trainable.is_empty() {
            return Err(Error::InvalidInput(
                "model.freeze leaves no trainable parameter".into(),
            ));
        }
        let prior = crate::train::privacy::centering::prior_events(
            centering.as_ref(),
            &settings.privacy,
            model.name(),
        )?;
        let (plan, partitions) = plan_of(settings, train.len(), prior, &mut warnings)?;
        let (augment, eval_augment) = views_of(&settings.augment);
        let spec = engine_spec(settings, &plan, loss, eval_example, trainable)?;
        Ok(Setup {
            train,
            test,
            plan,
            warnings,
            spec,
            initial_params: initial.into_iter().map(|(_, a)| a).collect(),
            views: TrainViews {
                augment,
                seed: settings.augment.seed,
                views: settings.augment.multiplicity,
            },
            eval_augment,
            model_name: model.name().to_string(),
            centering,
            partitions,
        })
    }
}

/// The datasets agree with each other and with the model's input and classes.
fn check_shapes(model: &dyn Model, train: &dyn Dataset, test: &dyn Dataset) -> Result<()> {
    if train.image_shape() != test.image_shape() || train.num_classes() != test.num_classes() {
        return Err(Error::InvalidInput(format!(
            "train set ({:?}, {} classes) and test set ({:?}, {} classes) do not match",
            train.image_shape(),
            train.num_classes(),
            test.image_shape(),
            test.num_classes()
        )));
    }
    if model.input_shape() != train.image_shape() || model.num_classes() != train.num_classes() {
        return Err(Error::InvalidInput(format!(
            "model '{}' takes {:?} with {} classes; the data has {:?} with {} classes",
            model.name(),
            model.input_shape(),
            model.num_classes(),
            train.image_shape(),
            train.num_classes()
        )));
    }
    Ok(())
}

/// Batch and parameter sizes checked before any parameter or batch is
/// allocated (issue 27, item 5).
fn check_memory(
    model: &dyn Model,
    loss: &ExampleLoss,
    settings: &TrainSettings,
    train: &dyn Dataset,
) -> Result<()> {
    let numel: u128 = loss.params.iter().map(|p| p.numel() as u128).sum();
    let dtype_bytes = if model.dtype() == dpxla_core::array::DType::F64 {
        8
    } else {
        4
    };
    // "auto" is sized later, from the compiled program's memory.
    let Some(rows) = settings.training.physical_batch.rows() else {
        return Ok(());
    };
    crate::train::engine::memory_check::check_run_sizes(
        rows * settings.runtime.devices,
        settings.augment.multiplicity,
        &train.image_shape(),
        numel,
        dtype_bytes,
    )
}

/// The initial parameters, named: drawn, given, or read from `init_from`
/// (with a warning where that checkpoint has a privacy ledger of its own).
fn initial_arrays(
    initial: InitialParams,
    loss: &ExampleLoss,
    warnings: &mut Vec<String>,
) -> Result<Vec<(String, HostArray)>> {
    Ok(match initial {
        InitialParams::Fresh { seed } => init_params(&loss.params, seed),
        InitialParams::Given(arrays) => {
            let names = loss.params.iter().map(|p| p.name.clone());
            let named: Vec<(String, HostArray)> = names.zip(arrays).collect();
            if named.len() != loss.params.len() {
                return Err(Error::InvalidInput(format!(
                    "{} initial parameter arrays for a model with {}",
                    named.len(),
                    loss.params.len()
                )));
            }
            load_params(loss, &named)?
        }
        InitialParams::File {
            path,
            replace_head: replace,
            seed,
        } => {
            let tensors = crate::train::checkpoint::read_param_tensors(&path, false)?;
            // The key is the config key; the checkpoint's path goes in the message.
            let ctx = |e: dpxla_nn::Error| match crate::train::config::keyed("model.init_from", e) {
                Error::Config { key, message } => Error::Config {
                    key,
                    message: format!("{}: {message}", path.display()),
                },
                other => other,
            };
            warnings.extend(crate::train::privacy::init_ledger::warning(&path)?);
            if replace {
                replace_head(loss, &tensors, seed).map_err(ctx)?
            } else {
                load_params(loss, &tensors).map_err(ctx)?
            }
        }
    })
}

/// The privacy plan over `n` training examples (after `prior`, a centred
/// model's release) and BandMF's partitions where that is the mechanism.
fn plan_of(
    settings: &TrainSettings,
    n: usize,
    prior: Vec<PoissonGaussianEvent>,
    warnings: &mut Vec<String>,
) -> Result<(PrivacyPlan, Option<Vec<Vec<usize>>>)> {
    let t = &settings.training;
    let steps = match (t.steps, t.epochs) {
        (Some(s), _) => s,
        // epochs·N/B, or epochs/q with a sampling rate (no |D| in it).
        (None, Some(e)) => rate_and_cap::spec(settings).steps_for_epochs(e, n),
        (None, None) => unreachable!("validated: steps or epochs"),
    };
    let p = &settings.privacy;
    if !p.enabled && p.centering_noise_multiplier.is_some() {
        warnings.push(
            "privacy.centering_noise_multiplier is ignored: privacy is disabled, so the \
             exact feature mean is used"
                .into(),
        );
    }
    let sampling = rate_and_cap::spec(settings);
    let request = PrivacyRequest {
        enabled: p.enabled,
        clip_norm: p.clip_norm,
        clip_mode: p.clipping,
        noise_multiplier: p.noise_multiplier,
        target_epsilon: p.target_epsilon,
        // Secure mode: the batch cap's share of δ is set aside (secure_step).
        delta: p.delta * crate::train::privacy::secure_step::delta_factor(p.secure_noise),
        accountant: p.accountant,
        allow_large_delta: p.allow_large_delta,
        prior,
        noise: crate::train::privacy::bandmf::request(p),
        adaptive: crate::train::privacy::adaptive_clip::request(p, sampling.expected_batch())?,
    };
    let (plan, plan_warnings) = PrivacyPlan::derive_sampled(&request, n, &sampling, steps)?;
    let partitions = match &plan.bandmf {
        Some(b) => Some(crate::train::privacy::bandmf::partitions(n, b.partitions)?),
        None => None,
    };
    warnings.extend(plan_warnings);
    t.schedule.validate(steps)?;
    if p.debug_seed.is_some() && p.enabled {
        warnings.push(
            "privacy.debug_seed is set: sampling and noise are reproducible from the seed; \
             this is for debugging only and voids the privacy guarantee against anyone who knows it"
                .into(),
        );
    }
    Ok((plan, partitions))
}

/// The training views' augmentation and the evaluation's (normalisation only).
fn views_of(a: &crate::train::config::AugmentConfig) -> (ViewAugment, ViewAugment) {
    let augment = ViewAugment {
        crop_padding: a.crop_padding,
        flip: a.flip,
        mean: a.mean.clone(),
        std: a.std.clone(),
        random_resized_crop: a.random_resized_crop.as_ref().map(|r| r.to_crop()),
    };
    let eval_augment = ViewAugment {
        crop_padding: 0,
        flip: false,
        random_resized_crop: None,
        ..augment.clone()
    };
    (augment, eval_augment)
}

/// `runtime.gram_f64_cost`, else the platform's weight
/// (`config::gram_cost`; the device kind is not known before the client).
fn run_gram_f64_cost(runtime: &RuntimeConfig) -> Result<f64> {
    let platform = crate::train::config::runtime_options::runtime_platform(runtime)?;
    match runtime.gram_f64_cost {
        Some(c) if !(c > 0.0 && c.is_finite()) => Err(Error::InvalidInput(format!(
            "runtime.gram_f64_cost must be finite and > 0, got {c}"
        ))),
        Some(c) => Ok(c),
        None => Ok(crate::train::config::gram_cost::gram_f64_cost(
            platform, None,
        )),
    }
}

/// What the engine is built from: the traced graphs, the trainable
/// parameters, the plan's mechanism, the optimiser and the runtime's options.
fn engine_spec(
    settings: &TrainSettings,
    plan: &PrivacyPlan,
    loss: ExampleLoss,
    eval_example: Graph,
    trainable: Vec<usize>,
) -> Result<EngineSpec> {
    let (p, t) = (&settings.privacy, &settings.training);
    let mut compile_options = CompileOptions::default();
    if settings.runtime.fast_compile {
        compile_options = compile_options.flag("xla_backend_optimization_level", XlaFlag::Int(0));
    }
    // Secure mode noises on the host (secure_step), not on the device.
    let source = if p.secure_noise {
        NoiseSource::Host
    } else {
        NoiseSource::Device
    };
    let gram_f64_cost = run_gram_f64_cost(&settings.runtime)?;
    Ok(EngineSpec {
        loss,
        eval_example,
        trainable,
        views: settings.augment.multiplicity,
        mechanism: plan
            .mechanism(p.clipping_method)?
            .map(|m| {
                m.with_noise_source(source)
                    .with_gram_f64_cost(gram_f64_cost)
            })
            .transpose()?,
        optimizer: t.optimizer.clone(),
        averaging: t.averaging.clone(),
        compile_options,
        replicas: settings.runtime.devices,
        noise_strategy: plan.bandmf.as_ref().map(|b| b.strategy.clone()),
    })
}
