//! The Gaussian mechanism inside the compiled apply step (DP invariant 3):
//! N(0, σ²C²) is added ONCE per logical batch to the clipped sum, which is then
//! divided by the EXPECTED batch size q·N (a constant baked into the program,
//! so the realised batch size, which is private, never scales the update).
//!
//! BandMF (`privacy.mechanism = "bandmf"`): the noise added at step t is the
//! correlated `w_t = z_t − Σ_{j=1}^{b−1} c_j w_{t−j}` (`bandmf::correlated`),
//! with the last b − 1 noise vectors carried between calls as device state
//! (`NoiseHistory`), never leaving the device except into a debug_seed
//! checkpoint.

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
    correlated_noisy_average(b, sums, key, mechanism, &[], &[]).0
}

/// As [`noisy_average`] with BandMF's correlated noise: `coefs` are
/// `c_1 … c_{b−1}` of the strategy and `history` holds, per sum (in `sums`
/// order), the last `b − 1` noise vectors `w_{t−1} … w_{t−b+1}` (each of the
/// sum's shape and dtype; zero before the first step). Returns the averages
/// and the new history `w_t, w_{t−1} … w_{t−b+2}` in the same layout. With no
/// coefficients the graph is exactly [`noisy_average`]'s (b = 1 is DP-SGD
/// bit for bit).
pub fn correlated_noisy_average<'b>(
    b: &'b Builder,
    sums: &[Tensor<'b>],
    key: Tensor<'b>,
    mechanism: &DpMechanism,
    coefs: &[f64],
    history: &[Tensor<'b>],
) -> (Vec<Tensor<'b>>, Vec<Tensor<'b>>) {
    correlated_noisy_average_at(b, sums, key, mechanism, coefs, history, None)
}

/// As [`correlated_noisy_average`]; with `clip_norm` (the `f64[]` runtime
/// clip norm C_t of adaptive clipping) the noise std is σ·sens·C_t instead
/// of the baked [`DpMechanism::noise_std`]. `None` emits exactly
/// [`correlated_noisy_average`]'s graph.
pub fn correlated_noisy_average_at<'b>(
    b: &'b Builder,
    sums: &[Tensor<'b>],
    key: Tensor<'b>,
    mechanism: &DpMechanism,
    coefs: &[f64],
    history: &[Tensor<'b>],
    clip_norm: Option<Tensor<'b>>,
) -> (Vec<Tensor<'b>>, Vec<Tensor<'b>>) {
    let lags = coefs.len();
    assert_eq!(
        history.len(),
        lags * sums.len(),
        "one history tensor per lag and sum"
    );
    let total: usize = sums
        .iter()
        .map(|s| s.shape().iter().product::<usize>())
        .sum();
    let z = b.rng_normal(key, &[total.max(1)], DType::F32);
    let std = mechanism.noise_std();
    let divisor = mechanism.expected_batch();
    let mut offset = 0;
    let mut averages = Vec::with_capacity(sums.len());
    let mut new_history = Vec::with_capacity(history.len());
    for (k, &s) in sums.iter().enumerate() {
        let shape = s.shape();
        let n: usize = shape.iter().product();
        let zi = z.slice(&[offset], &[offset + n], &[1]).reshape(&shape);
        offset += n;
        let mut w = match clip_norm {
            None => zi.convert(s.dtype()) * std,
            Some(c) => {
                let per_c = mechanism.sigma() * mechanism.strategy_sensitivity();
                zi.convert(s.dtype()) * (c.convert(s.dtype()) * per_c)
            }
        };
        let past = &history[k * lags..(k + 1) * lags];
        for (&c, &h) in coefs.iter().zip(past) {
            w = w - h * c;
        }
        averages.push((s + w) / divisor);
        if lags > 0 {
            new_history.push(w);
            new_history.extend_from_slice(&past[..lags - 1]);
        }
    }
    (averages, new_history)
}
