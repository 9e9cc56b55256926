//! Poisson sampling of logical batches (DP invariant 1) and their split into
//! the few physical batch sizes the programs are compiled for.
//!
//! Each example joins a logical batch independently with probability q, so the
//! batch size is Binomial(N, q) and varies step to step; it is never rounded or
//! capped (that would change the mechanism the accountant analyses). The
//! generators are ChaCha20 (a CSPRNG), seeded from OS entropy unless a fixed
//! seed is configured for debugging; their state is (seed, word position) so a
//! resumed run continues the exact same stream.

use crate::{Error, Result};
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;
use serde::{Deserialize, Serialize};

/// A serialisable ChaCha20 stream position.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RngState {
    /// The 32-byte seed, hex.
    pub seed: String,
    /// Position in the stream (32-bit words consumed), decimal.
    pub word_pos: String,
}

/// A ChaCha20 generator whose position can be saved and restored.
#[derive(Clone, Debug)]
pub struct StreamRng {
    rng: ChaCha20Rng,
}

impl StreamRng {
    /// Seeded from OS entropy.
    pub fn from_entropy() -> StreamRng {
        StreamRng {
            rng: ChaCha20Rng::from_entropy(),
        }
    }

    /// A fixed, reproducible stream (debugging only: the noise becomes predictable
    /// to anyone who knows the seed).
    pub fn from_fixed_seed(seed: u64, stream: u64) -> StreamRng {
        let mut rng = ChaCha20Rng::seed_from_u64(seed);
        rng.set_stream(stream);
        StreamRng { rng }
    }

    pub fn state(&self) -> RngState {
        let seed: String = self
            .rng
            .get_seed()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        RngState {
            seed: format!("{seed}:{}", self.rng.get_stream()),
            word_pos: self.rng.get_word_pos().to_string(),
        }
    }

    pub fn restore(state: &RngState) -> Result<StreamRng> {
        let bad = || Error::InvalidInput(format!("corrupt RNG state {state:?}"));
        let (hex, stream) = state.seed.split_once(':').ok_or_else(bad)?;
        if hex.len() != 64 {
            return Err(bad());
        }
        let mut seed = [0u8; 32];
        for (i, byte) in seed.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).map_err(|_| bad())?;
        }
        let mut rng = ChaCha20Rng::from_seed(seed);
        rng.set_stream(stream.parse().map_err(|_| bad())?);
        rng.set_word_pos(state.word_pos.parse().map_err(|_| bad())?);
        Ok(StreamRng { rng })
    }

    /// A fresh `u32[4]` key for the device's random bit generator.
    pub fn key(&mut self) -> [u32; 4] {
        [
            self.rng.next_u32(),
            self.rng.next_u32(),
            self.rng.next_u32(),
            self.rng.next_u32(),
        ]
    }

    pub fn uniform(&mut self) -> f64 {
        self.rng.gen()
    }
}

/// Poisson sampling: each of `n` examples in with probability `q`.
pub fn poisson_batch(rng: &mut StreamRng, n: usize, q: f64) -> Vec<usize> {
    if q >= 1.0 {
        return (0..n).collect();
    }
    (0..n).filter(|_| rng.uniform() < q).collect()
}

/// The physical sizes to compile for a largest physical batch `max`: `max`,
/// `max/4`, `max/16`, ... down to at least 8, so a partial last microbatch
/// wastes at most ~4x its size in padding and few programs are compiled.
pub fn physical_sizes(max: usize) -> Vec<usize> {
    let mut sizes = vec![max.max(1)];
    let mut s = max / 4;
    while s >= 8 {
        sizes.push(s);
        s /= 4;
    }
    sizes
}

/// Splits `n` examples into physical batches: `(real examples, compiled size)`
/// pairs, full batches of the largest size first, the remainder in the smallest
/// compiled size that holds it (padded with masked rows).
pub fn physical_split(n: usize, sizes: &[usize]) -> Vec<(usize, usize)> {
    let max = sizes.iter().copied().max().unwrap_or(1);
    let mut out = vec![(max, max); n / max];
    let rest = n % max;
    if rest > 0 {
        let fit = sizes
            .iter()
            .copied()
            .filter(|&s| s >= rest)
            .min()
            .unwrap_or(max);
        out.push((rest, fit));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_covers_every_example_once_with_compiled_sizes() {
        let sizes = physical_sizes(256);
        assert_eq!(sizes, vec![256, 64, 16]);
        for n in [0, 1, 15, 16, 17, 255, 256, 257, 1000] {
            let split = physical_split(n, &sizes);
            assert_eq!(split.iter().map(|s| s.0).sum::<usize>(), n);
            for &(real, size) in &split {
                assert!(sizes.contains(&size) && real <= size && real > 0);
            }
        }
        // 257 = one full batch + 1 example padded into the smallest size.
        assert_eq!(physical_split(257, &sizes), vec![(256, 256), (1, 16)]);
    }

    #[test]
    fn rng_state_round_trips_mid_stream() {
        let mut a = StreamRng::from_fixed_seed(7, 3);
        a.key();
        let saved = a.state();
        let next = a.key();
        let mut b = StreamRng::restore(&saved).unwrap();
        assert_eq!(b.key(), next);
        assert!(StreamRng::restore(&RngState {
            seed: "zz".into(),
            word_pos: "0".into()
        })
        .is_err());
    }
}

#[cfg(test)]
mod restore_tests {
    use super::*;

    #[test]
    fn poisson_stream_continues_exactly_after_restore() {
        let mut a = StreamRng::from_fixed_seed(42, 0);
        let first = poisson_batch(&mut a, 2000, 0.128);
        let saved = a.state();
        let next_a = poisson_batch(&mut a, 2000, 0.128);
        let mut b = StreamRng::restore(&saved).unwrap();
        let next_b = poisson_batch(&mut b, 2000, 0.128);
        assert!(!first.is_empty());
        assert_eq!(next_a, next_b);
    }
}
