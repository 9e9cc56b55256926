//! Metrics JSONL (round trip, resume truncation, corrupt lines), PNG plots and
//! the progress display's public behaviour.

use dpxla_train::train::reports::metrics::{read_records, MetricsWriter, StepRecord};
use dpxla_train::train::reports::plots::{
    plot_metrics, plot_metrics_file, plot_metrics_with, PlotOptions,
};
use dpxla_train::train::reports::progress::Progress;
use std::path::{Path, PathBuf};

fn temp_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dpxla-metrics-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A plausible run: loss decays, ε grows like √step, an evaluation every 25
/// steps with the averaged parameters a little better.
fn synthetic(steps: u64) -> Vec<StepRecord> {
    (1..=steps)
        .map(|step| {
            let t = step as f64;
            let eval = step % 25 == 0;
            let wiggle = 0.1 * (t * 0.7).sin();
            StepRecord {
                step,
                epoch: Some(t * 0.01),
                epsilon: Some(0.3 * t.sqrt()),
                delta: Some(1e-5),
                train_loss: Some(2.3 * (-t / 60.0).exp() + 0.3 + wiggle),
                train_accuracy: Some(0.9 - 0.8 * (-t / 60.0).exp()),
                batch_size: Some(250 + (step % 7) as usize),
                clipped_fraction: Some(0.9),
                learning_rate: 0.5,
                clip_norm: None,
                examples_per_sec: Some(1200.0),
                elapsed_secs: Some(t * 0.2),
                test_loss: eval.then(|| 2.3 * (-t / 70.0).exp() + 0.35),
                test_accuracy: eval.then(|| 0.88 - 0.78 * (-t / 70.0).exp()),
                test_accuracy_avg: eval.then(|| 0.90 - 0.8 * (-t / 60.0).exp()),
                test_loss_avg: eval.then(|| 2.3 * (-t / 60.0).exp() + 0.32),
            }
        })
        .collect()
}

#[test]
fn jsonl_round_trip() {
    let dir = temp_dir("roundtrip");
    let path = dir.join("run/metrics.jsonl"); // parent folder is created
    let records = synthetic(30);
    let mut w = MetricsWriter::open(&path, false).unwrap();
    for r in &records {
        w.write(r).unwrap();
    }
    w.sync().unwrap();
    assert_eq!(read_records(&path).unwrap(), records);

    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 30);
    // Sparse fields are left out, not written as null.
    assert!(!text.lines().next().unwrap().contains("test_loss"));
    assert!(text
        .lines()
        .nth(24)
        .unwrap()
        .contains("\"test_accuracy_avg\""));

    // open(append = false) starts a fresh file; append = true continues it.
    drop(MetricsWriter::open(&path, false).unwrap());
    assert!(read_records(&path).unwrap().is_empty());
    let mut w = MetricsWriter::open(&path, true).unwrap();
    w.write(&records[0]).unwrap();
    let mut w = MetricsWriter::open(&path, true).unwrap();
    w.write(&records[1]).unwrap();
    assert_eq!(read_records(&path).unwrap(), records[..2]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn resume_drops_records_after_the_checkpoint_and_a_torn_tail() {
    let dir = temp_dir("resume");
    let path = dir.join("metrics.jsonl");
    let records = synthetic(20);
    let mut w = MetricsWriter::open(&path, false).unwrap();
    for r in &records {
        w.write(r).unwrap();
    }
    drop(w);
    // The process died while writing step 21: a line without its newline.
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    std::io::Write::write_all(&mut f, b"{\"step\":21,\"batch_si").unwrap();
    drop(f);

    // The last checkpoint was after step 12: steps 13..=20 are redone.
    let mut w = MetricsWriter::resume(&path, 12).unwrap();
    assert_eq!(read_records(&path).unwrap(), records[..12]);
    for r in &records[12..] {
        w.write(r).unwrap();
    }
    let back = read_records(&path).unwrap();
    assert_eq!(back, records, "no duplicates, no gaps");
    assert!(!dir.join(".metrics.jsonl.tmp").exists());

    // Resuming with no metrics file yet creates one.
    let fresh = dir.join("new.jsonl");
    MetricsWriter::resume(&fresh, 5).unwrap();
    assert!(read_records(&fresh).unwrap().is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn corrupt_line_error_names_the_line() {
    let dir = temp_dir("corrupt");
    let path = dir.join("metrics.jsonl");
    let good = serde_json::to_string(&synthetic(1)[0]).unwrap();
    std::fs::write(&path, format!("{good}\n\n{good}\nnot json\n{good}\n")).unwrap();
    let err = read_records(&path).unwrap_err().to_string();
    assert!(err.contains("line 4"), "{err}");
    assert!(err.contains("metrics.jsonl"), "{err}");
    // A complete (newline-terminated) corrupt line is not a crash artefact:
    // resume refuses to silently drop it.
    let err = MetricsWriter::resume(&path, 100).err().unwrap().to_string();
    assert!(err.contains("line 4"), "{err}");
    // A record missing a required field is reported the same way.
    std::fs::write(&path, "{\"step\":1}\n").unwrap();
    let err = read_records(&path).unwrap_err().to_string();
    assert!(
        err.contains("line 1") && err.contains("learning_rate"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Width and height from the PNG header: the 8-byte signature, then the IHDR
/// chunk (length, "IHDR", width, height as big-endian u32), PNG spec §5.2, §11.2.2.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{}", path.display());
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}

#[test]
fn plots_are_pngs_of_the_requested_size() {
    let base = temp_dir("plots");
    let dir = base.join("run"); // created by plot_metrics
    let opts = PlotOptions {
        width: 640,
        height: 400,
    };
    let written = plot_metrics_with(&synthetic(300), &dir, &opts).unwrap();
    let names: Vec<_> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_str().unwrap())
        .collect();
    assert_eq!(names, ["loss.png", "accuracy.png", "epsilon.png"]);
    for p in &written {
        assert_eq!(png_size(p), (640, 400));
        // Something was drawn: many pixels are not background white.
        let img = image::open(p).unwrap().to_rgb8();
        let inked = img.pixels().filter(|px| px.0 != [255, 255, 255]).count();
        assert!(inked > 2000, "{}: only {inked} pixels drawn", p.display());
    }

    // A non-private run without evaluations: only the loss plot.
    let records: Vec<StepRecord> = synthetic(10)
        .into_iter()
        .map(|r| StepRecord {
            epsilon: None,
            delta: None,
            train_accuracy: None,
            test_accuracy: None,
            test_accuracy_avg: None,
            ..r
        })
        .collect();
    let dir = base.join("nonprivate");
    let written = plot_metrics(&records, &dir).unwrap();
    assert_eq!(written, [dir.join("loss.png")]);
    assert_eq!(png_size(&written[0]), (960, 540));

    // One record, NaN loss: still a plot (the NaN is left out), no panic.
    let mut one = synthetic(1);
    one[0].train_loss = Some(f64::NAN);
    let written = plot_metrics(&one, &base.join("one")).unwrap();
    assert_eq!(written.len(), 2, "accuracy and ε; the only loss is NaN");

    // From a metrics file: the plots go next to it.
    let path = base.join("file/metrics.jsonl");
    let mut w = MetricsWriter::open(&path, false).unwrap();
    for r in synthetic(30) {
        w.write(&r).unwrap();
    }
    let written = plot_metrics_file(&path).unwrap();
    assert_eq!(written[0], base.join("file/loss.png"));
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn plotting_nothing_is_a_clear_error() {
    let dir = temp_dir("plots-empty");
    let err = plot_metrics(&[], &dir).unwrap_err().to_string();
    assert!(err.contains("no metrics records"), "{err}");
    let bare = [StepRecord {
        step: 1,
        batch_size: Some(3),
        ..Default::default()
    }];
    let err = plot_metrics(&bare, &dir).unwrap_err().to_string();
    assert!(err.contains("nothing") || err.contains("no loss"), "{err}");
    let tiny = PlotOptions {
        width: 10,
        height: 10,
    };
    assert!(plot_metrics_with(&synthetic(5), &dir, &tiny).is_err());
    let huge = PlotOptions {
        width: 100_000,
        height: 100_000,
    };
    assert!(plot_metrics_with(&synthetic(5), &dir, &huge).is_err());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn disabled_progress_prints_nothing_and_accepts_updates() {
    // Off mode must not panic on any sequence of calls (a resumed start step,
    // steps past the total, finish twice).
    let mut p = Progress::new(10, 4, false);
    for r in synthetic(12).iter().skip(4) {
        p.update(r);
    }
    p.finish();
    p.finish();
}
