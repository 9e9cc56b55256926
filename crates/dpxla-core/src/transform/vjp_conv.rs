//! Transpose rules of the contraction and window primitives.
//!
//! Convolution follows the derivation in JAX's
//! `jax/_src/lax/convolution.py` (`_conv_general_dilated_transpose_lhs/rhs`
//! and the `_conv_general_vjp_{lhs,rhs}_padding` helpers): the input
//! gradient is a convolution of the output gradient with the spatially
//! reversed kernel (strides and lhs dilation swap roles); the kernel
//! gradient is a convolution of the input with the output gradient, with
//! batch and feature dims swapped so that the batch is contracted.

use crate::trace::{
    ConvDims, ConvParams, DotDims, Prim, ReduceOp, Tensor, TraceError, TraceResult, WindowParams,
};

use super::util::{inverse_perm, reshape_axis_into, reshape_axis_out_of};
use super::vjp::zeros_like;

fn dilate(n: usize, d: usize) -> i64 {
    if n == 0 {
        0
    } else {
        ((n - 1) * d + 1) as i64
    }
}

fn free_dims(rank: usize, a: &[usize], b: &[usize]) -> Vec<usize> {
    (0..rank)
        .filter(|d| !a.contains(d) && !b.contains(d))
        .collect()
}

/// Cotangents of `dot_general(lhs, rhs)`: contract `ct` with the other
/// operand over the free dims of that operand, then permute the result
/// (batch, free, contracted) back into the operand's dim order.
pub(crate) fn dot_general_transpose<'b>(
    d: &DotDims,
    lhs: Tensor<'b>,
    rhs: Tensor<'b>,
    ct: Tensor<'b>,
) -> Vec<Option<Tensor<'b>>> {
    let DotDims {
        lhs_batch: lb,
        rhs_batch: rb,
        lhs_contract: lc,
        rhs_contract: rc,
    } = d;
    let lfree = free_dims(lhs.rank(), lb, lc);
    let rfree = free_dims(rhs.rank(), rb, rc);
    let nb = lb.len();
    let ct_b: Vec<usize> = (0..nb).collect();
    let ct_lf: Vec<usize> = (nb..nb + lfree.len()).collect();
    let ct_rf: Vec<usize> = (nb + lfree.len()..ct.rank()).collect();
    let sorted = |v: &Vec<usize>| {
        let mut s = v.clone();
        s.sort_unstable();
        s
    };
    // d lhs: result dims = batch, lhs free, rhs contracted (ascending).
    let mut src: Vec<usize> = lb.clone();
    src.extend(&lfree);
    for r in sorted(rc) {
        src.push(lc[rc.iter().position(|&e| e == r).unwrap()]);
    }
    let ct_lhs = ct
        .dot_general(rhs, &ct_b, rb, &ct_rf, &rfree)
        .transpose(&inverse_perm(&src));
    // d rhs: result dims = batch, lhs contracted (ascending), rhs free.
    let mut src: Vec<usize> = rb.clone();
    for l in sorted(lc) {
        src.push(rc[lc.iter().position(|&e| e == l).unwrap()]);
    }
    src.extend(&rfree);
    let ct_rhs = lhs
        .dot_general(ct, lb, &ct_b, &lfree, &ct_lf)
        .transpose(&inverse_perm(&src));
    vec![Some(ct_lhs), Some(ct_rhs)]
}

/// Cotangents of `convolution(x, k)`.
pub(crate) fn conv_transpose<'b>(
    c: &ConvParams,
    x: Tensor<'b>,
    k: Tensor<'b>,
    ct: Tensor<'b>,
) -> TraceResult<Vec<Option<Tensor<'b>>>> {
    let ConvParams {
        window_strides: ws,
        padding,
        lhs_dilation: ld,
        rhs_dilation: rd,
        feature_group_count: fgc,
        batch_group_count: bgc,
        dimension_numbers: dn,
    } = c;
    let (fgc, bgc) = (*fgc, *bgc);
    let (xs, ks, ys) = (x.shape(), k.shape(), ct.shape());
    let ns = dn.input_spatial.len();
    let in_sp: Vec<usize> = dn.input_spatial.iter().map(|&d| xs[d]).collect();
    let k_sp: Vec<usize> = dn.kernel_spatial.iter().map(|&d| ks[d]).collect();
    let out_sp: Vec<usize> = dn.output_spatial.iter().map(|&d| ys[d]).collect();
    if ys.iter().product::<usize>() == 0 {
        return Ok(vec![Some(zeros_like(x)), Some(zeros_like(k))]);
    }

    // ---- input gradient: ct ⋆ reverse(k), strides ↔ lhs dilation.
    let lhs_pad: Vec<(i64, i64)> = (0..ns)
        .map(|i| {
            let (xd, kd, od) = (
                dilate(in_sp[i], ld[i]),
                dilate(k_sp[i], rd[i]),
                dilate(out_sp[i], ws[i]),
            );
            let before = kd - padding[i].0 - 1;
            (before, xd + kd - 1 - od - before)
        })
        .collect();
    // Kernel viewed with in/out feature roles swapped; a feature-group
    // (or batch-group) factor moves from its output features to its input
    // features.
    let groups = fgc.max(bgc);
    let kk = if groups > 1 {
        let split = reshape_axis_out_of(k, dn.kernel_output_feature, groups);
        reshape_axis_into(split, dn.kernel_output_feature, dn.kernel_input_feature)
    } else {
        k
    };
    let dims_lhs = ConvDims {
        input_batch: dn.output_batch,
        input_feature: dn.output_feature,
        input_spatial: dn.output_spatial.clone(),
        kernel_input_feature: dn.kernel_output_feature,
        kernel_output_feature: dn.kernel_input_feature,
        kernel_spatial: dn.kernel_spatial.clone(),
        output_batch: dn.input_batch,
        output_feature: dn.input_feature,
        output_spatial: dn.input_spatial.clone(),
    };
    let mut ct_x = ct.conv_general(
        kk.reverse(&dn.kernel_spatial),
        ld,
        &lhs_pad,
        ws,
        rd,
        groups,
        1,
        dims_lhs,
    );
    if bgc > 1 {
        // The batch groups came out in the feature dim: move them back.
        ct_x = reshape_axis_out_of(ct_x, dn.input_feature, bgc);
        ct_x = reshape_axis_into(ct_x, dn.input_feature, dn.input_batch);
    }

    // ---- kernel gradient: x ⋆ ct contracting the batch.
    let rhs_pad: Vec<(i64, i64)> = (0..ns)
        .map(|i| {
            let (xd, kd, od) = (
                dilate(in_sp[i], ld[i]),
                dilate(k_sp[i], rd[i]),
                dilate(out_sp[i], ws[i]),
            );
            let lo = padding[i].0;
            (lo, (od - xd) + (kd - lo - 1))
        })
        .collect();
    let (fgc2, bgc2) = if bgc > 1 { (bgc, 1) } else { (1, fgc) };
    let dims_rhs = ConvDims {
        input_batch: dn.input_feature,
        input_feature: dn.input_batch,
        input_spatial: dn.input_spatial.clone(),
        kernel_input_feature: dn.output_batch,
        kernel_output_feature: dn.output_feature,
        kernel_spatial: dn.output_spatial.clone(),
        output_batch: dn.kernel_input_feature,
        output_feature: dn.kernel_output_feature,
        output_spatial: dn.kernel_spatial.clone(),
    };
    let ct_k = x.conv_general(ct, rd, &rhs_pad, ld, ws, fgc2, bgc2, dims_rhs);
    if ct_k.shape() != ks || ct_x.shape() != xs {
        return Err(TraceError::Transform(format!(
            "conv vjp produced {:?}/{:?} for {:?}/{:?}",
            ct_x.shape(),
            ct_k.shape(),
            xs,
            ks
        )));
    }
    Ok(vec![Some(ct_x), Some(ct_k)])
}

/// Cotangent of `reduce_window`.
///
/// Sum: each input element receives the cotangents of every window that
/// covers it: a stride-dilated, padded `ct` summed over windows of stride 1
/// (JAX `_reduce_window_sum_transpose_rule`).
///
/// Max: one `select_and_scatter` (select GE, scatter add) that routes each
/// window's cotangent to one maximum of that window. An earlier rule
/// compared the input with the pooled output for equality; XLA recomputes
/// the input inside backward fusions at some optimisation levels (and with
/// fast-math), the bits then differ, and windows lost or duplicated their
/// gradient (10-40% errors). Here the choice is made inside one op from one
/// operand, so every window's cotangent lands on exactly one input.
pub(crate) fn reduce_window_transpose<'b>(
    kind: ReduceOp,
    w: &WindowParams,
    x: Tensor<'b>,
    y: Tensor<'b>,
    ct: Tensor<'b>,
) -> Tensor<'b> {
    let WindowParams {
        window,
        strides,
        padding,
    } = w;
    let (xs, ys) = (x.shape(), y.shape());
    let r = xs.len();
    if ys.iter().product::<usize>() == 0 {
        return zeros_like(x);
    }
    match kind {
        ReduceOp::Sum => {
            let interior: Vec<usize> = strides.iter().map(|s| s - 1).collect();
            let (lo, hi): (Vec<i64>, Vec<i64>) = (0..r)
                .map(|d| {
                    let (xd, wd, od) = (xs[d] as i64, window[d] as i64, dilate(ys[d], strides[d]));
                    let before = wd - padding[d].0 - 1;
                    (before, xd + wd - 1 - od - before)
                })
                .unzip();
            let p = ct.pad(&lo, &hi, &interior, 0.0);
            let rw = Prim::ReduceWindow(
                ReduceOp::Sum,
                WindowParams {
                    window: window.clone(),
                    strides: vec![1; r],
                    padding: vec![(0, 0); r],
                },
            );
            x.builder().emit(rw, &[p])
        }
        ReduceOp::Max => select_and_scatter_max(x, ct, window, strides, padding),
    }
}

/// Cotangent of `reduce_max` over `axes`: the same single-op routing as max
/// pooling (a window spanning the reduced axes), so the cotangent goes to one
/// maximum and is never lost when XLA recomputes the operand. (Ties
/// are not split: any convex combination is a valid subgradient.)
pub(crate) fn reduce_max_transpose<'b>(
    x: Tensor<'b>,
    axes: &[usize],
    ct: Tensor<'b>,
) -> Tensor<'b> {
    let xs = x.shape();
    if xs.iter().product::<usize>() == 0 {
        return zeros_like(x);
    }
    let window: Vec<usize> = (0..xs.len())
        .map(|d| if axes.contains(&d) { xs[d] } else { 1 })
        .collect();
    let kept_as_ones: Vec<usize> = (0..xs.len())
        .map(|d| if axes.contains(&d) { 1 } else { xs[d] })
        .collect();
    let r = xs.len();
    select_and_scatter_max(
        x,
        ct.reshape(&kept_as_ones),
        &window,
        &vec![1; r],
        &vec![(0, 0); r],
    )
}

fn select_and_scatter_max<'b>(
    x: Tensor<'b>,
    source: Tensor<'b>,
    window: &[usize],
    strides: &[usize],
    padding: &[(i64, i64)],
) -> Tensor<'b> {
    let p = Prim::SelectAndScatterMax(WindowParams {
        window: window.to_vec(),
        strides: strides.to_vec(),
        padding: padding.to_vec(),
    });
    x.builder().emit(p, &[x, source])
}
