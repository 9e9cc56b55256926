//! A jaxpr-like printer:
//! ```text
//! { lambda a:f32[3] b:f32[3] ;
//!     c:f32[3] = mul a b
//!     d:f32[] = reduce_sum[axes=[0]] c
//!   in ( d ) }
//! ```

use std::fmt;

use super::ir::{Graph, LitValues, Prim, Var};

impl Prim {
    /// The StableHLO-style op name (used in errors and printing).
    pub fn name(&self) -> &'static str {
        use Prim::*;
        match self {
            Add => "add",
            Sub => "sub",
            Mul => "mul",
            Div => "div",
            Neg => "neg",
            Max => "max",
            Min => "min",
            Pow => "pow",
            Exp => "exp",
            Log => "log",
            Log1p => "log1p",
            Tanh => "tanh",
            Logistic => "logistic",
            Sqrt => "sqrt",
            Rsqrt => "rsqrt",
            Abs => "abs",
            Sign => "sign",
            Compare { .. } => "compare",
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
            ReduceSum { .. } => "reduce_sum",
            ReduceMax { .. } => "reduce_max",
            DotGeneral { .. } => "dot_general",
            Conv { .. } => "convolution",
            ReduceWindow { .. } => "reduce_window",
            SelectAndScatterMax { .. } => "select_and_scatter_max",
            StopGradient => "stop_gradient",
            RngUniform { .. } => "rng_uniform",
            RngNormal { .. } => "rng_normal",
            AllReduceSum { .. } => "all_reduce_sum",
        }
    }

    /// Parameters as `k=v` pairs (empty for parameterless primitives).
    fn params(&self) -> String {
        use Prim::*;
        match self {
            Compare { dir } => format!("dir={dir:?}"),
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
            ReduceSum { axes } | ReduceMax { axes } => format!("axes={axes:?}"),
            DotGeneral {
                lhs_batch,
                rhs_batch,
                lhs_contract,
                rhs_contract,
            } => {
                format!(
                    "batch={lhs_batch:?}x{rhs_batch:?} contract={lhs_contract:?}x{rhs_contract:?}"
                )
            }
            Conv {
                window_strides,
                padding,
                lhs_dilation,
                rhs_dilation,
                feature_group_count,
                batch_group_count,
                dimension_numbers: d,
            } => format!(
                "strides={window_strides:?} padding={padding:?} lhs_dil={lhs_dilation:?} \
                 rhs_dil={rhs_dilation:?} fgc={feature_group_count} bgc={batch_group_count} \
                 in=b{}f{}s{:?} k=i{}o{}s{:?} out=b{}f{}s{:?}",
                d.input_batch,
                d.input_feature,
                d.input_spatial,
                d.kernel_input_feature,
                d.kernel_output_feature,
                d.kernel_spatial,
                d.output_batch,
                d.output_feature,
                d.output_spatial
            ),
            ReduceWindow {
                kind,
                window,
                strides,
                padding,
            } => {
                format!("kind={kind:?} window={window:?} strides={strides:?} padding={padding:?}")
            }
            SelectAndScatterMax {
                window,
                strides,
                padding,
            } => format!("window={window:?} strides={strides:?} padding={padding:?}"),
            RngUniform { .. } | RngNormal { .. } => String::new(),
            AllReduceSum { replicas } => format!("replicas={replicas}"),
            Add | Sub | Mul | Div | Neg | Max | Min | Pow | Exp | Log | Log1p | Tanh | Logistic
            | Sqrt | Rsqrt | Abs | Sign | Select | StopGradient => String::new(),
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
            let outs: Vec<String> = e.outs.iter().map(typed).collect();
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
                outs.join(" "),
                e.prim.name(),
                p,
                args.join(" ")
            )?;
        }
        let outs: Vec<String> = self.outputs.iter().map(|v| name(*v)).collect();
        write!(f, "  in ( {} ) }}", outs.join(" "))
    }
}
