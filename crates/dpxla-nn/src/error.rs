//! dpxla-nn's error type: models, layers, parameters and transfer learning,
//! wrapping [`dpxla_core::Error`].

/// An error of a model, its parameters or a transfer-learning mapping.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Invalid input (a model name, options, a checkpoint that does not fit).
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
