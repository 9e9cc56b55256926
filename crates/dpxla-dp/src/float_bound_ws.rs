//! The float bound of a weight-standardised factored tensor (issue 24 item 2;
//! DP invariant 2; derivation in docs/design.md, "Book-keeping through weight
//! standardisation", *Float bound*).
//!
//! What is summed for example b is Ĵ(ṽ_b) + δ_b: ṽ_b is b's share of the f64
//! book-keeping contraction (‖ṽ_b − M_b‖ ≤ κ₂‖A_b‖‖G_b‖, `dp::float_bound`),
//! Ĵ the exact linear map with the computed ŵ, 1/s, β (data-independent),
//! and δ_b b's share of the rounding of applying Ĵ once in f64 to the sum
//! (‖δ_b‖ ≤ 3γ_{n+4}‖Ĵ‖‖ṽ_b‖). With L = ‖Ĵ‖ ≤ max_o 1/s_o:
//!
//! ```text
//! ‖Ĵṽ_b + δ_b‖ ≤ ‖ĴM_b‖ + L(κ₂ + 3γ_{n+4}(1 + κ₂) + 2u)‖A_b‖‖G_b‖
//! |est_b − ‖ĴM_b‖²| ≤ κ_J·L²‖A_b‖²‖G_b‖²,
//! κ_J = κ₁ + 3(2γ_{TI+2} + γ_{TI+2}²) + 2η/√n + 3γ_{O+3}
//! ```
//!
//! (the 2u: rounding G' = G·(1/s); η ≥ max_o |1ᵀŵ_o|, the computed ŵ's
//! departure from centred, bounded at run time with the rounding of its own
//! sum). So U_b = √(max(0, est_b) + κ_J·L²‖A_b‖²‖G_b‖²) + L·κ'·‖A_b‖‖G_b‖
//! bounds what is summed, and the plain estimate is used where both error
//! terms are below `RELATIVE_SLACK` of it, as for other Gram-form tensors;
//! U_b is floored at λ·L‖A_b‖‖G_b‖ as theirs at λ‖A_b‖‖G_b‖, which bounds
//! the cross-example rounding ([`ws_cross_example_coupling`]).

use dpxla_core::array::DType;
use dpxla_core::trace::{CmpDir, Tensor};
use dpxla_core::transform::ghost::FactoredGrad;
use dpxla_core::transform::ghost_ws::ws_norm_parts;
use dpxla_core::transform::ws_jacobian::WsJacobian;

use super::float_bound::{gamma, kappas, GRAM_RATIO_FLOOR, RELATIVE_SLACK, U64};

/// U_b² per example, `[B]` f64 (module docs), for the WS factored tensor `f`
/// with the f64 Jacobian `jac` and factors `a`, `g` (widened to f64 here).
pub fn ws_sq_bound<'b>(
    f: &FactoredGrad,
    jac: &WsJacobian<'b>,
    a: Tensor<'b>,
    g: Tensor<'b>,
) -> Tensor<'b> {
    let (a, g) = (a.convert(DType::F64), g.convert(DType::F64));
    let (sq, ones_dot, what_dot) = ws_norm_parts(f, jac, a, g);
    let est = jac.sq_norm(sq, ones_dot, what_dot);
    let bsz = [f.batch];
    let scalar = |x: Tensor<'b>| x.broadcast_in_dim(&bsz, &[]);
    let sq_all = |x: Tensor<'b>| {
        let axes: Vec<usize> = (1..x.rank()).collect();
        (x * x).sum(&axes)
    };
    let l = jac.op_norm();
    let l2ag = sq_all(a) * sq_all(g) * scalar(l * l);
    let (k1, k2) = kappas(f);
    let n = jac.fan_in;
    let t = f.positions.max(1);
    let g_ti = gamma(t * f.lhs_free + 2, U64);
    let static_kj = k1 + 3.0 * (2.0 * g_ti + g_ti * g_ti) + 3.0 * gamma(f.rhs_free + 3, U64);
    // η: |1ᵀŵ_o| as computed, plus that sum's own rounding (γ_n Σ|ŵ_o|).
    let col: Vec<usize> = (0..jac.what.rank() - 1).collect();
    let eta =
        (jac.what.sum(&col).abs() + jac.what.abs().sum(&col) * gamma(n, U64)).reduce_max(&[0]);
    let kj = eta * (2.0 / (n as f64).sqrt()) + static_kj;
    let kk = k2 + 3.0 * gamma(n + 4, U64) * (1.0 + k2) + 2.0 * U64;
    let est0 = est.max(est.lit(0.0));
    let strict = (est0 + l2ag * scalar(kj)).sqrt() + l2ag.sqrt() * kk;
    // Both error terms below ρ of the estimate (false for NaN, which then
    // stays NaN: a non-finite example gets weight 0).
    let rho = RELATIVE_SLACK;
    let lim = (kj * (1.0 / rho)).max(kj.lit(kk * kk / (rho * rho)));
    let tiny = (l2ag * scalar(lim)).compare(est, CmpDir::Le);
    // The floor U_b ≥ λ·L‖A_b‖‖G_b‖ (`GRAM_RATIO_FLOOR`) bounds this example's
    // rounding inside the other examples' sums ([`ws_cross_example_coupling`]),
    // at every number of positions (J's own rounding couples them even at
    // T = 1). NaN stays NaN.
    let bound = tiny.select(est, strict * strict);
    bound.max(l2ag * (GRAM_RATIO_FLOOR * GRAM_RATIO_FLOOR))
}

/// `dp::float_bound::cross_example_coupling` of a WS tensor (module docs;
/// docs/design.md, DP invariant 2): the contraction's rounding of the other
/// examples moves Ĵ's image by ≤ 2κ₂L‖A_b‖‖G_b‖ each, and applying Ĵ to a
/// sum that changes moves its rounding by ≤ 3γ_{n+4}L(‖S‖ + ‖S′‖) ≤
/// 6γ_{n+4}(1 + κ₂)·Σ_b w_b·L‖A_b‖‖G_b‖; with w_b·L‖A_b‖‖G_b‖ ≤ C/λ (the
/// floor of [`ws_sq_bound`]) each other example adds at most
/// (2κ₂ + 6γ_{n+4}(1 + κ₂))·C/λ, at any number of positions. n = fan_in is
/// the contraction's lhs free size (the channel is its only rhs free dim).
pub fn ws_cross_example_coupling(f: &FactoredGrad) -> f64 {
    let (_, k2) = kappas(f);
    (2.0 * k2 + 6.0 * gamma(f.lhs_free + 4, U64) * (1.0 + k2)) / GRAM_RATIO_FLOOR
}
