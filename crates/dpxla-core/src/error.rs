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
    /// Another process holds the output folder's lock (two runs into one
    /// folder would corrupt each other's checkpoint and metrics).
    #[error("{path} is in use by another dpxla run ({holder}); wait for it to end or choose another output.dir")]
    Locked { path: PathBuf, holder: String },
    /// A signal asked the run to stop; it finished its step and saved a checkpoint.
    #[error("interrupted by {} after step {step}; checkpoint saved to {}; continue with the same command and --resume", signal_name(*.signal), .checkpoint.display())]
    Interrupted {
        signal: i32,
        step: u64,
        checkpoint: PathBuf,
    },
    /// Training produced a non-finite loss or parameters; the last good
    /// checkpoint (if any) was kept.
    #[error("training diverged at step {step}: {what}; {kept}")]
    Diverged {
        step: u64,
        what: String,
        kept: String,
    },
}

fn signal_name(signal: i32) -> String {
    match signal {
        2 => "SIGINT".into(),
        15 => "SIGTERM".into(),
        s => format!("signal {s}"),
    }
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
