//! The public partition of cyclic Poisson sampling: the examples are split into
//! `b` fixed parts, and step `t` Poisson-samples only from part `t mod b`
//! (Choquette-Choo et al. 2023, arXiv:2306.08153). An example can therefore be
//! in the batches of steps `k, k + b, k + 2b, …` only (`k` its part): at most
//! `⌈n / b⌉` participations, each `b` apart.
//!
//! The part of an example is a keyed hash of its id under a public seed. The
//! partition needs no secrecy (the amplification comes from the Poisson draw
//! inside the part), and because each example's part depends on its own id
//! only, adding or removing one example moves no other example: the partition
//! of the rest is the same on both neighbouring datasets, as the reduction
//! assumes. (A seeded permutation of `0..N` would reshuffle everyone when `N`
//! changes.) The hash is SplitMix64's finaliser (Steele, Lea, Flood 2014,
//! "Fast splittable pseudorandom number generators"), reduced to `0..b` by the
//! multiply-high method (Lemire 2019, "Fast Random Integer Generation in an
//! Interval"), whose bias is below `b / 2⁶⁴`.

use crate::{Error, Result};

/// The part (`0..partitions`) of example `example` under the public `seed`.
pub fn partition_of(seed: u64, example: u64, partitions: usize) -> Result<usize> {
    validate_partitions(partitions)?;
    let h = mix(mix(seed ^ 0x6a09_e667_f3bc_c908).wrapping_add(example));
    Ok(((u128::from(h) * partitions as u128) >> 64) as usize)
}

/// The part that step `step` samples from: `step mod partitions`.
pub fn step_partition(step: u64, partitions: usize) -> Result<usize> {
    validate_partitions(partitions)?;
    Ok((step % partitions as u64) as usize)
}

/// The steps among `0..steps` at which an example of part `part` can be
/// sampled.
pub fn participation_steps(
    part: usize,
    steps: u64,
    partitions: usize,
) -> Result<impl Iterator<Item = u64>> {
    validate_partitions(partitions)?;
    if part >= partitions {
        return Err(Error::InvalidInput(format!(
            "part {part} is not below the {partitions} partitions"
        )));
    }
    Ok((part as u64..steps).step_by(partitions))
}

/// SplitMix64's output function.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn validate_partitions(partitions: usize) -> Result<()> {
    if partitions >= 1 {
        Ok(())
    } else {
        Err(Error::InvalidInput(
            "cyclic sampling needs at least 1 partition, got 0".to_string(),
        ))
    }
}
