//! `dpxla train` and `dpxla eval`.

use clap::Args;
use dpxla::train::config::Config;
use dpxla::train::sampling::distributed::{ProcessArgs, ProcessConfig};
use dpxla::train::{run::train, TrainOptions};
use std::path::PathBuf;

#[derive(Args)]
pub struct TrainArgs {
    /// Run configuration (TOML; see configs/ and the README).
    #[arg(long)]
    config: PathBuf,
    /// Override a configuration value, e.g. `--set training.steps=100`
    /// (repeatable; the value is TOML, or a bare string).
    #[arg(long = "set", value_name = "KEY=VALUE")]
    set: Vec<String>,
    /// Continue the run in output.dir from its checkpoint (privacy spent so far
    /// is counted, never reset).
    #[arg(long)]
    resume: bool,
    /// Stop after this many steps in this invocation (resume later).
    #[arg(long, value_name = "N")]
    max_steps: Option<u64>,
    /// No progress output. Without it: a progress bar on a terminal, else a
    /// plain progress line now and then (logs, CI).
    #[arg(long)]
    no_progress: bool,
    /// Number of processes in a multi-host run (else `DPXLA_NUM_PROCESSES`,
    /// else `runtime.num_processes`, else `SLURM_NTASKS`, else 1). More than
    /// one is refused today: on CPU the plugin has no cross-process
    /// collectives; elsewhere the engine's cross-process execution is not
    /// built. See docs/scale.md.
    #[arg(long, value_name = "P")]
    num_processes: Option<usize>,
    /// This process's 0-based index (else `DPXLA_PROCESS_ID`, else
    /// `runtime.process_id`, else `SLURM_PROCID`, else 0). Only process 0 writes checkpoints and metrics.
    #[arg(long, value_name = "I")]
    process_id: Option<usize>,
    /// Process 0's key-value store, `HOST:PORT` (else `DPXLA_COORDINATOR`,
    /// else `runtime.coordinator`).
    #[arg(long, value_name = "HOST:PORT")]
    coordinator: Option<String>,
}

#[derive(Args)]
pub struct EvalArgs {
    /// The configuration of the run (model and test data are taken from it).
    #[arg(long)]
    config: PathBuf,
    #[arg(long = "set", value_name = "KEY=VALUE")]
    set: Vec<String>,
    /// A checkpoint (or a parameter file from `dpxla init`).
    #[arg(long)]
    checkpoint: PathBuf,
    /// Evaluate the averaged parameters (EMA/Polyak) of the checkpoint.
    #[arg(long)]
    averaged: bool,
}

pub fn run_train(args: TrainArgs) -> anyhow::Result<()> {
    let cfg = Config::load(&args.config, &args.set)?;
    let processes = ProcessConfig::resolve_with_config(
        &ProcessArgs {
            num_processes: args.num_processes,
            process_id: args.process_id,
            coordinator: args.coordinator.clone(),
        },
        &ProcessArgs {
            num_processes: cfg.runtime.num_processes,
            process_id: cfg.runtime.process_id,
            coordinator: cfg.runtime.coordinator.clone(),
        },
        &|k| std::env::var(k).ok(),
    )?;
    // Before any data is read: the CPU plugin has no cross-process
    // collectives, and the engine cannot yet run one program across
    // processes (docs/scale.md, section 4). Refused rather than training P
    // independent models that each spend the whole privacy budget.
    dpxla::train::multihost::check_supported(
        dpxla::train::config::runtime_options::runtime_platform(&cfg.runtime)?,
        &processes,
    )?;
    let opts = TrainOptions {
        resume: args.resume,
        progress: !args.no_progress,
        max_steps_this_run: args.max_steps,
        // First SIGINT/SIGTERM: finish the step, checkpoint, exit 130/143.
        stop: Some(dpxla::train::run::signals::StopSignal::install()?),
    };
    let s = train(&cfg, &opts)?;
    println!(
        "steps: {} of {} planned{}",
        s.steps_done,
        s.steps_planned,
        if s.stopped_by_budget {
            " (stopped by the ε budget)"
        } else {
            ""
        }
    );
    match s.epsilon {
        Some((eps, delta)) => println!("privacy: (ε = {eps:.4}, δ = {delta:e}) spent"),
        None => println!("privacy: none (non-private run)"),
    }
    println!(
        "test accuracy: {:.2}% (loss {:.4})",
        100.0 * s.test.accuracy,
        s.test.loss
    );
    if let Some(avg) = s.test_averaged {
        println!(
            "test accuracy, averaged parameters: {:.2}% (loss {:.4})",
            100.0 * avg.accuracy,
            avg.loss
        );
    }
    println!("checkpoint: {}", s.checkpoint.display());
    println!("metrics: {}", s.metrics.display());
    for p in &s.plots {
        println!("plot: {}", p.display());
    }
    Ok(())
}

pub fn run_eval(args: EvalArgs) -> anyhow::Result<()> {
    // Only what evaluation uses is required and checked.
    let cfg = Config::load_for_eval(&args.config, &args.set)?;
    let r = dpxla::train::run::evaluate_checkpoint(&cfg, &args.checkpoint, args.averaged)?;
    println!(
        "test accuracy: {:.2}% (loss {:.4}) on {} examples",
        100.0 * r.accuracy,
        r.loss,
        r.examples
    );
    Ok(())
}
