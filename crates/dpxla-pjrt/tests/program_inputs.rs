//! `Program`'s input names (given once, with the lowering options) and the
//! value ranges `run_host` checks before anything runs.

use dpxla_core::array::{DType, HostArray};
use dpxla_core::trace::{Aval, Builder, Graph};
use dpxla_pjrt::lower::LowerOptions;
use dpxla_pjrt::program::Program;
use dpxla_pjrt::runtime::CompileOptions;
use dpxla_testkit::pjrt::test_client;

/// (w: f32[2], labels: i32[3]) → Σ w + Σ labels, in f32.
fn graph() -> Graph {
    let b = Builder::new();
    let w = b.input(Aval::new([2], DType::F32));
    let labels = b.input(Aval::new([3], DType::I32));
    b.finish(&[w.sum(&[0]) + labels.convert(DType::F32).sum(&[0])])
        .unwrap()
}

fn named() -> Program {
    let lower = LowerOptions {
        arg_names: vec!["w".into(), "labels".into()],
        ..LowerOptions::default()
    };
    Program::compile(test_client(), &graph(), &lower, &CompileOptions::default()).unwrap()
}

#[test]
fn names_given_to_the_lowering_name_the_inputs_in_errors() {
    let p = named();
    assert_eq!(p.input_names(), ["w", "labels"]);
    let err = p
        .run_host(&[
            HostArray::f32([2], vec![1.0, 2.0]),
            HostArray::f32([3], vec![0.0; 3]),
        ])
        .unwrap_err()
        .to_string();
    assert!(err.contains("`labels`: the program takes i32[3]"), "{err}");
}

#[test]
fn labels_outside_their_range_are_an_error_not_a_result() {
    let p = named().with_input_range("labels", 0..4).unwrap();
    let w = HostArray::f32([2], vec![1.0, 2.0]);
    let ok = p
        .run_host(&[w.clone(), HostArray::i32([3], vec![0, 3, 1])])
        .unwrap();
    assert_eq!(ok[0].to_f64(), [7.0]);
    for bad in [vec![0, 4, 1], vec![-1, 0, 0]] {
        let err = p
            .run_host(&[w.clone(), HostArray::i32([3], bad.clone())])
            .unwrap_err()
            .to_string();
        assert!(err.contains("`labels` element"), "{bad:?}: {err}");
        assert!(err.contains("outside 0..4"), "{bad:?}: {err}");
    }
}

#[test]
fn a_range_needs_an_integer_input_that_exists() {
    assert!(named().with_input_range("w", 0..4).is_err());
    assert!(named().with_input_range("images", 0..4).is_err());
}
