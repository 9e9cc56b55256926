//! The closed forms of `dpxla_core::transform::ws_jacobian` against dpxla's own vjp of
//! `standardize_kernel` (what `vmap(grad)` computes per example), in f64.

use super::standardize_kernel;
use dpxla_core::array::{DType, HostArray};
use dpxla_core::trace::{eval, Aval, Builder};
use dpxla_core::transform::value_and_grad;
use dpxla_core::transform::ws_jacobian::WsJacobian;
use rand::{Rng, SeedableRng};

const EPS: f64 = 1e-4;
const SHAPE: [usize; 4] = [2, 3, 2, 4];
const B: usize = 3;

/// w with channel 3 under the floor (‖c‖² ≈ 12·(1e-3)²/3 < ε), the others
/// far above it; gain with a negative entry; M_b random.
fn data(seed: u64) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let n: usize = SHAPE.iter().product();
    let w: Vec<f64> = (0..n)
        .map(|i| {
            let u: f64 = rng.gen_range(-1.0..1.0);
            if i % 4 == 3 {
                0.3 + 1e-3 * u
            } else {
                u
            }
        })
        .collect();
    let gain = vec![1.3, -0.7, 2.0, 0.9];
    let m: Vec<f64> = (0..B * n).map(|_| rng.gen_range(-1.0..1.0)).collect();
    (w, gain, m)
}

/// ∂/∂w of Σ (standardize_kernel(w)·gain) ⊙ m_b, per example, by vjp.
fn reference(w: &[f64], gain: &[f64], m: &[f64]) -> Vec<Vec<f64>> {
    let b = Builder::new();
    let wt = b.input(Aval::new(SHAPE, DType::F64));
    let gt = b.input(Aval::new([4], DType::F64));
    let mt = b.input(Aval::new(SHAPE, DType::F64));
    let k = standardize_kernel(wt, EPS) * gt.broadcast_in_dim(&SHAPE, &[3]);
    let g = b.finish(&[(k * mt).sum_all()]).unwrap();
    let vg = value_and_grad(&g, &[0]).unwrap();
    let n = w.len();
    (0..B)
        .map(|i| {
            let args = [
                HostArray::f64(SHAPE, w.to_vec()),
                HostArray::f64([4], gain.to_vec()),
                HostArray::f64(SHAPE, m[i * n..(i + 1) * n].to_vec()),
            ];
            eval(&vg, &args).unwrap()[1].to_f64()
        })
        .collect()
}

/// J(M_b) `[B, ...]` and ‖J(M_b)‖² `[B]` by the closed forms.
fn closed_forms(w: &[f64], gain: &[f64], m: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let b = Builder::new();
    let wt = b.input(Aval::new(SHAPE, DType::F64));
    let gt = b.input(Aval::new([4], DType::F64));
    let mut bs = vec![B];
    bs.extend(SHAPE);
    let mt = b.input(Aval::new(bs.clone(), DType::F64));
    let j = WsJacobian::new(wt, Some(gt), EPS);
    let applied = j.apply(mt);
    let ms = mt * j.scale.broadcast_in_dim(&bs, &[4]);
    let sq = ms.square().sum(&[1, 2, 3, 4]);
    let ones = ms.sum(&[1, 2, 3]);
    let what = (ms * j.what.broadcast_in_dim(&bs, &[1, 2, 3, 4])).sum(&[1, 2, 3]);
    let norm = j.sq_norm(sq, ones, what);
    let g = b.finish(&[applied, norm]).unwrap();
    let args = [
        HostArray::f64(SHAPE, w.to_vec()),
        HostArray::f64([4], gain.to_vec()),
        HostArray::f64(bs, m.to_vec()),
    ];
    let out = eval(&g, &args).unwrap();
    (out[0].to_f64(), out[1].to_f64())
}

#[test]
fn ws_jacobian_and_its_norm_match_the_vjp_on_both_sides_of_the_floor() {
    for seed in [1, 2, 3] {
        let (w, gain, m) = data(seed);
        let want = reference(&w, &gain, &m);
        let (applied, norm) = closed_forms(&w, &gain, &m);
        let n = w.len();
        for (i, want_b) in want.iter().enumerate() {
            let got = &applied[i * n..(i + 1) * n];
            let scale = want_b.iter().map(|x| x.abs()).fold(0.0, f64::max);
            for (g, r) in got.iter().zip(want_b) {
                assert!((g - r).abs() <= 1e-10 * scale, "J(M): {g} vs {r}");
            }
            let sq: f64 = want_b.iter().map(|x| x * x).sum();
            assert!(
                (norm[i] - sq).abs() <= 1e-10 * sq,
                "‖J(M)‖²: {} vs {sq}",
                norm[i]
            );
            // The floored channel (3) is where the map is 1/√ε times the
            // centring alone: its gradient is large, and it sums to zero.
            let col3: f64 = want_b.iter().skip(3).step_by(4).sum();
            assert!(col3.abs() <= 1e-8 * scale);
        }
    }
}

#[test]
fn ws_jacobian_op_norm_bounds_every_image() {
    let (w, gain, m) = data(4);
    let b = Builder::new();
    let wt = b.input(Aval::new(SHAPE, DType::F64));
    let gt = b.input(Aval::new([4], DType::F64));
    let mut bs = vec![B];
    bs.extend(SHAPE);
    let mt = b.input(Aval::new(bs.clone(), DType::F64));
    let j = WsJacobian::new(wt, Some(gt), EPS);
    let g = b.finish(&[j.apply(mt), j.op_norm()]).unwrap();
    let args = [
        HostArray::f64(SHAPE, w.to_vec()),
        HostArray::f64([4], gain.to_vec()),
        HostArray::f64(bs, m.clone()),
    ];
    let out = eval(&g, &args).unwrap();
    let (img, op) = (out[0].to_f64(), out[1].to_f64()[0]);
    let n = w.len();
    for i in 0..B {
        let x: f64 = m[i * n..(i + 1) * n].iter().map(|v| v * v).sum();
        let y: f64 = img[i * n..(i + 1) * n].iter().map(|v| v * v).sum();
        assert!(y.sqrt() <= op * x.sqrt() * (1.0 + 1e-12));
    }
    // Under the floor |gain|/√ε = 90 dominates the other channels' |gain|/s.
    assert!((op - 0.9 / EPS.sqrt()).abs() < 1e-9 * op);
}

/// ∂/∂w of Σ ŵ(w) ⊙ m, with ŵ marked (`Tensor::ws_standardised`: the
/// gradient is J written out, gain 1) or not (autodiff of the ops).
fn marked_or_plain(w: &[f64], m: &[f64], marked: bool) -> (Vec<f64>, Vec<f64>) {
    let b = Builder::new();
    let wt = b.input(Aval::new(SHAPE, DType::F64));
    let mt = b.input(Aval::new(SHAPE, DType::F64));
    let plain = standardize_kernel(wt, EPS);
    let what = if marked {
        wt.ws_standardised(plain, EPS)
    } else {
        plain
    };
    let fwd = b.finish(&[what]).unwrap();
    let g = b.finish(&[(what * mt).sum_all()]).unwrap();
    let vg = value_and_grad(&g, &[0]).unwrap();
    let args = [
        HostArray::f64(SHAPE, w.to_vec()),
        HostArray::f64(SHAPE, m.to_vec()),
    ];
    let value = eval(&fwd, &args).unwrap()[0].to_f64();
    (value, eval(&vg, &args).unwrap()[1].to_f64())
}

#[test]
fn the_marked_standardisation_has_the_plain_value_and_gradient() {
    let (w, _, m) = data(11);
    let n = w.len();
    let (v0, g0) = marked_or_plain(&w, &m[..n], false);
    let (v1, g1) = marked_or_plain(&w, &m[..n], true);
    assert_eq!(v0, v1, "the marker changes no value");
    let scale = g0.iter().map(|x| x * x).sum::<f64>().sqrt();
    for (a, b) in g0.iter().zip(&g1) {
        assert!((a - b).abs() <= 1e-12 * scale, "{a} vs {b}");
    }
}
