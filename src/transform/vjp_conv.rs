//! Transpose rules of the contraction and window primitives.
//!
//! Convolution follows the derivation in JAX's
//! `jax/_src/lax/convolution.py` (`_conv_general_dilated_transpose_lhs/rhs`
//! and the `_conv_general_vjp_{lhs,rhs}_padding` helpers): the input
//! gradient is a convolution of the output gradient with the spatially
//! reversed kernel (strides and lhs dilation swap roles); the kernel
//! gradient is a convolution of the input with the output gradient, with
//! batch and feature dims swapped so that the batch is contracted.

use crate::trace::{ConvDims, Prim, Tensor, TraceError, TraceResult, WindowKind};

use super::util::{inverse_perm, reshape_axis_into, reshape_axis_out_of};
use super::vjp::{bools_like, zeros_like};

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
    prim: &Prim,
    lhs: Tensor<'b>,
    rhs: Tensor<'b>,
    ct: Tensor<'b>,
) -> Vec<Option<Tensor<'b>>> {
    let Prim::DotGeneral {
        lhs_batch: lb,
        rhs_batch: rb,
        lhs_contract: lc,
        rhs_contract: rc,
    } = prim
    else {
        unreachable!()
    };
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
    prim: &Prim,
    x: Tensor<'b>,
    k: Tensor<'b>,
    ct: Tensor<'b>,
) -> TraceResult<Vec<Option<Tensor<'b>>>> {
    let Prim::Conv {
        window_strides: ws,
        padding,
        lhs_dilation: ld,
        rhs_dilation: rd,
        feature_group_count: fgc,
        batch_group_count: bgc,
        dimension_numbers: dn,
    } = prim
    else {
        unreachable!()
    };
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
/// Max: for each of the (few) offsets inside a window, the strided slice of
/// the padded input at that offset is compared with the window max; the
/// first offset attaining it takes the cotangent, which is scattered back
/// with an interior-padded `pad`. This uses only existing primitives (no
/// select_and_scatter) and matches XLA's first-maximum tie rule.
pub(crate) fn reduce_window_transpose<'b>(
    prim: &Prim,
    x: Tensor<'b>,
    y: Tensor<'b>,
    ct: Tensor<'b>,
) -> Tensor<'b> {
    let Prim::ReduceWindow {
        kind,
        window,
        strides,
        padding,
    } = prim
    else {
        unreachable!()
    };
    let (xs, ys) = (x.shape(), y.shape());
    let r = xs.len();
    if ys.iter().product::<usize>() == 0 {
        return zeros_like(x);
    }
    let interior: Vec<usize> = strides.iter().map(|s| s - 1).collect();
    match kind {
        WindowKind::Sum => {
            let (lo, hi): (Vec<i64>, Vec<i64>) = (0..r)
                .map(|d| {
                    let (xd, wd, od) = (xs[d] as i64, window[d] as i64, dilate(ys[d], strides[d]));
                    let before = wd - padding[d].0 - 1;
                    (before, xd + wd - 1 - od - before)
                })
                .unzip();
            let p = ct.pad(&lo, &hi, &interior, 0.0);
            let rw = Prim::ReduceWindow {
                kind: WindowKind::Sum,
                window: window.clone(),
                strides: vec![1; r],
                padding: vec![(0, 0); r],
            };
            x.builder().emit1(rw, &[p])
        }
        WindowKind::Max => {
            let lo: Vec<i64> = padding.iter().map(|p| p.0).collect();
            let hi: Vec<i64> = padding.iter().map(|p| p.1).collect();
            let xp = x.pad(&lo, &hi, &vec![0; r], f64::NEG_INFINITY);
            let ps = xp.shape();
            let mut taken = bools_like(y, false);
            let mut acc = zeros_like(xp);
            let nw: usize = window.iter().product();
            for w in 0..nw {
                let mut off = vec![0; r];
                let mut rem = w;
                for d in (0..r).rev() {
                    off[d] = rem % window[d];
                    rem /= window[d];
                }
                let limit: Vec<usize> = (0..r)
                    .map(|d| off[d] + (ys[d] - 1) * strides[d] + 1)
                    .collect();
                let hit = xp.slice(&off, &limit, strides).eq(y);
                let first = taken.select(bools_like(y, false), hit);
                taken = first.select(bools_like(y, true), taken);
                let contrib = first.select(ct, zeros_like(ct));
                let low: Vec<i64> = off.iter().map(|&o| o as i64).collect();
                let high: Vec<i64> = (0..r).map(|d| ps[d] as i64 - limit[d] as i64).collect();
                acc = acc + contrib.pad(&low, &high, &interior, 0.0);
            }
            let nlo: Vec<i64> = lo.iter().map(|v| -v).collect();
            let nhi: Vec<i64> = hi.iter().map(|v| -v).collect();
            acc.pad(&nlo, &nhi, &vec![0; r], 0.0)
        }
    }
}
