//! What writing a model needs, in one `use`:
//!
//! ```
//! use dpxla_nn::prelude::*;
//!
//! struct Tiny;
//! impl Model for Tiny {
//!     fn name(&self) -> &str { "tiny" }
//!     fn input_shape(&self) -> Vec<usize> { vec![8, 8, 1] }
//!     fn num_classes(&self) -> usize { 3 }
//!     fn logits<'b>(&self, p: &Params<'b>, x: Tensor<'b>) -> Tensor<'b> {
//!         // `relu` is an `NnOps` method on `Tensor` (as are `softmax`,
//!         // NHWC `max_pool`, ...); the layers take one example, `[H, W, C]`.
//!         let h = layers::conv2d(&p.scope("conv"), x, 4, [3, 3], [1, 1], Padding::Same).relu();
//!         let h = layers::max_pool(h, [2, 2], [2, 2], Padding::Valid);
//!         layers::dense(&p.scope("head"), layers::flatten_example(h), 3)
//!     }
//! }
//! # fn main() -> dpxla_nn::Result<()> {
//! let loss = trace_example_loss(&Tiny)?;
//! assert_eq!(loss.params.len(), 4); // conv/{b,w}, head/{b,w}
//! # Ok(()) }
//! ```
//!
//! [`Padding`] is the padding of the NN ops (`conv2d`, pooling) and lives
//! here with them; the trace IR below (`dpxla_core::trace::ConvParams`,
//! `WindowParams`) takes explicit `(low, high)` pairs per dimension, which
//! [`Padding`] resolves to.

pub use crate::layers;
pub use crate::{
    per_example_grads, trace_example_loss, ExampleLoss, Model, NnOps, Padding, Params,
};
pub use dpxla_core::array::{DType, HostArray};
pub use dpxla_core::trace::Tensor;
