//! Layers, models and the traced per-example loss. See docs/design.md, "Module map".
//!
//! A model maps ONE example to logits; the per-example loss graph is traced
//! from it, and per-example gradients come from `vmap(value_and_grad(loss))`
//! (see `per_example`). Parameters are named hierarchically (`conv1/w`) and their
//! sorted order is the compiled program's argument order.
//!
//! - [`layers`]: dense, conv (plain, bias-free, weight-standardised),
//!   GroupNorm, LayerNorm, pooling, activations;
//! - [`models`]: the zoo, by name ([`by_name`], [`by_name_with`]); parameter
//!   counts with [`param_count`] / [`param_specs`];
//! - [`transfer`]: checkpoints, torchvision ResNet mapping, head replacement,
//!   freezing (with [`per_example_grads_wrt`]);
//! - [`prelude`]: `use dpxla_nn::prelude::*` brings [`Model`], [`Params`],
//!   [`NnOps`] (`relu`, `max_pool`, ... on a `Tensor`), [`Padding`] and
//!   [`layers`] into scope.
//!
//! Per-example gradients of a model, on the reference interpreter (no XLA):
//!
//! ```
//! use dpxla_core::array::HostArray;
//! use dpxla_core::trace::eval;
//! use dpxla_nn::models::Mlp;
//! use dpxla_nn::{init_params, per_example_grads, trace_example_loss};
//! # fn main() -> dpxla_nn::Result<()> {
//! let model = Mlp { input: vec![2, 2, 1], hidden: vec![3], classes: 2 };
//! let loss = trace_example_loss(&model)?;
//! // 5 examples: the losses [5], then one gradient per parameter [5, ...].
//! let grads = per_example_grads(&loss, 5)?;
//! let mut args: Vec<HostArray> = init_params(&loss.params, 0).into_iter().map(|(_, a)| a).collect();
//! args.push(HostArray::f32([5, 2, 2, 1], vec![0.5; 20]));
//! args.push(HostArray::i32([5], vec![0, 1, 0, 1, 1]));
//! let out = eval(&grads, &args)?;
//! assert_eq!(out[0].shape, [5]);
//! for (g, spec) in out[1..].iter().zip(&loss.params) {
//!     assert_eq!(g.shape[0], 5); // one gradient per example
//!     assert_eq!(&g.shape[1..], spec.shape.as_slice());
//! }
//! # Ok(()) }
//! ```
#![forbid(unsafe_code)]

pub mod error;
pub use error::{Error, Result};

pub mod optim;

mod batch;
mod init;
pub mod layers;
mod loss;
mod mixed_precision;
pub mod models;
mod ops;
mod params;
pub mod prelude;
mod trace_model;

pub use batch::{check_labels, example_input_names, Batch};
pub use init::{init_params, Init, ParamSpec};
pub mod transfer;

pub use loss::{
    batch_grads, batch_mean_loss, param_count, param_specs, per_example_grads,
    per_example_grads_wrt, trace_example_loss, trace_example_loss_with, ExampleLoss, LossFn,
};
pub use mixed_precision::{ComputeDtype, MixedPrecision};
pub use models::{
    by_name, by_name_with, centering_by_name_with, model_names, ModelInput, ModelOptions, MODELS,
};
pub use ops::{window_out, NnOps, Padding};
pub use params::Params;
pub use trace_model::{
    checked_logits, cross_entropy, trace_example_eval, trace_example_eval_with, trace_example_fn,
    ExampleFn,
};

use dpxla_core::trace::Tensor;

use dpxla_core::array::DType;

/// A classifier traced one example at a time.
pub trait Model {
    /// The name it is selected by.
    fn name(&self) -> &str;
    /// Shape of one input example (e.g. `[28, 28, 1]`, NHWC without N).
    fn input_shape(&self) -> Vec<usize>;
    fn num_classes(&self) -> usize;
    /// Logits `[num_classes]` of one example `x` (shape `input_shape()`).
    fn logits<'b>(&self, p: &Params<'b>, x: Tensor<'b>) -> Tensor<'b>;
    /// The floating-point type of the parameters, the input and the whole
    /// computation: f32 by default; a model returning [`DType::F64`] runs in
    /// double precision end to end (per-example gradients, clipping), the
    /// oracle to compare an f32 run with.
    fn dtype(&self) -> DType {
        DType::F32
    }
}

/// The model-side component of private centring (Tramèr & Boneh 2021's
/// data normalisation), composed by the trainer next to a [`Model`] whose
/// logits subtract the parameter [`CENTER_PARAM`] (`[D]`): the per-example
/// feature vector (`[D]`) whose training-set mean that parameter holds, and
/// `R`, a bound on its L2 norm. The parameter is never trained; a fresh run
/// fills it before its first step with the mean released by the Gaussian
/// mechanism (`train::privacy::centering`). A registry model names its
/// component in its entry (`ModelEntry::centering`).
pub trait CenteredFeatures {
    fn centered_features<'b>(&self, x: Tensor<'b>) -> (Tensor<'b>, f64);
}

/// The parameter holding a centred model's feature mean (see
/// [`CenteredFeatures`]): declared by the model, never trained.
pub const CENTER_PARAM: &str = "center/mean";
