//! Helpers shared by the workspace's integration tests: a real plugin
//! ([`pjrt`]), the fetched datasets and scratch folders ([`data`], [`run`]),
//! and the repository root ([`repo_root`]). Nothing here is mocked; the
//! crate is a dev-dependency only and is never published.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub mod data;
pub mod pjrt;
pub mod run;

/// The repository root (where `data/`, `configs/`, `scripts/` and `.venv/`
/// are), whichever crate's tests are running.
pub fn repo_root() -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = here.join("../..");
        root.canonicalize().unwrap_or(root)
    })
}
