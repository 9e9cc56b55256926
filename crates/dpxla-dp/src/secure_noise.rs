//! `privacy.secure_noise`: the Gaussian mechanism with CSPRNG bits and exact
//! integer noise, generated on the host (issue 10, item 3).
//!
//! The clipped sum s (from the device) is rounded to a grid γ, k = round(s/γ),
//! and integer noise Z ~ N_Z(0, S²)^d (exact discrete Gaussian, Canonne,
//! Kamath & Steinke 2020) is added in exact integer arithmetic; k + Z is the
//! released statistic, and γ(k + Z)/(qN) in f32 a post-processing of it. No
//! floating-point operation acts on the noise before the release, so the
//! attacks on floating-point Gaussian samplers (Mironov 2012; Jin et al. 2022)
//! do not apply.
//!
//! Sensitivity: rounding moves each coordinate by ≤ γ/2, so two neighbouring
//! sums differ after rounding by ≤ C/γ + √d in L2 (grid units). With
//! γ = ρC/√d that is (C/γ)(1 + ρ), and S = ⌈σ(1 + ρ)C/γ⌉ keeps the noise at σ
//! times the sensitivity. A multivariate discrete Gaussian with that ratio
//! satisfies the same ½(Δ/S)² concentrated DP as the continuous one (CKS 2020,
//! Thm. 14); dpxla accounts it as the continuous Poisson-subsampled Gaussian
//! with multiplier σ, the standard treatment (as in Kairouz, Liu & Steinke
//! 2021, "The Distributed Discrete Gaussian Mechanism").

use super::discrete_gaussian;
use crate::{Error, Result};
use dpxla_core::array::HostArray;
use rand::SeedableRng;
use rand_chacha::ChaCha20Rng;

/// ρ: the rounding's share of the sensitivity (1%).
pub const ROUNDING_SLACK: f64 = 0.01;

/// The host-side noise of one run.
pub struct SecureNoise {
    /// γ, the grid of the rounded sum.
    pub grid: f64,
    /// S, the discrete Gaussian's scale in grid units.
    pub scale: u64,
    expected_batch: f64,
    dims: usize,
    rng: HostNoiseRng,
    threads: usize,
}

/// Where the host noise's bits come from.
enum HostNoiseRng {
    /// One ChaCha20 stream from OS entropy for the life of the process: a
    /// resumed run draws a new one, so no two steps share noise.
    Entropy(Box<ChaCha20Rng>),
    /// `privacy.debug_seed`: step t's bits are ChaCha20 keyed by the seed on
    /// stream t (the 64-bit nonce of Bernstein's original ChaCha layout, which
    /// `rand_chacha`'s `set_stream` sets), so they are a function of
    /// (seed, step) alone. A per-run generator restarted on every resume
    /// gave step t0 + j the noise of step j (issue 27, item 1).
    Debug(u64),
}

impl SecureNoise {
    /// For `dims` noised coordinates, σ, C and q·N. The generator is ChaCha20
    /// from OS entropy, or from `debug_seed` (debugging only).
    pub fn new(
        sigma: f64,
        clip_norm: f64,
        expected_batch: f64,
        dims: usize,
        debug_seed: Option<u64>,
    ) -> Result<SecureNoise> {
        if dims == 0
            || !(sigma > 0.0 && sigma.is_finite())
            || !(clip_norm > 0.0 && clip_norm.is_finite())
        {
            return Err(Error::InvalidInput(
                "privacy.secure_noise needs σ > 0, C > 0 and trainable parameters".into(),
            ));
        }
        let root_d = (dims as f64).sqrt();
        let grid = ROUNDING_SLACK * clip_norm / root_d;
        let scale = (sigma * (1.0 + ROUNDING_SLACK) * root_d / ROUNDING_SLACK).ceil();
        if scale >= 1e12 {
            return Err(Error::InvalidInput(format!(
                "privacy.secure_noise: σ = {sigma} over {dims} parameters needs a noise scale \
                 of {scale:e} grid units, beyond exact 128-bit arithmetic"
            )));
        }
        let rng = match debug_seed {
            Some(seed) => HostNoiseRng::Debug(seed ^ 0x5ec0_e000_0000_0003),
            None => HostNoiseRng::Entropy(Box::new(ChaCha20Rng::from_entropy())),
        };
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        Ok(SecureNoise {
            grid,
            scale: scale as u64,
            expected_batch,
            dims,
            rng,
            threads,
        })
    }

    /// γ(round(s/γ) + Z)/(qN) per coordinate of the clipped sums `sums` (f64
    /// from the engine; any float dtype is read in f64) of the run's step `step` (0-based; it selects the debug stream).
    pub fn noisy_average(&mut self, sums: &[HostArray], step: u64) -> Result<Vec<HostArray>> {
        let total: usize = sums.iter().map(|a| a.shape.iter().product::<usize>()).sum();
        if total != self.dims {
            return Err(Error::Internal(format!(
                "secure noise for {} coordinates, got {total}",
                self.dims
            )));
        }
        let mut z = vec![0i64; total];
        match &mut self.rng {
            HostNoiseRng::Entropy(rng) => {
                discrete_gaussian::fill(rng, self.scale, &mut z, self.threads)?
            }
            HostNoiseRng::Debug(seed) => {
                let mut rng = ChaCha20Rng::seed_from_u64(*seed);
                rng.set_stream(step);
                discrete_gaussian::fill(&mut rng, self.scale, &mut z, self.threads)?
            }
        }
        let mut offset = 0;
        sums.iter()
            .map(|a| {
                let x = a.to_f64();
                let out: Vec<f32> = x
                    .iter()
                    .zip(&z[offset..offset + x.len()])
                    .map(|(&v, &zi)| {
                        // Sums are finite (non-finite examples add zero); a sum
                        // beyond ±2⁶² grid units would be a bug upstream.
                        let k = (v / self.grid).round();
                        if k.is_nan() || k.abs() >= 4.6e18 {
                            // The value itself is private: not in the message.
                            return Err(Error::Internal(
                                "a clipped sum is not representable on the noise grid".into(),
                            ));
                        }
                        let noisy = (k as i64).checked_add(zi).ok_or_else(|| {
                            Error::Internal("noisy sum overflows 64-bit integers".into())
                        })?;
                        Ok((noisy as f64 * self.grid / self.expected_batch) as f32)
                    })
                    .collect::<Result<_>>()?;
                offset += x.len();
                Ok(HostArray::f32(a.shape.clone(), out))
            })
            .collect()
    }
}

/// The largest logical batch a secure-mode step processes: the smallest m with
/// steps · P(Binomial(N, q) > m) ≤ `eta` by the Chernoff bound
/// P(X ≥ a) ≤ exp(−N·KL(a/N ‖ q)) (valid for a > Nq). Every step then runs the
/// same number of microbatches, so its duration does not reveal the batch
/// size; a batch above m (probability ≤ eta over the run) is truncated, which
/// changes the output distribution by at most eta in total variation.
pub fn batch_cap(n: usize, q: f64, steps: u64, eta: f64) -> usize {
    if q >= 1.0 || eta.is_nan() || eta <= 0.0 {
        return n;
    }
    let nf = n as f64;
    let kl = |p: f64| -> f64 {
        let a = if p > 0.0 { p * (p / q).ln() } else { 0.0 };
        let b = if p < 1.0 {
            (1.0 - p) * ((1.0 - p) / (1.0 - q)).ln()
        } else {
            -(1.0 - q).ln()
        };
        a + b
    };
    let target = (eta / steps.max(1) as f64).ln();
    let mut m = (nf * q).ceil() as usize;
    while m < n {
        let a = (m + 1) as f64 / nf;
        if a > q && -nf * kl(a) <= target {
            return m;
        }
        m += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_and_noise_scale_keep_sigma_times_the_sensitivity() {
        let sn = SecureNoise::new(1.2, 0.5, 100.0, 10_000, Some(1)).unwrap();
        // γ√d = ρC and S·γ ≥ σ(1 + ρ)C.
        assert!((sn.grid * 100.0 - ROUNDING_SLACK * 0.5).abs() < 1e-15);
        assert!(sn.scale as f64 * sn.grid >= 1.2 * (1.0 + ROUNDING_SLACK) * 0.5);
    }

    #[test]
    fn noisy_average_has_the_calibrated_spread() {
        let d = 200_000;
        let (sigma, c, qn) = (1.0, 2.0, 50.0);
        let mut sn = SecureNoise::new(sigma, c, qn, d, Some(4)).unwrap();
        let zeros = HostArray::f32([d], vec![0.0; d]);
        let out = sn.noisy_average(&[zeros], 0).unwrap()[0].to_f64();
        let sd = (out.iter().map(|x| x * x).sum::<f64>() / d as f64).sqrt();
        // σC(1 + ρ)/(qN), up to the ceiling of S and sampling (rel. s.e. 0.16%).
        let want = sigma * c * (1.0 + ROUNDING_SLACK) / qn;
        assert!((sd / want - 1.0).abs() < 0.01, "sd {sd} vs {want}");
    }

    #[test]
    fn debug_noise_is_a_function_of_seed_and_step() {
        // A generator rebuilt (as on every resume) gives step 3 step 3's
        // noise, not step 0's; the same (seed, step) gives the same noise.
        let d = 20_000;
        let zeros = [HostArray::f32([d], vec![0.0; d])];
        let draw = |step| {
            let mut sn = SecureNoise::new(1.0, 1.0, 1.0, d, Some(9)).unwrap();
            sn.noisy_average(&zeros, step).unwrap()[0].to_f64()
        };
        let (a, b) = (draw(0), draw(3));
        assert_eq!(draw(3), b, "reproducible per (seed, step)");
        let dot: f64 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
        let norm = |v: &[f64]| v.iter().map(|x| x * x).sum::<f64>().sqrt();
        // Independent noise: correlation ~ N(0, 1/d), s.d. 0.007.
        let corr = dot / (norm(&a) * norm(&b));
        assert!(corr.abs() < 0.05, "correlation {corr}");
    }

    #[test]
    fn batch_cap_bounds_the_overflow_probability() {
        // N = 60,000, q = 2048/60000: mean 2048, s.d. 44.5. A cap near
        // mean + 10 s.d. for a 1e-20 bound over 1,000 steps.
        let m = batch_cap(60_000, 2048.0 / 60_000.0, 1000, 1e-20);
        assert!(m > 2048 + 8 * 44 && m < 2048 + 14 * 45, "{m}");
        assert_eq!(batch_cap(100, 1.0, 10, 1e-9), 100);
    }
}
