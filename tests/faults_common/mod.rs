//! Helpers shared by the fault tests (`faults.rs`, `faults_state.rs`): a
//! small private MLP run on Fashion-MNIST, the `dpxla` binary as a child
//! process, and what a run leaves in its folder.
#![allow(dead_code)]

use dpxla::train::config::Config;
use dpxla::train::{run::train, TrainOptions};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub use dpxla_testkit::run::data_dir;

pub fn out_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dpxla-faults-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

/// A small private MLP run on 1,000 Fashion-MNIST images.
pub fn config_text(out: &Path, train_data: &Path) -> String {
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

pub fn config(out: &Path, extra: &[&str]) -> Config {
    let text = config_text(out, &data_dir().join("fashion-mnist"));
    let overrides: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    Config::parse(&text, &overrides, "test config").unwrap()
}

pub fn quiet() -> TrainOptions {
    TrainOptions::default()
}

pub fn resume() -> TrainOptions {
    TrainOptions {
        resume: true,
        ..TrainOptions::default()
    }
}

/// Writes `cfg` next to its output folder and returns the file.
pub fn config_file(cfg: &Config) -> PathBuf {
    let path = cfg.output.dir.with_extension("toml");
    std::fs::write(&path, toml::to_string(cfg).unwrap()).unwrap();
    path
}

/// A `dpxla train` child process, killed when a failing test unwinds
/// before it has ended.
pub struct Trainer(Option<Child>);

impl Trainer {
    pub fn child(&mut self) -> &mut Child {
        self.0.as_mut().expect("running")
    }
    pub fn finish(mut self) -> std::process::Output {
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

pub fn spawn_train(cfg_file: &Path, extra: &[&str]) -> Trainer {
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
pub fn wait_until(what: &str, child: &mut Child, mut cond: impl FnMut() -> bool) {
    let give_up = Instant::now() + Duration::from_secs(600);
    while !cond() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the trainer exited ({status}) before {what}");
        }
        assert!(Instant::now() < give_up, "gave up waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

pub fn send(signal: &str, child: &Child) {
    let ok = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(ok.success(), "kill {signal} failed");
}

pub fn metrics_steps(dir: &Path) -> Vec<u64> {
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

pub fn checkpoint_step(dir: &Path) -> u64 {
    dpxla::train::checkpoint::load(&dir.join("checkpoint.safetensors"))
        .unwrap()
        .0
        .step
}

/// Trains two steps into a fresh folder and returns its config.
pub fn two_steps(tag: &str) -> Config {
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
