//! Loading a run configuration for `dpxla audit`: the audit-only debugging
//! switches (`privacy.audit_disable_noise`, `privacy.audit_disable_clipping`)
//! are taken OUT of the configuration here, before it is deserialised and
//! validated, into [`AuditSwitches`] (the audit's own type: the training
//! `PrivacyConfig` has no such fields). `Config::parse`, every other path,
//! refuses them (`train::config::AUDIT_SWITCH_KEYS`).
//!
//! The `[audit]` table holds the audit's own keys (issue 25: audit switches
//! belong to the audit, not to the training `PrivacyConfig`), also taken
//! out here; `Config::parse` refuses the table outright:
//! - `audit.canary = "gradient" | "input"` ([`CanaryKind`]);
//! - `audit.debug_break_clipping = true`: real examples (and input
//!   canaries) are NOT clipped, gradient canaries still join at norm C: the
//!   bug the input canaries exist to catch. Never private.

use crate::train::config::{apply_override, Config};
use crate::{Error, Result};
use std::path::Path;

/// What kind of canary the audit inserts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CanaryKind {
    /// Dirac gradients added to the clipped sum ([`super::canary`]).
    #[default]
    Gradient,
    /// Input examples through the model and clipping ([`super::input_canary`]).
    Input,
}

/// The audit's settings from the configuration, with its deliberate
/// breakages of the mechanism (sanity checks that the audit detects a
/// broken DP-SGD).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AuditSwitches {
    /// σ = 0 in the apply step.
    pub disable_noise: bool,
    /// No per-example clipping, and gradient canaries of 1000× the clip norm.
    pub disable_clipping: bool,
    /// `audit.debug_break_clipping`: no per-example clipping of the examples
    /// that go through the model (real ones and input canaries); gradient
    /// canaries keep norm C.
    pub break_clipping: bool,
    /// `audit.canary`.
    pub canary: CanaryKind,
}

/// The `[audit]` table, read only here.
#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct AuditTable {
    #[serde(default)]
    canary: Option<String>,
    #[serde(default)]
    debug_break_clipping: bool,
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
    if let Some(audit) = table.remove("audit") {
        let a: AuditTable = audit
            .try_into()
            .map_err(|e| Error::InvalidInput(format!("{origin}: [audit]: {e}")))?;
        switches.break_clipping = a.debug_break_clipping;
        switches.canary = match a.canary.as_deref() {
            None | Some("gradient") => CanaryKind::Gradient,
            Some("input") => CanaryKind::Input,
            Some(other) => {
                return Err(Error::InvalidInput(format!(
                    "audit.canary: expected \"gradient\" or \"input\", got \"{other}\""
                )))
            }
        };
    }
    let cfg: Config = toml::Value::Table(table)
        .try_into()
        .map_err(|e| Error::InvalidInput(format!("{origin}: {e}")))?;
    cfg.validate()?;
    crate::train::privacy::adaptive_clip::refuse_in_audit(&cfg.privacy)?;
    Ok((cfg, switches))
}
