//! `dpxla audit`: an empirical lower bound on the privacy loss of the
//! compiled DP-SGD engine from ONE training run (Steinke, Nasr & Jagielski
//! 2023, arXiv:2305.08846), white-box with gradient canaries.
//!
//! - [`canary`]: M Dirac-direction gradient canaries, each in the training
//!   set with probability 1/2;
//! - [`run`]: the real engine, Poisson sampler and noise, with the included
//!   canaries as extra examples whose clipped gradients join the sum;
//! - [`observe`]: the noisy gradient of every step read back at the canaries'
//!   coordinates and summed into scores;
//! - [`guess`]: top-k guessed in, bottom-k out, correct guesses counted;
//! - [`bound`]: the paper's theorem turning them into an ε lower bound;
//! - [`config`]: the audit-only switches that break the mechanism on
//!   purpose (σ = 0, no clipping), refused by every other command;
//! - [`histogram`], [`report`]: the PNG and the report.

pub mod bound;
pub mod canary;
pub mod config;
pub mod guess;
pub mod histogram;
pub mod observe;
pub mod report;
pub mod run;

pub use config::AuditSwitches;
pub use report::AuditReport;
pub use run::{audit, AuditOptions, ScoreKind};
