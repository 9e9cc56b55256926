//! dpxla: differentially private training of image classifiers on XLA.
//!
//! This crate re-exports the workspace's crates under one name, so that
//! `use dpxla::...` reaches every layer. The layers, bottom up (see
//! docs/design.md, "Crates and layers"):
//! - [`array`]: host arrays, element types and bf16 conversion (used by
//!   every layer above, depends on none);
//! - [`runtime`]: the PJRT C API binding (all `unsafe` code lives there);
//! - [`trace`]: the jaxpr-like IR, its builder, shape function and interpreter;
//! - [`transform`]: graph-to-graph transformations (`vjp`, `vmap`, ghost
//!   factoring of per-example gradients);
//! - [`lower`]: StableHLO text generation; [`program`]: a lowered, compiled
//!   graph; [`export`]: StableHLO / HLO files;
//! - [`nn`]: layers, the model registry, the traced per-example loss;
//! - [`dp`]: privacy accounting, the DP mechanism (clipping, noise) and the
//!   privacy plan;
//! - [`data`]: dataset readers, augmentation and background prefetch;
//! - [`optim`]: optimisers, schedules, parameter averaging;
//! - [`train`]: the compiled DP-SGD programs, the engine and the
//!   [`train::Trainer`] loop (checkpoints, resume, metrics);
//! - [`bench`]: timing the training engine on a model (`dpxla bench`);
//! - [`atomic_file`], [`tensor_file`], [`tensor_checksum`]: files that survive
//!   crashes and detect corruption.
//!
//! Training a model of your own privately (see `examples/custom_cnn.rs`):
//!
//! ```no_run
//! use dpxla::data::{open_split, Split};
//! use dpxla::nn::models::CnnTanh;
//! use dpxla::train::{PrivacyConfig, TrainOptions, Trainer, TrainingConfig};
//! # fn main() -> dpxla::Result<()> {
//! let summary = Trainer::builder(&CnnTanh::mnist())
//!     .data(open_split("data/fashion-mnist", Split::Train)?, open_split("data/fashion-mnist", Split::Test)?)
//!     .privacy(PrivacyConfig { clip_norm: 0.1, ..PrivacyConfig::target_epsilon(3.0, 1e-5) })
//!     .training(TrainingConfig { epochs: Some(15.0), ..TrainingConfig::new(2048.0, 4.0) })
//!     .output_dir("runs/cnn")
//!     .build()?
//!     .run(&TrainOptions { resume: true, ..TrainOptions::default() })?;
//! println!("test accuracy {:.4} at (ε, δ) = {:?}", summary.test.accuracy, summary.epsilon);
//! # Ok(()) }
//! ```
#![forbid(unsafe_code)]

pub use dpxla_core::{array, atomic_file, tensor_checksum, tensor_file, trace, transform};
pub use dpxla_dp as dp;
pub use dpxla_nn as nn;
pub use dpxla_nn::optim;
pub use dpxla_pjrt::{lower, program, runtime};
pub use dpxla_train::{audit, bench, data, export, features, train};
pub use dpxla_train::{Error, Result};
