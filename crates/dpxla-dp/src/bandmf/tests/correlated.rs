//! The noise generator against the matrix form, its state and its checks.

use super::dense::{materialize, solve_lower};
use super::rng::TestRng;
use crate::bandmf::{
    optimize_banded_toeplitz, BandedToeplitz, CorrelatedNoise, Objective, OptimizeOptions,
};

fn strategy(n: usize, bands: usize) -> BandedToeplitz {
    optimize_banded_toeplitz(n, bands, Objective::MeanSquared, OptimizeOptions::default()).unwrap()
}

/// Runs `steps` steps on `len` elements; returns (z, w) as [step][element].
fn run(s: &BandedToeplitz, steps: usize, len: usize, seed: u64) -> (Vec<Vec<f64>>, Vec<Vec<f64>>) {
    let mut rng = TestRng::new(seed);
    let mut gen = CorrelatedNoise::<f64>::new(s, len);
    let (mut zs, mut ws) = (Vec::new(), Vec::new());
    for _ in 0..steps {
        let z: Vec<f64> = (0..len).map(|_| 1.3 * rng.normal()).collect();
        let mut w = z.clone();
        gen.apply(&mut w).unwrap();
        zs.push(z);
        ws.push(w);
    }
    (zs, ws)
}

#[test]
fn one_band_is_the_identity_bit_for_bit() {
    let mut rng = TestRng::new(4);
    let mut g64 = CorrelatedNoise::<f64>::new(&BandedToeplitz::identity(), 33);
    let mut g32 = CorrelatedNoise::<f32>::new(&BandedToeplitz::identity(), 33);
    for _ in 0..20 {
        let z64: Vec<f64> = (0..33).map(|_| rng.normal() * 1e3).collect();
        let z32: Vec<f32> = z64.iter().map(|&v| v as f32).collect();
        let (mut w64, mut w32) = (z64.clone(), z32.clone());
        g64.apply(&mut w64).unwrap();
        g32.apply(&mut w32).unwrap();
        assert!(w64
            .iter()
            .zip(&z64)
            .all(|(a, b)| a.to_bits() == b.to_bits()));
        assert!(w32
            .iter()
            .zip(&z32)
            .all(|(a, b)| a.to_bits() == b.to_bits()));
    }
}

#[test]
fn recursion_equals_the_triangular_solve() {
    for (n, bands) in [(30, 2), (30, 4), (40, 7)] {
        let s = strategy(n, bands);
        let c = materialize(&s, n);
        let (zs, ws) = run(&s, n, 3, 5 + bands as u64);
        for e in 0..3 {
            let z: Vec<f64> = zs.iter().map(|z| z[e]).collect();
            let expected = solve_lower(&c, &z);
            for t in 0..n {
                let diff = (ws[t][e] - expected[t]).abs();
                assert!(
                    diff < 1e-10,
                    "b={bands} t={t}: {} vs {}",
                    ws[t][e],
                    expected[t]
                );
            }
        }
        // Really correlated: not the independent draw.
        assert!(ws
            .iter()
            .zip(&zs)
            .skip(1)
            .any(|(w, z)| (w[0] - z[0]).abs() > 1e-3));
    }
}

#[test]
fn f32_recursion_tracks_the_f64_solve() {
    let (n, bands) = (50, 4);
    let s = strategy(n, bands);
    let c = materialize(&s, n);
    let mut rng = TestRng::new(6);
    let mut gen = CorrelatedNoise::<f32>::new(&s, 1);
    let z: Vec<f64> = (0..n).map(|_| rng.normal()).collect();
    let expected = solve_lower(&c, &z.iter().map(|&v| v as f32 as f64).collect::<Vec<_>>());
    for t in 0..n {
        let mut w = [z[t] as f32];
        gen.apply(&mut w).unwrap();
        assert!(
            (w[0] as f64 - expected[t]).abs() < 1e-4 * expected[t].abs().max(1.0),
            "t={t}"
        );
    }
}

#[test]
fn a_restored_state_continues_identically() {
    let s = strategy(20, 5);
    let mut rng = TestRng::new(7);
    let mut gen = CorrelatedNoise::<f32>::new(&s, 8);
    let draw = |rng: &mut TestRng| -> Vec<f32> { (0..8).map(|_| rng.normal() as f32).collect() };
    for _ in 0..6 {
        gen.apply(&mut draw(&mut rng)).unwrap();
    }
    let json = serde_json::to_string(&gen).unwrap();
    let mut restored: CorrelatedNoise<f32> = serde_json::from_str(&json).unwrap();
    restored.validate().unwrap();
    assert!(restored.matches(&s) && restored.steps() == 6);
    for _ in 0..10 {
        let z = draw(&mut rng);
        let (mut a, mut b) = (z.clone(), z);
        gen.apply(&mut a).unwrap();
        restored.apply(&mut b).unwrap();
        assert!(a.iter().zip(&b).all(|(x, y)| x.to_bits() == y.to_bits()));
    }
}

#[test]
fn bad_inputs_and_states_are_rejected() {
    let s = strategy(10, 3);
    let mut gen = CorrelatedNoise::<f64>::new(&s, 4);
    assert!(gen.apply(&mut [0.0; 5]).is_err());
    assert_eq!(gen.steps(), 0);
    let mut value = serde_json::to_value(&gen).unwrap();
    value["history"].as_array_mut().unwrap().pop();
    let broken: CorrelatedNoise<f64> = serde_json::from_value(value).unwrap();
    assert!(broken.validate().is_err());
    assert!(!gen.matches(&BandedToeplitz::identity()));
}
