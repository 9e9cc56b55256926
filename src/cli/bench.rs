//! `dpxla bench`: time the training engine's step on a model from the zoo.

use super::PluginArgs;
use clap::Args;
use dpxla::bench::{self, BenchConfig};
use dpxla::dp::bookkeeping::ClipMethod;
use dpxla::nn::{by_name, ComputeDtype, MixedPrecision, Model};

// Arguments of `dpxla bench`; the command's help text is on `Command::Bench`.
#[derive(Args)]
pub struct BenchArgs {
    /// Model name (the registry `dpxla::nn::MODELS`; README, "Models").
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(dpxla::nn::model_names()))]
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
    /// Float type of the forward and backward passes: f32, or bf16 (mixed
    /// precision: f32 parameters, gradients widened to f32 before clipping;
    /// the config key `model.compute_dtype`).
    #[arg(long, default_value = "f32")]
    compute_dtype: ComputeDtype,
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
    let mixed = match args.compute_dtype {
        ComputeDtype::F32 => None,
        ComputeDtype::Bf16 => Some(MixedPrecision::bf16(model.as_ref())?),
    };
    let model = mixed.as_ref().map_or(model.as_ref(), |m| m as &dyn Model);
    let mut report = bench::run(&client, model, &cfg)?;
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
