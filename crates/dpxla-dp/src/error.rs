//! dpxla-dp's error type: invalid privacy parameters and the mechanism's
//! internal checks, wrapping [`dpxla_core::Error`].

/// An error of the accountant or the DP mechanism.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A privacy parameter or mechanism input out of its domain (q, σ, δ, ε,
    /// steps, C, batch sizes).
    #[error("invalid input: {0}")]
    InvalidInput(String),
    /// A check inside the mechanism failed (e.g. an integer noisy sum that
    /// would overflow): never silently continued.
    #[error("DP mechanism: {0}")]
    Internal(String),
    #[error(transparent)]
    Core(#[from] dpxla_core::Error),
}

impl Error {
    /// True for errors caused by the caller's input.
    pub fn is_invalid_input(&self) -> bool {
        match self {
            Error::InvalidInput(_) => true,
            Error::Core(e) => e.is_invalid_input(),
            Error::Internal(_) => false,
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
