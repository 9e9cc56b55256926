//! Tracing a model's loss on one example, and the per-example-gradient graph.

use super::init::ParamSpec;
use super::params::Params;
use super::trace_model::{collect_params, cross_entropy, trace_example_fn};
use super::Model;
use crate::{Error, Result};
use dpxla_core::array::DType;
use dpxla_core::trace::{Builder, Graph, Tensor};
use dpxla_core::transform::{value_and_grad, vmap};

/// The traced loss of one example.
///
/// Graph inputs: the parameters in `params` order (sorted by name), then the
/// image (the model's input shape and dtype), then the label (i32 scalar).
/// Output: the softmax cross-entropy (a scalar of the model's dtype).
#[derive(Clone)]
pub struct ExampleLoss {
    pub graph: Graph,
    pub params: Vec<ParamSpec>,
    pub input_shape: Vec<usize>,
    pub num_classes: usize,
    /// The model's floating-point type (f32, or f64 for an oracle run): of
    /// the parameters, the image input and the loss.
    pub dtype: DType,
    /// Top-level parameter scopes in the order the model declared them
    /// (input side first): its layers or residual blocks. The last one is the
    /// classifier head.
    pub scopes: Vec<String>,
}

impl ExampleLoss {
    /// The classifier's scope: the last top-level scope the model declared.
    pub fn head_scope(&self) -> &str {
        self.scopes.last().map_or("", String::as_str)
    }

    /// Index of the parameter called `name` (its graph input position).
    pub fn param_index(&self, name: &str) -> Option<usize> {
        self.params.iter().position(|s| s.name == name)
    }
}

/// The parameter specs of `model`, sorted by name (= argument order): the
/// table `dpxla init` prints (name, shape, `numel()`).
#[track_caller]
pub fn param_specs(model: &dyn Model) -> Result<Vec<ParamSpec>> {
    Ok(collect_params(model, &|m, p, x, y| vec![cross_entropy(m, p, x, y)])?.0)
}

/// The number of scalar parameters of `model`.
#[track_caller]
pub fn param_count(model: &dyn Model) -> Result<usize> {
    Ok(param_specs(model)?.iter().map(ParamSpec::numel).sum())
}

/// A per-example loss: given the model, its parameters, one example's input
/// (the model's input shape and dtype) and its label (an i32 scalar), a
/// scalar of the model's dtype. [`cross_entropy`] is the default.
pub type LossFn = dyn for<'b> Fn(&dyn Model, &Params<'b>, Tensor<'b>, Tensor<'b>) -> Tensor<'b>;

/// Traces `model`'s cross-entropy loss on one example.
#[track_caller]
pub fn trace_example_loss(model: &dyn Model) -> Result<ExampleLoss> {
    trace_example_loss_with(model, &cross_entropy)
}

/// Traces the per-example loss `loss` of `model` (any differentiable
/// function of parameters, input and label; checked to be a scalar of the
/// model's dtype).
#[track_caller]
pub fn trace_example_loss_with(model: &dyn Model, loss: &LossFn) -> Result<ExampleLoss> {
    let (graph, params, scopes) = trace_example_fn(model, &|m, p, x, y| {
        vec![checked_scalar_loss(m, p, loss(m, p, x, y))]
    })?;
    Ok(ExampleLoss {
        graph,
        params,
        input_shape: model.input_shape(),
        num_classes: model.num_classes(),
        dtype: model.dtype(),
        scopes,
    })
}

/// `l` if it is a scalar of the model's dtype; otherwise a tracing error
/// naming the model and what the loss returned.
pub(crate) fn checked_scalar_loss<'b>(m: &dyn Model, p: &Params<'b>, l: Tensor<'b>) -> Tensor<'b> {
    let want = dpxla_core::trace::Aval::scalar(m.dtype());
    if l.aval() != want {
        p.builder().fail(
            "loss",
            &[l.aval()],
            format!(
                "the loss of model '{}' returned {}, expected {want} (one value per example)",
                m.name(),
                l.aval()
            ),
        );
    }
    l
}

/// The per-example-gradient graph for a batch of `batch` examples:
/// `vmap(value_and_grad(loss))` with the parameters shared (not batched).
///
/// Inputs: parameters (sorted), images `[batch, ...input_shape]` f32, labels
/// `[batch]` i32. Outputs: losses `[batch]`, then one gradient
/// `[batch, ...param shape]` per parameter in the same order.
pub fn per_example_grads(loss: &ExampleLoss, batch: usize) -> Result<Graph> {
    let all: Vec<usize> = (0..loss.params.len()).collect();
    per_example_grads_wrt(loss, batch, &all)
}

/// [`per_example_grads`] for the trainable parameters only (transfer
/// learning, see `nn::transfer::Freeze`).
///
/// Inputs are unchanged: every parameter (sorted), images, labels. Outputs:
/// losses `[batch]`, then one gradient `[batch, ...shape]` per index of
/// `trainable`, in that order. Frozen parameters are inputs only: no gradient
/// is formed for them, and dead-code elimination drops every backward
/// equation that only they needed (a frozen prefix of the network costs a
/// forward pass and nothing else), so they see no per-example gradient and
/// get no noise.
pub fn per_example_grads_wrt(
    loss: &ExampleLoss,
    batch: usize,
    trainable: &[usize],
) -> Result<Graph> {
    let n = loss.params.len();
    if let Some(&bad) = trainable.iter().find(|&&i| i >= n) {
        return Err(Error::InvalidInput(format!(
            "trainable parameter index {bad} out of range ({n} parameters)"
        )));
    }
    let vg = value_and_grad(&loss.graph, trainable)?;
    let mut in_axes = vec![None; n];
    in_axes.extend([Some(0), Some(0)]);
    Ok(vmap(&vg, &in_axes, batch)?)
}

/// The mean loss over a batch: inputs as [`per_example_grads`]; one scalar output.
pub fn batch_mean_loss(loss: &ExampleLoss, batch: usize) -> Result<Graph> {
    let n = loss.params.len();
    let mut in_axes = vec![None; n];
    in_axes.extend([Some(0), Some(0)]);
    let per_example = vmap(&loss.graph, &in_axes, batch)?;
    let b = Builder::new();
    let inputs: Vec<Tensor> = per_example
        .input_avals()
        .into_iter()
        .map(|a| b.input(a))
        .collect();
    let losses = b.call(&per_example, &inputs)[0];
    let mean = losses.mean(&[0]);
    Ok(b.finish(&[mean])?)
}

/// The non-private gradient of the mean batch loss (the baseline DP-SGD is
/// compared with): inputs as [`per_example_grads`]; outputs the mean loss, then
/// one gradient per parameter (no example axis).
pub fn batch_grads(loss: &ExampleLoss, batch: usize) -> Result<Graph> {
    let n = loss.params.len();
    let g = batch_mean_loss(loss, batch)?;
    Ok(value_and_grad(&g, &(0..n).collect::<Vec<_>>())?)
}
