//! A proven upper bound on the norm of what the book-keeping contraction
//! actually adds for each example (issue 27, item 4; DP invariant 2).
//!
//! The ghost norm ĝ_b of a factored gradient M_b = A_bᵀG_b (T positions, I
//! and J free elements; `transform::ghost`) is computed in f64 by the Gram
//! form, and the clipped sum Σ_b w_b·M_b is ONE f64 contraction over the
//! examples and positions. Neither is exact. With u = 2⁻⁵³ and
//! γ_n = nu/(1 − nu) (Higham, "Accuracy and Stability of Numerical
//! Algorithms", 2nd ed., §3.1, Lemma 3.1 and eq. (3.4) for inner products;
//! Lemma 3.3 to combine the factors), for f32 factors widened to f64 (a
//! product of two f32 values is exact in f64):
//!
//! - Gram form: each Gram entry is an inner product of length I (or J), so
//!   |ĝ²_b − ‖M_b‖²| ≤ γ_{I+J+T²}·Σ_{p,q}(|A||A|ᵀ)_{pq}(|G||G|ᵀ)_{pq}
//!   = γ_{I+J+T²}·‖|A_b|ᵀ|G_b|‖²_F ≤ γ_{I+J+T²}·‖A_b‖²‖G_b‖² (Cauchy–Schwarz).
//!   ĝ² can be far off, even negative, when M_b is small next to ‖A_b‖‖G_b‖.
//! - Contraction: every output entry is an inner product of length P·T with
//!   one extra product (the weight), so (backward form, eq. (3.4)) the result
//!   is exactly Σ_b w_b·M̃_b with ‖M̃_b − M_b‖_F ≤ γ_{PT+2}·‖|A_b|ᵀ|G_b|‖_F
//!   ≤ γ_{PT+2}·‖A_b‖‖G_b‖, for any summation order.
//!
//! So U_b = √(max(0, ĝ²_b) + κ₁‖A_b‖²‖G_b‖²) + κ₂‖A_b‖‖G_b‖ with
//! κ₁ = γ_{I+J+T²} and κ₂ = γ_{PT+2} bounds ‖M̃_b‖. Computing U_b itself
//! (‖A_b‖², ‖G_b‖² in f64, the κ products, the square root) adds relative
//! errors of order γ_{T(I+J)} ≤ 1e-8, inside `CLIP_MARGIN` as the
//! materialised norm's are (`dp::clip`), so clipping to C/U_b gives
//! ‖w_b·M̃_b‖ ≤ C.
//!
//! Where both error terms are tiny next to the estimate (κ₁‖A‖²‖G‖² ≤ ρ·ĝ²
//! and κ₂‖A‖‖G‖ ≤ ρ·ĝ, ρ = [`RELATIVE_SLACK`]), U_b ≤ ĝ_b(1 + 1.5ρ): ĝ_b
//! itself is then used, its relative shortfall of at most 1.5e-7 being
//! inside `CLIP_MARGIN` (1e-6) with the other relative errors (≤ 2e-7 in
//! all, `dp::clip::CLIP_MARGIN`). Ordinary data is therefore clipped by
//! the same norm as before (κ's in f64 are ≤ γ_{10⁶} ≈ 1.1e-10); only
//! cancellation (A = [1,1,1,1], G = [2⁵³, 1.5, −2⁵³, −1.5]) takes the full
//! bound, and its weight shrinks accordingly. An f32 contraction would need
//! κ₂ = γ_{PT}(2⁻²⁴) ≈ 1.6e-2 at P = 256, T = 1024, over-clipping ordinary
//! convolutions by percents: hence f64 (docs/design.md, DP invariant 2).
//!
//! # Cross-example rounding (issue 27, item 4)
//!
//! The backward form above makes the contraction's result exactly
//! Σ_b w_b·M̃_b, but M̃_b depends on the summation order, hence on the other
//! examples: adding or removing one example x moves the released sum by x's
//! own ‖w_x·M̃_x‖ ≤ C plus Σ_{b≠x} w_b‖M̃_b(D) − M̃_b(D′)‖ ≤ Σ_b 2κ₂·w_b‖A_b‖‖G_b‖
//! (every later microbatch is re-formed, so every other example of the
//! logical batch counts). [`ghost_sq_bound`] keeps U_b ≥ λ‖A_b‖‖G_b‖
//! ([`GRAM_RATIO_FLOOR`]) and w_b·U_b ≤ C, so each other example adds at
//! most 2κ₂C/λ per Gram-form tensor ([`cross_example_coupling`]); with at
//! most m others (`Clipping::coupled_examples`: the batch cap, or N + 1),
//! clipping to C/(1 + β), β = m·Σ_t 2κ₂,t/λ ([`rounding_charge`]), keeps the
//! whole move ≤ C. Example: T = 64, P = 256 (κ₂ = γ_{16386} ≈ 1.8e-12) gives
//! 3.6e-8 per tensor and example, β ≈ 2.2e-3 for 3 such tensors at
//! m = 20,000. Without the floor the per-example term was 2κ₂/√κ₁ (≈ 5e-6
//! at P = 256, T = 1024), which summed to 0.4·C at |B| = 8192 over 10 tensors.

use dpxla_core::trace::{CmpDir, Tensor};

use dpxla_core::array::DType;
use dpxla_core::transform::ghost::{factored_sq_norm, FactoredGrad};

/// The unit roundoff of f64, 2⁻⁵³.
pub const U64: f64 = f64::EPSILON / 2.0;

/// γ_n = nu/(1 − nu) (Higham §3.1); +∞ when nu ≥ 1 (no bound).
pub fn gamma(n: usize, u: f64) -> f64 {
    let nu = n as f64 * u;
    if nu >= 1.0 {
        f64::INFINITY
    } else {
        nu / (1.0 - nu)
    }
}

/// (κ₁, κ₂) of the module docs for `f`'s shapes: the Gram form's and the
/// f64 contraction's error coefficients.
pub fn kappas(f: &FactoredGrad) -> (f64, f64) {
    let t = f.positions.max(1);
    let k1 = gamma(f.lhs_free + f.rhs_free + t * t, U64);
    let k2 = gamma(f.batch * t + 2, U64);
    (k1, k2)
}

/// U_b² per example, `[B]` f64 (module docs): an upper bound on the squared
/// norm of what the f64 book-keeping contraction adds for example b, from
/// the factors `a`, `g` (any float dtype; widened to f64 here).
///
/// With one position (a dense layer) the Gram form is ‖a‖²‖g‖², which has
/// only a relative error (≤ γ_{I+J+1}, no cancellation), and the contraction
/// over the P examples another relative γ_{P+2}: both far inside
/// `CLIP_MARGIN`, so the plain product is returned.
pub fn ghost_sq_bound<'b>(f: &FactoredGrad, a: Tensor<'b>, g: Tensor<'b>) -> Tensor<'b> {
    let (a, g) = (a.convert(DType::F64), g.convert(DType::F64));
    let est = factored_sq_norm(f, a, g);
    if f.positions <= 1 {
        return est;
    }
    let sq_all = |x: Tensor<'b>| {
        let axes: Vec<usize> = (1..x.rank()).collect();
        (x * x).sum(&axes)
    };
    // ‖A_b‖²‖G_b‖² (the one-position case of the same function).
    let ag = sq_all(a) * sq_all(g);
    let (k1, k2) = kappas(f);
    let est = est.max(est.lit(0.0));
    let strict = (est + ag * k1).sqrt() + ag.sqrt() * k2;
    // κ₁·ag ≤ ρ·est and (κ₂·√ag)² ≤ ρ²·est in one comparison; false for NaN,
    // which then stays NaN (a non-finite example gets weight 0).
    let rho = RELATIVE_SLACK;
    let tiny = (ag * (k1 / rho).max(k2 * k2 / (rho * rho))).compare(est, CmpDir::Le);
    // The floor U_b ≥ λ‖A_b‖‖G_b‖ ([`GRAM_RATIO_FLOOR`]) caps w_b‖A_b‖‖G_b‖ at
    // C/λ, which bounds this example's rounding inside the OTHER examples'
    // sums ([`cross_example_coupling`]). NaN stays NaN (maximum propagates it).
    let bound = tiny.select(est, strict * strict);
    bound.max(ag * (GRAM_RATIO_FLOOR * GRAM_RATIO_FLOOR))
}

/// λ: a Gram-form tensor (T > 1) is clipped by at least λ·‖A_b‖‖G_b‖ (module
/// docs, "Cross-example rounding"). Ordinary data has ĝ_b/(‖A_b‖‖G_b‖) of
/// order 1/√T or more (independent positions) and is not affected; only an
/// example whose positions cancel to below 1e-4 of their magnitudes is
/// clipped harder than its norm asks, which is still a function of that
/// example alone.
pub const GRAM_RATIO_FLOOR: f64 = 1e-4;

/// How far, relative to C, one example's rounding inside the f64
/// book-keeping contraction of `f` can move when another example is added
/// to or removed from the logical batch (module docs, "Cross-example
/// rounding"): 2κ₂/λ for a Gram-form tensor (T > 1), 0 with one position
/// (its terms are bounded by its own clipped norm, and the coupling,
/// ≤ 2γ_{P+2}·C per example, is inside `CLIP_MARGIN` as the weighted sum's is).
pub fn cross_example_coupling(f: &FactoredGrad) -> f64 {
    if f.positions <= 1 {
        return 0.0;
    }
    let (_, k2) = kappas(f);
    2.0 * k2 / GRAM_RATIO_FLOOR
}

/// β = `others` · Σ `couplings`: the clip target becomes C/(1 + β), so that
/// the sum over a logical batch of at most `others` + 1 examples moves by at
/// most C when one example is added or removed, rounding included (module
/// docs, "Cross-example rounding").
pub fn rounding_charge(couplings: impl IntoIterator<Item = f64>, others: usize) -> f64 {
    others as f64 * couplings.into_iter().sum::<f64>()
}

/// ρ: the relative shortfall of the plain Gram estimate that `CLIP_MARGIN`
/// absorbs in [`ghost_sq_bound`] (module docs).
pub const RELATIVE_SLACK: f64 = 1e-7;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gamma_is_nu_over_one_minus_nu_and_infinite_past_one() {
        assert!((gamma(1000, U64) / (1000.0 * U64) - 1.0).abs() < 1e-12);
        assert_eq!(gamma(4, 0.25), f64::INFINITY);
        assert!(gamma(2, 0.25) == 1.0);
    }
}
