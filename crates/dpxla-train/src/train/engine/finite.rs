//! Non-finite values in parameters or optimiser state. A NaN or ±∞ there
//! never recovers: evaluation prints NaN, a resumed run spends privacy budget
//! on steps that cannot learn, and a checkpoint written from it replaces the
//! last good one. So loading refuses such tensors and saving stops the run
//! instead (see `checkpoint_writer.rs`; the loop in `trainer.rs` stops on
//! non-finite updated parameters, never on the private training loss).

use crate::train::engine::HostState;
use dpxla_core::array::{ArrayData, HostArray};

/// The largest mean loss a training run may report before it counts as
/// diverged: 2^24. Past it, f32 logits are so large that a change of one
/// nat is below their rounding step (f32 has a 24-bit significand), so
/// gradient steps no longer make measurable progress; a healthy softmax
/// cross-entropy stays near ln(classes). A run at `learning_rate = 1e30`
/// reaches ~1e29 with finite, useless parameters.
pub const MAX_LOSS: f64 = 16_777_216.0;

/// Why a mean loss means divergence, or `None` for a usable one.
pub fn loss_diverged(kind: &str, mean: f64) -> Option<String> {
    if mean.is_nan() || mean.is_infinite() {
        Some(format!("the {kind} loss is {mean}"))
    } else if mean.abs() > MAX_LOSS {
        Some(format!(
            "the {kind} loss is {mean:.3e}, above 2^24 where f32 logits can no longer resolve it"
        ))
    } else {
        None
    }
}

/// The first non-finite element of a floating-point array: its flat index
/// and value. Integer arrays are always finite.
pub fn first_non_finite(a: &HostArray) -> Option<(usize, f64)> {
    fn find<T: Copy>(v: &[T], f: impl Fn(T) -> f64) -> Option<(usize, f64)> {
        v.iter()
            .map(|&x| f(x))
            .enumerate()
            .find(|(_, x)| !x.is_finite())
    }
    match &a.data {
        ArrayData::F32(v) => find(v, f64::from),
        ArrayData::F64(v) => find(v, |x| x),
        // bf16 is the top half of an f32.
        ArrayData::BF16(v) => find(v, |x| f32::from_bits((x as u32) << 16) as f64),
        _ => None,
    }
}

/// Describes the first non-finite element among `tensors`, e.g.
/// "tensor 'params/dense1/w' holds NaN at index 17".
pub fn describe_non_finite<'a>(
    tensors: impl IntoIterator<Item = (&'a str, &'a HostArray)>,
) -> Option<String> {
    tensors.into_iter().find_map(|(name, a)| {
        first_non_finite(a).map(|(i, x)| format!("tensor '{name}' holds {x} at index {i}"))
    })
}

/// The first non-finite tensor of an engine state, named as a checkpoint
/// stores it (`params/…`, `avg/…`, `opt/SLOT/…`).
pub fn non_finite_state(
    params: &[String],
    slots: &[String],
    trainable: &[usize],
    state: &HostState,
) -> Option<String> {
    let mut named: Vec<(String, &HostArray)> = Vec::new();
    for (n, a) in params.iter().zip(&state.params) {
        named.push((format!("params/{n}"), a));
    }
    for (n, a) in params.iter().zip(&state.averages) {
        named.push((format!("avg/{n}"), a));
    }
    let slot_names = trainable
        .iter()
        .flat_map(|&i| slots.iter().map(move |s| format!("opt/{s}/{}", params[i])));
    named.extend(slot_names.zip(&state.slots));
    describe_non_finite(named.iter().map(|(n, a)| (n.as_str(), *a)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_nan_or_infinity_in_any_float_type() {
        let a = HostArray::f32([3], vec![1.0, f32::INFINITY, f32::NAN]);
        assert_eq!(first_non_finite(&a), Some((1, f64::INFINITY)));
        assert_eq!(
            first_non_finite(&HostArray::f32([2], vec![0.0, -1.0])),
            None
        );
        // bf16 0x7fc0 is a NaN.
        let b = HostArray::new(vec![2], ArrayData::BF16(vec![0x3f80, 0x7fc0]));
        assert_eq!(first_non_finite(&b).map(|(i, _)| i), Some(1));
        let msg = describe_non_finite([("p/w", &a)]).unwrap();
        assert_eq!(msg, "tensor 'p/w' holds inf at index 1");
    }
}
