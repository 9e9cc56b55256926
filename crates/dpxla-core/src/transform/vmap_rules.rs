//! Batching rules, one arm per primitive. At least one operand is batched
//! (at axis 0); the result is returned batched at axis 0 unless noted.

use crate::trace::{DotDims, Prim, Tensor, TraceError, TraceResult, WindowParams};

use crate::array::DType;

use super::util::moveaxis;
use super::vmap::{to_batched, BVal};
use super::vmap_conv::conv_batch_rule;

fn shift(v: &[usize]) -> Vec<usize> {
    v.iter().map(|d| d + 1).collect()
}

fn with_batch<T: Clone>(first: T, rest: &[T]) -> Vec<T> {
    let mut v = vec![first];
    v.extend_from_slice(rest);
    v
}

fn batched(t: Tensor<'_>) -> TraceResult<BVal<'_>> {
    Ok(BVal { t, batched: true })
}

pub(crate) fn batch_rule<'b>(prim: &Prim, x: &[BVal<'b>], bsz: usize) -> TraceResult<BVal<'b>> {
    use Prim::*;
    let b = x[0].t.builder();
    // Elementwise: broadcast unbatched operands, apply unchanged.
    let all = || -> Vec<Tensor<'b>> { x.iter().map(|v| to_batched(*v, bsz)).collect() };
    let same = |p: Prim| batched(b.emit(p, &all()));
    match prim {
        Unary(_) | Binary(_) | Compare(_) | Select | Convert { .. } | StopGradient => {
            same(prim.clone())
        }
        // Markers (issue 24): with a batched kernel there is no fixed
        // Jacobian to factor, so the marker is dropped (its value is an input
        // whose own derivative is the plain one).
        WsStandardised { .. } => batched(to_batched(x[1], bsz)),
        WsGradient { .. } if x[2].batched => batched(to_batched(x[0], bsz)),
        WsGradient { .. } => batched(b.emit(
            prim.clone(),
            &[to_batched(x[0], bsz), to_batched(x[1], bsz), x[2].t],
        )),
        // No operands, so never batched; kept for exhaustiveness.
        Constant { .. } | Iota { .. } => Ok(BVal {
            t: b.emit(prim.clone(), &[]),
            batched: false,
        }),
        BroadcastInDim { shape, dims } => same(BroadcastInDim {
            shape: with_batch(bsz, shape),
            dims: with_batch(0, &shift(dims)),
        }),
        Reshape { shape } => same(Reshape {
            shape: with_batch(bsz, shape),
        }),
        Transpose { perm } => same(Transpose {
            perm: with_batch(0, &shift(perm)),
        }),
        Reverse { dims } => same(Reverse { dims: shift(dims) }),
        Slice {
            start,
            limit,
            stride,
        } => same(Slice {
            start: with_batch(0, start),
            limit: with_batch(bsz, limit),
            stride: with_batch(1, stride),
        }),
        Pad {
            low,
            high,
            interior,
        } => {
            let p = Pad {
                low: with_batch(0, low),
                high: with_batch(0, high),
                interior: with_batch(0, interior),
            };
            let op = to_batched(x[0], bsz);
            if !x[1].batched {
                return batched(b.emit(p, &[op, x[1].t]));
            }
            // Per-example padding values: pad with 0, then select the value
            // wherever a padding mask (the same pad of `true` with `false`)
            // is false.
            let dt = op.dtype();
            let padded = b.emit(p.clone(), &[op, b.scalar(0.0, dt)]);
            let ones = b.full(1.0, &op.shape(), DType::Bool);
            let mask = b.emit(p, &[ones, b.scalar(0.0, DType::Bool)]);
            let pv = x[1].t.broadcast_in_dim(&padded.shape(), &[0]);
            batched(b.select(mask, padded, pv))
        }
        Concatenate { dim } => same(Concatenate { dim: dim + 1 }),
        Reduce { op, axes } => same(Reduce {
            op: *op,
            axes: shift(axes),
        }),
        DotGeneral(DotDims {
            lhs_batch: lb,
            rhs_batch: rb,
            lhs_contract: lc,
            rhs_contract: rc,
        }) => {
            let (l, r) = (x[0], x[1]);
            let nb = lb.len();
            if l.batched && r.batched {
                // The vmapped dim becomes the leading dot batch dim.
                let p = DotGeneral(DotDims {
                    lhs_batch: with_batch(0, &shift(lb)),
                    rhs_batch: with_batch(0, &shift(rb)),
                    lhs_contract: shift(lc),
                    rhs_contract: shift(rc),
                });
                return same(p);
            }
            // One side batched: the vmapped dim is a free dim of that side,
            // placed after the dot batch dims (lhs) or the lhs free dims (rhs).
            let (lb2, lc2, rb2, rc2, pos) = if l.batched {
                (shift(lb), shift(lc), rb.clone(), rc.clone(), nb)
            } else {
                let lfree = l.t.rank() - nb - lc.len();
                (lb.clone(), lc.clone(), shift(rb), shift(rc), nb + lfree)
            };
            let p = DotGeneral(DotDims {
                lhs_batch: lb2,
                rhs_batch: rb2,
                lhs_contract: lc2,
                rhs_contract: rc2,
            });
            batched(moveaxis(b.emit(p, &[l.t, r.t]), pos, 0))
        }
        Conv(c) => batched(conv_batch_rule(c, x[0], x[1], bsz)),
        ReduceWindow(kind, w) => same(ReduceWindow(*kind, batch_window(w))),
        SelectAndScatterMax(w) => same(SelectAndScatterMax(batch_window(w))),
        // A batched key [B, 4]: the B keys are combined (wrapping u32 sum)
        // into one key that draws all [B, ...] samples at once. Samples are
        // independent across examples and deterministic in the keys, but
        // example i does NOT get the samples that the unbatched call with
        // key i would give (no loop over keys; RNG bits are unspecified).
        Rng { dist, shape, dtype } => {
            let key = x[0].t.sum(&[0]);
            let p = Rng {
                dist: *dist,
                shape: with_batch(bsz, shape),
                dtype: *dtype,
            };
            batched(b.emit(p, &[key]))
        }
        AllReduceSum { .. } => Err(TraceError::Transform(
            "all_reduce_sum has no vmap rule: reduce across replicas after batching \
             (train::programs::data_parallel), not inside a vmapped graph"
                .into(),
        )),
    }
}

/// The window with an untouched leading batch dim.
fn batch_window(w: &WindowParams) -> WindowParams {
    WindowParams {
        window: with_batch(1, &w.window),
        strides: with_batch(1, &w.strides),
        padding: with_batch((0, 0), &w.padding),
    }
}
