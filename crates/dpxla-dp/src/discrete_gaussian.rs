//! Exact sampling of the discrete Gaussian N_Z(0, s²) for an integer scale s,
//! after Canonne, Kamath & Steinke 2020 ("The Discrete Gaussian for
//! Differential Privacy", NeurIPS), Algorithms 1–3: Bernoulli(exp(−γ)) for a
//! rational γ by exact integer arithmetic, a discrete Laplace proposal, and a
//! rejection step. Every random decision is a comparison of uniform integers
//! from a CSPRNG (ChaCha20) with exact rationals: no floating point touches
//! the noise, so the floating-point attacks on Gaussian samplers (Mironov
//! 2012; Jin et al. 2022, "Are we there yet? Timing and floating-point attacks
//! on differential privacy systems") have nothing to work on.
//!
//! The sampler's running time depends on the random draws only, never on the
//! data. (Jin et al. also note rejection samplers leak their noise through
//! timing to an observer of a single draw; here one step draws millions of
//! values and only the total is visible.)

use crate::{Error, Result};
use rand::Rng;

/// Bernoulli(n/d), 0 ≤ n ≤ d, d > 0, from a uniform integer in [0, d).
fn bernoulli_ratio<R: Rng>(rng: &mut R, n: u128, d: u128) -> bool {
    // 64-bit uniform integers where the denominator fits (most draws; the
    // 128-bit path costs a 256-bit multiply per draw).
    match u64::try_from(d) {
        Ok(d64) => (rng.gen_range(0..d64) as u128) < n,
        Err(_) => rng.gen_range(0..d) < n,
    }
}

/// Bernoulli(exp(−n/d)) for 0 ≤ n/d ≤ 1 (CKS 2020, Algorithm 1): the first K
/// with A_K = 0 for A_k ~ Bernoulli(γ/k); return whether K is odd.
fn bernoulli_exp_le1<R: Rng>(rng: &mut R, n: u128, d: u128) -> Result<bool> {
    let mut k: u128 = 1;
    loop {
        let dk = d.checked_mul(k).ok_or_else(overflow)?;
        if !bernoulli_ratio(rng, n, dk) {
            return Ok(k % 2 == 1);
        }
        k += 1;
    }
}

/// Bernoulli(exp(−n/d)) for any n/d ≥ 0 (CKS 2020, Algorithm 1, second part):
/// ⌊γ⌋ independent Bernoulli(e⁻¹) must all succeed, then Bernoulli(e^{−frac}).
fn bernoulli_exp<R: Rng>(rng: &mut R, n: u128, d: u128) -> Result<bool> {
    let whole = n / d;
    for _ in 0..whole {
        if !bernoulli_exp_le1(rng, 1, 1)? {
            return Ok(false);
        }
    }
    bernoulli_exp_le1(rng, n % d, d)
}

fn overflow() -> Error {
    Error::InvalidInput(
        "privacy.secure_noise: the discrete Gaussian's scale is too large for exact 128-bit \
         arithmetic"
            .into(),
    )
}

/// One draw of N_Z(0, s²) (CKS 2020, Algorithm 3 with σ² = s², t = s + 1).
pub fn sample<R: Rng>(rng: &mut R, s: u64) -> Result<i64> {
    if s == 0 {
        return Ok(0);
    }
    let s = s as u128;
    let t = s + 1;
    let s2 = s * s;
    loop {
        // Discrete Laplace with scale t (CKS 2020, Algorithm 2).
        let u = match u64::try_from(t) {
            Ok(t64) => rng.gen_range(0..t64) as u128,
            Err(_) => rng.gen_range(0..t),
        };
        if !bernoulli_exp_le1(rng, u, t)? {
            continue;
        }
        let mut v: u128 = 0;
        while bernoulli_exp_le1(rng, 1, 1)? {
            v += 1;
        }
        let x = u + t * v;
        let negative = rng.gen::<bool>();
        if negative && x == 0 {
            continue;
        }
        // Accept with probability exp(−(|Y| − σ²/t)² / (2σ²))
        //   = exp(−(|Y|·t − s²)² / (2 s² t²)).
        let diff = (x.checked_mul(t).ok_or_else(overflow)?).abs_diff(s2);
        let num = diff.checked_mul(diff).ok_or_else(overflow)?;
        let den = (2 * s2).checked_mul(t * t).ok_or_else(overflow)?;
        if bernoulli_exp(rng, num, den)? {
            let x = i64::try_from(x).map_err(|_| overflow())?;
            return Ok(if negative { -x } else { x });
        }
    }
}

/// Fills `out` with independent N_Z(0, s²) draws, on `threads` threads, each
/// with its own ChaCha20 stream seeded from `rng` (a CSPRNG).
pub fn fill<R: Rng>(rng: &mut R, s: u64, out: &mut [i64], threads: usize) -> Result<()> {
    use rand::SeedableRng;
    use rand_chacha::ChaCha20Rng;
    let threads = threads.max(1);
    let chunk = out.len().div_ceil(threads).max(1);
    let seeds: Vec<[u8; 32]> = (0..out.len().div_ceil(chunk)).map(|_| rng.gen()).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = out
            .chunks_mut(chunk)
            .zip(seeds)
            .map(|(part, seed)| {
                scope.spawn(move || -> Result<()> {
                    let mut r = ChaCha20Rng::from_seed(seed);
                    for x in part {
                        *x = sample(&mut r, s)?;
                    }
                    Ok(())
                })
            })
            .collect();
        handles
            .into_iter()
            .try_for_each(|h| h.join().expect("noise thread panicked"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn bernoulli_exp_has_the_right_frequency() {
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(1);
        for (n, d) in [(1u128, 3u128), (5, 2), (0, 1)] {
            let p = (-(n as f64) / d as f64).exp();
            let trials = 200_000;
            let hits = (0..trials)
                .filter(|_| bernoulli_exp(&mut rng, n, d).unwrap())
                .count() as f64;
            let sd = (p * (1.0 - p) / trials as f64).sqrt();
            assert!(
                (hits / trials as f64 - p).abs() <= 5.0 * sd + 1e-12,
                "{n}/{d}"
            );
        }
    }

    #[test]
    fn discrete_gaussian_moments_and_pmf() {
        // N_Z(0, s²) for s = 3: mean 0, variance ≈ s² (exactly Σ k² e^{-k²/18}
        // / Σ e^{-k²/18}, which equals 9 to 1e-70 for s this large), and
        // P(0) = 1/Σ e^{-k²/18}.
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(2);
        let s = 3u64;
        let mut v = vec![0i64; 400_000];
        fill(&mut rng, s, &mut v, 2).unwrap();
        let n = v.len() as f64;
        let mean = v.iter().sum::<i64>() as f64 / n;
        let var = v.iter().map(|&x| (x * x) as f64).sum::<f64>() / n;
        assert!(mean.abs() < 5.0 * 3.0 / n.sqrt(), "mean {mean}");
        assert!((var / 9.0 - 1.0).abs() < 0.02, "variance {var}");
        let z: f64 = (-60..=60)
            .map(|k: i32| (-(k * k) as f64 / 18.0).exp())
            .sum();
        let p0 = v.iter().filter(|&&x| x == 0).count() as f64 / n;
        let want = 1.0 / z;
        assert!(
            (p0 - want).abs() < 5.0 * (want / n).sqrt(),
            "P(0) {p0} vs {want}"
        );
        // Large scales work in exact arithmetic too.
        let big = sample(&mut rng, 40_000_000).unwrap();
        assert!(big.abs() < 40_000_000 * 12);
    }
}
