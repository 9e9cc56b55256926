//! Box–Muller pairs (Box & Muller 1958, "A note on the generation of random
//! normal deviates", Ann. Math. Statist. 29(2)): from a uniform radius variable
//! u ∈ (0, 1) and angle θ ∈ [0, 2π), r = √(−2 ln u) and (r cos θ, r sin θ) are
//! two INDEPENDENT standard normals, so one pair of uniforms gives two outputs.
//!
//! The radius uniform has 64 bits, from two `ui32` words (hi, lo):
//! u = (hi·2³² + lo + ½)·2⁻⁶⁴, the midpoints of the 2⁶⁴ cells of (0, 1). Its
//! complement 1 − u = (¬hi·2³² + ¬lo + ½)·2⁻⁶⁴ has the same form with the
//! words' bitwise complements, so with b = (hi ≥ 2³¹) (u > ½) the smaller of u
//! and 1 − u is w = (h·2³² + l + ½)·2⁻⁶⁴, (h, l) = b ? (¬hi, ¬lo) : (hi, lo),
//! computed as h·2⁻³² + (l + ½)·2⁻⁶⁴ from u32 → float conversions (each
//! rounding is relative, so w has the full relative precision of the float
//! type, however small it is), and
//!
//!   ln u = b ? ln(1 − w) : ln w.
//!
//! For b = 0, |ln w| ≥ ln 2 and `log(w)` is accurate to a few ulps of the
//! result. For b = 1, 1 − w is split exactly as y + e with y = fl(1 − w) and
//! e = (1 − y) − w (Fast2Sum, Dekker 1971: 1 − y is exact by Sterbenz's lemma
//! since y ∈ [½, 1]), and ln(1 − w) = log(y) + e·(1 + O(w)), where log(y) is
//! exact to a few ulps for y near 1 (the (y − 1) reduction of Cephes-style
//! logs is exact) and e restores what rounding 1 − w lost. One `log` per pair
//! (a `log_plus_one` branch cost 2.5x more on XLA CPU); the relative error of
//! ln u is a few 2⁻²⁴ everywhere, checked against an f64 host reference in
//! `crates/dpxla-train/tests/noise_tail.rs`. No 1 − u is ever rounded without its error term, so
//! neither the tail (u small) nor the body (u near 1) is quantised by the
//! arithmetic: the only grid is the 2⁻⁶⁴ one of u.
//!
//! The smallest w is 2⁻⁶⁵ (h = l = 0), so the largest reachable radius is
//! √(130 ln 2) ≈ 9.49; P(|z| > 9.49) ≈ 2·10⁻²¹. For comparison, f32 Box–Muller
//! from 23-bit uniforms stops at √(46 ln 2) ≈ 5.65 (the defect Mironov 2012
//! studies for the Laplace mechanism: an impossible output reveals the input).
//!
//! The angle: f32 samples use one word, θ = 2π·(word·2⁻³²) in f32; f64 samples
//! use two words, a 53-bit uniform. The two outputs are written as rows of a
//! `[2, m]` tensor, row j = r·cos(θ − j·π/2) (row 1 = r sin θ), with r and θ
//! broadcast along the rows: no `concatenate`, one trigonometric evaluation per
//! output, and the radius computed once per pair.

use super::super::text::tensor_type_of;
use super::bits::Ew;
use super::uniform::unit_f64;
use dpxla_core::array::DType;
use std::f64::consts::{FRAC_PI_2, TAU};

/// `ui32` words per PAIR of normals computed in `cd`: two for the radius, one
/// (f32) or two (f64) for the angle.
pub fn words_per_pair(cd: DType) -> usize {
    if cd == DType::F64 {
        4
    } else {
        3
    }
}

/// ln u of the module doc, in `cd`, from the radius words (hi, lo).
fn log_radius_uniform(ew: &mut Ew, hi: &str, lo: &str, cd: DType) -> String {
    let half = ew.splat(2_147_483_648.0, DType::U32);
    let upper = ew.ge_u32(hi, &half);
    let nhi = ew.un("not", hi, DType::U32);
    let nlo = ew.un("not", lo, DType::U32);
    let h = ew.select(&upper, &nhi, hi, DType::U32);
    let l = ew.select(&upper, &nlo, lo, DType::U32);
    let hf = ew.convert(&h, DType::U32, cd);
    let lf = ew.convert(&l, DType::U32, cd);
    let hs = ew.bin_const("multiply", &hf, (-32f64).exp2(), cd);
    let lh = ew.bin_const("add", &lf, 0.5, cd);
    let ls = ew.bin_const("multiply", &lh, (-64f64).exp2(), cd);
    let w = ew.bin("add", &hs, &ls, cd);
    // 1 − w = y + e exactly: y = fl(1 − w), e = (1 − y) − w (Fast2Sum).
    let one = ew.splat(1.0, cd);
    let y = ew.bin("subtract", &one, &w, cd);
    let one_minus_y = ew.bin("subtract", &one, &y, cd);
    let e = ew.bin("subtract", &one_minus_y, &w, cd);
    let v = ew.select(&upper, &y, &w, cd);
    let ln_v = ew.un("log", &v, cd);
    let zero = ew.splat(0.0, cd);
    let corr = ew.select(&upper, &e, &zero, cd);
    ew.bin("add", &ln_v, &corr, cd)
}

/// Normals from `words: ui32[words_per_pair(cd), m]`, computed in `cd` (f32 or
/// f64): returns `cd[2, m]`, row 0 the cosine outputs and row 1 the sine
/// outputs of the m pairs.
pub fn box_muller_pairs(
    em: &mut super::super::emit::Emitter,
    words: &str,
    m: usize,
    cd: DType,
) -> String {
    let k = words_per_pair(cd);
    let mut ew = Ew { em, shape: vec![m] };
    let hi = ew.row(words, k, 0);
    let lo = ew.row(words, k, 1);
    let ln_u = log_radius_uniform(&mut ew, &hi, &lo, cd);
    let r2 = ew.bin_const("multiply", &ln_u, -2.0, cd);
    let radius = ew.un("sqrt", &r2, cd);
    let turns = if cd == DType::F64 {
        let a_hi = ew.row(words, k, 2);
        let a_lo = ew.row(words, k, 3);
        unit_f64(&mut ew, &a_hi, &a_lo)
    } else {
        let a = ew.row(words, k, 2);
        let af = ew.convert(&a, DType::U32, cd);
        ew.bin_const("multiply", &af, (-32f64).exp2(), cd)
    };
    let theta = ew.bin_const("multiply", &turns, TAU, cd);
    // Rows: broadcast r and θ to [2, m], shift row j by j·π/2.
    let em = ew.em;
    let row_ty = tensor_type_of(&[m], cd);
    let both_ty = tensor_type_of(&[2, m], cd);
    let bcast = |em: &mut super::super::emit::Emitter, x: &str| {
        let r = em.fresh();
        em.op(
            &r,
            "broadcast_in_dim",
            &[x.to_string()],
            "broadcast_dimensions = array<i64: 1>",
            std::slice::from_ref(&row_ty),
            &both_ty,
        );
        r
    };
    let theta2 = bcast(em, &theta);
    let radius2 = bcast(em, &radius);
    let j = em.fresh();
    em.op(&j, "iota", &[], "iota_dimension = 0 : i64", &[], &both_ty);
    let mut ew = Ew {
        em,
        shape: vec![2, m],
    };
    let shift = ew.bin_const("multiply", &j, FRAC_PI_2, cd);
    let phase = ew.bin("subtract", &theta2, &shift, cd);
    let c = ew.un("cosine", &phase, cd);
    ew.bin("multiply", &radius2, &c, cd)
}
