//! Training: the compiled DP-SGD programs, the device-side engine, Poisson
//! sampling into physical batches, the loop ([`Trainer`]), checkpoints and
//! metrics.
//! See docs/design.md, "Data flow of a training step".

pub mod adaptive_clip;
pub mod bandmf;
pub mod batches;
pub mod centering;
pub mod checkpoint;
pub mod checkpoint_writer;
pub mod compile_all;
pub mod config;
pub mod data_parallel;
pub mod distributed;
pub mod engine;
mod engine_spec;
pub mod eval_config;
pub mod evaluate;
pub mod export_params;
pub mod finite;
pub mod init_ledger;
pub mod ledger_guard;
pub mod lock;
pub mod memory_check;
pub mod metrics;
pub mod nonprivate;
pub mod plots;
pub mod programs;
pub mod progress;
pub mod release_ledger;
pub mod resume;
pub mod resume_check;
pub mod resume_state;
pub mod run;
pub mod run_records;
pub mod runtime_options;
pub mod sampler;
pub mod secure_step;
pub mod settings;
pub mod setup;
pub mod signals;
pub mod signature;
pub mod step;
pub mod test_split;
pub mod trainer;

pub use config::{AugmentConfig, Config, PrivacyConfig, TrainingConfig};
pub use settings::TrainSettings;
pub use trainer::{TrainOptions, TrainSummary, Trainer, TrainerBuilder};
