//! Data parallelism over several CPU devices of the real XLA plugin (no mocks):
//! the `all_reduce_sum` primitive through lowering and PJRT, and the
//! replicated DP step (`Engine` with `EngineSpec::replicas > 1`) against the
//! one-device `Engine` on the same batches and noise key.

use dpxla_core::trace::{eval, Aval, Builder};

use dpxla_core::array::{DType, HostArray};
use dpxla_core::transform::{vjp, vmap};
use dpxla_dp::clip::{ClipMethod, ClipMode, Clipping};
use dpxla_dp::mechanism::{DpMechanism, NoiseSource};
use dpxla_nn::models::Mlp;
use dpxla_nn::optim::{Averaging, Optimizer};
use dpxla_pjrt::lower::LowerOptions;
use dpxla_pjrt::program::{to_device, to_host, Program};
use dpxla_pjrt::runtime::Client;
use dpxla_pjrt::runtime::CompileOptions;
use dpxla_testkit::pjrt::{client_with, test_client};
use dpxla_train::train::engine::{Engine, EngineSpec, HostState};
use dpxla_train::train::programs::data_parallel::all_reduce_graph;
use rand::{Rng, SeedableRng};

fn replicated(n: usize) -> CompileOptions {
    CompileOptions {
        num_replicas: n as i64,
        ..CompileOptions::default()
    }
}

#[test]
fn all_reduce_sum_gives_every_replica_the_sum_on_2_and_4_devices() {
    let client = client_with(4);
    for n in [2usize, 4] {
        let g =
            all_reduce_graph(&[Aval::new([3], DType::F32), Aval::new([2], DType::I32)], n).unwrap();
        let prog = Program::compile(&client, &g, &LowerOptions::default(), &replicated(n)).unwrap();
        assert!(
            prog.mlir().contains("stablehlo.all_reduce"),
            "{}",
            prog.mlir()
        );
        let inputs: Vec<[HostArray; 2]> = (0..n)
            .map(|r| {
                let r = r as f32;
                [
                    HostArray::f32([3], vec![r, 10.0 * r, -r]),
                    HostArray::i32([2], vec![r as i32, 1]),
                ]
            })
            .collect();
        let bufs: Vec<Vec<_>> = inputs
            .iter()
            .enumerate()
            .map(|(r, a)| {
                a.iter()
                    .map(|x| to_device(&client, x, r).unwrap())
                    .collect()
            })
            .collect();
        let args: Vec<Vec<_>> = bufs.iter().map(|b| b.iter().collect()).collect();
        let outs = prog.run_replicated(&args).unwrap();
        let s = (0..n).sum::<usize>() as f32;
        for o in &outs {
            assert_eq!(
                to_host(&o[0]).unwrap(),
                HostArray::f32([3], vec![s, 10.0 * s, -s])
            );
            assert_eq!(
                to_host(&o[1]).unwrap(),
                HostArray::i32([2], vec![s as i32, n as i32])
            );
        }
        // One argument list for a replicated program is an error, not a crash.
        assert!(prog.run(&args[0]).is_err());
    }
}

#[test]
fn more_replicas_than_devices_is_a_clear_error() {
    let client = client_with(2);
    let g = all_reduce_graph(&[Aval::new([1], DType::F32)], 4).unwrap();
    let err = Program::compile(&client, &g, &LowerOptions::default(), &replicated(4))
        .err()
        .expect("4 replicas on 2 devices must fail");
    assert!(err.to_string().contains("needs 4 devices"), "{err}");
    let err = client.require_devices(3).unwrap_err();
    assert!(err.to_string().contains("cpu_device_count"), "{err}");
}

#[test]
fn all_reduce_sum_interprets_one_replica_and_refuses_transforms() {
    let b = Builder::new();
    let x = b.input(Aval::new([2], DType::F32));
    let y = x.all_reduce_sum(1);
    let g = b.finish(&[y]).unwrap();
    let a = HostArray::f32([2], vec![1.5, -2.0]);
    assert_eq!(eval(&g, std::slice::from_ref(&a)).unwrap(), vec![a.clone()]);
    let g2 = all_reduce_graph(&[Aval::new([2], DType::F32)], 2).unwrap();
    let err = eval(&g2, &[a]).unwrap_err();
    assert!(err.to_string().contains("one replica"), "{err}");
    let sum = {
        let b = Builder::new();
        let x = b.input(Aval::new([2], DType::F32));
        let s = x.all_reduce_sum(2).sum(&[0]);
        b.finish(&[s]).unwrap()
    };
    let e = vjp(&sum, &[0]).unwrap_err();
    assert!(e.to_string().contains("no vjp rule"), "{e}");
    let e = vmap(&sum, &[Some(0)], 3).unwrap_err();
    assert!(e.to_string().contains("no vmap rule"), "{e}");
    // A bool operand and zero replicas are refused by the shape rule.
    let b = Builder::new();
    let x = b.input(Aval::new([2], DType::F32));
    let _ = x.all_reduce_sum(0);
    assert!(b.finish(&[x]).is_err());
}

fn spec(averaging: Averaging, sigma: f64) -> EngineSpec {
    let model = Mlp {
        input: vec![4, 4, 1],
        hidden: vec![8],
        classes: 3,
    };
    let clipping = Clipping::new(0.5, ClipMode::Flat, ClipMethod::Auto).unwrap();
    let mechanism = DpMechanism::new(clipping, sigma, 12.0).unwrap();
    let optimizer = Optimizer::Sgd {
        momentum: 0.9,
        nesterov: false,
        weight_decay: 0.0,
    };
    EngineSpec::new(&model, Some(mechanism), optimizer, averaging).unwrap()
}

/// The engine for `spec` replicated over `n` devices of `client`.
fn replicated_engine(
    client: &Client,
    spec: EngineSpec,
    init: &HostState,
    n: usize,
) -> dpxla_train::Result<Engine> {
    Engine::new(
        client,
        EngineSpec {
            replicas: n,
            ..spec
        },
        init,
    )
}

/// One logical batch: physical batches of `rows` rows (the last padded).
struct Logical {
    batches: Vec<(HostArray, Vec<i32>, Vec<f32>)>,
    key: [u32; 4],
}

fn logical_batches(steps: usize, rows: usize, seed: u64) -> Vec<Logical> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    (0..steps)
        .map(|s| {
            let real = 3 * rows / 2 + s; // 1.5 physical batches and a bit
            let batches = (0..2)
                .map(|b| {
                    let images: Vec<f32> =
                        (0..rows * 16).map(|_| rng.gen_range(-2.0..2.0)).collect();
                    let labels: Vec<i32> = (0..rows).map(|_| rng.gen_range(0..3)).collect();
                    let mask: Vec<f32> = (0..rows)
                        .map(|i| if b * rows + i < real { 1.0 } else { 0.0 })
                        .collect();
                    (HostArray::f32([rows, 4, 4, 1], images), labels, mask)
                })
                .collect();
            Logical {
                batches,
                key: [7, s as u32, 11, 13],
            }
        })
        .collect()
}

fn flat(s: &HostState) -> Vec<f32> {
    s.params
        .iter()
        .chain(&s.slots)
        .chain(&s.averages)
        .flat_map(|a| a.to_f64().into_iter().map(|x| x as f32))
        .collect()
}

fn bits(s: &HostState) -> Vec<u32> {
    flat(s).iter().map(|x| x.to_bits()).collect()
}

#[test]
fn replicated_dp_steps_equal_one_device_and_keep_replicas_bit_identical() {
    let client4 = client_with(4);
    let rows = 8;
    let data = logical_batches(3, rows, 5);
    let averaging = Averaging::Ema {
        decay: 0.9,
        warmup: true,
    };
    let s = spec(averaging.clone(), 1.0);
    let init = s.initial_state(3);
    let mut one = Engine::new(test_client(), s, &init).unwrap();
    let mut one_loss = Vec::new();
    for (t, l) in data.iter().enumerate() {
        let mut loss = 0.0;
        for (im, lab, m) in &l.batches {
            loss += one.accumulate(im, lab, m).unwrap().loss_sum;
        }
        one_loss.push(loss);
        one.apply(l.key, 0.1, t as u64 + 1, 0).unwrap();
    }
    let want = flat(&one.state().unwrap());
    for n in [2usize, 4] {
        let mut dp = replicated_engine(&client4, spec(averaging.clone(), 1.0), &init, n).unwrap();
        assert_eq!(dp.replicas(), n);
        for (t, l) in data.iter().enumerate() {
            let mut loss = 0.0;
            for (im, lab, m) in &l.batches {
                loss += dp.accumulate(im, lab, m).unwrap().loss_sum;
            }
            assert!(
                (loss - one_loss[t]).abs() <= 1e-4 * one_loss[t].abs().max(1.0),
                "{n} devices, step {t}: loss sum {loss} vs {}",
                one_loss[t]
            );
            dp.apply(l.key, 0.1, t as u64 + 1, 0).unwrap();
        }
        let got = dp.state().unwrap();
        for r in 1..n {
            assert_eq!(
                bits(&dp.replica_state(r).unwrap()),
                bits(&got),
                "{n} devices: replica {r} differs from replica 0"
            );
        }
        let got = flat(&got);
        assert_eq!(got.len(), want.len());
        let worst = got
            .iter()
            .zip(&want)
            .map(|(a, b)| (a - b).abs() / (1.0 + b.abs()))
            .fold(0.0f32, f32::max);
        assert!(
            worst < 1e-4,
            "{n} devices: worst relative difference {worst}"
        );
    }
}

#[test]
fn noise_is_added_once_to_the_global_sum() {
    // All rows padded: the global clipped sum is zero, so the update is the
    // noise alone. One device and 4 replicas must give the same update; noise
    // added on every replica before the all-reduce would be 2x (4 replicas,
    // σ√4) larger.
    let client4 = client_with(4);
    let s = spec(Averaging::None, 3.0);
    let init = s.initial_state(9);
    let images = HostArray::f32([8, 4, 4, 1], vec![0.5; 128]);
    let labels = vec![1; 8];
    let mask = vec![0.0; 8];
    let mut one = Engine::new(test_client(), s, &init).unwrap();
    one.accumulate(&images, &labels, &mask).unwrap();
    one.apply([1, 2, 3, 4], 1.0, 1, 0).unwrap();
    let mut dp = replicated_engine(&client4, spec(Averaging::None, 3.0), &init, 4).unwrap();
    dp.accumulate(&images, &labels, &mask).unwrap();
    assert!(dp
        .accumulators()
        .unwrap()
        .iter()
        .all(|a| a.to_f64().iter().all(|&x| x == 0.0)));
    dp.apply([1, 2, 3, 4], 1.0, 1, 0).unwrap();
    let step = |s: &HostState| -> Vec<f64> {
        s.params
            .iter()
            .zip(&init.params)
            .flat_map(|(a, b)| {
                a.to_f64()
                    .into_iter()
                    .zip(b.to_f64())
                    .map(|(x, y)| x - y)
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let (a, b) = (step(&one.state().unwrap()), step(&dp.state().unwrap()));
    let norm = |v: &[f64]| v.iter().map(|x| x * x).sum::<f64>().sqrt();
    assert!(norm(&a) > 0.0, "the noise must move the parameters");
    let diff: Vec<f64> = a.iter().zip(&b).map(|(x, y)| x - y).collect();
    assert!(
        norm(&diff) <= 1e-5 * norm(&a),
        "noise differs: |one| = {}, |4 replicas| = {}",
        norm(&a),
        norm(&b)
    );
}

#[test]
fn uneven_physical_batches_and_missing_devices_are_refused() {
    let client = client_with(2);
    let s = spec(Averaging::None, 1.0);
    let init = s.initial_state(1);
    let err = replicated_engine(&client, spec(Averaging::None, 1.0), &init, 4)
        .err()
        .expect("4 replicas on a 2-device client");
    assert!(err.to_string().contains("cpu_device_count"), "{err}");
    let mut dp = replicated_engine(&client, s, &init, 2).unwrap();
    let images = HostArray::f32([3, 4, 4, 1], vec![0.0; 48]);
    let err = dp.accumulate(&images, &[0, 1, 2], &[1.0; 3]).unwrap_err();
    assert!(
        err.to_string().contains("multiple of the device count"),
        "{err}"
    );
    let images = HostArray::f32([2, 4, 4, 1], vec![0.0; 32]);
    assert!(dp.accumulate(&images, &[0, 7], &[1.0; 2]).is_err());
}

#[test]
fn non_private_steps_and_host_noise_updates_match_one_device() {
    // Non-private: the apply program divides by the realised GLOBAL count.
    // Host-noised (secure noise) updates: `apply_given` must apply exactly the
    // given sums on every replica. Two views per example (K = 2).
    let client4 = client_with(4);
    let model = Mlp {
        input: vec![4, 4, 1],
        hidden: vec![8],
        classes: 3,
    };
    // With clipping, the noise is drawn on the host (secure-noise mode).
    let make = |clipping: Option<Clipping>| EngineSpec {
        views: 2,
        ..EngineSpec::new(
            &model,
            clipping.map(|c| {
                DpMechanism::new(c, 1.0, 8.0)
                    .unwrap()
                    .with_noise_source(NoiseSource::Host)
            }),
            Optimizer::default(),
            Averaging::None,
        )
        .unwrap()
    };
    let clip = Some(Clipping::new(0.3, ClipMode::Flat, ClipMethod::Auto).unwrap());
    let mut rng = rand::rngs::StdRng::seed_from_u64(21);
    let images = HostArray::f32(
        [8, 2, 4, 4, 1],
        (0..8 * 2 * 16).map(|_| rng.gen_range(-1.0..1.0)).collect(),
    );
    let labels: Vec<i32> = (0..8).map(|i| i % 3).collect();
    let mask: Vec<f32> = (0..8).map(|i| if i < 7 { 1.0 } else { 0.0 }).collect();
    for clipping in [None, clip] {
        let init = make(clipping).initial_state(4);
        let mut one = Engine::new(test_client(), make(clipping), &init).unwrap();
        let mut dp = replicated_engine(&client4, make(clipping), &init, 2).unwrap();
        one.accumulate(&images, &labels, &mask).unwrap();
        dp.accumulate(&images, &labels, &mask).unwrap();
        let (a, b) = (one.accumulators().unwrap(), dp.accumulators().unwrap());
        for (x, y) in a.iter().zip(&b) {
            for (u, v) in x.to_f64().iter().zip(y.to_f64()) {
                assert!((u - v).abs() <= 1e-5 * (1.0 + u.abs()), "{u} vs {v}");
            }
        }
        if clipping.is_none() {
            one.apply([0; 4], 0.5, 1, 7).unwrap();
            dp.apply([0; 4], 0.5, 1, 7).unwrap();
        } else {
            // The host adds its noise to the global sums and hands them back.
            let noisy: Vec<HostArray> = a
                .iter()
                .map(|g| {
                    let v = g.to_f64().iter().map(|x| (x + 0.01) as f32).collect();
                    HostArray::f32(g.shape.clone(), v)
                })
                .collect();
            one.apply_given(&noisy, 0.5, 1).unwrap();
            dp.apply_given(&noisy, 0.5, 1).unwrap();
        }
        let (want, got) = (flat(&one.state().unwrap()), flat(&dp.state().unwrap()));
        for (u, v) in want.iter().zip(&got) {
            assert!((u - v).abs() <= 1e-5 * (1.0 + u.abs()), "{u} vs {v}");
        }
        assert_eq!(
            bits(&dp.replica_state(1).unwrap()),
            bits(&dp.state().unwrap())
        );
    }
}
