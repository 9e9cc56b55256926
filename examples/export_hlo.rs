//! Exports the DP-SGD accumulate step of a user model: StableHLO with the
//! arguments named after the parameters, and XLA's HLO before and after
//! optimisation.
//!
//! `cargo run --release --example export_hlo [-- OUT_DIR]` (default `runs/example_hlo`)
use dpxla::dp::clip::Clipping;
use dpxla::lower::LowerOptions;
use dpxla::nn::layers::{conv2d, dense, flatten_example, global_avg_pool};
use dpxla::nn::{trace_example_loss, Model, NnOps, Padding, Params};
use dpxla::trace::Tensor;
use dpxla::train::programs::{accumulate_graph, AccumulateSpec};

/// One strided convolution, global average pooling and a linear head.
struct SmallConv;

impl Model for SmallConv {
    fn name(&self) -> &str {
        "small_conv"
    }
    fn input_shape(&self) -> Vec<usize> {
        vec![12, 12, 3]
    }
    fn num_classes(&self) -> usize {
        5
    }
    fn logits<'b>(&self, p: &Params<'b>, x: Tensor<'b>) -> Tensor<'b> {
        let h = conv2d(&p.scope("conv"), x, 8, [3, 3], [2, 2], Padding::Same).relu();
        dense(&p.scope("head"), flatten_example(global_avg_pool(h)), 5)
    }
}

fn main() -> dpxla::Result<()> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "runs/example_hlo".into());
    let loss = trace_example_loss(&SmallConv)?;
    let trainable: Vec<usize> = (0..loss.params.len()).collect();
    // The accumulate step clips; the noise is the apply step's (not exported here).
    let spec = AccumulateSpec::private(16, Clipping::flat(1.0)?);
    let (graph, signature) = accumulate_graph(&loss, &trainable, &spec)?;
    let options = LowerOptions {
        arg_names: signature.input_names(),
        ..LowerOptions::default()
    };
    let client = dpxla::runtime::cpu_client()?;
    for path in dpxla::export::export_program(
        &client,
        &graph,
        &options,
        "small_conv_accumulate",
        out.as_ref(),
    )? {
        println!("{}", path.display());
    }
    Ok(())
}
