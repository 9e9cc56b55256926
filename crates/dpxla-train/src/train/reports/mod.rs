//! What a run writes about itself: per-step metrics (JSON Lines), progress
//! on stderr, PNG plots, and the records that show a folder has released
//! steps.

pub mod metrics;
pub mod plots;
pub mod progress;
pub mod run_records;
