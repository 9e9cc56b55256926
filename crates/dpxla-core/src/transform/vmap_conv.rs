//! Batching rule of convolution, after JAX's `_conv_general_dilated_batch_rule`
//! (jax/_src/lax/convolution.py): the vmapped dim is folded into an existing
//! conv dim so that the result is ONE convolution, never a loop:
//! - input batched, kernel not: fold into the input batch dim;
//! - kernel batched, input not: fold into the kernel output features
//!   (inside the feature/batch groups, which must stay outermost);
//! - both batched (e.g. the per-example kernel gradient, which is a conv of
//!   the input with the output gradient): a batched `dot_general` of input
//!   patches (`vmap_conv_patches`) when the output has few positions and no
//!   groups or input dilation; otherwise fold into the input features and
//!   the kernel output features and multiply `feature_group_count` by B
//!   (or, if the conv already uses batch groups, fold into the input batch
//!   and multiply `batch_group_count` by B).

use crate::trace::{ConvParams, Tensor};

use super::util::{moveaxis, reshape_axis_into, reshape_axis_out_of};
use super::vmap::BVal;
use super::vmap_conv_patches::conv_both_batched_as_dot;

pub(crate) fn conv_batch_rule<'b>(
    c: &ConvParams,
    lhs: BVal<'b>,
    rhs: BVal<'b>,
    bsz: usize,
) -> Tensor<'b> {
    let ConvParams {
        window_strides,
        padding,
        lhs_dilation,
        rhs_dilation,
        feature_group_count: fgc,
        batch_group_count: bgc,
        dimension_numbers: dn,
    } = c;
    let (mut fgc, mut bgc) = (*fgc, *bgc);
    let conv = |l: Tensor<'b>, r: Tensor<'b>, fgc: usize, bgc: usize| {
        l.conv_general(
            r,
            window_strides,
            padding,
            lhs_dilation,
            rhs_dilation,
            fgc,
            bgc,
            dn.clone(),
        )
    };
    let (ib, ifeat, ko, ob, of) = (
        dn.input_batch,
        dn.input_feature,
        dn.kernel_output_feature,
        dn.output_batch,
        dn.output_feature,
    );
    match (lhs.batched, rhs.batched) {
        (true, true) => {
            if let Some(y) = conv_both_batched_as_dot(c, lhs.t, rhs.t) {
                return y;
            }
            let new_lhs = if bgc > 1 {
                bgc *= bsz;
                reshape_axis_into(lhs.t, 0, ib)
            } else {
                fgc *= bsz;
                reshape_axis_into(lhs.t, 0, ifeat)
            };
            let new_rhs = reshape_axis_into(rhs.t, 0, ko);
            let out = conv(new_lhs, new_rhs, fgc, bgc);
            moveaxis(reshape_axis_out_of(out, of, bsz), of, 0)
        }
        (true, false) => {
            let new_lhs = if bgc == 1 {
                reshape_axis_into(lhs.t, 0, ib)
            } else {
                // Keep the batch groups outermost: (bgc, B, N / bgc).
                let split = reshape_axis_out_of(lhs.t, ib + 1, bgc);
                let inner = reshape_axis_into(split, 0, ib + 1);
                reshape_axis_into(inner, ib, ib)
            };
            let out = conv(new_lhs, rhs.t, fgc, bgc);
            moveaxis(reshape_axis_out_of(out, ob, bsz), ob, 0)
        }
        (false, true) => {
            if fgc == 1 && bgc == 1 {
                let out = conv(lhs.t, reshape_axis_into(rhs.t, 0, ko), fgc, bgc);
                return moveaxis(reshape_axis_out_of(out, of, bsz), of, 0);
            }
            // Kernel output features as (groups, B, O / groups).
            let g = fgc.max(bgc);
            let split = reshape_axis_out_of(rhs.t, ko + 1, g);
            let inner = reshape_axis_into(split, 0, ko + 1);
            let new_rhs = reshape_axis_into(inner, ko, ko);
            let out = conv(lhs.t, new_rhs, fgc, bgc);
            let out = reshape_axis_out_of(out, of, g);
            let out = reshape_axis_out_of(out, of + 1, bsz);
            let out = reshape_axis_into(out, of, of + 1);
            moveaxis(out, of, 0)
        }
        (false, false) => conv(lhs.t, rhs.t, fgc, bgc),
    }
}
