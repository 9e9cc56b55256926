//! Graph well-formedness: SSA (every var defined exactly once, before use)
//! and every equation's output aval equals `abstract_eval` of its inputs.
//! Run after every transformation in debug builds and in tests.

use super::error::{TraceError, TraceResult};
use super::ir::{Graph, Var};
use super::shape::abstract_eval;

pub fn verify(g: &Graph) -> TraceResult<()> {
    let bad = |m: String| Err(TraceError::Verify(m));
    let mut defined = vec![false; g.avals.len()];
    let define = |v: Var, defined: &mut Vec<bool>| -> TraceResult<()> {
        match defined.get_mut(v.index()) {
            None => bad(format!("{v:?} has no aval")),
            Some(true) => bad(format!("{v:?} defined twice")),
            Some(d) => {
                *d = true;
                Ok(())
            }
        }
    };
    for &v in &g.inputs {
        define(v, &mut defined)?;
    }
    for (i, e) in g.eqns.iter().enumerate() {
        for v in &e.inputs {
            if !defined.get(v.index()).copied().unwrap_or(false) {
                return bad(format!(
                    "eqn {i} ({}) uses {v:?} before definition",
                    e.prim.name()
                ));
            }
        }
        let ins: Vec<_> = e.inputs.iter().map(|v| g.aval(*v).clone()).collect();
        let out = abstract_eval(&e.prim, &ins)
            .map_err(|s| TraceError::Verify(format!("eqn {i} ({}): {s}", e.prim.name())))?;
        define(e.out, &mut defined)?;
        let declared = g.aval(e.out);
        if *declared != out {
            return bad(format!(
                "eqn {i} ({}): declared {declared:?}, abstract_eval {out:?}",
                e.prim.name()
            ));
        }
    }
    for v in &g.outputs {
        if !defined.get(v.index()).copied().unwrap_or(false) {
            return bad(format!("output {v:?} is not defined"));
        }
    }
    Ok(())
}
