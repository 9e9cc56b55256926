//! Batching rule for a convolution whose input AND kernel are batched, as a
//! batched `dot_general` of patches: the per-example kernel gradient.
//!
//! The per-example kernel gradient is a convolution of the input with the
//! output cotangent over a few OUTPUT positions (the kh·kw kernel offsets).
//! The grouped-convolution form (`vmap_conv`, feature_group_count = B) runs
//! slowly on XLA:CPU, and it hides the gradient's structure. Here, for each
//! output position s, a strided slice of the padded input covers exactly the
//! input elements that position reads; the slices are stacked into patches
//! `P[b, s, ...]`, and one `dot_general` batched over the examples contracts
//! them with the kernel operand:
//!
//! ```text
//! y[b, s, n, o] = Σ_{i, w} P[b, s, n, i, w] · k[b, i, o, w]
//! ```
//!
//! This is im2col (Chellapilla et al. 2006) over output positions, and it is
//! exactly the per-example contraction `transform::ghost` factors: patches ×
//! cotangent, with the positions w contracted, so ghost norms and
//! book-keeping apply to convolutions as to dense layers.

use crate::trace::{ConvParams, Tensor};

/// At most this many output positions are sliced (a 7x7 kernel has 49).
const MAX_SLICES: usize = 64;

fn dilate(n: usize, d: usize) -> usize {
    if n == 0 {
        0
    } else {
        (n - 1) * d + 1
    }
}

/// `y_b = conv(x_b, k_b)` for `x`, `k` batched at axis 0, or `None` when the
/// conv has feature/batch groups, input dilation, or too many output
/// positions (the grouped rule then applies).
pub(crate) fn conv_both_batched_as_dot<'b>(
    c: &ConvParams,
    x: Tensor<'b>,
    k: Tensor<'b>,
) -> Option<Tensor<'b>> {
    let ConvParams {
        window_strides,
        padding,
        lhs_dilation,
        rhs_dilation,
        feature_group_count,
        batch_group_count,
        dimension_numbers: dn,
    } = c;
    if *feature_group_count != 1 || *batch_group_count != 1 || lhs_dilation.iter().any(|&d| d != 1)
    {
        return None;
    }
    let (xs, ks) = (x.shape(), k.shape());
    let bsz = xs[0];
    let ns = dn.input_spatial.len();
    let k_sp: Vec<usize> = dn.kernel_spatial.iter().map(|&d| ks[d + 1]).collect();
    // Output positions per spatial dim (the conv's own shape rule).
    let out_sp: Vec<usize> = (0..ns)
        .map(|i| {
            let padded = xs[dn.input_spatial[i] + 1] as i64 + padding[i].0 + padding[i].1;
            let win = dilate(k_sp[i], rhs_dilation[i]) as i64;
            if padded < win {
                0
            } else {
                (padded - win) as usize / window_strides[i] + 1
            }
        })
        .collect();
    let slices: usize = out_sp.iter().product();
    if slices == 0 || slices > MAX_SLICES {
        return None;
    }
    // Pad the spatial dims of x (negative padding crops).
    let rank = xs.len();
    let (mut lo, mut hi) = (vec![0i64; rank], vec![0i64; rank]);
    for i in 0..ns {
        lo[dn.input_spatial[i] + 1] = padding[i].0;
        hi[dn.input_spatial[i] + 1] = padding[i].1;
    }
    let xp = x.pad(&lo, &hi, &vec![0; rank], 0.0);
    let ps = xp.shape();
    // One strided slice per output position, stacked on a new dim 1.
    let mut patches = Vec::with_capacity(slices);
    for s in 0..slices {
        let mut idx = vec![0; ns];
        let mut rem = s;
        for i in (0..ns).rev() {
            idx[i] = rem % out_sp[i];
            rem /= out_sp[i];
        }
        let (mut start, mut limit, mut stride) = (vec![0; rank], ps.clone(), vec![1; rank]);
        for i in 0..ns {
            let d = dn.input_spatial[i] + 1;
            start[d] = idx[i] * window_strides[i];
            limit[d] = start[d] + dilate(k_sp[i], rhs_dilation[i]);
            stride[d] = rhs_dilation[i];
        }
        let p = xp.slice(&start, &limit, &stride);
        let mut with_s = p.shape();
        with_s.insert(1, 1);
        patches.push(p.reshape(&with_s));
    }
    let p = if patches.len() == 1 {
        patches[0]
    } else {
        x.builder().concat(&patches, 1)
    };
    // Contract input features and window positions with the kernel's.
    let mut lc = vec![dn.input_feature + 2];
    lc.extend(dn.input_spatial.iter().map(|d| d + 2));
    let mut rc = vec![dn.kernel_input_feature + 1];
    rc.extend(dn.kernel_spatial.iter().map(|d| d + 1));
    // Result: [B, S, N (input batch), O (kernel output features)].
    let y = p.dot_general(k, &[0], &[0], &lc, &rc);
    let mut shape = vec![bsz];
    shape.extend(&out_sp);
    shape.extend([xs[dn.input_batch + 1], ks[dn.kernel_output_feature + 1]]);
    let y = y.reshape(&shape);
    // To the output layout: [B, out dims in dn order].
    let mut perm = vec![0];
    for d in 0..rank - 1 {
        perm.push(if d == dn.output_batch {
            ns + 1
        } else if d == dn.output_feature {
            ns + 2
        } else {
            1 + dn
                .output_spatial
                .iter()
                .position(|&o| o == d)
                .expect("every output dim is batch, feature or spatial")
        });
    }
    Some(y.transpose(&perm))
}
