//! Input-space canaries (`audit.canary = "input"`): canary j is an input
//! EXAMPLE, not a gradient. It goes through the audited engine's own
//! accumulate program like a real example (forward pass, per-example
//! gradient, clipping, the clipped sum), so a bug in the clipping of real
//! examples reaches it too; gradient canaries ([`super::canary`]) join the
//! clipped sum after clipping and cannot see such a bug.
//!
//! Canary j is a sparse image in the model's input space (after
//! normalisation): `SPOTS` pixels at random positions, each ±`MAGNITUDE`,
//! zero elsewhere, with a random label. Far out of the data's distribution
//! and mislabelled, its loss and so its gradient are large (above the clip
//! norm, so a correct engine clips it to exactly C), and two canaries share
//! a pixel rarely, so their first-layer gradients are nearly orthogonal.
//! DP bounds every example's influence whatever its content, so any input
//! tensor is a legitimate example for the audit. Each canary is included
//! independently with probability 1/2, from an audit-internal seed (the
//! guesser never looks at the bits). With augmentation multiplicity K the
//! K views of a canary are the same image.

use crate::{Error, Result};
use dpxla_core::array::HostArray;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha20Rng;

/// Non-zero pixels per canary image.
pub const SPOTS: usize = 8;
/// Their absolute value (in normalised units, where real pixels are ~N(0, 1)).
pub const MAGNITUDE: f32 = 10.0;

/// The input canaries of one audit.
#[derive(Clone, Debug)]
pub struct InputCanaries {
    /// Per canary, its non-zero pixels (flat position in one view, value).
    pub spots: Vec<Vec<(usize, f32)>>,
    pub labels: Vec<i32>,
    /// Whether each canary is in the training set (the secret bits S).
    pub included: Vec<bool>,
    /// The shape of one example as the engine takes it (`[...]` or
    /// `[K, ...]` with views).
    pub example_shape: Vec<usize>,
    /// Augmentation multiplicity K (1: no views axis).
    pub views: usize,
}

impl InputCanaries {
    /// `m` canaries for examples of `example_shape` (including the views
    /// axis when `views > 1`) and `num_classes` labels, from `seed`.
    pub fn draw(
        seed: u64,
        m: usize,
        example_shape: &[usize],
        views: usize,
        num_classes: usize,
    ) -> Result<InputCanaries> {
        let elements: usize = example_shape.iter().product();
        let per_view = elements / views.max(1);
        if m == 0 || per_view < SPOTS || num_classes < 2 {
            return Err(Error::InvalidInput(format!(
                "input canaries need m ≥ 1, images of at least {SPOTS} values and 2 classes \
                 (m = {m}, {per_view} values, {num_classes} classes)"
            )));
        }
        // A stream apart from the gradient canaries' (same seed, other key).
        let mut rng = ChaCha20Rng::seed_from_u64(seed ^ 0x1a9c_7e11_0000_0001);
        let mut spots = Vec::with_capacity(m);
        let mut labels = Vec::with_capacity(m);
        for _ in 0..m {
            let pos = rand::seq::index::sample(&mut rng, per_view, SPOTS).into_vec();
            spots.push(
                pos.into_iter()
                    .map(|p| {
                        (
                            p,
                            if rng.gen_bool(0.5) {
                                MAGNITUDE
                            } else {
                                -MAGNITUDE
                            },
                        )
                    })
                    .collect(),
            );
            labels.push(rng.gen_range(0..num_classes) as i32);
        }
        let included = (0..m).map(|_| rng.gen_bool(0.5)).collect();
        Ok(InputCanaries {
            spots,
            labels,
            included,
            example_shape: example_shape.to_vec(),
            views: views.max(1),
        })
    }

    /// Number of canaries, m.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether there are no canaries (never, for a drawn set).
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Indices of the included canaries, in order.
    pub fn members(&self) -> Vec<usize> {
        (0..self.len()).filter(|&j| self.included[j]).collect()
    }

    /// A physical batch of `rows` rows holding canaries `which` first (one
    /// row each, mask 1) and padding (mask 0): images, labels, mask.
    pub fn batch(&self, which: &[usize], rows: usize) -> Result<(HostArray, Vec<i32>, Vec<f32>)> {
        if which.len() > rows {
            return Err(Error::Internal(format!(
                "{} canaries in a batch of {rows} rows",
                which.len()
            )));
        }
        let elements: usize = self.example_shape.iter().product();
        let per_view = elements / self.views;
        let mut data = vec![0.0f32; rows * elements];
        let mut labels = vec![0i32; rows];
        let mut mask = vec![0.0f32; rows];
        for (row, &j) in which.iter().enumerate() {
            let base = row * elements;
            for v in 0..self.views {
                for &(p, x) in &self.spots[j] {
                    data[base + v * per_view + p] = x;
                }
            }
            labels[row] = self.labels[j];
            mask[row] = 1.0;
        }
        let mut shape = vec![rows];
        shape.extend(&self.example_shape);
        Ok((HostArray::f32(shape, data), labels, mask))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canaries_are_sparse_distinct_and_half_included() {
        let c = InputCanaries::draw(4, 300, &[1, 28, 28], 1, 10).unwrap();
        assert_eq!(c.len(), 300);
        let n_in = c.members().len();
        assert!(n_in > 100 && n_in < 200, "{n_in} of 300 included");
        let (img, labels, mask) = c.batch(&[5, 7], 4).unwrap();
        assert_eq!(img.shape, vec![4, 1, 28, 28]);
        let d = img.to_f64();
        let row = |r: usize| &d[r * 784..(r + 1) * 784];
        let nz = |r: usize| row(r).iter().filter(|&&x| x != 0.0).count();
        assert_eq!((nz(0), nz(1), nz(2)), (SPOTS, SPOTS, 0));
        assert_ne!(row(0), row(1));
        assert_eq!(labels[0], c.labels[5]);
        assert_eq!(mask, vec![1.0, 1.0, 0.0, 0.0]);
        // The same seed draws the same canaries; views repeat the image.
        let v = InputCanaries::draw(4, 300, &[2, 1, 28, 28], 2, 10).unwrap();
        assert_eq!(v.spots, c.spots);
        let (img, _, _) = v.batch(&[5], 1).unwrap();
        let d = img.to_f64();
        assert_eq!(d[..784], d[784..]);
        assert!(InputCanaries::draw(4, 0, &[1, 28, 28], 1, 10).is_err());
        assert!(c.batch(&[1, 2, 3], 2).is_err());
    }
}
