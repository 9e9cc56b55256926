//! Command-line interface: one file per command group; `anyhow` lives here.

use clap::{Args, Parser, Subcommand};
use dpxla::runtime::{Platform, PluginQuery};
use std::path::PathBuf;

mod account;
mod audit;
mod bench;
mod bench_clipping;
mod data;
mod export;
mod features;
mod model;
mod plugin;
mod release;
mod train;

/// Differentially private training of image classifiers on XLA (PJRT).
#[derive(Parser)]
#[command(name = "dpxla", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Inspect or fetch PJRT plugins (CPU, CUDA, TPU).
    #[command(subcommand)]
    Plugin(plugin::PluginCmd),
    /// Privacy accounting for DP-SGD (Poisson-subsampled Gaussian).
    #[command(subcommand)]
    Account(account::AccountCmd),
    /// Write a model's initial parameters (safetensors) and print their counts.
    Init(model::InitArgs),
    /// Per-example gradients and losses of a model on a batch (safetensors in and
    /// out), for checking against JAX or PyTorch.
    Grads(model::GradsArgs),
    /// Write the StableHLO of a model's compiled programs and XLA's HLO text
    /// before and after optimisation.
    ExportHlo(export::ExportArgs),
    /// Train a classifier with DP-SGD (or non-privately) from a TOML config.
    Train(train::TrainArgs),
    /// Evaluate a checkpoint on the configured test set.
    Eval(train::EvalArgs),
    /// Audit the privacy of the compiled DP-SGD engine in one training run:
    /// an empirical lower bound on ε (Steinke, Nasr & Jagielski 2023).
    ///
    /// Trains the configured model with m white-box gradient canaries (fixed
    /// Dirac directions of norm C in the parameter space), each included in
    /// the training set with probability 1/2 and Poisson-sampled with the
    /// real examples with the run's q. After every step the noisy gradient
    /// is read back at the canaries' coordinates (less the real examples'
    /// known clipped sum, unless --updates-only); a canary's score sums a
    /// per-step statistic of it (--score); the k highest are guessed "in",
    /// the k lowest "out", and the correct guesses give a lower bound on ε
    /// at the run's δ with 95% confidence. The same guesses also go through
    /// the f-DP test (Mahloujifar, Melis & Chaudhuri 2024): an (ε, δ) bound,
    /// a Gaussian μ (its ε is a bound only for a Gaussian-shaped profile) and
    /// whether the accountant's claimed curve is rejected. With
    /// `audit.canary = "input"` the canaries are input examples through the
    /// model and the clipping instead. Reports it next to the ε the
    /// accountant claims, writes audit.json and a histogram of the scores
    /// (audit_scores.png). Needs privacy.enabled and an SGD or AdamW
    /// optimiser; no checkpoint is written.
    Audit(audit::AuditArgs),
    /// Release a model: the parameters of a checkpoint only (no optimiser or
    /// generator state), with the (ε, δ) spent as metadata.
    ExportParams(release::ExportParamsArgs),
    /// Inspect datasets and convert them to safetensors shards.
    #[command(subcommand)]
    Data(data::DataCmd),
    /// Precompute fixed features of a dataset (the scattering transform).
    #[command(subcommand)]
    Features(features::FeaturesCmd),
    /// Time the training engine's DP-SGD (or non-private) step on a model:
    /// compile time, step times, examples/s, memory.
    ///
    /// Compiles the engine for the model and times its steps on random data. One
    /// step = ceil(LOGICAL / BATCH) accumulate calls (each with its host-to-device
    /// copy; padded rows masked) + one update (noise for DP-SGD, SGD with momentum
    /// 0.9). Reports the compile time (trace, transforms, lowering, XLA
    /// compilation), the first step, the median/min/max of the timed steps after
    /// the warm-up and the update's share, examples/s, the process's peak host
    /// memory (VmHWM), peak device memory where the plugin reports it (null with
    /// the reason otherwise; the CPU plugin does not) and XLA's temporary-buffer
    /// size of the accumulate program. Fields as scripts/bench_jax.py and
    /// scripts/bench_opacus.py (see scripts/compare.sh).
    Bench(bench::BenchArgs),
}

/// How a command finds its PJRT plugin (see README, "Plugins").
#[derive(Args, Clone, Debug)]
pub struct PluginArgs {
    /// Plugin shared library to load; overrides `--platform` and `DPXLA_PLUGIN`.
    #[arg(long, value_name = "PATH")]
    plugin: Option<PathBuf>,
    /// Platform whose plugin to search for: cpu (fetched on first use), cuda or tpu.
    #[arg(long, default_value = "cpu", value_name = "P")]
    platform: Platform,
}

impl PluginArgs {
    pub fn query(&self) -> PluginQuery {
        PluginQuery {
            path: self.plugin.clone(),
            platform: self.platform,
            allow_fetch: true,
        }
    }
}

/// Runs the CLI and returns the process exit code: 0 on success, 2 for invalid
/// input (bad arguments or values), 1 for any other failure.
pub fn main() -> i32 {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Plugin(cmd) => plugin::run(cmd),
        Command::Account(cmd) => account::run(cmd),
        Command::Init(args) => model::init(args),
        Command::Grads(args) => model::grads(args),
        Command::ExportHlo(args) => export::run(args),
        Command::Data(cmd) => data::run(cmd),
        Command::Features(cmd) => features::run(cmd),
        Command::Train(args) => train::run_train(args),
        Command::Eval(args) => train::run_eval(args),
        Command::Audit(args) => audit::run(args),
        Command::ExportParams(args) => release::run(args),
        Command::Bench(args) => bench::run(args),
    };
    match result {
        Ok(()) => 0,
        Err(err) => {
            match err.downcast_ref::<dpxla::Error>() {
                // Not a failure: the run stopped where it was asked to.
                Some(dpxla::Error::Interrupted { .. }) => eprintln!("\n{}", render(&err)),
                _ => eprintln!("error: {}", render(&err)),
            }
            exit_code(&err)
        }
    }
}

/// The error and its causes, "a: b: c", leaving out a cause whose text the
/// message already contains (`Error::Io` shows its OS error itself, which
/// `{:#}` would print twice).
fn render(err: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in err.chain() {
        let part = cause.to_string();
        if text.contains(&part) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&part);
    }
    text
}

/// Invalid input exits with 2 (like clap's own usage errors); a run stopped
/// by a signal with 128 + its number (the shell's convention); everything
/// else with 1.
fn exit_code(err: &anyhow::Error) -> i32 {
    if let Some(dpxla::Error::Interrupted { signal, .. }) = err.downcast_ref::<dpxla::Error>() {
        return 128 + signal;
    }
    // Each crate has its own error type; a command may return any of them.
    let invalid = err
        .downcast_ref::<dpxla::Error>()
        .map(|e| e.is_invalid_input())
        .or_else(|| {
            err.downcast_ref::<dpxla_dp::Error>()
                .map(|e| e.is_invalid_input())
        })
        .or_else(|| {
            err.downcast_ref::<dpxla_nn::Error>()
                .map(|e| e.is_invalid_input())
        })
        .or_else(|| {
            err.downcast_ref::<dpxla_pjrt::Error>()
                .map(|e| e.is_invalid_input())
        })
        .or_else(|| {
            err.downcast_ref::<dpxla_core::Error>()
                .map(|e| e.is_invalid_input())
        })
        .unwrap_or(false);
    if invalid {
        2
    } else {
        1
    }
}
