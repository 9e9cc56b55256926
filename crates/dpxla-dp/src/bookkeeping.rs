//! The clipped sum of one physical batch, by the method chosen per tensor:
//! materialised per-example gradients (`vmap`), or ghost norms with the
//! book-keeping contraction (Bu et al. 2023, "Differentially private
//! optimization on large model at small cost"): one backward pass keeps each
//! layer's input `A` and output cotangent `G`; norms come from them
//! (`transform::ghost`), and the clipped sum is Σ_b w_b·A_bᵀG_b as ONE
//! contraction. No per-example gradient tensor of a factored layer is formed.
//!
//! DP invariant 2 is unchanged: each example's whole gradient (all tensors)
//! has its norm computed exactly (up to float rounding, in f64), is scaled by
//! min(1, C/‖g‖) and summed; padded rows have weight 0 and contribute exactly
//! zero (their rows of `A` and `G` are zeroed, so even a non-finite padded row
//! cannot leak into the sum).

use super::clip::{
    clip_weights_scaled, per_example_sq_norm, weighted_sum, zero_non_finite, ClipMethod, Clipping,
};
use super::float_bound::{cross_example_coupling, ghost_sq_bound, rounding_charge};
use super::float_bound_ws::ws_sq_bound;
use dpxla_core::array::DType;
use dpxla_core::trace::{Builder, CmpDir, Graph, Tensor};
use dpxla_core::transform::ghost::{factor_gradient, factored_weighted_sum, FactoredGrad};
use dpxla_core::transform::ghost_ws::ws_weighted_sum;
use dpxla_core::transform::ws_jacobian::WsJacobian;

/// How one trainable tensor is handled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TensorMethod {
    /// Per-example gradient formed; norm and weighted sum from it.
    Materialised,
    /// Norm ‖A_b‖²‖G_b‖² (no positions) and the book-keeping contraction.
    GhostDirect,
    /// Norm from Gram matrices over positions and the contraction.
    GhostGram,
}

impl std::fmt::Display for TensorMethod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            TensorMethod::Materialised => "vmap (materialised)",
            TensorMethod::GhostDirect => "ghost norm + book-keeping",
            TensorMethod::GhostGram => "ghost Gram norm + book-keeping",
        })
    }
}

/// The method for each gradient output (1..) of the batched per-example
/// gradient graph `pe` (outputs: losses, then one gradient per tensor).
pub fn plan(pe: &Graph, method: ClipMethod) -> Vec<TensorMethod> {
    plan_at(pe, method, dpxla_core::transform::ghost::GRAM_F64_COST)
}

/// [`plan`] on a platform whose f64 Gram work weighs `gram_f64_cost`
/// (`Clipping::gram_f64_cost`).
pub fn plan_at(pe: &Graph, method: ClipMethod, gram_f64_cost: f64) -> Vec<TensorMethod> {
    choose(pe, method, gram_f64_cost)
        .into_iter()
        .map(|(m, _)| m)
        .collect()
}

/// [`plan`] with the factors of each ghost tensor (None when materialised),
/// so the graph is searched once per tensor.
fn choose(
    pe: &Graph,
    method: ClipMethod,
    gram_f64_cost: f64,
) -> Vec<(TensorMethod, Option<FactoredGrad>)> {
    (1..pe.outputs.len())
        .map(|k| {
            let f = match method {
                ClipMethod::Vmap => None,
                _ => factor_gradient(pe, k),
            };
            match f {
                Some(f) if method == ClipMethod::Auto && !f.gram_is_cheaper_at(gram_f64_cost) => {
                    (TensorMethod::Materialised, None)
                }
                Some(f) if f.positions == 1 => (TensorMethod::GhostDirect, Some(f)),
                Some(f) => (TensorMethod::GhostGram, Some(f)),
                None => (TensorMethod::Materialised, None),
            }
        })
        .collect()
}

/// The cross-example rounding charge of clipping `pe`'s gradients as
/// `clipping` says (`dp::float_bound`, "Cross-example rounding"): per
/// example, Σ_t 2κ₂,t/λ over the Gram-form tensors the method chooses.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RoundingCharge {
    /// Σ_t 2κ₂,t/λ (0 when no tensor has the Gram form with T > 1).
    pub per_example: f64,
    /// [`Clipping::coupled_examples`].
    pub others: Option<usize>,
    /// [`Clipping::unbounded_batch`].
    pub unbounded: bool,
}

impl RoundingCharge {
    /// Of `pe` (as [`clipped_sums`] takes it) clipped as `clipping` says.
    pub fn of(pe: &Graph, clipping: &Clipping) -> RoundingCharge {
        let per_example = choose(pe, clipping.method(), clipping.gram_f64_cost())
            .iter()
            .filter_map(|(_, f)| f.as_ref().map(cross_example_coupling))
            .sum();
        RoundingCharge {
            per_example,
            others: clipping.coupled_examples(),
            unbounded: clipping.unbounded_batch(),
        }
    }

    /// β (the programs clip to C/(1 + β); 0 when no bound was set, a
    /// program built outside a `PrivacyPlan`); `None` when Gram-form tensors
    /// need a charge and the batch is marked unbounded.
    pub fn beta(&self) -> Option<f64> {
        match self.others {
            Some(m) => Some(rounding_charge([self.per_example], m)),
            None if self.unbounded && self.per_example > 0.0 => None,
            None => Some(0.0),
        }
    }
}

/// What [`clipped_sums`] returns.
pub struct ClippedSums<'b> {
    /// Per-example losses `[P]`.
    pub losses: Tensor<'b>,
    /// Σ_p w_p·grad_p per trainable tensor, in f64.
    pub sums: Vec<Tensor<'b>>,
    /// Number of real examples that were clipped (diagnostic).
    pub clipped: Tensor<'b>,
    /// `[P]` bool: the example's whole gradient is finite.
    pub finite: Tensor<'b>,
}

/// Emits into `b` the clipped, masked sum of the per-example gradients that
/// `pe` (= `vmap(value_and_grad(loss))`, example axis 0 on every output)
/// computes from `args`, clipped as `clipping` says (its method chosen per
/// tensor).
pub fn clipped_sums<'b>(
    b: &'b Builder,
    pe: &Graph,
    args: &[Tensor<'b>],
    mask: Tensor<'b>,
    clipping: &Clipping,
) -> ClippedSums<'b> {
    clipped_sums_at(b, pe, args, mask, clipping, None)
}

/// As [`clipped_sums`], clipping to the runtime clip norm `clip_norm` (a
/// `f64[]` program input: adaptive clipping) when given; `None` emits
/// exactly [`clipped_sums`]'s graph. The norms (materialised or ghost) do
/// not depend on C, so every method works with either.
pub fn clipped_sums_at<'b>(
    b: &'b Builder,
    pe: &Graph,
    args: &[Tensor<'b>],
    mask: Tensor<'b>,
    clipping: &Clipping,
    clip_norm: Option<Tensor<'b>>,
) -> ClippedSums<'b> {
    let method = clipping.method();
    // Per tensor: its factors when the method is a ghost one, else None.
    let factors: Vec<Option<FactoredGrad>> = choose(pe, method, clipping.gram_f64_cost())
        .into_iter()
        .map(|(_, f)| f)
        .collect();
    // Ask the graph for what each tensor needs: the gradient itself, or the
    // two factors of its contraction (the contraction itself is then dead
    // code, dropped when the caller finishes the graph).
    let mut needed = pe.clone();
    needed.outputs = vec![pe.outputs[0]];
    for (k, f) in factors.iter().enumerate() {
        match f {
            None => needed.outputs.push(pe.outputs[k + 1]),
            Some(f) => {
                needed.outputs.extend([f.lhs, f.rhs]);
                // Weight standardisation: the raw kernel, for J.
                needed.outputs.extend(f.ws.as_ref().map(|ws| ws.kernel));
            }
        }
    }
    let outs = b.call(&needed, args);
    let losses = outs[0];
    let mut next = outs[1..].iter().copied();
    let parts: Vec<Part<'b>> = factors
        .into_iter()
        .enumerate()
        .map(|(k, f)| {
            let first = next.next().expect("one output per tensor");
            match f {
                None => Part::Grad(first),
                Some(f) => {
                    // Mixed precision: factors of a bf16 contraction are
                    // widened (exactly) to the gradient's dtype (f32) here,
                    // before any norm, weight or sum (DP invariant 2).
                    let dt = pe.aval(pe.outputs[k + 1]).dtype;
                    let g = next.next().expect("two factors");
                    // J in f64 from the kernel (exactly widened).
                    let jac = f.ws.as_ref().map(|ws| {
                        let k = next.next().expect("the WS kernel");
                        WsJacobian::new(k.convert(DType::F64), None, ws.eps)
                    });
                    Part::Factors(Box::new(f), first.convert(dt), g.convert(dt), jac)
                }
            }
        })
        .collect();
    // Squared norms in f64: a norm computed low can let a clipped gradient
    // exceed C. Ghost tensors use a proven upper bound on the norm of what
    // their f64 contraction below actually adds (`dp::float_bound`).
    let sq: Vec<Tensor<'b>> = parts
        .iter()
        .map(|part| match part {
            Part::Grad(g) => per_example_sq_norm(*g),
            Part::Factors(f, a, g, None) => ghost_sq_bound(f, *a, *g),
            Part::Factors(f, a, g, Some(jac)) => ws_sq_bound(f, jac, *a, *g),
        })
        .collect();
    // Gram-form tensors' cross-example rounding, paid for by a smaller clip
    // target (`dp::float_bound`, "Cross-example rounding").
    let couplings = parts.iter().map(|part| match part {
        Part::Grad(_) => 0.0,
        Part::Factors(f, ..) => cross_example_coupling(f),
    });
    let beta = clipping
        .coupled_examples()
        .map_or(0.0, |m| rounding_charge(couplings, m));
    let cw = clip_weights_scaled(&sq, mask, clipping, clip_norm, 1.0 / (1.0 + beta));
    let sums = parts
        .iter()
        .zip(&cw.weights)
        .map(|(part, &w)| match part {
            Part::Grad(g) => weighted_sum(w, zero_non_finite(*g, cw.finite)),
            Part::Factors(f, a, g, jac) => {
                // Rows of weight 0 (padding, non-finite gradients) are zeroed
                // in both factors, so they add exactly nothing whatever their
                // values (0·NaN would be NaN).
                // The contraction runs in f64 (the f32 weight and factors
                // widen exactly), so its rounding is the γ_{PT+2}(2⁻⁵³) that
                // `ghost_sq_bound` accounts for; the sum is f64.
                let keep = w.compare(w.lit(0.0), CmpDir::Ne);
                let wide = |x: Tensor<'b>| zero_non_finite(x, keep).convert(DType::F64);
                // Weight standardisation: J once, in f64, after the
                // contraction (its rounding is in `ws_sq_bound`).
                let (w, a, g) = (w.convert(DType::F64), wide(*a), wide(*g));
                match jac {
                    None => factored_weighted_sum(f, w, a, g),
                    Some(jac) => ws_weighted_sum(f, jac, w, a, g),
                }
            }
        })
        .collect();
    ClippedSums {
        losses,
        sums,
        clipped: cw.clipped,
        finite: cw.finite,
    }
}

/// What the clipping needs of one tensor: its materialised per-example
/// gradient, or the factors `A`, `G` of its per-example contraction.
enum Part<'b> {
    Grad(Tensor<'b>),
    /// With the f64 WS Jacobian of a weight-standardised kernel.
    Factors(
        Box<FactoredGrad>,
        Tensor<'b>,
        Tensor<'b>,
        Option<WsJacobian<'b>>,
    ),
}
