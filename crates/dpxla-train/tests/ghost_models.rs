//! Every clipping method gives the materialised (`vmap`) clipped sum on the
//! model zoo (CI-sized variants of each architecture), compiled by XLA:
//! relative 1e-10 in f64 (the same models declared f64) and 1e-5 in f32, on a
//! batch with examples below and far above C, a padded row, K = 2 views
//! (mlp) and a frozen tensor (cifar_cnn).

use dpxla_core::trace::Tensor;

use dpxla_core::array::{DType, HostArray};
use dpxla_dp::clip::{ClipMethod, ClipMode, Clipping};
use dpxla_dp::mechanism::DpMechanism;
use dpxla_nn::models::{CifarCnn, CnnTanh, Mlp, ResNetGn, WideResNet};
use dpxla_nn::{init_params, trace_example_loss, Model, Params};
use dpxla_pjrt::lower::LowerOptions;
use dpxla_pjrt::program::Program;
use dpxla_pjrt::runtime::{CompileOptions, XlaFlag};
use dpxla_testkit::pjrt::test_client;
use dpxla_train::train::programs::{accumulate_graph, AccumulateSpec, ACC_DTYPE};
use rand::{Rng, SeedableRng};

/// `inner` declared in f64 (parameters, input, computation).
struct AsF64<'a>(&'a dyn Model);

impl Model for AsF64<'_> {
    fn name(&self) -> &str {
        self.0.name()
    }
    fn input_shape(&self) -> Vec<usize> {
        self.0.input_shape()
    }
    fn num_classes(&self) -> usize {
        self.0.num_classes()
    }
    fn logits<'b>(&self, p: &Params<'b>, x: Tensor<'b>) -> Tensor<'b> {
        self.0.logits(p, x)
    }
    fn dtype(&self) -> DType {
        DType::F64
    }
}

fn rel(got: &[f64], want: &[f64], floor: f64) -> f64 {
    let d: f64 = got
        .iter()
        .zip(want)
        .map(|(a, b)| (a - b).powi(2))
        .sum::<f64>()
        .sqrt();
    let n: f64 = want.iter().map(|x| x * x).sum::<f64>().sqrt();
    if got.iter().any(|x| !x.is_finite()) {
        return f64::INFINITY;
    }
    d / n.max(floor)
}

fn check(model: &dyn Model, views: usize, frozen_first: bool, mode: ClipMode, seed: u64) {
    let batch = 4;
    for (dtype, tol) in [(DType::F64, 1e-10), (DType::F32, 1e-5)] {
        let f64_model = AsF64(model);
        let m: &dyn Model = if dtype == DType::F64 {
            &f64_model
        } else {
            model
        };
        let loss = trace_example_loss(m).unwrap();
        let n = loss.params.len();
        let trainable: Vec<usize> = if frozen_first {
            (1..n).collect()
        } else {
            (0..n).collect()
        };
        let params: Vec<HostArray> = init_params(&loss.params, seed)
            .into_iter()
            .map(|(_, a)| HostArray::from_f64(a.shape.clone(), &a.to_f64(), dtype))
            .collect();
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
        let per: usize = loss.input_shape.iter().product();
        let mut shape = vec![batch];
        if views > 1 {
            shape.push(views);
        }
        shape.extend(&loss.input_shape);
        // Example 0 is scaled far up (far above C); the last row is padding.
        let pixels: Vec<f64> = (0..batch * views * per)
            .map(|i| {
                let x = rng.gen_range(-1.0f32..1.0) as f64;
                if i < views * per {
                    30.0 * x
                } else {
                    x
                }
            })
            .collect();
        let labels = HostArray::i32(
            [batch],
            (0..batch)
                .map(|_| rng.gen_range(0..loss.num_classes as i32))
                .collect(),
        );
        let mask = HostArray::from_f64([batch], &[1.0, 1.0, 1.0, 0.0], dtype);
        let mut args = params.clone();
        // Accumulators are f64 whatever the model's dtype.
        args.extend(trainable.iter().map(|&i| {
            HostArray::from_f64(
                params[i].shape.clone(),
                &vec![0.0; params[i].numel()],
                ACC_DTYPE,
            )
        }));
        args.push(HostArray::from_f64(shape, &pixels, dtype));
        args.push(labels);
        args.push(mask);
        let run = |method: ClipMethod, clip: f64| {
            let clipping = Clipping::new(clip, mode, method).unwrap();
            let mechanism = DpMechanism::new(clipping, 1.0, batch as f64).unwrap();
            let (g, _) = accumulate_graph(
                &loss,
                &trainable,
                &AccumulateSpec::private(batch, mechanism.clipping()).with_views(views),
            )
            .unwrap();
            // Level 0 compiles fastest; crates/dpxla-train/tests/differential.rs checks that
            // results do not depend on the level.
            let opts =
                CompileOptions::default().flag("xla_backend_optimization_level", XlaFlag::Int(0));
            Program::compile(test_client(), &g, &LowerOptions::default(), &opts)
                .unwrap_or_else(|e| panic!("{} {method:?}: {e}", model.name()))
                .run_host(&args)
                .unwrap()
        };
        // C: a tenth of the unclipped sum's norm over the 3 real examples, so
        // the scaled example is clipped hard and typically others are not.
        let unclipped = run(ClipMethod::Vmap, 1e30);
        let total: f64 = unclipped[..trainable.len()]
            .iter()
            .flat_map(|a| a.to_f64())
            .map(|x| x * x)
            .sum::<f64>()
            .sqrt();
        let clip = 0.1 * total;
        let want = run(ClipMethod::Vmap, clip);
        let scale: f64 = want[..trainable.len()]
            .iter()
            .flat_map(|a| a.to_f64())
            .map(|x| x * x)
            .sum::<f64>()
            .sqrt();
        for method in [ClipMethod::Bookkeeping, ClipMethod::Auto] {
            let got = run(method, clip);
            for (k, (g, w)) in got.iter().zip(&want).take(trainable.len() + 1).enumerate() {
                let floor = if k < trainable.len() {
                    1e-3 * scale
                } else {
                    1e-9
                };
                let e = rel(&g.to_f64(), &w.to_f64(), floor);
                let what = loss
                    .params
                    .get(trainable.get(k).copied().unwrap_or(usize::MAX))
                    .map_or("loss sum", |p| p.name.as_str());
                assert!(
                    e <= tol,
                    "{} {dtype} {method:?} {mode:?}: {what}: relative error {e:.2e} > {tol:e}",
                    model.name()
                );
            }
        }
    }
}

#[test]
fn mlp_cnn_tanh_and_cifar_cnn() {
    let mlp = Mlp {
        input: vec![6, 6, 1],
        hidden: vec![16, 8],
        classes: 4,
    };
    check(&mlp, 2, false, ClipMode::Flat, 1);
    check(&CnnTanh::mnist(), 1, false, ClipMode::PerLayer, 2);
    let cifar = CifarCnn {
        input: vec![16, 16, 3],
        classes: 10,
        channels: [4, 8, 8, 16],
    };
    check(&cifar, 1, true, ClipMode::Flat, 3);
}

#[test]
fn wide_resnet_and_resnet18_gn() {
    let wrn = WideResNet {
        name: "wrn10_1".into(),
        depth: 10,
        width: 1,
        groups: 16,
        input: vec![8, 8, 3],
        classes: 10,
    };
    check(&wrn, 1, false, ClipMode::Flat, 4);
    let resnet = ResNetGn {
        width: 8,
        groups: 4,
        input: vec![16, 16, 3],
        classes: 10,
        ..ResNetGn::resnet18()
    };
    check(&resnet, 1, false, ClipMode::Flat, 5);
}
