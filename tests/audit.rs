//! `dpxla audit` end to end on real Fashion-MNIST through the real CPU
//! plugin: the audit finds the canaries of a mechanism broken on purpose
//! (σ = 0; no clipping), its lower bound stays below the claimed ε of a
//! correct run, and the audit-only switches cannot reach `dpxla train`.
//!
//! Every run uses fixed seeds (`privacy.debug_seed`, the canary seed), so
//! each outcome is deterministic; the bounds hold with 95% confidence, so a
//! correct engine could fail the "≤ claimed" check for 1 seed in 20 at
//! most, and these seeds were not chosen to pass.

use dpxla::audit::{audit, config, AuditOptions, AuditReport, CanaryKind, ScoreKind};
use dpxla::train::config::Config;
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
        // (A Config built in code cannot carry it: the training
        // PrivacyConfig has no audit switch; they are the audit's own type.)
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
    assert!(sw.disable_noise && !sw.disable_clipping);
    assert!(!toml::to_string(&cfg.privacy).unwrap().contains("audit_"));
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

/// The broken-clipping configuration: the trained part is the head only
/// (5,130 parameters, so the input canaries' per-step gradients are cheap),
/// clip norm 0.05 (a mislabelled out-of-distribution canary's gradient is
/// ~80× that), σ = 8, 60 steps, 100 canaries.
const BROKEN_CLIP_RUN: [&str; 4] = [
    "privacy.clip_norm=0.05",
    "privacy.noise_multiplier=8",
    "training.steps=60",
    "model.freeze=\"head-only\"",
];

fn run_canaries(tag: &str, extra: &[&str]) -> AuditReport {
    let out = out_dir(tag);
    let mut set: Vec<String> = BROKEN_CLIP_RUN.iter().map(|s| s.to_string()).collect();
    set.extend(extra.iter().map(|s| s.to_string()));
    let (cfg, switches) = config::parse(&config_text(&out), &set, "test").unwrap();
    let opts = AuditOptions {
        canaries: 100,
        ..AuditOptions::default()
    };
    audit(&cfg, switches, &opts).unwrap()
}

#[test]
fn broken_clipping_is_caught_by_input_canaries_not_gradient_canaries() {
    let broken = "audit.debug_break_clipping=true";
    let input = "audit.canary=\"input\"";
    // Input canaries go through the unclipped engine: the valid bounds
    // exceed the claim and the accountant's own curve is rejected.
    let r = run_canaries("brokenclip-input", &[broken, input]);
    assert!(r.clipping_broken && r.canary == CanaryKind::Input);
    assert!(r.canary_norm > 10.0 * r.clip_norm, "{}", r.canary_norm);
    assert!(
        r.epsilon_lower > r.claimed_epsilon && r.fdp_epsilon_lower > r.claimed_epsilon,
        "broken clipping audited only Steinke ε ≥ {}, f-DP ε ≥ {} against a claim of {}",
        r.epsilon_lower,
        r.fdp_epsilon_lower,
        r.claimed_epsilon
    );
    assert!(r.claim_rejected && r.exceeds_claim);
    // The same bug is invisible to gradient canaries (they join after
    // clipping): nothing refutes the claim.
    let g = run_canaries("brokenclip-gradient", &[broken]);
    assert!(g.clipping_broken && g.canary == CanaryKind::Gradient);
    assert!(g.epsilon_lower <= g.claimed_epsilon && g.fdp_epsilon_lower <= g.claimed_epsilon);
    assert!(!g.claim_rejected && !g.exceeds_claim);
    // And input canaries in the correct engine stay below the claim, with
    // their contribution clipped to C.
    let c = run_canaries("brokenclip-correct", &[input]);
    assert!(!c.clipping_broken);
    assert!((c.canary_norm - c.clip_norm).abs() < 1e-3 * c.clip_norm);
    assert!(c.epsilon_lower <= c.claimed_epsilon && !c.claim_rejected && !c.exceeds_claim);
    // The three analyses are reported for every k, from the same guesses.
    for g in &r.per_k {
        assert!(g.claim_rejected.is_some() && g.gdp_mu >= 0.0 && g.fdp_epsilon_lower >= 0.0);
    }
}

#[test]
fn audit_runs_data_parallel() {
    // runtime.devices = 2 (two CPU devices of the plugin): canaries of
    // either kind reach the all-reduced update. Gradient canaries (added on
    // replica 0) catch σ = 0; input canaries (sharded over the replicas
    // like real examples) catch the broken clipping, as on one device.
    let dp = ["runtime.devices=2", "training.physical_batch=64"];
    let g = run_canaries(
        "dp2-gradient",
        &[dp[0], dp[1], "privacy.audit_disable_noise=true"],
    );
    let i = run_canaries(
        "dp2-input",
        &[
            dp[0],
            dp[1],
            "audit.canary=\"input\"",
            "audit.debug_break_clipping=true",
        ],
    );
    for r in [&g, &i] {
        assert!(
            r.epsilon_lower > r.claimed_epsilon && r.claim_rejected,
            "{:?} canaries on 2 devices: ε ≥ {} against a claim of {}",
            r.canary,
            r.epsilon_lower,
            r.claimed_epsilon
        );
    }
}

#[test]
fn audit_table_is_refused_outside_the_audit() {
    let out = out_dir("refuse-table");
    let text = config_text(&out);
    let set = vec!["audit.debug_break_clipping=true".to_string()];
    let err = Config::parse(&text, &set, "test").unwrap_err().to_string();
    assert!(
        err.contains("[audit]") && err.contains("dpxla audit"),
        "{err}"
    );
    let (_, sw) = config::parse(&text, &set, "test").unwrap();
    assert!(sw.break_clipping && sw.canary == CanaryKind::Gradient);
    for bad in ["audit.canary=\"pixels\"", "audit.typo=1"] {
        assert!(
            config::parse(&text, &[bad.to_string()], "test").is_err(),
            "{bad}"
        );
    }
}
