//! Random numbers from a key: `stablehlo.rng_bit_generator` (THREE_FRY) turned
//! into uniform floats and into normals by Box–Muller.
//!
//! The key is a `ui32[4]`, reinterpreted as the `ui64[2]` THREE_FRY state. The
//! same key always gives the same numbers; callers split keys on the host so no
//! key is used twice (DP noise must never repeat).
//!
//! Normals are ALWAYS computed in f64 from 53-bit uniforms and then rounded to
//! the requested dtype. Box–Muller in f32 from 23-bit uniforms cannot exceed
//! |z| = √(46 ln 2) ≈ 5.65 and its tail takes only a few values: an output of the
//! Gaussian mechanism beyond that bound would then be impossible without the
//! target example, an infinite privacy loss (Mironov 2012, "On significance of
//! the least significant bits for differential privacy", studies the same
//! class of floating-point defects). With u1 = k·2⁻⁵³ the radius reaches
//! √(106 ln 2) ≈ 8.57, and the probability of a normal beyond it is ~1e-17.

use super::emit::Emitter;
use super::text::tensor_type_of;
use crate::trace::{Aval, DType};
use crate::{Error, Result};

use super::text::tensor_type_named as tt;

/// Emits `rng_bit_generator` bits (`ui32` or `ui64` elements) of `shape` from
/// the `ui32[4]` key and returns the SSA name holding them.
fn random_bits(em: &mut Emitter, key: &str, shape: &[usize], bits_elem: &str) -> String {
    let key2 = em.fresh();
    em.op(
        &key2,
        "reshape",
        &[key.to_string()],
        "",
        &[tt(&[4], "ui32")],
        &tt(&[2, 2], "ui32"),
    );
    let state = em.fresh();
    em.op(
        &state,
        "bitcast_convert",
        &[key2],
        "",
        &[tt(&[2, 2], "ui32")],
        &tt(&[2], "ui64"),
    );
    let gen = em.fresh();
    let bits_ty = tt(shape, bits_elem);
    em.raw_line(&format!(
        "{gen}:2 = \"stablehlo.rng_bit_generator\"({state}) {{rng_algorithm = \
         #stablehlo<rng_algorithm THREE_FRY>}} : ({}) -> ({}, {bits_ty})",
        tt(&[2], "ui64"),
        tt(&[2], "ui64")
    ));
    format!("{gen}#1")
}

/// Uniform [0, 1) samples from random bits (`ui32` for f32, `ui64` for f64).
///
/// f64: u = (bits >> 11)·2⁻⁵³, all 2⁵³ multiples of 2⁻⁵³ in [0, 1), so 1 − u is
/// exact and never 0. f32: the mantissa trick, x = bitcast((bits >> 9) | 1.0)
/// in [1, 2), minus 1 (23-bit uniforms; not used for noise).
fn uniform_from_bits(em: &mut Emitter, bits: String, shape: &[usize], dtype: DType) -> String {
    let fty = tensor_type_of(shape, dtype);
    if dtype == DType::F64 {
        let bits_ty = tt(shape, "ui64");
        let sh = em.splat_typed("11", &bits_ty);
        let top = em.fresh();
        em.op(
            &top,
            "shift_right_logical",
            &[bits, sh],
            "",
            &[bits_ty.clone(), bits_ty.clone()],
            &bits_ty,
        );
        // Integers below 2⁵³ convert to f64 exactly.
        let k = em.fresh();
        em.op(&k, "convert", &[top], "", &[bits_ty], &fty);
        let scale = em.splat(
            &super::text::scalar_literal((-53f64).exp2(), None, dtype),
            shape,
            dtype,
        );
        let u = em.fresh();
        em.op(
            &u,
            "multiply",
            &[k, scale],
            "",
            &[fty.clone(), fty.clone()],
            &fty,
        );
        return u;
    }
    let bits_ty = tt(shape, "ui32");
    let sh = em.splat_typed("9", &bits_ty);
    let mant = em.fresh();
    em.op(
        &mant,
        "shift_right_logical",
        &[bits, sh],
        "",
        &[bits_ty.clone(), bits_ty.clone()],
        &bits_ty,
    );
    let one = em.splat_typed(&0x3F80_0000u64.to_string(), &bits_ty);
    let ored = em.fresh();
    em.op(
        &ored,
        "or",
        &[mant, one],
        "",
        &[bits_ty.clone(), bits_ty.clone()],
        &bits_ty,
    );
    let in_one_two = em.fresh();
    em.op(
        &in_one_two,
        "bitcast_convert",
        &[ored],
        "",
        &[bits_ty],
        &fty,
    );
    let onef = em.splat(&super::text::scalar_literal(1.0, None, dtype), shape, dtype);
    let u = em.fresh();
    em.op(
        &u,
        "subtract",
        &[in_one_two, onef],
        "",
        &[fty.clone(), fty.clone()],
        &fty,
    );
    u
}

/// Emits uniform [0, 1) samples of `shape` in `dtype` (f32 or f64).
fn uniform_in(em: &mut Emitter, key: &str, shape: &[usize], dtype: DType) -> Result<String> {
    let elem = match dtype {
        DType::F32 => "ui32",
        DType::F64 => "ui64",
        other => {
            return Err(Error::Lower(format!(
                "random numbers are generated in f32 or f64, not {other}"
            )))
        }
    };
    let bits = random_bits(em, key, shape, elem);
    Ok(uniform_from_bits(em, bits, shape, dtype))
}

/// The dtype uniforms are computed in: bf16 is computed in f32 and rounded.
fn compute_dtype(dtype: DType) -> DType {
    if dtype == DType::BF16 {
        DType::F32
    } else {
        dtype
    }
}

/// Writes `value` (of dtype `from`) to `result`, converting to `dtype`.
fn finish(
    em: &mut Emitter,
    result: &str,
    value: String,
    shape: &[usize],
    from: DType,
    dtype: DType,
) {
    let from = tensor_type_of(shape, from);
    let to = tensor_type_of(shape, dtype);
    em.op(result, "convert", &[value], "", &[from], &to);
}

pub(super) fn uniform(
    em: &mut Emitter,
    result: &str,
    key: &str,
    shape: &[usize],
    dtype: DType,
    _out: &Aval,
) -> Result<()> {
    let cd = compute_dtype(dtype);
    let u = uniform_in(em, key, shape, cd)?;
    finish(em, result, u, shape, cd, dtype);
    Ok(())
}

/// Standard normals of any float dtype: 53-bit uniforms, Box–Muller in f64,
/// then rounded to `dtype` (see the module doc for why never in f32).
pub(super) fn normal(
    em: &mut Emitter,
    result: &str,
    key: &str,
    shape: &[usize],
    dtype: DType,
    _out: &Aval,
) -> Result<()> {
    if !dtype.is_float() {
        return Err(Error::Lower(format!(
            "normal samples are floating point, not {dtype}"
        )));
    }
    let mut both_shape = vec![2];
    both_shape.extend_from_slice(shape);
    let bits = random_bits(em, key, &both_shape, "ui64");
    let z = box_muller_f64(em, bits, shape);
    finish(em, result, z, shape, DType::F64, dtype);
    Ok(())
}

/// Box–Muller in f64 from `ui64[2, ...shape]` bits: z = √(−2 ln(1 − u1))·cos(2π u2)
/// with u1, u2 the two halves as 53-bit uniforms (1 − u1 ∈ [2⁻⁵³, 1], so the
/// log is finite). Returns the f64 normals.
fn box_muller_f64(em: &mut Emitter, bits: String, shape: &[usize]) -> String {
    let cd = DType::F64;
    let mut both_shape = vec![2];
    both_shape.extend_from_slice(shape);
    let both = uniform_from_bits(em, bits, &both_shape, cd);
    let both_ty = tensor_type_of(&both_shape, cd);
    let mut one_shape = vec![1];
    one_shape.extend_from_slice(shape);
    let one_ty = tensor_type_of(&one_shape, cd);
    let ty = tensor_type_of(shape, cd);
    let rank = both_shape.len();
    let half = |em: &mut Emitter, i: usize| {
        let mut start = vec![0usize; rank];
        start[0] = i;
        let mut limit = both_shape.clone();
        limit[0] = i + 1;
        let sl = em.fresh();
        em.op(
            &sl,
            "slice",
            std::slice::from_ref(&both),
            &format!(
                "start_indices = {}, limit_indices = {}, strides = {}",
                super::text::usize_array(&start),
                super::text::usize_array(&limit),
                super::text::usize_array(&vec![1; rank])
            ),
            std::slice::from_ref(&both_ty),
            &one_ty,
        );
        let r = em.fresh();
        em.op(&r, "reshape", &[sl], "", std::slice::from_ref(&one_ty), &ty);
        r
    };
    let u1 = half(em, 0);
    let u2 = half(em, 1);
    let lit = |x: f64| super::text::scalar_literal(x, None, cd);
    let bin = |em: &mut Emitter, op: &str, a: String, b: String| {
        let r = em.fresh();
        em.op(&r, op, &[a, b], "", &[ty.clone(), ty.clone()], &ty);
        r
    };
    let un = |em: &mut Emitter, op: &str, a: String| {
        let r = em.fresh();
        em.op(&r, op, &[a], "", std::slice::from_ref(&ty), &ty);
        r
    };
    let one = em.splat(&lit(1.0), shape, cd);
    let v = bin(em, "subtract", one, u1);
    let lg = un(em, "log", v);
    let m2 = em.splat(&lit(-2.0), shape, cd);
    let t = bin(em, "multiply", m2, lg);
    let radius = un(em, "sqrt", t);
    let two_pi = em.splat(&lit(std::f64::consts::TAU), shape, cd);
    let angle = bin(em, "multiply", two_pi, u2);
    let c = un(em, "cosine", angle);
    bin(em, "multiply", radius, c)
}

/// A StableHLO module that applies the noise sampler to GIVEN bits, so tests
/// can reach its extreme outputs: `@main(bits: ui32[2, n, 2]) -> f32[n]`, the
/// pairs of `ui32` read as little-endian `ui64` words (half 0 gives u1, half 1
/// gives u2), through exactly the transform `rng_normal` lowers to.
pub fn normal_from_bits_module(n: usize) -> String {
    let graph = crate::trace::Graph::default();
    let mut em = Emitter::new(&graph);
    let arg = "%bits".to_string();
    let in_ty = tt(&[2, n, 2], "ui32");
    let words = em.fresh();
    em.op(
        &words,
        "bitcast_convert",
        std::slice::from_ref(&arg),
        "",
        std::slice::from_ref(&in_ty),
        &tt(&[2, n], "ui64"),
    );
    let z = box_muller_f64(&mut em, words, &[n]);
    let out = em.fresh();
    finish(&mut em, &out, z, &[n], DType::F64, DType::F32);
    let out_ty = tensor_type_of(&[n], DType::F32);
    format!(
        "module @dpxla {{\n  func.func public @main({arg}: {in_ty}) -> ({out_ty}) {{\n{}    \
         \"func.return\"({out}) : ({out_ty}) -> ()\n  }}\n}}\n",
        em.body
    )
}
