//! The constants of the scattering transform (`layers::scatter`): Kymatio's
//! Morlet filter bank in the Fourier domain and the DFT matrices that apply
//! it, all computed on the host in f64.
//!
//! The filters follow Kymatio 0.3's `scattering2d/filter_bank.py` (Andreux et
//! al. 2020, "Kymatio: Scattering Transforms in Python"), which is what
//! Tramèr & Boneh 2021 used: on a grid of the padded size, a Morlet wavelet
//! ψ_{j,θ} (Gaussian envelope σ = 0.8·2^j, centre frequency ξ = 3π/(4·2^j),
//! slant 4/L, orientation θ = (L/2 − 1 − t)·π/L, made zero-mean by
//! subtracting a multiple of its envelope) is periodised over 5x5 copies of
//! the grid, Fourier-transformed and its (zero) imaginary part dropped; the
//! low-pass φ is a Gaussian of σ = 0.8·2^(J−1). A filter applied to a signal
//! subsampled by 2^r is the filter's spectrum with its high band masked and
//! folded onto the smaller grid (Kymatio's `periodize_filter_fft`).
//!
//! The transform itself is written with dense DFT matrices, so it traces to
//! `dot_general`s (the DSL has no complex type): a 2-D DFT of `X` is
//! `F_M X F_Nᵀ`, the reflect padding is folded into the first DFT's matrix,
//! and "inverse DFT then keep every k-th sample" (Kymatio's
//! `subsample_fourier` + `ifft2`, which are equal) is one matrix of the kept
//! rows of the inverse DFT.

use std::f64::consts::PI;

/// Kymatio's `gabor_2d` normalises with the literal 3.1415, not π; kept so the
/// filters are Kymatio's to the last digit.
#[allow(clippy::approx_constant)]
const KYMATIO_PI: f64 = 3.1415;

/// Kymatio's padded side for a side of `n` pixels at `j` scales
/// (`utils.compute_padding`): the next multiple of 2^J with at least 2^J of
/// margin.
pub fn padded_side(n: usize, j: u32) -> usize {
    let p = 1usize << j;
    ((n + p) / p + 1) * p
}

/// A dense complex matrix `[rows, cols]`, row-major.
#[derive(Clone, Debug, PartialEq)]
pub struct CMatrix {
    pub rows: usize,
    pub cols: usize,
    pub re: Vec<f64>,
    pub im: Vec<f64>,
}

impl CMatrix {
    fn from_fn(rows: usize, cols: usize, f: impl Fn(usize, usize) -> (f64, f64)) -> CMatrix {
        let (mut re, mut im) = (
            Vec::with_capacity(rows * cols),
            Vec::with_capacity(rows * cols),
        );
        for r in 0..rows {
            for c in 0..cols {
                let (a, b) = f(r, c);
                re.push(a);
                im.push(b);
            }
        }
        CMatrix { rows, cols, re, im }
    }
}

/// `e^{i·phase}` as (re, im).
fn cis(phase: f64) -> (f64, f64) {
    (phase.cos(), phase.sin())
}

/// numpy's `mode='reflect'` source index of padded position `p` (the edge
/// sample is not repeated).
fn reflect(p: i64, n: usize) -> usize {
    let n = n as i64;
    let period = 2 * (n - 1);
    let mut q = p.rem_euclid(period.max(1));
    if q >= n {
        q = period - q;
    }
    q as usize
}

/// The forward DFT of a side of `n` samples reflect-padded to `padded` (`low`
/// samples before): `[padded, n]`, `A[k, t] = Σ_{m: src(m) = t} e^{−2πi·km/padded}`.
pub fn padded_dft(n: usize, padded: usize, low: usize) -> CMatrix {
    let mut a = CMatrix::from_fn(padded, n, |_, _| (0.0, 0.0));
    for k in 0..padded {
        for m in 0..padded {
            let t = reflect(m as i64 - low as i64, n);
            let (c, s) = cis(-2.0 * PI * ((k * m) % padded) as f64 / padded as f64);
            a.re[k * n + t] += c;
            a.im[k * n + t] += s;
        }
    }
    a
}

/// The forward DFT of size `n`: `[n, n]`, `F[k, m] = e^{−2πi·km/n}`.
pub fn dft(n: usize) -> CMatrix {
    CMatrix::from_fn(
        n,
        n,
        |k, m| cis(-2.0 * PI * ((k * m) % n) as f64 / n as f64),
    )
}

/// Rows `keep` of the inverse DFT of size `n` subsampled by `stride`:
/// `G[u, m] = e^{+2πi·m·stride·u/n} / n` for `u` in `keep` (indices of the
/// subsampled output).
pub fn inverse_dft_rows(n: usize, stride: usize, keep: std::ops::Range<usize>) -> CMatrix {
    let start = keep.start;
    CMatrix::from_fn(keep.len(), n, |u, m| {
        let (c, s) = cis(2.0 * PI * ((m * stride * (u + start)) % n) as f64 / n as f64);
        (c / n as f64, s / n as f64)
    })
}

/// Kymatio's `gabor_2d` on an `m`x`n` grid with its origin at (0, 0),
/// periodised over 5x5 copies of the grid, as (re, im) row-major.
fn gabor(m: usize, n: usize, sigma: f64, theta: f64, xi: f64, slant: f64) -> (Vec<f64>, Vec<f64>) {
    let (c, s) = (theta.cos(), theta.sin());
    // curv = R · diag(1, slant²) · R⁻¹ / (2σ²)
    let sl2 = slant * slant;
    let den = 2.0 * sigma * sigma;
    let (a, b, e) = (
        (c * c + s * s * sl2) / den,
        c * s * (1.0 - sl2) / den,
        (s * s + c * c * sl2) / den,
    );
    let norm = 2.0 * KYMATIO_PI * sigma * sigma / slant;
    let (mut re, mut im) = (vec![0.0; m * n], vec![0.0; m * n]);
    for ex in -2i64..=2 {
        for ey in -2i64..=2 {
            for i in 0..m {
                for j in 0..n {
                    let x = (i as i64 + ex * m as i64) as f64;
                    let y = (j as i64 + ey * n as i64) as f64;
                    let env = (-(a * x * x + 2.0 * b * x * y + e * y * y)).exp();
                    let (pc, ps) = cis(xi * (x * c + y * s));
                    re[i * n + j] += env * pc / norm;
                    im[i * n + j] += env * ps / norm;
                }
            }
        }
    }
    (re, im)
}

/// Kymatio's `morlet_2d`: a Gabor minus `K` times its envelope, `K` chosen
/// so that the wavelet sums to zero.
fn morlet(m: usize, n: usize, sigma: f64, theta: f64, xi: f64, slant: f64) -> (Vec<f64>, Vec<f64>) {
    let (wr, wi) = gabor(m, n, sigma, theta, xi, slant);
    let (gr, gi) = gabor(m, n, sigma, theta, 0.0, slant);
    let (sr, si): (f64, f64) = (wr.iter().sum(), wi.iter().sum());
    let (tr, ti): (f64, f64) = (gr.iter().sum(), gi.iter().sum());
    // K = (sr + i si) / (tr + i ti)
    let d = tr * tr + ti * ti;
    let (kr, ki) = ((sr * tr + si * ti) / d, (si * tr - sr * ti) / d);
    let re = (0..m * n)
        .map(|p| wr[p] - (kr * gr[p] - ki * gi[p]))
        .collect();
    let im = (0..m * n)
        .map(|p| wi[p] - (kr * gi[p] + ki * gr[p]))
        .collect();
    (re, im)
}

/// The real part of the 2-D forward DFT of an `m`x`n` complex signal, given
/// the DFT matrices of both sides (`fm = dft(m)`, `fn_ = dft(n)`).
fn fft2_real(re: &[f64], im: &[f64], fm: &CMatrix, fn_: &CMatrix) -> Vec<f64> {
    let (m, n) = (fm.rows, fn_.rows);
    // Rows first, then columns (separable), keeping the complex intermediate.
    let (mut tr, mut ti) = (vec![0.0; m * n], vec![0.0; m * n]);
    for i in 0..m {
        for l in 0..n {
            let (mut a, mut b) = (0.0, 0.0);
            for j in 0..n {
                let (c, s) = (fn_.re[l * n + j], fn_.im[l * n + j]);
                a += re[i * n + j] * c - im[i * n + j] * s;
                b += re[i * n + j] * s + im[i * n + j] * c;
            }
            tr[i * n + l] = a;
            ti[i * n + l] = b;
        }
    }
    let mut out = vec![0.0; m * n];
    for k in 0..m {
        for l in 0..n {
            let mut a = 0.0;
            for i in 0..m {
                a += fm.re[k * m + i] * tr[i * n + l] - fm.im[k * m + i] * ti[i * n + l];
            }
            out[k * n + l] = a;
        }
    }
    out
}

/// Kymatio's `periodize_filter_fft`: the spectrum `x` (`m`x`n`) for a signal
/// subsampled by 2^`res`: its middle (high-frequency) band zeroed, then
/// folded onto `(m/2^res)`x`(n/2^res)`.
fn periodize(x: &[f64], m: usize, n: usize, res: u32) -> Vec<f64> {
    let k = 1usize << res;
    let (mo, no) = (m / k, n / k);
    let band = |len: usize| {
        let start = (len as f64 * 2f64.powi(-(res as i32) - 1)) as usize;
        let width = (len as f64 * (1.0 - 2f64.powi(-(res as i32)))) as usize;
        start..start + width
    };
    let (bm, bn) = (band(m), band(n));
    let mut out = vec![0.0; mo * no];
    for i in 0..m {
        for j in 0..n {
            if bm.contains(&i) || bn.contains(&j) {
                continue;
            }
            out[(i % mo) * no + j % no] += x[i * n + j];
        }
    }
    out
}

/// One wavelet of the bank: scale `j`, orientation index `theta`, and its
/// spectrum at resolutions `0..levels.len()` (level r is `(M/2^r)`x`(N/2^r)`).
#[derive(Clone, Debug)]
pub struct Wavelet {
    pub j: u32,
    pub theta: usize,
    pub levels: Vec<Vec<f64>>,
}

/// Kymatio's filter bank on the padded `m`x`n` grid for `scales` = J and
/// `orientations` = L: wavelets ordered scale-major, then orientation, and the
/// low-pass φ at resolutions `0..J`.
#[derive(Clone, Debug)]
pub struct FilterBank {
    pub m: usize,
    pub n: usize,
    pub psi: Vec<Wavelet>,
    pub phi: Vec<Vec<f64>>,
}

impl FilterBank {
    pub fn new(m: usize, n: usize, scales: u32, orientations: usize) -> FilterBank {
        let l = orientations;
        let (fm, fn_) = (dft(m), dft(n));
        let mut psi = Vec::with_capacity(scales as usize * l);
        for j in 0..scales {
            for t in 0..l {
                let theta = ((l - l / 2 - 1) as f64 - t as f64) * PI / l as f64;
                let sigma = 0.8 * 2f64.powi(j as i32);
                let xi = 0.75 * PI / 2f64.powi(j as i32);
                let (re, im) = morlet(m, n, sigma, theta, xi, 4.0 / l as f64);
                let spectrum = fft2_real(&re, &im, &fm, &fn_);
                // Kymatio keeps min(j + 1, max(J − 1, 1)) resolutions per wavelet.
                let count = (j + 1).min(scales.saturating_sub(1).max(1));
                let levels = (0..count).map(|r| periodize(&spectrum, m, n, r)).collect();
                psi.push(Wavelet {
                    j,
                    theta: t,
                    levels,
                });
            }
        }
        let (re, im) = gabor(m, n, 0.8 * 2f64.powi(scales as i32 - 1), 0.0, 0.0, 1.0);
        let spectrum = fft2_real(&re, &im, &fm, &fn_);
        let phi = (0..scales).map(|r| periodize(&spectrum, m, n, r)).collect();
        FilterBank { m, n, psi, phi }
    }

    /// The spectra at resolution `res` of the wavelets of scale `j`, stacked
    /// `[L, M/2^res, N/2^res]`.
    pub fn wavelets_at(&self, j: u32, res: u32) -> Vec<f64> {
        self.psi
            .iter()
            .filter(|w| w.j == j)
            .flat_map(|w| w.levels[res as usize].iter().copied())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padding_matches_kymatio() {
        assert_eq!(padded_side(28, 2), 36);
        assert_eq!(padded_side(32, 2), 40);
        assert_eq!(padded_side(32, 3), 48);
    }

    #[test]
    fn reflect_is_numpys() {
        // numpy.pad([0, 1, 2, 3], 2, mode='reflect') = [2, 1, 0, 1, 2, 3, 2, 1]
        let got: Vec<usize> = (-2..6).map(|p| reflect(p, 4)).collect();
        assert_eq!(got, vec![2, 1, 0, 1, 2, 3, 2, 1]);
    }

    #[test]
    fn inverse_rows_invert_the_dft() {
        let (f, g) = (dft(6), inverse_dft_rows(6, 1, 0..6));
        for r in 0..6 {
            for c in 0..6 {
                let (mut a, mut b) = (0.0, 0.0);
                for k in 0..6 {
                    let (x, y) = (g.re[r * 6 + k], g.im[r * 6 + k]);
                    let (u, v) = (f.re[k * 6 + c], f.im[k * 6 + c]);
                    a += x * u - y * v;
                    b += x * v + y * u;
                }
                let want = if r == c { 1.0 } else { 0.0 };
                assert!(
                    (a - want).abs() < 1e-12 && b.abs() < 1e-12,
                    "{r},{c}: {a} {b}"
                );
            }
        }
    }

    #[test]
    fn wavelets_have_zero_mean_and_lowpass_unit_gain() {
        let bank = FilterBank::new(36, 36, 2, 8);
        assert_eq!(bank.psi.len(), 16);
        for w in &bank.psi {
            // A zero-mean filter has no DC component.
            assert!(w.levels[0][0].abs() < 1e-9, "{} {}", w.j, w.theta);
        }
        // The low-pass passes DC with gain ~1 (Kymatio's 3.1415 normalisation).
        assert!((bank.phi[0][0] - 1.0).abs() < 1e-3, "{}", bank.phi[0][0]);
        assert_eq!(bank.phi[1].len(), 18 * 18);
        assert_eq!(bank.wavelets_at(1, 0).len(), 8 * 36 * 36);
    }
}
