//! `model.init_from` a file of an earlier run (issue 10, item 10; issue 27,
//! item 6): that run's privacy cost is NOT part of this run's ε. If it trained
//! on the same data, the total cost is the composition of both; warn, for
//!
//! - a dpxla checkpoint with a non-empty privacy ledger (its ε, recomputed);
//! - an exported release (`dpxla export-params`): the ε it records, or that it
//!   is not private (`"private": false`: non-private or reproducible noise);
//! - a dpxla checkpoint of a run without privacy (no ledger): a model trained
//!   on this data without DP makes every later ε on that data meaningless.
//!
//! A plain parameter file (no dpxla metadata) gets no warning: nothing in it
//! says where it came from.

use crate::train::checkpoint::export_params::RELEASE_KEY;
use crate::train::checkpoint::META_KEY;
use crate::Result;
use dpxla_core::tensor_file::read_tensors;
use dpxla_dp::accountant::{AccountantState, PrivacyAccountant};
use std::path::Path;

/// The last sentence of every warning.
const COMPOSE: &str =
    "its privacy cost is NOT included in this run's ε. If it trained on the same \
     data, the total cost is the composition of both runs";

/// A warning when `path` holds parameters of an earlier run that are either
/// private (their ε is not in this run's) or not private at all; `None` for a
/// plain parameter file or a checkpoint with an empty ledger and no run.
pub fn warning(path: &Path) -> Result<Option<String>> {
    let file = read_tensors(path)?;
    let shown = path.display();
    if let Some(json) = file.metadata.get(RELEASE_KEY) {
        return Ok(Some(release_warning(&shown.to_string(), json)));
    }
    let Some(json) = file.metadata.get(META_KEY) else {
        return Ok(None);
    };
    let meta = serde_json::from_str::<serde_json::Value>(json).ok();
    let ledger: Option<AccountantState> = meta
        .as_ref()
        .and_then(|v| serde_json::from_value(v.get("accountant")?.clone()).ok());
    let Some(ledger) = ledger.filter(|l| !l.events.is_empty()) else {
        let trained = meta
            .as_ref()
            .and_then(|v| v.get("step")?.as_u64())
            .unwrap_or(0);
        return Ok((trained > 0).then(|| {
            format!(
                "model.init_from {shown}: that checkpoint's run took {trained} steps WITHOUT \
                 differential privacy (no privacy ledger); if it trained on this run's data, \
                 this run's ε does not protect that data"
            )
        }));
    };
    // A release before training (the centring mean) counts as one step.
    let steps: u64 = ledger.events.iter().map(|e| e.steps).sum();
    let spent = PrivacyAccountant::from_state(ledger)
        .and_then(|a| a.epsilon(1e-5))
        .map(|e| format!("ε = {e:.3} at δ = 1e-5"))
        .unwrap_or_else(|_| "an unknown ε".into());
    Ok(Some(format!(
        "model.init_from {shown}: that checkpoint's run took {steps} private steps or releases \
         ({spent}); {COMPOSE}"
    )))
}

/// The warning for an exported release, from its `dpxla_release` record.
fn release_warning(shown: &str, json: &str) -> String {
    let info = serde_json::from_str::<serde_json::Value>(json).unwrap_or_default();
    let private = info.get("private").and_then(|v| v.as_bool()) == Some(true);
    let eps = info.get("epsilon").and_then(|v| v.as_f64());
    let delta = info.get("delta").and_then(|v| v.as_f64());
    match (private, eps, delta) {
        (true, Some(e), Some(d)) => format!(
            "model.init_from {shown}: an exported private release (ε = {e:.3} at δ = {d:e}); \
             {COMPOSE}"
        ),
        _ if info.get("reproducible_noise").and_then(|v| v.as_bool()) == Some(true) => format!(
            "model.init_from {shown}: an exported release of a run with privacy.debug_seed \
             (reproducible noise: NOT private); if it trained on this run's data, this run's ε \
             does not protect that data"
        ),
        _ => format!(
            "model.init_from {shown}: an exported release of a run WITHOUT differential \
             privacy; if it trained on this run's data, this run's ε does not protect that data"
        ),
    }
}
