//! Random numbers from a key: `stablehlo.rng_bit_generator` (THREE_FRY) `ui32`
//! words turned into uniform floats, and into normals by Box–Muller pairs.
//!
//! The key is a `ui32[4]`, bitcast to the `ui64[2]` THREE_FRY state the spec
//! requires (`bits.rs`); that bitcast is the only 64-bit integer value: words,
//! masks and conversions are `ui32`, so the samplers compile where 64-bit
//! integers are emulated (issue 23, item 5). The same key always gives the same
//! numbers; callers split keys on the host so no key is used twice (DP noise
//! must never repeat).
//!
//! Normals (`normal.rs`): each pair of outputs comes from a 64-bit radius
//! uniform and an angle, r = √(−2 ln u) computed without ever rounding 1 − u
//! (log of the smaller of u and 1 − u, or log1p of its negation), so the tail
//! reaches √(130 ln 2) ≈ 9.49 with the full precision of the compute type and
//! no truncation below it. f32, bf16 outputs are computed in f32 (no f64 on
//! the device: TPUs emulate it), f64 outputs in f64. Why the reach matters:
//! Box–Muller from 23-bit uniforms cannot exceed √(46 ln 2) ≈ 5.65, and an
//! output of the Gaussian mechanism beyond that bound would be impossible
//! without the target example, an infinite privacy loss (Mironov 2012, "On
//! significance of the least significant bits for differential privacy").
//! Tests: `crates/dpxla-train/tests/noise_tail.rs` (reachable maximum, conditioned tail counts
//! beyond 4σ/6σ/8σ, moments and accuracy against an f64 host reference).

mod bits;
mod normal;
mod uniform;

use super::emit::Emitter;
use super::text::{tensor_type_named as tt, tensor_type_of, usize_array};
use crate::{Error, Result};
use bits::{random_words, Ew};
use dpxla_core::array::DType;
use dpxla_core::trace::Aval;

/// The dtype samples are computed in: f64 for f64, f32 for the rest.
fn compute_dtype(dtype: DType) -> DType {
    if dtype == DType::F64 {
        DType::F64
    } else {
        DType::F32
    }
}

/// Writes `value` (of dtype `from`, `shape`) to `result` as `dtype`.
fn finish(em: &mut Emitter, result: &str, value: &str, shape: &[usize], from: DType, dtype: DType) {
    let from = tensor_type_of(shape, from);
    let to = tensor_type_of(shape, dtype);
    em.op(result, "convert", &[value.to_string()], "", &[from], &to);
}

pub(super) fn uniform(
    em: &mut Emitter,
    result: &str,
    key: &str,
    shape: &[usize],
    dtype: DType,
    _out: &Aval,
) -> Result<()> {
    if !matches!(dtype, DType::F32 | DType::F64 | DType::BF16) {
        return Err(Error::Lower(format!(
            "random numbers are generated in f32 or f64, not {dtype}"
        )));
    }
    let cd = compute_dtype(dtype);
    let mut words_shape = vec![uniform::words_for(cd)];
    words_shape.extend_from_slice(shape);
    let words = random_words(em, key, &words_shape);
    let mut ew = Ew {
        em,
        shape: shape.to_vec(),
    };
    let u = uniform::uniform_from_words(&mut ew, &words, cd);
    finish(em, result, &u, shape, cd, dtype);
    Ok(())
}

/// Standard normals of any float dtype (module doc): ⌈n/2⌉ Box–Muller pairs,
/// the cosine outputs first, then the sine outputs, cut to n and reshaped.
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
    let cd = compute_dtype(dtype);
    let n: usize = shape.iter().product();
    let m = n.div_ceil(2).max(1);
    let words = random_words(em, key, &[normal::words_per_pair(cd), m]);
    let pairs = normal::box_muller_pairs(em, &words, m, cd);
    let flat = em.fresh();
    em.op(
        &flat,
        "reshape",
        &[pairs],
        "",
        &[tensor_type_of(&[2, m], cd)],
        &tensor_type_of(&[2 * m], cd),
    );
    let cut = if 2 * m == n {
        flat
    } else {
        let c = em.fresh();
        em.op(
            &c,
            "slice",
            &[flat],
            &format!(
                "start_indices = {}, limit_indices = {}, strides = {}",
                usize_array(&[0]),
                usize_array(&[n]),
                usize_array(&[1])
            ),
            &[tensor_type_of(&[2 * m], cd)],
            &tensor_type_of(&[n], cd),
        );
        c
    };
    let shaped = em.fresh();
    em.op(
        &shaped,
        "reshape",
        &[cut],
        "",
        &[tensor_type_of(&[n], cd)],
        &tensor_type_of(shape, cd),
    );
    finish(em, result, &shaped, shape, cd, dtype);
    Ok(())
}

/// `ui32` words per pair of normals of `dtype` (3 for f32/bf16, 4 for f64):
/// the rows of [`normal_from_bits_module`]'s input.
pub fn normal_words_per_pair(dtype: DType) -> usize {
    normal::words_per_pair(compute_dtype(dtype))
}

/// A StableHLO module that applies the normal sampler to GIVEN words, so tests
/// can reach its extreme outputs: `@main(words: ui32[K, pairs]) -> dtype[2·pairs]`
/// with K = [`normal_words_per_pair`]: row 0 and 1 are the radius words (hi,
/// lo), the rest the angle; output i < pairs is pair i's cosine output and
/// output pairs + i its sine output, through exactly the transform
/// `rng_normal` lowers to.
pub fn normal_from_bits_module(pairs: usize, dtype: DType) -> String {
    let graph = dpxla_core::trace::Graph::default();
    let mut em = Emitter::new(&graph);
    let cd = compute_dtype(dtype);
    let arg = "%words".to_string();
    let in_ty = tt(&[normal::words_per_pair(cd), pairs], "ui32");
    let z = normal::box_muller_pairs(&mut em, &arg, pairs, cd);
    let flat = em.fresh();
    em.op(
        &flat,
        "reshape",
        &[z],
        "",
        &[tensor_type_of(&[2, pairs], cd)],
        &tensor_type_of(&[2 * pairs], cd),
    );
    let out = em.fresh();
    finish(&mut em, &out, &flat, &[2 * pairs], cd, dtype);
    let out_ty = tensor_type_of(&[2 * pairs], dtype);
    format!(
        "module @dpxla {{\n  func.func public @main({arg}: {in_ty}) -> ({out_ty}) {{\n{}    \
         \"func.return\"({out}) : ({out_ty}) -> ()\n  }}\n}}\n",
        em.body
    )
}
