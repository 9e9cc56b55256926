//! Runs that survive faults, through the real `dpxla` binary and the real
//! CPU plugin on Fashion-MNIST: two runs into one folder, SIGINT / SIGTERM,
//! damaged checkpoints, NaN parameters, a divergent run, a full disk (a
//! small tmpfs, where this process may mount one) and out-of-range labels.
//! `kill -9` and resume is covered in `train_run.rs`.

use dpxla::train::config::Config;
use dpxla::train::run::{train, TrainOptions};
use dpxla::Error;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn data_dir() -> PathBuf {
    let d = std::env::var_os("DPXLA_DATA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("data"));
    assert!(
        d.join("fashion-mnist").is_dir(),
        "{} has no fashion-mnist: run scripts/fetch_datasets.sh",
        d.display()
    );
    d
}

fn out_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dpxla-faults-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

/// A small private MLP run on 1,000 Fashion-MNIST images.
fn config_text(out: &Path, train_data: &Path) -> String {
    format!(
        r#"
[model]
name = "mlp"
[data]
train = "{data}"
train_limit = 1000
test_limit = 300
[augment]
mean = [0.286]
std = [0.353]
[privacy]
clip_norm = 1.0
noise_multiplier = 1.0
delta = 1e-5
debug_seed = 7
[training]
batch_size = 50
steps = 6
physical_batch = 32
learning_rate = 0.5
optimizer = {{ name = "sgd", momentum = 0.5 }}
averaging = {{ kind = "ema", decay = 0.9 }}
eval_every = 0
checkpoint_every = 2
[output]
dir = "{out}"
"#,
        data = train_data.display(),
        out = out.display()
    )
}

fn config(out: &Path, extra: &[&str]) -> Config {
    let text = config_text(out, &data_dir().join("fashion-mnist"));
    let overrides: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    Config::parse(&text, &overrides, "test config").unwrap()
}

fn quiet() -> TrainOptions {
    TrainOptions::default()
}

fn resume() -> TrainOptions {
    TrainOptions {
        resume: true,
        ..TrainOptions::default()
    }
}

/// Writes `cfg` next to its output folder and returns the file.
fn config_file(cfg: &Config) -> PathBuf {
    let path = cfg.output.dir.with_extension("toml");
    std::fs::write(&path, toml::to_string(cfg).unwrap()).unwrap();
    path
}

/// A `dpxla train` child process, killed when a failing test unwinds
/// before it has ended.
struct Trainer(Option<Child>);

impl Trainer {
    fn child(&mut self) -> &mut Child {
        self.0.as_mut().expect("running")
    }
    fn finish(mut self) -> std::process::Output {
        self.0.take().expect("running").wait_with_output().unwrap()
    }
}

impl Drop for Trainer {
    fn drop(&mut self) {
        if let Some(c) = self.0.as_mut() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

fn spawn_train(cfg_file: &Path, extra: &[&str]) -> Trainer {
    let child = Command::new(env!("CARGO_BIN_EXE_dpxla"))
        .args(["train", "--no-progress", "--config"])
        .arg(cfg_file)
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    Trainer(Some(child))
}

/// Polls `cond` until it holds; the bound only keeps a broken build from
/// hanging the suite (nothing is asserted about how long it takes).
fn wait_until(what: &str, child: &mut Child, mut cond: impl FnMut() -> bool) {
    let give_up = Instant::now() + Duration::from_secs(600);
    while !cond() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the trainer exited ({status}) before {what}");
        }
        assert!(Instant::now() < give_up, "gave up waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn send(signal: &str, child: &Child) {
    let ok = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(ok.success(), "kill {signal} failed");
}

fn metrics_steps(dir: &Path) -> Vec<u64> {
    std::fs::read_to_string(dir.join("metrics.jsonl"))
        .unwrap_or_default()
        .lines()
        .filter(|l| l.ends_with('}'))
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["step"]
                .as_u64()
                .unwrap()
        })
        .collect()
}

fn checkpoint_step(dir: &Path) -> u64 {
    dpxla::train::checkpoint::load(&dir.join("checkpoint.safetensors"))
        .unwrap()
        .0
        .step
}

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
    if let dpxla::trace::ArrayData::F32(v) = &mut state.params[i].data {
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

/// Trains two steps into a fresh folder and returns its config.
fn two_steps(tag: &str) -> Config {
    let cfg = config(&out_dir(tag), &[]);
    train(
        &cfg,
        &TrainOptions {
            max_steps_this_run: Some(2),
            ..quiet()
        },
    )
    .unwrap();
    cfg
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
