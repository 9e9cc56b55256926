//! Issue 27, item 6: inputs that were accepted with a confusing result now
//! give a clear error or warning: a test set that is a copy of the training
//! set, `privacy.clip_norm = 1e39`, `output.dir = ""`, the non-private
//! statistics of `data inspect`; and the progress display ends at the
//! invocation's last step under `--max-steps`.

use crate::faults_common;

use dpxla::train::config::Config;
use dpxla::train::run::train;
use dpxla_testkit::run::data_dir;
use faults_common::{config, config_file, config_text, out_dir, quiet};
use std::process::Command;

/// The error of a run with `extra` overrides, from the config's parsing
/// (where settings are validated) or from the run.
fn train_error(extra: &[&str]) -> String {
    let out = out_dir("weak-run");
    let text = config_text(&out, &data_dir().join("fashion-mnist"));
    let sets: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    let r = Config::parse(&text, &sets, "test config").and_then(|cfg| train(&cfg, &quiet()));
    let _ = std::fs::remove_dir_all(&out);
    match r {
        Ok(s) => panic!("trained {} steps with {extra:?}", s.steps_done),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_test_set_that_copies_the_training_files_is_refused() {
    let src = data_dir().join("fashion-mnist");
    let copy = out_dir("weak-copy");
    std::fs::create_dir_all(&copy).unwrap();
    for f in ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"] {
        std::fs::copy(src.join(f), copy.join(f)).unwrap();
    }
    let train_set = format!(
        "data.train=\"{}\"",
        src.join("train-images-idx3-ubyte.gz").display()
    );
    let test_set = format!(
        "data.test=\"{}\"",
        copy.join("train-images-idx3-ubyte.gz").display()
    );
    // Before: accepted, and the "test" accuracy was the training accuracy.
    let err = train_error(&[&train_set, &test_set]);
    assert!(err.contains("holds the same examples"), "{err}");
    std::fs::remove_dir_all(&copy).unwrap();
}

#[test]
fn a_clip_norm_beyond_f32_and_an_empty_output_dir_name_their_keys() {
    // Before: C = 1e39 became ∞ in f32 and the run "diverged" (lower the
    // learning rate); an empty folder name gave "I/O error on :".
    let err = train_error(&["privacy.clip_norm=1e39"]);
    assert!(
        err.contains("privacy.clip_norm") && err.contains("too large"),
        "{err}"
    );
    let err = train_error(&["output.dir=\"\""]);
    assert!(
        err.contains("output.dir") && err.contains("is empty"),
        "{err}"
    );
}

#[test]
fn data_inspect_warns_that_its_statistics_are_not_private() {
    let o = Command::new(env!("CARGO_BIN_EXE_dpxla"))
        .args(["data", "inspect"])
        .arg(data_dir().join("fashion-mnist"))
        .arg("--stats")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("NON-PRIVATE") && err.contains("pixel mean/std"),
        "{err}"
    );
}

#[test]
fn the_progress_display_ends_at_the_last_step_of_max_steps() {
    let out = out_dir("weak-progress");
    let cfg_file = config_file(&config(&out, &["training.steps=12"]));
    // Progress on (no --no-progress); stderr is a pipe, so plain lines.
    let o = Command::new(env!("CARGO_BIN_EXE_dpxla"))
        .args(["train", "--max-steps", "5", "--config"])
        .arg(&cfg_file)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    // Before: the display's total was the plan's (12/12 after 5 steps).
    assert!(err.contains("step 5/5") && !err.contains("/12"), "{err}");
    std::fs::remove_dir_all(&out).unwrap();
    let _ = std::fs::remove_file(&cfg_file);
}
