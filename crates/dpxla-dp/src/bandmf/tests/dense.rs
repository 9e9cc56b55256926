//! Dense reference algebra for the tests (row-major `Vec<Vec<f64>>`).

use crate::bandmf::BandedToeplitz;

pub type Matrix = Vec<Vec<f64>>;

/// The `n × n` matrix of `strategy`.
pub fn materialize(strategy: &BandedToeplitz, n: usize) -> Matrix {
    let c = strategy.coefs();
    (0..n)
        .map(|i| {
            (0..n)
                .map(|j| {
                    if j <= i && i - j < c.len() {
                        c[i - j]
                    } else {
                        0.0
                    }
                })
                .collect()
        })
        .collect()
}

/// The all-ones lower triangle.
pub fn prefix_sum(n: usize) -> Matrix {
    (0..n)
        .map(|i| (0..n).map(|j| if j <= i { 1.0 } else { 0.0 }).collect())
        .collect()
}

pub fn identity(n: usize) -> Matrix {
    (0..n)
        .map(|i| (0..n).map(|j| if i == j { 1.0 } else { 0.0 }).collect())
        .collect()
}

pub fn matmul(a: &Matrix, b: &Matrix) -> Matrix {
    let (n, m, p) = (a.len(), b.len(), b[0].len());
    (0..n)
        .map(|i| {
            (0..p)
                .map(|j| (0..m).map(|k| a[i][k] * b[k][j]).sum())
                .collect()
        })
        .collect()
}

pub fn transpose(a: &Matrix) -> Matrix {
    (0..a[0].len())
        .map(|j| a.iter().map(|row| row[j]).collect())
        .collect()
}

/// Solves `L x = y` for lower-triangular `L` by forward substitution.
pub fn solve_lower(l: &Matrix, y: &[f64]) -> Vec<f64> {
    let mut x = vec![0.0; y.len()];
    for i in 0..y.len() {
        let s: f64 = (0..i).map(|k| l[i][k] * x[k]).sum();
        x[i] = (y[i] - s) / l[i][i];
    }
    x
}

/// `L⁻¹` column by column.
pub fn inverse_lower(l: &Matrix) -> Matrix {
    let n = l.len();
    let cols: Vec<Vec<f64>> = (0..n)
        .map(|j| {
            let e: Vec<f64> = (0..n).map(|i| if i == j { 1.0 } else { 0.0 }).collect();
            solve_lower(l, &e)
        })
        .collect();
    transpose(&cols)
}

pub fn max_abs_diff(a: &Matrix, b: &Matrix) -> f64 {
    a.iter()
        .flatten()
        .zip(b.iter().flatten())
        .fold(0.0, |m, (x, y)| m.max((x - y).abs()))
}
