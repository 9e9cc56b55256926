//! Transpose (cotangent) rules, one arm per primitive, and the derivative
//! tables of the elementwise families ([`UnaryOp`], [`BinaryOp`]). `ct` is the
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

use crate::trace::{BinaryOp, Prim, ReduceOp, Tensor, TraceError, TraceResult, UnaryOp};

use crate::array::DType;

use super::util::inverse_perm;
use super::vjp::zeros_like;
use super::vjp_conv::{
    conv_transpose, dot_general_transpose, reduce_max_transpose, reduce_window_transpose,
};
use super::ws_jacobian::WsJacobian;

type Cts<'b> = Vec<Option<Tensor<'b>>>;

/// 1.0 where `pred`, else 0.0, in `dtype`.
fn indicator(pred: Tensor<'_>, dtype: DType) -> Tensor<'_> {
    pred.convert(dtype)
}

/// The derivative table of the unary ops: the cotangent of `x` given the
/// result `y` and its cotangent `ct` (None: the derivative is zero).
fn unary_transpose<'b>(
    op: UnaryOp,
    x: Tensor<'b>,
    y: Tensor<'b>,
    ct: Tensor<'b>,
) -> Option<Tensor<'b>> {
    Some(match op {
        UnaryOp::Neg => -ct,
        UnaryOp::Exp => ct * y,
        UnaryOp::Log => ct / x,
        UnaryOp::Log1p => ct / (x + 1.0),
        // tanh' = 1 - tanh²
        UnaryOp::Tanh => ct * (1.0 - y * y),
        // σ' = σ (1 - σ)
        UnaryOp::Logistic => ct * y * (1.0 - y),
        // (√x)' = 1 / (2√x)
        UnaryOp::Sqrt => ct * 0.5 / y,
        // (x^-½)' = -½ x^-3/2 = -½ y / x
        UnaryOp::Rsqrt => ct * -0.5 * y / x,
        UnaryOp::Abs => ct * x.sign(),
        UnaryOp::Sign => return None,
    })
}

/// The derivative table of the binary ops: the cotangents of `a` and `b`
/// given the result `y` and its cotangent `ct`.
fn binary_transpose<'b>(
    op: BinaryOp,
    a: Tensor<'b>,
    b: Tensor<'b>,
    y: Tensor<'b>,
    ct: Tensor<'b>,
) -> [Tensor<'b>; 2] {
    let dt = y.dtype();
    // Ties split the cotangent evenly (as JAX does), so the gradient of
    // max(x, x) = x is 1.
    let tie_split = |wa: Tensor<'b>, wb: Tensor<'b>| {
        let tie = indicator(a.eq(b), dt) * 0.5;
        [
            ct * (indicator(wa, dt) + tie),
            ct * (indicator(wb, dt) + tie),
        ]
    };
    match op {
        BinaryOp::Add => [ct, ct],
        BinaryOp::Sub => [ct, -ct],
        // d(ab) = b da + a db
        BinaryOp::Mul => [ct * b, ct * a],
        // d(a/b) = da/b - (a/b) db/b
        BinaryOp::Div => [ct / b, -(ct * y) / b],
        BinaryOp::Max => tie_split(a.gt(b), b.gt(a)),
        BinaryOp::Min => tie_split(a.lt(b), b.lt(a)),
        // d(a^b) = b a^(b-1) da + ln(a) a^b db; the db term is 0 at a = 0.
        BinaryOp::Pow => {
            let da = ct * b * a.pow(b - 1.0);
            let ln_a = a.eq(zeros_like(a)).select(zeros_like(a), a.log());
            [da, ct * y * ln_a]
        }
    }
}

pub(crate) fn transpose_rule<'b>(
    prim: &Prim,
    x: &[Tensor<'b>],
    y: Tensor<'b>,
    ct: Tensor<'b>,
) -> TraceResult<Cts<'b>> {
    use Prim::*;
    Ok(match prim {
        Unary(op) => vec![unary_transpose(*op, x[0], y, ct)],
        Binary(op) => binary_transpose(*op, x[0], x[1], y, ct)
            .into_iter()
            .map(Some)
            .collect(),
        Compare(_) | StopGradient => vec![None; x.len()],
        // A custom vjp (issue 24): the cotangent reaches the raw kernel
        // through the WS Jacobian, marked so the clipping can factor it; the
        // composed standardisation (`what`, input 1) is not differentiated.
        WsStandardised { eps } => {
            let j = WsJacobian::new(x[0], None, *eps).apply(ct);
            let g = ct.builder().emit(WsGradient { eps: *eps }, &[j, ct, x[0]]);
            vec![Some(g), None]
        }
        // The value is input 0.
        WsGradient { .. } => vec![Some(ct), None, None],
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
        Reduce {
            op: ReduceOp::Sum,
            axes,
        } => {
            let xs = x[0].shape();
            let kept: Vec<usize> = (0..xs.len()).filter(|d| !axes.contains(d)).collect();
            vec![Some(ct.broadcast_in_dim(&xs, &kept))]
        }
        Reduce {
            op: ReduceOp::Max,
            axes,
        } => vec![Some(reduce_max_transpose(x[0], axes, ct))],
        DotGeneral(d) => dot_general_transpose(d, x[0], x[1], ct),
        Conv(c) => conv_transpose(c, x[0], x[1], ct)?,
        ReduceWindow(kind, w) => vec![Some(reduce_window_transpose(*kind, w, x[0], y, ct))],
        // Linear in the source; the selection is piecewise constant in the
        // operand. Its transpose (gathering at the selected positions) is a
        // second derivative of max pooling, which nothing in dpxla needs.
        SelectAndScatterMax(_) => {
            return Err(TraceError::Transform(
                "select_and_scatter_max (the max-pool gradient) cannot be differentiated again"
                    .into(),
            ))
        }
        Rng { .. } => vec![None],
        AllReduceSum { .. } => {
            return Err(TraceError::Transform(
                "all_reduce_sum has no vjp rule: reduce gradients across replicas after \
                 differentiating (train::programs::data_parallel), not inside the differentiated graph"
                    .into(),
            ))
        }
    })
}
