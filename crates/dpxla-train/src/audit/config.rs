//! Loading a run configuration for `dpxla audit`: the audit-only debugging
//! switches (`privacy.audit_disable_noise`, `privacy.audit_disable_clipping`)
//! are taken OUT of the configuration here, before it is deserialised and
//! validated, so the [`Config`] that reaches `Setup::build` never carries
//! them. Every other path refuses them (`PrivacyConfig::refuse_audit_switches`).

use crate::train::config::{apply_override, Config};
use crate::{Error, Result};
use std::path::Path;

/// The audit's deliberate breakages of the mechanism (sanity checks that the
/// audit detects a broken DP-SGD).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AuditSwitches {
    /// σ = 0 in the apply step.
    pub disable_noise: bool,
    /// No per-example clipping, and canaries of 1000× the clip norm.
    pub disable_clipping: bool,
}

/// Reads `path`, applies `overrides` and splits off the audit switches.
pub fn load(path: &Path, overrides: &[String]) -> Result<(Config, AuditSwitches)> {
    let text = std::fs::read_to_string(path).map_err(|source| dpxla_core::Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text, overrides, &path.display().to_string())
}

/// As [`load`], from text; `origin` names the source in errors.
pub fn parse(text: &str, overrides: &[String], origin: &str) -> Result<(Config, AuditSwitches)> {
    let mut table: toml::Table = text
        .parse()
        .map_err(|e| Error::InvalidInput(format!("{origin}: {e}")))?;
    for o in overrides {
        apply_override(&mut table, o)?;
    }
    let mut switches = AuditSwitches::default();
    if let Some(privacy) = table.get_mut("privacy").and_then(|p| p.as_table_mut()) {
        for (key, slot) in [
            ("audit_disable_noise", &mut switches.disable_noise),
            ("audit_disable_clipping", &mut switches.disable_clipping),
        ] {
            match privacy.remove(key) {
                None => {}
                Some(toml::Value::Boolean(b)) => *slot = b,
                Some(other) => {
                    return Err(Error::InvalidInput(format!(
                        "privacy.{key}: expected true or false, got {other}"
                    )))
                }
            }
        }
    }
    let cfg: Config = toml::Value::Table(table)
        .try_into()
        .map_err(|e| Error::InvalidInput(format!("{origin}: {e}")))?;
    cfg.validate()?;
    Ok((cfg, switches))
}
