//! Differential privacy: the accountant, per-example clipping and the Gaussian
//! noise of DP-SGD (graph functions traced into the compiled steps), and the
//! privacy plan that derives every privacy-relevant number in one place.
//! See docs/design.md, "DP invariants".
#![forbid(unsafe_code)]

pub mod error;
pub use error::{Error, Result};

pub mod accountant;
pub mod bandmf;
pub mod bookkeeping;
pub mod clip;
pub mod discrete_gaussian;
pub mod float_bound;
pub mod mechanism;
pub mod noise;
pub mod plan;
pub mod secure_noise;
