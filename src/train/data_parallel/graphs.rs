//! The graphs a replicated DP step adds to the single-device ones: the apply
//! step with its accumulators summed over the replicas first, and a plain sum
//! over the replicas of any list of arrays.

use crate::nn::ExampleLoss;
use crate::trace::{Aval, Builder, Graph, Tensor};
use crate::train::programs::{apply_graph, ApplySpec};
use crate::{Error, Result};

/// Where the accumulators sit among `apply_graph`'s inputs: after the
/// parameters, the optimiser slots and (with averaging) the averages.
pub fn accumulator_inputs(
    loss: &ExampleLoss,
    trainable: &[usize],
    spec: &ApplySpec,
) -> std::ops::Range<usize> {
    let n = loss.params.len();
    let start = n
        + trainable.len() * spec.optimizer.slots().len()
        + if spec.averaging.enabled() { n } else { 0 };
    start..start + trainable.len()
}

/// `apply_graph` for a program replicated over `replicas` devices: the same
/// inputs and outputs, but every accumulator is first summed over the
/// replicas (`all_reduce_sum`), so each replica adds the noise (drawn from
/// the key, which must be the same on every replica) to the GLOBAL clipped
/// sum. Every replica then computes the same update from the same values,
/// so parameters, slots and averages stay identical across replicas.
/// With `replicas = 1` the all-reduce is the identity.
pub fn replicated_apply_graph(
    loss: &ExampleLoss,
    trainable: &[usize],
    spec: &ApplySpec,
    replicas: usize,
) -> Result<Graph> {
    if replicas == 0 {
        return Err(Error::InvalidInput("at least one replica is needed".into()));
    }
    let apply = apply_graph(loss, trainable, spec)?;
    let accs = accumulator_inputs(loss, trainable, spec);
    let b = Builder::new();
    let inputs: Vec<Tensor> = apply
        .input_avals()
        .into_iter()
        .map(|a| b.input(a))
        .collect();
    let args: Vec<Tensor> = inputs
        .iter()
        .enumerate()
        .map(|(i, &t)| {
            if accs.contains(&i) {
                t.all_reduce_sum(replicas)
            } else {
                t
            }
        })
        .collect();
    let outs = b.call(&apply, &args);
    Ok(b.finish(&outs)?)
}

/// A program that returns, on every replica, the sum over the replicas of
/// each input (e.g. the accumulators, for noise added on the host).
pub fn all_reduce_graph(avals: &[Aval], replicas: usize) -> Result<Graph> {
    let b = Builder::new();
    let outs: Vec<Tensor> = avals
        .iter()
        .map(|a| b.input(a.clone()).all_reduce_sum(replicas))
        .collect();
    Ok(b.finish(&outs)?)
}
