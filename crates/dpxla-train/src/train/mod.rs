//! Training: the compiled DP-SGD programs, the device-side engine, Poisson
//! sampling into physical batches, the loop ([`Trainer`]), checkpoints and
//! metrics, one concern per sub-module:
//!
//! - [`config`]: the TOML configuration, its validation, [`TrainSettings`];
//! - [`programs`]: the graphs a run compiles (accumulate, apply, evaluate)
//!   and their named interfaces;
//! - [`engine`]: the device side — compiled programs, device-resident state,
//!   the replicas' shards, compile-ahead, memory and finiteness checks;
//! - [`sampling`]: Poisson sampling, physical batches, which rows each
//!   process reads;
//! - [`privacy`]: what keeps the run's releases accounted — the ledger and
//!   its guard, secure noise, BandMF, private centring, the test/train split,
//!   the non-private outputs;
//! - [`checkpoint`]: the checkpoint file, writing it, releasing parameters;
//! - [`run`]: the loop ([`Trainer`]), its setup, one step, resume, the run
//!   lock and signals, evaluation, `dpxla train` / `dpxla eval`;
//! - [`reports`]: metrics, progress, plots, the records of released steps.
//!
//! See docs/design.md, "Data flow of a training step".

pub mod checkpoint;
pub mod config;
pub mod engine;
pub mod multihost;
pub mod privacy;
pub mod programs;
pub mod reports;
pub mod run;
pub mod sampling;

pub use config::settings::TrainSettings;
pub use config::{AugmentConfig, Config, PrivacyConfig, TrainingConfig};
pub use run::trainer::{TrainOptions, TrainSummary, Trainer, TrainerBuilder};
