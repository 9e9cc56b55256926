//! `dpxla audit`: an empirical lower bound on the privacy loss of the
//! compiled DP-SGD engine from ONE training run (Steinke, Nasr & Jagielski
//! 2023, arXiv:2305.08846), white-box, with the same guesses also analysed
//! by the f-DP method (Mahloujifar, Melis & Chaudhuri 2024,
//! arXiv:2410.22235).
//!
//! - [`canary`]: M Dirac-direction gradient canaries, each in the training
//!   set with probability 1/2 (`audit.canary = "gradient"`);
//! - [`input_canary`]: M input-example canaries through the model and the
//!   clipping (`audit.canary = "input"`);
//! - [`run`]: the real engine, Poisson sampler and noise, with the included
//!   canaries as extra examples;
//! - [`observe`], [`input_observe`]: the noisy gradient of every step read
//!   back (at the canaries' coordinates, or projected on each input
//!   canary's own gradient) and summed into scores;
//! - [`guess`]: top-k guessed in, bottom-k out, correct guesses counted;
//! - [`bound`]: Steinke et al.'s theorem turning them into an ε lower bound;
//! - [`fdp_bound`], [`tradeoff`], [`gdp`], [`normal`]: the f-DP test of the
//!   same guesses, against (ε, δ) curves, Gaussian curves and
//!   ([`claim`]) the accountant's own claimed curve;
//! - [`config`]: the `[audit]` table and the audit-only switches that break
//!   the mechanism on purpose, refused by every other command;
//! - [`histogram`], [`report`]: the PNG and the report.

pub mod bound;
pub mod canary;
pub mod claim;
pub mod config;
pub mod fdp_bound;
pub mod gdp;
pub mod guess;
pub mod histogram;
pub mod input_canary;
pub mod input_observe;
pub mod normal;
pub mod observe;
pub mod report;
pub mod run;
pub mod tradeoff;

pub use config::{AuditSwitches, CanaryKind};
pub use report::AuditReport;
pub use run::{audit, AuditOptions, ScoreKind};
