//! Batching (Autodidax part 2, "vmap"): every value is either unbatched or
//! carries the batch at axis 0 (we move the batch to the front on entry, so
//! rules only handle "batched at 0"; XLA removes the extra transposes).
//! Equations with no batched operand are copied unchanged.

use crate::trace::{Aval, Builder, Graph, Tensor, TraceError, TraceResult};

use super::checked;
use super::util::moveaxis;
use super::vmap_rules::batch_rule;

/// A value during batching: the tensor and whether axis 0 is the batch.
#[derive(Clone, Copy)]
pub(crate) struct BVal<'b> {
    pub t: Tensor<'b>,
    pub batched: bool,
}

/// `vmap(g, in_axes, batch)`: input `i` of the result is input `i` of `g`
/// with a batch dim of size `batch` inserted at `in_axes[i]` (None: not
/// batched, shared by all examples). Every output is batched at axis 0.
pub fn vmap(g: &Graph, in_axes: &[Option<usize>], batch: usize) -> TraceResult<Graph> {
    if in_axes.len() != g.inputs.len() {
        return Err(TraceError::Transform(format!(
            "{} in_axes for {} inputs",
            in_axes.len(),
            g.inputs.len()
        )));
    }
    let b = Builder::new();
    let mut env: Vec<Option<BVal>> = vec![None; g.avals.len()];
    for (v, ax) in g.inputs.iter().zip(in_axes) {
        let a = g.aval(*v);
        let val = match *ax {
            None => BVal {
                t: b.input(a.clone()),
                batched: false,
            },
            Some(ax) if ax <= a.rank() => {
                let mut s = a.shape.clone();
                s.insert(ax, batch);
                BVal {
                    t: moveaxis(b.input(Aval::new(s, a.dtype)), ax, 0),
                    batched: true,
                }
            }
            Some(ax) => {
                return Err(TraceError::Transform(format!(
                    "in_axis {ax} out of range for {a}"
                )))
            }
        };
        env[v.index()] = Some(val);
    }
    for e in &g.eqns {
        let ins: Vec<BVal> = e
            .inputs
            .iter()
            .map(|v| env[v.index()].expect("SSA"))
            .collect();
        let out = if ins.iter().any(|x| x.batched) {
            batch_rule(&e.prim, &ins, batch)?
        } else {
            let ts: Vec<Tensor> = ins.iter().map(|x| x.t).collect();
            BVal {
                t: b.emit(e.prim.clone(), &ts),
                batched: false,
            }
        };
        env[e.out.index()] = Some(out);
    }
    let outs: Vec<Tensor> = g
        .outputs
        .iter()
        .map(|v| {
            let x = env[v.index()].expect("SSA");
            to_batched(x, batch)
        })
        .collect();
    checked(b.finish(&outs)?)
}

/// The value with the batch at axis 0 (broadcasting an unbatched one).
#[track_caller]
pub(crate) fn to_batched(x: BVal<'_>, batch: usize) -> Tensor<'_> {
    if x.batched {
        return x.t;
    }
    let s = x.t.shape();
    let mut bs = vec![batch];
    bs.extend(&s);
    let dims: Vec<usize> = (1..=s.len()).collect();
    x.t.broadcast_in_dim(&bs, &dims)
}
