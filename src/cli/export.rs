//! `dpxla export-hlo`: the compiled programs of a model, as text.

use super::PluginArgs;
use clap::Args;
use dpxla::export::export_program;
use dpxla::lower::LowerOptions;
use dpxla::nn::{by_name, per_example_grads, trace_example_loss};
use std::path::PathBuf;

#[derive(Args)]
pub struct ExportArgs {
    #[arg(long)]
    model: String,
    /// Physical batch size the programs are compiled for.
    #[arg(long, default_value_t = 8)]
    batch: usize,
    /// Output folder.
    #[arg(long)]
    out: PathBuf,
    #[command(flatten)]
    plugin: PluginArgs,
}

pub fn run(args: ExportArgs) -> anyhow::Result<()> {
    if args.batch == 0 {
        anyhow::bail!(dpxla::Error::InvalidInput(
            "--batch must be at least 1".into()
        ));
    }
    let model = by_name(&args.model)?;
    let loss = trace_example_loss(model.as_ref())?;
    let client = args.plugin.query().client(&[])?;
    let graph = per_example_grads(&loss, args.batch)?;
    let name = format!("{}_per_example_grads_b{}", args.model, args.batch);
    for path in export_program(&client, &graph, &LowerOptions::default(), &name, &args.out)? {
        println!("{}", path.display());
    }
    Ok(())
}
