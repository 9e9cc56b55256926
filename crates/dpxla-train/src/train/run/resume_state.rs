//! Checks made when a run resumes from a checkpoint, beyond the config
//! digest: that the optimiser keeps the same state (otherwise the engine
//! failed later with "8 optimiser slots given, the optimiser needs 16",
//! after "resuming at step 10" had been printed), and that the metrics file
//! still covers the steps the checkpoint has done (otherwise the history was
//! lost without a word).

use crate::train::checkpoint::CheckpointMeta;
use crate::train::reports::metrics::read_records;
use crate::{Error, Result};
use std::path::Path;

/// The checkpoint's optimiser state must be the one this config's optimiser
/// keeps, for the same trainable parameters.
pub fn check_optimizer(
    path: &Path,
    meta: &CheckpointMeta,
    slots: &[String],
    trainable: &[usize],
) -> Result<()> {
    let describe = |s: &[String]| match s {
        [] => "no optimiser state (plain SGD)".to_string(),
        s => format!("optimiser slots [{}]", s.join(", ")),
    };
    if meta.slots != slots {
        return Err(Error::InvalidInput(format!(
            "{} holds {} but this config's training.optimizer keeps {}; resume with the \
             optimizer the run started with, or start in a new output.dir",
            path.display(),
            describe(&meta.slots),
            describe(slots)
        )));
    }
    if meta.trainable != trainable {
        return Err(Error::InvalidInput(format!(
            "{} trains {} parameter tensors, this config {} (model.freeze changed?); resume \
             with the run's own config, or start in a new output.dir",
            path.display(),
            meta.trainable.len(),
            trainable.len()
        )));
    }
    Ok(())
}

/// A warning when the metrics file (already trimmed to the checkpoint by
/// `MetricsWriter::resume`) lacks records for some of the first `step` steps.
pub fn metrics_gap(metrics: &Path, step: u64) -> Option<String> {
    let last = match read_records(metrics) {
        Ok(records) => records.iter().map(|r| r.step).max().unwrap_or(0),
        Err(e) => return Some(format!("{e}")),
    };
    (last < step).then(|| {
        format!(
            "{} has records up to step {last} only, the checkpoint is at step {step}: steps \
             {}..={step} will have no metrics (the file was deleted or truncated); new \
             records continue from step {}",
            metrics.display(),
            last + 1,
            step + 1
        )
    })
}
