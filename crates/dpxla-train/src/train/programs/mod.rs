//! The three compiled programs of a DP-SGD run, built as graphs with named
//! interfaces (`signature::Group`):
//!
//! - accumulate (one per physical batch size P): per-example gradients of the
//!   trainable parameters (averaged over K augmented views BEFORE clipping, De
//!   et al. 2022 §3.1), clipped, masked and added to the accumulators
//!   (returned as new buffers: the engine donates nothing, see `Engine::new`);
//! - apply (once per logical batch): noise + division by the expected batch
//!   size (private) or by the realised size (non-private), the optimiser
//!   update, parameter averaging, and fresh zero accumulators;
//! - evaluate (per physical size): masked sums of loss and correct predictions.

pub mod data_parallel;
pub mod rounding_charge;
pub mod signature;

use crate::train::programs::signature::{Group, Signature, SignatureBuilder};
use crate::Result;
use dpxla_core::array::DType;
use dpxla_core::trace::{Aval, Builder, Graph, Tensor, KEY_DTYPE, KEY_SHAPE};
use dpxla_core::transform::{value_and_grad, vmap};
use dpxla_dp::bandmf::BandedToeplitz;
use dpxla_dp::bookkeeping::clipped_sums_at;
use dpxla_dp::clip::Clipping;
use dpxla_dp::mechanism::{DpMechanism, NoiseSource};
use dpxla_dp::noise::correlated_noisy_average_at;
use dpxla_nn::optim::{Averaging, Optimizer};
use dpxla_nn::ExampleLoss;

/// The dtype of the `Accumulators` group of the accumulate and apply
/// programs (and of the engine's accumulator buffers): f64, so that sums over
/// examples, microbatches, replicas and on the host add at most γ_n(2⁻⁵³)
/// relative rounding (docs/design.md, DP invariant 2).
pub const ACC_DTYPE: DType = DType::F64;

/// `in_axes` of the per-example loss graph (parameters shared, image and
/// label mapped).
fn loss_in_axes(num_params: usize) -> Vec<Option<usize>> {
    let mut in_axes = vec![None; num_params];
    in_axes.extend([Some(0), Some(0)]);
    in_axes
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

/// The parameter names of `loss` at `indices`.
fn names(loss: &ExampleLoss, indices: impl Iterator<Item = usize>) -> Vec<String> {
    indices.map(|i| loss.params[i].name.clone()).collect()
}

/// Adds the `Params` input group (every parameter, in the loss's order).
fn params_input<'b>(s: &mut SignatureBuilder<'b>, loss: &ExampleLoss) -> Vec<Tensor<'b>> {
    let avals = loss
        .params
        .iter()
        .map(|p| Aval::new(p.shape.clone(), p.dtype))
        .collect();
    s.inputs(Group::Params, avals, names(loss, 0..loss.params.len()))
}

/// Adds an input group with one array per trainable parameter, of its shape,
/// in `dtype`.
fn per_trainable<'b>(
    s: &mut SignatureBuilder<'b>,
    g: Group,
    loss: &ExampleLoss,
    trainable: &[usize],
    dtype: DType,
) -> Vec<Tensor<'b>> {
    let avals = trainable
        .iter()
        .map(|&i| Aval::new(loss.params[i].shape.clone(), dtype))
        .collect();
    s.inputs(g, avals, names(loss, trainable.iter().copied()))
}

/// Adds the batch groups: images, labels `[P]` i32, mask `[P]`.
fn batch_inputs<'b>(
    s: &mut SignatureBuilder<'b>,
    loss: &ExampleLoss,
    physical: usize,
    views: usize,
) -> [Tensor<'b>; 3] {
    let images = s.input(
        Group::Images,
        Aval::new(images_shape(loss, physical, views), loss.dtype),
    );
    let labels = s.input(Group::Labels, Aval::new([physical], DType::I32));
    let mask = s.input(Group::Mask, Aval::new([physical], loss.dtype));
    [images, labels, mask]
}

/// What one accumulate program computes: its batch shape and whether (and
/// how) it clips. The noise is not here: it is added once per logical batch
/// by the apply step ([`ApplySpec`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AccumulateSpec {
    /// P, the rows of every batch input.
    pub physical: usize,
    /// K augmented views per example (1: images `[P, ...]`; else `[P, K, ...]`).
    pub views: usize,
    /// `Some`: per-example clipping (private); `None`: the plain gradient.
    pub clipping: Option<Clipping>,
}

impl AccumulateSpec {
    /// Clipped per-example gradients of `physical` examples, one view each.
    pub fn private(physical: usize, clipping: Clipping) -> AccumulateSpec {
        AccumulateSpec {
            physical,
            views: 1,
            clipping: Some(clipping),
        }
    }

    /// The gradient of Σ mask·loss over `physical` examples, one view each.
    pub fn non_private(physical: usize) -> AccumulateSpec {
        AccumulateSpec {
            physical,
            views: 1,
            clipping: None,
        }
    }

    /// The same with `views` augmented views per example.
    pub fn with_views(self, views: usize) -> AccumulateSpec {
        AccumulateSpec { views, ..self }
    }
}

/// Accumulate step. Inputs: `Params`, `Accumulators` (one per trainable
/// parameter), `Images`, `Labels`, `Mask`, then `ClipNorm` (`f64[]`, only
/// with adaptive clipping: `Clipping::runtime_norm`). Outputs: `Accumulators` (updated),
/// `LossSum` (Σ mask·loss), `ClippedCount`.
///
/// Private (`spec.clipping` given): per-example gradients
/// `vmap(value_and_grad)`, clipped, weighted by the mask and summed (noise
/// comes in the apply step). Non-private: the gradient of Σ mask·loss
/// directly, with no per-example gradients (the honest baseline the DP
/// overhead is measured against).
pub fn accumulate_graph(
    loss: &ExampleLoss,
    trainable: &[usize],
    spec: &AccumulateSpec,
) -> Result<(Graph, Signature)> {
    accumulate_graph_charged(loss, trainable, spec).map(|(g, s, _)| (g, s))
}

/// [`accumulate_graph`] and β, the cross-example rounding charge its clip
/// target pays (`dp::float_bound`, "Cross-example rounding": the program
/// clips to C/(1 + β); 0 without Gram-form tensors or non-private). An
/// error when the charge is needed but the batch has no public bound, or
/// when it would clip below C/2.
pub fn accumulate_graph_charged(
    loss: &ExampleLoss,
    trainable: &[usize],
    spec: &AccumulateSpec,
) -> Result<(Graph, Signature, f64)> {
    let AccumulateSpec {
        physical, views, ..
    } = *spec;
    let n = loss.params.len();
    let lk = views_loss(loss, views)?;
    let in_axes = loss_in_axes(n);

    let b = Builder::new();
    let mut s = SignatureBuilder::new(&b);
    let params = params_input(&mut s, loss);
    // f64 accumulators (issue 27, item 4): sums over microbatches add B·C·γ_B(2⁻⁵³)
    // at most (≈ 5e-10·C at B = 2048), where f32 reached 1.0013·C.
    let accs = per_trainable(&mut s, Group::Accumulators, loss, trainable, ACC_DTYPE);
    let [images, labels, mask] = batch_inputs(&mut s, loss, physical, views);
    let clip_norm = runtime_clip_norm(&mut s, spec.clipping.as_ref());
    let mut args = params.clone();
    args.extend([images, labels]);
    let mut beta = 0.0;
    match &spec.clipping {
        Some(clipping) => {
            let per_example = vmap(&value_and_grad(&lk, trainable)?, &in_axes, physical)?;
            beta = rounding_charge::checked(&per_example, clipping, physical)?;
            let r = clipped_sums_at(&b, &per_example, &args, mask, clipping, clip_norm);
            let new: Vec<Tensor> = accs
                .iter()
                .zip(r.sums)
                .map(|(&a, g)| a + g.convert(a.dtype()))
                .collect();
            s.outputs(Group::Accumulators, new);
            // Σ loss over real examples with a finite loss (a diagnostic; a NaN
            // padded row must not make it NaN).
            let losses = r.losses;
            let real = mask.gt(mask.lit(0.0)).select(losses, losses.lit(0.0));
            let real = real.lt(real.lit(f64::INFINITY)).select(real, real.lit(0.0));
            s.output(Group::LossSum, real.sum(&[0]));
            s.output(Group::ClippedCount, r.clipped);
        }
        None => {
            let batch_loss = masked_sum_loss(&lk, physical, &in_axes)?;
            let vg = value_and_grad(&batch_loss, trainable)?;
            let mut all = args.clone();
            all.push(mask);
            let outs = b.call(&vg, &all);
            let new: Vec<Tensor> = accs
                .iter()
                .zip(&outs[1..])
                .map(|(&a, &g)| a + g.convert(ACC_DTYPE))
                .collect();
            s.outputs(Group::Accumulators, new);
            s.output(Group::LossSum, outs[0]);
            s.output(Group::ClippedCount, b.scalar(0.0, loss.dtype));
        }
    }
    let (g, sig) = s.finish()?;
    Ok((g, sig, beta))
}

/// The `ClipNorm` input (`f64[]`) of a program whose clipping takes C at
/// run time (adaptive clipping); `None` (no input at all, the program as
/// before) otherwise.
fn runtime_clip_norm<'b>(
    s: &mut SignatureBuilder<'b>,
    clipping: Option<&Clipping>,
) -> Option<Tensor<'b>> {
    clipping
        .filter(|c| c.runtime_norm())
        .map(|_| s.input(Group::ClipNorm, Aval::scalar(DType::F64)))
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
    /// The mechanism whose noise the step adds (device noise) or whose noisy
    /// average it is given (host noise). `None`: non-private, divide by the
    /// realised batch size.
    pub mechanism: Option<DpMechanism>,
    pub optimizer: Optimizer,
    pub averaging: Averaging,
    /// BandMF's strategy (device noise only): the program then takes and
    /// returns the `NoiseHistory` group and adds the correlated noise.
    pub noise_strategy: Option<BandedToeplitz>,
}

/// The `c_1 … c_{b−1}` of a device-noise BandMF apply step (empty: DP-SGD).
fn correlation(spec: &ApplySpec) -> &[f64] {
    match (&spec.mechanism, &spec.noise_strategy) {
        (Some(m), Some(s)) if m.noise_source() == NoiseSource::Device => &s.coefs()[1..],
        _ => &[],
    }
}

/// Apply step. Inputs: `Params`, `Slots` (per trainable parameter,
/// `slots()` order), `Averages` (if averaging), `Accumulators`, then
/// `NoiseHistory` (BandMF with b > 1 only), `NoiseKey` (device noise only),
/// `LearningRate`, `Step` (1-based), `BatchCount` (non-private only) and
/// `ClipNorm` (adaptive clipping only: the noise std is σ·C_t).
/// Outputs: `Params`, `Slots`, `Averages`, `Accumulators` (zeroed),
/// `NoiseHistory` (shifted, with this step's noise first), `NonFiniteParams`
/// (count over the trainable parameters).
///
/// With host noise the accumulators hold the noisy average already (the
/// host drew the noise and divided by q·N) and are used as the gradient.
pub fn apply_graph(
    loss: &ExampleLoss,
    trainable: &[usize],
    spec: &ApplySpec,
) -> Result<(Graph, Signature)> {
    let b = Builder::new();
    let mut s = SignatureBuilder::new(&b);
    let f32_avals = |idx: &mut dyn Iterator<Item = usize>| -> Vec<Aval> {
        idx.map(|i| Aval::new(loss.params[i].shape.clone(), DType::F32))
            .collect()
    };
    let all = 0..loss.params.len();
    let params = s.inputs(
        Group::Params,
        f32_avals(&mut all.clone()),
        names(loss, all.clone()),
    );
    let nslots = spec.optimizer.slots().len();
    let slot_avals = f32_avals(
        &mut trainable
            .iter()
            .flat_map(|&i| std::iter::repeat_n(i, nslots)),
    );
    let slot_names = trainable
        .iter()
        .flat_map(|&i| {
            spec.optimizer
                .slots()
                .iter()
                .map(move |k| format!("{}/{k}", loss.params[i].name))
        })
        .collect();
    let flat_slots = s.inputs(Group::Slots, slot_avals, slot_names);
    let avgs = if spec.averaging.enabled() {
        s.inputs(
            Group::Averages,
            f32_avals(&mut all.clone()),
            names(loss, all.clone()),
        )
    } else {
        Vec::new()
    };
    let accs = per_trainable(&mut s, Group::Accumulators, loss, trainable, ACC_DTYPE);
    let coefs = correlation(spec);
    let history = if coefs.is_empty() {
        Vec::new()
    } else {
        let (avals, hist_names) = history_layout(loss, trainable, coefs.len());
        s.inputs(Group::NoiseHistory, avals, hist_names)
    };
    let mut new_history = Vec::new();
    let key = match spec.mechanism.map(|m| m.noise_source()) {
        Some(NoiseSource::Device) => {
            Some(s.input(Group::NoiseKey, Aval::new(KEY_SHAPE, KEY_DTYPE)))
        }
        _ => None,
    };
    let lr = s.input(Group::LearningRate, Aval::scalar(DType::F32));
    let t = s.input(Group::Step, Aval::scalar(DType::F32));
    let clip_norm = match (&spec.mechanism, key) {
        (Some(m), Some(_)) => runtime_clip_norm(&mut s, Some(&m.clipping())),
        _ => None,
    };
    // The f64 sums become f32 gradients once noised and divided (private) or
    // divided (non-private).
    let grads: Vec<Tensor> = match (&spec.mechanism, key) {
        (Some(m), Some(key)) => {
            let (avg, hist) =
                correlated_noisy_average_at(&b, &accs, key, m, coefs, &history, clip_norm);
            new_history = hist;
            avg
        }
        (Some(_), None) => accs.clone(),
        (None, _) => {
            let count = s.input(Group::BatchCount, Aval::scalar(DType::F32));
            let denom = count.max(count.lit(1.0)).convert(ACC_DTYPE);
            accs.iter().map(|&a| a / denom).collect()
        }
    };
    let grads: Vec<Tensor> = grads.iter().map(|g| g.convert(DType::F32)).collect();
    let mut new_params = params.clone();
    let mut new_slots = Vec::new();
    for (k, &i) in trainable.iter().enumerate() {
        let slots = &flat_slots[k * nslots..(k + 1) * nslots];
        let (p, sl) = spec.optimizer.update(params[i], grads[k], slots, lr, t);
        new_params[i] = p;
        new_slots.extend(sl);
    }
    let new_avgs: Vec<Tensor> = avgs
        .iter()
        .zip(&new_params)
        .map(|(&a, &p)| spec.averaging.update(a, p, t))
        .collect();
    let zeros: Vec<Tensor> = accs.iter().map(|a| b.zeros(&a.aval())).collect();
    // Divergence is detected from the updated parameters (public once
    // released), never from the un-noised training loss.
    let non_finite = trainable
        .iter()
        .map(|&i| {
            let p = new_params[i];
            let axes: Vec<usize> = (0..p.rank()).collect();
            let finite = p.abs().lt(p.lit(f64::INFINITY));
            finite.select(p.lit(0.0), p.lit(1.0)).sum(&axes)
        })
        .reduce(|a, b| a + b)
        .unwrap_or_else(|| b.scalar(0.0, DType::F32));
    s.outputs(Group::Params, new_params);
    s.outputs(Group::Slots, new_slots);
    if spec.averaging.enabled() {
        s.outputs(Group::Averages, new_avgs);
    }
    s.outputs(Group::Accumulators, zeros);
    if !coefs.is_empty() {
        s.outputs(Group::NoiseHistory, new_history);
    }
    s.output(Group::NonFiniteParams, non_finite);
    s.finish()
}

/// The `NoiseHistory` group of `lags` lags: per trainable parameter (in
/// `trainable` order), lags 1 … `lags`, each of the parameter's shape in
/// [`ACC_DTYPE`] (the noise is added to the f64 sums), named
/// `name/lag{j}`.
pub fn history_layout(
    loss: &ExampleLoss,
    trainable: &[usize],
    lags: usize,
) -> (Vec<Aval>, Vec<String>) {
    let mut avals = Vec::new();
    let mut names = Vec::new();
    for &i in trainable {
        for j in 1..=lags {
            avals.push(Aval::new(loss.params[i].shape.clone(), ACC_DTYPE));
            names.push(format!("{}/lag{j}", loss.params[i].name));
        }
    }
    (avals, names)
}

/// Evaluate step. Inputs: `Params`, `Images` `[P, ...]`, `Labels`, `Mask`.
/// Outputs: `LossSum` (Σ mask·loss), `CorrectSum` (Σ mask·correct).
pub fn evaluate_graph(
    loss: &ExampleLoss,
    eval_example: &Graph,
    physical: usize,
) -> Result<(Graph, Signature)> {
    let per_example = vmap(eval_example, &loss_in_axes(loss.params.len()), physical)?;
    let b = Builder::new();
    let mut s = SignatureBuilder::new(&b);
    let mut inputs = params_input(&mut s, loss);
    let [images, labels, mask] = batch_inputs(&mut s, loss, physical, 1);
    inputs.extend([images, labels]);
    let outs = b.call(&per_example, &inputs);
    s.output(Group::LossSum, (outs[0] * mask).sum(&[0]));
    s.output(Group::CorrectSum, (outs[1] * mask).sum(&[0]));
    s.finish()
}
