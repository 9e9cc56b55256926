//! The scattering front end (`nn::layers::scatter`) and its stored form
//! (`scatter_codec`), on the f64/f32 interpreter (no XLA): the transform's
//! shape and basic properties, the 16-bit code's round trip, and that the
//! model on precomputed features (`scatterfeat_linear`, what
//! `dpxla features scatter` + training run) computes the same logits as the
//! end-to-end traced model (`scatter_linear`) with the same parameters.

use dpxla_core::trace::{eval, Aval, Builder};

use dpxla_core::array::{ArrayData, DType, HostArray};
use dpxla_nn::layers::scatter::{scattering, ScatterSpec};
use dpxla_nn::layers::scatter_codec::{decode, encode, encode_features};
use dpxla_nn::{by_name, init_params, trace_example_fn, ExampleFn};

/// A 28x28 test image in [0, 1]: a bright block with a diagonal stripe.
fn image() -> Vec<f32> {
    (0..28 * 28)
        .map(|k| {
            let (i, j) = (k / 28, k % 28);
            let block = (6..22).contains(&i) && (9..19).contains(&j);
            let stripe = (i + j) % 7 == 0;
            match (block, stripe) {
                (true, true) => 0.3,
                (true, false) => 0.9,
                (false, true) => 0.5,
                _ => 0.0,
            }
        })
        .collect()
}

fn f32s(a: &HostArray) -> Vec<f32> {
    match &a.data {
        ArrayData::F32(v) => v.clone(),
        other => panic!("expected f32, got {other:?}"),
    }
}

/// The scattering of one image through the interpreter: `[7·7·81]`.
fn scatter(img: &[f32]) -> Vec<f32> {
    let b = Builder::new();
    let x = b.input(Aval::new(vec![1, 28, 28, 1], DType::F32));
    let y = scattering(x, &ScatterSpec::default());
    assert_eq!(y.shape(), vec![1, 7, 7, 81]);
    let g = b.finish(&[y]).unwrap();
    let input = HostArray {
        shape: vec![1, 28, 28, 1],
        data: ArrayData::F32(img.to_vec()),
    };
    f32s(&eval(&g, &[input]).unwrap()[0])
}

#[test]
fn scattering_is_nonnegative_and_vanishes_on_a_black_image() {
    let s = scatter(&image());
    // (Low-passed moduli: non-negative up to rounding.)
    assert!(s.iter().all(|v| v.is_finite() && *v >= -1e-6));
    // Every order carries signal: S0 (channel 0), S1 (1..17), S2 (17..81).
    let order_max = |range: std::ops::Range<usize>| {
        s.chunks(81)
            .flat_map(|pos| pos[range.clone()].to_vec())
            .fold(0f32, f32::max)
    };
    assert!(order_max(0..1) > 0.1, "S0");
    assert!(order_max(1..17) > 0.01, "S1");
    assert!(order_max(17..81) > 1e-4, "S2");
    let black = scatter(&[0.0; 28 * 28]);
    assert!(black.iter().all(|v| v.abs() < 1e-5), "{:?}", &black[..5]);
}

#[test]
fn the_16_bit_code_round_trips() {
    let mut prev = 0;
    for k in 0..2000 {
        let f = 1e-3 * 1.005f64.powi(k); // 1e-3 .. ~2.2e1, clamped above 4
        let q = encode(f);
        assert!(q >= prev, "monotone");
        prev = q;
        let back = decode(q);
        if f <= 4.0 {
            assert!((back - f).abs() <= 2e-4 * f, "{f} -> {q} -> {back}");
        } else {
            assert_eq!(q, u16::MAX);
        }
    }
    assert_eq!(encode(-1.0), 0);
    assert!(decode(0).abs() < 1e-12);
}

#[test]
fn precomputed_features_give_the_end_to_end_logits() {
    let logits: Box<ExampleFn> = Box::new(|m, p, x, _y| vec![m.logits(p, x)]);
    let e2e = by_name("scatter_linear").unwrap();
    let pre = by_name("scatterfeat_linear").unwrap();
    let (g_e2e, specs, _) = trace_example_fn(e2e.as_ref(), &logits).unwrap();
    let (g_pre, specs_pre, _) = trace_example_fn(pre.as_ref(), &logits).unwrap();
    assert_eq!(specs, specs_pre, "same parameters");
    let params: Vec<HostArray> = init_params(&specs, 7).into_iter().map(|(_, a)| a).collect();
    let label = HostArray {
        shape: vec![],
        data: ArrayData::I32(vec![0]),
    };
    let run = |g, x: HostArray| {
        let mut args = params.clone();
        args.extend([x, label.clone()]);
        f32s(&eval(g, &args).unwrap()[0])
    };
    let img = image();
    let a = run(
        &g_e2e,
        HostArray {
            shape: vec![28, 28, 1],
            data: ArrayData::F32(img.clone()),
        },
    );
    // What `dpxla features scatter` stores, as training reads it (byte / 255).
    let bytes = encode_features(&scatter(&img), 81);
    let b = run(
        &g_pre,
        HostArray {
            shape: vec![7, 7, 162],
            data: ArrayData::F32(bytes.iter().map(|&v| v as f32 / 255.0).collect()),
        },
    );
    assert_eq!(a.len(), 10);
    let scale = a.iter().fold(0f32, |m, v| m.max(v.abs()));
    for (x, y) in a.iter().zip(&b) {
        assert!((x - y).abs() <= 2e-3 * scale, "{a:?} vs {b:?}");
    }
}
