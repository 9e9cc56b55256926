//! dpxla-pjrt's error type: plugins, XLA's own errors, lowering, and the
//! runtime's checks, wrapping [`dpxla_core::Error`].

use std::path::PathBuf;

/// An error of the lowering or the PJRT runtime.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No usable PJRT plugin: says what was tried and what to install.
    #[error("{0}")]
    PluginNotFound(String),
    /// A plugin file exists but cannot be loaded or is incompatible.
    #[error("cannot load PJRT plugin {path}: {reason}")]
    PluginLoad { path: PathBuf, reason: String },
    /// An error reported by the PJRT plugin: the call, XLA's status code
    /// (`PJRT_Error_Code`, e.g. 3 = invalid argument, 8 = resource exhausted;
    /// `None` where the plugin gives none) and XLA's message.
    #[error("XLA error in {call}: {message}")]
    Xla {
        call: &'static str,
        code: Option<i32>,
        message: String,
    },
    /// A graph that cannot be expressed in StableHLO (a lowering limitation).
    #[error("lowering to StableHLO: {0}")]
    Lower(String),
    /// Wrong use of the runtime API detected on the Rust side.
    #[error("runtime: {0}")]
    Runtime(String),
    /// Invalid input (arguments, options, shapes).
    #[error("invalid input: {0}")]
    InvalidInput(String),
    #[error(transparent)]
    Core(#[from] dpxla_core::Error),
}

impl Error {
    /// True for errors caused by the caller's input.
    pub fn is_invalid_input(&self) -> bool {
        match self {
            Error::InvalidInput(_) => true,
            Error::Core(e) => e.is_invalid_input(),
            _ => false,
        }
    }
}

/// `Result` with this crate's [`enum@Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<dpxla_core::trace::TraceError> for Error {
    fn from(e: dpxla_core::trace::TraceError) -> Self {
        Error::Core(e.into())
    }
}
