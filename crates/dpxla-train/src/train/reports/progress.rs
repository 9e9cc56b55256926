//! Training progress on stderr: an `indicatif` bar on a terminal, plain
//! summary lines every N steps otherwise (CI logs and `nohup` files get
//! readable progress instead of carriage-return redraws), nothing when
//! disabled.
//!
//! The message shows the latest value of each metric: test accuracy is only
//! measured on evaluation steps, so the last one is kept between them.

use crate::train::reports::metrics::StepRecord;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Plain mode prints at least this often, whatever N is, so a slow run still
/// shows it is alive in a log.
const PLAIN_MAX_SILENCE: Duration = Duration::from_secs(60);

enum Mode {
    Bar(ProgressBar),
    Plain {
        out: Box<dyn Write + Send>,
        every: u64,
        last_line: Instant,
        last_printed_step: Option<u64>,
    },
    Off,
}

/// The progress display of one training run.
pub struct Progress {
    mode: Mode,
    total_steps: u64,
    started: Instant,
    latest: Latest,
    /// False in a private run: elapsed time, ETA and throughput depend on the
    /// realised (private) batch sizes, so only step, ε and test metrics show.
    show_time: bool,
}

/// The most recent value of each displayed metric.
#[derive(Default, Clone, Debug, PartialEq)]
struct Latest {
    step: u64,
    epsilon: Option<f64>,
    loss: Option<f64>,
    accuracy: Option<f64>,
    accuracy_avg: Option<f64>,
    examples_per_sec: Option<f64>,
}

impl Progress {
    /// A display for steps `start_step..total_steps` (a resumed run starts
    /// part-way). `enabled = false` shows nothing. When stderr is not a
    /// terminal, a plain line is printed about every `total_steps / 20` steps
    /// (and at least once a minute) instead of a bar.
    pub fn new(total_steps: u64, start_step: u64, enabled: bool) -> Self {
        let mode = if !enabled {
            Mode::Off
        } else if std::io::stderr().is_terminal() {
            Mode::Bar(make_bar(total_steps, start_step))
        } else {
            return Self::plain(
                total_steps,
                start_step,
                (total_steps / 20).max(1),
                Box::new(std::io::stderr()),
            );
        };
        Self::with_mode(mode, total_steps, start_step)
    }

    /// Plain lines to `out` every `every` steps (also used by tests and for
    /// logging to a file).
    pub fn plain(
        total_steps: u64,
        start_step: u64,
        every: u64,
        out: Box<dyn Write + Send>,
    ) -> Self {
        let mode = Mode::Plain {
            out,
            every: every.max(1),
            last_line: Instant::now(),
            last_printed_step: None,
        };
        Self::with_mode(mode, total_steps, start_step)
    }

    fn with_mode(mode: Mode, total_steps: u64, start_step: u64) -> Self {
        Self {
            mode,
            total_steps,
            started: Instant::now(),
            latest: Latest {
                step: start_step,
                ..Latest::default()
            },
            show_time: true,
        }
    }

    /// The display of a private run: no elapsed time, ETA or throughput (they
    /// reveal the realised batch sizes); step, ε and test metrics only.
    pub fn private_run(mut self) -> Self {
        self.show_time = false;
        if let Mode::Bar(bar) = &self.mode {
            let style = ProgressStyle::with_template("{bar:30.cyan/blue} {pos}/{len} steps {msg}")
                .expect("valid progress template")
                .progress_chars("=> ");
            bar.set_style(style);
        }
        self
    }

    /// Shows the state after the step `record` describes.
    pub fn update(&mut self, record: &StepRecord) {
        let l = &mut self.latest;
        l.step = record.step;
        l.epsilon = record.epsilon.or(l.epsilon);
        l.loss = record.train_loss.or(l.loss);
        l.accuracy = record.test_accuracy.or(l.accuracy);
        l.accuracy_avg = record.test_accuracy_avg.or(l.accuracy_avg);
        l.examples_per_sec = record.examples_per_sec;
        let msg = format_message(l);
        match &mut self.mode {
            Mode::Bar(bar) => {
                bar.set_position(record.step);
                bar.set_message(msg);
            }
            Mode::Plain {
                out,
                every,
                last_line,
                last_printed_step,
            } => {
                let due = record.step.is_multiple_of(*every)
                    || record.step >= self.total_steps
                    || last_line.elapsed() >= PLAIN_MAX_SILENCE;
                if due {
                    let started = self.show_time.then_some(self.started);
                    let line = plain_line(record.step, self.total_steps, started, &msg);
                    // Progress output is best effort: a closed stderr must
                    // not stop training.
                    let _ = writeln!(out, "{line}");
                    *last_line = Instant::now();
                    *last_printed_step = Some(record.step);
                }
            }
            Mode::Off => {}
        }
    }

    /// Prints a message line (evaluation results, checkpoint saved, warnings)
    /// above the bar, or as a plain line. Messages are shown even when the
    /// progress display is disabled: they are not progress.
    pub fn println(&mut self, msg: impl AsRef<str>) {
        match &mut self.mode {
            Mode::Bar(bar) => bar.println(msg),
            Mode::Plain { out, .. } => {
                let _ = writeln!(out, "{}", msg.as_ref());
            }
            Mode::Off => eprintln!("{}", msg.as_ref()),
        }
    }

    /// Ends the display: the bar stays on screen with its last message; in
    /// plain mode the final state is printed if it was not already.
    pub fn finish(&mut self) {
        let msg = format_message(&self.latest);
        match &mut self.mode {
            Mode::Bar(bar) => bar.finish_with_message(msg),
            Mode::Plain {
                out,
                last_printed_step,
                ..
            } => {
                if *last_printed_step != Some(self.latest.step) {
                    let started = self.show_time.then_some(self.started);
                    let line = plain_line(self.latest.step, self.total_steps, started, &msg);
                    let _ = writeln!(out, "{line}");
                    *last_printed_step = Some(self.latest.step);
                }
                let _ = out.flush();
            }
            Mode::Off => {}
        }
    }
}

fn make_bar(total_steps: u64, start_step: u64) -> ProgressBar {
    let style = ProgressStyle::with_template(
        "{bar:30.cyan/blue} {pos}/{len} steps [{elapsed_precise} < {eta_precise}] {msg}",
    )
    .expect("valid progress template")
    .progress_chars("=> ");
    let bar = ProgressBar::new(total_steps).with_style(style);
    bar.set_position(start_step);
    // The ETA must come from this run's speed, not count the resumed steps
    // as if they had just been done.
    bar.reset_eta();
    bar
}

/// "ε=1.23 loss=0.456 acc=78.9% 1234 ex/s", leaving out what is unknown.
fn format_message(l: &Latest) -> String {
    let mut parts = Vec::new();
    if let Some(e) = l.epsilon {
        parts.push(format!("ε={}", sig3(e)));
    }
    if let Some(loss) = l.loss {
        parts.push(format!("loss={}", sig3(loss)));
    }
    if let Some(a) = l.accuracy {
        parts.push(format!("acc={:.1}%", 100.0 * a));
    }
    if let Some(a) = l.accuracy_avg {
        parts.push(format!("acc(avg)={:.1}%", 100.0 * a));
    }
    if let Some(r) = l.examples_per_sec {
        parts.push(format!("{r:.0} ex/s"));
    }
    parts.join(" ")
}

/// "step 120/1000 (12%) 0:01:05 ε=..." for logs without a terminal.
/// Without `started` (a private run) the elapsed time is left out.
fn plain_line(step: u64, total: u64, started: Option<Instant>, msg: &str) -> String {
    let pct = if total > 0 {
        100.0 * step as f64 / total as f64
    } else {
        100.0
    };
    let Some(started) = started else {
        return format!("step {step}/{total} ({pct:.0}%) {msg}");
    };
    let secs = started.elapsed().as_secs();
    format!(
        "step {step}/{total} ({pct:.0}%) {}:{:02}:{:02} {msg}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// Three significant digits: ε is 0.0123 in one run and 8.00 in another.
fn sig3(v: f64) -> String {
    if !v.is_finite() || v == 0.0 {
        return format!("{v}");
    }
    let a = v.abs();
    if !(1e-4..1e6).contains(&a) {
        return format!("{v:.2e}");
    }
    let decimals = (2 - a.log10().floor() as i32).max(0) as usize;
    format!("{v:.decimals$}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[test]
    fn message_matches_the_issue() {
        let l = Latest {
            step: 5,
            epsilon: Some(1.2345),
            loss: Some(0.45612),
            accuracy: Some(0.7891),
            accuracy_avg: None,
            examples_per_sec: Some(1234.4),
        };
        assert_eq!(format_message(&l), "ε=1.23 loss=0.456 acc=78.9% 1234 ex/s");
        assert_eq!(sig3(0.012345), "0.0123");
        assert_eq!(sig3(42.0), "42.0");
        assert_eq!(sig3(f64::NAN), "NaN");
    }

    /// A `Write` the test can read back.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);
    impl Write for Shared {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn plain_mode_prints_every_n_steps_and_keeps_the_last_accuracy() {
        let buf = Shared::default();
        let mut p = Progress::plain(10, 0, 4, Box::new(buf.clone()));
        for step in 1..=9 {
            p.update(&StepRecord {
                step,
                train_loss: Some(1.0 / step as f64),
                // Evaluated only at step 2.
                test_accuracy: (step == 2).then_some(0.5),
                examples_per_sec: Some(100.0),
                ..Default::default()
            });
        }
        p.println("evaluated");
        p.finish();
        let text = String::from_utf8(buf.0.lock().unwrap().clone()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert!(lines[0].starts_with("step 4/10 (40%) "), "{text}");
        assert!(
            lines[0].ends_with("loss=0.250 acc=50.0% 100 ex/s"),
            "{text}"
        );
        assert!(lines[1].starts_with("step 8/10 "), "{text}");
        assert_eq!(lines[2], "evaluated");
        assert!(lines[3].starts_with("step 9/10 "), "{text}");
    }
}
