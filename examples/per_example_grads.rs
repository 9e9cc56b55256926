//! Per-example gradients of a user model as host arrays: trace the loss,
//! derive `vmap(grad)`, compile it with XLA and run it on a batch.
//!
//! `cargo run --release --example per_example_grads`
use dpxla::array::HostArray;
use dpxla::nn::layers::dense;
use dpxla::nn::{per_example_grads, trace_example_loss, Batch, Model, Params};
use dpxla::program::Program;
use dpxla::trace::Tensor;

/// A two-layer perceptron on 8 features, 3 classes.
struct Tiny;

impl Model for Tiny {
    fn name(&self) -> &str {
        "tiny"
    }
    fn input_shape(&self) -> Vec<usize> {
        vec![8]
    }
    fn num_classes(&self) -> usize {
        3
    }
    fn logits<'b>(&self, p: &Params<'b>, x: Tensor<'b>) -> Tensor<'b> {
        let h = dense(&p.scope("hidden"), x, 16).tanh();
        dense(&p.scope("out"), h, 3)
    }
}

fn main() -> dpxla::Result<()> {
    let loss = trace_example_loss(&Tiny)?;
    let params = dpxla::nn::init_params(&loss.params, 0);
    let b = 4;
    let images = HostArray::f32(
        [b, 8],
        (0..b * 8).map(|i| (i as f32 * 0.37).sin()).collect(),
    );
    let labels = HostArray::i32([b], vec![0, 1, 2, 1]);
    let batch = Batch::new(&loss, &images, &labels)?;
    let program = Program::new(
        &dpxla::runtime::cpu_client()?,
        &per_example_grads(&loss, b)?,
    )?;
    let mut args: Vec<HostArray> = params.into_iter().map(|(_, a)| a).collect();
    args.extend([batch.images, batch.labels]);
    let outs = program.run_host(&args)?;
    // outs[0]: the B losses; then one [B, ...shape] gradient per parameter.
    println!("losses {:?}", outs[0].to_f64());
    for (spec, g) in loss.params.iter().zip(&outs[1..]) {
        let per_example = g.to_f64();
        let n = spec.numel();
        let norms: Vec<f64> = per_example
            .chunks(n)
            .map(|c| c.iter().map(|v| v * v).sum::<f64>().sqrt())
            .collect();
        println!(
            "{:<10} {:?} per-example norms {norms:.4?}",
            spec.name, g.shape
        );
    }
    Ok(())
}
