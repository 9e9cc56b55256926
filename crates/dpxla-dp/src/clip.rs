//! Per-example clipping inside the compiled accumulate step (DP invariant 2):
//! each example's gradient is scaled by min(1, C/‖g‖) (Abadi et al. 2016,
//! Algorithm 1) and the clipped gradients are summed; padded rows have weight 0,
//! and examples whose gradient is not finite contribute exactly zero.
//!
//! [`Clipping`] is the one value that says how to clip: the bound C, the mode
//! ([`ClipMode`]: one norm, or C/√m per tensor) and the method ([`ClipMethod`]:
//! how norms and the clipped sum are computed). C is checked once, when the
//! value is made, so everything that takes a `Clipping` can trust it.
//!
//! ```
//! use dpxla_dp::clip::{ClipMethod, ClipMode, Clipping};
//! # fn main() -> dpxla_dp::Result<()> {
//! let c = Clipping::per_layer(1.0)?.with_method(ClipMethod::Vmap);
//! assert_eq!((c.norm(), c.mode()), (1.0, ClipMode::PerLayer));
//! assert_eq!(c.tensor_bound(4), 0.5); // C/√m with m = 4 tensors
//! assert!(Clipping::flat(0.0).is_err());
//! # Ok(()) }
//! ```

use dpxla_core::trace::Tensor;

use crate::{Error, Result};
use dpxla_core::array::DType;
use serde::{Deserialize, Serialize};

/// The largest accepted clip norm: the programs hold C, the clipped sums (up
/// to N·C) and the noise (σ·C) in f32, whose largest value is 3.4e38 (issue
/// 27, item 6: C = 1e39 became ∞ and the run "diverged").
pub const MAX_CLIP_NORM: f64 = 1e30;

/// How per-example gradients are clipped: the bound C, the mode and the method.
/// Made by [`Clipping::new`] (or [`Clipping::flat`], [`Clipping::per_layer`]),
/// which checks 0 < C ≤ [`MAX_CLIP_NORM`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Clipping {
    norm: f64,
    mode: ClipMode,
    method: ClipMethod,
    /// Adaptive clipping (`dp::adaptive_clip`): C is a runtime input of the
    /// compiled programs (`norm` is then the initial C only).
    runtime_norm: bool,
    /// The most examples besides one added or removed that a logical batch
    /// can hold (`dp::float_bound`, "Cross-example rounding"): the programs
    /// then clip to C/(1 + β) to pay for Gram-form tensors' cross-example
    /// rounding. `None`: no such charge (a program built outside a
    /// `PrivacyPlan`, which always sets it or marks the batch unbounded).
    coupled_examples: Option<usize>,
    /// The batch has no public bound (a sampling rate without a cap):
    /// programs that would need the charge are refused
    /// (`train::programs::accumulate_graph`).
    unbounded_batch: bool,
    /// The weight of an f64 Gram multiply-add against an f32 one on the
    /// platform that runs the programs (`ClipMethod::Auto`'s choice,
    /// `FactoredGrad::gram_is_cheaper_at`); `GRAM_F64_COST` (CPU) unless set.
    gram_f64_cost: f64,
}

impl Clipping {
    /// Clipping to `norm` in `mode`, computed by `method`; an error unless
    /// 0 < `norm` ≤ [`MAX_CLIP_NORM`].
    pub fn new(norm: f64, mode: ClipMode, method: ClipMethod) -> Result<Clipping> {
        if !(norm > 0.0 && norm.is_finite()) {
            return Err(Error::InvalidInput(format!(
                "clip norm must be > 0, got {norm}"
            )));
        }
        if norm > MAX_CLIP_NORM {
            return Err(Error::InvalidInput(format!(
                "clip norm {norm:e} is too large: the clipped sums and the noise σ·C are f32 \
                 (at most 3.4e38); use C ≤ {MAX_CLIP_NORM:e} (typical values are 0.1 to 10)"
            )));
        }
        Ok(Clipping {
            norm,
            mode,
            method,
            runtime_norm: false,
            coupled_examples: None,
            unbounded_batch: false,
            gram_f64_cost: dpxla_core::transform::ghost::GRAM_F64_COST,
        })
    }

    /// One norm over all trainable tensors, ‖g‖ ≤ `norm`, method `auto`.
    pub fn flat(norm: f64) -> Result<Clipping> {
        Clipping::new(norm, ClipMode::Flat, ClipMethod::Auto)
    }

    /// Each of the m tensors clipped to `norm`/√m, method `auto`.
    pub fn per_layer(norm: f64) -> Result<Clipping> {
        Clipping::new(norm, ClipMode::PerLayer, ClipMethod::Auto)
    }

    /// The same clipping computed by `method` (same result up to rounding).
    pub fn with_method(mut self, method: ClipMethod) -> Clipping {
        self.method = method;
        self
    }

    /// The same mode and method with another bound (checked as in [`Clipping::new`]).
    pub fn with_norm(self, norm: f64) -> Result<Clipping> {
        Ok(Clipping {
            runtime_norm: self.runtime_norm,
            coupled_examples: self.coupled_examples,
            unbounded_batch: self.unbounded_batch,
            gram_f64_cost: self.gram_f64_cost,
            ..Clipping::new(norm, self.mode, self.method)?
        })
    }

    /// The same clipping with C a runtime input of the compiled programs
    /// (adaptive clipping, `dp::adaptive_clip`): the accumulate and apply
    /// programs take a `f64[]` clip norm instead of baking [`Clipping::norm`]
    /// in, which is then only the initial C.
    pub fn with_runtime_norm(mut self) -> Clipping {
        self.runtime_norm = true;
        self
    }

    /// The same clipping for logical batches of at most `others` examples
    /// besides the one added or removed: Gram-form tensors' cross-example
    /// rounding is then paid for by clipping to C/(1 + β)
    /// (`dp::float_bound::rounding_charge`).
    pub fn with_coupled_examples(mut self, others: usize) -> Clipping {
        self.coupled_examples = Some(others);
        self
    }

    /// See [`Clipping::with_coupled_examples`].
    pub fn coupled_examples(&self) -> Option<usize> {
        self.coupled_examples
    }

    /// The same clipping for batches with no public bound on their size:
    /// a program that would need the cross-example rounding charge is then
    /// refused instead of built.
    pub fn with_unbounded_batch(mut self) -> Clipping {
        self.unbounded_batch = true;
        self.coupled_examples = None;
        self
    }

    /// See [`Clipping::with_unbounded_batch`].
    pub fn unbounded_batch(&self) -> bool {
        self.unbounded_batch
    }

    /// Whether C is a runtime input of the programs (adaptive clipping).
    pub fn runtime_norm(&self) -> bool {
        self.runtime_norm
    }

    /// C: every example's (view-averaged) gradient is clipped to this norm.
    pub fn norm(&self) -> f64 {
        self.norm
    }

    /// One norm over all trainable tensors, or C/√m per tensor.
    pub fn mode(&self) -> ClipMode {
        self.mode
    }

    /// How norms and the clipped sum are computed.
    pub fn method(&self) -> ClipMethod {
        self.method
    }

    /// The same clipping for a platform whose f64 Gram work costs `cost`
    /// f32 multiply-adds each (only `ClipMethod::Auto`'s per-tensor choice
    /// changes; every choice keeps the same bound). An error unless `cost`
    /// is finite and > 0.
    pub fn with_gram_f64_cost(mut self, cost: f64) -> Result<Clipping> {
        if !(cost > 0.0 && cost.is_finite()) {
            return Err(Error::InvalidInput(format!(
                "the f64 Gram cost weight must be finite and > 0, got {cost}"
            )));
        }
        self.gram_f64_cost = cost;
        Ok(self)
    }

    /// The weight [`Clipping::with_gram_f64_cost`] set (`GRAM_F64_COST`, the
    /// CPU's, by default).
    pub fn gram_f64_cost(&self) -> f64 {
        self.gram_f64_cost
    }

    /// The bound on each tensor's part of an example's gradient when there
    /// are `tensors` trainable tensors: C (flat; the bound is on the whole
    /// gradient) or C/√m (per-layer).
    pub fn tensor_bound(&self, tensors: usize) -> f64 {
        match self.mode {
            ClipMode::Flat => self.norm,
            ClipMode::PerLayer => self.norm / (tensors.max(1) as f64).sqrt(),
        }
    }
}

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

/// How per-example gradient norms and the clipped sum are computed
/// (`privacy.clipping_method`; `dp::bookkeeping`). All give the same result
/// up to rounding.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClipMethod {
    /// Per tensor, from the shapes: ghost norms and book-keeping where the
    /// gradient is a contraction and the Gram form is cheaper, else the
    /// materialised per-example gradient.
    #[default]
    Auto,
    /// Materialise every per-example gradient (`vmap(grad)`, as JAX does).
    Vmap,
    /// Ghost norms (Gram form) and the book-keeping contraction for every
    /// tensor whose gradient is a contraction, whatever the cost.
    Bookkeeping,
}

impl std::str::FromStr for ClipMethod {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "auto" => Ok(ClipMethod::Auto),
            "vmap" => Ok(ClipMethod::Vmap),
            "bookkeeping" => Ok(ClipMethod::Bookkeeping),
            _ => Err(Error::InvalidInput(format!(
                "unknown clipping method '{s}' (auto, vmap or bookkeeping)"
            ))),
        }
    }
}

/// Squared L2 norm of each example's slice of `g` (`[P, ...]` → `[P]`), in f64.
///
/// f64 accumulation (Casacuberta et al. 2022, "Widespread underestimation of
/// sensitivity in differentially private libraries"): a sum of squares over
/// millions of coordinates in f32 can underestimate the norm by far more than
/// one rounding (small terms vanish next to a large partial sum), and the
/// clipped gradient then exceeds C. In f64 the relative error over n terms is
/// ≤ n·2⁻⁵³ (2.8e-9 for 25M coordinates), and the square of any finite f32
/// cannot overflow.
pub fn per_example_sq_norm<'b>(g: Tensor<'b>) -> Tensor<'b> {
    let g = g.convert(DType::F64);
    let axes: Vec<usize> = (1..g.rank()).collect();
    if axes.is_empty() {
        g * g
    } else {
        (g * g).sum(&axes)
    }
}

/// The clipping target is C(1 − 1e-6), for the precision the programs are
/// lowered at: every `dot_general` and `convolution` at precision HIGHEST
/// (`lower::ops`, test `lower_precision.rs`), so no backend rounds the
/// operands below their dtype (TF32 would round both operands to 10 mantissa
/// bits, 2⁻¹¹ ≈ 4.9e-4 each, and one bf16 pass to 7, 2⁻⁸ ≈ 3.9e-3: an excess of
/// ~1e-3, a thousand times the margin; hence HIGHEST is not configurable).
/// The margin absorbs the relative errors between the norm the factor is
/// computed from and the norm of what is summed: the f64 norm's (≤ 3e-9
/// above), the f32 rounding of the factor (2⁻²⁴), the f64 weighted sum's or
/// book-keeping contraction's backward error (≤ γ_{PT+2}(2⁻⁵³), 1e-9 even at
/// P·T = 10⁷; [`weighted_sum`], `dp::float_bound`) and the ghost bound's slack
/// (≤ 1.5e-7, `dp::float_bound::RELATIVE_SLACK`): ≤ 2.2e-7 in all, so each
/// example's contribution to the f64 sum has norm ≤ C.
pub const CLIP_MARGIN: f64 = 1e-6;

/// min(1, c'/‖g‖) with c' = c(1 − [`CLIP_MARGIN`]), written as 1/max(1, ‖g‖/c'):
/// exactly 1 for small gradients and finite for a zero gradient, in the
/// norm's dtype (f64; callers round the factor to the weights' dtype).
pub fn clip_factor<'b>(norm: Tensor<'b>, c: f64) -> Tensor<'b> {
    let one = norm.lit(1.0);
    one / (norm / (c * (1.0 - CLIP_MARGIN))).max(one)
}

/// Whether each example's f64 norm is finite (`[P]` bool): false for NaN and ∞.
fn finite<'b>(norm: Tensor<'b>) -> Tensor<'b> {
    norm.lt(norm.lit(f64::INFINITY))
}

/// `g` with the slices of non-finite examples replaced by zeros, so that
/// 0·NaN = NaN cannot reach the sum: an example (or padded row) whose gradient
/// is NaN or ∞ contributes exactly zero instead of poisoning the whole update,
/// which would reveal it outside the mechanism.
pub fn zero_non_finite<'b>(g: Tensor<'b>, ok: Tensor<'b>) -> Tensor<'b> {
    let shape = g.shape();
    let pred = ok.broadcast_in_dim(&shape, &[0]);
    pred.select(g, g.lit(0.0).broadcast_to(&shape))
}

/// Per-example weights for each trainable tensor: `mask · clip factor` (0 for
/// a non-finite gradient), one `[P]` vector per gradient (all equal for flat
/// clipping); the gradients with non-finite examples zeroed (pass these, not
/// the raw ones, to [`weighted_sum`]); and the number of real examples whose
/// gradient was clipped (diagnostic only).
pub fn clip_weights<'b>(
    grads: &[Tensor<'b>],
    mask: Tensor<'b>,
    clipping: &Clipping,
) -> (Vec<Tensor<'b>>, Vec<Tensor<'b>>, Tensor<'b>) {
    let sq: Vec<Tensor<'b>> = grads.iter().map(|&g| per_example_sq_norm(g)).collect();
    let w = clip_weights_from_sq(&sq, mask, clipping);
    let safe = grads
        .iter()
        .map(|&g| zero_non_finite(g, w.finite))
        .collect();
    (w.weights, safe, w.clipped)
}

/// What [`clip_weights_from_sq`] returns.
pub struct ClipWeights<'b> {
    /// One `[P]` weight vector per tensor, in the mask's dtype: `mask · clip
    /// factor`, and exactly 0 for an example whose gradient is not finite.
    pub weights: Vec<Tensor<'b>>,
    /// `[P]` bool: the example's whole gradient is finite.
    pub finite: Tensor<'b>,
    /// Number of real examples that were clipped (diagnostic only).
    pub clipped: Tensor<'b>,
}

/// The clip weights from each trainable tensor's per-example squared norm
/// (`[P]` each, f64), however it was computed: materialised gradients
/// ([`clip_weights`]) or ghost norms (`dp::bookkeeping`).
pub fn clip_weights_from_sq<'b>(
    sq: &[Tensor<'b>],
    mask: Tensor<'b>,
    clipping: &Clipping,
) -> ClipWeights<'b> {
    clip_weights_from_sq_at(sq, mask, clipping, None)
}

/// The per-tensor bound the weights clip to: C (or C/√m) baked into the
/// program, or computed from the runtime clip norm (adaptive clipping).
#[derive(Clone, Copy)]
enum Bound<'b> {
    Fixed(f64),
    Runtime(Tensor<'b>),
}

impl<'b> Bound<'b> {
    /// min(1, bound/‖g‖) with the margin, as [`clip_factor`].
    fn factor(self, norm: Tensor<'b>) -> Tensor<'b> {
        match self {
            Bound::Fixed(c) => clip_factor(norm, c),
            Bound::Runtime(c) => {
                let one = norm.lit(1.0);
                one / (norm / (c * (1.0 - CLIP_MARGIN))).max(one)
            }
        }
    }

    /// ‖g‖ > bound (`[P]` bool; false for NaN).
    fn exceeded(self, norm: Tensor<'b>) -> Tensor<'b> {
        match self {
            Bound::Fixed(c) => norm.gt(norm.lit(c)),
            Bound::Runtime(c) => norm.gt(c.broadcast_to(&norm.shape())),
        }
    }
}

/// As [`clip_weights_from_sq`]; with `clip_norm` (a `f64[]` runtime input,
/// adaptive clipping) the bound is that C instead of [`Clipping::norm`]
/// (per-layer: C/√m per tensor). `None` emits exactly the graph of
/// [`clip_weights_from_sq`].
pub fn clip_weights_from_sq_at<'b>(
    sq: &[Tensor<'b>],
    mask: Tensor<'b>,
    clipping: &Clipping,
    clip_norm: Option<Tensor<'b>>,
) -> ClipWeights<'b> {
    clip_weights_scaled(sq, mask, clipping, clip_norm, 1.0)
}

/// As [`clip_weights_from_sq_at`] with every bound multiplied by `scale`
/// (≤ 1: 1/(1 + β), the cross-example rounding charge of `dp::bookkeeping`);
/// `scale` = 1 emits exactly [`clip_weights_from_sq_at`]'s graph.
pub(crate) fn clip_weights_scaled<'b>(
    sq: &[Tensor<'b>],
    mask: Tensor<'b>,
    clipping: &Clipping,
    clip_norm: Option<Tensor<'b>>,
    scale: f64,
) -> ClipWeights<'b> {
    let c = match clip_norm {
        None => Bound::Fixed(clipping.tensor_bound(sq.len()) * scale),
        Some(t) => {
            let t = t.convert(DType::F64);
            let t = if scale == 1.0 { t } else { t * scale };
            Bound::Runtime(match clipping.mode {
                ClipMode::Flat => t,
                ClipMode::PerLayer => t / (sq.len().max(1) as f64).sqrt(),
            })
        }
    };
    let dt = mask.dtype();
    // One non-finite coordinate anywhere makes the total non-finite.
    let total = sq[1..].iter().fold(sq[0], |a, &b| a + b);
    let ok = finite(total);
    let zero = mask.lit(0.0).broadcast_to(&mask.shape());
    let live = |factor: Tensor<'b>| ok.select(mask * factor.convert(dt), zero);
    let (weights, clipped) = match clipping.mode {
        ClipMode::Flat => {
            let norm = total.sqrt();
            let w = live(c.factor(norm));
            let over = c.exceeded(norm).convert(dt);
            (vec![w; sq.len()], (mask * over).sum(&[0]))
        }
        ClipMode::PerLayer => {
            // `c` is C/√m here: each tensor's bound.
            let mut any = None;
            let ws = sq
                .iter()
                .map(|&s| {
                    let norm = s.sqrt();
                    let over = c.exceeded(norm).convert(dt);
                    any = Some(match any {
                        None => over,
                        Some(a) => over.max(a),
                    });
                    live(c.factor(norm))
                })
                .collect();
            (ws, (mask * any.expect("at least one gradient")).sum(&[0]))
        }
    };
    ClipWeights {
        weights,
        finite: ok,
        clipped,
    }
}

/// Σ_p `w[p]·g[p]` over the example axis: `[P]` · `[P, ...]` → `[...]`, in
/// f64. Each product of an f32 weight and an f32 gradient entry is exact in
/// f64, so the result is exactly Σ_p w_p·g̃_p with |g̃_p − g_p| ≤ γ_P(2⁻⁵³)|g_p|
/// entrywise (Higham §3.1): a relative 2.8e-14 at P = 256, inside
/// [`CLIP_MARGIN`]. In f32 it was γ_P(2⁻²⁴) ≈ 1.5e-5 at P = 256, beyond the
/// margin. Written as a product and a reduction (one fused loop in XLA, no
/// f64 copy of the per-example gradients).
pub fn weighted_sum<'b>(w: Tensor<'b>, g: Tensor<'b>) -> Tensor<'b> {
    let g = g.convert(DType::F64);
    let w = w.convert(DType::F64).broadcast_in_dim(&g.shape(), &[0]);
    (w * g).sum(&[0])
}
