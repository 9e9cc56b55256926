//! The configuration as `dpxla eval` reads it. Evaluation uses the model,
//! the data, the normalisation and the runtime (and `training.physical_batch`
//! as its batch size); the privacy and training settings only matter to
//! training, so they are neither required nor checked here (a config whose
//! `training.batch_size` exceeds the test set, or that has no `steps`, still
//! evaluates).

use crate::train::config::{apply_override, Config};
use crate::{Error, Result};
use std::path::Path;

impl Config {
    /// Reads `path` with `overrides` like [`Config::load`], replacing the
    /// `[privacy]` and `[training]` sections (except `physical_batch`) by a
    /// neutral non-private placeholder that evaluation never reads.
    pub fn load_for_eval(path: &Path, overrides: &[String]) -> Result<Config> {
        let origin = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| dpxla_core::Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let mut table: toml::Table = text
            .parse()
            .map_err(|e| Error::InvalidInput(format!("{origin}: {e}")))?;
        for o in overrides {
            apply_override(&mut table, o)?;
        }
        let physical = table
            .get("training")
            .and_then(|t| t.get("physical_batch"))
            .cloned();
        let mut training = toml::Table::new();
        training.insert("batch_size".into(), toml::Value::Float(1.0));
        training.insert("steps".into(), toml::Value::Integer(1));
        training.insert("learning_rate".into(), toml::Value::Float(0.0));
        if let Some(p) = physical {
            training.insert("physical_batch".into(), p);
        }
        let mut privacy = toml::Table::new();
        privacy.insert("enabled".into(), toml::Value::Boolean(false));
        privacy.insert("delta".into(), toml::Value::Float(0.5));
        table.insert("training".into(), toml::Value::Table(training));
        table.insert("privacy".into(), toml::Value::Table(privacy));
        let cfg: Config = toml::Value::Table(table)
            .try_into()
            .map_err(|e| Error::InvalidInput(format!("{origin}: {e}")))?;
        cfg.validate()?;
        Ok(cfg)
    }
}
