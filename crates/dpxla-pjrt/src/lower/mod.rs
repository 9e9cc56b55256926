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

pub use rng::{normal_from_bits_module, normal_words_per_pair};

use crate::{Error, Result};
use dpxla_core::trace::Graph;
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
    /// Names of the inputs (e.g. `params.conv1/w`, `images`), written as the
    /// SSA names of `@main`'s arguments (characters MLIR does not allow in a
    /// name become `_`). Empty: `%v0`, `%v1`, ...
    pub arg_names: Vec<String>,
}

/// A valid, unique SSA name for argument `i` called `name`.
fn arg_ssa_name(i: usize, name: &str, taken: &mut std::collections::HashSet<String>) -> String {
    let mut s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "$._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    // Must not start with a digit, nor look like an emitter name (`v12`, `t3`).
    let emitter_like = |s: &str| {
        let mut c = s.chars();
        matches!(c.next(), Some('v' | 't')) && c.as_str().chars().all(|d| d.is_ascii_digit())
    };
    if s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit()) || emitter_like(&s) {
        s = format!("arg_{s}");
    }
    if !taken.insert(s.clone()) {
        s = format!("{s}.{i}");
        taken.insert(s.clone());
    }
    format!("%{s}")
}

/// Lowers `graph` to a StableHLO module whose `@main` takes the graph inputs in
/// order and returns its outputs in order.
pub fn lower(graph: &Graph, options: &LowerOptions) -> Result<String> {
    let mut em = Emitter::new(graph);
    if !options.arg_names.is_empty() {
        if options.arg_names.len() != graph.inputs.len() {
            return Err(Error::Lower(format!(
                "{} argument names for a graph of {} inputs",
                options.arg_names.len(),
                graph.inputs.len()
            )));
        }
        let mut taken = std::collections::HashSet::new();
        for (i, (&v, name)) in graph.inputs.iter().zip(&options.arg_names).enumerate() {
            em.alias(v, arg_ssa_name(i, name, &mut taken));
        }
    }
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
