//! Axis-shuffling helpers shared by the rules.

use crate::trace::Tensor;

/// Split dim `src` of size n into (`size1`, n / `size1`), major first.
#[track_caller]
pub(crate) fn reshape_axis_out_of<'b>(x: Tensor<'b>, src: usize, size1: usize) -> Tensor<'b> {
    let mut s = x.shape();
    let n = s[src];
    s[src] = n / size1.max(1);
    s.insert(src, size1);
    x.reshape(&s)
}

/// Merge dim `src` into dim `dst` as its MAJOR part; `dst` counts dims after
/// `src` is removed (the convention of JAX's `_reshape_axis_into`).
#[track_caller]
pub(crate) fn reshape_axis_into<'b>(x: Tensor<'b>, src: usize, dst: usize) -> Tensor<'b> {
    let shape = x.shape();
    let mut perm: Vec<usize> = (0..shape.len()).filter(|&d| d != src).collect();
    perm.insert(dst, src);
    let mut s: Vec<usize> = perm.iter().map(|&p| shape[p]).collect();
    s[dst + 1] *= s[dst];
    s.remove(dst);
    x.transpose(&perm).reshape(&s)
}

/// Move dim `from` to position `to`.
#[track_caller]
pub(crate) fn moveaxis(x: Tensor<'_>, from: usize, to: usize) -> Tensor<'_> {
    if from == to {
        return x;
    }
    let mut perm: Vec<usize> = (0..x.rank()).filter(|&d| d != from).collect();
    perm.insert(to, from);
    x.transpose(&perm)
}

/// The inverse of a permutation.
pub(crate) fn inverse_perm(perm: &[usize]) -> Vec<usize> {
    let mut inv = vec![0; perm.len()];
    for (i, &p) in perm.iter().enumerate() {
        inv[p] = i;
    }
    inv
}
