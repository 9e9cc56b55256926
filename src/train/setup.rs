//! Everything a run needs, built from its configuration: datasets, model,
//! traced graphs, initial parameters, the privacy plan and the engine spec.

use super::batches::{Prefix, TrainViews};
use super::config::Config;
use super::engine::EngineSpec;
use super::programs::{ApplySpec, Clipping};
use crate::data::{open_dataset, AugmentConfig, Dataset, OpenOptions, Split};
use crate::dp::plan::{PrivacyPlan, PrivacyRequest};
use crate::nn::transfer::{load_params, replace_head, Freeze};
use crate::nn::{by_name_with, init_params, trace_example_eval, trace_example_loss, ModelOptions};
use crate::runtime::{Client, CompileOptions, Platform, PluginQuery, XlaFlag};
use crate::trace::HostArray;
use crate::{Error, Result};
use std::sync::Arc;

pub struct Setup {
    pub train: Arc<dyn Dataset>,
    pub test: Arc<dyn Dataset>,
    pub plan: PrivacyPlan,
    pub warnings: Vec<String>,
    pub spec: EngineSpec,
    pub initial_params: Vec<HostArray>,
    pub views: TrainViews,
    pub eval_augment: AugmentConfig,
    pub model_name: String,
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

/// The PJRT client the configuration asks for.
pub fn client_for(cfg: &Config) -> Result<Client> {
    let platform: Platform = cfg.runtime.platform.as_deref().unwrap_or("cpu").parse()?;
    // Checked here so the message names the config key, not `--plugin`.
    if let Some(p) = cfg.runtime.plugin.as_ref().filter(|p| !p.is_file()) {
        return Err(Error::PluginNotFound(format!(
            "PJRT plugin {} (from runtime.plugin) does not exist or is not a file",
            p.display()
        )));
    }
    PluginQuery {
        path: cfg.runtime.plugin.clone(),
        platform,
        allow_fetch: true,
    }
    .client(&[])
}

impl Setup {
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
        // The test split is held to the training split's classes: a label
        // beyond them is named, not reported as a class-count mismatch.
        let classes = Some(train.num_classes());
        let test = open(test_path, Split::Test, cfg, cfg.data.test_limit, classes)?;
        super::test_split::check_distinct(train.as_ref(), test.as_ref(), cfg.data.test.is_some())?;
        if train.image_shape() != test.image_shape() || train.num_classes() != test.num_classes() {
            return Err(Error::InvalidInput(format!(
                "train set ({:?}, {} classes) and test set ({:?}, {} classes) do not match",
                train.image_shape(),
                train.num_classes(),
                test.image_shape(),
                test.num_classes()
            )));
        }
        let model = by_name_with(
            &cfg.model.name,
            &ModelOptions {
                input: Some(train.image_shape().to_vec()),
                classes: Some(train.num_classes()),
            },
        )?;
        let loss = trace_example_loss(model.as_ref())?;
        let (eval_example, _) = trace_example_eval(model.as_ref())?;
        let initial = match &cfg.model.init_from {
            None => init_params(&loss.params, cfg.model.init_seed),
            Some(path) => {
                let tensors = super::checkpoint::read_param_tensors(path, false)?;
                let ctx = |e: Error| match e {
                    Error::InvalidInput(m) => {
                        Error::InvalidInput(format!("model.init_from {}: {m}", path.display()))
                    }
                    e => e,
                };
                if cfg.model.replace_head {
                    replace_head(&loss, &tensors, cfg.model.init_seed).map_err(ctx)?
                } else {
                    load_params(&loss, &tensors).map_err(ctx)?
                }
            }
        };
        let mut warnings = Vec::new();
        if let Some(path) = &cfg.model.init_from {
            warnings.extend(super::init_ledger::warning(path)?);
        }
        let trainable = Freeze::parse(&cfg.model.freeze)?.trainable(&loss)?;
        if trainable.is_empty() {
            return Err(Error::InvalidInput(
                "model.freeze leaves no trainable parameter".into(),
            ));
        }
        let t = &cfg.training;
        let n = train.len();
        let steps = match (t.steps, t.epochs) {
            (Some(s), _) => s,
            (None, Some(e)) => ((e * n as f64 / t.batch_size).ceil() as u64).max(1),
            (None, None) => unreachable!("validated: steps or epochs"),
        };
        let p = &cfg.privacy;
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
        };
        let (plan, plan_warnings) = PrivacyPlan::derive(&request, n, t.batch_size, steps)?;
        warnings.extend(plan_warnings);
        t.schedule.validate(steps)?;
        if p.debug_seed.is_some() && p.enabled {
            warnings.push(
                "privacy.debug_seed is set: sampling and noise are reproducible from the seed; \
                 this is for debugging only and voids the privacy guarantee against anyone who knows it"
                    .into(),
            );
        }
        let augment = AugmentConfig {
            crop_padding: cfg.augment.crop_padding,
            flip: cfg.augment.flip,
            mean: cfg.augment.mean.clone(),
            std: cfg.augment.std.clone(),
        };
        let eval_augment = AugmentConfig {
            crop_padding: 0,
            flip: false,
            ..augment.clone()
        };
        let mut compile_options = CompileOptions::default();
        if cfg.runtime.fast_compile {
            compile_options =
                compile_options.flag("xla_backend_optimization_level", XlaFlag::Int(0));
        }
        let spec = EngineSpec {
            loss,
            eval_example,
            trainable,
            views: cfg.augment.multiplicity,
            clipping: plan.private.as_ref().map(|p| Clipping {
                norm: p.clip_norm,
                mode: p.clip_mode,
                method: cfg.privacy.clipping_method,
            }),
            apply: ApplySpec {
                // Secure mode noises on the host (secure_step), not on the device.
                noise: if p.secure_noise { None } else { plan.noise() },
                optimizer: t.optimizer.clone(),
                averaging: t.averaging.clone(),
            },
            compile_options,
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
                seed: cfg.augment.seed,
                views: cfg.augment.multiplicity,
            },
            eval_augment,
            model_name: cfg.model.name.clone(),
        })
    }
}
