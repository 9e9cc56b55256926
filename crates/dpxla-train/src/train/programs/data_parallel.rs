//! The graphs a replicated DP step adds to the single-device ones: the apply
//! step with its accumulators summed over the replicas first, and a plain sum
//! over the replicas of any list of arrays.

use crate::train::programs::signature::{Group, Signature};
use crate::train::programs::{apply_graph, ApplySpec};
use crate::{Error, Result};
use dpxla_core::trace::{Aval, Builder, Graph, Tensor};
use dpxla_nn::ExampleLoss;

/// `apply_graph` for a program replicated over `replicas` devices: the same
/// named inputs and outputs, but every accumulator is first summed over the
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
) -> Result<(Graph, Signature)> {
    if replicas == 0 {
        return Err(Error::InvalidInput("at least one replica is needed".into()));
    }
    let (apply, signature) = apply_graph(loss, trainable, spec)?;
    let accs = signature
        .input_range(Group::Accumulators)
        .ok_or_else(|| Error::Internal("the apply program takes no accumulators".into()))?;
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
    Ok((b.finish(&outs)?, signature))
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
