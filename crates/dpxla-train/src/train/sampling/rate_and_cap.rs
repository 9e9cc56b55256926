//! The training loop's side of `training.sampling_rate`,
//! `training.public_dataset_size` and `training.max_batch_size` (issue 26,
//! item 4): the keys' validation, the [`SamplingSpec`] the privacy plan is
//! derived from, and the cut of an over-full batch (truncated Poisson). The
//! math (the normaliser, the truncation's cost in δ) is in
//! `dpxla_dp::sampling` and `dpxla_dp::accountant::truncation`.

use super::sampler::StreamRng;
use crate::train::config::settings::TrainSettings;
use crate::train::config::NoiseMechanism;
use crate::{Error, Result};
use dpxla_dp::sampling::{SamplingRequest, SamplingSpec};

fn bad(key: &str, message: impl Into<String>) -> Result<()> {
    Err(Error::Config {
        key: key.to_string(),
        message: message.into(),
    })
}

/// Checks the sampling keys (without the data): exactly one of
/// `batch_size` and `sampling_rate`, `public_dataset_size` with (and only
/// with) `sampling_rate`, and a cap where it can be accounted.
pub fn validate(cfg: &TrainSettings) -> Result<()> {
    let t = &cfg.training;
    let p = &cfg.privacy;
    match (t.batch_size, t.sampling_rate) {
        (Some(_), Some(_)) => {
            return bad(
                "training.sampling_rate",
                "give training.batch_size or training.sampling_rate, not both",
            )
        }
        (None, None) => {
            return bad(
                "training.batch_size",
                "give training.batch_size (q = batch_size / N, N treated as public) or \
                 training.sampling_rate with training.public_dataset_size",
            )
        }
        (Some(b), None) if !(b >= 1.0 && b.is_finite()) => {
            return bad("training.batch_size", format!("must be >= 1, got {b}"))
        }
        (None, Some(q)) if !(q > 0.0 && q <= 1.0) => {
            return bad(
                "training.sampling_rate",
                format!("must be in (0, 1], got {q}"),
            )
        }
        _ => {}
    }
    match (t.sampling_rate, t.public_dataset_size) {
        (Some(_), None) => {
            return bad(
                "training.public_dataset_size",
                "is required with training.sampling_rate: the update divides by q·N₀ with N₀ \
                 this declared size, never by the training set's own size",
            )
        }
        (None, Some(_)) => {
            return bad(
                "training.public_dataset_size",
                "is for training.sampling_rate only (with training.batch_size the training \
                 set's size N is used and treated as public)",
            )
        }
        (_, Some(0)) => return bad("training.public_dataset_size", "must be >= 1"),
        _ => {}
    }
    if t.sampling_rate.is_some() && p.enabled && p.centering_noise_multiplier.is_some() {
        return bad(
            "training.sampling_rate",
            "is not supported with a centred model yet (its released feature mean divides by \
             the training set's size N); use training.batch_size",
        );
    }
    if t.sampling_rate.is_some() && p.secure_noise {
        return bad(
            "training.sampling_rate",
            "is not supported with privacy.secure_noise yet (its batch cap is sized from N); \
             use training.batch_size",
        );
    }
    match t.max_batch_size {
        Some(0) => bad("training.max_batch_size", "must be >= 1"),
        Some(_) if p.secure_noise => bad(
            "training.max_batch_size",
            "privacy.secure_noise already caps the batch at an accounted size; remove one",
        ),
        Some(_) if p.enabled && p.mechanism == NoiseMechanism::Bandmf => bad(
            "training.max_batch_size",
            "is not supported with privacy.mechanism = \"bandmf\" (its accounting counts \
             cycles of k steps; the truncation bound counts steps); remove the cap",
        ),
        _ => Ok(()),
    }
}

/// The sampling the privacy plan is derived from (validated settings).
pub fn spec(cfg: &TrainSettings) -> SamplingSpec {
    let t = &cfg.training;
    let request = match (t.sampling_rate, t.public_dataset_size) {
        (Some(q), Some(public_size)) => SamplingRequest::Rate { q, public_size },
        _ => SamplingRequest::BatchSize(t.batch_size.unwrap_or(1.0)),
    };
    SamplingSpec {
        request,
        max_batch: t.max_batch_size,
    }
}

/// Truncated Poisson: when more than `cap` examples were sampled, keeps `cap`
/// of them chosen uniformly at random (a partial Fisher–Yates shuffle with
/// unbiased integers from the sampling stream), in increasing index order.
/// The kept set depends on the sampled set and the stream only, never on
/// the examples' positions. Nothing is drawn when the batch fits.
pub fn truncate(rng: &mut StreamRng, indices: &mut Vec<usize>, cap: Option<usize>) {
    let Some(cap) = cap else { return };
    let len = indices.len();
    if len <= cap {
        return;
    }
    for i in 0..cap {
        let j = i + rng.below(len - i);
        indices.swap(i, j);
    }
    indices.truncate(cap);
    indices.sort_unstable();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_keeps_the_cap_uniformly_among_the_sampled() {
        // 20 sampled examples cut to 5, 20,000 times: each is kept with
        // probability 1/4 (count s.d. 61) and a given pair with
        // C(18, 3)/C(20, 5) = 0.0526 (s.d. 32); bounds at 6 s.d. A cut by
        // position (the first 5) keeps indices 0..5 always and 15..20 never.
        let sampled: Vec<usize> = (0..20).map(|i| 3 + 7 * i).collect();
        let (cap, trials) = (5usize, 20_000usize);
        let mut rng = StreamRng::from_fixed_seed(3, 0);
        let mut kept = [0usize; 20];
        let (mut first_pair, mut last_pair) = (0usize, 0usize);
        for _ in 0..trials {
            let mut batch = sampled.clone();
            truncate(&mut rng, &mut batch, Some(cap));
            assert_eq!(batch.len(), cap);
            assert!(batch.windows(2).all(|w| w[0] < w[1]), "sorted, distinct");
            for &b in &batch {
                kept[sampled.iter().position(|&s| s == b).unwrap()] += 1;
            }
            first_pair += usize::from(batch.contains(&sampled[0]) && batch.contains(&sampled[1]));
            last_pair += usize::from(batch.contains(&sampled[18]) && batch.contains(&sampled[19]));
        }
        let t = trials as f64;
        for (i, &k) in kept.iter().enumerate() {
            assert!(
                (k as f64 - t / 4.0).abs() < 6.0 * 61.3,
                "example {i} kept {k} times"
            );
        }
        let pair = t * 816.0 / 15504.0;
        for (name, k) in [("first", first_pair), ("last", last_pair)] {
            assert!(
                (k as f64 - pair).abs() < 6.0 * 31.6,
                "{name} pair kept {k} times"
            );
        }
    }

    #[test]
    fn a_batch_within_the_cap_is_untouched_and_draws_nothing() {
        let mut rng = StreamRng::from_fixed_seed(4, 0);
        let before = rng.state();
        let mut batch = vec![1, 5, 9];
        truncate(&mut rng, &mut batch, Some(3));
        truncate(&mut rng, &mut batch, None);
        assert_eq!(batch, vec![1, 5, 9]);
        assert_eq!(rng.state(), before);
    }
}
