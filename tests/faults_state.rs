//! Fault tests about what a run reads and computes, through the real CPU
//! plugin on Fashion-MNIST: damaged checkpoint data, NaN parameters, a
//! divergent run, out-of-range labels, a changed optimiser on resume and the
//! settings `dpxla eval` needs.

use crate::faults_common;

use dpxla::train::config::Config;
use dpxla::train::{run::train, TrainOptions};
use dpxla::Error;
use faults_common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The byte range of tensor `name`'s data in a safetensors file.
fn tensor_range(path: &Path, name: &str) -> std::ops::Range<usize> {
    let bytes = std::fs::read(path).unwrap();
    let n = u64::from_le_bytes(bytes[..8].try_into().unwrap()) as usize;
    let header: serde_json::Value = serde_json::from_slice(&bytes[8..8 + n]).unwrap();
    let offs = &header[name]["data_offsets"];
    let (a, b) = (
        offs[0].as_u64().unwrap() as usize,
        offs[1].as_u64().unwrap() as usize,
    );
    8 + n + a..8 + n + b
}

fn damage(path: &Path, name: &str, f: impl Fn(&mut [u8])) {
    let mut bytes = std::fs::read(path).unwrap();
    let r = tensor_range(path, name);
    f(&mut bytes[r]);
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn damaged_checkpoint_data_is_refused_naming_the_tensor() {
    let out = out_dir("damage");
    let cfg = config(&out, &[]);
    train(
        &cfg,
        &TrainOptions {
            max_steps_this_run: Some(2),
            ..quiet()
        },
    )
    .unwrap();
    let ckpt = out.join("checkpoint.safetensors");
    let good = std::fs::read(&ckpt).unwrap();
    // 64 flipped bytes in the optimiser state: resumed silently before.
    let slot = "opt/momentum/dense1/w";
    damage(&ckpt, slot, |d| {
        d[1000..1064].iter_mut().for_each(|b| *b ^= 0x5a)
    });
    let err = train(&cfg, &resume()).unwrap_err().to_string();
    assert!(err.contains(slot) && err.contains("checksum"), "{err}");
    // 4 KiB of 0xFF (NaNs) in the parameters: refused by resume and by eval.
    std::fs::write(&ckpt, &good).unwrap();
    damage(&ckpt, "params/dense1/w", |d| d[..4096].fill(0xff));
    let err = train(&cfg, &resume()).unwrap_err().to_string();
    assert!(
        err.contains("params/dense1/w") && err.contains("checksum"),
        "{err}"
    );
    let err = dpxla::train::run::evaluate_checkpoint(&cfg, &ckpt, false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("params/dense1/w"), "{err}");
    // Nothing was overwritten: the damaged file is still there to inspect.
    assert_ne!(std::fs::read(&ckpt).unwrap(), good);
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn nan_parameters_are_refused_by_eval_and_resume() {
    let out = out_dir("nan");
    let cfg = config(&out, &[]);
    train(
        &cfg,
        &TrainOptions {
            max_steps_this_run: Some(2),
            ..quiet()
        },
    )
    .unwrap();
    let ckpt = out.join("checkpoint.safetensors");
    // A checkpoint whose checksums are right but whose parameters are NaN
    // (as a diverged run used to write).
    let (meta, mut state) = dpxla::train::checkpoint::load(&ckpt).unwrap();
    let i = meta.params.iter().position(|n| n == "dense2/b").unwrap();
    if let dpxla::array::ArrayData::F32(v) = &mut state.params[i].data {
        v[3] = f32::NAN;
    }
    dpxla::train::checkpoint::save(&ckpt, &meta, &state).unwrap();
    let err = dpxla::train::run::evaluate_checkpoint(&cfg, &ckpt, false)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("params/dense2/b") && err.contains("NaN at index 3"),
        "{err}"
    );
    let err = train(&cfg, &resume()).unwrap_err().to_string();
    assert!(err.contains("params/dense2/b"), "{err}");
    // The CLI exits non-zero instead of printing a NaN accuracy.
    let cfg_file = config_file(&cfg);
    let eval = Command::new(env!("CARGO_BIN_EXE_dpxla"))
        .args(["eval", "--config"])
        .arg(&cfg_file)
        .arg("--checkpoint")
        .arg(&ckpt)
        .output()
        .unwrap();
    assert!(
        !eval.status.success(),
        "{}",
        String::from_utf8_lossy(&eval.stdout)
    );
    std::fs::remove_dir_all(&out).unwrap();
    let _ = std::fs::remove_file(&cfg_file);
}

#[test]
fn a_divergent_run_stops_and_keeps_the_last_good_checkpoint() {
    let out = out_dir("diverge");
    // learning_rate = 1e30 used to train to NaN (or a loss of ~1e28) and exit 0.
    let cfg = config(
        &out,
        &[
            "training.learning_rate=1e30",
            "training.checkpoint_every=1",
            "training.steps=20",
        ],
    );
    let err = train(&cfg, &quiet()).unwrap_err();
    let Error::Diverged { step, .. } = &err else {
        panic!("expected a divergence error, got: {err}");
    };
    let msg = err.to_string();
    assert!(msg.contains("last good checkpoint"), "{msg}");
    // The checkpoint on disk is the last one with finite state, before `step`.
    let (meta, _) = dpxla::train::checkpoint::load(&out.join("checkpoint.safetensors"))
        .expect("the last good checkpoint loads");
    assert!(
        meta.step < *step,
        "checkpoint at {} for divergence at {step}",
        meta.step
    );
    std::fs::remove_dir_all(&out).unwrap();
}

/// A copy of Fashion-MNIST (images linked, labels rewritten uncompressed
/// beside the gzipped images) with label `value` at example `index` of the
/// splits named in `edits`.
fn fmnist_with_labels(tag: &str, edits: &[(&str, usize, u8)]) -> PathBuf {
    use std::io::Read;
    let src = data_dir().join("fashion-mnist");
    let dir = out_dir(tag);
    std::fs::create_dir_all(&dir).unwrap();
    for split in ["train", "t10k"] {
        let images = format!("{split}-images-idx3-ubyte.gz");
        std::os::unix::fs::symlink(src.join(&images), dir.join(&images)).unwrap();
        let gz = std::fs::read(src.join(format!("{split}-labels-idx1-ubyte.gz"))).unwrap();
        let mut labels = Vec::new();
        flate2::read::GzDecoder::new(gz.as_slice())
            .read_to_end(&mut labels)
            .unwrap();
        for &(s, index, value) in edits {
            if s == split {
                labels[8 + index] = value; // after the 8-byte IDX header
            }
        }
        std::fs::write(dir.join(format!("{split}-labels-idx1-ubyte")), labels).unwrap();
    }
    dir
}

fn train_error(data: &Path, extra: &[&str]) -> String {
    let out = out_dir("labels-run");
    let text = config_text(&out, data);
    let overrides: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    let cfg = Config::parse(&text, &overrides, "test config").unwrap();
    let r = train(&cfg, &quiet());
    let _ = std::fs::remove_dir_all(&out);
    match r {
        Ok(s) => panic!("trained {} steps on bad labels", s.steps_done),
        Err(e) => e.to_string(),
    }
}

#[test]
fn labels_outside_the_classes_name_the_file_index_and_value() {
    // In both splits: this used to train a 201-class model silently.
    let both = fmnist_with_labels("labels-both", &[("train", 5, 200), ("t10k", 7, 200)]);
    let err = train_error(&both, &[]);
    assert!(
        err.contains("train-labels-idx1-ubyte") && err.contains("label 200 of example 5"),
        "{err}"
    );
    // With the class count configured, the same label is outside it.
    let err = train_error(&both, &["data.num_classes=10"]);
    assert!(
        err.contains("train-labels-idx1-ubyte") && err.contains("outside the 10 classes"),
        "{err}"
    );
    // Only in the test split: named there, not a class-count mismatch.
    let test_only = fmnist_with_labels("labels-test", &[("t10k", 7, 200)]);
    let err = train_error(&test_only, &[]);
    assert!(
        err.contains("t10k-labels-idx1-ubyte") && err.contains("label 200 of example 7"),
        "{err}"
    );
    for d in [both, test_only] {
        std::fs::remove_dir_all(d).unwrap();
    }
}

#[test]
fn resume_with_another_optimizer_names_both() {
    let cfg = two_steps("optim");
    let adam = config(
        &cfg.output.dir,
        &["training.optimizer={ name = \"adamw\" }"],
    );
    let err = train(&adam, &resume()).unwrap_err().to_string();
    assert!(
        err.contains("[momentum]") && err.contains("[mu, nu]"),
        "{err}"
    );
    std::fs::remove_dir_all(&cfg.output.dir).unwrap();
}

#[test]
fn eval_needs_only_what_evaluation_uses() {
    let cfg = two_steps("evalcfg");
    // No steps, a logical batch larger than the data, no noise settings:
    // all training-only, and `dpxla eval` used to refuse the file.
    let text = format!(
        r#"
[model]
name = "mlp"
[data]
train = "{data}"
test_limit = 300
[augment]
mean = [0.286]
std = [0.353]
[privacy]
delta = 1e-5
[training]
batch_size = 1e9
physical_batch = 32
"#,
        data = data_dir().join("fashion-mnist").display()
    );
    let cfg_file = cfg.output.dir.join("eval.toml");
    std::fs::write(&cfg_file, text).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_dpxla"))
        .args(["eval", "--config"])
        .arg(&cfg_file)
        .arg("--checkpoint")
        .arg(cfg.output.dir.join("checkpoint.safetensors"))
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.contains("on 300 examples"), "{out}");
    std::fs::remove_dir_all(&cfg.output.dir).unwrap();
}
