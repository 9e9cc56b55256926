//! `scripts/gpu_check.sh` must work before a GPU is lent: its `prepare` step and
//! its `run --dry-run` (the same checks on the CPU plugin, a short bench) pass
//! here, and the results it writes say what they compared.

use std::path::Path;
use std::process::Command;

fn script(args: &[&str], dir: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("bash")
        .arg(root.join("scripts/gpu_check.sh"))
        .args(args)
        .arg(dir)
        .env("DPXLA_BIN", env!("CARGO_BIN_EXE_dpxla"))
        .env("OUT", dir.join("out"))
        .current_dir(root)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "gpu_check.sh {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_gpu_check_prepares_and_dry_runs_on_the_cpu_plugin() {
    let dir = std::env::temp_dir().join(format!("dpxla-gpu-check-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    script(&["prepare"], &dir);
    script(&["run", "--dry-run"], &dir);

    let jsonl = std::fs::read_to_string(dir.join("out/results.jsonl")).unwrap();
    let lines: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let check = |name: &str| {
        lines
            .iter()
            .find(|v| v["check"] == name)
            .unwrap_or_else(|| panic!("no '{name}' in results.jsonl:\n{jsonl}"))
    };
    // The dry run compares the CPU plugin with itself: the same programs on
    // the same plugin, so the gradients and the seeded run agree to rounding.
    for name in [
        "grads mlp tf32=default",
        "grads cnn_tanh tf32=default",
        "grads mlp tf32=off",
        "grads cnn_tanh tf32=off",
        "dp8 checkpoint vs cpu",
    ] {
        let v = check(name);
        assert_eq!(v["missing"], serde_json::json!([]), "{name}: {v}");
        assert!(v["tensors"].as_u64().unwrap() > 0, "{name}: {v}");
        assert!(v["max_rel_err"].as_f64().unwrap() <= 1e-6, "{name}: {v}");
    }
    let benches: Vec<&serde_json::Value> =
        lines.iter().filter(|v| v["framework"] == "dpxla").collect();
    assert_eq!(benches.len(), 2, "{jsonl}");
    assert!(benches.iter().any(|v| v["private"] == true));
    assert!(benches.iter().any(|v| v["private"] == false));
    let summary = std::fs::read_to_string(dir.join("out/summary.md")).unwrap();
    assert!(summary.contains("dry run on the CPU plugin"), "{summary}");
    assert!(summary.contains("smoke test:"), "{summary}");
    let _ = std::fs::remove_dir_all(&dir);
}
