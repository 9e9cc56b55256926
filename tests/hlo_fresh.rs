//! The committed StableHLO in `hlo/` must be what the current tracer, transforms
//! and lowering produce; regenerate with `scripts/export_hlo.sh` when this fails.

use dpxla::lower::{lower, LowerOptions};
use dpxla::nn::{by_name, per_example_grads, trace_example_loss};
use std::path::Path;

#[test]
fn committed_stablehlo_is_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("hlo");
    let mut checked = 0;
    for entry in std::fs::read_dir(&root).expect("hlo/ exists") {
        let dir = entry.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let model = dir.file_name().unwrap().to_str().unwrap().to_string();
        for file in std::fs::read_dir(&dir).unwrap() {
            let path = file.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            let Some(stem) = name.strip_suffix(".stablehlo.mlir") else {
                continue;
            };
            let prefix = format!("{model}_per_example_grads_b");
            let batch: usize = stem
                .strip_prefix(&prefix)
                .and_then(|b| b.parse().ok())
                .unwrap_or_else(|| panic!("unexpected file {}", path.display()));
            let loss = trace_example_loss(by_name(&model).unwrap().as_ref()).unwrap();
            let graph = per_example_grads(&loss, batch).unwrap();
            let now = lower(&graph, &LowerOptions::default()).unwrap();
            let committed = std::fs::read_to_string(&path).unwrap();
            assert!(
                now == committed,
                "{} is stale: run scripts/export_hlo.sh and commit hlo/",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 2,
        "expected StableHLO of at least two models in hlo/"
    );
}
