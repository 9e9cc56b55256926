//! `dpxla audit` end to end on real Fashion-MNIST through the real CPU
//! plugin: the audit finds the canaries of a mechanism broken on purpose
//! (σ = 0; no clipping), its lower bound stays below the claimed ε of a
//! correct run, and the audit-only switches cannot reach `dpxla train`.
//!
//! Every run uses fixed seeds (`privacy.debug_seed`, the canary seed), so
//! each outcome is deterministic; the bounds hold with 95% confidence, so a
//! correct engine could fail the "≤ claimed" check for 1 seed in 20 at
//! most, and these seeds were not chosen to pass.

use dpxla::audit::{audit, config, AuditOptions, AuditReport, ScoreKind};
use dpxla::train::config::Config;
use dpxla::train::{run::train, TrainOptions};
use dpxla_testkit::run::data_dir;
use std::path::{Path, PathBuf};
use std::process::Command;

fn out_dir(tag: &str) -> PathBuf {
    dpxla_testkit::run::scratch("audit", tag)
}

/// A short private MLP run on 1,000 images: q = 0.14 over N + M_in, 30
/// steps, so nearly every included canary is sampled at least once.
fn config_text(out: &Path) -> String {
    format!(
        r#"
[model]
name = "mlp"
[data]
train = "{data}/fashion-mnist"
train_limit = 1000
test_limit = 200
[augment]
mean = [0.286]
std = [0.353]
[privacy]
clip_norm = 1.0
noise_multiplier = 1.0
delta = 1e-5
debug_seed = 3
[training]
batch_size = 140
steps = 30
physical_batch = 128
learning_rate = 0.5
[runtime]
fast_compile = true
[output]
dir = "{out}"
"#,
        data = data_dir().display(),
        out = out.display()
    )
}

fn run_audit(tag: &str, score: ScoreKind, overrides: &[&str]) -> AuditReport {
    let out = out_dir(tag);
    let overrides: Vec<String> = overrides.iter().map(|s| s.to_string()).collect();
    let (cfg, switches) = config::parse(&config_text(&out), &overrides, "test").unwrap();
    let opts = AuditOptions {
        score,
        ..AuditOptions::default()
    };
    let r = audit(&cfg, switches, &opts).unwrap();
    assert!(r.histogram.is_file() && r.report.is_file());
    assert!(r.known_batch);
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&r.report).unwrap()).unwrap();
    assert_eq!(json["epsilon_lower"].as_f64(), Some(r.epsilon_lower));
    r
}

#[test]
fn correct_mechanism_stays_below_its_claim() {
    // σ = 2 (claimed ε ≈ 2) with momentum (the gradient is read back from
    // the velocity). A claim this low is exceeded by e.g. canaries that are
    // added in every step instead of Poisson-sampled.
    let r = run_audit(
        "correct",
        ScoreKind::Llr,
        &[
            "privacy.noise_multiplier=2",
            "training.optimizer={ name = \"sgd\", momentum = 0.5 }",
        ],
    );
    assert!(!r.noise_disabled && !r.clipping_disabled);
    assert_eq!(r.canaries, 1000);
    // Every example, real or canary, is sampled with the configured q.
    assert!((r.q - 0.14).abs() < 1e-12);
    assert!(r.claimed_epsilon > 1.0 && r.claimed_epsilon < 3.0);
    assert!(
        r.epsilon_lower <= r.claimed_epsilon,
        "audited ε ≥ {} exceeds the claimed {}",
        r.epsilon_lower,
        r.claimed_epsilon
    );
    // Members do score higher on average: the canaries reach the update.
    assert!(r.mean_score_in > r.mean_score_out);
}

#[test]
fn disabled_noise_is_caught() {
    // Configured σ = 3 (claimed ε ≈ 1.2), run with σ = 0.
    let r = run_audit(
        "nonoise",
        ScoreKind::Llr,
        &[
            "privacy.noise_multiplier=3",
            "privacy.audit_disable_noise=true",
        ],
    );
    assert!(r.noise_disabled && r.noise_multiplier_used == 0.0);
    assert!(r.claimed_epsilon < 1.5, "claimed {}", r.claimed_epsilon);
    assert!(
        r.epsilon_lower > 3.0 * r.claimed_epsilon,
        "σ = 0 audited only ε ≥ {} against a claim of {}",
        r.epsilon_lower,
        r.claimed_epsilon
    );
}

#[test]
fn disabled_clipping_is_caught() {
    // σ = 3 noise calibrated to C, canaries of 1000·C, AdamW (the gradient is
    // read back from the first moment), the plain summed score.
    let r = run_audit(
        "noclip",
        ScoreKind::Sum,
        &[
            "privacy.noise_multiplier=3",
            "privacy.audit_disable_clipping=true",
            "training.optimizer={ name = \"adamw\" }",
            "training.learning_rate=0.001",
        ],
    );
    assert!(r.clipping_disabled && !r.noise_disabled);
    assert_eq!(r.canary_norm, 1000.0);
    assert!(
        r.epsilon_lower > 3.0 * r.claimed_epsilon,
        "no clipping audited only ε ≥ {} against a claim of {}",
        r.epsilon_lower,
        r.claimed_epsilon
    );
}

#[test]
fn audit_switches_never_reach_training() {
    let out = out_dir("refuse");
    let text = config_text(&out);
    for key in ["audit_disable_noise", "audit_disable_clipping"] {
        let set = vec![format!("privacy.{key}=true")];
        // Validation refuses it, naming the key ...
        let err = Config::parse(&text, &set, "test").unwrap_err().to_string();
        assert!(err.contains(key) && err.contains("dpxla audit"), "{err}");
        // ... and so does a run whose Config was built around validation.
        let mut cfg = Config::parse(&text, &[], "test").unwrap();
        match key {
            "audit_disable_noise" => cfg.privacy.audit_disable_noise = true,
            _ => cfg.privacy.audit_disable_clipping = true,
        }
        let err = train(&cfg, &TrainOptions::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains(key), "{err}");
        // ... and the command line, with a usage error before any training.
        let dir = out_dir(&format!("refuse-cli-{key}"));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("run.toml");
        std::fs::write(&file, config_text(&dir)).unwrap();
        let o = Command::new(env!("CARGO_BIN_EXE_dpxla"))
            .args(["train", "--no-progress", "--config"])
            .arg(&file)
            .args(["--set", &format!("privacy.{key}=true")])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(key), "{stderr}");
        assert!(!dir.join("checkpoint.safetensors").exists());
    }
    // A switch set to false is harmless, and a config without switches
    // serialises as before (resume digests of existing runs are unchanged).
    let cfg = Config::parse(&text, &["privacy.audit_disable_noise=false".into()], "t").unwrap();
    assert!(!toml::to_string(&cfg.privacy).unwrap().contains("audit_"));
    // The audit loader takes the switches out before validation.
    let set = vec!["privacy.audit_disable_noise=true".to_string()];
    let (cfg, sw) = config::parse(&text, &set, "test").unwrap();
    assert!(sw.disable_noise && !sw.disable_clipping && !cfg.privacy.audit_disable_noise);
    let bad = vec!["privacy.audit_disable_noise=\"yes\"".to_string()];
    assert!(config::parse(&text, &bad, "test").is_err());
}

#[test]
fn cli_prints_one_json_line() {
    let dir = out_dir("cli");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("run.toml");
    std::fs::write(&file, config_text(&dir)).unwrap();
    let report_dir = dir.join("report");
    let o = Command::new(env!("CARGO_BIN_EXE_dpxla"))
        .args(["audit", "--json", "--no-progress", "--canaries", "200"])
        .args(["--k", "20", "--k", "50", "--updates-only", "--score", "sum"])
        .arg("--config")
        .arg(&file)
        .args(["--set", "training.steps=4", "--out"])
        .arg(&report_dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(v["canaries"], 200);
    assert_eq!(v["steps"], 4);
    assert_eq!(v["score"], "sum");
    assert_eq!(v["known_batch"], false);
    assert_eq!(v["per_k"].as_array().unwrap().len(), 2);
    assert!(v["claimed_epsilon"].as_f64().unwrap() > 0.0);
    assert!(report_dir.join("audit_scores.png").is_file());
    assert!(report_dir.join("audit.json").is_file());
    // Bad input is a usage error, not a panic.
    let o = Command::new(env!("CARGO_BIN_EXE_dpxla"))
        .args([
            "audit",
            "--no-progress",
            "--canaries",
            "10",
            "--k",
            "6",
            "--config",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--k 6"));
    let o = Command::new(env!("CARGO_BIN_EXE_dpxla"))
        .args(["audit", "--no-progress", "--canaries", "0", "--config"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--canaries"));
}
