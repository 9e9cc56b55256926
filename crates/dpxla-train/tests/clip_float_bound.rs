//! Issue 27, item 4: the book-keeping clipped sum has a proven float bound
//! (`dp::float_bound`). A one-weight model whose per-example gradient is a
//! 4-position contraction Σ_p a_p·g_p, with the activations a and the output
//! cotangents g chosen through the input so that the exact gradient is 0 but
//! a float contraction cancels catastrophically. Through the real compiled
//! accumulate program, at XLA's fastest-compiling and default optimisation
//! levels, the clipped sum's norm must be ≤ C.

use dpxla_core::trace::Tensor;

use dpxla_core::array::HostArray;
use dpxla_dp::bookkeeping::{plan, TensorMethod};
use dpxla_dp::clip::{ClipMethod, ClipMode, Clipping};
use dpxla_dp::mechanism::DpMechanism;
use dpxla_nn::{per_example_grads, trace_example_loss_with, ExampleLoss, Init, Model, Params};
use dpxla_pjrt::lower::LowerOptions;
use dpxla_pjrt::program::Program;
use dpxla_pjrt::runtime::{CompileOptions, XlaFlag};
use dpxla_testkit::pjrt::test_client;
use dpxla_train::train::programs::{accumulate_graph, AccumulateSpec};

/// Input `[4, 2]`: column 0 the activations a_p, column 1 the cotangents
/// g_p. "Logits" `[4, 1]` = a·w with one weight w `[1, 1]`.
struct Cancel;

impl Model for Cancel {
    fn name(&self) -> &str {
        "cancel"
    }
    fn input_shape(&self) -> Vec<usize> {
        vec![4, 2]
    }
    fn num_classes(&self) -> usize {
        1
    }
    fn logits<'b>(&self, p: &Params<'b>, x: Tensor<'b>) -> Tensor<'b> {
        let a = x.slice(&[0, 0], &[4, 1], &[1, 1]);
        a.matmul(p.param("w", &[1, 1], Init::Ones))
    }
}

/// loss = Σ_p y_p·g_p, so ∂loss/∂y_p = g_p and ∂loss/∂w = Σ_p a_p·g_p.
fn loss() -> ExampleLoss {
    trace_example_loss_with(&Cancel, &|m, p, x, _y| {
        let y = m.logits(p, x);
        let g = x.slice(&[0, 1], &[4, 2], &[1, 1]);
        (y * g).sum(&[0, 1])
    })
    .unwrap()
}

/// The clipped sum of one example with columns `a`, `g`, by the compiled
/// accumulate program (book-keeping forced) at XLA optimisation `level`.
fn clipped_sum(a: [f32; 4], g: [f32; 4], c: f64, level: Option<i64>) -> f64 {
    let loss = loss();
    let clipping = Clipping::new(c, ClipMode::Flat, ClipMethod::Bookkeeping).unwrap();
    let mechanism = DpMechanism::new(clipping, 1.0, 1.0).unwrap();
    let (graph, _) = accumulate_graph(
        &loss,
        &[0],
        &AccumulateSpec::private(1, mechanism.clipping()),
    )
    .unwrap();
    let opts = match level {
        Some(l) => {
            CompileOptions::default().flag("xla_backend_optimization_level", XlaFlag::Int(l))
        }
        None => CompileOptions::default(),
    };
    let prog = Program::compile(test_client(), &graph, &LowerOptions::default(), &opts).unwrap();
    let image: Vec<f32> = (0..4).flat_map(|p| [a[p], g[p]]).collect();
    let acc_dtype = graph.input_avals()[1].dtype;
    let zero_acc = HostArray::from_f64([1, 1], &[0.0], acc_dtype);
    let args = [
        HostArray::f32([1, 1], vec![1.0]),
        zero_acc,
        HostArray::f32([1, 4, 2], image),
        HostArray::i32([1], vec![0]),
        HostArray::f32([1], vec![1.0]),
    ];
    let out = prog.run_host(&args).unwrap();
    out[0].to_f64()[0]
}

#[test]
fn the_weight_is_a_four_position_book_keeping_contraction() {
    let pe = per_example_grads(&loss(), 2).unwrap();
    assert_eq!(
        plan(&pe, ClipMethod::Bookkeeping),
        vec![TensorMethod::GhostGram]
    );
}

#[test]
fn cancelling_activations_keep_the_book_keeping_sum_within_c() {
    let c = 1e-3;
    let ones = [1.0f32; 4];
    let t24 = 16_777_216.0f32; // 2²⁴: an f32 sum of these terms cancels wrongly
    let t53 = 9_007_199_254_740_992.0f32; // 2⁵³: so does an f64 sum
    let cases = [
        ("f32 cancellation", ones, [t24, 1.5, -t24, -1.5]),
        ("f64 cancellation", ones, [t53, 1.5, -t53, -1.5]),
        ("f64 cancellation, reordered", ones, [t53, -t53, 1.5, -1.5]),
        ("f64 cancellation, paired", ones, [1.5, t53, -1.5, -t53]),
    ];
    for level in [Some(0), None] {
        for (name, a, g) in cases {
            let s = clipped_sum(a, g, c, level);
            assert!(
                s.is_finite() && s.abs() <= c,
                "{name} at optimisation level {level:?}: clipped sum {s:e} > C = {c:e}"
            );
        }
        // Ordinary data is clipped by its norm as before: |Σ a·g| = 10 → C.
        let s = clipped_sum([1.0, 2.0, 3.0, 4.0], [1.0, 1.0, 1.0, 1.0], c, level);
        assert!(
            s <= c && s >= c * (1.0 - 1e-5),
            "plain example at {level:?}: {s:e} should be C = {c:e}"
        );
    }
}
