//! dpxla: differentially private training of image classifiers on XLA.
//!
//! The layers, bottom up (see DESIGN.md):
//! - [`runtime`]: the PJRT C API binding (all `unsafe` code lives there);
//! - [`trace`]: the jaxpr-like IR, its builder, shape function and interpreter;
//! - [`transform`]: graph-to-graph transformations (`vjp`, `vmap`);
//! - [`lower`]: StableHLO text generation;
//! - [`dp`]: privacy accounting and the DP-SGD pieces;
//! - [`data`]: dataset readers, augmentation and background prefetch;
//! - [`bench`]: timing the training engine on a model (`dpxla bench`).
#![deny(unsafe_code)]

pub mod atomic_file;
pub mod bench;
pub mod data;
pub mod dp;
pub mod error;
pub mod export;
pub mod features;
pub mod lower;
pub mod nn;
pub mod optim;
pub mod program;
#[allow(unsafe_code)]
pub mod runtime;
pub mod tensor_checksum;
pub mod tensor_file;
pub mod trace;
pub mod train;
pub mod transform;

pub use error::{Error, Result};
