//! dpxla-core's error type: invalid input, tracing errors, I/O and corrupt
//! files. Each crate above has its own `Error` that wraps this one with
//! `#[from]` (`dpxla_pjrt::Error`, `dpxla_dp::Error`, `dpxla_nn::Error`,
//! `dpxla_train::Error`); the binary wraps them with `anyhow`.

use std::path::PathBuf;

/// An error of the core layer.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Invalid user input (arguments, configuration values, shapes).
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

impl Error {
    /// True for invalid input (a value, a configuration): the CLI exits with 2.
    pub fn is_invalid_input(&self) -> bool {
        matches!(self, Error::InvalidInput(_))
    }
}
