//! `dpxla export-hlo`: the compiled programs of a model, as text.

use super::PluginArgs;
use clap::Args;
use dpxla::export::{export_program, standard_programs};
use std::path::PathBuf;

#[derive(Args)]
pub struct ExportArgs {
    /// Model name (as for `dpxla init`).
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

/// Writes, for the per-example-gradient program and the DP-SGD step's
/// accumulate and apply programs: NAME.stablehlo.mlir, NAME.hlo.before_opt.txt,
/// NAME.hlo.after_opt.txt.
pub fn run(args: ExportArgs) -> anyhow::Result<()> {
    if args.batch == 0 {
        anyhow::bail!(dpxla::Error::InvalidInput(
            "--batch must be at least 1".into()
        ));
    }
    let programs = standard_programs(&args.model, args.batch)?;
    let client = args.plugin.query().client(&[])?;
    for (name, graph, lower_options) in programs {
        for path in export_program(&client, &graph, &lower_options, &name, &args.out)? {
            println!("{}", path.display());
        }
    }
    Ok(())
}
