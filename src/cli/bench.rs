//! `dpxla bench`: time the training engine's step on a model from the zoo.

use super::PluginArgs;
use clap::Args;
use dpxla::bench::{self, BenchConfig};
use dpxla::dp::clip::ClipMethod;
use dpxla::nn::{by_name, ComputeDtype, MixedPrecision, Model};

// Arguments of `dpxla bench`; the command's help text is on `Command::Bench`.
#[derive(Args)]
pub struct BenchArgs {
    /// Model name (the registry `dpxla::nn::MODELS`; README, "Models").
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(dpxla::nn::model_names()))]
    model: String,
    /// Physical batch: examples per compiled accumulate call, or `auto` (the
    /// largest power of two whose accumulate program fits --memory-budget, from
    /// XLA's memory analysis, as `training.physical_batch = "auto"`; needs
    /// --logical).
    #[arg(long, value_parser = parse_batch)]
    batch: BatchArg,
    /// With `--batch auto`: bytes the accumulate program may use (e.g. 8GiB)
    /// [default: the device's allocator limit, else half the host's memory].
    #[arg(long, value_parser = parse_bytes)]
    memory_budget: Option<u64>,
    /// Logical batch: examples per step [default: BATCH].
    #[arg(long)]
    logical: Option<usize>,
    /// Time the non-private step (batch gradient, no clipping or noise).
    #[arg(long)]
    non_private: bool,
    /// Timed steps (after the first step and the warm-up); the median is reported.
    #[arg(long, default_value_t = 5)]
    steps: usize,
    /// Untimed steps after the first one.
    #[arg(long, default_value_t = 1)]
    warmup: usize,
    /// Noise multiplier σ of the DP step.
    #[arg(long, default_value_t = 1.0)]
    sigma: f64,
    /// Clipping norm C of the DP step.
    #[arg(long, default_value_t = 1.0)]
    clip_norm: f64,
    /// Seed of the initial parameters and the random batch.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// How per-example norms and the clipped sum are computed (DP runs):
    /// auto, vmap (materialised per-example gradients) or bookkeeping.
    #[arg(long, default_value = "auto")]
    clipping_method: ClipMethod,
    /// Float type of the forward and backward passes: f32, or bf16 (mixed
    /// precision: f32 parameters, gradients widened to f32 before clipping;
    /// the config key `model.compute_dtype`).
    #[arg(long, default_value = "f32")]
    compute_dtype: ComputeDtype,
    /// Wait after every upload and program run, as dpxla did before issue 23
    /// (`runtime.synchronous = true`): the baseline of the asynchronous engine.
    #[arg(long)]
    synchronous: bool,
    /// Alternate ROUNDS synchronous and ROUNDS asynchronous benchmarks in this
    /// one invocation (sync, async, sync, ...) and print each round's median
    /// step time, then the median and range of each mode's round medians.
    #[arg(long, value_name = "ROUNDS", conflicts_with = "synchronous")]
    compare_sync: Option<usize>,
    /// Alternate ROUNDS rounds of the DP step under each clipping method
    /// (auto, vmap, bookkeeping) in this one invocation and print each
    /// round's median step time and the tensors' methods, then each method's
    /// median over the rounds and its ratio to vmap's.
    #[arg(
        long,
        value_name = "ROUNDS",
        conflicts_with_all = ["compare_sync", "non_private"]
    )]
    compare_clipping: Option<usize>,
    /// Print one line of JSON instead of the table.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    plugin: PluginArgs,
}

/// `--batch`: a number or `auto`.
#[derive(Clone, Copy, Debug)]
enum BatchArg {
    Rows(usize),
    Auto,
}

fn parse_batch(s: &str) -> Result<BatchArg, String> {
    if s == "auto" {
        return Ok(BatchArg::Auto);
    }
    s.parse()
        .map(BatchArg::Rows)
        .map_err(|_| format!("expected a number of examples or `auto`, got `{s}`"))
}

fn parse_bytes(s: &str) -> Result<u64, String> {
    dpxla::train::config::ByteSize::parse(s).map(|b| b.0)
}

pub fn run(args: BenchArgs) -> anyhow::Result<()> {
    let model = by_name(&args.model)?;
    let client = args.plugin.query().client(&[])?;
    let (batch, logical) = match (args.batch, args.logical) {
        (BatchArg::Rows(b), l) => (b, l.unwrap_or(b)),
        (BatchArg::Auto, Some(l)) => (l, l),
        (BatchArg::Auto, None) => {
            anyhow::bail!(
                "--batch auto needs --logical (the logical batch it sizes the physical batch for)"
            )
        }
    };
    anyhow::ensure!(
        args.memory_budget.is_none() || matches!(args.batch, BatchArg::Auto),
        "--memory-budget applies only with --batch auto"
    );
    let mut cfg = BenchConfig {
        batch,
        logical,
        private: !args.non_private,
        sigma: args.sigma,
        clip_norm: args.clip_norm,
        steps: args.steps,
        warmup: args.warmup,
        seed: args.seed,
        clipping_method: args.clipping_method,
    };
    let mixed = match args.compute_dtype {
        ComputeDtype::F32 => None,
        ComputeDtype::Bf16 => Some(MixedPrecision::bf16(model.as_ref())?),
    };
    let model = mixed.as_ref().map_or(model.as_ref(), |m| m as &dyn Model);
    let choice = match args.batch {
        BatchArg::Auto => {
            let c = bench::choose_batch(&client, model, &cfg, args.memory_budget)?;
            cfg.batch = c.rows;
            Some(c.describe())
        }
        BatchArg::Rows(_) => None,
    };
    if let Some(rounds) = args.compare_clipping {
        return super::bench_clipping::compare_clipping(&client, model, &cfg, rounds, args.json);
    }
    if let Some(rounds) = args.compare_sync {
        return compare_sync(&client, model, &cfg, rounds, args.json);
    }
    client.set_synchronous(args.synchronous);
    let mut report = bench::run(&client, model, &cfg)?;
    report.physical_choice = choice;
    if mixed.is_some() {
        report.method.push_str(", bf16 compute");
    }
    if args.json {
        println!("{}", report.to_json_line());
    } else {
        print!("{}", report.table());
    }
    Ok(())
}

/// `--compare-sync`: the two modes alternated on one client, so that both see
/// the same machine load as far as alternation allows.
fn compare_sync(
    client: &dpxla::runtime::Client,
    model: &dyn dpxla::nn::Model,
    cfg: &BenchConfig,
    rounds: usize,
    json: bool,
) -> anyhow::Result<()> {
    anyhow::ensure!(rounds >= 1, "--compare-sync needs at least 1 round");
    let (mut sync, mut asynchronous) = (Vec::new(), Vec::new());
    for round in 1..=rounds {
        for synchronous in [true, false] {
            client.set_synchronous(synchronous);
            let r = bench::run(client, model, cfg)?;
            let mode = if synchronous { "sync" } else { "async" };
            if json {
                println!(
                    "{{\"mode\":\"{mode}\",\"round\":{round},\"report\":{}}}",
                    r.to_json_line()
                );
            } else {
                println!(
                    "round {round} {mode:>5}: step median {:.2} ms (min {:.2}, max {:.2}), apply {:.2} ms",
                    r.step_ms_median,
                    r.step_ms_min,
                    r.step_ms_max,
                    r.apply_ms_median.unwrap_or(f64::NAN)
                );
            }
            if synchronous {
                &mut sync
            } else {
                &mut asynchronous
            }
            .push(r.step_ms_median);
        }
    }
    let summary = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        let n = v.len();
        let med = if n % 2 == 1 {
            v[n / 2]
        } else {
            (v[n / 2 - 1] + v[n / 2]) / 2.0
        };
        (med, v[0], v[n - 1])
    };
    let (s, a) = (summary(&mut sync), summary(&mut asynchronous));
    println!(
        "synchronous:  median {:.2} ms (range {:.2}-{:.2}) over {rounds} rounds\n\
         asynchronous: median {:.2} ms (range {:.2}-{:.2}); async/sync = {:.3}",
        s.0,
        s.1,
        s.2,
        a.0,
        a.1,
        a.2,
        a.0 / s.0
    );
    Ok(())
}
