//! Tracing: the jaxpr-like IR, the builder and `Tensor` DSL, the one shape
//! function, `verify`, the pretty printer and the reference interpreter.
//! See DESIGN.md, module map.

mod builder;
mod elementwise;
mod error;
mod interp;
mod interp_conv;
mod ir;
mod ops_nn;
mod pretty;
mod shape;
mod tensor;
mod verify;

pub use builder::{Builder, Tensor};
pub use error::{ShapeError, TraceError, TraceResult};
pub use interp::{eval, ArrayData, HostArray};
pub use ir::*;
pub use ops_nn::{window_out, Padding};
pub use shape::abstract_eval;
pub use verify::verify;
