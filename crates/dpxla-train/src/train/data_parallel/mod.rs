//! The pieces data parallelism adds to the engine (`engine::Engine` with
//! `EngineSpec::replicas > 1`): the replicated apply graph (all-reduce of the
//! accumulators before the noise) and the split of a physical batch into the
//! replicas' shares. See docs/scale.md.

pub mod graphs;
pub mod shard;
