//! The sampler and noise streams of a multi-process run, the same in every
//! process: process 0 draws them (from OS entropy, or the debug seed) and
//! publishes their states through the coordinator; the others restore them.
//!
//! Why this keeps the mechanism one DP-SGD step of the whole dataset:
//! - the Poisson sample is drawn ONCE, by the same generator in every process
//!   (every process computes the same index list, each example of the whole
//!   dataset in with probability q independently), and
//!   `sampling::distributed::plan_logical_batch` gives each example to exactly
//!   one process's rows: the processes split one sample, they do not draw P
//!   samples;
//! - the noise key is the same in every process, and the replicated apply
//!   program adds the noise AFTER the all-reduce of the clipped sums
//!   (`data_parallel::graphs::replicated_apply_graph`): every replica adds the
//!   same N(0, σ²C²) draw to the same global sum, so the noise enters once. A
//!   process with its own key would make the replicas' parameters disagree
//!   (and, were the noise summed, add it P times).
//!
//! The states travel in the clear over the store: see the trust note of
//! `coordinator`.

use super::coordinator::Coordinator;
use crate::train::sampling::sampler::{RngState, StreamRng};
use crate::{Error, Result};

const KEY: &str = "streams";

fn encode(sampler: &RngState, noise: &RngState) -> Vec<u8> {
    format!(
        "{}\n{}\n{}\n{}\n",
        sampler.seed, sampler.word_pos, noise.seed, noise.word_pos
    )
    .into_bytes()
}

fn decode(bytes: &[u8]) -> Result<(RngState, RngState)> {
    let bad = || Error::InvalidInput("process 0 published malformed stream states".into());
    let text = std::str::from_utf8(bytes).map_err(|_| bad())?;
    let l: Vec<&str> = text.lines().collect();
    if l.len() != 4 {
        return Err(bad());
    }
    let state = |seed: &str, pos: &str| RngState {
        seed: seed.to_string(),
        word_pos: pos.to_string(),
    };
    Ok((state(l[0], l[1]), state(l[2], l[3])))
}

/// The run's (sampler, noise) streams: `make()` in process 0, published;
/// restored from process 0's states elsewhere (`make` is not called there).
pub fn share_streams(
    coord: &Coordinator,
    make: impl FnOnce() -> (StreamRng, StreamRng),
) -> Result<(StreamRng, StreamRng)> {
    if coord.processes().process_id == 0 {
        let (sampler, noise) = make();
        coord.put(KEY, &encode(&sampler.state(), &noise.state()))?;
        Ok((sampler, noise))
    } else {
        let (s, n) = decode(&coord.get(KEY)?)?;
        Ok((StreamRng::restore(&s)?, StreamRng::restore(&n)?))
    }
}
