//! DP invariant 2 on every backend: every `dot_general` and `convolution` of the
//! programs dpxla compiles asks for precision HIGHEST on both operands, so that
//! no platform default (TF32 on a GPU, one bf16 pass on a TPU) rounds the
//! operands of the clipped sum, the ghost norms or the book-keeping contraction.
//!
//! Checked on the StableHLO text alone (lowered, not compiled), so it holds for
//! backends this machine cannot run, for every model of the registry, every
//! clipping method and both clip modes.

use dpxla_dp::clip::{ClipMethod, ClipMode, Clipping};
use dpxla_dp::mechanism::DpMechanism;
use dpxla_nn::optim::{Averaging, Optimizer};
use dpxla_nn::{by_name_with, trace_example_eval, trace_example_loss, ModelOptions, MODELS};
use dpxla_pjrt::lower::{lower, LowerOptions};
use dpxla_train::train::programs::{
    accumulate_graph, apply_graph, evaluate_graph, AccumulateSpec, ApplySpec,
};

const HIGHEST: &str =
    "precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]";

/// The number of `dot_general` and `convolution` ops in `mlir`; panics naming
/// the first one (and the program) that lacks precision HIGHEST on both operands.
fn count_highest_contractions(mlir: &str, program: &str) -> usize {
    assert!(
        !mlir.contains("\"stablehlo.dot\""),
        "{program}: a plain stablehlo.dot (lower every contraction as dot_general)"
    );
    let mut n = 0;
    for line in mlir.lines() {
        if line.contains("\"stablehlo.dot_general\"") || line.contains("\"stablehlo.convolution\"")
        {
            assert!(
                line.contains(HIGHEST),
                "{program}: a contraction without precision HIGHEST on both operands:\n{}",
                line.trim()
            );
            n += 1;
        }
    }
    n
}

/// Small inputs where the registry's model allows them (the convolutional
/// ResNets are fully convolutional up to their global pooling); the scattering
/// models keep their fixed MNIST (or feature) shape.
fn small_options(name: &str) -> ModelOptions {
    let input = match name {
        "resnet18_gn" | "resnet50_gn" => Some(vec![32, 32, 3]),
        _ => None,
    };
    ModelOptions {
        input,
        classes: None,
    }
}

#[test]
fn every_dot_and_convolution_is_lowered_at_precision_highest() {
    let physical = 2;
    let mut programs = 0;
    for entry in MODELS {
        let model = by_name_with(entry.name, &small_options(entry.name)).unwrap();
        let loss = trace_example_loss(model.as_ref()).unwrap();
        let all: Vec<usize> = (0..loss.params.len()).collect();
        let mut check = |graph: &dpxla_core::trace::Graph, what: String| {
            let mlir = lower(graph, &LowerOptions::default()).unwrap();
            programs += 1;
            count_highest_contractions(&mlir, &what)
        };
        for method in [ClipMethod::Vmap, ClipMethod::Bookkeeping, ClipMethod::Auto] {
            for mode in [ClipMode::Flat, ClipMode::PerLayer] {
                let clipping = Clipping::new(1.0, mode, method).unwrap();
                let mechanism = DpMechanism::new(clipping, 1.0, physical as f64).unwrap();
                let (acc, _) = accumulate_graph(
                    &loss,
                    &all,
                    &AccumulateSpec::private(physical, mechanism.clipping()),
                )
                .unwrap();
                let what = format!("{} accumulate ({method:?}, {mode:?})", entry.name);
                let n = check(&acc, what.clone());
                // Every model has a dense or convolutional layer: the clipped sum
                // of its weights is at least one contraction.
                assert!(n > 0, "{what}: no dot_general or convolution at all");
            }
        }
        let flat_auto = Clipping::new(1.0, ClipMode::Flat, ClipMethod::Auto).unwrap();
        let mechanism = DpMechanism::new(flat_auto, 1.0, physical as f64).unwrap();
        // Two views averaged before clipping go through the same transforms.
        let (acc_views, _) = accumulate_graph(
            &loss,
            &all,
            &AccumulateSpec::private(physical, mechanism.clipping()).with_views(2),
        )
        .unwrap();
        check(&acc_views, format!("{} accumulate (2 views)", entry.name));
        let (non_private, _) =
            accumulate_graph(&loss, &all, &AccumulateSpec::non_private(physical)).unwrap();
        check(
            &non_private,
            format!("{} non-private accumulate", entry.name),
        );
        let spec = ApplySpec {
            mechanism: Some(mechanism),
            optimizer: Optimizer::Sgd {
                momentum: 0.9,
                nesterov: false,
                weight_decay: 0.0,
            },
            averaging: Averaging::None,
            noise_strategy: None,
        };
        let (apply, _) = apply_graph(&loss, &all, &spec).unwrap();
        check(&apply, format!("{} apply", entry.name));
        let (eval_example, _) = trace_example_eval(model.as_ref()).unwrap();
        let (eval, _) = evaluate_graph(&loss, &eval_example, physical).unwrap();
        check(&eval, format!("{} evaluate", entry.name));
    }
    assert_eq!(programs, MODELS.len() * 10);
}

#[test]
fn the_check_rejects_a_contraction_at_the_platform_default() {
    // The same op as the lowering writes it, once with and once without the
    // precision attribute: the checker must tell them apart.
    let dot = |extra: &str| {
        format!(
            "%v2 = \"stablehlo.dot_general\"(%v0, %v1) {{dot_dimension_numbers = \
             #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = \
             [0]>{extra}}} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>\n"
        )
    };
    assert_eq!(
        count_highest_contractions(&dot(&format!(", {HIGHEST}")), "t"),
        1
    );
    let default = std::panic::catch_unwind(|| count_highest_contractions(&dot(""), "t"));
    assert!(default.is_err());
    let high =
        dot(", precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGH>]");
    assert!(std::panic::catch_unwind(|| count_highest_contractions(&high, "t")).is_err());
}
