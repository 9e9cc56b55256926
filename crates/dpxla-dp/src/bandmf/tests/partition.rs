//! The public partition and the participation bound of cyclic Poisson sampling.

use super::dense::{materialize, matmul, transpose};
use super::rng::TestRng;
use crate::bandmf::{
    compositions, optimize_banded_toeplitz, participation_steps, partition_of, step_partition,
    Objective, OptimizeOptions,
};

#[test]
fn partition_is_deterministic_and_keyed_by_the_seed() {
    let a: Vec<usize> = (0..200).map(|i| partition_of(9, i, 7).unwrap()).collect();
    let b: Vec<usize> = (0..200).map(|i| partition_of(9, i, 7).unwrap()).collect();
    let c: Vec<usize> = (0..200).map(|i| partition_of(10, i, 7).unwrap()).collect();
    assert_eq!(a, b);
    assert_ne!(a, c);
    assert!(a.iter().all(|&p| p < 7));
    assert!((0..50).all(|i| partition_of(3, i, 1).unwrap() == 0));
    assert!(partition_of(3, 0, 0).is_err());
}

#[test]
fn parts_are_balanced() {
    let (examples, parts) = (64_000_u64, 8);
    let mut sizes = vec![0_u64; parts];
    for i in 0..examples {
        sizes[partition_of(42, i, parts).unwrap()] += 1;
    }
    let mean = examples as f64 / parts as f64;
    let sd = (mean * (1.0 - 1.0 / parts as f64)).sqrt();
    for (k, &s) in sizes.iter().enumerate() {
        assert!(
            (s as f64 - mean).abs() < 5.0 * sd,
            "part {k}: {s} vs {mean}"
        );
    }
}

#[test]
fn participation_is_bounded_and_separated() {
    // Simulate cyclic Poisson sampling: an example is in step t's batch only if
    // its part is t mod b; with p = 1 it participates every time it can.
    let mut rng = TestRng::new(11);
    for (steps, parts) in [(100_u64, 4_usize), (101, 4), (7, 8), (64, 1)] {
        let bound = compositions(steps, parts).unwrap();
        let mut most = 0;
        for example in 0..300 {
            let part = partition_of(5, example, parts).unwrap();
            let p = if example % 2 == 0 { 1.0 } else { 0.3 };
            let taken: Vec<u64> = (0..steps)
                .filter(|&t| step_partition(t, parts).unwrap() == part && rng.uniform() < p)
                .collect();
            let possible: Vec<u64> = participation_steps(part, steps, parts).unwrap().collect();
            assert!(taken.iter().all(|t| possible.contains(t)));
            assert!(taken.len() as u64 <= bound);
            assert!(taken.windows(2).all(|w| w[1] - w[0] >= parts as u64));
            most = most.max(possible.len() as u64);
        }
        assert_eq!(most, bound, "{steps} steps, {parts} parts");
        assert_eq!(
            participation_steps(0, steps, parts).unwrap().count() as u64,
            bound
        );
    }
    assert!(participation_steps(4, 10, 4).is_err());
}

#[test]
fn participations_b_apart_hit_orthogonal_columns() {
    // Why the participations compose as independent mechanisms: (CᵀC)_ij = 0
    // whenever |i − j| ≥ b, and not in general for |i − j| < b.
    let (n, bands) = (30, 5);
    let s = optimize_banded_toeplitz(n, bands, Objective::MeanSquared, OptimizeOptions::default())
        .unwrap();
    let c = materialize(&s, n);
    let gram = matmul(&transpose(&c), &c);
    for (i, row) in gram.iter().enumerate() {
        for (j, &g) in row.iter().enumerate() {
            if i.abs_diff(j) >= bands {
                assert_eq!(g, 0.0, "({i}, {j})");
            }
        }
    }
    assert!(gram[0][bands - 1].abs() > 1e-6);
}
