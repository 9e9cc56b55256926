//! Reverse mode: a forward pass (the original equations, inlined) followed
//! by a reverse sweep that applies one transpose rule per equation
//! (Autodidax part 4 does linearize + transpose; a direct reverse sweep with
//! rules that may read primal values is equivalent for our closed primitive
//! set and simpler). Integer/bool values get no cotangent; missing
//! cotangents are zeros.

use crate::trace::{Builder, Graph, Tensor, TraceError, TraceResult};

use super::checked;
use super::vjp_rules::transpose_rule;

/// `vjp(g, wrt)`: inputs = (g's inputs…, cotangents of g's outputs…);
/// outputs = (g's outputs…, gradients w.r.t. inputs `wrt`…).
pub fn vjp(g: &Graph, wrt: &[usize]) -> TraceResult<Graph> {
    check_wrt(g, wrt)?;
    let b = Builder::new();
    let args: Vec<Tensor> = g.input_avals().into_iter().map(|a| b.input(a)).collect();
    let cts: Vec<Tensor> = g.output_avals().into_iter().map(|a| b.input(a)).collect();
    let (outs, grads) = backward(&b, g, &args, |_| Some(cts.clone()), wrt)?;
    let all: Vec<Tensor> = outs.into_iter().chain(grads).collect();
    checked(b.finish(&all)?)
}

/// For a graph with ONE scalar float output (a loss): inputs as `g`;
/// outputs = (loss, gradients w.r.t. inputs `wrt`…).
pub fn value_and_grad(g: &Graph, wrt: &[usize]) -> TraceResult<Graph> {
    check_wrt(g, wrt)?;
    let outs = g.output_avals();
    if outs.len() != 1 || !outs[0].shape.is_empty() || !outs[0].dtype.is_float() {
        let got: Vec<String> = outs.iter().map(|a| a.to_string()).collect();
        return Err(TraceError::Transform(format!(
            "the loss must be ONE scalar float (f32[] or f64[]); the function returned ({})",
            got.join(", ")
        )));
    }
    let b = Builder::new();
    let args: Vec<Tensor> = g.input_avals().into_iter().map(|a| b.input(a)).collect();
    let (outs, grads) = backward(
        &b,
        g,
        &args,
        |o| Some(vec![b.scalar(1.0, o[0].dtype())]),
        wrt,
    )?;
    let all: Vec<Tensor> = outs.into_iter().chain(grads).collect();
    checked(b.finish(&all)?)
}

fn check_wrt(g: &Graph, wrt: &[usize]) -> TraceResult<()> {
    for &i in wrt {
        match g.inputs.get(i) {
            None => return Err(TraceError::Transform(format!("wrt index {i} out of range"))),
            Some(v) if !g.aval(*v).dtype.is_float() => {
                return Err(TraceError::Transform(format!(
                    "cannot differentiate w.r.t. input {i} of type {}",
                    g.aval(*v)
                )))
            }
            _ => {}
        }
    }
    Ok(())
}

fn add_ct<'b>(slot: &mut Option<Tensor<'b>>, ct: Tensor<'b>) {
    *slot = Some(match *slot {
        Some(prev) => prev + ct,
        None => ct,
    });
}

/// Forward pass of `g` on `args`, then the reverse sweep from the output
/// cotangents that `seed(outputs)` returns. Returns (outputs, gradients).
#[allow(clippy::type_complexity)]
fn backward<'b>(
    b: &'b Builder,
    g: &Graph,
    args: &[Tensor<'b>],
    seed: impl FnOnce(&[Tensor<'b>]) -> Option<Vec<Tensor<'b>>>,
    wrt: &[usize],
) -> TraceResult<(Vec<Tensor<'b>>, Vec<Tensor<'b>>)> {
    let mut env: Vec<Option<Tensor<'b>>> = vec![None; g.avals.len()];
    for (v, t) in g.inputs.iter().zip(args) {
        env[v.index()] = Some(*t);
    }
    for e in &g.eqns {
        let ins: Vec<Tensor<'b>> = e
            .inputs
            .iter()
            .map(|v| env[v.index()].expect("SSA"))
            .collect();
        env[e.out.index()] = Some(b.emit(e.prim.clone(), &ins));
    }
    let outs: Vec<Tensor<'b>> = g
        .outputs
        .iter()
        .map(|v| env[v.index()].expect("SSA"))
        .collect();
    let seeds = seed(&outs).unwrap_or_default();
    let mut ct: Vec<Option<Tensor<'b>>> = vec![None; g.avals.len()];
    for (v, s) in g.outputs.iter().zip(seeds) {
        if g.aval(*v).dtype.is_float() {
            add_ct(&mut ct[v.index()], s);
        }
    }
    for e in g.eqns.iter().rev() {
        let Some(c) = ct[e.out.index()].take() else {
            continue;
        };
        let ins: Vec<Tensor<'b>> = e
            .inputs
            .iter()
            .map(|v| env[v.index()].expect("SSA"))
            .collect();
        let out = env[e.out.index()].expect("SSA");
        let in_cts = transpose_rule(&e.prim, &ins, out, c)?;
        for ((v, t), x) in e.inputs.iter().zip(in_cts).zip(&ins) {
            if let Some(t) = t {
                if x.dtype().is_float() {
                    add_ct(&mut ct[v.index()], t);
                }
            }
        }
    }
    let grads = wrt
        .iter()
        .map(|&i| {
            let v = g.inputs[i];
            ct[v.index()].unwrap_or_else(|| b.zeros(g.aval(v)))
        })
        .collect();
    Ok((outs, grads))
}

/// Zeros shaped like `x` (used by rules for "no contribution" branches).
pub(crate) fn zeros_like<'b>(x: Tensor<'b>) -> Tensor<'b> {
    x.builder().zeros(&x.aval())
}
