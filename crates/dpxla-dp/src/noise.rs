//! The Gaussian mechanism inside the compiled apply step (DP invariant 3):
//! N(0, σ²C²) is added ONCE per logical batch to the clipped sum, which is then
//! divided by the EXPECTED batch size q·N (a constant baked into the program,
//! so the realised batch size, which is private, never scales the update).

use super::mechanism::DpMechanism;
use dpxla_core::array::DType;
use dpxla_core::trace::{Builder, Tensor};

/// (Σ clipped + N(0, σ²C²)) / (q·N) for each accumulated sum, with all noise
/// drawn from one `u32[4]` key as a single vector and sliced per tensor (so no
/// two tensors share noise). The result has each sum's dtype (f64 sums from
/// the accumulate program: the f32 normal is widened exactly and the noise
/// added in f64, once; the caller rounds the average to f32).
pub fn noisy_average<'b>(
    b: &'b Builder,
    sums: &[Tensor<'b>],
    key: Tensor<'b>,
    mechanism: &DpMechanism,
) -> Vec<Tensor<'b>> {
    let total: usize = sums
        .iter()
        .map(|s| s.shape().iter().product::<usize>())
        .sum();
    let z = b.rng_normal(key, &[total.max(1)], DType::F32);
    let std = mechanism.noise_std();
    let divisor = mechanism.expected_batch();
    let mut offset = 0;
    sums.iter()
        .map(|&s| {
            let shape = s.shape();
            let n: usize = shape.iter().product();
            let zi = z.slice(&[offset], &[offset + n], &[1]).reshape(&shape);
            offset += n;
            (s + zi.convert(s.dtype()) * std) / divisor
        })
        .collect()
}
