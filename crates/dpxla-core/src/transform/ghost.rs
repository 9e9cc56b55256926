//! Per-example gradient norms and clipped sums without per-example gradients
//! ("ghost" norms, Goodfellow 2015, Li et al. 2022; book-keeping, Bu et al.
//! 2023), found by pattern in a batched per-example-gradient graph.
//!
//! In `vmap(value_and_grad(loss))`, the gradient of a weight that enters a
//! contraction (a dense layer; a convolution written as patches × kernel)
//! comes out of ONE `dot_general` whose only batch dim is the example axis:
//!
//! ```text
//! grad[b, i.., j..] = Σ_p A[b, p.., i..] · G[b, p.., j..]
//! ```
//!
//! with `A` the layer's input (activations) and `G` its output cotangent,
//! `p` the positions the layer is applied at (none for a plain dense layer).
//! Then, per example b, without forming `grad[b]`:
//!
//! - ‖grad_b‖² = ‖A_b‖²·‖G_b‖² when there are no positions, else
//!   Σ_{p,q} (A_b A_bᵀ)[p,q] · (G_b G_bᵀ)[p,q] (the Gram or "ghost" form,
//!   cheaper than the gradient when T·(I+J) < I·J for T positions);
//! - Σ_b w_b·grad_b = one contraction of (w·A) with G over the example axis and
//!   the positions: the clipped sum costs what the non-private gradient does.
//!
//! [`factor_gradient`] finds `A`, `G` and the contraction (through any
//! reshape / transpose that keeps the example axis first, and a widening
//! cast of mixed precision); the clipping code
//! (`dp::bookkeeping`) decides per tensor between the Gram form and the materialised
//! per-example gradient from the shapes ([`FactoredGrad::gram_is_cheaper`]).

use crate::trace::{DotDims, Graph, Prim, Tensor, Var};

pub use super::ghost_ws::WsFactor;

use crate::array::DType;

/// A reshape or transpose that keeps the example axis first (dim 0), as
/// recorded between a per-example contraction and the gradient output.
#[derive(Clone, Debug, PartialEq)]
pub enum PostOp {
    /// `reshape` to this shape (example axis included).
    Reshape(Vec<usize>),
    /// `transpose` by this permutation (which fixes 0).
    Transpose(Vec<usize>),
}

/// A per-example gradient output formed as a contraction of two batched
/// values (see the module docs). Dims are those of `lhs` / `rhs` in the
/// batched graph; dim 0 of both is the example axis.
#[derive(Clone, Debug, PartialEq)]
pub struct FactoredGrad {
    /// The layer input `A`, `[B, ...]`.
    pub lhs: Var,
    /// The output cotangent `G`, `[B, ...]`.
    pub rhs: Var,
    /// Position dims contracted within one example (matched pairwise).
    pub lhs_contract: Vec<usize>,
    pub rhs_contract: Vec<usize>,
    /// Reshapes / transposes from the `dot_general` result to the gradient
    /// output, each keeping the example axis first, applied in order.
    pub post: Vec<PostOp>,
    /// Sizes: example count B, positions T, lhs free elements I, rhs free J.
    pub batch: usize,
    pub positions: usize,
    pub lhs_free: usize,
    pub rhs_free: usize,
    /// Set when the gradient is the WS Jacobian of the contraction
    /// (`transform::ghost_ws`, issue 24 item 2): the norm and the sum are
    /// then those of J(M), J applied once after the contraction.
    pub ws: Option<WsFactor>,
}

impl FactoredGrad {
    /// Whether the Gram form beats materialising the per-example gradient
    /// for this tensor (mixed ghost clipping, Bu et al. 2022, "Scalable and
    /// efficient training of large convolutional neural networks with
    /// differential privacy": per layer, the cheaper of the two), counted in
    /// flops AND bytes ([`FactoredGrad::gram_cost_at`],
    /// [`FactoredGrad::materialised_cost`]) with the CPU's f64 weight
    /// [`GRAM_F64_COST`]; [`FactoredGrad::gram_is_cheaper_at`] takes another
    /// platform's. Always true with one position and no weight
    /// standardisation (the norm is ‖A‖·‖G‖).
    pub fn gram_is_cheaper(&self) -> bool {
        self.gram_is_cheaper_at(GRAM_F64_COST)
    }

    /// [`FactoredGrad::gram_is_cheaper`] with `f64_cost` the weight of an f64
    /// Gram multiply-add against an f32 one on the platform that runs it
    /// (dpxla-train's `gram_cost` table: CPU 4, H100-class GPUs 2, consumer
    /// GPUs and TPUs far more).
    pub fn gram_is_cheaper_at(&self, f64_cost: f64) -> bool {
        (self.positions == 1 && self.ws.is_none())
            || self.gram_cost_at(f64_cost) < self.materialised_cost()
    }

    /// (T, I, J) as floats.
    fn sizes(&self) -> (f64, f64, f64) {
        (
            self.positions as f64,
            self.lhs_free as f64,
            self.rhs_free as f64,
        )
    }

    /// Per example, in f32 multiply-adds (a byte moved costs [`BYTE_COST`]
    /// of them): forming M_b (T·I·J), its norm and weighted sum (2·I·J);
    /// M_b is written once and read twice in f32 (12·I·J bytes) and the
    /// factors read once (4·T·(I+J)).
    pub fn materialised_cost(&self) -> f64 {
        let (t, i, j) = self.sizes();
        t * i * j + 2.0 * i * j + BYTE_COST * (12.0 * i * j + 4.0 * t * (i + j))
    }

    /// Per example, as [`FactoredGrad::materialised_cost`], with `f64_cost`
    /// the weight of an f64 multiply-add: the two Gram matrices in f64
    /// (T²·(I+J) f64 multiply-adds), written and read (32·T² bytes), the
    /// factors widened to f64 and read by the Grams and by the contraction
    /// (28·T·(I+J)); with weight standardisation also ŵ_oᵀM'_o's
    /// contraction of the patches with ŵ in f64 (T·I·J, weighted;
    /// `transform::ghost_ws`) and its [T, J] f64 result written and read.
    /// The book-keeping contraction itself (one f64 product over B·T) is
    /// taken as costing what forming the B per-example gradients (B f32
    /// products) does: [`GRAM_F64_COST`] was measured with that equation.
    pub fn gram_cost_at(&self, f64_cost: f64) -> f64 {
        let (t, i, j) = self.sizes();
        let ws = match self.ws {
            Some(_) => f64_cost * t * i * j + BYTE_COST * 16.0 * t * j,
            None => 0.0,
        };
        f64_cost * t * t * (i + j) + BYTE_COST * (32.0 * t * t + 28.0 * t * (i + j)) + ws
    }
}

/// Cost of moving one byte to or from memory, in f32 multiply-adds (the
/// machine balance of XLA:CPU on a server core: matrix products at about ten
/// multiply-adds a cycle, memory streamed at about ten bytes a cycle). With
/// [`GRAM_F64_COST`], what [`FactoredGrad::gram_is_cheaper`] weighs;
/// measured per model with `dpxla bench --clipping-method` (BENCHMARKS.md,
/// "Mixed ghost clipping").
pub const BYTE_COST: f64 = 1.0;

/// Relative cost of a Gram multiply-add (f64, after widening both factors)
/// against an f32 multiply-add of the materialised gradient: f64 matrix
/// products run at about half the f32 rate on CPUs and GPUs alike, and the
/// widening copies the factors; measured on `cnn_tanh_cifar`, where an
/// unweighted model picked Gram forms that ran slower (BENCHMARKS.md). This
/// is the CPU's weight (the default); other platforms pass theirs to
/// [`FactoredGrad::gram_is_cheaper_at`].
pub const GRAM_F64_COST: f64 = 4.0;

fn producer(g: &Graph, v: Var) -> Option<&crate::trace::Eqn> {
    g.eqns.iter().find(|e| e.out == v)
}

/// How output `out` of the batched graph `g` is formed, if it is a
/// per-example contraction (see the module docs); `None` otherwise (the
/// gradient is then materialised per example).
pub fn factor_gradient(g: &Graph, out: usize) -> Option<FactoredGrad> {
    let batch = *g.aval(g.outputs[out]).shape.first()?;
    let mut v = g.outputs[out];
    let mut post = Vec::new();
    let mut ws = None;
    loop {
        let e = producer(g, v)?;
        match &e.prim {
            // Reshapes keeping dim 0 and transposes fixing 0 map `[B, ...]`
            // to `[B, ...]` without moving the example axis.
            Prim::Reshape { shape } if shape.first() == Some(&batch) => {
                post.push(PostOp::Reshape(shape.clone()));
                v = e.inputs[0];
            }
            Prim::Transpose { perm } if perm.first() == Some(&0) => {
                post.push(PostOp::Transpose(perm.clone()));
                v = e.inputs[0];
            }
            // Mixed precision (`nn::MixedPrecision`): the gradient of a cast
            // parameter is the narrow contraction widened. The factors keep
            // the narrow dtype here; the clipping widens them to the
            // gradient's dtype before any norm or sum (`dp::bookkeeping`),
            // so the tensor that is summed is the f32 contraction of the
            // widened factors, whose norm is the one computed.
            Prim::Convert { to } if widens(g.aval(e.inputs[0]).dtype, *to) => {
                v = e.inputs[0];
            }
            // Weight standardisation (issue 24): the gradient is J(m) for a
            // fixed J; nothing but widening casts may follow it.
            Prim::WsGradient { eps } if ws.is_none() && post.is_empty() => {
                ws = Some(WsFactor {
                    kernel: e.inputs[2],
                    eps: *eps,
                });
                v = e.inputs[1];
            }
            Prim::DotGeneral(DotDims {
                lhs_batch,
                rhs_batch,
                lhs_contract,
                rhs_contract,
            }) if lhs_batch == &[0] && rhs_batch == &[0] => {
                let (la, ra) = (g.aval(e.inputs[0]), g.aval(e.inputs[1]));
                if la.shape[0] != batch || ra.shape[0] != batch || !la.dtype.is_float() {
                    return None;
                }
                let positions: usize = lhs_contract.iter().map(|&d| la.shape[d]).product();
                let lhs_free = la.numel() / batch / positions.max(1);
                let rhs_free = ra.numel() / batch / positions.max(1);
                post.reverse();
                if ws.is_some() && !super::ghost_ws::channel_is_last(&ra.shape, rhs_contract, &post)
                {
                    return None;
                }
                return Some(FactoredGrad {
                    lhs: e.inputs[0],
                    rhs: e.inputs[1],
                    lhs_contract: lhs_contract.clone(),
                    rhs_contract: rhs_contract.clone(),
                    post,
                    batch,
                    positions,
                    lhs_free,
                    rhs_free,
                    ws,
                });
            }
            // A query, not a rule: any other producer ends the search.
            _ => return None,
        }
    }
}

/// Whether a conversion `from` → `to` is exact (a float into a wider float).
fn widens(from: DType, to: DType) -> bool {
    matches!(
        (from, to),
        (DType::BF16, DType::F32) | (DType::BF16, DType::F64) | (DType::F32, DType::F64)
    )
}

pub(crate) fn free_dims(rank: usize, contract: &[usize]) -> Vec<usize> {
    (1..rank).filter(|d| !contract.contains(d)).collect()
}

/// ‖grad_b‖² per example, `[B]`, from `a` and `g` (the factors' values), by
/// the Gram form (or ‖A_b‖²‖G_b‖² with one position). Computed in the dtype
/// of the inputs (callers widen to f64 for an exact-enough bound).
pub fn factored_sq_norm<'b>(f: &FactoredGrad, a: Tensor<'b>, g: Tensor<'b>) -> Tensor<'b> {
    let sq_all = |x: Tensor<'b>| {
        let axes: Vec<usize> = (1..x.rank()).collect();
        if axes.is_empty() {
            x * x
        } else {
            (x * x).sum(&axes)
        }
    };
    if f.positions == 1 {
        // One position (a dense layer, also with a size-1 leading dim):
        // ‖aᵀg‖ = ‖a‖‖g‖.
        return sq_all(a) * sq_all(g);
    }
    // Positions first, in the order the contraction pairs them, then the
    // free dims; the Gram matrix contracts the free dims: [B, P.., Q..].
    let gram = |x: Tensor<'b>, contract: &[usize]| {
        let mut perm = vec![0];
        perm.extend(contract);
        perm.extend(free_dims(x.rank(), contract));
        let x = x.transpose(&perm);
        let free: Vec<usize> = (1 + contract.len()..x.rank()).collect();
        x.dot_general(x, &[0], &[0], &free, &free)
    };
    let ga = gram(a, &f.lhs_contract);
    let gg = gram(g, &f.rhs_contract);
    let axes: Vec<usize> = (1..ga.rank()).collect();
    (ga * gg).sum(&axes)
}

/// Σ_b w_b·grad_b (the gradient's shape without the example axis): `w` `[B]`
/// scales `a`'s rows, then one contraction over the example axis and the
/// positions; `post` is replayed without the example axis.
pub fn factored_weighted_sum<'b>(
    f: &FactoredGrad,
    w: Tensor<'b>,
    a: Tensor<'b>,
    g: Tensor<'b>,
) -> Tensor<'b> {
    let wa = a * w.broadcast_in_dim(&a.shape(), &[0]);
    let mut lc = vec![0];
    lc.extend(&f.lhs_contract);
    let mut rc = vec![0];
    rc.extend(&f.rhs_contract);
    let mut s = wa.dot_general(g, &[], &[], &lc, &rc);
    for p in &f.post {
        s = match p {
            PostOp::Reshape(shape) => s.reshape(&shape[1..]),
            PostOp::Transpose(perm) => {
                let p: Vec<usize> = perm[1..].iter().map(|d| d - 1).collect();
                s.transpose(&p)
            }
        };
    }
    s
}
