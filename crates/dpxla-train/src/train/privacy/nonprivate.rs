//! Private-by-default outputs (issue 10, item 5). The realised Poisson batch
//! size, the unclipped training loss (and accuracy), the clipped fraction,
//! throughput and elapsed time are computed from the private data WITHOUT
//! noise. In a private run they never reach `metrics.jsonl`, the progress
//! display or the plots; they go to `nonprivate_metrics.jsonl`, and only when
//! `output.nonprivate_metrics = true`. What stays in `metrics.jsonl` is the
//! step, ε/δ, the learning rate and the test-set metrics (the test set is not
//! the training set: `test_split`).

use crate::train::reports::metrics::{MetricsWriter, StepRecord};
use crate::Result;
use std::path::{Path, PathBuf};

/// The file name of the non-private statistics.
pub const FILE: &str = "nonprivate_metrics.jsonl";

/// Splits a full record into (what may be shown, the non-private part). In a
/// non-private run everything may be shown and there is nothing to split.
pub fn split(record: &StepRecord, private: bool) -> (StepRecord, Option<StepRecord>) {
    if !private {
        return (record.clone(), None);
    }
    let shown = StepRecord {
        train_loss: None,
        train_accuracy: None,
        batch_size: None,
        clipped_fraction: None,
        examples_per_sec: None,
        elapsed_secs: None,
        ..record.clone()
    };
    let hidden = StepRecord {
        step: record.step,
        train_loss: record.train_loss,
        train_accuracy: record.train_accuracy,
        batch_size: record.batch_size,
        clipped_fraction: record.clipped_fraction,
        examples_per_sec: record.examples_per_sec,
        elapsed_secs: record.elapsed_secs,
        learning_rate: record.learning_rate,
        ..StepRecord::default()
    };
    let any = hidden.train_loss.is_some()
        || hidden.batch_size.is_some()
        || hidden.examples_per_sec.is_some()
        || hidden.elapsed_secs.is_some();
    (shown, any.then_some(hidden))
}

/// The writer of the non-private file: `Some` only for a private run that asked
/// for it (a non-private run keeps everything in `metrics.jsonl`).
pub struct NonPrivateSink {
    writer: Option<MetricsWriter>,
}

impl NonPrivateSink {
    pub fn open(dir: &Path, enabled: bool, resume_step: u64) -> Result<NonPrivateSink> {
        let writer = if enabled {
            let path: PathBuf = dir.join(FILE);
            Some(if resume_step > 0 {
                MetricsWriter::resume(&path, resume_step)?
            } else {
                MetricsWriter::open(&path, false)?
            })
        } else {
            None
        };
        Ok(NonPrivateSink { writer })
    }

    /// Writes `record` split: the shown part to `metrics`, the non-private part
    /// here (or nowhere). Returns the shown part (for the progress display).
    pub fn write(
        &mut self,
        metrics: &mut MetricsWriter,
        record: &StepRecord,
        private: bool,
    ) -> Result<StepRecord> {
        let (shown, hidden) = split(record, private);
        if let (Some(w), Some(h)) = (self.writer.as_mut(), hidden) {
            w.write(&h)?;
        }
        metrics.write(&shown)?;
        Ok(shown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::train::reports::progress::Progress;
    use std::io::Write;
    use std::sync::{Arc, Mutex};

    #[derive(Clone)]
    struct Sink(Arc<Mutex<Vec<u8>>>);
    impl Write for Sink {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn the_private_progress_line_shows_step_epsilon_and_test_metrics_only() {
        let full = StepRecord {
            step: 5,
            epsilon: Some(1.25),
            train_loss: Some(0.5),
            batch_size: Some(99),
            examples_per_sec: Some(1234.0),
            elapsed_secs: Some(61.0),
            test_accuracy: Some(0.8),
            ..StepRecord::default()
        };
        let (shown, hidden) = split(&full, true);
        assert_eq!(hidden.unwrap().batch_size, Some(99));
        let buf = Sink(Arc::new(Mutex::new(Vec::new())));
        let mut p = Progress::plain(10, 0, 1, Box::new(buf.clone())).private_run();
        p.update(&shown);
        let line = String::from_utf8(buf.0.lock().unwrap().clone()).unwrap();
        assert_eq!(line, "step 5/10 (50%) ε=1.25 acc=80.0%\n");
    }
}
