//! Tracing a model's loss on one example, and the per-example-gradient graph.

use super::init::ParamSpec;
use super::params::Params;
use super::Model;
use crate::trace::{Aval, Builder, DType, Graph, Tensor};
use crate::transform::{value_and_grad, vmap};
use crate::Result;
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
    let specs = {
        let b = Builder::new();
        let p = Params::collecting(&b);
        let (x, y) = example_inputs(&b, model);
        let loss = cross_entropy(model, &p, x, y);
        b.finish(&[loss])?;
        p.into_specs()
    };
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
    })
}

/// The per-example-gradient graph for a batch of `batch` examples:
/// `vmap(value_and_grad(loss))` with the parameters shared (not batched).
///
/// Inputs: parameters (sorted), images `[batch, ...input_shape]` f32, labels
/// `[batch]` i32. Outputs: losses `[batch]`, then one gradient
/// `[batch, ...param shape]` per parameter in the same order.
pub fn per_example_grads(loss: &ExampleLoss, batch: usize) -> Result<Graph> {
    let n = loss.params.len();
    let wrt: Vec<usize> = (0..n).collect();
    let vg = value_and_grad(&loss.graph, &wrt)?;
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
