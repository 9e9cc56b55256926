//! The reference interpreter (the test oracle). Host arrays live in
//! [`crate::array`].
//!
//! Values are computed in f64 and rounded to the dtype after every
//! primitive (f32/bf16 rounding, integer wrap-around), which matches XLA up
//! to floating-point reassociation. Integers are exact below 2^53.
//! Arrays are row-major (C order).

use super::error::{TraceError, TraceResult};
use super::interp_conv;
use super::ir::{Aval, Graph, Prim, ReduceOp, RngDist};
use crate::array::DType;
use crate::array::{round_to, HostArray};

impl HostArray {
    /// Its abstract value (shape and dtype).
    pub fn aval(&self) -> Aval {
        Aval::new(self.shape.clone(), self.dtype())
    }
}

/// Interpreter value: f64 storage already rounded to `dtype`.
#[derive(Clone, Debug)]
pub(crate) struct Arr {
    pub shape: Vec<usize>,
    pub dtype: DType,
    pub v: Vec<f64>,
}

/// Row-major strides.
pub(crate) fn strides(shape: &[usize]) -> Vec<usize> {
    let mut s = vec![1; shape.len()];
    for i in (0..shape.len().saturating_sub(1)).rev() {
        s[i] = s[i + 1] * shape[i + 1];
    }
    s
}

/// Multi-index of flat index `i`.
pub(crate) fn unravel(mut i: usize, shape: &[usize]) -> Vec<usize> {
    let mut idx = vec![0; shape.len()];
    for d in (0..shape.len()).rev() {
        idx[d] = i % shape[d];
        i /= shape[d];
    }
    idx
}

/// Evaluate `g` on `args` (one per graph input, matching its avals).
pub fn eval(g: &Graph, args: &[HostArray]) -> TraceResult<Vec<HostArray>> {
    if args.len() != g.inputs.len() {
        return Err(TraceError::Eval(format!(
            "{} args for {} inputs",
            args.len(),
            g.inputs.len()
        )));
    }
    let mut env: Vec<Option<Arr>> = vec![None; g.avals.len()];
    for (v, a) in g.inputs.iter().zip(args) {
        if a.aval() != *g.aval(*v) {
            return Err(TraceError::Eval(format!(
                "arg {} for input {}",
                a.aval(),
                g.aval(*v)
            )));
        }
        env[v.index()] = Some(Arr {
            shape: a.shape.clone(),
            dtype: a.dtype(),
            v: a.to_f64(),
        });
    }
    for e in &g.eqns {
        let ins: Vec<&Arr> = e
            .inputs
            .iter()
            .map(|v| env[v.index()].as_ref().expect("SSA"))
            .collect();
        if let Prim::AllReduceSum { replicas } = e.prim {
            if replicas != 1 {
                return Err(TraceError::Eval(format!(
                    "all_reduce_sum over {replicas} replicas: the interpreter runs one \
                     replica and cannot see the others (compile the graph with \
                     num_replicas = {replicas} instead)"
                )));
            }
        }
        let mut out = apply(&e.prim, &ins, g.aval(e.out));
        for x in out.v.iter_mut() {
            *x = round_to(*x, out.dtype);
        }
        env[e.out.index()] = Some(out);
    }
    Ok(g.outputs
        .iter()
        .map(|v| {
            let a = env[v.index()].as_ref().expect("SSA");
            HostArray::from_f64(a.shape.clone(), &a.v, a.dtype)
        })
        .collect())
}

fn map1(x: &Arr, out: &Aval, f: impl Fn(f64) -> f64) -> Arr {
    Arr {
        shape: out.shape.clone(),
        dtype: out.dtype,
        v: x.v.iter().map(|a| f(*a)).collect(),
    }
}

fn map2(x: &Arr, y: &Arr, out: &Aval, f: impl Fn(f64, f64) -> f64) -> Arr {
    let v = x.v.iter().zip(&y.v).map(|(a, b)| f(*a, *b)).collect();
    Arr {
        shape: out.shape.clone(),
        dtype: out.dtype,
        v,
    }
}

/// Build the result by gathering: `src(out_multi_index)` gives the flat
/// source index or None (then `fill`).
fn gather(x: &Arr, out: &Aval, fill: f64, src: impl Fn(&[usize]) -> Option<usize>) -> Arr {
    let n = out.numel();
    let v = (0..n)
        .map(|i| src(&unravel(i, &out.shape)).map_or(fill, |j| x.v[j]))
        .collect();
    Arr {
        shape: out.shape.clone(),
        dtype: out.dtype,
        v,
    }
}

/// The lowest value of a dtype (init of max reductions).
pub(crate) fn lowest(dtype: DType) -> f64 {
    match dtype {
        DType::I32 => i32::MIN as f64,
        DType::I64 => i64::MIN as f64,
        DType::U8 | DType::U32 | DType::Bool => 0.0,
        DType::F32 | DType::F64 | DType::BF16 => f64::NEG_INFINITY,
    }
}

fn apply(prim: &Prim, x: &[&Arr], out: &Aval) -> Arr {
    use Prim::*;
    match prim {
        Binary(op) => map2(x[0], x[1], out, |a, b| op.eval(a, b, out.dtype)),
        Unary(op) => map1(x[0], out, |a| op.eval(a)),
        StopGradient | Reshape { .. } | AllReduceSum { .. } => map1(x[0], out, |a| a),
        WsGradient { .. } => map1(x[0], out, |a| a),
        WsStandardised { .. } => map1(x[1], out, |a| a),
        Convert { .. } => map1(x[0], out, |a| a),
        Compare(dir) => map2(x[0], x[1], out, |a, b| dir.eval(a, b) as u8 as f64),
        Select => {
            let v = (0..out.numel())
                .map(|i| {
                    if x[0].v[i] != 0.0 {
                        x[1].v[i]
                    } else {
                        x[2].v[i]
                    }
                })
                .collect();
            Arr {
                shape: out.shape.clone(),
                dtype: out.dtype,
                v,
            }
        }
        Constant { value } => {
            let n = out.numel();
            let v = (0..n)
                .map(|i| value.get_f64(if value.is_splat() { 0 } else { i }))
                .collect();
            Arr {
                shape: out.shape.clone(),
                dtype: out.dtype,
                v,
            }
        }
        Iota { shape, dim, .. } => {
            let v = (0..out.numel())
                .map(|i| unravel(i, shape)[*dim] as f64)
                .collect();
            Arr {
                shape: out.shape.clone(),
                dtype: out.dtype,
                v,
            }
        }
        BroadcastInDim { dims, .. } => {
            let st = strides(&x[0].shape);
            let xs = &x[0].shape;
            gather(x[0], out, 0.0, |o| {
                Some(
                    dims.iter()
                        .enumerate()
                        .map(|(i, &d)| if xs[i] == 1 { 0 } else { o[d] * st[i] })
                        .sum(),
                )
            })
        }
        Transpose { perm } => {
            let st = strides(&x[0].shape);
            gather(x[0], out, 0.0, |o| {
                Some(perm.iter().enumerate().map(|(i, &p)| o[i] * st[p]).sum())
            })
        }
        Reverse { dims } => {
            let st = strides(&x[0].shape);
            let s = &x[0].shape;
            gather(x[0], out, 0.0, |o| {
                Some((0..o.len()).map(|d| if dims.contains(&d) { s[d] - 1 - o[d] } else { o[d] } * st[d]).sum())
            })
        }
        Slice { start, stride, .. } => {
            let st = strides(&x[0].shape);
            gather(x[0], out, 0.0, |o| {
                Some(
                    (0..o.len())
                        .map(|d| (start[d] + o[d] * stride[d]) * st[d])
                        .sum(),
                )
            })
        }
        Pad { low, interior, .. } => {
            let st = strides(&x[0].shape);
            let s = &x[0].shape;
            gather(x[0], out, x[1].v[0], |o| {
                let mut j = 0;
                for d in 0..o.len() {
                    let p = o[d] as i64 - low[d];
                    let step = interior[d] as i64 + 1;
                    if p < 0 || p % step != 0 || p / step >= s[d] as i64 {
                        return None;
                    }
                    j += (p / step) as usize * st[d];
                }
                Some(j)
            })
        }
        Concatenate { dim } => {
            let mut v = Vec::with_capacity(out.numel());
            let outer: usize = out.shape[..*dim].iter().product();
            for o in 0..outer {
                for a in x {
                    let inner: usize = a.shape[*dim..].iter().product();
                    v.extend_from_slice(&a.v[o * inner..(o + 1) * inner]);
                }
            }
            Arr {
                shape: out.shape.clone(),
                dtype: out.dtype,
                v,
            }
        }
        Reduce { op, axes } => match op {
            ReduceOp::Sum => reduce(x[0], axes, out, 0.0, |a, b| a + b),
            ReduceOp::Max => reduce(x[0], axes, out, lowest(out.dtype), f64::max),
        },
        DotGeneral(d) => interp_conv::dot_general(
            x[0],
            x[1],
            [&d.lhs_batch, &d.rhs_batch, &d.lhs_contract, &d.rhs_contract],
            out,
        ),
        Conv(c) => interp_conv::conv(c, x[0], x[1], out),
        ReduceWindow(kind, w) => {
            let (init, f): (f64, fn(f64, f64) -> f64) = match kind {
                ReduceOp::Max => (lowest(out.dtype), f64::max),
                ReduceOp::Sum => (0.0, |a, b| a + b),
            };
            interp_conv::reduce_window(x[0], &w.window, &w.strides, &w.padding, init, f, out)
        }
        SelectAndScatterMax(w) => {
            interp_conv::select_and_scatter_max(x[0], x[1], &w.window, &w.strides, &w.padding, out)
        }
        Rng { dist, .. } => interp_conv::rng(x[0], out, *dist == RngDist::Normal),
    }
}

fn reduce(x: &Arr, axes: &[usize], out: &Aval, init: f64, f: impl Fn(f64, f64) -> f64) -> Arr {
    let mut v = vec![init; out.numel()];
    let keep: Vec<usize> = (0..x.shape.len()).filter(|d| !axes.contains(d)).collect();
    let ost = strides(&out.shape);
    for (i, a) in x.v.iter().enumerate() {
        let idx = unravel(i, &x.shape);
        let o: usize = keep.iter().enumerate().map(|(k, &d)| idx[d] * ost[k]).sum();
        v[o] = f(v[o], *a);
    }
    Arr {
        shape: out.shape.clone(),
        dtype: out.dtype,
        v,
    }
}
