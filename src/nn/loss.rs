//! Tracing a model's loss on one example, and the per-example-gradient graph.

use super::init::ParamSpec;
use super::params::Params;
use super::Model;
use crate::trace::{Aval, Builder, DType, Graph, Tensor};
use crate::transform::{value_and_grad, vmap};
use crate::{Error, Result};
use std::collections::BTreeMap;

/// The traced loss of one example.
///
/// Graph inputs: the parameters in `params` order (sorted by name), then the
/// image (f32, the model's input shape), then the label (i32 scalar).
/// Output: the softmax cross-entropy (f32 scalar).
pub struct ExampleLoss {
    pub graph: Graph,
    pub params: Vec<ParamSpec>,
    pub input_shape: Vec<usize>,
    pub num_classes: usize,
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

/// The parameters `model` declares and its top-level scopes in declaration
/// order, from one tracing pass (no graph is kept).
fn collect_params(model: &dyn Model) -> Result<(Vec<ParamSpec>, Vec<String>)> {
    let b = Builder::new();
    let p = Params::collecting(&b);
    let (x, y) = example_inputs(&b, model);
    let loss = cross_entropy(model, &p, x, y);
    b.finish(&[loss])?;
    let scopes = p.top_scopes();
    Ok((p.into_specs(), scopes))
}

/// The parameter specs of `model`, sorted by name (= argument order): the
/// table `dpxla init` prints (name, shape, `numel()`).
pub fn param_specs(model: &dyn Model) -> Result<Vec<ParamSpec>> {
    Ok(collect_params(model)?.0)
}

/// The number of scalar parameters of `model`.
pub fn param_count(model: &dyn Model) -> Result<usize> {
    Ok(param_specs(model)?.iter().map(ParamSpec::numel).sum())
}

fn example_inputs<'b>(b: &'b Builder, model: &dyn Model) -> (Tensor<'b>, Tensor<'b>) {
    let x = b.input(Aval::new(model.input_shape(), DType::F32));
    let y = b.input(Aval::scalar(DType::I32));
    (x, y)
}

fn cross_entropy<'b>(
    model: &dyn Model,
    p: &Params<'b>,
    x: Tensor<'b>,
    y: Tensor<'b>,
) -> Tensor<'b> {
    let logits = model.logits(p, x);
    logits.softmax_cross_entropy(y.one_hot(model.num_classes(), DType::F32))
}

/// Traces `model`'s cross-entropy loss on one example.
pub fn trace_example_loss(model: &dyn Model) -> Result<ExampleLoss> {
    // Pass 1: discover the parameters the model asks for.
    let (specs, scopes) = collect_params(model)?;
    // Pass 2: parameters first, in sorted order, then the example.
    let b = Builder::new();
    let tensors: BTreeMap<String, Tensor> = specs
        .iter()
        .map(|s| (s.name.clone(), b.input(Aval::new(s.shape.clone(), s.dtype))))
        .collect();
    let (x, y) = example_inputs(&b, model);
    let p = Params::bound(&b, tensors);
    let loss = cross_entropy(model, &p, x, y);
    let graph = b.finish(&[loss])?;
    Ok(ExampleLoss {
        graph,
        params: specs,
        input_shape: model.input_shape(),
        num_classes: model.num_classes(),
        scopes,
    })
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
