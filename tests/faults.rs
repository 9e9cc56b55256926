//! Runs that survive faults, through the real `dpxla` binary and the real
//! CPU plugin on Fashion-MNIST: two runs into one folder, SIGINT / SIGTERM,
//! a full disk (a small tmpfs, where this process may mount one), a lost
//! metrics file and error texts. Damaged checkpoints, NaN parameters,
//! divergence and labels are in `faults_state.rs`; `kill -9` and resume in
//! `train_run.rs`.

use crate::faults_common;

use dpxla::train::run::train;
use faults_common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

#[test]
fn a_second_run_into_a_busy_folder_is_refused_naming_the_holder() {
    let out = out_dir("busy");
    let cfg = config(
        &out,
        &["training.steps=100000", "training.checkpoint_every=1"],
    );
    let cfg_file = config_file(&cfg);
    let mut first = spawn_train(&cfg_file, &[]);
    let ckpt = out.join("checkpoint.safetensors");
    wait_until("its first checkpoint", first.child(), || ckpt.exists());
    // Before the lock, this resumed into the same folder and both "succeeded".
    let second = Command::new(env!("CARGO_BIN_EXE_dpxla"))
        .args([
            "train",
            "--no-progress",
            "--resume",
            "--max-steps",
            "1",
            "--config",
        ])
        .arg(&cfg_file)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(!second.status.success(), "the second run succeeded: {err}");
    assert!(
        err.contains("in use by another dpxla run")
            && err.contains(&format!("pid {}", first.child().id())),
        "{err}"
    );
    // SIGTERM: the first run checkpoints and exits 143.
    send("-TERM", first.child());
    let done = first.finish();
    let text = String::from_utf8_lossy(&done.stderr);
    assert_eq!(done.status.code(), Some(143), "{text}");
    assert!(text.contains("--resume"), "{text}");
    assert_eq!(checkpoint_step(&out), *metrics_steps(&out).last().unwrap());
    std::fs::remove_dir_all(&out).unwrap();
    let _ = std::fs::remove_file(&cfg_file);
}

#[test]
fn sigint_checkpoints_the_current_step_and_resume_matches_an_uninterrupted_run() {
    let (whole, split) = (out_dir("sigint-whole"), out_dir("sigint-split"));
    // No periodic checkpoint: before the fix, every step was lost.
    let extra = [
        "training.steps=150",
        "training.checkpoint_every=0",
        "training.batch_size=20",
    ];
    let cfg = config(&split, &extra);
    let cfg_file = config_file(&cfg);
    let mut child = spawn_train(&cfg_file, &[]);
    wait_until("three steps", child.child(), || {
        metrics_steps(&split).len() >= 3
    });
    send("-INT", child.child());
    let done = child.finish();
    let text = String::from_utf8_lossy(&done.stderr);
    assert_eq!(done.status.code(), Some(130), "{text}");
    assert!(
        text.contains("interrupted by SIGINT") && text.contains("--resume"),
        "{text}"
    );
    // The checkpoint holds every step that was recorded, and no more.
    let steps = metrics_steps(&split);
    let k = checkpoint_step(&split);
    assert!((3..150).contains(&k), "interrupted at step {k}");
    assert_eq!(steps, (1..=k).collect::<Vec<_>>());
    // Resumed to the end, it equals a run that was never interrupted.
    train(&cfg, &resume()).unwrap();
    train(&config(&whole, &extra), &quiet()).unwrap();
    let a = dpxla::train::checkpoint::load(&whole.join("checkpoint.safetensors")).unwrap();
    let b = dpxla::train::checkpoint::load(&split.join("checkpoint.safetensors")).unwrap();
    assert_eq!(a.0.step, 150);
    assert_eq!(a.0.accountant, b.0.accountant);
    assert!(a.1 == b.1, "parameters differ after SIGINT and resume");
    for d in [&whole, &split] {
        std::fs::remove_dir_all(d).unwrap();
    }
    let _ = std::fs::remove_file(&cfg_file);
}

/// A tmpfs of `size` mounted at `dir` for the life of the value; `None`
/// (with the reason printed) where this process cannot mount one.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(dir).unwrap();
        let r = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .output();
        match r {
            Ok(o) if o.status.success() => Some(Tmpfs(dir.to_path_buf())),
            Ok(o) => {
                eprintln!(
                    "SKIPPED: cannot mount a tmpfs at {} (needs root): {}",
                    dir.display(),
                    String::from_utf8_lossy(&o.stderr).trim()
                );
                None
            }
            Err(e) => {
                eprintln!("SKIPPED: cannot run mount: {e}");
                None
            }
        }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
        let _ = std::fs::remove_dir(&self.0);
    }
}

fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect()
}

#[test]
fn a_full_disk_fails_the_checkpoint_cleanly_and_resume_clears_stale_temps() {
    let mnt = out_dir("fulldisk");
    let Some(_fs) = Tmpfs::mount(&mnt, "20m") else {
        return;
    };
    let out = mnt.join("run");
    // One MLP checkpoint (parameters, momentum, EMA) is ~8 MB: a filler
    // leaves room for the first and not for the next one's temporary file.
    std::fs::write(mnt.join("filler"), vec![0u8; 7 << 20]).unwrap();
    let cfg = config(&out, &["training.checkpoint_every=1"]);
    let err = train(&cfg, &quiet()).unwrap_err();
    let msg = format!("{:#}", anyhow::Error::from(err));
    assert!(msg.contains("No space left on device"), "{msg}");
    assert_eq!(
        temp_files(&out),
        Vec::<String>::new(),
        "orphan temporary files"
    );
    assert_eq!(checkpoint_step(&out), 1, "the last complete checkpoint");
    // The CLI prints the OS error once.
    let cfg_file = mnt.join("cfg.toml");
    std::fs::write(&cfg_file, toml::to_string(&cfg).unwrap()).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_dpxla"))
        .args(["train", "--no-progress", "--resume", "--config"])
        .arg(&cfg_file)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stderr);
    assert_eq!(text.matches("os error 28").count(), 1, "{text}");
    // A process killed mid-write leaves a temporary file; the next run
    // removes it once it holds the folder.
    std::fs::remove_file(mnt.join("filler")).unwrap();
    let stale = out.join(".checkpoint.safetensors.tmp-999999");
    std::fs::write(&stale, b"torn").unwrap();
    train(&cfg, &resume()).unwrap();
    assert!(
        !stale.exists(),
        "the stale temporary file survived the resume"
    );
    assert_eq!(checkpoint_step(&out), 6);
}

#[test]
fn export_hlo_on_a_full_disk_leaves_no_truncated_file() {
    let mnt = out_dir("fullexport");
    let Some(_fs) = Tmpfs::mount(&mnt, "64k") else {
        return;
    };
    let out = mnt.join("hlo");
    let o = Command::new(env!("CARGO_BIN_EXE_dpxla"))
        .args(["export-hlo", "--model", "mlp", "--batch", "8", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(!o.status.success(), "64 KiB cannot hold the export");
    // Every file left under its final name is complete (the committed
    // export in hlo/ is the same output: hlo_fresh checks it is current).
    let reference = Path::new(env!("CARGO_MANIFEST_DIR")).join("hlo/mlp");
    for e in std::fs::read_dir(&out).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('.') {
            assert!(p.is_dir(), "temporary file {name} left behind");
            continue;
        }
        assert_eq!(
            std::fs::read(&p).unwrap(),
            std::fs::read(reference.join(&name)).unwrap(),
            "{name} is truncated"
        );
    }
}

#[test]
fn a_lost_metrics_file_is_reported_on_resume() {
    let cfg = two_steps("metrics");
    std::fs::remove_file(cfg.output.dir.join("metrics.jsonl")).unwrap();
    let cfg_file = config_file(&cfg);
    let o = Command::new(env!("CARGO_BIN_EXE_dpxla"))
        .args([
            "train",
            "--no-progress",
            "--resume",
            "--max-steps",
            "1",
            "--config",
        ])
        .arg(&cfg_file)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{text}");
    assert!(
        text.contains("records up to step 0 only") && text.contains("steps 1..=2"),
        "{text}"
    );
    std::fs::remove_dir_all(&cfg.output.dir).unwrap();
    let _ = std::fs::remove_file(&cfg_file);
}

#[test]
fn error_texts_name_the_real_cause() {
    let dpxla = || Command::new(env!("CARGO_BIN_EXE_dpxla"));
    let stderr = |o: std::process::Output| String::from_utf8_lossy(&o.stderr).into_owned();
    // A regular file as the output folder.
    let file = out_dir("notdir");
    std::fs::write(&file, b"x").unwrap();
    let cfg_file = config_file(&config(&file, &[]));
    let err = stderr(
        dpxla()
            .args(["train", "--config"])
            .arg(&cfg_file)
            .output()
            .unwrap(),
    );
    assert!(err.contains("is not a directory"), "{err}");
    // A plugin named in the config is reported as coming from the config.
    let err = stderr(
        dpxla()
            .args([
                "train",
                "--no-progress",
                "--set",
                "runtime.plugin=/nonexistent/pjrt.so",
            ])
            .args([
                "--set",
                &format!("output.dir={}", file.with_extension("d").display()),
            ])
            .arg("--config")
            .arg(&cfg_file)
            .output()
            .unwrap(),
    );
    assert!(
        err.contains("runtime.plugin") && !err.contains("--plugin"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(file.with_extension("d"));
    std::fs::remove_file(&file).unwrap();
    let _ = std::fs::remove_file(&cfg_file);
    // Accountant values far from 1 in scientific notation, not 300 digits.
    let o = dpxla()
        .args(["account", "epsilon", "--q", "0.01", "--sigma", "0.01"])
        .args(["--steps", "10000", "--delta", "1e-300"])
        .output()
        .unwrap();
    let line = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success());
    assert!(line.contains("δ = 1e-300") && line.len() < 120, "{line}");
}
