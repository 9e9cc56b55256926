//! Book-keeping through weight standardisation (issue 24 item 2).
//!
//! A weight-standardised convolution (`nn::layers::conv2d_ws`) marks its
//! kernel's standardisation ([`crate::trace::Prim::WsStandardised`]), so the
//! per-example gradient of the raw kernel w is `WsGradient(J(M_b), M_b, w)`
//! with M_b = A_bᵀG_b the per-example contraction of the gradient w.r.t. the
//! standardised kernel ŵ and J the WS Jacobian of w (`transform::ws_jacobian`;
//! the gain sits on the conv output, so J has none). J is the same for every
//! example, so
//!
//! - the clipped sum is J(Σ_b w_b·A_bᵀG_b): the book-keeping contraction,
//!   then ONE application of J ([`ws_weighted_sum`]);
//! - the per-example norm is ‖J(M_b)‖² = ‖M'_b‖² − Σ_o (1ᵀM'_{b,o})²/n −
//!   Σ_o c_o·(ŵ_oᵀM'_{b,o})² with M' = M·diag(1/s) (`WsJacobian::sq_norm`),
//!   every term from the factors ([`ws_norm_parts`]): ‖M'_b‖² by the ghost
//!   norm of (A, G·diag(1/s)); 1ᵀM'_o = Σ_p (row-sum of A_p)·G'_{p,o}, cheap;
//!   ŵ_oᵀM'_o = Σ_p (A_p·ŵ_o)·G'_{p,o}, one contraction of the patches with
//!   ŵ (the forward convolution's multiply-adds, in f64), which the cost
//!   model charges (`FactoredGrad::gram_is_cheaper`).
//!
//! The factoring needs the output channel (the kernel's last axis) to be the
//! contraction's one rhs free dim, kept last by every reshape / transpose
//! after it ([`channel_is_last`]); otherwise the tensor is materialised.

use crate::trace::{Tensor, Var};

use super::ghost::{factored_sq_norm, factored_weighted_sum, free_dims, FactoredGrad, PostOp};
use super::util::inverse_perm;
use super::ws_jacobian::WsJacobian;

/// The WS part of a factored gradient: the raw kernel (a var of the batched
/// graph, unbatched) and the standardisation's floor.
#[derive(Clone, Debug, PartialEq)]
pub struct WsFactor {
    pub kernel: Var,
    pub eps: f64,
}

/// Whether the rhs factor (shape `rhs_shape`, positions `rhs_contract`) has
/// exactly one free dim and every post op keeps it as the last axis (a
/// reshape ending in the same size keeps the row-major last index; a
/// transpose fixing the last axis does too).
pub(crate) fn channel_is_last(
    rhs_shape: &[usize],
    rhs_contract: &[usize],
    post: &[PostOp],
) -> bool {
    let free = free_dims(rhs_shape.len(), rhs_contract);
    let [d] = free[..] else {
        return false;
    };
    let o = rhs_shape[d];
    post.iter().all(|p| match p {
        PostOp::Reshape(s) => s.last() == Some(&o),
        PostOp::Transpose(perm) => perm.last() == Some(&(perm.len() - 1)),
    })
}

/// `x` `[B, ...]` with the `contract` dims right after the example axis,
/// then the free dims in order.
fn positions_first<'b>(x: Tensor<'b>, contract: &[usize]) -> Tensor<'b> {
    let mut perm = vec![0];
    perm.extend(contract);
    perm.extend(free_dims(x.rank(), contract));
    x.transpose(&perm)
}

/// `k` (the kernel's layout) in the contraction result's layout: the lhs
/// free dims in order, then the channel. `dot_shape` is that result's shape
/// with the example axis; the post ops are undone in reverse.
fn unpost<'b>(f: &FactoredGrad, dot_shape: Vec<usize>, k: Tensor<'b>) -> Tensor<'b> {
    let mut before = Vec::with_capacity(f.post.len());
    let mut s = dot_shape;
    for p in &f.post {
        let next = match p {
            PostOp::Reshape(shape) => shape.clone(),
            PostOp::Transpose(perm) => perm.iter().map(|&d| s[d]).collect(),
        };
        before.push(std::mem::replace(&mut s, next));
    }
    let mut one = vec![1];
    one.extend(k.shape());
    let mut x = k.reshape(&one);
    for (p, prev) in f.post.iter().zip(before).rev() {
        x = match p {
            PostOp::Reshape(_) => {
                let mut shape = vec![1];
                shape.extend(&prev[1..]);
                x.reshape(&shape)
            }
            PostOp::Transpose(perm) => x.transpose(&inverse_perm(perm)),
        };
    }
    x.reshape(&x.shape()[1..])
}

fn sum_or_self<'b>(x: Tensor<'b>, axes: &[usize]) -> Tensor<'b> {
    if axes.is_empty() {
        x
    } else {
        x.sum(axes)
    }
}

/// (‖M'_b‖² `[B]`, 1ᵀM'_{b,o} `[B, O]`, ŵ_oᵀM'_{b,o} `[B, O]`) from the
/// factors `a`, `g` of `f` (module docs), in their dtype (callers widen to
/// f64). `jac` is the WS Jacobian of `f.ws`'s kernel.
pub fn ws_norm_parts<'b>(
    f: &FactoredGrad,
    jac: &WsJacobian<'b>,
    a: Tensor<'b>,
    g: Tensor<'b>,
) -> (Tensor<'b>, Tensor<'b>, Tensor<'b>) {
    let gd = free_dims(g.rank(), &f.rhs_contract)[0];
    let gs = g * jac.scale.broadcast_in_dim(&g.shape(), &[gd]);
    let sq = factored_sq_norm(f, a, gs);
    let at = positions_first(a, &f.lhs_contract);
    let gt = positions_first(gs, &f.rhs_contract);
    let np = f.lhs_contract.len();
    let pos: Vec<usize> = (1..=np).collect();
    let afree: Vec<usize> = (1 + np..at.rank()).collect();
    let ones_dot = sum_or_self(at, &afree).dot_general(gt, &[0], &[0], &pos, &pos);
    let ash = at.shape();
    let mut dot_shape = vec![f.batch];
    dot_shape.extend(afree.iter().map(|&d| ash[d]));
    dot_shape.push(*gt.shape().last().expect("a channel dim"));
    let wl = unpost(f, dot_shape, jac.what);
    let wl_axes: Vec<usize> = (0..afree.len()).collect();
    let aw = at.dot_general(wl, &[], &[], &afree, &wl_axes);
    let what_dot = sum_or_self(aw * gt, &pos);
    (sq, ones_dot, what_dot)
}

/// ‖J(M_b)‖² per example `[B]` from the factors (the plain estimate; the
/// clipping uses `dp::float_bound`'s upper bound of it).
pub fn ws_sq_norm<'b>(
    f: &FactoredGrad,
    jac: &WsJacobian<'b>,
    a: Tensor<'b>,
    g: Tensor<'b>,
) -> Tensor<'b> {
    let (sq, ones_dot, what_dot) = ws_norm_parts(f, jac, a, g);
    jac.sq_norm(sq, ones_dot, what_dot)
}

/// J(Σ_b w_b·A_bᵀG_b): the book-keeping contraction, then J once.
pub fn ws_weighted_sum<'b>(
    f: &FactoredGrad,
    jac: &WsJacobian<'b>,
    w: Tensor<'b>,
    a: Tensor<'b>,
    g: Tensor<'b>,
) -> Tensor<'b> {
    jac.apply(factored_weighted_sum(f, w, a, g))
}
