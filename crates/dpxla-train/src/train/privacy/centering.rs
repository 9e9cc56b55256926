//! Private centring of a model's features (Tramèr & Boneh 2021, §3, their
//! "data normalization" with private statistics): a centred model
//! (a model with a [`CenteredFeatures`] component) subtracts the training set's mean of a
//! per-example feature vector. A fresh run releases that mean ONCE, before
//! its first step, by the Gaussian mechanism, and the same ledger as DP-SGD
//! holds it (docs/design.md, DP invariant 8):
//!
//! - each example's feature vector is clipped on the host, in f64, to L2
//!   norm ≤ R (the model's bound: a no-op for features that keep it), so
//!   adding or removing one example moves the sum by at most R; a vector
//!   that is not finite counts as zero, as in DP-SGD;
//! - the sum gets discrete Gaussian noise of scale at least σ_m·R (σ_m·R·1.01:
//!   the rounding grid's share of the sensitivity) from a CSPRNG on a
//!   fixed-point grid ([`SecureNoise`]: no floating-point operation touches
//!   the noise before the release) and is divided by N, the dataset size
//!   (public, as it is for q = B/N);
//! - a fresh run's ledger starts with that event (q = 1, σ_m, one step:
//!   [`prior_events`], composed by `resume::start_or_resume`), and DP-SGD's σ
//!   is calibrated to the budget it leaves (`PrivateParams::prior`); a plan
//!   in which the release and one step exceed the target is refused.
//!
//! A non-private run uses the exact mean. A resumed run takes the mean from
//! its checkpoint; it is never released twice.

use crate::data::{Dataset, ViewAugment};
use crate::train::config::PrivacyConfig;
use crate::train::sampling::batches::prepare_eval;
use crate::{Error, Result};
use dpxla_core::array::{DType, HostArray};
use dpxla_core::trace::{Aval, Builder, Graph};
use dpxla_core::transform::vmap;
use dpxla_dp::accountant::PoissonGaussianEvent;
use dpxla_dp::plan::PrivacyPlan;
use dpxla_dp::secure_noise::SecureNoise;
use dpxla_nn::{CenteredFeatures, ExampleLoss, Model, CENTER_PARAM};
use dpxla_pjrt::lower::LowerOptions;
use dpxla_pjrt::program::Program;
use dpxla_pjrt::runtime::{Client, CompileOptions};

/// What a centred model needs released: its per-example feature graph
/// (image → `[dims]`), the norm bound R and the parameter that holds the mean.
#[derive(Clone)]
pub struct CenteringSpec {
    /// One example's image (`input_shape`, the model's dtype) → its features `[dims]`.
    pub graph: Graph,
    pub dims: usize,
    /// R: every feature vector is clipped to this L2 norm (the sensitivity).
    pub bound: f64,
    /// Index of [`CENTER_PARAM`] in the loss's parameters.
    pub param: usize,
    pub dtype: DType,
}

/// The centring `model`'s component asks for (`None` without a component),
/// checked against the parameters of its traced `loss`. A model that
/// declares [`CENTER_PARAM`] without a component is refused: its mean would
/// never be filled.
pub fn trace(
    model: &dyn Model,
    centering: Option<&dyn CenteredFeatures>,
    loss: &ExampleLoss,
) -> Result<Option<CenteringSpec>> {
    let bad = |msg: String| Error::InvalidInput(format!("model '{}': {msg}", model.name()));
    let Some(centering) = centering else {
        if loss.param_index(CENTER_PARAM).is_some() {
            return Err(bad(format!(
                "declares {CENTER_PARAM} (a centred model's mean) but no centring component \
                 (CenteredFeatures) was given"
            )));
        }
        return Ok(None);
    };
    let b = Builder::new();
    let x = b.input(Aval::new(model.input_shape(), loss.dtype));
    let (f, bound) = centering.centered_features(x);
    if f.shape().len() != 1 {
        return Err(bad(format!(
            "centered_features must return a vector [D], got shape {:?}",
            f.shape()
        )));
    }
    let dims = f.shape()[0];
    if !(bound > 0.0 && bound.is_finite()) {
        return Err(bad(format!(
            "the centred features' norm bound must be finite and > 0, got {bound}"
        )));
    }
    let param = loss.param_index(CENTER_PARAM).ok_or_else(|| {
        bad(format!(
            "centred models must declare the parameter {CENTER_PARAM} (the mean they subtract)"
        ))
    })?;
    if loss.params[param].shape != [dims] {
        return Err(bad(format!(
            "{CENTER_PARAM} has shape {:?}, the centred features [{dims}]",
            loss.params[param].shape
        )));
    }
    Ok(Some(CenteringSpec {
        graph: b.finish(&[f])?,
        dims,
        bound,
        param,
        dtype: loss.dtype,
    }))
}

/// The mechanisms a fresh run releases before DP-SGD: the centring's Gaussian
/// event in a private run of a centred model, else none. Refuses a centred
/// model without `privacy.centering_noise_multiplier` and the setting without
/// a centred model.
pub fn prior_events(
    centering: Option<&CenteringSpec>,
    privacy: &PrivacyConfig,
    model: &str,
) -> Result<Vec<PoissonGaussianEvent>> {
    match (centering, privacy.centering_noise_multiplier) {
        (None, Some(_)) => Err(Error::InvalidInput(format!(
            "privacy.centering_noise_multiplier is set, but model '{model}' does not centre \
             its features; remove it"
        ))),
        (None, None) => Ok(Vec::new()),
        (Some(_), _) if !privacy.enabled => Ok(Vec::new()),
        (Some(_), None) => Err(Error::InvalidInput(format!(
            "model '{model}' centres its features by their training-set mean, released by the \
             Gaussian mechanism before training: set privacy.centering_noise_multiplier (its σ; \
             e.g. 50, whose ε is tiny next to DP-SGD's)"
        ))),
        (Some(_), Some(sigma)) => Ok(vec![PoissonGaussianEvent::new(1.0, sigma, 1)?]),
    }
}

/// Mixed into `privacy.debug_seed` for the release's noise, so that it never
/// shares a ChaCha stream with DP-SGD's host noise.
const CENTERING_STREAM: u64 = 0xce47_e21e_0000_0008;

/// The noise [`release_mean`] adds under `plan`: `None` for a non-private
/// run (the exact mean), else exactly the σ of the ledger's release event
/// and the generator's debug seed. A private plan without that event is a
/// bug, never an exact release.
pub fn release_noise(
    plan: &PrivacyPlan,
    debug_seed: Option<u64>,
) -> Result<Option<(f64, Option<u64>)>> {
    let Some(p) = &plan.private else {
        return Ok(None);
    };
    let ev = p
        .prior
        .first()
        .ok_or_else(|| Error::Internal("a centred private run has no centring event".into()))?;
    Ok(Some((ev.sigma, debug_seed.map(|s| s ^ CENTERING_STREAM))))
}

/// The training set's mean of the centred features, clipped to R: noised
/// with `noise = Some((σ_m, debug_seed))` (the event [`prior_events`] put in
/// the ledger), exact with `None` (non-private runs). Images are prepared as
/// for evaluation (`augment`: normalisation only), `batch` per program run.
pub fn release_mean(
    client: &Client,
    spec: &CenteringSpec,
    ds: &dyn Dataset,
    augment: &ViewAugment,
    batch: usize,
    compile: &CompileOptions,
    noise: Option<(f64, Option<u64>)>,
) -> Result<HostArray> {
    let n = ds.len();
    if n == 0 {
        return Err(Error::InvalidInput("the training set is empty".into()));
    }
    let batch = batch.clamp(1, n);
    let g = vmap(&spec.graph, &[Some(0)], batch)?;
    let prog = Program::compile(client, &g, &LowerOptions::default(), compile)?;
    let mut sum = vec![0f64; spec.dims];
    for begin in (0..n).step_by(batch) {
        let idx: Vec<usize> = (begin..(begin + batch).min(n)).collect();
        let b = prepare_eval(ds, &idx, batch, augment)?;
        let images = match spec.dtype {
            DType::F32 => b.images,
            dtype => HostArray::from_f64(b.images.shape.clone(), &b.images.to_f64(), dtype),
        };
        let out = prog.run_host(&[images])?;
        let feats = out[0].to_f64();
        for row in feats.chunks_exact(spec.dims).take(b.real) {
            add_clipped(&mut sum, row, spec.bound);
        }
    }
    let mean = match noise {
        Some((sigma, debug_seed)) => {
            let mut sn = SecureNoise::new(sigma, spec.bound, n as f64, spec.dims, debug_seed)?;
            // One release: stream 0 of its own debug seed.
            let noisy = sn.noisy_average(&[HostArray::f64([spec.dims], sum)], 0)?;
            noisy[0].to_f64()
        }
        None => sum.iter().map(|s| s / n as f64).collect(),
    };
    Ok(HostArray::from_f64([spec.dims], &mean, spec.dtype))
}

/// `sum += row · min(1, R/‖row‖)`; a row that is not finite adds nothing.
fn add_clipped(sum: &mut [f64], row: &[f64], bound: f64) {
    let norm = row.iter().map(|v| v * v).sum::<f64>().sqrt();
    if !norm.is_finite() {
        return;
    }
    let scale = if norm > bound { bound / norm } else { 1.0 };
    for (s, v) in sum.iter_mut().zip(row) {
        *s += v * scale;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping_bounds_each_contribution_and_drops_non_finite_rows() {
        let mut sum = vec![0.0; 3];
        add_clipped(&mut sum, &[3.0, 4.0, 0.0], 1.0);
        let norm = sum.iter().map(|v| v * v).sum::<f64>().sqrt();
        assert!(
            norm <= 1.0 + 1e-15 && (sum[0] - 0.6).abs() < 1e-15,
            "{sum:?}"
        );
        add_clipped(&mut sum, &[f64::NAN, 0.0, 0.0], 1.0);
        add_clipped(&mut sum, &[f64::INFINITY, 0.0, 0.0], 1.0);
        assert!((sum[0] - 0.6).abs() < 1e-15 && sum[2] == 0.0, "{sum:?}");
        // Inside the bound: unchanged.
        add_clipped(&mut sum, &[0.0, 0.0, 0.5], 1.0);
        assert_eq!(sum[2], 0.5);
    }
}
