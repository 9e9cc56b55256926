//! The examples build and run (CI: a few steps). `custom_cnn` trains a
//! user-defined model through the library `Trainer` and resumes it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `target/<profile>/examples/<name>`, built by `cargo test` with the tests.
fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(Path::parent).unwrap();
    let path = profile_dir.join("examples").join(name);
    assert!(path.exists(), "{} not built", path.display());
    path
}

fn run(name: &str, args: &[&str]) -> String {
    let o = Command::new(example(name))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.status.success(), "{name} failed:\n{text}");
    text
}

#[test]
fn custom_cnn_trains_privately_through_the_library_and_resumes() {
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("runs/example_custom_cnn");
    let _ = std::fs::remove_dir_all(&out);
    let first = run("custom_cnn", &["3", "300"]);
    let line = first
        .lines()
        .find(|l| l.starts_with("3 steps: test accuracy"))
        .unwrap_or_else(|| panic!("no summary line:\n{first}"));
    // σ is calibrated so that the 3 planned steps spend ε = 3: the ledger is
    // positive and within the target (the budget guard).
    let eps: f64 = line
        .split("ε = ")
        .nth(1)
        .and_then(|r| r.split(',').next())
        .and_then(|e| e.trim().parse().ok())
        .unwrap_or_else(|| panic!("{line}"));
    assert!(eps > 0.0 && eps <= 3.0 + 1e-9, "{line}");
    assert!(out.join("checkpoint.safetensors").exists());
    // Run again: the same run resumes at its last step and does not retrain.
    let second = run("custom_cnn", &["3", "300"]);
    assert!(second.contains("resuming at step 3"), "{second}");
    assert!(second.contains("3 steps: test accuracy"), "{second}");
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn per_example_grads_prints_one_norm_per_example_and_parameter() {
    let text = run("per_example_grads", &[]);
    assert!(text.contains("losses ["), "{text}");
    for name in ["hidden/w", "hidden/b", "out/w", "out/b"] {
        let line = text
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no {name}:\n{text}"));
        assert!(line.contains("[4, "), "batch of 4: {line}");
    }
}

#[test]
fn export_hlo_writes_named_stablehlo_and_xla_hlo() {
    let dir = std::env::temp_dir().join(format!("dpxla-example-hlo-{}", std::process::id()));
    let text = run("export_hlo", &[dir.to_str().unwrap()]);
    let mlir = std::fs::read_to_string(dir.join("small_conv_accumulate.stablehlo.mlir")).unwrap();
    assert!(
        mlir.contains("%params.conv_w"),
        "arguments named after parameters"
    );
    assert!(mlir.contains("%images"), "{}", &mlir[..mlir.len().min(400)]);
    assert!(text.contains("hlo"), "{text}");
    std::fs::remove_dir_all(&dir).unwrap();
}
