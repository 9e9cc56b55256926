//! `model.init_from` a checkpoint of an earlier private run (issue 10, item
//! 10): that run's privacy cost is NOT part of this run's ε. If it trained on
//! the same data, the total cost is the composition of both ledgers; warn.

use crate::train::checkpoint::META_KEY;
use crate::Result;
use dpxla_core::tensor_file::read_tensors;
use dpxla_dp::accountant::{AccountantState, PrivacyAccountant};
use std::path::Path;

/// A warning when `path` is a dpxla checkpoint whose privacy ledger is not
/// empty; `None` for a plain parameter file or an empty ledger.
pub fn warning(path: &Path) -> Result<Option<String>> {
    let file = read_tensors(path)?;
    let Some(json) = file.metadata.get(META_KEY) else {
        return Ok(None);
    };
    let ledger: Option<AccountantState> = serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|v| serde_json::from_value(v.get("accountant")?.clone()).ok());
    let Some(ledger) = ledger.filter(|l| !l.events.is_empty()) else {
        return Ok(None);
    };
    // A release before training (the centring mean) counts as one step.
    let steps: u64 = ledger.events.iter().map(|e| e.steps).sum();
    let spent = PrivacyAccountant::from_state(ledger)
        .and_then(|a| a.epsilon(1e-5))
        .map(|e| format!("ε = {e:.3} at δ = 1e-5"))
        .unwrap_or_else(|_| "an unknown ε".into());
    Ok(Some(format!(
        "model.init_from {}: that checkpoint's run took {steps} private steps or releases ({spent}); its \
         privacy cost is NOT included in this run's ε. If it trained on the same data, the \
         total cost is the composition of both runs",
        path.display()
    )))
}
