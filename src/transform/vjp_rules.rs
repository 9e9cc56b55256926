//! Transpose (cotangent) rules, one arm per primitive. `ct` is the
//! cotangent of the equation's output `y`; a rule returns one optional
//! cotangent per input (None = zero / not differentiable).
//!
//! Rules that compare floating-point values, audited because XLA may
//! recompute an operand inside a backward fusion with different bits (other
//! optimisation levels, fast-math, other backends):
//! - `reduce_window` max (max pooling) and `reduce_max` once tested the input
//!   for EQUALITY with the recomputed maximum, so whole windows could lose or
//!   double their cotangent (10-40% errors were measured at XLA level 1 and
//!   with fast-math). Both now route the cotangent with one
//!   `select_and_scatter`, which picks exactly one maximum per window inside
//!   a single op.
//! - `max`/`min` (ReLU is `max(x, 0)`) compare the two operands with each
//!   other, never with a recomputed result; different bits can only move a
//!   decision where the operands agree to rounding, where the derivative is
//!   discontinuous anyway, and the three cases (a > b, b > a, tie split ½/½)
//!   always sum to the cotangent.
//! - `abs` uses `sign(x)` and `pow` tests `a == 0` against a constant: no
//!   recomputed reference value. The evaluation's correctness count compares
//!   logits with their maximum, but is never differentiated.

use crate::trace::{DType, Prim, Tensor, TraceError, TraceResult};

use super::util::inverse_perm;
use super::vjp::zeros_like;
use super::vjp_conv::{
    conv_transpose, dot_general_transpose, reduce_max_transpose, reduce_window_transpose,
};

type Cts<'b> = Vec<Option<Tensor<'b>>>;

/// 1.0 where `pred`, else 0.0, in `dtype`.
fn indicator(pred: Tensor<'_>, dtype: DType) -> Tensor<'_> {
    pred.convert(dtype)
}

pub(crate) fn transpose_rule<'b>(
    prim: &Prim,
    x: &[Tensor<'b>],
    y: Tensor<'b>,
    ct: Tensor<'b>,
) -> TraceResult<Cts<'b>> {
    use Prim::*;
    let dt = y.dtype();
    Ok(match prim {
        Add => vec![Some(ct), Some(ct)],
        Sub => vec![Some(ct), Some(-ct)],
        // d(ab) = b da + a db
        Mul => vec![Some(ct * x[1]), Some(ct * x[0])],
        // d(a/b) = da/b - (a/b) db/b
        Div => vec![Some(ct / x[1]), Some(-(ct * y) / x[1])],
        Neg => vec![Some(-ct)],
        // Ties split the cotangent evenly (as JAX does), so the gradient of
        // max(x, x) = x is 1.
        Max | Min => {
            let (a, b) = (x[0], x[1]);
            let (wa, wb) = if matches!(prim, Max) {
                (a.gt(b), b.gt(a))
            } else {
                (a.lt(b), b.lt(a))
            };
            let tie = indicator(a.eq(b), dt) * 0.5;
            vec![
                Some(ct * (indicator(wa, dt) + tie)),
                Some(ct * (indicator(wb, dt) + tie)),
            ]
        }
        // d(a^b) = b a^(b-1) da + ln(a) a^b db; the db term is 0 at a = 0.
        Pow => {
            let (a, b) = (x[0], x[1]);
            let da = ct * b * a.pow(b - 1.0);
            let ln_a = a.eq(zeros_like(a)).select(zeros_like(a), a.log());
            vec![Some(da), Some(ct * y * ln_a)]
        }
        Exp => vec![Some(ct * y)],
        Log => vec![Some(ct / x[0])],
        Log1p => vec![Some(ct / (x[0] + 1.0))],
        // tanh' = 1 - tanh²
        Tanh => vec![Some(ct * (1.0 - y * y))],
        // σ' = σ (1 - σ)
        Logistic => vec![Some(ct * y * (1.0 - y))],
        // (√x)' = 1 / (2√x)
        Sqrt => vec![Some(ct * 0.5 / y)],
        // (x^-½)' = -½ x^-3/2 = -½ y / x
        Rsqrt => vec![Some(ct * -0.5 * y / x[0])],
        Abs => vec![Some(ct * x[0].sign())],
        Sign | Compare { .. } | StopGradient => vec![None; x.len()],
        Select => {
            let z = zeros_like(ct);
            vec![None, Some(x[0].select(ct, z)), Some(x[0].select(z, ct))]
        }
        Convert { .. } => vec![x[0].dtype().is_float().then(|| ct.convert(x[0].dtype()))],
        Constant { .. } | Iota { .. } => vec![],
        BroadcastInDim { shape, dims } => {
            let xs = x[0].shape();
            // Sum over the new dims and the stretched size-1 dims.
            let summed: Vec<usize> = (0..shape.len())
                .filter(|d| match dims.iter().position(|e| e == d) {
                    None => true,
                    Some(i) => xs[i] != shape[*d],
                })
                .collect();
            let s = if summed.is_empty() {
                ct
            } else {
                ct.sum(&summed)
            };
            vec![Some(s.reshape(&xs))]
        }
        Reshape { .. } => vec![Some(ct.reshape(&x[0].shape()))],
        Transpose { perm } => vec![Some(ct.transpose(&inverse_perm(perm)))],
        Reverse { dims } => vec![Some(ct.reverse(dims))],
        // Scatter back: pad with zeros, holes of stride-1 between elements.
        Slice { start, stride, .. } => {
            let (xs, ys) = (x[0].shape(), y.shape());
            let low: Vec<i64> = start.iter().map(|&s| s as i64).collect();
            let high: Vec<i64> = (0..xs.len())
                .map(|d| {
                    let used = if ys[d] == 0 {
                        start[d]
                    } else {
                        start[d] + (ys[d] - 1) * stride[d] + 1
                    };
                    xs[d] as i64 - used as i64
                })
                .collect();
            let interior: Vec<usize> = stride.iter().map(|s| s - 1).collect();
            vec![Some(ct.pad(&low, &high, &interior, 0.0))]
        }
        // Operand: undo the edge padding (negated pads; a crop becomes zeros)
        // then take every (interior+1)-th element. The padding value got
        // everything else: sum(ct) - sum(ct_operand).
        Pad {
            low,
            high,
            interior,
        } => {
            let nl: Vec<i64> = low.iter().map(|v| -v).collect();
            let nh: Vec<i64> = high.iter().map(|v| -v).collect();
            let un = ct.pad(&nl, &nh, &vec![0; low.len()], 0.0);
            let us = un.shape();
            let stride: Vec<usize> = interior.iter().map(|i| i + 1).collect();
            let ct_x = un.slice(&vec![0; us.len()], &us, &stride);
            let ct_v = ct.sum_all() - ct_x.sum_all();
            vec![Some(ct_x), Some(ct_v)]
        }
        Concatenate { dim } => {
            let ys = y.shape();
            let mut off = 0;
            x.iter()
                .map(|xi| {
                    let n = xi.shape()[*dim];
                    let (mut start, mut limit) = (vec![0; ys.len()], ys.clone());
                    start[*dim] = off;
                    limit[*dim] = off + n;
                    off += n;
                    Some(ct.slice(&start, &limit, &vec![1; ys.len()]))
                })
                .collect()
        }
        ReduceSum { axes } => {
            let xs = x[0].shape();
            let kept: Vec<usize> = (0..xs.len()).filter(|d| !axes.contains(d)).collect();
            vec![Some(ct.broadcast_in_dim(&xs, &kept))]
        }
        ReduceMax { axes } => vec![Some(reduce_max_transpose(x[0], axes, ct))],
        DotGeneral { .. } => dot_general_transpose(prim, x[0], x[1], ct),
        Conv { .. } => conv_transpose(prim, x[0], x[1], ct)?,
        ReduceWindow { .. } => vec![Some(reduce_window_transpose(prim, x[0], y, ct))],
        // Linear in the source; the selection is piecewise constant in the
        // operand. Its transpose (gathering at the selected positions) is a
        // second derivative of max pooling, which nothing in dpxla needs.
        SelectAndScatterMax { .. } => {
            return Err(TraceError::Transform(
                "select_and_scatter_max (the max-pool gradient) cannot be differentiated again"
                    .into(),
            ))
        }
        RngUniform { .. } | RngNormal { .. } => vec![None],
        AllReduceSum { .. } => {
            return Err(TraceError::Transform(
                "all_reduce_sum has no vjp rule: reduce gradients across replicas after \
                 differentiating (train::data_parallel), not inside the differentiated graph"
                    .into(),
            ))
        }
    })
}
