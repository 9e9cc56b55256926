//! Lowering a traced [`Graph`] to StableHLO text for PJRT's "mlir" format.
//! All MLIR text of the crate is produced in this module.
//!
//! Operations are written in MLIR's generic form (`"stablehlo.add"(...) : (...) ->
//! ...`), which the StableHLO parser accepts for every op and which avoids each
//! op's custom pretty syntax. Semantics follow the StableHLO spec op for op; see
//! `ops.rs` for the one `match` with an arm per primitive.

mod emit;
mod ops;
mod rng;
mod text;

pub use rng::normal_from_bits_module;

use crate::trace::Graph;
use crate::{Error, Result};
use emit::Emitter;
use std::fmt::Write;

/// How to lower a graph.
#[derive(Clone, Debug, Default)]
pub struct LowerOptions {
    /// `(input index, output index)` pairs: the input's device buffer is donated
    /// to (reused for) that output (`tf.aliasing_output`), e.g. parameters and
    /// accumulators updated in place. The input and output must have the same
    /// type.
    pub donations: Vec<(usize, usize)>,
}

/// Lowers `graph` to a StableHLO module whose `@main` takes the graph inputs in
/// order and returns its outputs in order.
pub fn lower(graph: &Graph, options: &LowerOptions) -> Result<String> {
    let mut em = Emitter::new(graph);
    for eqn in &graph.eqns {
        ops::lower_eqn(&mut em, eqn)?;
    }
    let mut args = Vec::with_capacity(graph.inputs.len());
    for (i, &v) in graph.inputs.iter().enumerate() {
        let mut arg = format!("{}: {}", em.name(v), em.ty(v));
        if let Some(&(_, out)) = options.donations.iter().find(|(inp, _)| *inp == i) {
            let Some(&ov) = graph.outputs.get(out) else {
                return Err(Error::Lower(format!(
                    "donation of input {i} to output {out}: the graph has {} outputs",
                    graph.outputs.len()
                )));
            };
            if graph.aval(ov) != graph.aval(v) {
                return Err(Error::Lower(format!(
                    "donation of input {i} ({}) to output {out} ({}): types differ",
                    graph.aval(v),
                    graph.aval(ov)
                )));
            }
            arg.push_str(&format!(" {{tf.aliasing_output = {out} : i32}}"));
        }
        args.push(arg);
    }
    let out_types: Vec<String> = graph.outputs.iter().map(|&v| em.ty(v)).collect();
    let out_names: Vec<String> = graph.outputs.iter().map(|&v| em.name(v)).collect();
    let mut s = String::new();
    let _ = writeln!(s, "module @dpxla {{");
    let _ = writeln!(
        s,
        "  func.func public @main({}) -> ({}) {{",
        args.join(", "),
        out_types.join(", ")
    );
    s.push_str(&em.body);
    let _ = writeln!(
        s,
        "    \"func.return\"({}) : ({}) -> ()",
        out_names.join(", "),
        out_types.join(", ")
    );
    let _ = writeln!(s, "  }}\n}}");
    Ok(s)
}
