//! Issue 27, item 4: accumulation across microbatches, devices and the host
//! keeps each example's influence ≤ C. A logical batch of 2048 examples, all
//! clipped to C along nearly the same direction (so the sums are ~2048·C and
//! their rounding is largest), is accumulated as 8 microbatches of 256 rows,
//! on one device and on two (each replica its half, summed on the host as
//! secure mode reads them, `Engine::accumulators`). Removing any one example
//! must move the total by at most C: the clipping target is C(1 − 1e-6), so
//! this fails as soon as rounding adds more than 1e-6·C (f32 accumulation
//! adds ~1e-4·C here). Both XLA optimisation levels (0: fastest compile,
//! and the default).

use dpxla_core::array::HostArray;
use dpxla_dp::clip::{ClipMethod, ClipMode, Clipping};
use dpxla_dp::mechanism::DpMechanism;
use dpxla_nn::models::Mlp;
use dpxla_nn::optim::{Averaging, Optimizer};
use dpxla_pjrt::runtime::{Client, CompileOptions, XlaFlag};
use dpxla_testkit::pjrt::client_with;
use dpxla_train::train::engine::{Engine, EngineSpec};
use rand::{Rng, SeedableRng};

const BATCH: usize = 2048;
const PHYSICAL: usize = 256;
const C: f64 = 1e-3;

fn engine(client: &Client, replicas: usize, level: Option<i64>) -> Engine {
    let model = Mlp {
        input: vec![4, 4, 1],
        hidden: vec![8],
        classes: 3,
    };
    let clipping = Clipping::new(C, ClipMode::Flat, ClipMethod::Auto).unwrap();
    let mechanism = DpMechanism::new(clipping, 1.0, BATCH as f64).unwrap();
    let compile_options = match level {
        Some(l) => {
            CompileOptions::default().flag("xla_backend_optimization_level", XlaFlag::Int(l))
        }
        None => CompileOptions::default(),
    };
    let spec = EngineSpec {
        replicas,
        compile_options,
        ..EngineSpec::new(
            &model,
            Some(mechanism),
            Optimizer::default(),
            Averaging::None,
        )
        .unwrap()
    };
    let state = spec.initial_state(7);
    Engine::new(client, spec, &state).unwrap()
}

/// One image repeated with a 0.1% jitter, scaled far above C; one label.
fn batch() -> (Vec<f32>, Vec<i32>) {
    let mut rng = rand::rngs::StdRng::seed_from_u64(27);
    let base: Vec<f32> = (0..16).map(|_| rng.gen_range(-1.0..1.0f32)).collect();
    let images = (0..BATCH)
        .flat_map(|_| {
            base.iter()
                .map(|&x| 50.0 * x * (1.0 + rng.gen_range(-1e-3..1e-3f32)))
                .collect::<Vec<_>>()
        })
        .collect();
    (images, vec![1; BATCH])
}

/// The logical batch's total (all tensors, flattened) with `mask`.
fn total(e: &mut Engine, images: &[f32], labels: &[i32], mask: &[f32]) -> Vec<f64> {
    e.reset_accumulators().unwrap();
    for m in 0..BATCH / PHYSICAL {
        let rows = m * PHYSICAL..(m + 1) * PHYSICAL;
        let img = HostArray::f32(
            [PHYSICAL, 4, 4, 1],
            images[rows.start * 16..rows.end * 16].to_vec(),
        );
        let s = e
            .accumulate(&img, &labels[rows.clone()], &mask[rows])
            .unwrap();
        assert_eq!(
            s.clipped as usize,
            mask[m * PHYSICAL..][..PHYSICAL]
                .iter()
                .filter(|&&x| x > 0.0)
                .count()
        );
    }
    e.accumulators()
        .unwrap()
        .iter()
        .flat_map(|a| a.to_f64())
        .collect()
}

fn l2(a: &[f64], b: &[f64]) -> f64 {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).powi(2))
        .sum::<f64>()
        .sqrt()
}

#[test]
fn removing_one_of_2048_examples_moves_the_accumulated_sum_by_at_most_c() {
    let client = client_with(2);
    let (images, labels) = batch();
    let full = vec![1.0f32; BATCH];
    for level in [Some(0), None] {
        for replicas in [1, 2] {
            let mut e = engine(&client, replicas, level);
            let all = total(&mut e, &images, &labels, &full);
            let norm = all.iter().map(|x| x * x).sum::<f64>().sqrt();
            assert!(
                norm > 0.9 * BATCH as f64 * C,
                "directions should agree: ‖Σ‖ = {norm:e}"
            );
            let mut worst: f64 = 0.0;
            for i in (0..BATCH).step_by(BATCH / 16).map(|i| i + 37) {
                let mut mask = full.clone();
                mask[i] = 0.0;
                let d = l2(&all, &total(&mut e, &images, &labels, &mask));
                worst = worst.max(d / C);
                assert!(
                    d >= 0.999 * C,
                    "example {i}: moved by {d:e}, it should be C"
                );
            }
            assert!(
                worst <= 1.0,
                "{replicas} device(s), level {level:?}: one example moved the sum by \
                 {worst:.9}·C > C"
            );
        }
    }
}
