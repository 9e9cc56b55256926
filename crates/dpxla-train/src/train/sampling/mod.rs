//! Which examples a step trains on and how they reach the programs: Poisson
//! sampling of logical batches (DP invariant 1), their split into compiled
//! physical sizes, the host-side preparation of each physical batch, and
//! which rows of it each process reads.

pub mod batches;
pub mod distributed;
pub mod sampler;
