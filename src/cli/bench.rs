//! `dpxla bench`: time the training engine's step on a model from the zoo.

use super::PluginArgs;
use clap::Args;
use dpxla::bench::{self, BenchConfig};
use dpxla::dp::bookkeeping::ClipMethod;
use dpxla::nn::by_name;

// Arguments of `dpxla bench`; the command's help text is on `Command::Bench`.
#[derive(Args)]
pub struct BenchArgs {
    /// Model name (mlp, cnn_tanh, cnn_tanh_cifar, cifar_cnn, wrn16_4, wrn40_4,
    /// resnet18_gn, resnet50_gn, scatter_linear, scatter_cnn,
    /// scatterfeat_linear, scatterfeat_cnn).
    #[arg(long)]
    model: String,
    /// Physical batch: examples per compiled accumulate call.
    #[arg(long)]
    batch: usize,
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
    /// Print one line of JSON instead of the table.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    plugin: PluginArgs,
}

pub fn run(args: BenchArgs) -> anyhow::Result<()> {
    let model = by_name(&args.model)?;
    let client = args.plugin.query().client(&[])?;
    let cfg = BenchConfig {
        batch: args.batch,
        logical: args.logical.unwrap_or(args.batch),
        private: !args.non_private,
        sigma: args.sigma,
        clip_norm: args.clip_norm,
        steps: args.steps,
        warmup: args.warmup,
        seed: args.seed,
        clipping_method: args.clipping_method,
    };
    let report = bench::run(&client, model.as_ref(), &cfg)?;
    if args.json {
        println!("{}", report.to_json_line());
    } else {
        print!("{}", report.table());
    }
    Ok(())
}
