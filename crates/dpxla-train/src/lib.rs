//! dpxla-train: private training end to end.
//!
//! - [`data`]: dataset readers, augmentation and background prefetch;
//! - [`train`]: the compiled DP-SGD programs, the engine and the
//!   [`train::Trainer`] loop (checkpoints, resume, metrics, the release ledger);
//! - [`features`]: ScatterNet and other frozen feature extractors;
//! - [`audit`]: the one-run privacy audit;
//! - [`bench`]: timing the training engine on a model (`dpxla bench`);
//! - [`export`]: StableHLO / HLO files of the compiled steps.
#![forbid(unsafe_code)]

pub mod error;
pub use error::{Error, Result};

pub mod audit;
pub mod bench;
pub mod data;
pub mod export;
pub mod features;
pub mod train;
