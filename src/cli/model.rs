//! `dpxla init` and `dpxla grads`: parameters and per-example gradients of a
//! model, as safetensors files anyone can check against JAX or PyTorch.

use super::PluginArgs;
use anyhow::Context;
use clap::Args;
use dpxla::array::HostArray;
use dpxla::lower::LowerOptions;
use dpxla::nn::transfer::load_params_file;
use dpxla::nn::{
    by_name, example_input_names, init_params, param_specs, per_example_grads, trace_example_loss,
    Batch, ExampleLoss,
};
use dpxla::program::Program;
use dpxla::runtime::CompileOptions;
use dpxla::tensor_file::{read_tensors, write_tensors};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct InitArgs {
    /// Model name (the registry `dpxla::nn::MODELS`; README, "Models").
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(dpxla::nn::model_names()))]
    model: String,
    /// Output safetensors file with one tensor per parameter.
    #[arg(long)]
    out: PathBuf,
    /// Seed of the initialiser (each parameter's generator is derived from it and
    /// the parameter's name).
    #[arg(long, default_value_t = 0)]
    seed: u64,
}

#[derive(Args)]
pub struct GradsArgs {
    /// Model name (as for `dpxla init`).
    #[arg(long)]
    model: String,
    /// Parameters (safetensors, names as written by `dpxla init`).
    #[arg(long)]
    params: PathBuf,
    /// Batch: `images` (f32, [B, H, W, C] or [B, H*W*C]) and `labels` (i64 [B]).
    #[arg(long)]
    batch: PathBuf,
    /// Output: per-example gradients (same names as the parameters, with a
    /// leading example axis) and `per_example_loss` [B].
    #[arg(long)]
    out: PathBuf,
    #[command(flatten)]
    plugin: PluginArgs,
}

pub fn init(args: InitArgs) -> anyhow::Result<()> {
    let model = by_name(&args.model)?;
    let specs = param_specs(model.as_ref())?;
    let params = init_params(&specs, args.seed);
    let meta = HashMap::from([
        ("format".to_string(), "dpxla-params".to_string()),
        ("model".to_string(), args.model.clone()),
    ]);
    write_tensors(&args.out, &params, Some(meta))?;
    let mut total = 0;
    println!("{:<40} {:>18} {:>12}", "parameter", "shape", "count");
    for s in &specs {
        println!(
            "{:<40} {:>18} {:>12}",
            s.name,
            format!("{:?}", s.shape),
            s.numel()
        );
        total += s.numel();
    }
    println!(
        "{} parameters in {} tensors -> {}",
        total,
        specs.len(),
        args.out.display()
    );
    Ok(())
}

/// Reads a batch file (`images` f32, NHWC or flat per example; `labels`
/// i64) and checks it against the model ([`Batch::new`]): errors name the
/// file, the tensor and the example.
fn load_batch(loss: &ExampleLoss, path: &Path) -> anyhow::Result<Batch> {
    let file = read_tensors(path)?;
    let images = file.get("images", path)?;
    let labels = file.get("labels", path)?;
    Batch::new(loss, images, labels).with_context(|| format!("batch file {}", path.display()))
}

pub fn grads(args: GradsArgs) -> anyhow::Result<()> {
    dpxla::atomic_file::check_output_not_input(&args.out, &[&args.params, &args.batch])?;
    let model = by_name(&args.model)?;
    let loss = trace_example_loss(model.as_ref())?;
    // Exactly the model's parameters, by name (missing, extra or reshaped
    // tensors are one clear error).
    let params: Vec<HostArray> = load_params_file(&loss, &args.params)?
        .into_iter()
        .map(|(_, a)| a)
        .collect();
    let Batch { images, labels } = load_batch(&loss, &args.batch)?;
    let batch = images.shape[0];
    let client = args.plugin.query().client(&[])?;
    let graph = per_example_grads(&loss, batch)?;
    let program = Program::compile(
        &client,
        &graph,
        &LowerOptions::default(),
        &CompileOptions::default(),
    )
    .context("compiling the per-example-gradient program")?
    .with_input_names(example_input_names(&loss))?;
    let mut inputs = params;
    inputs.push(images);
    inputs.push(labels);
    let outputs = program.run_host(&inputs)?;
    let mut named = vec![("per_example_loss".to_string(), outputs[0].clone())];
    for (spec, g) in loss.params.iter().zip(&outputs[1..]) {
        named.push((spec.name.clone(), g.clone()));
    }
    let meta = HashMap::from([
        ("format".to_string(), "dpxla-per-example-grads".to_string()),
        ("model".to_string(), args.model.clone()),
    ]);
    write_tensors(&args.out, &named, Some(meta))?;
    let losses = outputs[0].to_f64();
    let mean = losses.iter().sum::<f64>() / losses.len().max(1) as f64;
    println!(
        "{batch} examples, mean loss {mean:.6}; per-example gradients of {} parameters -> {}",
        loss.params.len(),
        args.out.display()
    );
    Ok(())
}
