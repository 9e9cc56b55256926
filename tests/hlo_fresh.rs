//! The committed StableHLO in `hlo/` must be what the current tracer, transforms
//! and lowering produce; regenerate with `scripts/export_hlo.sh` when this fails.

use dpxla::export::standard_programs;
use dpxla::lower::lower;
use std::path::Path;

#[test]
fn committed_stablehlo_is_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("hlo");
    let batch = 8; // scripts/export_hlo.sh
    let mut checked = 0;
    for model in ["mlp", "cnn_tanh"] {
        for (name, graph, options) in standard_programs(model, batch).unwrap() {
            let path = root.join(model).join(format!("{name}.stablehlo.mlir"));
            let committed = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}; run scripts/export_hlo.sh", path.display()));
            let now = lower(&graph, &options).unwrap();
            assert!(
                now == committed,
                "{} is stale: run scripts/export_hlo.sh and commit hlo/",
                path.display()
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 6);
}
