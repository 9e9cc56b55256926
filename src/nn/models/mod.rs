//! The model zoo, selectable by name.

mod cnn_tanh;
mod mlp;

pub use cnn_tanh::CnnTanh;
pub use mlp::Mlp;

use super::Model;
use crate::{Error, Result};

/// Names accepted by [`by_name`].
pub const MODEL_NAMES: &[&str] = &["mlp", "cnn_tanh"];

/// The model called `name`.
pub fn by_name(name: &str) -> Result<Box<dyn Model>> {
    match name {
        "mlp" => Ok(Box::new(Mlp::mnist())),
        "cnn_tanh" => Ok(Box::new(CnnTanh::mnist())),
        other => Err(Error::InvalidInput(format!(
            "unknown model '{other}'; available: {}",
            MODEL_NAMES.join(", ")
        ))),
    }
}
