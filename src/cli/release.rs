//! `dpxla export-params`: release a trained model's parameters only.

use clap::Args;
use std::path::PathBuf;

#[derive(Args)]
pub struct ExportParamsArgs {
    /// A checkpoint written by `dpxla train`.
    checkpoint: PathBuf,
    /// The parameter file to write (safetensors).
    #[arg(long)]
    out: PathBuf,
    /// Export the averaged (EMA/Polyak) parameters instead of the raw ones.
    #[arg(long)]
    averaged: bool,
}

pub fn run(args: ExportParamsArgs) -> anyhow::Result<()> {
    let r = dpxla::train::checkpoint::export_params::export_params(
        &args.checkpoint,
        &args.out,
        args.averaged,
    )?;
    println!(
        "wrote {} parameter tensors to {}",
        r.tensors,
        args.out.display()
    );
    match r.epsilon {
        Some((e, d)) if r.reproducible_noise => {
            println!("privacy: none: the run set privacy.debug_seed (marked \"private\": false)");
            eprintln!(
                "warning: {} comes from a privacy.debug_seed run: its noise is reproducible \
                 from the seed, so it is NOT a private release (ε = {e:.4}, δ = {d:e} would \
                 hold only with a secret seed)",
                args.checkpoint.display()
            );
        }
        Some((e, d)) => println!("privacy: (ε = {e:.4}, δ = {d:e}) spent (recorded as metadata)"),
        None => println!("privacy: none (non-private run)"),
    }
    Ok(())
}
