//! A small in-place radix-2 complex FFT (Cooley & Tukey 1965, iterative form with
//! bit-reversal), enough for PLD composition: sizes are powers of two chosen by the
//! caller. Twiddles come from `sin`/`cos` per index (not a recurrence) so the error
//! stays ~1e-16 · log₂N.

use std::f64::consts::PI;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

impl Complex {
    pub fn new(re: f64, im: f64) -> Self {
        Complex { re, im }
    }

    pub fn times(self, o: Complex) -> Complex {
        Complex::new(
            self.re * o.re - self.im * o.im,
            self.re * o.im + self.im * o.re,
        )
    }

    /// zⁿ as |z|ⁿ e^{i n arg z}: one `powf` instead of log₂n squarings; the phase
    /// error is n · 1e-16 rad, far below what matters for n ≤ 1e9.
    pub fn powu(self, n: u64) -> Complex {
        // |z|ⁿ first: after many steps most frequencies underflow, and those need no
        // trigonometry.
        let ln_rn = 0.5 * n as f64 * (self.re * self.re + self.im * self.im).ln();
        if ln_rn < -745.0 {
            return Complex::default();
        }
        let theta = self.im.atan2(self.re);
        let rn = ln_rn.exp();
        let phase = (n as f64 * theta).rem_euclid(2.0 * PI);
        Complex::new(rn * phase.cos(), rn * phase.sin())
    }
}

/// Precomputed twiddles for one size, stored stage by stage so the butterfly loop
/// reads them contiguously: stage with half-length h uses e^{-2πik/(2h)}, k < h, at
/// `twiddles[h - 1 .. 2h - 1]`.
pub struct Fft {
    n: usize,
    twiddles: Vec<Complex>,
}

impl Fft {
    /// `n` must be a power of two (≥ 1).
    pub fn new(n: usize) -> Self {
        assert!(n.is_power_of_two(), "FFT size must be a power of two");
        // The last stage's table e^{-2πik/n}, k < n/2, holds every other stage's
        // twiddles at a stride: sin/cos n/2 times, copies for the rest.
        let base: Vec<Complex> = (0..n / 2)
            .map(|k| {
                let a = -2.0 * PI * k as f64 / n as f64;
                Complex::new(a.cos(), a.sin())
            })
            .collect();
        let mut twiddles = Vec::with_capacity(n.max(1));
        let mut half = 1;
        while half < n {
            let stride = n / (2 * half);
            twiddles.extend((0..half).map(|k| base[k * stride]));
            half *= 2;
        }
        Fft { n, twiddles }
    }

    /// In-place forward transform X_k = Σ_j x_j e^{-2πijk/n}.
    pub fn forward(&self, data: &mut [Complex]) {
        self.transform(data, false);
    }

    /// In-place inverse transform, including the 1/n factor.
    pub fn inverse(&self, data: &mut [Complex]) {
        self.transform(data, true);
        let s = 1.0 / self.n as f64;
        for z in data.iter_mut() {
            z.re *= s;
            z.im *= s;
        }
    }

    fn transform(&self, data: &mut [Complex], inverse: bool) {
        let n = self.n;
        assert_eq!(data.len(), n);
        if n <= 1 {
            return;
        }
        let bits = n.trailing_zeros();
        for i in 0..n {
            let j = i.reverse_bits() >> (usize::BITS - bits);
            if i < j {
                data.swap(i, j);
            }
        }
        // The inverse uses conjugate twiddles.
        let conj = if inverse { -1.0 } else { 1.0 };
        let mut half = 1;
        while half < n {
            let tw = &self.twiddles[half - 1..2 * half - 1];
            for block in data.chunks_exact_mut(2 * half) {
                let (lo, hi) = block.split_at_mut(half);
                for ((a, b), w) in lo.iter_mut().zip(hi.iter_mut()).zip(tw) {
                    let (wr, wi) = (w.re, conj * w.im);
                    let br = b.re * wr - b.im * wi;
                    let bi = b.re * wi + b.im * wr;
                    *b = Complex::new(a.re - br, a.im - bi);
                    *a = Complex::new(a.re + br, a.im + bi);
                }
            }
            half *= 2;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyclic_convolution_of_two_pmfs() {
        // (0.5, 0.5) * (0.25, 0.75) = (0.125, 0.5, 0.375): a convolution of pmfs.
        let fft = Fft::new(4);
        let mut a = [0.5, 0.5, 0.0, 0.0].map(|x| Complex::new(x, 0.0));
        let mut b = [0.25, 0.75, 0.0, 0.0].map(|x| Complex::new(x, 0.0));
        fft.forward(&mut a);
        fft.forward(&mut b);
        let mut c: Vec<Complex> = a.iter().zip(&b).map(|(x, y)| x.times(*y)).collect();
        fft.inverse(&mut c);
        for (got, want) in c.iter().zip([0.125, 0.5, 0.375, 0.0]) {
            assert!((got.re - want).abs() < 1e-15 && got.im.abs() < 1e-15);
        }
    }

    #[test]
    fn power_is_repeated_convolution() {
        // Bernoulli(0.3) composed 5 times = Binomial(5, 0.3): P(2) = 10 · 0.09 · 0.343.
        let fft = Fft::new(8);
        let mut a = [0.7, 0.3, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0].map(|x| Complex::new(x, 0.0));
        fft.forward(&mut a);
        let mut p: Vec<Complex> = a.iter().map(|z| z.powu(5)).collect();
        fft.inverse(&mut p);
        assert!((p[2].re - 10.0 * 0.09 * 0.343).abs() < 1e-15);
    }
}
