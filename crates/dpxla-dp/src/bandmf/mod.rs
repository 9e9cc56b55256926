//! Banded matrix factorisation (BandMF, a DP-FTRL variant): correlated noise for
//! private training.
//!
//! DP-SGD releases `x_t + z_t` with independent noise; a matrix mechanism releases
//! the prefix sums `A x` of the clipped gradients as `A C⁻¹ (C x + z)`, i.e. step t
//! adds the correlated noise `(C⁻¹ z)_t` to its gradient. With a lower-triangular
//! `b`-banded `C` the noise of step t needs only the last `b − 1` noise vectors,
//! and with cyclic Poisson sampling the privacy reduces to DP-SGD's
//! (Choquette-Choo, Ganesh, McKenna, McMahan, Rush, Thakurta, Xu 2023,
//! "(Amplified) Banded Matrix Factorization: A unified approach to private
//! training", arXiv:2306.08153).
//!
//! - [`strategy`]: the banded Toeplitz strategy `C` and its closed forms;
//! - [`loss`]: the prefix-sum error of a strategy and its gradient;
//! - [`lbfgs`]: a small unconstrained minimiser; [`optimize`]: the strategy
//!   optimisation that uses it;
//! - [`correlated`]: the per-tensor noise generator `w = C⁻¹ z` and its
//!   checkpointable state;
//! - [`partition`]: the public partition of the examples for cyclic Poisson
//!   sampling; [`accounting`]: the reduction to Poisson-Gaussian events.

pub mod accounting;
pub mod correlated;
pub mod lbfgs;
pub mod loss;
pub mod optimize;
pub mod partition;
pub mod strategy;

#[cfg(test)]
mod tests;

pub use accounting::{
    amplified_bandmf_events, compositions, partition_sampling_prob, EquivalentEvent,
};
pub use correlated::{CorrelatedNoise, NoiseFloat};
pub use loss::{evaluate, Evaluation, Objective};
pub use optimize::{optimize_banded_toeplitz, OptimizeOptions};
pub use partition::{participation_steps, partition_of, step_partition};
pub use strategy::BandedToeplitz;
