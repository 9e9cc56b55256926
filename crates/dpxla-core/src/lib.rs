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
//! interpreter ([`trace::eval`]).
//!
//! Trace a function, differentiate it, and evaluate both on the interpreter:
//!
//! ```
//! use dpxla_core::array::{DType, HostArray};
//! use dpxla_core::trace::{eval, Aval, Builder};
//! use dpxla_core::transform::value_and_grad;
//! # fn main() -> dpxla_core::Result<()> {
//! let b = Builder::new();
//! let x = b.input(Aval::new([3], DType::F64));
//! let f = b.finish(&[(x * x).sum(&[0])])?; // f(x) = Σ x²
//! let df = value_and_grad(&f, &[0])?; // (f(x), ∇f(x) = 2x)
//! let x0 = HostArray::f64([3], vec![1.0, -2.0, 0.5]);
//! let out = eval(&df, &[x0])?;
//! assert_eq!(out[0].to_f64(), [5.25]);
//! assert_eq!(out[1].to_f64(), [2.0, -4.0, 1.0]);
//! # Ok(()) }
//! ```
#![forbid(unsafe_code)]

pub mod array;
pub mod atomic_file;
pub mod error;
pub mod tensor_checksum;
pub mod tensor_file;
pub mod trace;
pub mod transform;

pub use error::{Error, Result};
