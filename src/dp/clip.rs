//! Per-example clipping inside the compiled accumulate step (DP invariant 2):
//! each example's gradient is scaled by min(1, C/‖g‖) (Abadi et al. 2016,
//! Algorithm 1) and the clipped gradients are summed; padded rows have weight 0.

use crate::trace::Tensor;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

/// How per-example gradients are clipped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClipMode {
    /// One norm over all trainable parameters: ‖g‖₂ ≤ C.
    #[default]
    Flat,
    /// Each of the m trainable parameter tensors clipped to C/√m, so the whole
    /// gradient still has norm ≤ C (McMahan et al. 2018, per-layer clipping).
    PerLayer,
}

impl std::str::FromStr for ClipMode {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "flat" => Ok(ClipMode::Flat),
            "per-layer" => Ok(ClipMode::PerLayer),
            _ => Err(Error::InvalidInput(format!(
                "unknown clipping mode '{s}' (flat or per-layer)"
            ))),
        }
    }
}

/// Squared L2 norm of each example's slice of `g` (`[P, ...]` → `[P]`).
pub fn per_example_sq_norm<'b>(g: Tensor<'b>) -> Tensor<'b> {
    let axes: Vec<usize> = (1..g.rank()).collect();
    if axes.is_empty() {
        g * g
    } else {
        (g * g).sum(&axes)
    }
}

/// min(1, c/‖g‖) written as 1/max(1, ‖g‖/c): exactly 1 for small gradients
/// and finite for a zero gradient.
pub fn clip_factor<'b>(norm: Tensor<'b>, c: f64) -> Tensor<'b> {
    let one = norm.lit(1.0);
    one / (norm / c).max(one)
}

/// Per-example weights for each trainable tensor: `mask · clip factor`, one
/// `[P]` vector per gradient (all equal for flat clipping). Also returns the
/// number of real examples whose gradient was clipped (diagnostic only).
pub fn clip_weights<'b>(
    grads: &[Tensor<'b>],
    mask: Tensor<'b>,
    mode: ClipMode,
    c: f64,
) -> (Vec<Tensor<'b>>, Tensor<'b>) {
    let sq: Vec<Tensor<'b>> = grads.iter().map(|&g| per_example_sq_norm(g)).collect();
    clip_weights_from_sq(&sq, mask, mode, c)
}

/// [`clip_weights`] from each trainable tensor's per-example squared norm
/// (`[P]` each), however it was computed (materialised gradients or ghost
/// norms, `dp::bookkeeping`). The weights take the mask's dtype.
pub fn clip_weights_from_sq<'b>(
    sq: &[Tensor<'b>],
    mask: Tensor<'b>,
    mode: ClipMode,
    c: f64,
) -> (Vec<Tensor<'b>>, Tensor<'b>) {
    // Norms and factors in the norms' dtype (f64 when the caller widened
    // them), weights and counts in the mask's.
    let dt = mask.dtype();
    match mode {
        ClipMode::Flat => {
            let total = sq[1..].iter().fold(sq[0], |a, &b| a + b);
            let norm = total.sqrt();
            let w = mask * clip_factor(norm, c).convert(dt);
            let clipped = (mask * norm.gt(norm.lit(c)).convert(dt)).sum(&[0]);
            (vec![w; sq.len()], clipped)
        }
        ClipMode::PerLayer => {
            let cj = c / (sq.len() as f64).sqrt();
            let mut any = None;
            let ws = sq
                .iter()
                .map(|&s| {
                    let norm = s.sqrt();
                    let over = norm.gt(norm.lit(cj)).convert(dt);
                    any = Some(match any {
                        None => over,
                        Some(a) => over.max(a),
                    });
                    mask * clip_factor(norm, cj).convert(dt)
                })
                .collect();
            let clipped = (mask * any.expect("at least one gradient")).sum(&[0]);
            (ws, clipped)
        }
    }
}

/// Σ_p `w[p]·g[p]` over the example axis: `[P]` · `[P, ...]` → `[...]`.
pub fn weighted_sum<'b>(w: Tensor<'b>, g: Tensor<'b>) -> Tensor<'b> {
    w.dot_general(g, &[], &[], &[0], &[0])
}
