//! The library's error type. The binary and tests wrap it with `anyhow`.

use std::path::PathBuf;

/// Every error the dpxla library returns.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No usable PJRT plugin: says what was tried and what to install.
    #[error("{0}")]
    PluginNotFound(String),
    /// A plugin file exists but cannot be loaded or is incompatible.
    #[error("cannot load PJRT plugin {path}: {reason}")]
    PluginLoad { path: PathBuf, reason: String },
    /// An error reported by the PJRT plugin (XLA's own message).
    #[error("XLA error in {call}: {message}")]
    Xla { call: &'static str, message: String },
    /// A graph that cannot be expressed in StableHLO (a lowering limitation).
    #[error("lowering to StableHLO: {0}")]
    Lower(String),
    /// Wrong use of the runtime API detected on the Rust side.
    #[error("runtime: {0}")]
    Runtime(String),
    /// Invalid user input (arguments, configuration values).
    #[error("invalid input: {0}")]
    InvalidInput(String),
    #[error(transparent)]
    Trace(#[from] crate::trace::TraceError),
    #[error("I/O error on {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A dataset file that is corrupt, truncated or not in the format it claims:
    /// names the file and, where known, the byte offset of the problem.
    #[error("{}", data_error_message(.path, .offset, .msg))]
    Data {
        path: PathBuf,
        offset: Option<u64>,
        msg: String,
    },
}

fn data_error_message(path: &std::path::Path, offset: &Option<u64>, msg: &str) -> String {
    match offset {
        Some(o) => format!(
            "corrupt data file {} at byte offset {o}: {msg}",
            path.display()
        ),
        None => format!("corrupt data file {}: {msg}", path.display()),
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
