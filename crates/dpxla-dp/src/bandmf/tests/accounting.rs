//! The reduction of amplified BandMF to Poisson-Gaussian events.

use crate::bandmf::{
    amplified_bandmf_events, compositions, optimize_banded_toeplitz, partition_sampling_prob,
    BandedToeplitz, EquivalentEvent, Objective, OptimizeOptions,
};

#[test]
fn jax_privacy_cycle_length_example() {
    // Facts (jax_privacy accounting/analysis_test.py, cycle-length tests): batch
    // 1024 from 50 000 · 64 examples in 64 cycles, 10 000 · 64 steps, noise 4 has
    // the same ε as DP-SGD at q = 1024 / 50 000, σ = 4, 10 000 steps
    // (ε = 2.09245 by PLD, 2.27535 by RDP at δ = 1e-5); so do 50 000 · 64 + 63
    // examples and 9 999 · 64 + 1 steps.
    let expected = EquivalentEvent {
        q: 1024.0 / 50_000.0,
        sigma: 4.0,
        steps: 10_000,
    };
    // A 64-partition cycle with a 1-band strategy (sensitivity 1, as in that test).
    for (examples, steps) in [
        (50_000 * 64, 10_000 * 64),
        (50_000 * 64 + 63, 10_000 * 64),
        (50_000 * 64, 9_999 * 64 + 1),
    ] {
        let q = partition_sampling_prob(1024.0, examples, 64).unwrap();
        let events =
            amplified_bandmf_events(&BandedToeplitz::identity(), steps, 64, q, 4.0).unwrap();
        assert_eq!(events, vec![expected], "{examples} examples, {steps} steps");
    }
}

#[test]
fn one_band_one_partition_is_dp_sgd_bit_for_bit() {
    let (q, sigma) = (0.013_f64, 1.1_f64);
    let events = amplified_bandmf_events(&BandedToeplitz::identity(), 777, 1, q, sigma).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].q.to_bits(), q.to_bits());
    assert_eq!(events[0].sigma.to_bits(), sigma.to_bits());
    assert_eq!(events[0].steps, 777);
}

#[test]
fn noise_is_divided_by_the_sensitivity() {
    let s = optimize_banded_toeplitz(100, 4, Objective::MeanSquared, OptimizeOptions::default())
        .unwrap();
    let sens = s.sensitivity(100).unwrap();
    assert!(sens > 1.0);
    let events = amplified_bandmf_events(&s, 100, 4, 0.1, 2.0).unwrap();
    assert_eq!(
        events,
        vec![EquivalentEvent {
            q: 0.1,
            sigma: 2.0 / sens,
            steps: 25
        }]
    );
    // More partitions than bands is allowed (fewer compositions).
    assert_eq!(
        amplified_bandmf_events(&s, 100, 10, 0.1, 2.0).unwrap()[0].steps,
        10
    );
}

#[test]
fn compositions_round_up() {
    assert_eq!(compositions(10, 4).unwrap(), 3);
    assert_eq!(compositions(12, 4).unwrap(), 3);
    assert_eq!(compositions(13, 4).unwrap(), 4);
    assert_eq!(compositions(3, 4).unwrap(), 1);
    assert!(compositions(0, 4).is_err() && compositions(4, 0).is_err());
}

#[test]
fn invalid_reductions_are_rejected() {
    let s = BandedToeplitz::sqrt_prefix_sum(4).unwrap();
    assert!(amplified_bandmf_events(&s, 100, 3, 0.1, 1.0).is_err()); // partitions < bands
    assert!(amplified_bandmf_events(&s, 100, 4, 0.0, 1.0).is_err());
    assert!(amplified_bandmf_events(&s, 100, 4, 1.5, 1.0).is_err());
    assert!(amplified_bandmf_events(&s, 100, 4, 0.1, 0.0).is_err());
    assert!(amplified_bandmf_events(&s, 0, 4, 0.1, 1.0).is_err());
    assert!(partition_sampling_prob(600.0, 1000, 2).is_err()); // q > 1
    assert!(partition_sampling_prob(1.0, 3, 4).is_err()); // empty parts
}
