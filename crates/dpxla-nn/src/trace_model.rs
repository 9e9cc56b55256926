//! Tracing a function of a model's parameters and one example, with the
//! parameters as the first graph inputs in sorted-name order.

use super::init::ParamSpec;
use super::params::Params;
use super::{Model, NnOps};
use crate::Result;
use dpxla_core::array::DType;
use dpxla_core::trace::{Aval, Builder, Graph, Tensor, TraceError};
use std::collections::BTreeMap;
use std::panic::Location;

/// The ops under which this crate reports what is wrong with a model as a
/// whole (its dtype, its logits, its loss). They are detected here, in the
/// library, but the mistake is the model's: such an error is reported at
/// the user's call of the tracing function (`#[track_caller]` through
/// `trace_example_loss`, `trace_example_eval`, `param_specs`, ...), with the
/// model's name in the message.
const MODEL_CHECKS: [&str; 3] = ["model", "logits", "loss"];

/// `b.finish(outs)`, with a model-level error moved to `at`.
fn finish_at(b: &Builder, outs: &[Tensor<'_>], at: &'static Location<'static>) -> Result<Graph> {
    b.finish(outs).map_err(|e| {
        match e {
            TraceError::Op {
                op,
                shapes,
                msg,
                location: _,
            } if MODEL_CHECKS.contains(&op.as_str()) => TraceError::Op {
                op,
                shapes,
                msg,
                location: at,
            },
            e => e,
        }
        .into()
    })
}

/// What to compute from one example: given the model, its parameters, the image
/// (the model's input shape, f32) and the label (i32 scalar), the outputs.
pub type ExampleFn<'f> =
    dyn for<'b> Fn(&dyn Model, &Params<'b>, Tensor<'b>, Tensor<'b>) -> Vec<Tensor<'b>> + 'f;

/// The parameters `f` asks for (sorted by name) and the model's top-level
/// scopes in declaration order, from one tracing pass (no graph is kept).
#[track_caller]
pub(crate) fn collect_params(
    model: &dyn Model,
    f: &ExampleFn<'_>,
) -> Result<(Vec<ParamSpec>, Vec<String>)> {
    let at = Location::caller();
    let b = Builder::new();
    let p = Params::collecting(&b, model.dtype());
    let (x, y) = example_inputs(&b, model);
    let outs = f(model, &p, x, y);
    finish_at(&b, &outs, at)?;
    let scopes = p.top_scopes();
    Ok((p.into_specs(), scopes))
}

/// Traces `f` twice: once to discover the parameters the model asks for, then
/// with the parameters as inputs (sorted by name), then image, then label.
/// Also returns the model's top-level scopes (declaration order, head last).
#[track_caller]
pub fn trace_example_fn(
    model: &dyn Model,
    f: &ExampleFn<'_>,
) -> Result<(Graph, Vec<ParamSpec>, Vec<String>)> {
    let at = Location::caller();
    let (specs, scopes) = collect_params(model, f)?;
    let b = Builder::new();
    let tensors: BTreeMap<String, Tensor> = specs
        .iter()
        .map(|s| (s.name.clone(), b.input(Aval::new(s.shape.clone(), s.dtype))))
        .collect();
    let (x, y) = example_inputs(&b, model);
    let p = Params::bound(&b, tensors);
    let outs = f(model, &p, x, y);
    Ok((finish_at(&b, &outs, at)?, specs, scopes))
}

fn example_inputs<'b>(b: &'b Builder, model: &dyn Model) -> (Tensor<'b>, Tensor<'b>) {
    let dtype = model.dtype();
    if !matches!(dtype, DType::F32 | DType::F64) {
        b.fail(
            "model",
            &[],
            format!(
                "model '{}' asks for dtype {dtype}; models run in f32 or f64",
                model.name()
            ),
        );
    }
    let x = b.input(Aval::new(model.input_shape(), dtype));
    let y = b.input(Aval::scalar(DType::I32));
    (x, y)
}

/// The model's logits for `x`, checked to be one value per class in the
/// model's dtype: a mismatch is reported naming the model and both shapes,
/// instead of surfacing later inside the loss.
pub fn checked_logits<'b>(model: &dyn Model, p: &Params<'b>, x: Tensor<'b>) -> Tensor<'b> {
    let mut logits = model.logits(p, x);
    let want = Aval::new([model.num_classes()], model.dtype());
    if logits.shape() == [1, model.num_classes()] {
        // A model that kept a batch dimension of 1 (NHWC layers).
        logits = logits.reshape(&[model.num_classes()]);
    }
    if logits.aval() != want {
        p.builder().fail(
            "logits",
            &[logits.aval()],
            format!(
                "model '{}' returned logits {}, expected {want} (one per class, num_classes = {})",
                model.name(),
                logits.aval(),
                model.num_classes()
            ),
        );
    }
    logits
}

/// Softmax cross-entropy of the model's logits against the integer label.
pub fn cross_entropy<'b>(
    model: &dyn Model,
    p: &Params<'b>,
    x: Tensor<'b>,
    y: Tensor<'b>,
) -> Tensor<'b> {
    checked_logits(model, p, x).softmax_cross_entropy(y.one_hot(model.num_classes(), model.dtype()))
}

/// Loss and correctness (1.0 when the label's logit is the largest; ties count
/// as correct) of one example: the evaluation graph.
#[track_caller]
pub fn trace_example_eval(model: &dyn Model) -> Result<(Graph, Vec<ParamSpec>)> {
    let (graph, specs, _) = trace_example_fn(model, &|m, p, x, y| {
        let logits = checked_logits(m, p, x);
        let onehot = y.one_hot(m.num_classes(), m.dtype());
        let loss = logits.softmax_cross_entropy(onehot);
        let label_logit = (logits * onehot).sum(&[0]);
        let correct = label_logit.compare(logits.reduce_max(&[0]), dpxla_core::trace::CmpDir::Ge);
        vec![loss, correct.convert(m.dtype())]
    })?;
    Ok((graph, specs))
}

/// [`trace_example_eval`] with the per-example loss `loss` (correctness is
/// still the arg-max of the logits). The loss must use the same parameters
/// as the model's logits.
#[track_caller]
pub fn trace_example_eval_with(
    model: &dyn Model,
    loss: &super::LossFn,
) -> Result<(Graph, Vec<ParamSpec>)> {
    let (loss_graph, loss_specs, _) = trace_example_fn(model, &|m, p, x, y| {
        vec![super::loss::checked_scalar_loss(m, p, loss(m, p, x, y))]
    })?;
    let (eval_graph, specs) = trace_example_eval(model)?;
    if loss_specs != specs {
        return Err(crate::Error::InvalidInput(format!(
            "the loss of model '{}' declares other parameters than its logits; a custom loss \
             must be a function of the model's parameters, input and label",
            model.name()
        )));
    }
    // One graph: the custom loss, and the correctness of the logits.
    let b = Builder::new();
    let inputs: Vec<Tensor> = loss_graph
        .input_avals()
        .into_iter()
        .map(|a| b.input(a))
        .collect();
    let l = b.call(&loss_graph, &inputs)[0];
    let correct = b.call(&eval_graph, &inputs)[1];
    Ok((b.finish(&[l, correct])?, specs))
}
