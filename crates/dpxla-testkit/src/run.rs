//! Helpers shared by the tests that train on the real datasets: where the
//! data is, a fresh scratch folder per test and process, quiet options.

use dpxla_train::train::TrainOptions;
use std::path::PathBuf;

/// The datasets folder (`DPXLA_DATA_DIR`, else `data/`), with Fashion-MNIST.
pub fn data_dir() -> PathBuf {
    let d = std::env::var_os("DPXLA_DATA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::repo_root().join("data"));
    assert!(
        d.join("fashion-mnist").is_dir(),
        "{} has no fashion-mnist: run scripts/fetch_datasets.sh",
        d.display()
    );
    d
}

/// An empty scratch folder `dpxla-{kind}-{tag}-{pid}` in the temp dir.
pub fn scratch(kind: &str, tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dpxla-{kind}-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

/// No progress output, no resume.
pub fn quiet() -> TrainOptions {
    TrainOptions::default()
}
