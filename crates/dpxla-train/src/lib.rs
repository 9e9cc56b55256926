//! dpxla-train: private training end to end.
//!
//! - [`data`]: dataset readers, augmentation and background prefetch;
//! - [`train`]: the compiled DP-SGD programs, the engine and the
//!   [`train::Trainer`] loop (checkpoints, resume, metrics, the release ledger);
//! - [`features`]: ScatterNet and other frozen feature extractors;
//! - [`audit`]: the one-run privacy audit;
//! - [`bench`]: timing the training engine on a model (`dpxla bench`);
//! - [`export`]: StableHLO / HLO files of the compiled steps.
//!
//! Training a model privately with the [`train::Trainer`] builder (see
//! `examples/custom_cnn.rs` for a model of your own):
//!
//! ```no_run
//! use dpxla_nn::models::CnnTanh;
//! use dpxla_train::data::{open_split, Split};
//! use dpxla_train::train::{PrivacyConfig, TrainOptions, Trainer, TrainingConfig};
//! # fn main() -> dpxla_train::Result<()> {
//! let dir = "data/fashion-mnist";
//! let summary = Trainer::builder(&CnnTanh::mnist())
//!     .data(open_split(dir, Split::Train)?, open_split(dir, Split::Test)?)
//!     .privacy(PrivacyConfig { clip_norm: 0.1, ..PrivacyConfig::target_epsilon(3.0, 1e-5) })
//!     .training(TrainingConfig { steps: Some(300), ..TrainingConfig::new(2048.0, 4.0) })
//!     .output_dir("runs/cnn")
//!     .build()?
//!     .run(&TrainOptions::default())?;
//! println!(
//!     "accuracy {:.4}, (ε, δ) = {:?}, σ = {:?}",
//!     summary.test.accuracy,
//!     summary.epsilon,
//!     summary.sigma()
//! );
//! # Ok(()) }
//! ```
#![forbid(unsafe_code)]

pub mod error;
pub use error::{Error, Result};

pub mod audit;
pub mod bench;
pub mod data;
pub mod export;
pub mod features;
pub mod train;
