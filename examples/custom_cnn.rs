//! A user-defined convnet with GroupNorm, trained privately on Fashion-MNIST
//! through the library API: Poisson sampling, clipping, noise calibrated to
//! ε = 3 at δ = 1e-5, the budget guard, checkpoints and resume.
//!
//! `cargo run --release --example custom_cnn [-- STEPS [TEST_LIMIT]]`
//! (default: 3 epochs on the full test set; run it again to resume).
use dpxla::data::{open_split, Prefix, Split};
use dpxla::nn::layers::{conv2d, dense, flatten_example, group_norm, max_pool, GN_EPS};
use dpxla::nn::prelude::*;
use dpxla::optim::{Averaging, Optimizer};
use dpxla::train::{AugmentConfig, PrivacyConfig, TrainOptions, Trainer, TrainingConfig};
use std::sync::Arc;

/// conv 3x3 → GroupNorm → ReLU → max-pool, twice, then a linear head.
struct GnCnn;

impl Model for GnCnn {
    fn name(&self) -> &str {
        "gn_cnn"
    }
    fn input_shape(&self) -> Vec<usize> {
        vec![28, 28, 1]
    }
    fn num_classes(&self) -> usize {
        10
    }
    fn logits<'b>(&self, p: &Params<'b>, x: Tensor<'b>) -> Tensor<'b> {
        let mut h = x;
        for (i, width) in [16, 32].into_iter().enumerate() {
            let block = p.scope(&format!("block{i}"));
            h = conv2d(
                &block.scope("conv"),
                h,
                width,
                [3, 3],
                [1, 1],
                Padding::Same,
            );
            h = group_norm(&block.scope("gn"), h, 4, GN_EPS).relu();
            h = max_pool(h, [2, 2], [2, 2], Padding::Valid);
        }
        dense(&p.scope("head"), flatten_example(h), 10)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse())
        .collect::<Result<_, _>>()?;
    let train = open_split("data/fashion-mnist", Split::Train)?;
    let mut test = open_split("data/fashion-mnist", Split::Test)?;
    if let Some(&n) = args.get(1) {
        test = Arc::new(Prefix::new(test, n)); // a quick check on part of the test set
    }
    let training = TrainingConfig {
        epochs: args.is_empty().then_some(3.0),
        steps: args.first().map(|&s| s as u64),
        physical_batch: 256.into(),
        optimizer: Optimizer::momentum(0.9),
        averaging: Averaging::ema(0.99),
        ..TrainingConfig::new(2048.0, 2.0)
    };
    let privacy = PrivacyConfig {
        clip_norm: 0.1,
        ..PrivacyConfig::target_epsilon(3.0, 1e-5)
    };
    let summary = Trainer::builder(&GnCnn)
        .data(train, test)
        .privacy(privacy)
        .training(training)
        .augment(AugmentConfig::normalize(vec![0.2860], vec![0.3530]))
        .output_dir("runs/example_custom_cnn")
        .build()?
        .run(&TrainOptions {
            resume: true,
            progress: true,
            ..TrainOptions::default()
        })?;
    let (eps, delta) = summary.epsilon.unwrap_or_default();
    let acc = 100.0 * summary.test.accuracy;
    let sigma = summary.sigma().unwrap_or_default();
    println!(
        "{} steps: test accuracy {acc:.2}% at ε = {eps:.3}, δ = {delta:e} (σ = {sigma:.3})",
        summary.steps_done
    );
    Ok(())
}
