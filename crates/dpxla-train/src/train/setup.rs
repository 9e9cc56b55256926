//! Everything a run needs, resolved: datasets, traced graphs, initial
//! parameters, the privacy plan and the engine spec — from a configuration
//! file ([`Setup::build`]) or from values a library user holds
//! ([`Setup::assemble`], used by [`Trainer`](super::trainer::Trainer)).

use super::batches::TrainViews;
use super::config::{Config, RuntimeConfig};
use super::engine::EngineSpec;
use super::settings::TrainSettings;
use crate::data::Prefix;
use crate::data::{open_dataset, Dataset, OpenOptions, Split, ViewAugment};
use crate::{Error, Result};
use dpxla_core::array::HostArray;
use dpxla_dp::mechanism::NoiseSource;
use dpxla_dp::plan::{PrivacyPlan, PrivacyRequest};
use dpxla_nn::transfer::{load_params, replace_head, Freeze};
use dpxla_nn::{
    by_name_with, init_params, trace_example_eval, trace_example_eval_with, trace_example_loss,
    trace_example_loss_with, ComputeDtype, LossFn, MixedPrecision, Model, ModelOptions,
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
    /// ([`super::centering`]).
    pub centering: Option<super::centering::CenteringSpec>,
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
    let (platform, options) = super::runtime_options::client_request(runtime)?;
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
        // Audit-only switches never reach a run (`dpxla audit` strips them).
        cfg.privacy.refuse_audit_switches()?;
        let train = open(
            &cfg.data.train,
            Split::Train,
            cfg,
            cfg.data.train_limit,
            cfg.data.num_classes,
        )?;
        let test_path = cfg.data.test.as_ref().unwrap_or(&cfg.data.train);
        if crate::features::reads_scatter_features(&cfg.model.name) {
            crate::features::check_scatter_features(&cfg.data.train)?;
            crate::features::check_scatter_features(test_path)?;
        }
        // The test split is held to the training split's classes: a label
        // beyond them is named, not reported as a class-count mismatch.
        let classes = Some(train.num_classes());
        let test = open(test_path, Split::Test, cfg, cfg.data.test_limit, classes)?;
        super::test_split::check_distinct(train.as_ref(), test.as_ref(), cfg.data.test.is_some())?;
        let model = by_name_with(
            &cfg.model.name,
            &ModelOptions {
                input: Some(train.image_shape().to_vec()),
                classes: Some(train.num_classes()),
            },
        )?;
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
            loss: loss_fn,
            train,
            test,
            initial,
            freeze,
        } = parts;
        if train.image_shape() != test.image_shape() || train.num_classes() != test.num_classes() {
            return Err(Error::InvalidInput(format!(
                "train set ({:?}, {} classes) and test set ({:?}, {} classes) do not match",
                train.image_shape(),
                train.num_classes(),
                test.image_shape(),
                test.num_classes()
            )));
        }
        if model.input_shape() != train.image_shape() || model.num_classes() != train.num_classes()
        {
            return Err(Error::InvalidInput(format!(
                "model '{}' takes {:?} with {} classes; the data has {:?} with {} classes",
                model.name(),
                model.input_shape(),
                model.num_classes(),
                train.image_shape(),
                train.num_classes()
            )));
        }
        let (loss, eval_example) = match loss_fn {
            None => (trace_example_loss(model)?, trace_example_eval(model)?.0),
            Some(f) => (
                trace_example_loss_with(model, f)?,
                trace_example_eval_with(model, f)?.0,
            ),
        };
        // Before any parameter or batch is allocated (issue 27, item 5).
        let numel: u128 = loss.params.iter().map(|p| p.numel() as u128).sum();
        let dtype_bytes = if model.dtype() == dpxla_core::array::DType::F64 {
            8
        } else {
            4
        };
        super::memory_check::check_run_sizes(
            settings.training.physical_batch * settings.runtime.devices,
            settings.augment.multiplicity,
            &train.image_shape(),
            numel,
            dtype_bytes,
        )?;
        let mut warnings = Vec::new();
        let initial = match initial {
            InitialParams::Fresh { seed } => init_params(&loss.params, seed),
            InitialParams::Given(arrays) => {
                let named: Vec<(String, HostArray)> = loss
                    .params
                    .iter()
                    .map(|p| p.name.clone())
                    .zip(arrays)
                    .collect();
                if named.len() != loss.params.len() {
                    return Err(Error::InvalidInput(format!(
                        "{} initial parameter arrays for a model with {}",
                        named.len(),
                        loss.params.len()
                    )));
                }
                load_params(&loss, &named)?
            }
            InitialParams::File {
                path,
                replace_head: replace,
                seed,
            } => {
                let tensors = super::checkpoint::read_param_tensors(&path, false)?;
                // The key is the config key; the checkpoint's path goes in the message.
                let ctx = |e: dpxla_nn::Error| match super::config::keyed("model.init_from", e) {
                    Error::Config { key, message } => Error::Config {
                        key,
                        message: format!("{}: {message}", path.display()),
                    },
                    other => other,
                };
                warnings.extend(super::init_ledger::warning(&path)?);
                if replace {
                    replace_head(&loss, &tensors, seed).map_err(ctx)?
                } else {
                    load_params(&loss, &tensors).map_err(ctx)?
                }
            }
        };
        let centering = super::centering::trace(model, &loss)?;
        let trainable = freeze.trainable(&loss)?;
        if trainable.is_empty() {
            return Err(Error::InvalidInput(
                "model.freeze leaves no trainable parameter".into(),
            ));
        }
        let t = &settings.training;
        let n = train.len();
        let steps = match (t.steps, t.epochs) {
            (Some(s), _) => s,
            (None, Some(e)) => ((e * n as f64 / t.batch_size).ceil() as u64).max(1),
            (None, None) => unreachable!("validated: steps or epochs"),
        };
        let p = &settings.privacy;
        let prior = super::centering::prior_events(centering.as_ref(), p, model.name())?;
        if !p.enabled && p.centering_noise_multiplier.is_some() {
            warnings.push(
                "privacy.centering_noise_multiplier is ignored: privacy is disabled, so the \
                 exact feature mean is used"
                    .into(),
            );
        }
        let request = PrivacyRequest {
            enabled: p.enabled,
            clip_norm: p.clip_norm,
            clip_mode: p.clipping,
            noise_multiplier: p.noise_multiplier,
            target_epsilon: p.target_epsilon,
            // Secure mode: the batch cap's share of δ is set aside (secure_step).
            delta: p.delta * super::secure_step::delta_factor(p.secure_noise),
            accountant: p.accountant,
            allow_large_delta: p.allow_large_delta,
            prior,
            noise: super::bandmf::request(p),
            adaptive: super::adaptive_clip::request(p, t.batch_size)?,
        };
        let (plan, plan_warnings) = PrivacyPlan::derive(&request, n, t.batch_size, steps)?;
        let partitions = match &plan.bandmf {
            Some(b) => Some(super::bandmf::partitions(n, b.partitions)?),
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
        let a = &settings.augment;
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
        let mut compile_options = CompileOptions::default();
        if settings.runtime.fast_compile {
            compile_options =
                compile_options.flag("xla_backend_optimization_level", XlaFlag::Int(0));
        }
        let spec = EngineSpec {
            loss,
            eval_example,
            trainable,
            views: a.multiplicity,
            // Secure mode noises on the host (secure_step), not on the device.
            mechanism: plan.mechanism(p.clipping_method)?.map(|m| {
                m.with_noise_source(if p.secure_noise {
                    NoiseSource::Host
                } else {
                    NoiseSource::Device
                })
            }),
            optimizer: t.optimizer.clone(),
            averaging: t.averaging.clone(),
            compile_options,
            replicas: settings.runtime.devices,
            noise_strategy: plan.bandmf.as_ref().map(|b| b.strategy.clone()),
        };
        Ok(Setup {
            train,
            test,
            plan,
            warnings,
            spec,
            initial_params: initial.into_iter().map(|(_, a)| a).collect(),
            views: TrainViews {
                augment,
                seed: a.seed,
                views: a.multiplicity,
            },
            eval_augment,
            model_name: model.name().to_string(),
            centering,
            partitions,
        })
    }
}
