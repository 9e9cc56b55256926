//! What in an output folder records released steps (issue 27, item 3): a
//! `metrics.jsonl` with at least one record and the release ledger
//! (`release_ledger`). Without a checkpoint to continue from, such a folder
//! is neither resumed nor started afresh (which truncated `metrics.jsonl`
//! and, for a centred model, released its mean a second time): the records
//! are kept and the run is refused, naming them.

use crate::train::reports::metrics::StepRecord;
use crate::{Error, Result};
use std::path::Path;

/// Descriptions of the records of released steps found in `dir` (empty
/// when there are none).
pub fn released_records(dir: &Path) -> Result<Vec<String>> {
    let mut found = Vec::new();
    let metrics = dir.join("metrics.jsonl");
    match std::fs::read_to_string(&metrics) {
        Ok(text) => {
            // Every line that reads as a record counts (a torn one need not).
            let steps: Vec<u64> = text
                .lines()
                .filter_map(|l| serde_json::from_str::<StepRecord>(l.trim()).ok())
                .map(|r| r.step)
                .collect();
            if let Some(last) = steps.iter().max() {
                found.push(format!(
                    "{} ({} records, up to step {last})",
                    metrics.display(),
                    steps.len()
                ));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(source) => {
            return Err(dpxla_core::Error::Io {
                path: metrics,
                source,
            }
            .into())
        }
    }
    if let Some(l) = crate::train::privacy::release_ledger::read(dir)? {
        let steps: u64 = l.accountant.events.iter().map(|e| e.steps).sum();
        found.push(format!(
            "{} (released up to step {}, {steps} mechanism steps accounted)",
            crate::train::privacy::release_ledger::path(dir).display(),
            l.step
        ));
    }
    Ok(found)
}

/// The error for a run in `dir` that has released records but no checkpoint
/// `ckpt`; `resume` says which was asked.
pub fn no_checkpoint_error(dir: &Path, ckpt: &Path, resume: bool, found: &[String]) -> Error {
    let asked = if resume {
        "--resume has no checkpoint to continue from"
    } else {
        "a fresh run would overwrite them"
    };
    Error::InvalidInput(format!(
        "{} holds the records of a run's released steps but no {}: {asked}. Found: {}. \
         They are kept (the privacy those steps spent is spent); start in a new output.dir",
        dir.display(),
        ckpt.file_name()
            .map_or("checkpoint".into(), |n| n.to_string_lossy()),
        found.join("; ")
    ))
}
