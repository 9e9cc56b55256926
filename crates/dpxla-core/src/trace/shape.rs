//! THE shape function: `abstract_eval(prim, input avals) -> output avals`.
//! Used by the builder (to type new equations), by the transforms (through
//! the builder) and by `verify` (to re-check every equation). Constraints
//! follow the StableHLO spec section of each op.

use super::error::ShapeError;
use super::ir::{Aval, ConvParams, DotDims, Prim, ReduceOp, WindowParams, KEY_DTYPE, KEY_SHAPE};
use crate::array::DType;

fn err<T>(msg: impl Into<String>) -> Result<T, ShapeError> {
    Err(ShapeError(msg.into()))
}

fn nargs(inputs: &[Aval], n: usize) -> Result<(), ShapeError> {
    if inputs.len() != n {
        return err(format!("expected {n} operand(s), got {}", inputs.len()));
    }
    Ok(())
}

fn same(a: &Aval, b: &Aval) -> Result<(), ShapeError> {
    if a != b {
        return err(format!(
            "operands must have equal shape and dtype, got {a} and {b}"
        ));
    }
    Ok(())
}

fn float(a: &Aval) -> Result<(), ShapeError> {
    if !a.dtype.is_float() {
        return err(format!("needs a float operand, got {a}"));
    }
    Ok(())
}

/// Size of `n` elements with `d - 1` holes inserted between neighbours.
pub fn dilate(n: usize, d: usize) -> usize {
    if n == 0 {
        0
    } else {
        (n - 1) * d + 1
    }
}

/// Number of windows of size `win` (already dilated) with `stride` over
/// `padded` elements.
pub fn windows(padded: i64, win: usize, stride: usize) -> usize {
    if padded < win as i64 {
        0
    } else {
        (padded as usize - win) / stride + 1
    }
}

fn check_axes(axes: &[usize], rank: usize, what: &str) -> Result<(), ShapeError> {
    let mut seen = vec![false; rank];
    for &a in axes {
        if a >= rank || seen[a] {
            return err(format!("bad {what} {axes:?} for rank {rank}"));
        }
        seen[a] = true;
    }
    Ok(())
}

fn reduce(x: &Aval, axes: &[usize]) -> Result<Aval, ShapeError> {
    check_axes(axes, x.rank(), "axes")?;
    let shape: Vec<usize> = (0..x.rank())
        .filter(|d| !axes.contains(d))
        .map(|d| x.shape[d])
        .collect();
    Ok(Aval::new(shape, x.dtype))
}

/// The output aval of `prim` applied to operands with avals `inputs`.
pub fn abstract_eval(prim: &Prim, inputs: &[Aval]) -> Result<Aval, ShapeError> {
    use Prim::*;
    match prim {
        Binary(op) => {
            nargs(inputs, 2)?;
            same(&inputs[0], &inputs[1])?;
            if inputs[0].dtype == DType::Bool && !op.allows_bool() {
                return err("arithmetic on bool");
            }
            Ok(inputs[0].clone())
        }
        Unary(op) => {
            nargs(inputs, 1)?;
            if op.float_only() {
                float(&inputs[0])?;
            } else if inputs[0].dtype == DType::Bool {
                return err("arithmetic on bool");
            }
            Ok(inputs[0].clone())
        }
        StopGradient => {
            nargs(inputs, 1)?;
            Ok(inputs[0].clone())
        }
        WsStandardised { .. } => {
            nargs(inputs, 2)?;
            float(&inputs[0])?;
            same(&inputs[0], &inputs[1])?;
            if inputs[0].shape.is_empty() {
                return err("the kernel needs an output-channel axis");
            }
            Ok(inputs[1].clone())
        }
        WsGradient { .. } => {
            nargs(inputs, 3)?;
            same(&inputs[0], &inputs[1])?;
            let (m, w) = (&inputs[1].shape, &inputs[2].shape);
            if w.is_empty() || m.len() < w.len() || m[m.len() - w.len()..] != w[..] {
                return err("m must be the kernel's shape after leading example axes");
            }
            Ok(inputs[0].clone())
        }
        Compare(_) => {
            nargs(inputs, 2)?;
            same(&inputs[0], &inputs[1])?;
            Ok(Aval::new(inputs[0].shape.clone(), DType::Bool))
        }
        Select => {
            nargs(inputs, 3)?;
            if inputs[0].dtype != DType::Bool || inputs[0].shape != inputs[1].shape {
                return err(format!(
                    "predicate must be bool of the operand shape, got {} for {}",
                    inputs[0], inputs[1]
                ));
            }
            same(&inputs[1], &inputs[2])?;
            Ok(inputs[1].clone())
        }
        Convert { to } => {
            nargs(inputs, 1)?;
            Ok(Aval::new(inputs[0].shape.clone(), *to))
        }
        Constant { value } => {
            nargs(inputs, 0)?;
            let n: usize = value.shape.iter().product();
            if value.len() != 1 && value.len() != n {
                return err(format!(
                    "literal has {} values for shape {:?}",
                    value.len(),
                    value.shape
                ));
            }
            Ok(Aval::new(value.shape.clone(), value.dtype))
        }
        Iota { shape, dtype, dim } => {
            nargs(inputs, 0)?;
            if *dim >= shape.len() {
                return err(format!("iota dim {dim} out of range for {shape:?}"));
            }
            Ok(Aval::new(shape.clone(), *dtype))
        }
        BroadcastInDim { shape, dims } => {
            nargs(inputs, 1)?;
            let x = &inputs[0];
            if dims.len() != x.rank() {
                return err(format!(
                    "dims {dims:?} must have one entry per operand dim of {x}"
                ));
            }
            check_axes(dims, shape.len(), "broadcast dims")?;
            for (i, &d) in dims.iter().enumerate() {
                if i > 0 && d <= dims[i - 1] {
                    // The spec allows unsorted dims; we require sorted ones so
                    // that the result never transposes (simpler rules).
                    return err(format!("broadcast dims {dims:?} must be increasing"));
                }
                if x.shape[i] != 1 && x.shape[i] != shape[d] {
                    return err(format!(
                        "cannot broadcast {x} to {shape:?} with dims {dims:?}"
                    ));
                }
            }
            Ok(Aval::new(shape.clone(), x.dtype))
        }
        Reshape { shape } => {
            nargs(inputs, 1)?;
            if shape.iter().product::<usize>() != inputs[0].numel() {
                return err(format!("cannot reshape {} to {shape:?}", inputs[0]));
            }
            Ok(Aval::new(shape.clone(), inputs[0].dtype))
        }
        Transpose { perm } => {
            nargs(inputs, 1)?;
            let x = &inputs[0];
            if perm.len() != x.rank() {
                return err(format!("perm {perm:?} for {x}"));
            }
            check_axes(perm, x.rank(), "permutation")?;
            Ok(Aval::new(
                perm.iter().map(|&p| x.shape[p]).collect::<Vec<_>>(),
                x.dtype,
            ))
        }
        Reverse { dims } => {
            nargs(inputs, 1)?;
            check_axes(dims, inputs[0].rank(), "reverse dims")?;
            Ok(inputs[0].clone())
        }
        Slice {
            start,
            limit,
            stride,
        } => {
            nargs(inputs, 1)?;
            let x = &inputs[0];
            let r = x.rank();
            if start.len() != r || limit.len() != r || stride.len() != r {
                return err(format!(
                    "slice params {start:?}:{limit:?}:{stride:?} for {x}"
                ));
            }
            let mut shape = vec![];
            for d in 0..r {
                if start[d] > limit[d] || limit[d] > x.shape[d] || stride[d] == 0 {
                    return err(format!("bad slice {start:?}:{limit:?}:{stride:?} of {x}"));
                }
                shape.push((limit[d] - start[d]).div_ceil(stride[d]));
            }
            Ok(Aval::new(shape, x.dtype))
        }
        Pad {
            low,
            high,
            interior,
        } => {
            nargs(inputs, 2)?;
            let (x, v) = (&inputs[0], &inputs[1]);
            if v.rank() != 0 || v.dtype != x.dtype {
                return err(format!(
                    "padding value must be a scalar of the operand dtype, got {v}"
                ));
            }
            let r = x.rank();
            if low.len() != r || high.len() != r || interior.len() != r {
                return err(format!("pad params for {x}"));
            }
            let mut shape = vec![];
            for d in 0..r {
                let n = low[d] + high[d] + dilate(x.shape[d], interior[d] + 1) as i64;
                if n < 0 {
                    return err(format!("padding makes dim {d} of {x} negative"));
                }
                shape.push(n as usize);
            }
            Ok(Aval::new(shape, x.dtype))
        }
        Concatenate { dim } => {
            if inputs.is_empty() {
                return err("concatenate needs operands");
            }
            let x = &inputs[0];
            if *dim >= x.rank() {
                return err(format!("dim {dim} out of range for {x}"));
            }
            let mut shape = x.shape.clone();
            shape[*dim] = 0;
            for y in inputs {
                let ok = y.dtype == x.dtype
                    && y.rank() == x.rank()
                    && (0..x.rank()).all(|d| d == *dim || y.shape[d] == x.shape[d]);
                if !ok {
                    return err(format!("cannot concatenate {x} and {y} along {dim}"));
                }
                shape[*dim] += y.shape[*dim];
            }
            Ok(Aval::new(shape, x.dtype))
        }
        Reduce { axes, .. } => {
            nargs(inputs, 1)?;
            reduce(&inputs[0], axes)
        }
        DotGeneral(DotDims {
            lhs_batch,
            rhs_batch,
            lhs_contract,
            rhs_contract,
        }) => {
            nargs(inputs, 2)?;
            let (l, r) = (&inputs[0], &inputs[1]);
            if l.dtype != r.dtype {
                return err(format!("dtypes differ: {l} and {r}"));
            }
            let mut lused: Vec<usize> = lhs_batch.iter().chain(lhs_contract).copied().collect();
            let mut rused: Vec<usize> = rhs_batch.iter().chain(rhs_contract).copied().collect();
            check_axes(&lused, l.rank(), "lhs dims")?;
            check_axes(&rused, r.rank(), "rhs dims")?;
            if lhs_batch.len() != rhs_batch.len() || lhs_contract.len() != rhs_contract.len() {
                return err("batch/contracting dim counts differ");
            }
            for (a, b) in lhs_batch
                .iter()
                .zip(rhs_batch)
                .chain(lhs_contract.iter().zip(rhs_contract))
            {
                if l.shape[*a] != r.shape[*b] {
                    return err(format!("dim {a} of {l} != dim {b} of {r}"));
                }
            }
            let mut shape: Vec<usize> = lhs_batch.iter().map(|&d| l.shape[d]).collect();
            lused.sort_unstable();
            rused.sort_unstable();
            shape.extend(
                (0..l.rank())
                    .filter(|d| !lused.contains(d))
                    .map(|d| l.shape[d]),
            );
            shape.extend(
                (0..r.rank())
                    .filter(|d| !rused.contains(d))
                    .map(|d| r.shape[d]),
            );
            Ok(Aval::new(shape, l.dtype))
        }
        Conv(c) => {
            nargs(inputs, 2)?;
            conv_shape(c, &inputs[0], &inputs[1])
        }
        ReduceWindow(
            _,
            WindowParams {
                window,
                strides,
                padding,
            },
        ) => {
            nargs(inputs, 1)?;
            let x = &inputs[0];
            let r = x.rank();
            if window.len() != r || strides.len() != r || padding.len() != r {
                return err(format!("window params need one entry per dim of {x}"));
            }
            let mut shape = vec![];
            for d in 0..r {
                if window[d] == 0 || strides[d] == 0 {
                    return err("window and strides must be >= 1");
                }
                let padded = x.shape[d] as i64 + padding[d].0 + padding[d].1;
                shape.push(windows(padded, window[d], strides[d]));
            }
            Ok(Aval::new(shape, x.dtype))
        }
        SelectAndScatterMax(w) => {
            nargs(inputs, 2)?;
            let (x, src) = (&inputs[0], &inputs[1]);
            if !x.dtype.is_float() || src.dtype != x.dtype {
                return err(format!(
                    "operand and source must share a float dtype, got {x}, {src}"
                ));
            }
            let pooled = Prim::ReduceWindow(ReduceOp::Max, w.clone());
            let windows = abstract_eval(&pooled, std::slice::from_ref(x))?;
            if windows.shape != src.shape {
                return err(format!(
                    "source must have the windowed shape {windows}, got {src}"
                ));
            }
            Ok(x.clone())
        }
        Rng { shape, dtype, .. } => {
            nargs(inputs, 1)?;
            let k = &inputs[0];
            if k.shape != KEY_SHAPE || k.dtype != KEY_DTYPE {
                return err(format!("key must be {KEY_DTYPE}{KEY_SHAPE:?}, got {k}"));
            }
            if !dtype.is_float() {
                return err(format!("random samples must be float, got {dtype}"));
            }
            Ok(Aval::new(shape.clone(), *dtype))
        }
        AllReduceSum { replicas } => {
            nargs(inputs, 1)?;
            if *replicas == 0 {
                return err("all_reduce_sum needs at least one replica");
            }
            if inputs[0].dtype == DType::Bool {
                return err("all_reduce_sum of bool");
            }
            Ok(inputs[0].clone())
        }
    }
}

fn conv_shape(c: &ConvParams, x: &Aval, k: &Aval) -> Result<Aval, ShapeError> {
    let ConvParams {
        window_strides,
        padding,
        lhs_dilation,
        rhs_dilation,
        feature_group_count: fgc,
        batch_group_count: bgc,
        dimension_numbers: dn,
    } = c;
    let (fgc, bgc) = (*fgc, *bgc);
    let ns = dn.input_spatial.len();
    if x.dtype != k.dtype || x.rank() != ns + 2 || k.rank() != ns + 2 {
        return err(format!("conv operands {x} and {k} for {ns} spatial dims"));
    }
    let mut ins: Vec<usize> = dn.input_spatial.clone();
    ins.extend([dn.input_batch, dn.input_feature]);
    let mut ks: Vec<usize> = dn.kernel_spatial.clone();
    ks.extend([dn.kernel_input_feature, dn.kernel_output_feature]);
    let mut os: Vec<usize> = dn.output_spatial.clone();
    os.extend([dn.output_batch, dn.output_feature]);
    check_axes(&ins, ns + 2, "input dims")?;
    check_axes(&ks, ns + 2, "kernel dims")?;
    check_axes(&os, ns + 2, "output dims")?;
    let params_ok = [
        window_strides.len(),
        padding.len(),
        lhs_dilation.len(),
        rhs_dilation.len(),
    ]
    .iter()
    .all(|&n| n == ns);
    if !params_ok || dn.kernel_spatial.len() != ns || dn.output_spatial.len() != ns {
        return err("conv params need one entry per spatial dim");
    }
    if fgc == 0 || bgc == 0 || (fgc > 1 && bgc > 1) {
        return err(format!(
            "group counts {fgc}/{bgc}: both >= 1, one of them 1"
        ));
    }
    let (n, c) = (x.shape[dn.input_batch], x.shape[dn.input_feature]);
    let (ki, ko) = (
        k.shape[dn.kernel_input_feature],
        k.shape[dn.kernel_output_feature],
    );
    if c != ki * fgc || ko % fgc != 0 || ko % bgc != 0 || n % bgc != 0 {
        return err(format!(
            "features: input {c}, kernel in {ki} out {ko}, batch {n}, groups {fgc}/{bgc}"
        ));
    }
    let mut shape = vec![0; ns + 2];
    shape[dn.output_batch] = n / bgc;
    shape[dn.output_feature] = ko;
    for i in 0..ns {
        if window_strides[i] == 0 || lhs_dilation[i] == 0 || rhs_dilation[i] == 0 {
            return err("strides and dilations must be >= 1");
        }
        let xd = dilate(x.shape[dn.input_spatial[i]], lhs_dilation[i]) as i64;
        let kd = dilate(k.shape[dn.kernel_spatial[i]], rhs_dilation[i]);
        let padded = xd + padding[i].0 + padding[i].1;
        shape[dn.output_spatial[i]] = windows(padded, kd, window_strides[i]);
    }
    Ok(Aval::new(shape, x.dtype))
}
