//! What an audit reports, as one JSON object (`audit.json`, `--json`).

use super::guess::GuessResult;
use serde::Serialize;
use std::path::PathBuf;

/// The result of `dpxla audit`.
#[derive(Clone, Debug, Serialize)]
pub struct AuditReport {
    /// The ε lower bound at `delta` with `confidence` (the best k, after the
    /// union-bound correction over the k tried).
    pub epsilon_lower: f64,
    /// The ε the accountant claims for the audited mechanism (the configured
    /// σ, the audit's q and steps), even when a switch broke it.
    pub claimed_epsilon: f64,
    /// `epsilon_lower / claimed_epsilon`.
    pub ratio: f64,
    pub delta: f64,
    pub confidence: f64,
    pub accountant: String,
    /// The per-step score summed (`sum` or `llr`).
    pub score: String,
    /// Whether the observer subtracted the real examples' known clipped sum.
    pub known_batch: bool,
    /// m, the canaries.
    pub canaries: usize,
    /// Canaries included (the sampler draws over N + this many examples).
    pub canaries_in: usize,
    /// The k of the bound reported, its guesses r = 2k and correct ones v.
    pub k: usize,
    pub guesses: usize,
    pub correct: usize,
    /// Every k tried.
    pub per_k: Vec<GuessResult>,
    /// σ of the configuration (what the claim is for).
    pub noise_multiplier: f64,
    /// σ actually used in the apply step (0 with `audit_disable_noise`).
    pub noise_multiplier_used: f64,
    pub noise_disabled: bool,
    pub clipping_disabled: bool,
    pub clip_norm: f64,
    /// The norm of each canary's gradient.
    pub canary_norm: f64,
    /// Real training examples N.
    pub dataset_size: usize,
    /// The sampling rate of every example, real or canary: the configured
    /// batch_size / N.
    pub q: f64,
    pub steps: u64,
    /// Steps whose noisy gradient could not be read back (learning rate 0).
    pub steps_unobserved: u64,
    /// Mean score of the members and of the non-members.
    pub mean_score_in: f64,
    pub mean_score_out: f64,
    /// Test accuracy of the audited model (it is a real training run).
    pub test_accuracy: f64,
    pub histogram: PathBuf,
    pub report: PathBuf,
    pub wall_secs: f64,
    pub warnings: Vec<String>,
}
