//! Every model of the zoo (CI-sized: narrower, smaller images) trains a few
//! private DP-SGD steps through the compiled engine: clipping, noise, update,
//! averaging, evaluation, all through the real CPU plugin.

use dpxla_core::array::HostArray;
use dpxla_dp::clip::{ClipMethod, ClipMode, Clipping};
use dpxla_dp::mechanism::DpMechanism;
use dpxla_nn::models::{CifarCnn, CnnTanh, CnnTanhCifar, Mlp, ResNetGn, WideResNet};
use dpxla_nn::optim::{Averaging, Optimizer};
use dpxla_nn::Model;
use dpxla_pjrt::runtime::{CompileOptions, XlaFlag};
use dpxla_testkit::pjrt::test_client;
use dpxla_train::train::engine::{Engine, EngineSpec};
use rand::{Rng, SeedableRng};

fn private_steps(model: &dyn Model, seed: u64) {
    let clipping = Clipping::new(1.0, ClipMode::Flat, ClipMethod::Auto).unwrap();
    let mechanism = Some(DpMechanism::new(clipping, 1.0, 4.0).unwrap());
    let optimizer = Optimizer::Sgd {
        momentum: 0.9,
        nesterov: false,
        weight_decay: 0.0,
    };
    let averaging = Averaging::Ema {
        decay: 0.9,
        warmup: true,
    };
    let spec = EngineSpec {
        compile_options: CompileOptions::default()
            .flag("xla_backend_optimization_level", XlaFlag::Int(0)),
        ..EngineSpec::new(model, mechanism, optimizer, averaging).unwrap()
    };
    let n = spec.loss.params.len();
    let input = spec.loss.input_shape.clone();
    let classes = spec.loss.num_classes as i32;
    let state = spec.initial_state(seed);
    let params = state.params.clone();
    let mut e = Engine::new(test_client(), spec, &state).unwrap();
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let per: usize = input.iter().product();
    let mut shape = vec![4];
    shape.extend(&input);
    for step in 1..=2u64 {
        let images = HostArray::f32(
            shape.clone(),
            (0..4 * per).map(|_| rng.gen_range(0.0..1.0)).collect(),
        );
        let labels: Vec<i32> = (0..4).map(|_| rng.gen_range(0..classes)).collect();
        let stats = e
            .accumulate(&images, &labels, &[1.0, 1.0, 1.0, 0.0])
            .unwrap();
        assert!(
            stats.loss_sum.is_finite() && stats.loss_sum > 0.0,
            "{}: loss {}",
            model.name(),
            stats.loss_sum
        );
        e.apply([seed as u32, step as u32, 7, 9], 0.01, step, 3)
            .unwrap();
    }
    let after = e.state().unwrap();
    assert_eq!(after.averages.len(), n);
    let changed = after
        .params
        .iter()
        .zip(&params)
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(
        changed,
        n,
        "{}: every trainable parameter moves",
        model.name()
    );
    assert!(
        after
            .params
            .iter()
            .all(|p| p.to_f64().iter().all(|x| x.is_finite())),
        "{}: non-finite",
        model.name()
    );
    let images = HostArray::f32(shape, vec![0.5; 4 * per]);
    let (l, c) = e.evaluate(&images, &[0, 1, 0, 1], &[1.0; 4], true).unwrap();
    assert!(l.is_finite() && (0.0..=4.0).contains(&c));
}

#[test]
fn small_models_train_privately() {
    private_steps(
        &Mlp {
            input: vec![6, 6, 1],
            hidden: vec![16],
            classes: 4,
        },
        1,
    );
    private_steps(&CnnTanh::mnist(), 2);
    private_steps(
        &CnnTanhCifar {
            input: vec![16, 16, 3],
            classes: 10,
            channels: [4, 8, 8],
            hidden: 16,
        },
        3,
    );
    private_steps(
        &CifarCnn {
            input: vec![16, 16, 3],
            classes: 10,
            channels: [4, 8, 8, 16],
        },
        4,
    );
}

#[test]
fn wide_resnet_trains_privately() {
    let m = WideResNet {
        name: "wrn10_1".into(),
        depth: 10,
        width: 1,
        groups: 16,
        input: vec![8, 8, 3],
        classes: 10,
    };
    private_steps(&m, 5);
}

#[test]
fn resnets_train_privately() {
    let r18 = ResNetGn {
        width: 8,
        groups: 4,
        input: vec![32, 32, 3],
        classes: 10,
        ..ResNetGn::resnet18()
    };
    private_steps(&r18, 6);
    let r50 = ResNetGn {
        width: 4,
        groups: 4,
        input: vec![16, 16, 3],
        classes: 10,
        ..ResNetGn::resnet50()
    };
    private_steps(&r50, 7);
}
