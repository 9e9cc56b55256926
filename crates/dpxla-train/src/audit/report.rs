//! What an audit reports, as one JSON object (`audit.json`, `--json`).

use super::config::CanaryKind;
use super::guess::GuessResult;
use serde::Serialize;
use std::path::PathBuf;

/// The result of `dpxla audit`.
#[derive(Clone, Debug, Serialize)]
pub struct AuditReport {
    /// `gradient` or `input` (`audit.canary`).
    pub canary: CanaryKind,
    /// Steinke et al.'s ε lower bound at `delta` with `confidence` (the best
    /// k, after the union-bound correction over the k tried).
    pub epsilon_lower: f64,
    /// The f-DP test's ε lower bound against (ε, δ) curves (Mahloujifar et
    /// al. 2024), same guesses, best k: valid for any mechanism.
    pub fdp_epsilon_lower: f64,
    pub fdp_k: usize,
    /// The largest μ whose μ-GDP the f-DP test rejects (best k), and its ε
    /// at δ: a lower bound on ε ONLY if the privacy profile is
    /// Gaussian-shaped (μ-GDP is stronger than (ε(μ), δ)-DP), so it is never
    /// used for a judgement.
    pub gdp_mu: f64,
    pub gdp_epsilon: f64,
    pub gdp_k: usize,
    /// Whether the f-DP test rejects the accountant's claimed tradeoff curve
    /// (its δ(ε) at every ε of a grid) at `confidence` for some k.
    pub claim_rejected: bool,
    /// `epsilon_lower` or `fdp_epsilon_lower` > `claimed_epsilon`, or
    /// `claim_rejected`: the audit refutes the claim (each test at
    /// `confidence`; the three together at 1 − 2·(1 − confidence), as the
    /// f-DP (ε, δ) bound exceeding the claim implies `claim_rejected`).
    pub exceeds_claim: bool,
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
    /// `audit.debug_break_clipping`: examples through the model unclipped.
    pub clipping_broken: bool,
    pub clip_norm: f64,
    /// The norm of each gradient canary; for input canaries, the mean norm
    /// of their contribution to the clipped sum as the engine computed it
    /// (≤ C when clipping works).
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
