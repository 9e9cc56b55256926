//! `dpxla features scatter`: precompute scattering features of a dataset.

use super::PluginArgs;
use clap::{Args, Subcommand};
use std::path::PathBuf;

/// Feature extraction commands.
#[derive(Subcommand)]
pub enum FeaturesCmd {
    /// Run the fixed scattering transform (Kymatio's, J = 2, L = 8; the
    /// `scatter_*` models' front end, compiled by XLA) once over both splits
    /// of a single-channel dataset and write the encoded features
    /// (`[7, 7, 162]` u8 for 28x28 images) as safetensors shards to OUT/train
    /// and OUT/test, then OUT/features.json (the transform's version), for
    /// the `scatterfeat_*` models. Does nothing if OUT already holds them.
    Scatter(ScatterArgs),
}

/// Arguments of `dpxla features scatter`.
#[derive(Args)]
pub struct ScatterArgs {
    /// The dataset (any format `dpxla data inspect` reads, with both splits).
    #[arg(long)]
    data: PathBuf,
    /// Output folder. If it already holds this version's features of the same
    /// data (its features.json says so), nothing is done; otherwise its
    /// train/ and test/ must not hold shards yet.
    #[arg(long)]
    out: PathBuf,
    /// Only the first N examples of each split (quick checks).
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    #[command(flatten)]
    plugin: PluginArgs,
}

/// Runs a features command.
pub fn run(cmd: FeaturesCmd) -> anyhow::Result<()> {
    match cmd {
        FeaturesCmd::Scatter(a) => {
            if dpxla::features::scatter_features_up_to_date(&a.data, &a.out, a.limit)? {
                println!(
                    "{} already holds the scattering features of {} ({}); nothing to do",
                    a.out.display(),
                    a.data.display(),
                    dpxla::features::SCATTER_FEATURES_VERSION
                );
                return Ok(());
            }
            let client = a.plugin.query().client(&[])?;
            let t0 = std::time::Instant::now();
            let [train, test] =
                dpxla::features::write_scatter_features(&client, &a.data, &a.out, a.limit)?;
            println!(
                "scattering features of {} train and {} test examples written to {} in {:.1}s",
                train,
                test,
                a.out.display(),
                t0.elapsed().as_secs_f64()
            );
            Ok(())
        }
    }
}
