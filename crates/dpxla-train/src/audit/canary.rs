//! White-box gradient canaries (Steinke, Nasr & Jagielski 2023, §6.2 of
//! arXiv:2305.08846): canary j is an "example" whose gradient is the fixed
//! Dirac direction `norm · e_{c_j}` at a coordinate `c_j` of the flattened
//! trainable-parameter vector. The coordinates are distinct and drawn at
//! random; each canary is included in the training set independently with
//! probability 1/2. Both come from an audit-internal seed: the auditor's
//! guesses never look at the inclusion bits.

use crate::{Error, Result};
use dpxla_core::array::HostArray;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha20Rng;

/// Where canary j's gradient lives: trainable tensor `tensor` (index into
/// the engine's trainable list), flat `offset` inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Coordinate {
    /// Index into the trainable parameters (not into all parameters).
    pub tensor: usize,
    /// Row-major position inside that tensor.
    pub offset: usize,
}

/// The canaries of one audit.
#[derive(Clone, Debug)]
pub struct Canaries {
    /// One distinct coordinate per canary.
    pub coords: Vec<Coordinate>,
    /// Whether each canary is in the training set (the secret bits S).
    pub included: Vec<bool>,
    /// The norm of every canary's gradient (the clip norm for a correct run).
    pub norm: f64,
}

impl Canaries {
    /// `m` canaries over trainable tensors of `sizes` elements each, with
    /// gradient norm `norm`, drawn from `seed`.
    pub fn draw(seed: u64, m: usize, sizes: &[usize], norm: f64) -> Result<Canaries> {
        let total: usize = sizes.iter().sum();
        if m == 0 || m > total {
            return Err(Error::InvalidInput(format!(
                "--canaries must be between 1 and the {total} trainable parameters, got {m}"
            )));
        }
        if !(norm > 0.0 && norm.is_finite()) {
            return Err(Error::InvalidInput(format!(
                "canary norm must be > 0, got {norm}"
            )));
        }
        let mut rng = ChaCha20Rng::seed_from_u64(seed);
        let flat = rand::seq::index::sample(&mut rng, total, m).into_vec();
        let coords = flat
            .into_iter()
            .map(|mut i| {
                let mut tensor = 0;
                while i >= sizes[tensor] {
                    i -= sizes[tensor];
                    tensor += 1;
                }
                Coordinate { tensor, offset: i }
            })
            .collect();
        let included = (0..m).map(|_| rng.gen_bool(0.5)).collect();
        Ok(Canaries {
            coords,
            included,
            norm,
        })
    }

    /// Number of canaries, m.
    pub fn len(&self) -> usize {
        self.coords.len()
    }

    /// Whether there are no canaries (never, for a drawn set).
    pub fn is_empty(&self) -> bool {
        self.coords.is_empty()
    }

    /// Indices of the included canaries, in order: the dataset's extra
    /// examples n, n+1, ... are these canaries.
    pub fn members(&self) -> Vec<usize> {
        (0..self.len()).filter(|&j| self.included[j]).collect()
    }

    /// The summed gradients of the canaries `sampled` (canary indices, one
    /// entry per time sampled) as one f32 array per trainable tensor of
    /// `shapes`: what those examples add to the clipped sum.
    pub fn gradient_sum(&self, sampled: &[usize], shapes: &[Vec<usize>]) -> Vec<HostArray> {
        let mut data: Vec<Vec<f32>> = shapes
            .iter()
            .map(|s| vec![0.0; s.iter().product()])
            .collect();
        for &j in sampled {
            let c = self.coords[j];
            data[c.tensor][c.offset] += self.norm as f32;
        }
        shapes
            .iter()
            .zip(data)
            .map(|(s, d)| HostArray::f32(s.clone(), d))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_are_distinct_and_in_range() {
        let sizes = [10, 3, 50];
        let c = Canaries::draw(1, 60, &sizes, 1.0).unwrap();
        let mut flat: Vec<usize> = c
            .coords
            .iter()
            .map(|k| sizes[..k.tensor].iter().sum::<usize>() + k.offset)
            .collect();
        assert!(c.coords.iter().all(|k| k.offset < sizes[k.tensor]));
        flat.sort();
        flat.dedup();
        assert_eq!(flat.len(), 60);
        assert!(Canaries::draw(1, 64, &sizes, 1.0).is_err());
        let n_in = c.members().len();
        assert!(n_in > 10 && n_in < 50, "{n_in} of 60 included");
    }
}
