//! Float sensitivity of clipping (issue 10, item 7; Casacuberta et al. 2022,
//! "Widespread underestimation of sensitivity in differentially private
//! libraries and how to fix it"): the clipped gradient's norm, computed from
//! the f32 numbers the program actually adds up, is ≤ C, on a 25M-coordinate
//! gradient built so that an f32 sum of squares loses the small terms.

use dpxla_core::trace::{Aval, Builder};

use dpxla_core::array::{DType, HostArray};
use dpxla_dp::clip::{clip_weights, weighted_sum, Clipping};
use dpxla_pjrt::program::{to_device, to_host, Program};
use dpxla_pjrt::runtime::CompileOptions;
use dpxla_testkit::pjrt::test_client;

/// `[1, n]` → the clipped `[n]` gradient, exactly as the accumulate step forms it.
fn clipped(g: &[f32], c: f64) -> Vec<f64> {
    let n = g.len();
    let b = Builder::new();
    let x = b.input(Aval::new([1, n], DType::F32));
    let mask = b.full(1.0, &[1], DType::F32);
    let (w, safe, _) = clip_weights(&[x], mask, &Clipping::flat(c).unwrap());
    let out = weighted_sum(w[0], safe[0]);
    let graph = b.finish(&[out]).unwrap();
    let client = test_client();
    let prog = Program::compile(
        client,
        &graph,
        &Default::default(),
        &CompileOptions::default(),
    )
    .unwrap();
    let buf = to_device(client, &HostArray::f32([1, n], g.to_vec()), 0).unwrap();
    to_host(&prog.run(&[&buf]).unwrap()[0]).unwrap().to_f64()
}

/// ‖v‖ of f32 values, summed exactly enough in f64 (pairs of f32 squares are
/// exact in f64; n·2⁻⁵³ relative error is far below what is tested).
fn norm(v: &[f64]) -> f64 {
    v.iter().map(|x| x * x).sum::<f64>().sqrt()
}

#[test]
fn clipped_gradient_norm_is_at_most_c_on_25m_coordinates() {
    let n = 25_000_000;
    let c = 1.0;
    for (name, g) in patterns(n) {
        let true_norm = norm(&g.iter().map(|&x| x as f64).collect::<Vec<_>>());
        assert!(true_norm > 10.0 * c, "{name}: the gradient must be clipped");
        let got = norm(&clipped(&g, c));
        assert!(
            got <= c,
            "{name}: clipped norm {got:.9} > C = {c} (by {:.3e})",
            got / c - 1.0
        );
        assert!(got >= c * (1.0 - 1e-5), "{name}: clipped norm {got} ≪ C");
    }
}

/// Gradients whose f32 sum of squares underestimates the norm: many small
/// coordinates whose squares vanish next to a large running sum.
fn patterns(n: usize) -> Vec<(&'static str, Vec<f32>)> {
    // One large coordinate every 33 (so every SIMD lane and every window of a
    // tree reduction holds some), the rest small: their squares fall below
    // half an ulp of a partial sum ≥ 1.
    let strided: Vec<f32> = (0..n)
        .map(|i| if i % 33 == 0 { 1.0 } else { 1.5e-4 })
        .collect();
    // Large head, small tail.
    let head: Vec<f32> = (0..n)
        .map(|i| if i < 4096 { 1.0 } else { 1.5e-4 })
        .collect();
    // Moderate values everywhere: the sum grows to ~1e7 where ulp(sum) = 1.
    let flat: Vec<f32> = (0..n).map(|i| 0.6 + 0.1 * ((i % 7) as f32)).collect();
    vec![("strided", strided), ("head", head), ("flat", flat)]
}
