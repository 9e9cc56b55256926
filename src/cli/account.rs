//! `dpxla account ...`: privacy accounting from the command line.

use clap::{Args, Subcommand};
use dpxla::dp::accountant::{calibrate_sigma, epsilon_of, AccountantKind, PoissonGaussianEvent};
use dpxla::Error;

#[derive(Subcommand)]
pub enum AccountCmd {
    /// ε of DP-SGD with Poisson sampling rate Q, noise multiplier S, T steps, at δ.
    ///
    /// Add/remove-one neighbours. Prints one line, or one JSON object with --json:
    /// {"accountant", "epsilon", "delta", "q", "sigma", "steps"}.
    Epsilon {
        /// Noise multiplier σ (noise std / clip norm), > 0.
        #[arg(long, allow_hyphen_values = true)]
        sigma: f64,
        #[command(flatten)]
        common: Common,
    },
    /// Smallest noise multiplier σ whose ε at δ is at most E (bisection to 1e-5 relative).
    ///
    /// Prints one line, or with --json the same object as `epsilon` with the σ found
    /// and the ε it achieves.
    Calibrate {
        /// Target ε, > 0.
        #[arg(long, allow_hyphen_values = true)]
        epsilon: f64,
        #[command(flatten)]
        common: Common,
    },
}

/// Arguments shared by both subcommands.
#[derive(Args)]
pub struct Common {
    /// Poisson sampling probability q (expected batch size / dataset size), in (0, 1].
    #[arg(long, allow_hyphen_values = true)]
    q: f64,
    /// Number of steps T, ≥ 1.
    #[arg(long, allow_hyphen_values = true)]
    steps: i64,
    /// δ, in (0, 1).
    #[arg(long, allow_hyphen_values = true)]
    delta: f64,
    /// Accountant: rdp (Rényi DP, fast) or pld (privacy loss distribution, tighter).
    #[arg(long, default_value = "rdp")]
    accountant: String,
    /// Print one JSON object instead of a line of text.
    #[arg(long)]
    json: bool,
}

fn parse(common: &Common) -> anyhow::Result<(AccountantKind, u64)> {
    let kind: AccountantKind = common.accountant.parse()?;
    if common.steps < 1 {
        return Err(
            Error::InvalidInput(format!("steps must be at least 1, got {}", common.steps)).into(),
        );
    }
    Ok((kind, common.steps as u64))
}

pub fn run(cmd: AccountCmd) -> anyhow::Result<()> {
    let (common, kind, steps, sigma, eps) = match &cmd {
        AccountCmd::Epsilon { sigma, common } => {
            let (kind, steps) = parse(common)?;
            let ev = PoissonGaussianEvent::new(common.q, *sigma, steps)?;
            let eps = epsilon_of(kind, &[ev], common.delta)?;
            (common, kind, steps, *sigma, eps)
        }
        AccountCmd::Calibrate { epsilon, common } => {
            let (kind, steps) = parse(common)?;
            let sigma = calibrate_sigma(kind, *epsilon, common.q, steps, common.delta)?;
            let ev = PoissonGaussianEvent::new(common.q, sigma, steps)?;
            let eps = epsilon_of(kind, &[ev], common.delta)?;
            (common, kind, steps, sigma, eps)
        }
    };
    if common.json {
        let obj = serde_json::json!({
            "accountant": kind.to_string(),
            "epsilon": eps,
            "delta": common.delta,
            "q": common.q,
            "sigma": sigma,
            "steps": steps,
        });
        println!("{obj}");
    } else {
        let what = match cmd {
            AccountCmd::Epsilon { .. } => "",
            AccountCmd::Calibrate { .. } => "calibrated ",
        };
        println!(
            "ε = {} at δ = {} ({kind}; q = {}, {what}σ = {}, steps = {steps})",
            value(eps),
            given(common.delta),
            given(common.q),
            value(sigma)
        );
    }
    Ok(())
}

/// Rust's `{}` never uses an exponent (1e-300 prints as 300 digits), so
/// values far from 1 are written in scientific notation.
fn extreme(x: f64) -> bool {
    x != 0.0 && x.is_finite() && !(1e-4..1e6).contains(&x.abs())
}

/// A computed value: six decimals, or six significant digits with an exponent.
fn value(x: f64) -> String {
    if extreme(x) {
        format!("{x:.6e}")
    } else {
        format!("{x:.6}")
    }
}

/// A value the user gave: as short as it round-trips.
fn given(x: f64) -> String {
    if extreme(x) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}
