//! Tracing: the jaxpr-like IR, the builder and `Tensor` DSL, the one shape
//! function, `verify`, the pretty printer and the reference interpreter.
//! See docs/design.md, "Module map".
//!
//! Host values are [`crate::array::HostArray`] (with [`crate::array::DType`]);
//! the IR's convolution and window ops take explicit `(low, high)` padding
//! per dimension ([`ConvParams`], [`WindowParams`]). `Valid` / `Same` padding
//! is an argument of the NN ops, `dpxla_nn::Padding` (also in
//! `dpxla_nn::prelude`), which resolves to those pairs.

mod builder;
mod elementwise;
mod error;
mod interp;
mod interp_conv;
mod ir;
mod pretty;
mod shape;
mod tensor;
mod verify;

pub use builder::{Builder, Tensor};
pub use error::{ShapeError, TraceError, TraceResult};
pub use interp::eval;
pub use ir::*;
pub use shape::abstract_eval;
pub use shape::{dilate, windows};
pub use verify::verify;
