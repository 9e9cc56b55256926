//! dpxla-core: the layer every other dpxla crate stands on.
//!
//! - [`array`]: host arrays, element types and bf16 conversion;
//! - [`trace`]: the jaxpr-like IR, its builder, shape function and interpreter;
//! - [`transform`]: graph-to-graph transformations (`vjp`, `vmap`, ghost
//!   factoring of per-example gradients);
//! - [`atomic_file`], [`tensor_file`], [`tensor_checksum`]: files that survive
//!   crashes and detect corruption;
//! - [`error`]: the error type of the library crates.
//!
//! Nothing here loads XLA: graphs are checked and evaluated by the reference
//! interpreter ([`trace::interp`]).
#![forbid(unsafe_code)]

pub mod array;
pub mod atomic_file;
pub mod error;
pub mod tensor_checksum;
pub mod tensor_file;
pub mod trace;
pub mod transform;

pub use error::{Error, Result};
