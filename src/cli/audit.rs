//! `dpxla audit`: the one-run privacy audit (src/audit/).

use clap::Args;
use dpxla::audit::{audit, config, AuditOptions};
use std::path::PathBuf;

#[derive(Args)]
pub struct AuditArgs {
    /// Run configuration (TOML, as for `dpxla train`). Only this command
    /// accepts the debugging switches `privacy.audit_disable_noise` (σ = 0)
    /// and `privacy.audit_disable_clipping` (no clipping, canaries of 1000·C),
    /// which break the mechanism on purpose to show the audit detects it,
    /// and the `[audit]` table: `audit.canary = "gradient" | "input"` and
    /// `audit.debug_break_clipping` (real examples unclipped; never private).
    #[arg(long)]
    config: PathBuf,
    /// Override a configuration value, e.g. `--set training.steps=100`
    /// (repeatable; the value is TOML, or a bare string).
    #[arg(long = "set", value_name = "KEY=VALUE")]
    set: Vec<String>,
    /// Number of canaries m (gradient or input, `audit.canary`); each is in
    /// the training set with probability 1/2.
    #[arg(long, default_value_t = 1000, value_name = "M")]
    canaries: usize,
    /// Guess the k highest-scoring canaries "in" and the k lowest "out"
    /// (repeatable). With several k each is tested at 5%/(number of k), so
    /// the best one keeps 95% confidence. Default: m/40, m/20, m/8, m/4, m/2.
    #[arg(long = "k", value_name = "K")]
    ks: Vec<usize>,
    /// Per-step score of a canary, summed over steps: `llr` (the
    /// log-likelihood ratio of member vs non-member for the
    /// Poisson-subsampled Gaussian with the configured σ; tighter) or `sum`
    /// (its coordinate of the noisy gradient).
    #[arg(long, default_value = "llr", value_name = "S")]
    score: dpxla::audit::ScoreKind,
    /// The observer sees the noisy updates only. By default it also knows
    /// the real examples' clipped sum of each step (allowed by the DP threat
    /// model: the adversary may know every other example and their
    /// sampling) and subtracts it at the canaries' coordinates.
    #[arg(long)]
    updates_only: bool,
    /// Seed of the canaries' directions and inclusion bits.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Folder for audit.json and audit_scores.png (default: output.dir/audit).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Print the report as one JSON line on stdout (progress stays on stderr).
    #[arg(long)]
    json: bool,
    /// No progress lines on stderr.
    #[arg(long)]
    no_progress: bool,
}

pub fn run(args: AuditArgs) -> anyhow::Result<()> {
    let (cfg, switches) = config::load(&args.config, &args.set)?;
    let opts = AuditOptions {
        canaries: args.canaries,
        ks: args.ks,
        seed: args.seed,
        out: args.out,
        progress: !args.no_progress,
        score: args.score,
        known_batch: !args.updates_only,
        ..AuditOptions::default()
    };
    let r = audit(&cfg, switches, &opts)?;
    for w in &r.warnings {
        eprintln!("warning: {w}");
    }
    if args.json {
        println!("{}", serde_json::to_string(&r)?);
        return Ok(());
    }
    let mut off = Vec::new();
    if r.noise_disabled {
        off.push("noise DISABLED");
    }
    if r.clipping_disabled {
        off.push("clipping DISABLED");
    }
    if r.clipping_broken {
        off.push("clipping of real examples BROKEN");
    }
    let broken = if off.is_empty() {
        String::new()
    } else {
        format!(
            " ({}: the claim does not hold for this run)",
            off.join(", ")
        )
    };
    println!(
        "{:?} canaries, δ = {:e}, {:.0}% confidence",
        r.canary,
        r.delta,
        100.0 * r.confidence
    );
    println!(
        "Steinke ε lower bound:                  {:.4} (k = {})",
        r.epsilon_lower, r.k
    );
    println!(
        "f-DP (ε, δ) ε lower bound:              {:.4} (k = {})",
        r.fdp_epsilon_lower, r.fdp_k
    );
    println!(
        "f-DP Gaussian μ: {:.4}, its ε: {:.4} (k = {}; an ε bound only for a Gaussian-shaped profile)",
        r.gdp_mu, r.gdp_epsilon, r.gdp_k
    );
    println!(
        "accountant's claimed curve rejected by the f-DP test: {}",
        if r.claim_rejected { "YES" } else { "no" }
    );
    println!(
        "claimed ε ({} accountant, σ = {}): {:.4}{broken}",
        r.accountant, r.noise_multiplier, r.claimed_epsilon
    );
    println!("ratio lower/claimed: {:.3}", r.ratio);
    println!(
        "canaries: {} ({} in), k = {}: {} of {} guesses correct",
        r.canaries, r.canaries_in, r.k, r.correct, r.guesses
    );
    for g in &r.per_k {
        println!(
            "  k = {:>5}: {:>5} of {:>5} correct, Steinke ε ≥ {:.4}, f-DP (ε, δ) ε ≥ {:.4}, μ ≥ {:.4} (ε {:.4})",
            g.k, g.correct, g.guesses, g.epsilon_lower, g.fdp_epsilon_lower, g.gdp_mu, g.gdp_epsilon
        );
    }
    if r.exceeds_claim {
        println!("VERDICT: the audit refutes the claimed privacy");
    }
    println!(
        "mean score in/out: {:.4e} / {:.4e}; test accuracy {:.2}%",
        r.mean_score_in,
        r.mean_score_out,
        100.0 * r.test_accuracy
    );
    println!("histogram: {}", r.histogram.display());
    println!("report: {}", r.report.display());
    Ok(())
}
