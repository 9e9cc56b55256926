//! The DP invariants of docs/design.md, tested on the compiled programs through the
//! real XLA CPU plugin (no mocks): clipping sensitivity, masking, noise
//! calibration, Poisson batch sizes, microbatch accumulation.

use dpxla_core::array::HostArray;
use dpxla_dp::clip::{ClipMethod, ClipMode, Clipping};
use dpxla_dp::mechanism::DpMechanism;
use dpxla_nn::optim::{Averaging, Optimizer};
use dpxla_nn::{models::Mlp, Model};
use dpxla_testkit::pjrt::test_client;
use dpxla_train::train::engine::{Engine, EngineSpec, HostState};
use dpxla_train::train::sampling::sampler::{poisson_batch, StreamRng};
use rand::{Rng, SeedableRng};

fn small_mlp() -> Mlp {
    Mlp {
        input: vec![4, 4, 1],
        hidden: vec![8],
        classes: 3,
    }
}

fn engine(
    model: &dyn Model,
    clip: Option<f64>,
    noise: Option<(f64, f64)>,
    views: usize,
    seed: u64,
) -> Engine {
    engine_with_mode(model, clip, ClipMode::Flat, noise, views, seed)
}

fn engine_with_mode(
    model: &dyn Model,
    clip: Option<f64>,
    mode: ClipMode,
    noise: Option<(f64, f64)>,
    views: usize,
    seed: u64,
) -> Engine {
    // (σ, q·N); accumulator tests need no particular noise.
    let (sigma, expected) = noise.unwrap_or((1.0, 8.0));
    let mechanism = clip.map(|norm| {
        let clipping = Clipping::new(norm, mode, ClipMethod::Auto).unwrap();
        DpMechanism::new(clipping, sigma, expected).unwrap()
    });
    let spec = EngineSpec {
        views,
        ..EngineSpec::new(model, mechanism, Optimizer::default(), Averaging::None).unwrap()
    };
    let state = spec.initial_state(seed);
    Engine::new(test_client(), spec, &state).unwrap()
}

fn batch(rng: &mut rand::rngs::StdRng, p: usize, scale: f32) -> (HostArray, Vec<i32>) {
    let images: Vec<f32> = (0..p * 16)
        .map(|_| rng.gen_range(-1.0..1.0) * scale)
        .collect();
    let labels: Vec<i32> = (0..p).map(|_| rng.gen_range(0..3)).collect();
    (HostArray::f32([p, 4, 4, 1], images), labels)
}

fn flat(arrays: &[HostArray]) -> Vec<f64> {
    arrays.iter().flat_map(|a| a.to_f64()).collect()
}

fn l2(a: &[f64], b: &[f64]) -> f64 {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).powi(2))
        .sum::<f64>()
        .sqrt()
}

#[test]
fn removing_one_example_moves_the_clipped_sum_by_at_most_c() {
    // Invariant 2: with clip norm C, the sum over a batch and over the same batch
    // without example i differ by example i's clipped gradient, of norm ≤ C.
    // A tiny C makes every raw gradient norm exceed it, so clipping is active.
    let c = 1e-3;
    let mut rng = rand::rngs::StdRng::seed_from_u64(1);
    let (images, labels) = batch(&mut rng, 8, 50.0);
    let full = vec![1.0f32; 8];
    let mut e = engine(&small_mlp(), Some(c), None, 1, 1);
    let stats = e.accumulate(&images, &labels, &full).unwrap();
    assert_eq!(stats.clipped, 8.0, "every example should be clipped");
    let with_all = flat(&e.accumulators().unwrap());
    for i in 0..8 {
        e.reset_accumulators().unwrap();
        let mut mask = full.clone();
        mask[i] = 0.0;
        e.accumulate(&images, &labels, &mask).unwrap();
        let d = l2(&with_all, &flat(&e.accumulators().unwrap()));
        // An active clip makes the difference exactly C (up to f32 rounding).
        assert!(d <= c * (1.0 + 1e-5), "example {i}: moved by {d} > C = {c}");
        assert!(
            d >= c * 0.999,
            "example {i}: clipped gradient norm {d} should be C"
        );
    }
}

#[test]
fn padded_rows_contribute_exactly_zero() {
    // Invariant 1: masked rows change nothing, whatever they contain.
    let mut rng = rand::rngs::StdRng::seed_from_u64(2);
    let (mut images, mut labels) = batch(&mut rng, 8, 1.0);
    let mask: Vec<f32> = (0..8).map(|i| if i < 5 { 1.0 } else { 0.0 }).collect();
    let mut a = engine(&small_mlp(), Some(1.0), None, 1, 2);
    a.accumulate(&images, &labels, &mask).unwrap();
    let zeros_padding = flat(&a.accumulators().unwrap());
    // Fill the padded rows with garbage: huge values and other labels.
    if let dpxla_core::array::ArrayData::F32(v) = &mut images.data {
        for x in &mut v[5 * 16..] {
            *x = 1e6;
        }
    }
    for l in &mut labels[5..] {
        *l = 2;
    }
    let mut b = engine(&small_mlp(), Some(1.0), None, 1, 2);
    let stats = b.accumulate(&images, &labels, &mask).unwrap();
    assert_eq!(
        flat(&b.accumulators().unwrap()),
        zeros_padding,
        "bit-identical"
    );
    assert!(
        stats.clipped <= 5.0,
        "padded rows are not counted as clipped"
    );
}

#[test]
fn microbatches_accumulate_to_the_big_batch() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(3);
    let (images, labels) = batch(&mut rng, 16, 3.0);
    let mut big = engine(&small_mlp(), Some(1.0), None, 1, 3);
    big.accumulate(&images, &labels, &[1.0; 16]).unwrap();
    let mut small = engine(&small_mlp(), Some(1.0), None, 1, 3);
    let v = images.to_f64();
    for half in 0..2 {
        let part = HostArray::from_f64(
            vec![8, 4, 4, 1],
            &v[half * 128..(half + 1) * 128],
            dpxla_core::array::DType::F32,
        );
        small
            .accumulate(&part, &labels[half * 8..(half + 1) * 8], &[1.0; 8])
            .unwrap();
    }
    let (a, b) = (
        flat(&big.accumulators().unwrap()),
        flat(&small.accumulators().unwrap()),
    );
    assert!(
        l2(&a, &b) <= 1e-5 * (1.0 + a.iter().map(|x| x * x).sum::<f64>().sqrt()),
        "differ by {}",
        l2(&a, &b)
    );
}

#[test]
fn noise_has_standard_deviation_sigma_c_over_expected_batch() {
    // Invariant 3: with zero accumulated gradient, SGD (lr = 1) from zero
    // parameters gives p' = −N(0, σ²C²)/(qN) per coordinate. The 784-512-512-10
    // MLP has 669,706 coordinates: the sample std is within 0.3% of σC/(qN)
    // with overwhelming probability (its relative s.e. is 1/sqrt(2n) = 0.09%).
    let (sigma, c, expected) = (1.3, 0.7, 50.0);
    let clipping = Clipping::new(c, ClipMode::Flat, ClipMethod::Auto).unwrap();
    let mechanism = DpMechanism::new(clipping, sigma, expected).unwrap();
    let spec = EngineSpec::new(
        &Mlp::mnist(),
        Some(mechanism),
        Optimizer::default(),
        Averaging::None,
    )
    .unwrap();
    let zeros: Vec<HostArray> = spec
        .loss
        .params
        .iter()
        .map(|s| HostArray::f32(s.shape.clone(), vec![0.0; s.numel()]))
        .collect();
    let mut e = Engine::new(test_client(), spec, &HostState::fresh(zeros)).unwrap();
    e.apply([1, 2, 3, 4], 1.0, 1, 0).unwrap();
    let p = flat(&e.state().unwrap().params);
    let m = p.iter().sum::<f64>() / p.len() as f64;
    let sd = (p.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (p.len() - 1) as f64).sqrt();
    let want = sigma * c / expected;
    assert!(
        (sd / want - 1.0).abs() < 0.003,
        "std {sd}, want σC/(qN) = {want}"
    );
    assert!(m.abs() < 5.0 * want / (p.len() as f64).sqrt(), "mean {m}");
    // A second step uses a new key: different noise.
    let before = p.clone();
    e.apply([5, 6, 7, 8], 1.0, 2, 0).unwrap();
    let after = flat(&e.state().unwrap().params);
    let step2: Vec<f64> = after.iter().zip(&before).map(|(a, b)| a - b).collect();
    assert!(
        l2(&step2, &before.iter().map(|x| -x).collect::<Vec<_>>()) > 1.0,
        "noise must differ between keys"
    );
}

#[test]
fn private_update_divides_by_the_expected_not_the_realised_batch_size() {
    // σ = 0 isolates the scaling: one example's clipped gradient g, summed and
    // divided by qN = 10 (not by the realised batch size 1, nor by the count
    // argument, which the private program ignores).
    let model = small_mlp();
    let mut rng = rand::rngs::StdRng::seed_from_u64(4);
    let (images, labels) = batch(&mut rng, 8, 1.0);
    let mut mask = vec![0.0f32; 8];
    mask[0] = 1.0;
    let mut e = engine(&model, Some(100.0), Some((0.0, 10.0)), 1, 5);
    let p0 = flat(&e.state().unwrap().params);
    e.accumulate(&images, &labels, &mask).unwrap();
    let g = flat(&e.accumulators().unwrap());
    e.apply([0, 0, 0, 1], 1.0, 1, 1).unwrap();
    let p1 = flat(&e.state().unwrap().params);
    for ((a, b), gi) in p0.iter().zip(&p1).zip(&g) {
        assert!(
            (a - b - gi / 10.0).abs() < 1e-6 * (1.0 + gi.abs()),
            "{a} - {b} != {gi}/10"
        );
    }
    assert!(
        flat(&e.accumulators().unwrap()).iter().all(|&x| x == 0.0),
        "accumulators reset"
    );
}

#[test]
fn batch_sizes_follow_binomial_n_q() {
    // Invariant 1: sizes ~ Binomial(N, q): mean Nq, variance Nq(1 − q). Over
    // 2000 draws with N = 1000, q = 0.05 the sample mean has s.e. 0.15 and the
    // sample variance has relative s.e. ~3.2%.
    let (n, q, draws) = (1000usize, 0.05, 2000);
    let mut rng = StreamRng::from_fixed_seed(11, 0);
    let sizes: Vec<f64> = (0..draws)
        .map(|_| poisson_batch(&mut rng, n, q).len() as f64)
        .collect();
    let mean = sizes.iter().sum::<f64>() / draws as f64;
    let var = sizes.iter().map(|s| (s - mean).powi(2)).sum::<f64>() / (draws - 1) as f64;
    let (mu, v) = (n as f64 * q, n as f64 * q * (1.0 - q));
    assert!(
        (mean - mu).abs() < 5.0 * (v / draws as f64).sqrt(),
        "mean {mean} vs {mu}"
    );
    assert!((var / v - 1.0).abs() < 0.15, "variance {var} vs {v}");
    // Membership is independent per example: each index appears ~q of the time.
    let mut hits = vec![0usize; n];
    for _ in 0..draws {
        for i in poisson_batch(&mut rng, n, q) {
            hits[i] += 1;
        }
    }
    let per = q * draws as f64;
    let sd = (draws as f64 * q * (1.0 - q)).sqrt();
    assert!(
        hits.iter().all(|&h| (h as f64 - per).abs() < 6.0 * sd),
        "some index is sampled far from q"
    );
    // Sizes vary (not a fixed batch).
    assert!(sizes.iter().any(|&s| s != sizes[0]));
}

#[test]
fn multiplicity_of_identical_views_equals_no_multiplicity() {
    // The K-view loss is the mean over views, so K identical views give the same
    // per-example gradient (and the same clipping) as K = 1.
    let mut rng = rand::rngs::StdRng::seed_from_u64(6);
    let (images, labels) = batch(&mut rng, 8, 2.0);
    let mut one = engine(&small_mlp(), Some(0.3), None, 1, 7);
    one.accumulate(&images, &labels, &[1.0; 8]).unwrap();
    let v = images.to_f64();
    let k = 3;
    let mut rep = Vec::new();
    for i in 0..8 {
        for _ in 0..k {
            rep.extend_from_slice(&v[i * 16..(i + 1) * 16]);
        }
    }
    let views = HostArray::from_f64(vec![8, k, 4, 4, 1], &rep, dpxla_core::array::DType::F32);
    let mut three = engine(&small_mlp(), Some(0.3), None, k, 7);
    three.accumulate(&views, &labels, &[1.0; 8]).unwrap();
    let (a, b) = (
        flat(&one.accumulators().unwrap()),
        flat(&three.accumulators().unwrap()),
    );
    assert!(
        l2(&a, &b) < 1e-5,
        "K identical views differ from K = 1 by {}",
        l2(&a, &b)
    );
}

#[test]
fn non_private_accumulation_is_the_unclipped_sum() {
    // The non-private program differentiates Σ mask·loss directly; with a clip
    // norm no gradient reaches, the private program's clipped sum is the same.
    let mut rng = rand::rngs::StdRng::seed_from_u64(8);
    let (images, labels) = batch(&mut rng, 8, 1.0);
    let mask = [1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.0, 1.0];
    let mut plain = engine(&small_mlp(), None, None, 1, 9);
    let s1 = plain.accumulate(&images, &labels, &mask).unwrap();
    let mut huge = engine(&small_mlp(), Some(1e9), None, 1, 9);
    let s2 = huge.accumulate(&images, &labels, &mask).unwrap();
    let (a, b) = (
        flat(&plain.accumulators().unwrap()),
        flat(&huge.accumulators().unwrap()),
    );
    assert!(
        l2(&a, &b) < 1e-5 * (1.0 + l2(&a, &vec![0.0; a.len()])),
        "differ by {}",
        l2(&a, &b)
    );
    assert!((s1.loss_sum - s2.loss_sum).abs() < 1e-4);
    assert_eq!(s2.clipped, 0.0);
}

#[test]
fn per_layer_clipping_also_bounds_the_sensitivity_by_c() {
    // Per-layer: each of the m tensors is clipped to C/√m, so one example's
    // whole clipped gradient has norm ≤ √(m·C²/m) = C.
    let c = 1e-3;
    let mut rng = rand::rngs::StdRng::seed_from_u64(12);
    let (images, labels) = batch(&mut rng, 8, 5.0);
    let mut e = engine_with_mode(&small_mlp(), Some(c), ClipMode::PerLayer, None, 1, 3);
    let stats = e.accumulate(&images, &labels, &[1.0; 8]).unwrap();
    assert!(stats.clipped > 0.0);
    let all = flat(&e.accumulators().unwrap());
    for i in 0..8 {
        e.reset_accumulators().unwrap();
        let mut mask = vec![1.0f32; 8];
        mask[i] = 0.0;
        e.accumulate(&images, &labels, &mask).unwrap();
        let d = l2(&all, &flat(&e.accumulators().unwrap()));
        assert!(d <= c * (1.0 + 1e-5), "example {i}: moved by {d} > C = {c}");
    }
}
