//! Per-example gradients of CI-sized versions of every model in the zoo,
//! compiled by XLA (batch 2), against a loop of single-example
//! `value_and_grad` run by the reference interpreter. Same code paths as the
//! named models, only narrower and on smaller images.

use dpxla_core::trace::eval;

use dpxla_core::array::HostArray;
use dpxla_core::transform::value_and_grad;
use dpxla_nn::models::{CifarCnn, CnnTanh, CnnTanhCifar, Mlp, ResNetGn, WideResNet};
use dpxla_nn::{init_params, per_example_grads, trace_example_loss, Model};
use dpxla_pjrt::lower::LowerOptions;
use dpxla_pjrt::program::Program;
use dpxla_pjrt::runtime::{CompileOptions, XlaFlag};
use dpxla_testkit::pjrt::test_client;
use rand::{Rng, SeedableRng};

/// Compiles faster (tests only: the step is slower).
fn fast_compile() -> CompileOptions {
    CompileOptions::default().flag("xla_backend_optimization_level", XlaFlag::Int(0))
}

fn check(model: &dyn Model, seed: u64) {
    let batch = 2;
    let loss = trace_example_loss(model).unwrap();
    let params = init_params(&loss.params, seed);
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let per_ex: usize = loss.input_shape.iter().product();
    let images: Vec<f32> = (0..batch * per_ex)
        .map(|_| rng.gen_range(-1.0..1.0))
        .collect();
    let labels: Vec<i32> = (0..batch)
        .map(|_| rng.gen_range(0..loss.num_classes as i32))
        .collect();
    let mut img_shape = vec![batch];
    img_shape.extend(&loss.input_shape);

    let g = per_example_grads(&loss, batch).unwrap();
    let prog = Program::compile(test_client(), &g, &LowerOptions::default(), &fast_compile())
        .unwrap_or_else(|e| panic!("{}: {e}", model.name()));
    let mut args: Vec<HostArray> = params.iter().map(|(_, a)| a.clone()).collect();
    args.push(HostArray::f32(img_shape, images.clone()));
    args.push(HostArray::i32([batch], labels.clone()));
    let batched = prog.run_host(&args).unwrap();
    assert_eq!(batched.len(), 1 + params.len());
    for (k, (out, (name, p))) in batched[1..].iter().zip(&params).enumerate() {
        let mut want = vec![batch];
        want.extend(&p.shape);
        assert_eq!(
            out.shape,
            want,
            "{}: gradient {k} ({name}) shape",
            model.name()
        );
    }

    let n = params.len();
    let single = value_and_grad(&loss.graph, &(0..n).collect::<Vec<_>>()).unwrap();
    for i in 0..batch {
        let mut args: Vec<HostArray> = params.iter().map(|(_, a)| a.clone()).collect();
        args.push(HostArray::f32(
            loss.input_shape.clone(),
            images[i * per_ex..(i + 1) * per_ex].to_vec(),
        ));
        args.push(HostArray::i32(Vec::<usize>::new(), vec![labels[i]]));
        let out = eval(&single, &args).unwrap();
        for (k, (b, s)) in batched.iter().zip(&out).enumerate() {
            let (b, s) = (b.to_f64(), s.to_f64());
            let m = s.len();
            let scale = s.iter().fold(0.0f64, |a, v| a.max(v.abs()));
            for j in 0..m {
                let (x, y) = (b[i * m + j], s[j]);
                assert!(
                    x.is_finite() && (x - y).abs() <= 1e-5 + 2e-3 * scale,
                    "{}: output {k} example {i} [{j}]: XLA {x}, interpreter {y} (max {scale})",
                    model.name()
                );
            }
        }
    }
    assert!(batched[0].to_f64().iter().all(|&l| l > 0.0));
    assert!(batched[1..]
        .iter()
        .any(|g| g.to_f64().iter().any(|&v| v.abs() > 1e-6)));
}

#[test]
fn mlp_and_cnn_tanh() {
    let mlp = Mlp {
        input: vec![6, 6, 1],
        hidden: vec![16, 8],
        classes: 4,
    };
    check(&mlp, 1);
    check(&CnnTanh::mnist(), 2);
    let cifar = CnnTanhCifar {
        input: vec![16, 16, 3],
        classes: 10,
        channels: [4, 8, 8],
        hidden: 16,
    };
    check(&cifar, 3);
}

#[test]
fn cifar_cnn() {
    let m = CifarCnn {
        input: vec![16, 16, 3],
        classes: 10,
        channels: [4, 8, 8, 16],
    };
    check(&m, 4);
}

#[test]
fn wide_resnet_gn_ws() {
    // WRN-10-1: one unit per group, 16/32/64 channels, 16 GN groups.
    let m = WideResNet {
        name: "wrn10_1".into(),
        depth: 10,
        width: 1,
        groups: 16,
        input: vec![8, 8, 3],
        classes: 10,
    };
    check(&m, 5);
}

#[test]
fn resnet18_gn() {
    let m = ResNetGn {
        width: 8,
        groups: 4,
        input: vec![32, 32, 3],
        classes: 10,
        ..ResNetGn::resnet18()
    };
    check(&m, 6);
}

#[test]
fn resnet50_gn() {
    let m = ResNetGn {
        width: 4,
        groups: 4,
        input: vec![16, 16, 3],
        classes: 10,
        ..ResNetGn::resnet50()
    };
    check(&m, 7);
}
