//! Differential privacy: the accountant, per-example clipping and the Gaussian
//! noise of DP-SGD (graph functions traced into the compiled steps), and the
//! privacy plan that derives every privacy-relevant number in one place.
//! See docs/design.md, "DP invariants".
//!
//! The ε of DP-SGD after `steps` steps at sampling rate q and noise
//! multiplier σ, and the σ for a target ε (no XLA needed):
//!
//! ```
//! use dpxla_dp::accountant::{calibrate_sigma, epsilon_of, AccountantKind, PoissonGaussianEvent};
//! # fn main() -> dpxla_dp::Result<()> {
//! let (q, sigma, steps, delta) = (256.0 / 60_000.0, 1.1, 2_000, 1e-5);
//! let run = [PoissonGaussianEvent::new(q, sigma, steps)?];
//! let rdp = epsilon_of(AccountantKind::Rdp, &run, delta)?;
//! let pld = epsilon_of(AccountantKind::Pld, &run, delta)?;
//! assert!(pld <= rdp); // PLD is the tighter accountant
//! let s = calibrate_sigma(AccountantKind::Rdp, rdp, q, steps, delta)?;
//! assert!(s <= sigma * 1.001 && s >= sigma * 0.99);
//! # Ok(()) }
//! ```
#![forbid(unsafe_code)]

pub mod error;
pub use error::{Error, Result};

pub mod accountant;
pub mod adaptive_clip;
pub mod bandmf;
pub mod bookkeeping;
pub mod clip;
pub mod discrete_gaussian;
pub mod float_bound;
pub mod float_bound_ws;
pub mod mechanism;
pub mod noise;
pub mod plan;
pub mod sampling;
pub mod secure_noise;
