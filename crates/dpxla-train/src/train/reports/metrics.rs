//! Per-step training metrics as JSON Lines: one [`StepRecord`] object per line.
//!
//! JSONL rather than CSV because records are sparse (test metrics only on
//! evaluation steps, ε only in private runs) and new fields can be added
//! without breaking older readers: `Option` fields are left out when `None`
//! and unknown fields are ignored when reading.
//!
//! Durability: each record is written with one `write` call and flushed, so a
//! crash of the process loses at most the line being written (which may be
//! left torn, without its newline). [`MetricsWriter::sync`] additionally
//! forces the file to disk; the trainer calls it when it saves a checkpoint,
//! so every step a checkpoint covers is on disk too. On resume,
//! [`MetricsWriter::resume`] moves the records after the checkpoint's step
//! (they will be recomputed) to `metrics_superseded.jsonl`, drops the torn
//! line, then appends.

use crate::{Error, Result};
use serde::{Deserialize, Deserializer, Serialize};
use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

/// The metrics of one training step (and of an evaluation run at that step).
///
/// Accuracies are fractions in `[0, 1]` (displays multiply by 100). Loss,
/// accuracy and ε that were not measured at this step are `None`.
///
/// `serde_json` writes a non-finite float as `null`: a diverged (NaN) loss in
/// an `Option` field reads back as `None`, and a non-`Option` field reads
/// `null` back as NaN instead of failing the whole file.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct StepRecord {
    /// Number of optimiser steps completed (1 after the first update).
    pub step: u64,
    /// Passes over the training set so far (`step · q` for Poisson sampling).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub epoch: Option<f64>,
    /// Privacy spent after this step; `None` in a non-private run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub epsilon: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delta: Option<f64>,
    /// Mean loss over the examples of this logical batch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub train_loss: Option<f64>,
    /// Accuracy on this logical batch (under augmentation and training mode).
    /// Not computed by the trainer (it would be a non-private statistic);
    /// kept so metrics files that carry it still read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub train_accuracy: Option<f64>,
    /// Realised logical batch size: with Poisson sampling it varies per step.
    /// NOT private (a count over the private data, without noise): in a private
    /// run it is only written to `nonprivate_metrics.jsonl`, on request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_size: Option<usize>,
    /// Fraction of this batch's examples whose gradient norm exceeded C.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clipped_fraction: Option<f64>,
    #[serde(deserialize_with = "f64_or_nan")]
    pub learning_rate: f64,
    /// Adaptive clipping (`privacy.adaptive_clipping`): the clip norm C_t
    /// this step clipped to. Public: a function of the noisy counts already
    /// released, so it stays in `metrics.jsonl`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clip_norm: Option<f64>,
    /// Throughput of this step (examples / wall-clock second, including host
    /// work). Not private (it is proportional to the realised batch size).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub examples_per_sec: Option<f64>,
    /// Wall-clock seconds since the start of training (summed over resumes).
    /// Not private (step times reveal batch sizes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elapsed_secs: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test_loss: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test_accuracy: Option<f64>,
    /// Test accuracy of the averaged (EMA/Polyak) parameters, De et al. 2022 §3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test_accuracy_avg: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test_loss_avg: Option<f64>,
}

/// Reads `null` (how `serde_json` writes NaN and ±∞) as NaN.
fn f64_or_nan<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<f64, D::Error> {
    Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::NAN))
}

/// Appends [`StepRecord`]s to a JSONL file, one flushed line per record.
pub struct MetricsWriter {
    path: PathBuf,
    file: File,
}

impl MetricsWriter {
    /// Opens `path` for writing, creating it (and its parent folders) if
    /// needed. `append = false` truncates an existing file: a fresh run.
    pub fn open(path: impl AsRef<Path>, append: bool) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        dpxla_core::atomic_file::check_output(&path)?;
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).map_err(|e| io_err(parent, e))?;
        }
        let mut opts = OpenOptions::new();
        opts.create(true);
        if append {
            opts.append(true);
        } else {
            opts.write(true).truncate(true);
        }
        let file = opts.open(&path).map_err(|e| io_err(&path, e))?;
        Ok(Self { path, file })
    }

    /// Reopens the metrics of a run resumed from a checkpoint taken after
    /// `last_step` steps: records with `step > last_step` were written after
    /// that checkpoint and will be produced again, so they are dropped first
    /// (the file then has no duplicate steps). A torn last line (no newline:
    /// the process died while writing it) is dropped too; any other corrupt
    /// line is an error, since silently discarding history would hide it.
    ///
    /// The dropped records were released all the same (issue 27, item 3):
    /// they are appended to `metrics_superseded.jsonl` beside the file first.
    ///
    /// The file is rewritten atomically (temporary file, fsync, rename), so a
    /// crash during the rewrite leaves either the old or the new file.
    /// A missing file is created.
    pub fn resume(path: impl AsRef<Path>, last_step: u64) -> Result<Self> {
        let path = path.as_ref();
        if !path.exists() {
            return Self::open(path, true);
        }
        let (kept, rerun): (Vec<StepRecord>, Vec<StepRecord>) = read_lines(path, true)?
            .into_iter()
            .partition(|r| r.step <= last_step);
        // Those steps were released; their records are moved, never deleted.
        if !rerun.is_empty() {
            let mut old = Self::open(superseded_path(path), true)?;
            for r in &rerun {
                old.write(r)?;
            }
            old.sync()?;
        }
        let tmp = temp_path(path);
        let write_tmp = || -> std::io::Result<()> {
            let mut f = File::create(&tmp)?;
            let mut text = String::new();
            for r in &kept {
                text.push_str(&to_line(r));
            }
            f.write_all(text.as_bytes())?;
            f.sync_all()
        };
        if let Err(e) = write_tmp() {
            let _ = fs::remove_file(&tmp);
            return Err(io_err(&tmp, e));
        }
        fs::rename(&tmp, path).map_err(|e| io_err(path, e))?;
        Self::open(path, true)
    }

    /// Appends one record as a line and flushes it to the operating system.
    pub fn write(&mut self, record: &StepRecord) -> Result<()> {
        // One `write_all` of the whole line (not a `BufWriter` that may split
        // it), so a crash leaves at most this line torn.
        let line = to_line(record);
        self.file
            .write_all(line.as_bytes())
            .and_then(|()| self.file.flush())
            .map_err(|e| io_err(&self.path, e))
    }

    /// Forces the written records to disk (survives power loss, not only a
    /// crash); called with each checkpoint save rather than per step, because
    /// an fsync can cost more than a small model's step.
    pub fn sync(&self) -> Result<()> {
        self.file.sync_data().map_err(|e| io_err(&self.path, e))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Reads every record of a metrics file. A line that is not a valid record is
/// an error naming the file, the line number (1-based) and the byte offset.
/// Blank lines are skipped.
pub fn read_records(path: impl AsRef<Path>) -> Result<Vec<StepRecord>> {
    read_lines(path.as_ref(), false)
}

fn read_lines(path: &Path, tolerate_torn_tail: bool) -> Result<Vec<StepRecord>> {
    let file = File::open(path).map_err(|e| io_err(path, e))?;
    let mut reader = BufReader::new(file);
    let mut records = Vec::new();
    let mut line = String::new();
    let (mut number, mut offset) = (0usize, 0u64);
    loop {
        line.clear();
        let n = reader.read_line(&mut line).map_err(|e| io_err(path, e))?;
        if n == 0 {
            return Ok(records);
        }
        number += 1;
        let text = line.trim();
        if !text.is_empty() {
            match serde_json::from_str::<StepRecord>(text) {
                Ok(r) => records.push(r),
                // Only the final line can be torn by a crash mid-write.
                Err(_) if tolerate_torn_tail && !line.ends_with('\n') => return Ok(records),
                Err(e) => {
                    return Err(dpxla_core::Error::Data {
                        path: path.to_path_buf(),
                        offset: Some(offset),
                        msg: format!("metrics line {number} is not a step record: {e}"),
                    }
                    .into())
                }
            }
        }
        offset += n as u64;
    }
}

fn to_line(record: &StepRecord) -> String {
    // Serialising a struct of numbers and options cannot fail.
    let mut s = serde_json::to_string(record).expect("StepRecord serialises");
    s.push('\n');
    s
}

/// Where [`MetricsWriter::resume`] keeps the records of re-run steps.
pub fn superseded_path(path: &Path) -> PathBuf {
    path.with_file_name("metrics_superseded.jsonl")
}

/// `dir/.name.tmp`: the same folder, so the rename stays on one file system.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "metrics.jsonl".into());
    path.with_file_name(format!(".{name}.tmp"))
}

fn io_err(path: &Path, source: std::io::Error) -> Error {
    dpxla_core::Error::Io {
        path: path.to_path_buf(),
        source,
    }
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn none_fields_are_omitted_and_nan_reads_back() {
        let r = StepRecord {
            step: 3,
            batch_size: Some(7),
            learning_rate: f64::NAN,
            ..Default::default()
        };
        let line = to_line(&r);
        assert_eq!(
            line,
            "{\"step\":3,\"batch_size\":7,\"learning_rate\":null}\n"
        );
        let back: StepRecord = serde_json::from_str(&line).unwrap();
        assert!(back.learning_rate.is_nan());
    }
}
