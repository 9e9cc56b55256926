//! The reference interpreter (the test oracle) and the host array type.
//!
//! Values are computed in f64 and rounded to the dtype after every
//! primitive (f32/bf16 rounding, integer wrap-around), which matches XLA up
//! to floating-point reassociation. Integers are exact below 2^53.
//! Arrays are row-major (C order).

use super::error::{TraceError, TraceResult};
use super::interp_conv;
use super::ir::{Aval, CmpDir, DType, Graph, Prim, WindowKind};

/// Typed host storage; `BF16` holds raw bits.
#[derive(Clone, Debug, PartialEq)]
pub enum ArrayData {
    F32(Vec<f32>),
    F64(Vec<f64>),
    BF16(Vec<u16>),
    I32(Vec<i32>),
    I64(Vec<i64>),
    U8(Vec<u8>),
    U32(Vec<u32>),
    Bool(Vec<bool>),
}

/// A row-major array on the host.
#[derive(Clone, Debug, PartialEq)]
pub struct HostArray {
    pub shape: Vec<usize>,
    pub data: ArrayData,
}

fn bf16_to_f64(b: u16) -> f64 {
    f32::from_bits((b as u32) << 16) as f64
}

fn f64_to_bf16(x: f64) -> u16 {
    // Round to nearest even on the upper 16 bits of the f32.
    let bits = (x as f32).to_bits();
    if (x as f32).is_nan() {
        return 0x7fc0;
    }
    let round = 0x7fff + ((bits >> 16) & 1);
    (bits.wrapping_add(round) >> 16) as u16
}

/// Round an exact value to what `dtype` can hold.
pub(crate) fn round_to(x: f64, dtype: DType) -> f64 {
    match dtype {
        DType::F64 => x,
        DType::F32 => x as f32 as f64,
        DType::BF16 => bf16_to_f64(f64_to_bf16(x)),
        DType::I64 => x.trunc(),
        DType::I32 => (x.trunc() as i64) as i32 as f64,
        DType::U8 => (x.trunc() as i64) as u8 as f64,
        DType::U32 => (x.trunc() as i64) as u32 as f64,
        DType::Bool => (x != 0.0) as u8 as f64,
    }
}

impl ArrayData {
    pub fn len(&self) -> usize {
        match self {
            ArrayData::F32(v) => v.len(),
            ArrayData::F64(v) => v.len(),
            ArrayData::BF16(v) => v.len(),
            ArrayData::I32(v) => v.len(),
            ArrayData::I64(v) => v.len(),
            ArrayData::U8(v) => v.len(),
            ArrayData::U32(v) => v.len(),
            ArrayData::Bool(v) => v.len(),
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn dtype(&self) -> DType {
        match self {
            ArrayData::F32(_) => DType::F32,
            ArrayData::F64(_) => DType::F64,
            ArrayData::BF16(_) => DType::BF16,
            ArrayData::I32(_) => DType::I32,
            ArrayData::I64(_) => DType::I64,
            ArrayData::U8(_) => DType::U8,
            ArrayData::U32(_) => DType::U32,
            ArrayData::Bool(_) => DType::Bool,
        }
    }
    /// Values converted from f64 (rounded/wrapped to `dtype`).
    pub fn from_f64(v: &[f64], dtype: DType) -> ArrayData {
        let r = |x: &f64| round_to(*x, dtype);
        match dtype {
            DType::F32 => ArrayData::F32(v.iter().map(|x| *x as f32).collect()),
            DType::F64 => ArrayData::F64(v.to_vec()),
            DType::BF16 => ArrayData::BF16(v.iter().map(|x| f64_to_bf16(*x)).collect()),
            DType::I32 => ArrayData::I32(v.iter().map(|x| r(x) as i32).collect()),
            DType::I64 => ArrayData::I64(v.iter().map(|x| r(x) as i64).collect()),
            DType::U8 => ArrayData::U8(v.iter().map(|x| r(x) as u8).collect()),
            DType::U32 => ArrayData::U32(v.iter().map(|x| r(x) as u32).collect()),
            DType::Bool => ArrayData::Bool(v.iter().map(|x| *x != 0.0).collect()),
        }
    }
    /// All values as f64 (exact except i64 beyond 2^53).
    pub fn to_f64(&self) -> Vec<f64> {
        match self {
            ArrayData::F32(v) => v.iter().map(|x| *x as f64).collect(),
            ArrayData::F64(v) => v.clone(),
            ArrayData::BF16(v) => v.iter().map(|x| bf16_to_f64(*x)).collect(),
            ArrayData::I32(v) => v.iter().map(|x| *x as f64).collect(),
            ArrayData::I64(v) => v.iter().map(|x| *x as f64).collect(),
            ArrayData::U8(v) => v.iter().map(|x| *x as f64).collect(),
            ArrayData::U32(v) => v.iter().map(|x| *x as f64).collect(),
            ArrayData::Bool(v) => v.iter().map(|x| *x as u8 as f64).collect(),
        }
    }
}

impl HostArray {
    /// Panics if `data` does not have `shape`'s element count.
    pub fn new(shape: impl Into<Vec<usize>>, data: ArrayData) -> HostArray {
        let shape = shape.into();
        assert_eq!(
            shape.iter().product::<usize>(),
            data.len(),
            "HostArray data length for {shape:?}"
        );
        HostArray { shape, data }
    }
    pub fn from_f64(shape: impl Into<Vec<usize>>, v: &[f64], dtype: DType) -> HostArray {
        HostArray::new(shape, ArrayData::from_f64(v, dtype))
    }
    pub fn f32(shape: impl Into<Vec<usize>>, v: Vec<f32>) -> HostArray {
        HostArray::new(shape, ArrayData::F32(v))
    }
    pub fn f64(shape: impl Into<Vec<usize>>, v: Vec<f64>) -> HostArray {
        HostArray::new(shape, ArrayData::F64(v))
    }
    pub fn i32(shape: impl Into<Vec<usize>>, v: Vec<i32>) -> HostArray {
        HostArray::new(shape, ArrayData::I32(v))
    }
    pub fn u32(shape: impl Into<Vec<usize>>, v: Vec<u32>) -> HostArray {
        HostArray::new(shape, ArrayData::U32(v))
    }
    pub fn scalar(v: f64, dtype: DType) -> HostArray {
        HostArray::from_f64(vec![], &[v], dtype)
    }
    pub fn dtype(&self) -> DType {
        self.data.dtype()
    }
    pub fn aval(&self) -> Aval {
        Aval::new(self.shape.clone(), self.dtype())
    }
    pub fn numel(&self) -> usize {
        self.data.len()
    }
    pub fn to_f64(&self) -> Vec<f64> {
        self.data.to_f64()
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
        let out_aval = g.aval(e.outs[0]);
        if let Prim::AllReduceSum { replicas } = e.prim {
            if replicas != 1 {
                return Err(TraceError::Eval(format!(
                    "all_reduce_sum over {replicas} replicas: the interpreter runs one \
                     replica and cannot see the others (compile the graph with \
                     num_replicas = {replicas} instead)"
                )));
            }
        }
        let mut out = apply(&e.prim, &ins, out_aval);
        for x in out.v.iter_mut() {
            *x = round_to(*x, out.dtype);
        }
        env[e.outs[0].index()] = Some(out);
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

fn int_div(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        0.0
    } else {
        (a / b).trunc()
    }
}

/// The lowest value of a dtype (init of max reductions).
pub(crate) fn lowest(dtype: DType) -> f64 {
    match dtype {
        DType::I32 => i32::MIN as f64,
        DType::I64 => i64::MIN as f64,
        DType::U8 | DType::U32 | DType::Bool => 0.0,
        _ => f64::NEG_INFINITY,
    }
}

fn apply(prim: &Prim, x: &[&Arr], out: &Aval) -> Arr {
    use Prim::*;
    let float = out.dtype.is_float();
    match prim {
        Add => map2(x[0], x[1], out, |a, b| a + b),
        Sub => map2(x[0], x[1], out, |a, b| a - b),
        Mul => map2(x[0], x[1], out, |a, b| a * b),
        Div => map2(
            x[0],
            x[1],
            out,
            |a, b| if float { a / b } else { int_div(a, b) },
        ),
        Max => map2(x[0], x[1], out, |a, b| {
            if a.is_nan() || b.is_nan() {
                f64::NAN
            } else {
                a.max(b)
            }
        }),
        Min => map2(x[0], x[1], out, |a, b| {
            if a.is_nan() || b.is_nan() {
                f64::NAN
            } else {
                a.min(b)
            }
        }),
        Pow => map2(x[0], x[1], out, f64::powf),
        Neg => map1(x[0], out, |a| -a),
        Exp => map1(x[0], out, f64::exp),
        Log => map1(x[0], out, f64::ln),
        Log1p => map1(x[0], out, f64::ln_1p),
        Tanh => map1(x[0], out, f64::tanh),
        Logistic => map1(x[0], out, |a| 1.0 / (1.0 + (-a).exp())),
        Sqrt => map1(x[0], out, f64::sqrt),
        Rsqrt => map1(x[0], out, |a| 1.0 / a.sqrt()),
        Abs => map1(x[0], out, f64::abs),
        Sign => map1(x[0], out, |a| {
            if a.is_nan() {
                a
            } else if a == 0.0 {
                0.0
            } else {
                a.signum()
            }
        }),
        // One replica (checked in `eval`): the sum over it is the operand.
        StopGradient | Reshape { .. } | AllReduceSum { .. } => map1(x[0], out, |a| a),
        Convert { .. } => map1(x[0], out, |a| a),
        Compare { dir } => map2(x[0], x[1], out, |a, b| {
            let r = match dir {
                CmpDir::Eq => a == b,
                CmpDir::Ne => a != b,
                CmpDir::Lt => a < b,
                CmpDir::Le => a <= b,
                CmpDir::Gt => a > b,
                CmpDir::Ge => a >= b,
            };
            r as u8 as f64
        }),
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
        ReduceSum { axes } => reduce(x[0], axes, out, 0.0, |a, b| a + b),
        ReduceMax { axes } => reduce(x[0], axes, out, lowest(out.dtype), f64::max),
        DotGeneral {
            lhs_batch,
            rhs_batch,
            lhs_contract,
            rhs_contract,
        } => interp_conv::dot_general(
            x[0],
            x[1],
            [lhs_batch, rhs_batch, lhs_contract, rhs_contract],
            out,
        ),
        Conv { .. } => interp_conv::conv(prim, x[0], x[1], out),
        ReduceWindow {
            kind,
            window,
            strides,
            padding,
        } => {
            let (init, f): (f64, fn(f64, f64) -> f64) = match kind {
                WindowKind::Max => (lowest(out.dtype), f64::max),
                WindowKind::Sum => (0.0, |a, b| a + b),
            };
            interp_conv::reduce_window(x[0], window, strides, padding, init, f, out)
        }
        SelectAndScatterMax {
            window,
            strides,
            padding,
        } => interp_conv::select_and_scatter_max(x[0], x[1], window, strides, padding, out),
        RngUniform { .. } => interp_conv::rng(x[0], out, false),
        RngNormal { .. } => interp_conv::rng(x[0], out, true),
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
