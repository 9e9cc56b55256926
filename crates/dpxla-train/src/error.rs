//! dpxla-train's error type, the one the `Trainer`, `dpxla train` and the
//! other entry points return: the run's own conditions (a busy folder, a
//! signal, divergence) and the errors of every crate below, each wrapped with
//! `#[from]` so a caller can match on the layer it came from.

use std::path::PathBuf;

/// An error of data, training, audit, bench or export.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Invalid user input (arguments, configuration values, datasets).
    #[error("invalid input: {0}")]
    InvalidInput(String),
    /// A configuration value that is invalid: its key (`training.optimizer`)
    /// and why.
    #[error("invalid input: {key}: {message}")]
    Config { key: String, message: String },
    /// A check inside the run failed (a program's outputs, a state layout):
    /// a bug or a damaged state, never silently continued.
    #[error("internal: {0}")]
    Internal(String),
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
    #[error(transparent)]
    Core(#[from] dpxla_core::Error),
    #[error(transparent)]
    Pjrt(#[from] dpxla_pjrt::Error),
    #[error(transparent)]
    Dp(#[from] dpxla_dp::Error),
    #[error(transparent)]
    Nn(#[from] dpxla_nn::Error),
}

fn signal_name(signal: i32) -> String {
    match signal {
        2 => "SIGINT".into(),
        15 => "SIGTERM".into(),
        s => format!("signal {s}"),
    }
}

impl Error {
    /// True for errors caused by the caller's input, in any layer.
    pub fn is_invalid_input(&self) -> bool {
        match self {
            Error::InvalidInput(_) | Error::Config { .. } => true,
            Error::Core(e) => e.is_invalid_input(),
            Error::Pjrt(e) => e.is_invalid_input(),
            Error::Dp(e) => e.is_invalid_input(),
            Error::Nn(e) => e.is_invalid_input(),
            _ => false,
        }
    }

    /// The message of a plain invalid-input error in any layer (not of a
    /// [`Error::Config`], which already names its key).
    pub fn invalid_input_message(&self) -> Option<&str> {
        match self {
            Error::InvalidInput(m)
            | Error::Core(dpxla_core::Error::InvalidInput(m))
            | Error::Pjrt(dpxla_pjrt::Error::InvalidInput(m))
            | Error::Dp(dpxla_dp::Error::InvalidInput(m))
            | Error::Nn(dpxla_nn::Error::InvalidInput(m)) => Some(m),
            _ => None,
        }
    }

    /// The core error at the bottom of the chain, if there is one (e.g. a
    /// corrupt data file's [`dpxla_core::Error::Data`]).
    pub fn core(&self) -> Option<&dpxla_core::Error> {
        match self {
            Error::Core(e) => Some(e),
            Error::Pjrt(dpxla_pjrt::Error::Core(e))
            | Error::Dp(dpxla_dp::Error::Core(e))
            | Error::Nn(dpxla_nn::Error::Core(e)) => Some(e),
            _ => None,
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
