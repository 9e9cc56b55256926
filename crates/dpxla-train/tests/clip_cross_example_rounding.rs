//! Issue 27, item 4 (residual): the f64 book-keeping contraction of a
//! Gram-form tensor rounds each example's terms inside a sum shared with the
//! other examples, so adding or removing one example moves the others'
//! summed values too (`dp::float_bound`, "Cross-example rounding"). Two
//! parts close it, both checked here through the real compiled accumulate
//! program: the floor U_b ≥ λ‖A_b‖‖G_b‖ caps how large an example's terms
//! can be next to C, and the programs of a private plan clip to C/(1 + β),
//! β = m·Σ 2κ₂/λ, with m the public bound on a batch (the cap, else N);
//! a sampling rate with no cap has no such bound and is refused.

use dpxla_core::trace::Tensor;

use dpxla_core::array::HostArray;
use dpxla_dp::accountant::AccountantKind;
use dpxla_dp::clip::{ClipMethod, ClipMode, Clipping, CLIP_MARGIN};
use dpxla_dp::float_bound::{gamma, GRAM_RATIO_FLOOR, U64};
use dpxla_dp::plan::{NoiseRequest, PrivacyPlan, PrivacyRequest};
use dpxla_dp::sampling::{SamplingRequest, SamplingSpec};
use dpxla_nn::{trace_example_loss_with, ExampleLoss, Init, Model, Params};
use dpxla_pjrt::lower::LowerOptions;
use dpxla_pjrt::program::Program;
use dpxla_pjrt::runtime::{CompileOptions, XlaFlag};
use dpxla_testkit::pjrt::test_client;
use dpxla_train::train::programs::{accumulate_graph, accumulate_graph_charged, AccumulateSpec};

/// Input `[4, 3]`: column 0 the activations a_p, column 1 the cotangents
/// g_p of a one-weight contraction over 4 positions (w, Gram form), column
/// 2 row 0 a value k that is the gradient of a second, dense parameter b.
struct CancelAndProbe;

impl Model for CancelAndProbe {
    fn name(&self) -> &str {
        "cancel_probe"
    }
    fn input_shape(&self) -> Vec<usize> {
        vec![4, 3]
    }
    fn num_classes(&self) -> usize {
        1
    }
    fn logits<'b>(&self, p: &Params<'b>, x: Tensor<'b>) -> Tensor<'b> {
        let a = x.slice(&[0, 0], &[4, 1], &[1, 1]);
        a.matmul(p.param("w", &[1, 1], Init::Ones))
    }
}

/// loss = Σ_p y_p·g_p + b·k: ∂/∂w = Σ_p a_p·g_p (Gram form, T = 4) and
/// ∂/∂b = k (dense). Flat clipping gives both one weight, so the clipped
/// sum of b is w_b·k: the example's clip weight, observed.
fn loss() -> ExampleLoss {
    trace_example_loss_with(&CancelAndProbe, &|m, p, x, _y| {
        let y = m.logits(p, x);
        let g = x.slice(&[0, 1], &[4, 2], &[1, 1]);
        let k = x.slice(&[0, 2], &[1, 3], &[1, 1]).reshape(&[1]);
        let b = p.param("b", &[1], Init::Zeros);
        (y * g).sum(&[0, 1]) + (b * k).sum(&[0])
    })
    .unwrap()
}

/// The clipped sums (w, b) of one example through the compiled program at
/// XLA optimisation `level`.
fn clipped_sums(
    clipping: Clipping,
    a: [f32; 4],
    g: [f32; 4],
    k: f32,
    level: Option<i64>,
) -> [f64; 2] {
    let (graph, _) =
        accumulate_graph(&loss(), &[0, 1], &AccumulateSpec::private(1, clipping)).unwrap();
    let opts = match level {
        Some(l) => {
            CompileOptions::default().flag("xla_backend_optimization_level", XlaFlag::Int(l))
        }
        None => CompileOptions::default(),
    };
    let prog = Program::compile(test_client(), &graph, &LowerOptions::default(), &opts).unwrap();
    let image: Vec<f32> = (0..4)
        .flat_map(|p| [a[p], g[p], if p == 0 { k } else { 0.0 }])
        .collect();
    // Parameters (w = 1, b = 0) and their accumulators, in the loss's order.
    let avals = graph.input_avals();
    let names: Vec<String> = loss().params.iter().map(|p| p.name.clone()).collect();
    let value = |name: &str| if name == "w" { 1.0 } else { 0.0 };
    let mut args: Vec<HostArray> = names
        .iter()
        .zip(&avals)
        .map(|(n, a)| HostArray::from_f64(a.shape.clone(), &[value(n)], a.dtype))
        .collect();
    for a in &avals[2..4] {
        args.push(HostArray::from_f64(a.shape.clone(), &[0.0], a.dtype));
    }
    args.push(HostArray::f32([1, 4, 3], image));
    args.push(HostArray::i32([1], vec![0]));
    args.push(HostArray::f32([1], vec![1.0]));
    let out = prog.run_host(&args).unwrap();
    let of = |name: &str| out[names.iter().position(|n| n == name).unwrap()].to_f64()[0];
    [of("w"), of("b")]
}

fn bookkeeping(c: f64) -> Clipping {
    Clipping::new(c, ClipMode::Flat, ClipMethod::Bookkeeping).unwrap()
}

/// An example whose four terms cancel exactly (‖M‖ = 0) but are 2⁵³ in
/// size weighs at most C/(λ‖A‖‖G‖): the bound the cross-example charge
/// rests on. Without the floor its weight was C/(√κ₁‖A‖‖G‖), ~2000 times
/// more, and its rounding inside a shared sum could reach 2κ₂·C/√κ₁.
#[test]
fn a_cancelling_example_weighs_at_most_c_over_lambda_times_its_factor_norms() {
    let c = 1.0;
    let t53 = 9_007_199_254_740_992.0f32;
    let (a, g) = ([1.0f32; 4], [t53, 1.5, -t53, -1.5]);
    let norm_a = 2.0f64;
    let norm_g = (2.0 * (t53 as f64).powi(2) + 2.0 * 2.25).sqrt();
    for level in [Some(0), None] {
        let [_, wk] = clipped_sums(bookkeeping(c), a, g, 1.0, level);
        let w = wk; // k = 1
        assert!(w > 0.0, "the probe must see a weight, got {w:e}");
        let scaled = w * norm_a * norm_g;
        assert!(
            scaled <= c / GRAM_RATIO_FLOOR * (1.0 + 1e-6),
            "level {level:?}: w·‖A‖‖G‖ = {scaled:e} > C/λ = {:e}",
            c / GRAM_RATIO_FLOOR
        );
        // An ordinary example (‖M‖ = 10) is still clipped by its norm.
        let [s, _] = clipped_sums(
            bookkeeping(1e-3),
            [1.0, 2.0, 3.0, 4.0],
            [1.0; 4],
            0.0,
            level,
        );
        assert!(
            (1e-3 * (1.0 - 1e-5)..=1e-3).contains(&s),
            "plain example at {level:?}: {s:e} should be C"
        );
    }
}

/// 2κ₂/λ for the test model's Gram tensor at one row per microbatch
/// (κ₂ = γ_{P·T+2}, P = 1, T = 4), from the formula.
fn per_example_charge() -> f64 {
    2.0 * gamma(4 + 2, U64) / GRAM_RATIO_FLOOR
}

/// With m other examples, an ordinary over-long gradient is clipped to
/// C(1 − margin)/(1 + m·2κ₂/λ) by the compiled program, and the program
/// reports that β.
#[test]
fn the_program_clips_to_c_over_one_plus_the_rounding_charge() {
    let c = 1e-3;
    // m chosen so that β = 0.25 is far above every rounding in play.
    let m = (0.25 / per_example_charge()).round() as usize;
    let beta = m as f64 * per_example_charge();
    let clipping = bookkeeping(c).with_coupled_examples(m);
    let (_, _, reported) =
        accumulate_graph_charged(&loss(), &[0, 1], &AccumulateSpec::private(1, clipping)).unwrap();
    assert!(
        (reported / beta - 1.0).abs() < 1e-12,
        "β {reported} vs {beta}"
    );
    for level in [Some(0), None] {
        let [s, _] = clipped_sums(clipping, [1.0, 2.0, 3.0, 4.0], [1.0; 4], 0.0, level);
        let want = c * (1.0 - CLIP_MARGIN) / (1.0 + beta);
        assert!(
            (s / want - 1.0).abs() < 1e-6,
            "level {level:?}: clipped {s:e}, want C(1 − margin)/(1 + β) = {want:e}"
        );
    }
    // A tensor with one position carries no charge.
    let dense = Clipping::new(c, ClipMode::Flat, ClipMethod::Vmap)
        .unwrap()
        .with_coupled_examples(m);
    let (_, _, none) =
        accumulate_graph_charged(&loss(), &[0, 1], &AccumulateSpec::private(1, dense)).unwrap();
    assert_eq!(none, 0.0, "materialised tensors need no charge");
}

fn request() -> PrivacyRequest {
    PrivacyRequest {
        enabled: true,
        clip_norm: 1.0,
        clip_mode: ClipMode::Flat,
        noise_multiplier: Some(1.0),
        target_epsilon: None,
        delta: 1e-5,
        accountant: AccountantKind::Rdp,
        allow_large_delta: false,
        prior: vec![],
        noise: NoiseRequest::Independent,
        adaptive: None,
    }
}

fn plan(sampling: SamplingSpec) -> PrivacyPlan {
    PrivacyPlan::derive_sampled(&request(), 10_000, &sampling, 10)
        .unwrap()
        .0
}

/// The plan's bound on a batch comes from public numbers only: N with a
/// batch size, the cap when there is one, and nothing with a sampling rate
/// and no cap, where a program that needs the charge is refused (naming the
/// key that fixes it) rather than built with |D| inside it.
#[test]
fn the_plan_bounds_the_batch_by_public_numbers_and_a_rate_without_a_cap_is_refused() {
    let rate = SamplingRequest::Rate {
        q: 0.01,
        public_size: 10_000,
    };
    let cases = [
        ("batch size", SamplingSpec::batch_size(100.0), Some(10_000)),
        (
            "batch size with a cap",
            SamplingSpec {
                max_batch: Some(400),
                ..SamplingSpec::batch_size(100.0)
            },
            Some(400),
        ),
        (
            "rate with a cap",
            SamplingSpec {
                request: rate,
                max_batch: Some(300),
            },
            Some(300),
        ),
        (
            "rate, no cap",
            SamplingSpec {
                request: rate,
                max_batch: None,
            },
            None,
        ),
    ];
    for (name, spec, want) in cases {
        let p = plan(spec);
        assert_eq!(p.coupled_examples(), want, "{name}");
        let mech = p.mechanism(ClipMethod::Bookkeeping).unwrap().unwrap();
        let got = accumulate_graph_charged(
            &loss(),
            &[0, 1],
            &AccumulateSpec::private(1, mech.clipping()),
        );
        match want {
            Some(m) => {
                let beta = got.unwrap().2;
                let expect = m as f64 * per_example_charge();
                assert!((beta / expect - 1.0).abs() < 1e-12, "{name}: β {beta}");
            }
            None => {
                let e = got.map(|_| ()).expect_err("refused").to_string();
                assert!(e.contains("training.max_batch_size"), "{name}: {e}");
            }
        }
        // Materialising needs no bound, so it is never refused.
        let vmap = p.mechanism(ClipMethod::Vmap).unwrap().unwrap();
        accumulate_graph(
            &loss(),
            &[0, 1],
            &AccumulateSpec::private(1, vmap.clipping()),
        )
        .unwrap();
    }
}
