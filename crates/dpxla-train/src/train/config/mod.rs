//! The TOML configuration of a training run: parsed with unknown keys rejected,
//! `--set key=value` overrides applied, and every value validated up front with
//! a message naming its key.

pub mod eval;
pub mod gram_cost;
pub mod physical_batch;
pub mod runtime_options;
mod sections;
pub mod settings;

pub use physical_batch::{ByteSize, PhysicalBatch};
pub use sections::{
    AugmentConfig, CompileCacheSetting, DataConfig, ModelConfig, NoiseMechanism, OutputConfig,
    PrivacyConfig, ResizedCropSection, RuntimeConfig, TrainingConfig,
};

use crate::{Error, Result};
pub(crate) use sections::keyed;
use serde::{Deserialize, Serialize};
use settings::TrainSettings;
use std::path::Path;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub model: ModelConfig,
    pub data: DataConfig,
    #[serde(default)]
    pub augment: AugmentConfig,
    pub privacy: PrivacyConfig,
    pub training: TrainingConfig,
    #[serde(default)]
    pub output: OutputConfig,
    #[serde(default)]
    pub runtime: RuntimeConfig,
}

impl Config {
    /// The settings part (all but model and data).
    pub fn settings(&self) -> TrainSettings {
        TrainSettings {
            augment: self.augment.clone(),
            privacy: self.privacy.clone(),
            training: self.training.clone(),
            output: self.output.clone(),
            runtime: self.runtime.clone(),
        }
    }

    /// Reads `path`, applies `overrides` (`section.key=value`, the value in TOML
    /// syntax, or a bare string), and validates the result.
    pub fn load(path: &Path, overrides: &[String]) -> Result<Config> {
        let text = std::fs::read_to_string(path).map_err(|source| dpxla_core::Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Config::parse(&text, overrides, &path.display().to_string())
    }

    pub fn parse(text: &str, overrides: &[String], origin: &str) -> Result<Config> {
        let mut value: toml::Table = text
            .parse()
            .map_err(|e| Error::InvalidInput(format!("{origin}: {e}")))?;
        for o in overrides {
            apply_override(&mut value, o)?;
        }
        refuse_audit_switches(&mut value)?;
        if value.contains_key("audit") {
            return Err(Error::InvalidInput(format!(
                "{origin}: the [audit] table (audit.canary, audit.debug_break_clipping) is read \
                 only by `dpxla audit`; audit.debug_break_clipping makes a run non-private"
            )));
        }
        let cfg: Config = toml::Value::Table(value)
            .try_into()
            .map_err(|e| Error::InvalidInput(format!("{origin}: {e}")))?;
        cfg.validate()?;
        Ok(cfg)
    }

    /// Checks every value that can be checked without the data.
    pub fn validate(&self) -> Result<()> {
        let bad = |key: &str, msg: String| Err(Error::InvalidInput(format!("{key}: {msg}")));
        self.settings().validate()?;
        if self.data.num_classes == Some(0) {
            return bad("data.num_classes", "must be >= 1".into());
        }
        dpxla_nn::transfer::Freeze::parse(&self.model.freeze)
            .map_err(|e| keyed("model.freeze", e))?;
        if self.model.replace_head && self.model.init_from.is_none() {
            return bad("model.replace_head", "needs model.init_from".into());
        }
        Ok(())
    }
}

impl Config {
    /// A digest of everything that must not change when a run is resumed
    /// (model, data, augmentation, privacy), FNV-1a over its TOML text.
    pub fn resume_digest(&self) -> String {
        let parts = (&self.model, &self.data, &self.augment, &self.privacy);
        let text = toml::to_string(&ResumeKey {
            model: parts.0,
            data: parts.1,
            augment: parts.2,
            privacy: parts.3,
            batch_size: self.training.batch_size,
            sampling_rate: self.training.sampling_rate,
            public_dataset_size: self.training.public_dataset_size,
            max_batch_size: self.training.max_batch_size,
        })
        .unwrap_or_default();
        fnv_hex(&text)
    }
}

/// The audit's debugging switches, written as `privacy.*` keys in a run's
/// configuration: read only by `dpxla audit` (`audit::config`, which takes
/// them out before the [`Config`] is built). The training [`PrivacyConfig`]
/// has no such field; a switch set to true is refused here, naming it, and
/// one set to false (harmless) is dropped.
pub const AUDIT_SWITCH_KEYS: [&str; 2] = ["audit_disable_noise", "audit_disable_clipping"];

fn refuse_audit_switches(table: &mut toml::Table) -> Result<()> {
    let Some(privacy) = table.get_mut("privacy").and_then(|p| p.as_table_mut()) else {
        return Ok(());
    };
    for key in AUDIT_SWITCH_KEYS {
        match privacy.remove(key) {
            None | Some(toml::Value::Boolean(false)) => {}
            Some(_) => {
                return Err(Error::InvalidInput(format!(
                    "privacy.{key}: a debugging switch of `dpxla audit` that breaks the privacy \
                     guarantee; only `dpxla audit` accepts it (remove it to train)"
                )))
            }
        }
    }
    Ok(())
}

/// FNV-1a (64 bit) of `text`, as 16 hex digits.
fn fnv_hex(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The digest of a serialisable run identity (its TOML text, as
/// [`Config::resume_digest`]).
pub(crate) fn digest_of<T: Serialize>(identity: &T) -> String {
    fnv_hex(&toml::to_string(identity).unwrap_or_default())
}

#[derive(Serialize)]
struct ResumeKey<'a> {
    model: &'a ModelConfig,
    data: &'a DataConfig,
    augment: &'a AugmentConfig,
    privacy: &'a PrivacyConfig,
    // Absent when not set, so the digests of existing runs do not change.
    #[serde(skip_serializing_if = "Option::is_none")]
    batch_size: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sampling_rate: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    public_dataset_size: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_batch_size: Option<usize>,
}

/// Sets `a.b.c = value` in `table`, creating sub-tables as needed.
pub(crate) fn apply_override(table: &mut toml::Table, assignment: &str) -> Result<()> {
    let (key, raw) = assignment
        .split_once('=')
        .ok_or_else(|| Error::InvalidInput(format!("--set {assignment}: expected key=value")))?;
    let key = key.trim();
    let raw = raw.trim();
    let value: toml::Value = format!("v = {raw}")
        .parse::<toml::Table>()
        .ok()
        .and_then(|mut t| t.remove("v"))
        .unwrap_or_else(|| toml::Value::String(raw.to_string()));
    let parts: Vec<&str> = key.split('.').collect();
    let (last, path) = parts.split_last().expect("split yields at least one part");
    let mut cur = table;
    for part in path {
        let entry = cur
            .entry(part.to_string())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        cur = entry.as_table_mut().ok_or_else(|| {
            Error::InvalidInput(format!("--set {assignment}: '{part}' is not a table"))
        })?;
    }
    cur.insert(last.to_string(), value);
    Ok(())
}
