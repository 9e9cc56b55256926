//! The settings of a run besides its model and data ([`TrainSettings`], what
//! the library's `Trainer` takes), their validation, and the constructors a
//! library user starts from (`PrivacyConfig::target_epsilon`,
//! `TrainingConfig::new`, ...).

use crate::train::config::physical_batch::PhysicalBatch;
use crate::train::config::sections::{
    default_clip, default_physical, keyed, AugmentConfig, OutputConfig, PrivacyConfig,
    RuntimeConfig, TrainingConfig,
};
use crate::{Error, Result};
use dpxla_dp::accountant::AccountantKind;
use dpxla_dp::clip::{ClipMethod, ClipMode, Clipping};
use dpxla_nn::optim::{Averaging, Optimizer, Schedule};
use serde::Serialize;

/// Everything about a run but the model and the data: the part of a
/// [`Config`] the library's [`Trainer`](crate::train::run::trainer::Trainer) takes
/// alongside a model and datasets given as values.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrainSettings {
    pub augment: AugmentConfig,
    pub privacy: PrivacyConfig,
    pub training: TrainingConfig,
    pub output: OutputConfig,
    pub runtime: RuntimeConfig,
}

impl TrainSettings {
    /// Settings with default augmentation, output and runtime.
    pub fn new(privacy: PrivacyConfig, training: TrainingConfig) -> TrainSettings {
        TrainSettings {
            augment: AugmentConfig::default(),
            privacy,
            training,
            output: OutputConfig::default(),
            runtime: RuntimeConfig::default(),
        }
    }
}

impl PrivacyConfig {
    /// DP-SGD with σ calibrated to (ε, δ) over the planned steps, C = 1,
    /// flat clipping, the RDP accountant and automatic clipping method;
    /// change fields with struct-update syntax
    /// (`PrivacyConfig { clip_norm: 0.1, ..PrivacyConfig::target_epsilon(3.0, 1e-5) }`).
    pub fn target_epsilon(epsilon: f64, delta: f64) -> PrivacyConfig {
        PrivacyConfig {
            target_epsilon: Some(epsilon),
            ..PrivacyConfig::noise_multiplier_unset(delta)
        }
    }

    /// DP-SGD with a fixed noise multiplier σ (ε follows from it).
    pub fn noise_multiplier(sigma: f64, delta: f64) -> PrivacyConfig {
        PrivacyConfig {
            noise_multiplier: Some(sigma),
            ..PrivacyConfig::noise_multiplier_unset(delta)
        }
    }

    /// No clipping and no noise: the non-private baseline (no guarantee).
    pub fn disabled() -> PrivacyConfig {
        PrivacyConfig {
            enabled: false,
            ..PrivacyConfig::noise_multiplier_unset(1e-5)
        }
    }

    fn noise_multiplier_unset(delta: f64) -> PrivacyConfig {
        PrivacyConfig {
            enabled: true,
            clip_norm: default_clip(),
            noise_multiplier: None,
            target_epsilon: None,
            delta,
            accountant: AccountantKind::default(),
            clipping: ClipMode::default(),
            clipping_method: ClipMethod::default(),
            debug_seed: None,
            secure_noise: false,
            allow_large_delta: false,
            centering_noise_multiplier: None,
            mechanism: Default::default(),
            bands: None,
            adaptive_clipping: false,
            target_quantile: None,
            clip_learning_rate: None,
            count_noise_std: None,
        }
    }
}

impl TrainingConfig {
    /// Expected logical batch `batch_size`, learning rate `learning_rate`,
    /// physical batch 128, SGD without momentum, constant schedule, no
    /// averaging, evaluation and checkpoint at the end only. The length is
    /// left for the caller to give, as `steps` or as `epochs` (one of them):
    /// `TrainingConfig { steps: Some(30), ..TrainingConfig::new(256.0, 0.1) }`.
    pub fn new(batch_size: f64, learning_rate: f64) -> TrainingConfig {
        TrainingConfig {
            batch_size: Some(batch_size),
            sampling_rate: None,
            public_dataset_size: None,
            max_batch_size: None,
            steps: None,
            epochs: None,
            physical_batch: default_physical(),
            learning_rate,
            optimizer: Optimizer::default(),
            schedule: Schedule::default(),
            averaging: Averaging::default(),
            eval_every: 0,
            checkpoint_every: 0,
        }
    }
}

impl TrainSettings {
    /// Checks every value that can be checked without the model and data.
    pub fn validate(&self) -> Result<()> {
        let bad = |key: &str, msg: String| Err(Error::InvalidInput(format!("{key}: {msg}")));
        let p = &self.privacy;
        crate::train::privacy::bandmf::validate(p)?;
        crate::train::privacy::adaptive_clip::validate(p)?;
        // C is checked by the one constructor of `Clipping` (0 < C ≤
        // MAX_CLIP_NORM, f32 headroom), here only to name the key early.
        if let Err(e) = Clipping::new(p.clip_norm, p.clipping, p.clipping_method) {
            let msg = match e {
                dpxla_dp::Error::InvalidInput(m) => m,
                e => e.to_string(),
            };
            return bad("privacy.clip_norm", msg);
        }
        if self.output.dir.as_os_str().is_empty() {
            return bad(
                "output.dir",
                "is empty: name the folder for checkpoints and metrics".into(),
            );
        }
        if !(p.delta > 0.0 && p.delta < 1.0) {
            return bad(
                "privacy.delta",
                format!("must be in (0, 1), got {}", p.delta),
            );
        }
        if let Some(s) = p.noise_multiplier {
            if !(s > 0.0 && s.is_finite()) {
                return bad("privacy.noise_multiplier", format!("must be > 0, got {s}"));
            }
        }
        if let Some(s) = p.centering_noise_multiplier {
            if !(s > 0.0 && s.is_finite()) {
                return bad(
                    "privacy.centering_noise_multiplier",
                    format!("must be > 0, got {s}"),
                );
            }
        }
        if let Some(e) = p.target_epsilon {
            if !(e > 0.0 && e.is_finite()) {
                return bad("privacy.target_epsilon", format!("must be > 0, got {e}"));
            }
        }
        if p.enabled && p.noise_multiplier.is_none() && p.target_epsilon.is_none() {
            return bad(
                "privacy.noise_multiplier",
                "give noise_multiplier or target_epsilon (or set privacy.enabled = false)".into(),
            );
        }
        let t = &self.training;
        crate::train::sampling::rate_and_cap::validate(self)?;
        match (t.steps, t.epochs) {
            (Some(_), Some(_)) => {
                return bad("training.steps", "give steps or epochs, not both".into())
            }
            (None, None) => {
                return bad(
                    "training.steps",
                    "give steps or epochs (`TrainingConfig::new` sets neither)".into(),
                )
            }
            (Some(0), _) => return bad("training.steps", "must be >= 1".into()),
            (_, Some(e)) if !(e > 0.0 && e.is_finite()) => {
                return bad("training.epochs", format!("must be > 0, got {e}"))
            }
            _ => {}
        }
        if t.physical_batch == PhysicalBatch::Rows(0) {
            return bad("training.physical_batch", "must be >= 1 or \"auto\"".into());
        }
        if self.runtime.memory_budget.is_some() && !t.physical_batch.is_auto() {
            return bad(
                "runtime.memory_budget",
                "applies only with training.physical_batch = \"auto\" (it sizes the \
                 physical batch); remove it or set physical_batch = \"auto\""
                    .into(),
            );
        }
        if !(t.learning_rate >= 0.0 && t.learning_rate.is_finite()) {
            return bad(
                "training.learning_rate",
                format!("must be >= 0, got {}", t.learning_rate),
            );
        }
        t.optimizer
            .validate()
            .map_err(|e| keyed("training.optimizer", e))?;
        t.averaging
            .validate()
            .map_err(|e| keyed("training.averaging", e))?;
        if let Some(rrc) = &self.augment.random_resized_crop {
            rrc.to_crop()
                .validate()
                .map_err(|e| keyed("augment.random_resized_crop", e))?;
            if self.augment.crop_padding > 0 {
                return bad(
                    "augment.random_resized_crop",
                    "excludes augment.crop_padding (set it to 0)".into(),
                );
            }
        }
        if self.augment.multiplicity == 0 {
            return bad("augment.multiplicity", "must be >= 1".into());
        }
        if self.runtime.devices == 0 {
            return bad("runtime.devices", "must be >= 1".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(training: TrainingConfig) -> TrainSettings {
        TrainSettings::new(PrivacyConfig::target_epsilon(3.0, 1e-5), training)
    }

    #[test]
    fn steps_or_epochs_over_new_is_accepted_and_only_both_together_are_refused() {
        let steps = TrainingConfig {
            steps: Some(30),
            ..TrainingConfig::new(256.0, 0.1)
        };
        settings(steps.clone()).validate().unwrap();
        let epochs = TrainingConfig {
            epochs: Some(2.0),
            ..TrainingConfig::new(256.0, 0.1)
        };
        settings(epochs).validate().unwrap();
        let both = TrainingConfig {
            epochs: Some(2.0),
            ..steps
        };
        let msg = settings(both).validate().unwrap_err().to_string();
        assert!(msg.contains("not both"), "{msg}");
        let msg = settings(TrainingConfig::new(256.0, 0.1))
            .validate()
            .unwrap_err()
            .to_string();
        assert!(msg.contains("give steps or epochs"), "{msg}");
    }

    #[test]
    fn the_clip_norm_is_refused_with_its_key() {
        for c in [0.0, -1.0, f64::NAN, 1e31] {
            let mut s = settings(TrainingConfig {
                steps: Some(1),
                ..TrainingConfig::new(256.0, 0.1)
            });
            s.privacy.clip_norm = c;
            let msg = s.validate().unwrap_err().to_string();
            assert!(msg.contains("privacy.clip_norm: clip norm"), "{c}: {msg}");
        }
    }
}
