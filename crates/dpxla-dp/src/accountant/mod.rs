//! Privacy accountants for the Poisson-subsampled Gaussian mechanism (DP-SGD),
//! add/remove-one neighbours.
//!
//! - [`PrivacyAccountant`]: the object a training run holds. `step(q, σ)` per step,
//!   `epsilon(δ)` / `delta(ε)` at any time, [`AccountantState`] (the list of
//!   (q, σ, steps) events, serde) for checkpoints. Mixed σ / q over a run are composed
//!   exactly.
//! - [`AccountantKind::Rdp`]: Rényi DP (Mironov, Talwar, Zhang 2019) over
//!   dp-accounting's default orders with the signed fractional-order series, converted
//!   with the conversion dp-accounting uses ([`rdp`]).
//! - [`AccountantKind::Pld`]: privacy loss distribution, pessimistic connect-the-dots
//!   discretisation on a grid sized from the mechanism, FFT composition ([`pld`]).
//! - [`truncation`]: truncated Poisson (a cap on the batch), its exact binomial tail
//!   and the δ it costs (events carry the per-step overflow probability).
//! - [`calibrate`]: smallest σ, largest step count, largest q for a target ε.
//!
//! Invalid inputs (q ∉ (0, 1], σ ≤ 0, δ ∉ (0, 1), steps < 1) are
//! [`crate::Error::InvalidInput`]; results are never NaN (+∞ where nothing finite holds).

pub mod calibrate;
pub mod event;
pub mod fft;
mod math;
pub mod pld;
pub mod pld_discretize;
pub mod rdp;
pub mod state;
pub mod truncation;

pub use calibrate::{
    calibrate_sigma, calibrate_sigma_after, calibrate_sigma_truncated, max_q, max_steps,
};
pub use event::PoissonGaussianEvent;
/// ln P(N(0,1) > x), also for the noise sampler's tail tests.
pub use math::ln_norm_sf;
pub use pld::PldOptions;
pub use state::{epsilon_of, epsilon_with, AccountantKind, AccountantState, PrivacyAccountant};
