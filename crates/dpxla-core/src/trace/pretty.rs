//! A jaxpr-like printer:
//! ```text
//! { lambda a:f32[3] b:f32[3] ;
//!     c:f32[3] = mul a b
//!     d:f32[] = reduce_sum[axes=[0]] c
//!   in ( d ) }
//! ```

use std::fmt;

use super::ir::{Graph, LitValues, Prim, ReduceOp, RngDist, Var};

impl Prim {
    /// The StableHLO-style op name (used in errors and printing).
    pub fn name(&self) -> &'static str {
        use Prim::*;
        match self {
            Unary(op) => op.name(),
            Binary(op) => op.name(),
            Compare(_) => "compare",
            Select => "select",
            Convert { .. } => "convert",
            Constant { .. } => "constant",
            Iota { .. } => "iota",
            BroadcastInDim { .. } => "broadcast_in_dim",
            Reshape { .. } => "reshape",
            Transpose { .. } => "transpose",
            Reverse { .. } => "reverse",
            Slice { .. } => "slice",
            Pad { .. } => "pad",
            Concatenate { .. } => "concatenate",
            Reduce {
                op: ReduceOp::Sum, ..
            } => "reduce_sum",
            Reduce {
                op: ReduceOp::Max, ..
            } => "reduce_max",
            DotGeneral(_) => "dot_general",
            Conv(_) => "convolution",
            ReduceWindow(..) => "reduce_window",
            SelectAndScatterMax(_) => "select_and_scatter_max",
            StopGradient => "stop_gradient",
            WsStandardised { .. } => "ws_standardised",
            WsGradient { .. } => "ws_gradient",
            Rng {
                dist: RngDist::Uniform,
                ..
            } => "rng_uniform",
            Rng {
                dist: RngDist::Normal,
                ..
            } => "rng_normal",
            AllReduceSum { .. } => "all_reduce_sum",
        }
    }

    /// Parameters as `k=v` pairs (empty for parameterless primitives).
    fn params(&self) -> String {
        use Prim::*;
        match self {
            Compare(dir) => format!("dir={dir:?}"),
            Convert { to } => format!("to={to}"),
            Constant { value } => {
                let vals = match &value.values {
                    LitValues::F64(v) if v.len() <= 8 => format!("{v:?}"),
                    LitValues::I64(v) if v.len() <= 8 => format!("{v:?}"),
                    _ => format!("<{} values>", value.len()),
                };
                format!("value={vals}")
            }
            Iota { dim, .. } => format!("dim={dim}"),
            BroadcastInDim { shape, dims } => format!("shape={shape:?} dims={dims:?}"),
            Reshape { shape } => format!("shape={shape:?}"),
            Transpose { perm } => format!("perm={perm:?}"),
            Reverse { dims } => format!("dims={dims:?}"),
            Slice {
                start,
                limit,
                stride,
            } => format!("start={start:?} limit={limit:?} stride={stride:?}"),
            Pad {
                low,
                high,
                interior,
            } => format!("low={low:?} high={high:?} interior={interior:?}"),
            Concatenate { dim } => format!("dim={dim}"),
            Reduce { axes, .. } => format!("axes={axes:?}"),
            DotGeneral(d) => format!(
                "batch={:?}x{:?} contract={:?}x{:?}",
                d.lhs_batch, d.rhs_batch, d.lhs_contract, d.rhs_contract
            ),
            Conv(c) => {
                let d = &c.dimension_numbers;
                format!(
                    "strides={:?} padding={:?} lhs_dil={:?} rhs_dil={:?} fgc={} bgc={} \
                     in=b{}f{}s{:?} k=i{}o{}s{:?} out=b{}f{}s{:?}",
                    c.window_strides,
                    c.padding,
                    c.lhs_dilation,
                    c.rhs_dilation,
                    c.feature_group_count,
                    c.batch_group_count,
                    d.input_batch,
                    d.input_feature,
                    d.input_spatial,
                    d.kernel_input_feature,
                    d.kernel_output_feature,
                    d.kernel_spatial,
                    d.output_batch,
                    d.output_feature,
                    d.output_spatial
                )
            }
            ReduceWindow(kind, w) => format!(
                "kind={kind:?} window={:?} strides={:?} padding={:?}",
                w.window, w.strides, w.padding
            ),
            SelectAndScatterMax(w) => format!(
                "window={:?} strides={:?} padding={:?}",
                w.window, w.strides, w.padding
            ),
            Unary(_) | Binary(_) | Select | StopGradient | Rng { .. } => String::new(),
            AllReduceSum { replicas } => format!("replicas={replicas}"),
            WsStandardised { eps } | WsGradient { eps } => format!("eps={eps:e}"),
        }
    }
}

/// Var names a, b, ..., z, ba, bb, ... (jaxpr style).
fn name(v: Var) -> String {
    let mut n = v.0 as usize;
    let mut s = vec![(b'a' + (n % 26) as u8) as char];
    n /= 26;
    while n > 0 {
        s.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
    }
    s.iter().rev().collect()
}

impl fmt::Display for Graph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let typed = |v: &Var| format!("{}:{}", name(*v), self.aval(*v));
        let ins: Vec<String> = self.inputs.iter().map(typed).collect();
        writeln!(f, "{{ lambda {} ;", ins.join(" "))?;
        for e in &self.eqns {
            let args: Vec<String> = e.inputs.iter().map(|v| name(*v)).collect();
            let p = e.prim.params();
            let p = if p.is_empty() {
                String::new()
            } else {
                format!("[{p}]")
            };
            writeln!(
                f,
                "    {} = {}{} {}",
                typed(&e.out),
                e.prim.name(),
                p,
                args.join(" ")
            )?;
        }
        let outs: Vec<String> = self.outputs.iter().map(|v| name(*v)).collect();
        write!(f, "  in ( {} ) }}", outs.join(" "))
    }
}
