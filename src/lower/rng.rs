//! Random numbers from a key: `stablehlo.rng_bit_generator` (THREE_FRY) turned
//! into uniform floats by the mantissa trick and into normals by Box–Muller.
//!
//! The key is a `ui32[4]`, reinterpreted as the `ui64[2]` THREE_FRY state. The
//! same key always gives the same numbers; callers split keys on the host so no
//! key is used twice (DP noise must never repeat).

use super::emit::Emitter;
use super::text::tensor_type_of;
use crate::trace::{Aval, DType};
use crate::{Error, Result};

use super::text::tensor_type_named as tt;

/// Emits uniform [0, 1) samples of `shape` in `dtype` (f32 or f64) and returns
/// the SSA name holding them.
fn uniform_in(em: &mut Emitter, key: &str, shape: &[usize], dtype: DType) -> Result<String> {
    // Bits per sample, how far to shift them into the mantissa, and the bit
    // pattern of 1.0: x = bitcast((bits >> shift) | one) lies in [1, 2).
    let (bits_elem, shift, one_bits) = match dtype {
        DType::F32 => ("ui32", 9u32, 0x3F80_0000u64.to_string()),
        DType::F64 => ("ui64", 12, 0x3FF0_0000_0000_0000u64.to_string()),
        other => {
            return Err(Error::Lower(format!(
                "random numbers are generated in f32 or f64, not {other}"
            )))
        }
    };
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
    let bits = format!("{gen}#1");
    let sh = em.splat_typed(&shift.to_string(), &bits_ty);
    let mant = em.fresh();
    em.op(
        &mant,
        "shift_right_logical",
        &[bits, sh],
        "",
        &[bits_ty.clone(), bits_ty.clone()],
        &bits_ty,
    );
    let one = em.splat_typed(&one_bits, &bits_ty);
    let ored = em.fresh();
    em.op(
        &ored,
        "or",
        &[mant, one],
        "",
        &[bits_ty.clone(), bits_ty.clone()],
        &bits_ty,
    );
    let fty = tensor_type_of(shape, dtype);
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
    Ok(u)
}

/// The dtype samples are computed in: bf16 is computed in f32 and rounded.
fn compute_dtype(dtype: DType) -> DType {
    if dtype == DType::BF16 {
        DType::F32
    } else {
        dtype
    }
}

/// Writes `value` (in the compute dtype) to `result`, converting to bf16 if needed.
fn finish(em: &mut Emitter, result: &str, value: String, shape: &[usize], dtype: DType) {
    let cd = compute_dtype(dtype);
    let from = tensor_type_of(shape, cd);
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
    let u = uniform_in(em, key, shape, compute_dtype(dtype))?;
    finish(em, result, u, shape, dtype);
    Ok(())
}

/// Box–Muller: z = sqrt(-2 ln(1 - u1)) · cos(2π u2), with u1, u2 uniform on
/// [0, 1) drawn as one [2, ...shape] array (1 - u1 lies in (0, 1], so the log
/// is finite).
pub(super) fn normal(
    em: &mut Emitter,
    result: &str,
    key: &str,
    shape: &[usize],
    dtype: DType,
    _out: &Aval,
) -> Result<()> {
    let cd = compute_dtype(dtype);
    let mut both_shape = vec![2];
    both_shape.extend_from_slice(shape);
    let both = uniform_in(em, key, &both_shape, cd)?;
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
    let z = bin(em, "multiply", radius, c);
    finish(em, result, z, shape, dtype);
    Ok(())
}
