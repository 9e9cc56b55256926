//! dpxla-pjrt: from a traced graph to a running XLA program.
//!
//! - [`lower`]: StableHLO text generation (every dot and convolution at
//!   precision HIGHEST, the device noise sampler);
//! - [`runtime`]: the PJRT C API binding: plugins, clients, buffers,
//!   executables, the compile cache. All `unsafe` code of dpxla lives there;
//! - [`program`]: a lowered, compiled graph run on host arrays.
#![deny(unsafe_code)]

pub mod error;
pub use error::{Error, Result};

pub mod lower;
pub mod program;
#[allow(unsafe_code)]
pub mod runtime;
