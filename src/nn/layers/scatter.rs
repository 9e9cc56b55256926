//! A fixed (non-trainable) 2-D scattering transform with J = 2 scales and L
//! orientations (Mallat 2012; Oyallon & Mallat 2015), the hand-crafted front end
//! of Tramèr & Boneh 2021 ("Differentially private learning needs better
//! features"): on a 28x28 image it gives 1 + J·L + L²·J(J−1)/2 = 81 channels
//! (L = 8) at 7x7.
//!
//! It is traced like any layer, from convolutions with CONSTANT filter banks
//! (graph literals, no parameters), a complex modulus and a Gaussian low-pass:
//!
//! - order 0: `S0 = x ⋆ φ`, subsampled by 4;
//! - order 1: `U1[j,θ] = |x ⋆ ψ_{j,θ}|` (subsampled by 2^j), `S1 = U1 ⋆ φ`;
//! - order 2: `U2[θ1,θ2] = |U1[0,θ1] ⋆ ψ_{1,θ2}|` (subsampled by 2), `S2 = U2 ⋆ φ`.
//!
//! The wavelets are Kymatio's Morlet wavelets (σ = 0.8, ξ = 3π/4, slant 4/L,
//! zero mean) and the low-passes Gaussians (σ = 0.8·2^J at full resolution),
//! sampled in the spatial domain and truncated to odd squares (sizes in
//! [`ScatterSpec`]). To keep the per-step cost low on a CPU, the scale-1
//! wavelet ψ_1 is applied as ψ_0 to a blurred, 2x-subsampled map (a wavelet
//! pyramid) rather than as a dilated filter at full resolution, and Kymatio
//! convolves periodically in the Fourier domain: the features are close to,
//! not identical with, Kymatio's. Borders are zero-padded (for images in
//! [0, 1] with a black background). The output is wrapped in
//! `stop_gradient`: nothing upstream is trainable.

use crate::nn::{NnOps, Padding};
use crate::trace::{LitValues, Literal, Tensor};
use std::f64::consts::PI;

/// Filter sizes (odd; spatial support) of the scattering transform.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScatterSpec {
    /// Orientations L.
    pub orientations: usize,
    /// Support of the wavelets ψ (σ = 0.8 at the resolution they run at).
    pub psi_size: usize,
    /// Support of the anti-aliasing Gaussian (σ = 0.7) applied before each
    /// subsampling by 2.
    pub blur_size: usize,
    /// Support of the low-pass φ at full resolution (σ = 3.2).
    pub phi2_size: usize,
    /// Support of the low-pass at half resolution (σ = 1.6).
    pub phi1_size: usize,
}

impl Default for ScatterSpec {
    /// L = 8; 7x7 wavelets, 5x5 blur, 17x17 and 9x9 low-passes.
    fn default() -> Self {
        ScatterSpec {
            orientations: 8,
            psi_size: 7,
            blur_size: 5,
            phi2_size: 17,
            phi1_size: 9,
        }
    }
}

impl ScatterSpec {
    /// Output channels: 1 + 2L + L².
    pub fn channels(&self) -> usize {
        let l = self.orientations;
        1 + 2 * l + l * l
    }
}

/// A Gabor filter (Kymatio's `gabor_2d`), `size`x`size` centred, as (re, im).
fn gabor(size: usize, sigma: f64, theta: f64, xi: f64, slant: f64) -> (Vec<f64>, Vec<f64>) {
    let (c, s) = (theta.cos(), theta.sin());
    // curv = R · diag(1, slant²) · Rᵀ / (2σ²)
    let d = [1.0, slant * slant];
    let a = (c * c * d[0] + s * s * d[1]) / (2.0 * sigma * sigma);
    let b = (c * s * d[0] - s * c * d[1]) / (2.0 * sigma * sigma);
    let e = (s * s * d[0] + c * c * d[1]) / (2.0 * sigma * sigma);
    let norm = 2.0 * PI * sigma * sigma / slant;
    let half = (size / 2) as f64;
    let (mut re, mut im) = (
        Vec::with_capacity(size * size),
        Vec::with_capacity(size * size),
    );
    for i in 0..size {
        for j in 0..size {
            let (x, y) = (i as f64 - half, j as f64 - half);
            let env = (-(a * x * x + 2.0 * b * x * y + e * y * y)).exp() / norm;
            let phase = xi * (x * c + y * s);
            re.push(env * phase.cos());
            im.push(env * phase.sin());
        }
    }
    (re, im)
}

/// A Morlet wavelet: a Gabor minus a Gaussian so that it sums to zero on its
/// (truncated) support.
fn morlet(size: usize, sigma: f64, theta: f64, xi: f64, slant: f64) -> (Vec<f64>, Vec<f64>) {
    let (re, im) = gabor(size, sigma, theta, xi, slant);
    let (g, _) = gabor(size, sigma, theta, 0.0, slant);
    let gsum: f64 = g.iter().sum();
    let kr = re.iter().sum::<f64>() / gsum;
    let ki = im.iter().sum::<f64>() / gsum;
    let re = re.iter().zip(&g).map(|(r, g)| r - kr * g).collect();
    let im = im.iter().zip(&g).map(|(i, g)| i - ki * g).collect();
    (re, im)
}

/// The L orientations of scale `j` as an HWIO kernel `[k, k, 1, 2L]`:
/// channels `0..L` are real parts, `L..2L` imaginary parts.
pub fn wavelet_bank(spec: &ScatterSpec, j: u32, size: usize) -> Vec<f64> {
    let l = spec.orientations;
    let sigma = 0.8 * 2f64.powi(j as i32);
    let xi = 0.75 * PI / 2f64.powi(j as i32);
    let slant = 4.0 / l as f64;
    let filters: Vec<(Vec<f64>, Vec<f64>)> = (0..l)
        .map(|t| {
            let theta = ((l - l / 2 - 1) as f64 - t as f64) * PI / l as f64;
            morlet(size, sigma, theta, xi, slant)
        })
        .collect();
    let mut k = vec![0.0; size * size * 2 * l];
    for p in 0..size * size {
        for (t, (re, im)) in filters.iter().enumerate() {
            k[p * 2 * l + t] = re[p];
            k[p * 2 * l + l + t] = im[p];
        }
    }
    k
}

/// A Gaussian low-pass of width `sigma` as an HWIO kernel `[k, k, 1, 1]`
/// (Kymatio's normalisation: its values sum to about 1).
pub fn lowpass(sigma: f64, size: usize) -> Vec<f64> {
    gabor(size, sigma, 0.0, 0.0, 1.0).0
}

fn kernel<'b>(x: Tensor<'b>, values: Vec<f64>, size: usize, out: usize) -> Tensor<'b> {
    x.builder().constant(Literal {
        shape: vec![size, size, 1, out],
        dtype: x.dtype(),
        values: LitValues::F64(values),
    })
}

/// "Same" padding for an odd kernel.
fn same(size: usize) -> Padding {
    let h = (size / 2) as i64;
    Padding::Explicit(vec![(h, h), (h, h)])
}

/// |x ⋆ ψ| of a one-channel NHWC `x` `[n, h, w, 1]` with a bank `[k, k, 1, 2L]`
/// at `stride`: `[n, h/stride, w/stride, L]`.
fn modulus<'b>(x: Tensor<'b>, bank: Tensor<'b>, l: usize, stride: usize) -> Tensor<'b> {
    let k = bank.shape()[0];
    let y = x.conv2d(bank, [stride, stride], same(k));
    let s = y.shape();
    let re = y.slice(&[0, 0, 0, 0], &[s[0], s[1], s[2], l], &[1, 1, 1, 1]);
    let im = y.slice(&[0, 0, 0, l], &[s[0], s[1], s[2], 2 * l], &[1, 1, 1, 1]);
    (re.square() + im.square() + 1e-12).sqrt()
}

/// Applies a one-channel kernel `[k, k, 1, 1]` to every channel of NHWC `x`
/// `[1, h, w, c]` at `stride` (channels moved into the batch dim):
/// `[1, h/stride, w/stride, c]`.
fn per_channel<'b>(x: Tensor<'b>, k: Tensor<'b>, stride: usize) -> Tensor<'b> {
    let size = k.shape()[0];
    x.transpose(&[3, 1, 2, 0])
        .conv2d(k, [stride, stride], same(size))
        .transpose(&[3, 1, 2, 0])
}

/// The scattering transform of one NHWC example `[1, H, W, 1]` (H, W
/// divisible by 4): `[1, H/4, W/4, 1 + 2L + L²]`, channels ordered
/// (S0, S1 at j = 0, S1 at j = 1, S2 as θ1-major). Constant filters only;
/// the result carries no gradient.
#[track_caller]
pub fn scattering<'b>(x: Tensor<'b>, spec: &ScatterSpec) -> Tensor<'b> {
    let s = x.shape();
    if s.len() != 4 || s[0] != 1 || s[3] != 1 || !s[1].is_multiple_of(4) || !s[2].is_multiple_of(4)
    {
        x.builder().fail(
            "scattering",
            &[x.aval()],
            "needs one single-channel NHWC example [1, H, W, 1] with H, W divisible by 4",
        );
        return x;
    }
    let l = spec.orientations;
    let psi = kernel(
        x,
        wavelet_bank(spec, 0, spec.psi_size),
        spec.psi_size,
        2 * l,
    );
    let blur = kernel(x, lowpass(0.7, spec.blur_size), spec.blur_size, 1);
    let phi2 = kernel(x, lowpass(3.2, spec.phi2_size), spec.phi2_size, 1);
    let phi1 = kernel(x, lowpass(1.6, spec.phi1_size), spec.phi1_size, 1);

    // Order 0 and 1 at j = 0 (full resolution).
    let s0 = x.conv2d(phi2, [4, 4], same(spec.phi2_size));
    let u1_0 = modulus(x, psi, l, 1); // [1, H, W, L]
    let s1_0 = per_channel(u1_0, phi2, 4);
    // j = 1: ψ_1 = ψ_0 dilated by 2, applied as ψ_0 at half resolution.
    let x2 = x.conv2d(blur, [2, 2], same(spec.blur_size));
    let u1_1 = modulus(x2, psi, l, 1); // [1, H/2, W/2, L]
    let s1_1 = per_channel(u1_1, phi1, 2);
    // Order 2: every U1[0, θ1] at half resolution (moved to the batch dim)
    // through ψ_1.
    let v = per_channel(u1_0, blur, 2).transpose(&[3, 1, 2, 0]); // [L, H/2, W/2, 1]
    let u2 = modulus(v, psi, l, 1); // [L, H/2, W/2, L]
    let (h2, w2) = (u2.shape()[1], u2.shape()[2]);
    let u2 = u2.transpose(&[1, 2, 0, 3]).reshape(&[1, h2, w2, l * l]);
    let s2 = per_channel(u2, phi1, 2);
    x.builder().concat(&[s0, s1_0, s1_1, s2], 3).stop_gradient()
}

/// [`scattering`] with the default (Kymatio-like, L = 8) filters.
#[track_caller]
pub fn scattering_j2<'b>(x: Tensor<'b>) -> Tensor<'b> {
    scattering(x, &ScatterSpec::default())
}

/// The per-channel-group normalisation of Tramèr & Boneh's ScatterNet models
/// (`GroupNorm(groups, C, affine=False)`): [N, ..., C] normalised over each
/// (example, group) with no scale or offset, so it adds no parameter.
#[track_caller]
pub fn group_norm_plain<'b>(x: Tensor<'b>, groups: usize, eps: f64) -> Tensor<'b> {
    super::norm::group_normalize("group_norm_plain", x, groups, eps).unwrap_or(x)
}
