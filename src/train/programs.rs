//! The three compiled programs of a DP-SGD run, built as graphs:
//!
//! - accumulate (one per physical batch size P): per-example gradients of the
//!   trainable parameters (averaged over K augmented views BEFORE clipping, De
//!   et al. 2022 §3.1), clipped, masked and added to the accumulators
//!   (returned as new buffers: the engine donates nothing, see `Engine::new`);
//! - apply (once per logical batch): noise + division by the expected batch
//!   size (private) or by the realised size (non-private), the optimiser
//!   update, parameter averaging, and fresh zero accumulators;
//! - evaluate (per physical size): masked sums of loss and correct predictions.

use crate::dp::bookkeeping::{clipped_sums, ClipMethod};
use crate::dp::clip::ClipMode;
use crate::dp::noise::{noisy_average, NoiseSpec};
use crate::nn::ExampleLoss;
use crate::optim::{Averaging, Optimizer};
use crate::trace::{Aval, Builder, DType, Graph, Tensor, KEY_DTYPE, KEY_SHAPE};
use crate::transform::{value_and_grad, vmap};
use crate::Result;

/// Clipping of the accumulate step; `None` in a non-private run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Clipping {
    pub norm: f64,
    pub mode: ClipMode,
    /// How norms and the clipped sum are computed (same result up to
    /// rounding; `dp::bookkeeping`).
    pub method: ClipMethod,
}

/// The loss of one example averaged over K views: image input `[K, ...]` (or
/// the plain per-example loss when K = 1).
fn views_loss(loss: &ExampleLoss, k: usize) -> Result<Graph> {
    if k == 1 {
        return Ok(loss.graph.clone());
    }
    let n = loss.params.len();
    let mut in_axes = vec![None; n];
    in_axes.extend([Some(0), None]);
    let per_view = vmap(&loss.graph, &in_axes, k)?;
    let b = Builder::new();
    let inputs: Vec<Tensor> = per_view
        .input_avals()
        .into_iter()
        .map(|a| b.input(a))
        .collect();
    let losses = b.call(&per_view, &inputs)[0];
    Ok(b.finish(&[losses.mean(&[0])])?)
}

/// Shape of the images input of a physical batch: `[P, ...]` or `[P, K, ...]`.
pub fn images_shape(loss: &ExampleLoss, physical: usize, views: usize) -> Vec<usize> {
    let mut s = vec![physical];
    if views > 1 {
        s.push(views);
    }
    s.extend(&loss.input_shape);
    s
}

/// Accumulate step. Inputs: parameters (all, sorted), accumulators (one per
/// trainable parameter), images, labels `[P]` i32, mask `[P]` f32. Outputs:
/// new accumulators, Σ mask·loss, number of clipped examples.
///
/// Private (`clipping` given): per-example gradients `vmap(value_and_grad)`,
/// clipped, weighted by the mask and summed. Non-private: the gradient of
/// Σ mask·loss directly, with no per-example gradients (the honest baseline
/// the DP overhead is measured against).
pub fn accumulate_graph(
    loss: &ExampleLoss,
    trainable: &[usize],
    physical: usize,
    views: usize,
    clipping: Option<Clipping>,
) -> Result<Graph> {
    let n = loss.params.len();
    let lk = views_loss(loss, views)?;
    let mut in_axes = vec![None; n];
    in_axes.extend([Some(0), Some(0)]);

    let b = Builder::new();
    let params: Vec<Tensor> = loss
        .params
        .iter()
        .map(|s| b.input(Aval::new(s.shape.clone(), s.dtype)))
        .collect();
    let accs: Vec<Tensor> = trainable
        .iter()
        .map(|&i| {
            b.input(Aval::new(
                loss.params[i].shape.clone(),
                loss.params[i].dtype,
            ))
        })
        .collect();
    let images = b.input(Aval::new(images_shape(loss, physical, views), loss.dtype));
    let labels = b.input(Aval::new([physical], DType::I32));
    let mask = b.input(Aval::new([physical], loss.dtype));
    let mut args = params.clone();
    args.extend([images, labels]);
    let mut results: Vec<Tensor> = Vec::with_capacity(accs.len() + 2);
    match clipping {
        Some(c) => {
            let per_example = vmap(&value_and_grad(&lk, trainable)?, &in_axes, physical)?;
            let r = clipped_sums(&b, &per_example, &args, mask, c.mode, c.norm, c.method);
            for (&acc, s) in accs.iter().zip(r.sums) {
                results.push(acc + s);
            }
            // Σ loss over real examples with a finite loss (a diagnostic; a NaN
            // padded row must not make it NaN).
            let losses = r.losses;
            let real = mask.gt(mask.lit(0.0)).select(losses, losses.lit(0.0));
            let real = real.lt(real.lit(f64::INFINITY)).select(real, real.lit(0.0));
            results.push(real.sum(&[0]));
            results.push(r.clipped);
        }
        None => {
            let batch_loss = masked_sum_loss(&lk, physical, &in_axes)?;
            let vg = value_and_grad(&batch_loss, trainable)?;
            let mut all = args.clone();
            all.push(mask);
            let outs = b.call(&vg, &all);
            for (&acc, &g) in accs.iter().zip(&outs[1..]) {
                results.push(acc + g);
            }
            results.push(outs[0]);
            results.push(b.scalar(0.0, loss.dtype));
        }
    }
    Ok(b.finish(&results)?)
}

/// Σ_p mask[p]·loss(example p): inputs parameters, images, labels, mask.
fn masked_sum_loss(lk: &Graph, physical: usize, in_axes: &[Option<usize>]) -> Result<Graph> {
    let per_example = vmap(lk, in_axes, physical)?;
    let b = Builder::new();
    let inputs: Vec<Tensor> = per_example
        .input_avals()
        .into_iter()
        .map(|a| b.input(a))
        .collect();
    let losses = b.call(&per_example, &inputs)[0];
    let mask = b.input(Aval::new([physical], losses.dtype()));
    Ok(b.finish(&[(losses * mask).sum(&[0])])?)
}

/// How the apply step turns accumulated sums into an update.
#[derive(Clone, Debug, PartialEq)]
pub struct ApplySpec {
    /// Private: noise and the expected batch size. `None`: non-private, divide
    /// by the realised batch size (an extra scalar input).
    pub noise: Option<NoiseSpec>,
    pub optimizer: Optimizer,
    pub averaging: Averaging,
}

/// Apply step. Inputs: parameters (all), optimiser slots (per trainable
/// parameter, `slots()` order), averages (all parameters, if averaging),
/// accumulators, then scalars: noise key `u32[4]`, learning rate, 1-based step
/// `t`, and for non-private runs the realised batch size. Outputs: parameters,
/// slots, averages, zeroed accumulators, in the same order as the inputs (so
/// the update COULD donate each input to its output; the engine does not,
/// see `Engine::new`).
pub fn apply_graph(loss: &ExampleLoss, trainable: &[usize], spec: &ApplySpec) -> Result<Graph> {
    let b = Builder::new();
    let aval = |i: usize| Aval::new(loss.params[i].shape.clone(), DType::F32);
    let params: Vec<Tensor> = (0..loss.params.len()).map(|i| b.input(aval(i))).collect();
    let nslots = spec.optimizer.slots().len();
    let slots: Vec<Vec<Tensor>> = trainable
        .iter()
        .map(|&i| (0..nslots).map(|_| b.input(aval(i))).collect())
        .collect();
    let avgs: Vec<Tensor> = if spec.averaging.enabled() {
        (0..loss.params.len()).map(|i| b.input(aval(i))).collect()
    } else {
        Vec::new()
    };
    let accs: Vec<Tensor> = trainable.iter().map(|&i| b.input(aval(i))).collect();
    let key = b.input(Aval::new(KEY_SHAPE, KEY_DTYPE));
    let lr = b.input(Aval::scalar(DType::F32));
    let t = b.input(Aval::scalar(DType::F32));
    let grads: Vec<Tensor> = match &spec.noise {
        Some(noise) => noisy_average(&b, &accs, key, noise),
        None => {
            let count = b.input(Aval::scalar(DType::F32));
            let denom = count.max(count.lit(1.0));
            accs.iter().map(|&a| a / denom).collect()
        }
    };
    let mut new_params = params.clone();
    let mut new_slots = Vec::new();
    for (k, &i) in trainable.iter().enumerate() {
        let (p, s) = spec.optimizer.update(params[i], grads[k], &slots[k], lr, t);
        new_params[i] = p;
        new_slots.extend(s);
    }
    let new_avgs: Vec<Tensor> = avgs
        .iter()
        .zip(&new_params)
        .map(|(&a, &p)| spec.averaging.update(a, p, t))
        .collect();
    let zeros: Vec<Tensor> = accs.iter().map(|a| b.zeros(&a.aval())).collect();
    let mut outs = new_params;
    outs.extend(new_slots);
    outs.extend(new_avgs);
    outs.extend(zeros);
    Ok(b.finish(&outs)?)
}

/// Evaluate step. Inputs: parameters, images `[P, ...]`, labels `[P]` i32, mask
/// `[P]` f32. Outputs: Σ mask·loss, Σ mask·correct.
pub fn evaluate_graph(eval_example: &Graph, num_params: usize, physical: usize) -> Result<Graph> {
    let mut in_axes = vec![None; num_params];
    in_axes.extend([Some(0), Some(0)]);
    let per_example = vmap(eval_example, &in_axes, physical)?;
    let b = Builder::new();
    let inputs: Vec<Tensor> = per_example
        .input_avals()
        .into_iter()
        .map(|a| b.input(a))
        .collect();
    let outs = b.call(&per_example, &inputs);
    let mask = b.input(Aval::new([physical], outs[0].dtype()));
    let loss_sum = (outs[0] * mask).sum(&[0]);
    let correct_sum = (outs[1] * mask).sum(&[0]);
    Ok(b.finish(&[loss_sum, correct_sum])?)
}
