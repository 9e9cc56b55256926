//! Issue 24 item 2: the book-keeping clipped sum of a weight-standardised
//! kernel (J once after the contraction, `dp::float_bound_ws`) stays within
//! C when the contraction cancels catastrophically. A one-kernel model
//! whose per-example gradient w.r.t. ŵ is a 4-position contraction
//! Σ_p a_p·g_p (a_p `[3]`, g_p `[1]`), with a and g chosen through the input
//! so that the exact gradient is 0 but an f64 contraction is off by far more
//! than C, in a direction J does not remove.

use dpxla_core::trace::Tensor;

use dpxla_core::array::HostArray;
use dpxla_dp::bookkeeping::{plan, TensorMethod};
use dpxla_dp::clip::{ClipMethod, ClipMode, Clipping};
use dpxla_dp::mechanism::DpMechanism;
use dpxla_nn::layers::{standardize_kernel, WS_EPS};
use dpxla_nn::{per_example_grads, trace_example_loss_with, ExampleLoss, Init, Model, Params};
use dpxla_pjrt::lower::LowerOptions;
use dpxla_pjrt::program::Program;
use dpxla_pjrt::runtime::CompileOptions;
use dpxla_testkit::pjrt::test_client;
use dpxla_train::train::programs::{accumulate_graph, AccumulateSpec};

/// Input `[4, 4]`: columns 0–2 the activations a_p, column 3 the cotangents
/// g_p. "Logits" `[4, 1]` = a·ŵ with ŵ the marked standardisation of w
/// `[3, 1]`.
struct WsCancel;

impl Model for WsCancel {
    fn name(&self) -> &str {
        "ws_cancel"
    }
    fn input_shape(&self) -> Vec<usize> {
        vec![4, 4]
    }
    fn num_classes(&self) -> usize {
        1
    }
    fn logits<'b>(&self, p: &Params<'b>, x: Tensor<'b>) -> Tensor<'b> {
        let a = x.slice(&[0, 0], &[4, 3], &[1, 1]);
        let w = p.param("w", &[3, 1], Init::Ones);
        a.matmul(w.ws_standardised(standardize_kernel(w, WS_EPS), WS_EPS))
    }
}

/// loss = Σ_p y_p·g_p: ∂loss/∂ŵ = Σ_p a_pᵀg_p.
fn loss() -> ExampleLoss {
    trace_example_loss_with(&WsCancel, &|m, p, x, _y| {
        let y = m.logits(p, x);
        let g = x.slice(&[0, 3], &[4, 4], &[1, 1]);
        (y * g).sum(&[0, 1])
    })
    .unwrap()
}

/// ‖clipped sum‖ of one example with rows `a`, cotangents `g`, kernel `w`,
/// by the compiled accumulate program with book-keeping forced.
fn clipped_norm(a: [[f32; 3]; 4], g: [f32; 4], w: [f32; 3], c: f64) -> f64 {
    let loss = loss();
    let clipping = Clipping::new(c, ClipMode::Flat, ClipMethod::Bookkeeping).unwrap();
    let mechanism = DpMechanism::new(clipping, 1.0, 1.0).unwrap();
    let (graph, _) = accumulate_graph(
        &loss,
        &[0],
        &AccumulateSpec::private(1, mechanism.clipping()),
    )
    .unwrap();
    let prog = Program::compile(
        test_client(),
        &graph,
        &LowerOptions::default(),
        &CompileOptions::default(),
    )
    .unwrap();
    let image: Vec<f32> = (0..4)
        .flat_map(|p| [a[p][0], a[p][1], a[p][2], g[p]])
        .collect();
    let acc_dtype = graph.input_avals()[1].dtype;
    let args = [
        HostArray::f32([3, 1], w.to_vec()),
        HostArray::from_f64([3, 1], &[0.0; 3], acc_dtype),
        HostArray::f32([1, 4, 4], image),
        HostArray::i32([1], vec![0]),
        HostArray::f32([1], vec![1.0]),
    ];
    let out = prog.run_host(&args).unwrap();
    out[0].to_f64().iter().map(|x| x * x).sum::<f64>().sqrt()
}

#[test]
fn the_ws_kernel_is_a_four_position_book_keeping_contraction() {
    let pe = per_example_grads(&loss(), 2).unwrap();
    assert_eq!(
        plan(&pe, ClipMethod::Bookkeeping),
        vec![TensorMethod::GhostGram]
    );
}

#[test]
fn cancelling_activations_keep_the_ws_book_keeping_sum_within_c() {
    let c = 1e-3;
    let w = [0.5f32, -1.0, 2.0];
    let t53 = 9_007_199_254_740_992.0f32; // 2⁵³: an f64 sum of these cancels wrongly
                                          // Rows along e_0 (not in span{1, ŵ}), so J keeps the contraction's error.
    let e0 = [[1.0f32, 0.0, 0.0]; 4];
    let cases = [
        ("f64 cancellation", [t53, 1.5, -t53, -1.5]),
        ("f64 cancellation, reordered", [t53, -t53, 1.5, -1.5]),
        ("f64 cancellation, paired", [1.5, t53, -1.5, -t53]),
    ];
    for (name, g) in cases {
        let s = clipped_norm(e0, g, w, c);
        assert!(
            s.is_finite() && s <= c,
            "{name}: ‖clipped sum‖ {s:e} > C = {c:e}"
        );
    }
    // Ordinary data is clipped by its norm as before: ‖J(M)‖ ≫ C → C.
    let rows = [
        [1.0, 2.0, 0.5],
        [0.0, -1.0, 3.0],
        [2.0, 0.5, 1.0],
        [1.0, 1.0, -2.0],
    ];
    let s = clipped_norm(rows, [1.0, -0.5, 2.0, 0.25], w, c);
    assert!(
        s <= c && s >= c * (1.0 - 1e-5),
        "plain example: {s:e} should be C = {c:e}"
    );
}
