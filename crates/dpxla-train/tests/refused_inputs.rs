//! Inputs the library must refuse, each with the message a user sees: labels
//! outside the classes, non-finite images, logits of the wrong shape, a loss
//! that is not a scalar, arguments of the wrong shape (named, not numbered).

use dpxla_core::trace::Tensor;

use dpxla_core::array::HostArray;
use dpxla_nn::layers::dense;
use dpxla_nn::models::Mlp;
use dpxla_nn::optim::{Averaging, Optimizer};
use dpxla_nn::{
    example_input_names, init_params, per_example_grads, trace_example_fn, trace_example_loss,
    Batch, Model, Params,
};
use dpxla_pjrt::lower::LowerOptions;
use dpxla_pjrt::program::Program;
use dpxla_pjrt::runtime::CompileOptions;
use dpxla_testkit::pjrt::test_client;
use dpxla_train::train::engine::{Engine, EngineSpec};

fn mlp() -> Mlp {
    Mlp {
        input: vec![2, 2, 1],
        hidden: vec![3],
        classes: 4,
    }
}

fn images(b: usize) -> HostArray {
    HostArray::f32([b, 2, 2, 1], (0..b * 4).map(|i| i as f32 / 10.0).collect())
}

fn err_text<T: std::fmt::Debug, E: std::fmt::Display>(r: Result<T, E>) -> String {
    r.expect_err("must be refused").to_string()
}

#[test]
fn labels_outside_the_classes_are_refused_naming_example_and_value() {
    let loss = trace_example_loss(&mlp()).unwrap();
    for (labels, example, value) in [(vec![0i64, 4, 1], 1, 4), (vec![-1i64, 0, 1], 0, -1)] {
        let msg = err_text(Batch::new(
            &loss,
            &images(3),
            &HostArray::new([3], dpxla_core::array::ArrayData::I64(labels)),
        ));
        assert!(
            msg.contains(&format!("`labels` example {example} is {value}")) && msg.contains("0..4"),
            "{msg}"
        );
    }
    // In range: accepted, converted to i32, images reshaped to the model's shape.
    let flat = HostArray::f32([2, 4], vec![0.5; 8]);
    let ok = Batch::new(&loss, &flat, &HostArray::i32([2], vec![3, 0])).unwrap();
    assert_eq!(ok.images.shape, vec![2, 2, 2, 1]);
    assert_eq!(ok.labels, HostArray::i32([2], vec![3, 0]));
}

#[test]
fn the_engine_refuses_out_of_range_labels() {
    // Before: a label of 4 for 4 classes one-hot encoded to zeros and gave a
    // loss of -0.0 with no error.
    let spec = EngineSpec::new(&mlp(), None, Optimizer::default(), Averaging::None).unwrap();
    let state = spec.initial_state(1);
    let mut engine = Engine::new(test_client(), spec, &state).unwrap();
    let msg = err_text(engine.accumulate(&images(2), &[1, 4], &[1.0, 1.0]));
    assert!(msg.contains("`labels` example 1 is 4"), "{msg}");
    assert!(engine.accumulate(&images(2), &[1, 3], &[1.0, 1.0]).is_ok());
}

#[test]
fn non_finite_images_are_refused() {
    let loss = trace_example_loss(&mlp()).unwrap();
    for bad in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
        let mut px = vec![0.25f32; 8];
        px[6] = bad;
        let msg = err_text(Batch::new(
            &loss,
            &HostArray::f32([2, 2, 2, 1], px),
            &HostArray::i32([2], vec![0, 1]),
        ));
        assert!(
            msg.contains("`images` example 1")
                && msg.contains("value index 2")
                && msg.contains("finite"),
            "{msg}"
        );
    }
}

#[test]
fn an_empty_batch_and_mismatched_shapes_are_refused() {
    let loss = trace_example_loss(&mlp()).unwrap();
    let msg = err_text(Batch::new(
        &loss,
        &HostArray::f32([0, 4], vec![]),
        &HostArray::i32([0], vec![]),
    ));
    assert!(msg.contains("empty"), "{msg}");
    let msg = err_text(Batch::new(
        &loss,
        &HostArray::f32([2, 5], vec![0.0; 10]),
        &HostArray::i32([2], vec![0, 1]),
    ));
    assert!(msg.contains("f32[2,5]") && msg.contains("[2,2,1]"), "{msg}");
    let msg = err_text(Batch::new(
        &loss,
        &images(2),
        &HostArray::i32([3], vec![0, 1, 2]),
    ));
    assert!(
        msg.contains("`labels` is i32[3]") && msg.contains("[2]"),
        "{msg}"
    );
}

/// A model whose logits have the wrong length (3 for 4 classes).
struct WrongLogits;
impl Model for WrongLogits {
    fn name(&self) -> &str {
        "wrong_logits"
    }
    fn input_shape(&self) -> Vec<usize> {
        vec![4]
    }
    fn num_classes(&self) -> usize {
        4
    }
    fn logits<'b>(&self, p: &Params<'b>, x: Tensor<'b>) -> Tensor<'b> {
        dense(&p.scope("fc"), x.reshape(&[1, 4]), 3).reshape(&[3])
    }
}

#[test]
fn logits_of_the_wrong_shape_name_the_model_and_both_shapes() {
    let line = line!() + 1;
    let msg = trace_example_loss(&WrongLogits)
        .err()
        .expect("refused")
        .to_string();
    assert!(
        msg.contains("model 'wrong_logits' returned logits f32[3], expected f32[4]"),
        "{msg}"
    );
    // Located at the user's call that handed the model in, not in the library.
    assert!(msg.starts_with(&format!("{}:{line}:", file!())), "{msg}");
    let line = line!() + 1;
    let msg = dpxla_nn::trace_example_eval(&WrongLogits)
        .expect_err("refused")
        .to_string();
    assert!(msg.starts_with(&format!("{}:{line}:", file!())), "{msg}");
}

#[test]
fn a_loss_that_is_not_a_scalar_is_refused_with_its_shape() {
    // A per-example function that returns a vector where a loss is expected.
    let (g, _, _) = trace_example_fn(&mlp(), &|m, p, x, _y| vec![m.logits(p, x)]).unwrap();
    let msg = dpxla_core::transform::value_and_grad(&g, &[0])
        .expect_err("refused")
        .to_string();
    assert!(
        msg.contains("ONE scalar float") && msg.contains("f32[4]"),
        "{msg}"
    );
}

#[test]
fn program_arguments_of_the_wrong_shape_are_named() {
    let loss = trace_example_loss(&mlp()).unwrap();
    let prog = Program::compile(
        test_client(),
        &per_example_grads(&loss, 2).unwrap(),
        &LowerOptions::default(),
        &CompileOptions::default(),
    )
    .unwrap()
    .with_input_names(example_input_names(&loss))
    .unwrap();
    let mut args: Vec<HostArray> = init_params(&loss.params, 0)
        .into_iter()
        .map(|(_, a)| a)
        .collect();
    // Parameters are sorted by name: dense1/b is first. Give it one value too many.
    assert_eq!(loss.params[0].name, "dense1/b");
    args[0] = HostArray::f32([4], vec![0.0; 4]);
    args.push(images(2));
    args.push(HostArray::i32([2], vec![0, 1]));
    let msg = err_text(prog.run_host(&args));
    assert!(
        msg.contains("`dense1/b`: the program takes f32[3], got f32[4]"),
        "{msg}"
    );
}
