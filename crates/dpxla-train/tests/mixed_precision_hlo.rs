//! Mixed precision keeps DP invariant 2 (`nn::MixedPrecision`): in the
//! lowered StableHLO of a bf16-compute model's private accumulate program, no
//! bf16 operand reaches a contraction on the clip path (the weighted sums of
//! `dp::clip::weighted_sum` and `transform::ghost::factored_weighted_sum`,
//! which contract the example axis, and the f64 ghost norms), the model's own
//! contractions do run in bf16, and every result the host sees is f32.
//!
//! Checked on the StableHLO text alone (lowered, not compiled), in the style
//! of `lower_precision.rs`, for every model of the registry and every
//! clipping method.

use dpxla_core::trace::{Aval, Builder};

use dpxla_core::array::DType;
use dpxla_dp::bookkeeping::plan;
use dpxla_dp::clip::{weighted_sum, ClipMethod, ClipMode, Clipping};
use dpxla_dp::mechanism::DpMechanism;
use dpxla_nn::{
    by_name_with, per_example_grads, trace_example_eval, trace_example_loss, MixedPrecision,
    ModelOptions, MODELS,
};
use dpxla_pjrt::lower::{lower, LowerOptions};
use dpxla_train::train::programs::{accumulate_graph, evaluate_graph, AccumulateSpec};

/// One `dot_general` or `convolution` line of the StableHLO text.
struct Contraction {
    line: String,
    operands: Vec<String>,
    result: String,
}

impl Contraction {
    /// Whether it contracts dim 0 of both operands with no batching dims: the
    /// sum over the example axis (clipped sums), never the model's compute in
    /// a per-example (vmapped) graph, which keeps the example axis.
    fn sums_over_examples(&self) -> bool {
        let dims = |key: &str| -> Vec<usize> {
            let Some(at) = self.line.find(&format!("{key} = [")) else {
                return Vec::new();
            };
            let rest = &self.line[at + key.len() + 4..];
            let list = &rest[..rest.find(']').expect("closing bracket")];
            list.split(',')
                .filter(|x| !x.trim().is_empty())
                .map(|x| x.trim().parse().expect("a dimension"))
                .collect()
        };
        self.line.contains("\"stablehlo.dot_general\"")
            && dims("lhs_batching_dimensions").is_empty()
            && dims("lhs_contracting_dimensions").contains(&0)
            && dims("rhs_contracting_dimensions").contains(&0)
    }
}

/// The element type of a `tensor<...>` type.
fn element(ty: &str) -> String {
    let inner = ty
        .trim()
        .trim_start_matches("tensor<")
        .trim_end_matches('>');
    inner.rsplit('x').next().unwrap_or(inner).to_string()
}

fn contractions(mlir: &str) -> Vec<Contraction> {
    mlir.lines()
        .filter(|l| {
            l.contains("\"stablehlo.dot_general\"") || l.contains("\"stablehlo.convolution\"")
        })
        .map(|l| {
            let sig = &l[l.rfind(" : (").expect("a type signature") + 4..];
            let (ins, out) = sig.split_once(") -> ").expect("operand and result types");
            Contraction {
                line: l.trim().to_string(),
                operands: ins.split(", ").map(element).collect(),
                result: element(out),
            }
        })
        .collect()
}

/// The additive `reduce`s over exactly the example axis (dimensions = [0]):
/// the element type of each one's operand. `dp::clip::weighted_sum` sums the
/// weighted per-example gradients this way (in f64); the loss sum and the
/// clipped count do too (f32).
fn example_axis_sums(mlir: &str) -> Vec<String> {
    let lines: Vec<&str> = mlir.lines().collect();
    let mut found = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if !l.contains("\"stablehlo.reduce\"(") {
            continue;
        }
        let Some(end) = (i + 1..lines.len()).find(|&j| lines[j].trim_start().starts_with("})"))
        else {
            continue;
        };
        let adds = lines[i + 1..end]
            .iter()
            .any(|b| b.contains("\"stablehlo.add\""));
        let tail = lines[end];
        if adds && tail.contains("dimensions = array<i64: 0>}") {
            let sig = &tail[tail.rfind(" : (").expect("a type signature") + 4..];
            let first = sig.split(", ").next().expect("an operand type");
            found.push(element(first));
        }
    }
    found
}

/// Checks a private accumulate program: returns (clip-path sums over the
/// example axis, bf16 contractions); panics naming the first contraction on
/// the clip path that has a bf16 operand.
fn check_clip_path(mlir: &str, program: &str) -> (usize, usize) {
    let mut sums = 0;
    let mut low = 0;
    for c in contractions(mlir) {
        let has_bf16 = c.operands.iter().any(|t| t == "bf16");
        let on_clip_path = c.sums_over_examples() || c.result == "f64";
        assert!(
            !(on_clip_path && has_bf16),
            "{program}: a bf16 operand on the clip path:\n{}",
            c.line
        );
        if c.result == "f64" {
            assert!(
                c.operands.iter().all(|t| t == "f64"),
                "{program}: an f64 norm from narrower operands:\n{}",
                c.line
            );
        }
        sums += c.sums_over_examples() as usize;
        low += has_bf16 as usize;
    }
    for operand in example_axis_sums(mlir) {
        assert!(
            operand != "bf16",
            "{program}: a sum over the example axis of bf16 values"
        );
        sums += (operand == "f64") as usize;
    }
    (sums, low)
}

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

/// The `main` function's result types (what the host reads back).
fn results(mlir: &str) -> String {
    let head = mlir
        .lines()
        .find(|l| l.contains("func.func") && l.contains("@main"))
        .expect("@main");
    head[head.rfind("->").expect("results")..].to_string()
}

#[test]
fn no_bf16_operand_reaches_the_clip_path_and_the_model_runs_in_bf16() {
    let physical = 2;
    for entry in MODELS {
        let inner = by_name_with(entry.name, &small_options(entry.name)).unwrap();
        let model = MixedPrecision::bf16(inner.as_ref()).unwrap();
        let loss = trace_example_loss(&model).unwrap();
        assert!(loss.params.iter().all(|p| p.dtype == DType::F32));
        let all: Vec<usize> = (0..loss.params.len()).collect();
        // Ghost norms see through the widening cast: the bf16 model factors
        // exactly the tensors the f32 model does.
        let f32_loss = trace_example_loss(inner.as_ref()).unwrap();
        assert_eq!(
            plan(
                &per_example_grads(&loss, physical).unwrap(),
                ClipMethod::Bookkeeping
            ),
            plan(
                &per_example_grads(&f32_loss, physical).unwrap(),
                ClipMethod::Bookkeeping
            ),
            "{}: ghost plan",
            entry.name
        );
        for method in [ClipMethod::Vmap, ClipMethod::Bookkeeping, ClipMethod::Auto] {
            let mode = if method == ClipMethod::Auto {
                ClipMode::PerLayer
            } else {
                ClipMode::Flat
            };
            let clipping = Clipping::new(1.0, mode, method).unwrap();
            let mechanism = DpMechanism::new(clipping, 1.0, physical as f64).unwrap();
            let (acc, _) = accumulate_graph(
                &loss,
                &all,
                &AccumulateSpec::private(physical, mechanism.clipping()),
            )
            .unwrap();
            let mlir = lower(&acc, &LowerOptions::default()).unwrap();
            let what = format!("{} bf16 accumulate ({method:?}, {mode:?})", entry.name);
            let (sums, low) = check_clip_path(&mlir, &what);
            // One clipped sum per trainable tensor, each one contraction over
            // the example axis (so the check above saw every one of them).
            assert_eq!(sums, all.len(), "{what}: clipped sums found");
            assert!(low > 0, "{what}: no contraction runs in bf16");
            let out = results(&mlir);
            assert!(!out.contains("bf16"), "{what}: a bf16 result {out}");
        }
        // Non-private: bf16 forward and backward, f32 accumulators.
        let (np, _) =
            accumulate_graph(&loss, &all, &AccumulateSpec::non_private(physical)).unwrap();
        let mlir = lower(&np, &LowerOptions::default()).unwrap();
        assert!(contractions(&mlir).iter().any(|c| c.operands[0] == "bf16"));
        assert!(!results(&mlir).contains("bf16"), "{}", entry.name);
        // Evaluation computes in bf16 too, with f32 sums.
        let (eval_example, _) = trace_example_eval(&model).unwrap();
        let (eval, _) = evaluate_graph(&loss, &eval_example, physical).unwrap();
        let mlir = lower(&eval, &LowerOptions::default()).unwrap();
        assert!(contractions(&mlir).iter().any(|c| c.operands[0] == "bf16"));
        assert!(!results(&mlir).contains("bf16"), "{}", entry.name);
    }
}

#[test]
fn the_check_rejects_a_clipped_sum_of_bf16_gradients() {
    // A clipped sum computed from bf16 gradients and weights (what a missing
    // widening would give), as a contraction over the example axis and as a
    // reduce over it: the checker must flag both.
    for as_dot in [true, false] {
        let b = Builder::new();
        let w = b.input(Aval::new([4], DType::BF16));
        let g = b.input(Aval::new([4, 3], DType::BF16));
        let sum = if as_dot {
            w.dot_general(g, &[], &[], &[0], &[0])
        } else {
            (w.broadcast_in_dim(&[4, 3], &[0]) * g).sum(&[0])
        };
        let graph = b.finish(&[sum]).unwrap();
        let mlir = lower(&graph, &LowerOptions::default()).unwrap();
        let bad = std::panic::catch_unwind(|| check_clip_path(&mlir, "bf16 sum"));
        assert!(bad.is_err(), "as_dot = {as_dot}");
    }
    // The same sum in f32 passes and is counted.
    let b = Builder::new();
    let w = b.input(Aval::new([4], DType::F32));
    let g = b.input(Aval::new([4, 3], DType::F32));
    let graph = b.finish(&[weighted_sum(w, g)]).unwrap();
    let mlir = lower(&graph, &LowerOptions::default()).unwrap();
    assert_eq!(check_clip_path(&mlir, "f32 sum"), (1, 0));
}
