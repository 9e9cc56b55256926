//! `dpxla data ...`: inspect datasets and convert them to safetensors shards.

use clap::{Args, Subcommand};
use dpxla::data::{class_counts, open_dataset, shards, Dataset, OpenOptions, Split};
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Subcommand)]
pub enum DataCmd {
    /// Print a dataset's format, size, image shape and class balance.
    Inspect {
        /// Dataset file or folder (IDX, CIFAR binary, shards, image folder).
        path: PathBuf,
        #[command(flatten)]
        source: SourceArgs,
        /// Also compute the per-channel pixel mean and standard deviation (reads every image).
        #[arg(long)]
        stats: bool,
    },
    /// Write a dataset as safetensors shards (DIR/shard-00000.safetensors, ...).
    Convert {
        /// Dataset file or folder to read.
        #[arg(long, value_name = "PATH")]
        from: PathBuf,
        /// Folder to write the shards to (created; must hold no shards yet).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        #[command(flatten)]
        source: SourceArgs,
        /// Examples per shard.
        #[arg(long, default_value_t = 10_000, value_name = "N")]
        shard_size: usize,
    },
}

/// How to read the source dataset.
#[derive(Args)]
pub struct SourceArgs {
    /// Split to read where the source has several: train or test.
    #[arg(long, default_value = "train", value_name = "SPLIT")]
    split: String,
    /// Image folders: side of the square the images are resized and centre-cropped to.
    #[arg(long, default_value_t = 224, value_name = "PIXELS")]
    image_size: usize,
    /// CIFAR-100: use the 20 coarse labels instead of the 100 fine ones.
    #[arg(long)]
    coarse: bool,
}

impl SourceArgs {
    fn options(&self) -> anyhow::Result<OpenOptions> {
        Ok(OpenOptions {
            split: self.split.parse::<Split>()?,
            image_size: self.image_size,
            cifar100_coarse: self.coarse,
            num_classes: None,
        })
    }
}

pub fn run(cmd: DataCmd) -> anyhow::Result<()> {
    match cmd {
        DataCmd::Inspect {
            path,
            source,
            stats,
        } => {
            let ds = open_dataset(&path, &source.options()?)?;
            inspect(ds.as_ref(), stats)
        }
        DataCmd::Convert {
            from,
            out,
            source,
            shard_size,
        } => {
            let ds = open_dataset(&from, &source.options()?)?;
            let start = Instant::now();
            let files = shards::write_shards(ds.as_ref(), &out, shard_size, |done, total| {
                eprint!("\rconverting: {done}/{total} examples");
                let _ = std::io::stderr().flush();
            })?;
            eprintln!();
            println!(
                "wrote {} examples in {} shard(s) to {} ({:.1} s)",
                ds.len(),
                files.len(),
                out.display(),
                start.elapsed().as_secs_f64()
            );
            Ok(())
        }
    }
}

fn inspect(ds: &dyn Dataset, stats: bool) -> anyhow::Result<()> {
    // Issue 27, item 6: these are exact statistics of possibly private data.
    eprintln!(
        "warning: the class balance{} below are exact, NON-PRIVATE statistics of {}; if \
         it is private data, do not publish them or derive a private run's settings (such \
         as augment.mean/std) from them: take public values instead",
        if stats { " and pixel mean/std" } else { "" },
        ds.source().display()
    );
    let [h, w, c] = ds.image_shape();
    println!("source:   {}", ds.source().display());
    println!("format:   {}", ds.kind());
    println!("examples: {}", ds.len());
    println!("image:    {h}x{w}x{c} (HWC, u8)");
    println!("classes:  {}", ds.num_classes());
    let counts = class_counts(ds);
    let names = ds.class_names();
    println!("class balance:");
    for (k, n) in counts.iter().enumerate() {
        let name = names
            .and_then(|v| v.get(k))
            .map_or(String::new(), |s| format!(" {s}"));
        let share = 100.0 * *n as f64 / ds.len().max(1) as f64;
        println!("  {k:>5}{name}: {n} ({share:.2}%)");
    }
    if stats {
        let (mean, std) = pixel_stats(ds)?;
        let fmt = |v: &[f64]| {
            v.iter()
                .map(|x| format!("{x:.4}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        println!("pixel mean (0..1 per channel): [{}]", fmt(&mean));
        println!("pixel std  (0..1 per channel): [{}]", fmt(&std));
    }
    Ok(())
}

/// Per-channel mean and standard deviation of pixel values scaled to [0, 1].
fn pixel_stats(ds: &dyn Dataset) -> anyhow::Result<(Vec<f64>, Vec<f64>)> {
    let c = ds.image_shape()[2];
    let mut sum = vec![0u64; c];
    let mut sum_sq = vec![0u64; c];
    let chunk = 1024;
    for begin in (0..ds.len()).step_by(chunk) {
        let indices: Vec<usize> = (begin..(begin + chunk).min(ds.len())).collect();
        let batch = ds.read_batch(&indices)?;
        for (i, &v) in batch.images.iter().enumerate() {
            sum[i % c] += v as u64;
            sum_sq[i % c] += (v as u64) * (v as u64);
        }
    }
    let n = (ds.len() * ds.image_len() / c.max(1)).max(1) as f64;
    let mean: Vec<f64> = sum.iter().map(|&s| s as f64 / n / 255.0).collect();
    let std = sum_sq
        .iter()
        .zip(&mean)
        .map(|(&q, &m)| (q as f64 / n / (255.0 * 255.0) - m * m).max(0.0).sqrt())
        .collect();
    Ok((mean, std))
}
