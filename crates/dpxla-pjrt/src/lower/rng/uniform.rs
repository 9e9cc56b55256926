//! Uniform [0, 1) samples from `ui32` words, with 32-bit integer ops only.
//!
//! f32: the mantissa trick, bitcast((w >> 9) | 1.0) − 1, the 2²³ multiples of
//! 2⁻²³ in [0, 1). f64: k = (hi >> 11)·2³² + lo is a 53-bit integer and
//! u = k·2⁻⁵³ = (hi >> 11)·2⁻²¹ + lo·2⁻⁵³, both terms exact in f64 (u32 → f64
//! conversions are exact) and so is their sum: all 2⁵³ multiples of 2⁻⁵³.

use super::bits::Ew;
use dpxla_core::array::DType;

/// Uniforms of `ew.shape` in `dtype` from `ui32[words, ...shape]` (`words` is
/// 1 for f32, 2 for f64, see [`words_for`]).
pub(super) fn uniform_from_words(ew: &mut Ew, words: &str, dtype: DType) -> String {
    if dtype == DType::F64 {
        let hi = ew.row(words, 2, 0);
        let lo = ew.row(words, 2, 1);
        return unit_f64(ew, &hi, &lo);
    }
    let w = ew.row(words, 1, 0);
    let mant = ew.bin_const("shift_right_logical", &w, 9.0, DType::U32);
    let one_bits = ew.splat(f64::from(0x3F80_0000u32), DType::U32);
    let ored = ew.bin("or", &mant, &one_bits, DType::U32);
    let ty_u = ew.shape.clone();
    let in_one_two = ew.em.fresh();
    ew.em.op(
        &in_one_two,
        "bitcast_convert",
        &[ored],
        "",
        &[super::super::text::tensor_type_of(&ty_u, DType::U32)],
        &super::super::text::tensor_type_of(&ty_u, DType::F32),
    );
    ew.bin_const("subtract", &in_one_two, 1.0, DType::F32)
}

/// The 53-bit uniform (hi >> 11)·2⁻²¹ + lo·2⁻⁵³ in f64 (module doc).
pub(super) fn unit_f64(ew: &mut Ew, hi: &str, lo: &str) -> String {
    let top = ew.bin_const("shift_right_logical", hi, 11.0, DType::U32);
    let topf = ew.convert(&top, DType::U32, DType::F64);
    let lof = ew.convert(lo, DType::U32, DType::F64);
    let a = ew.bin_const("multiply", &topf, (-21f64).exp2(), DType::F64);
    let b = ew.bin_const("multiply", &lof, (-53f64).exp2(), DType::F64);
    ew.bin("add", &a, &b, DType::F64)
}

/// `ui32` words per uniform sample of `dtype` (f32 or f64).
pub(super) fn words_for(dtype: DType) -> usize {
    if dtype == DType::F64 {
        2
    } else {
        1
    }
}
