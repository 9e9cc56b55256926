//! The strategy optimisation.

use crate::bandmf::loss::loss_and_gradient;
use crate::bandmf::{
    evaluate, optimize_banded_toeplitz, BandedToeplitz, Objective, OptimizeOptions,
};

fn loss(s: &BandedToeplitz, n: usize, objective: Objective) -> f64 {
    evaluate(s, n, objective).unwrap().loss
}

#[test]
fn one_band_is_dp_sgd() {
    for objective in [Objective::MeanSquared, Objective::MaxSquared] {
        let s = optimize_banded_toeplitz(50, 1, objective, OptimizeOptions::default()).unwrap();
        assert_eq!(s, BandedToeplitz::identity());
    }
}

#[test]
fn optimised_bands_beat_identity_and_the_square_root() {
    for objective in [Objective::MeanSquared, Objective::MaxSquared] {
        for (n, bands) in [(100, 2), (100, 4), (100, 8), (64, 64)] {
            let opt =
                optimize_banded_toeplitz(n, bands, objective, OptimizeOptions::default()).unwrap();
            let identity = loss(&BandedToeplitz::identity(), n, objective);
            let sqrt = loss(
                &BandedToeplitz::sqrt_prefix_sum(bands).unwrap(),
                n,
                objective,
            );
            let got = loss(&opt, n, objective);
            assert_eq!(opt.bands(), bands);
            assert!(
                got < identity,
                "{objective:?} n={n} b={bands}: {got} vs identity {identity}"
            );
            assert!(
                got <= sqrt,
                "{objective:?} n={n} b={bands}: {got} vs sqrt {sqrt}"
            );
        }
    }
}

#[test]
fn more_bands_never_hurt() {
    let n = 100;
    let mut previous = f64::INFINITY;
    for bands in [1, 2, 4, 8, 16] {
        let s =
            optimize_banded_toeplitz(n, bands, Objective::MeanSquared, OptimizeOptions::default())
                .unwrap();
        let l = loss(&s, n, Objective::MeanSquared);
        assert!(
            l <= previous * (1.0 + 1e-9),
            "b={bands}: {l} after {previous}"
        );
        previous = l;
    }
}

#[test]
fn the_optimum_is_stationary() {
    let (n, bands) = (100, 4);
    let s = optimize_banded_toeplitz(n, bands, Objective::MeanSquared, OptimizeOptions::default())
        .unwrap();
    let mut grad = vec![0.0; bands - 1];
    let l = loss_and_gradient(s.coefs(), n, Objective::MeanSquared, &mut grad);
    let rel = grad.iter().fold(0.0_f64, |m, g| m.max((g / l).abs()));
    assert!(rel < 1e-6, "relative gradient {rel} at {:?}", s.coefs());
}

#[test]
fn bad_arguments_are_rejected() {
    let o = OptimizeOptions::default();
    assert!(optimize_banded_toeplitz(10, 0, Objective::MeanSquared, o).is_err());
    assert!(optimize_banded_toeplitz(10, 11, Objective::MeanSquared, o).is_err());
    assert!(optimize_banded_toeplitz(0, 1, Objective::MeanSquared, o).is_err());
}
