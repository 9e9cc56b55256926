//! A fixed (non-trainable) 2-D scattering transform with J scales and L
//! orientations (Mallat 2012; Oyallon & Mallat 2015), the hand-crafted front
//! end of Tramèr & Boneh 2021 ("Differentially private learning needs better
//! features"): on a 28x28 image with J = 2, L = 8 it gives
//! 1 + J·L + L²·J(J−1)/2 = 81 channels at 7x7.
//!
//! It computes exactly what Kymatio 0.3's `Scattering2D(J, (H, W), L)` computes
//! (`crates/dpxla-train/tests/scatter_kymatio.rs` compares the two): the image is reflect-padded to
//! Kymatio's size, every convolution is a product with a filter spectrum
//! (`scatter_filters`, Kymatio's Morlet bank) in the Fourier domain of the
//! padded grid (so it is periodic), and each subsampling is the inverse DFT's
//! kept rows:
//!
//! - order 0: `S0 = x ⋆ φ`, subsampled by 2^J;
//! - order 1: `U1[j1,θ] = |x ⋆ ψ_{j1,θ}|` (subsampled by 2^j1), `S1 = U1 ⋆ φ`;
//! - order 2: `U2 = |U1[j1,θ1] ⋆ ψ_{j2,θ2}|` for j2 > j1 (subsampled by 2^j2),
//!   `S2 = U2 ⋆ φ`;
//!
//! each `S` subsampled to 2^J and cropped by one sample on each side (Kymatio's
//! `unpad`). The DSL has no complex type, so a complex tensor is a pair of real
//! ones and every DFT is a `dot_general` with a constant matrix (graph
//! literals, no parameters). The output is wrapped in `stop_gradient`:
//! nothing upstream is trainable.

use super::scatter_filters::{dft, inverse_dft_rows, padded_dft, padded_side, CMatrix, FilterBank};
use dpxla_core::trace::{LitValues, Literal, Tensor};

/// Scales and orientations of the scattering transform.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScatterSpec {
    /// Scales J (the output is subsampled by 2^J).
    pub scales: u32,
    /// Orientations L.
    pub orientations: usize,
}

impl Default for ScatterSpec {
    /// J = 2, L = 8 (Tramèr & Boneh's setting for 28x28 and 32x32 images).
    fn default() -> Self {
        ScatterSpec {
            scales: 2,
            orientations: 8,
        }
    }
}

impl ScatterSpec {
    /// Output channels: 1 + J·L + L²·J(J−1)/2.
    pub fn channels(&self) -> usize {
        let (j, l) = (self.scales as usize, self.orientations);
        1 + j * l + l * l * j * (j.saturating_sub(1)) / 2
    }
}

/// A complex tensor as its real and imaginary parts (`im: None`: real).
#[derive(Clone, Copy)]
struct Complex<'b> {
    re: Tensor<'b>,
    im: Option<Tensor<'b>>,
}

fn constant<'b>(like: Tensor<'b>, shape: &[usize], values: Vec<f64>) -> Tensor<'b> {
    like.builder().constant(Literal {
        shape: shape.to_vec(),
        dtype: like.dtype(),
        values: LitValues::F64(values),
    })
}

/// `z · matᵀ` along `z`'s last axis (`[.., cols]` → `[.., rows]`); with
/// `real_only` the imaginary part of the result is not computed.
fn along_last<'b>(z: Complex<'b>, mat: &CMatrix, real_only: bool) -> Complex<'b> {
    let last = z.re.rank() - 1;
    let shape = [mat.rows, mat.cols];
    let (mr, mi) = (
        constant(z.re, &shape, mat.re.clone()),
        constant(z.re, &shape, mat.im.clone()),
    );
    let dot = |a: Tensor<'b>, m: Tensor<'b>| a.dot_general(m, &[], &[], &[last], &[1]);
    let (re, im) = match z.im {
        None => (dot(z.re, mr), (!real_only).then(|| dot(z.re, mi))),
        Some(zi) => (
            dot(z.re, mr) - dot(zi, mi),
            (!real_only).then(|| dot(z.re, mi) + dot(zi, mr)),
        ),
    };
    Complex { re, im }
}

fn swap_last_two<'b>(z: Complex<'b>) -> Complex<'b> {
    let r = z.re.rank();
    let mut perm: Vec<usize> = (0..r).collect();
    perm.swap(r - 2, r - 1);
    Complex {
        re: z.re.transpose(&perm),
        im: z.im.map(|t| t.transpose(&perm)),
    }
}

/// `rows · z · colsᵀ` over the last two axes of `z`.
fn both_axes<'b>(z: Complex<'b>, rows: &CMatrix, cols: &CMatrix, real_only: bool) -> Complex<'b> {
    let t = swap_last_two(along_last(z, cols, false));
    swap_last_two(along_last(t, rows, real_only))
}

/// `z ∘ filter` with a real spectrum broadcast numpy-style.
fn times<'b>(z: Complex<'b>, filter: Tensor<'b>) -> Complex<'b> {
    Complex {
        re: z.re * filter,
        im: z.im.map(|t| t * filter),
    }
}

fn modulus(z: Complex<'_>) -> Tensor<'_> {
    match z.im {
        None => z.re.abs(),
        Some(im) => (z.re.square() + im.square()).sqrt(),
    }
}

/// The DFT matrices of one axis of the padded grid.
struct AxisDfts {
    /// Padded size.
    size: usize,
    /// Reflect padding + DFT of the input side.
    input: CMatrix,
}

impl AxisDfts {
    fn new(n: usize, scales: u32) -> AxisDfts {
        let size = padded_side(n, scales);
        AxisDfts {
            size,
            input: padded_dft(n, size, (size - n) / 2),
        }
    }
    /// Inverse DFT at resolution `res` keeping every 2^`sub`-th sample.
    fn inverse(&self, res: u32, sub: u32) -> CMatrix {
        let n = self.size >> res;
        inverse_dft_rows(n, 1 << sub, 0..n >> sub)
    }
    /// Inverse DFT at resolution `res` down to 2^J, cropped by one sample on
    /// each side (Kymatio's `unpad`).
    fn to_output(&self, res: u32, scales: u32) -> CMatrix {
        let n = self.size >> res;
        let out = self.size >> scales;
        inverse_dft_rows(n, 1 << (scales - res), 1..out - 1)
    }
}

/// The scattering of one example `[1, H, W, 1]` (H, W divisible by 2^J):
/// `[1, H/2^J, W/2^J, channels]`, channels in Kymatio's order (S0; S1 by
/// scale then orientation; S2 by (j1, θ1), then (j2, θ2)). Constant filters
/// only; the result carries no gradient.
#[track_caller]
pub fn scattering<'b>(x: Tensor<'b>, spec: &ScatterSpec) -> Tensor<'b> {
    let s = x.shape();
    let p = 1usize << spec.scales;
    if s.len() != 4
        || s[0] != 1
        || s[3] != 1
        || spec.scales == 0
        || spec.orientations == 0
        || !s[1].is_multiple_of(p)
        || !s[2].is_multiple_of(p)
        || s[1] < 2
        || s[2] < 2
    {
        x.builder().fail(
            "scattering",
            &[x.aval()],
            format!(
                "needs one single-channel NHWC example [1, H, W, 1] with H, W divisible by 2^J = {p} (J >= 1, L >= 1)"
            ),
        );
        return x;
    }
    let (jn, l) = (spec.scales, spec.orientations);
    let (rows, cols) = (AxisDfts::new(s[1], jn), AxisDfts::new(s[2], jn));
    let bank = FilterBank::new(rows.size, cols.size, jn, l);
    let at = |res: u32| [rows.size >> res, cols.size >> res];
    let image = Complex {
        re: x.reshape(&[s[1], s[2]]),
        im: None,
    };
    let spectrum = both_axes(image, &rows.input, &cols.input, false);
    let phi = |res: u32| {
        let [m, n] = at(res);
        constant(x, &[m, n], bank.phi[res as usize].clone())
    };
    let psi = |j: u32, res: u32| {
        let [m, n] = at(res);
        constant(x, &[l, m, n], bank.wavelets_at(j, res))
    };
    // S = Re(ifft(Û ∘ φ)) at 2^J, cropped: [.., h, w].
    let lowpass = |u_hat: Complex<'b>, res: u32| {
        let z = times(u_hat, phi(res));
        both_axes(z, &rows.to_output(res, jn), &cols.to_output(res, jn), true).re
    };
    // |ifft(Ẑ)| kept every 2^(to - res) samples, then its spectrum at `to`.
    let modulus_spectrum = |z: Complex<'b>, res: u32, to: u32| {
        let sub = to - res;
        let u = modulus(both_axes(
            z,
            &rows.inverse(res, sub),
            &cols.inverse(res, sub),
            false,
        ));
        let real = Complex { re: u, im: None };
        both_axes(real, &dft(rows.size >> to), &dft(cols.size >> to), false)
    };
    let [h, w] = [(rows.size >> jn) - 2, (cols.size >> jn) - 2];
    let mut first = vec![lowpass(spectrum, 0).reshape(&[1, h, w])];
    let mut second = Vec::new();
    for j1 in 0..jn {
        // U1 for the L orientations of scale j1: [L, M/2^j1, N/2^j1] spectra.
        let u1 = modulus_spectrum(times(spectrum, psi(j1, 0)), 0, j1);
        first.push(lowpass(u1, j1));
        let [m1, n1] = at(j1);
        let u1_outer = Complex {
            re: u1.re.reshape(&[l, 1, m1, n1]),
            im: u1.im.map(|t| t.reshape(&[l, 1, m1, n1])),
        };
        let blocks: Vec<Tensor<'b>> = (j1 + 1..jn)
            .map(|j2| {
                // [L(θ1), L(θ2), ..] spectra of U2 at scale j2.
                let u2 = modulus_spectrum(times(u1_outer, psi(j2, j1)), j1, j2);
                lowpass(u2, j2)
            })
            .collect();
        if !blocks.is_empty() {
            let n2 = blocks.len() * l;
            second.push(x.builder().concat(&blocks, 1).reshape(&[l * n2, h, w]));
        }
    }
    first.extend(second);
    let k = spec.channels();
    x.builder()
        .concat(&first, 0)
        .transpose(&[1, 2, 0])
        .reshape(&[1, h, w, k])
        .stop_gradient()
}

/// The per-channel-group normalisation of Tramèr & Boneh's ScatterNet models
/// (`GroupNorm(groups, C, affine=False)`): [N, ..., C] normalised over each
/// (example, group) with no scale or offset, so it adds no parameter.
#[track_caller]
pub fn group_norm_plain<'b>(x: Tensor<'b>, groups: usize, eps: f64) -> Tensor<'b> {
    super::norm::group_normalize("group_norm_plain", x, groups, eps).unwrap_or(x)
}
