//! The engine's state on the host is all there is: an engine rebuilt from
//! `state()` computes exactly what the running engine computes next. This is
//! what checkpoint/resume relies on, and it caught a stale read of buffers
//! donated between programs on the CPU plugin (see `Engine::new`).

use dpxla_core::array::HostArray;
use dpxla_dp::clip::{ClipMethod, ClipMode, Clipping};
use dpxla_dp::mechanism::DpMechanism;
use dpxla_nn::optim::{Averaging, Optimizer};
use dpxla_nn::{init_params, models::Mlp, trace_example_loss};
use dpxla_train::train::engine::{Engine, EngineSpec, HostState};
use rand::{Rng, SeedableRng};

fn engine(state: &HostState) -> Engine {
    let clipping = Clipping::new(1.0, ClipMode::Flat, ClipMethod::Auto).unwrap();
    let mechanism = Some(DpMechanism::new(clipping, 1.0, 64.0).unwrap());
    let optimizer = Optimizer::Sgd {
        momentum: 0.9,
        nesterov: false,
        weight_decay: 0.0,
    };
    let averaging = Averaging::Ema {
        decay: 0.9,
        warmup: true,
    };
    let spec = EngineSpec::new(&Mlp::mnist(), mechanism, optimizer, averaging).unwrap();
    Engine::new(dpxla_testkit::pjrt::test_client(), spec, state).unwrap()
}

#[test]
fn an_engine_rebuilt_from_its_host_state_continues_identically() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(1);
    let batches: Vec<HostArray> = (0..3)
        .map(|_| {
            HostArray::f32(
                [64, 28, 28, 1],
                (0..64 * 784).map(|_| rng.gen_range(0.0..1.0)).collect(),
            )
        })
        .collect();
    let labels: Vec<i32> = (0..64).map(|i| i % 10).collect();
    let fresh = HostState::fresh(
        init_params(&trace_example_loss(&Mlp::mnist()).unwrap().params, 1)
            .into_iter()
            .map(|(_, a)| a)
            .collect(),
    );
    let mut running = engine(&fresh);
    for (t, b) in batches.iter().take(2).enumerate() {
        running.accumulate(b, &labels, &[1.0; 64]).unwrap();
        running
            .apply([t as u32, 1, 2, 3], 0.1, t as u64 + 1, 64)
            .unwrap();
    }
    let mut rebuilt = engine(&running.state().unwrap());
    let a = running
        .accumulate(&batches[2], &labels, &[1.0; 64])
        .unwrap();
    let b = rebuilt
        .accumulate(&batches[2], &labels, &[1.0; 64])
        .unwrap();
    assert_eq!(
        a, b,
        "the running engine read different parameters than it reports"
    );
    running.apply([9, 9, 9, 9], 0.1, 3, 64).unwrap();
    rebuilt.apply([9, 9, 9, 9], 0.1, 3, 64).unwrap();
    assert_eq!(running.state().unwrap(), rebuilt.state().unwrap());
}
