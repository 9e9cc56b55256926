//! The strategy matrix: closed forms, sensitivity, inverse.

use super::dense::{identity, inverse_lower, materialize, matmul, max_abs_diff, prefix_sum};
use super::rng::TestRng;
use crate::bandmf::BandedToeplitz;

fn random_strategy(rng: &mut TestRng, bands: usize) -> BandedToeplitz {
    let mut coefs = vec![1.0];
    coefs.extend((1..bands).map(|_| 0.6 * rng.normal()));
    BandedToeplitz::from_coefs(coefs).unwrap()
}

#[test]
fn identity_is_the_identity_matrix() {
    let c = materialize(&BandedToeplitz::identity(), 7);
    assert_eq!(c, identity(7));
    assert_eq!(BandedToeplitz::identity().sensitivity(7).unwrap(), 1.0);
}

#[test]
fn full_square_root_squares_to_the_prefix_sum_matrix() {
    // Fact (Fichtenberger et al. 2023; jax_privacy's test_fhu_coefs): with
    // c_k = binom(2k,k)/4^k and every band, C·C = A.
    for n in [1, 2, 10, 100] {
        let c = materialize(&BandedToeplitz::sqrt_prefix_sum(n).unwrap(), n);
        let err = max_abs_diff(&matmul(&c, &c), &prefix_sum(n));
        assert!(err < 1e-12, "n = {n}: |C·C − A| = {err}");
    }
}

#[test]
fn truncated_square_root_keeps_the_leading_coefficients() {
    let full = BandedToeplitz::sqrt_prefix_sum(9).unwrap();
    let short = BandedToeplitz::sqrt_prefix_sum(4).unwrap();
    assert_eq!(short.coefs(), &full.coefs()[..4]);
    assert_eq!(short.coefs()[1], 0.5);
    assert_eq!(short.coefs()[2], 0.375);
}

#[test]
fn sensitivity_is_the_largest_column_norm() {
    let mut rng = TestRng::new(1);
    for (bands, n) in [(1, 5), (3, 2), (4, 4), (4, 11), (6, 30)] {
        let s = random_strategy(&mut rng, bands);
        let c = materialize(&s, n);
        let largest = (0..n)
            .map(|j| (0..n).map(|i| c[i][j] * c[i][j]).sum::<f64>().sqrt())
            .fold(0.0, f64::max);
        let got = s.sensitivity(n).unwrap();
        assert!(
            (got - largest).abs() < 1e-12,
            "b={bands} n={n}: {got} vs {largest}"
        );
    }
}

#[test]
fn inverse_coefficients_invert_the_strategy() {
    let mut rng = TestRng::new(2);
    for (bands, n) in [(1, 4), (2, 9), (5, 20)] {
        let s = random_strategy(&mut rng, bands);
        let c = materialize(&s, n);
        let d = s.inverse_coefs(n).unwrap();
        let dense_inv = inverse_lower(&c);
        for (k, dk) in d.iter().enumerate() {
            assert!((dk - dense_inv[k][0]).abs() < 1e-9, "b={bands} k={k}");
        }
        let toeplitz_inv: Vec<Vec<f64>> = (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| if j <= i { d[i - j] } else { 0.0 })
                    .collect()
            })
            .collect();
        assert!(max_abs_diff(&matmul(&c, &toeplitz_inv), &identity(n)) < 1e-9);
    }
}

#[test]
fn invalid_strategies_are_rejected() {
    assert!(BandedToeplitz::from_coefs(vec![]).is_err());
    assert!(BandedToeplitz::from_coefs(vec![2.0, 0.5]).is_err());
    assert!(BandedToeplitz::from_coefs(vec![1.0, f64::NAN]).is_err());
    assert!(BandedToeplitz::sqrt_prefix_sum(0).is_err());
    assert!(BandedToeplitz::identity().sensitivity(0).is_err());
}
