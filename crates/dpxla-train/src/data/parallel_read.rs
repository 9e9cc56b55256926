//! Reading a batch on several threads, for datasets whose examples are costly
//! to read (image folders decode a JPEG or PNG per example). Each thread fills
//! a contiguous run of the batch, so the result does not depend on the thread
//! count.

use super::{Dataset, RawBatch};
use crate::{Error, Result};

/// Threads a batch read uses: the machine's parallelism, at most one per
/// example.
pub fn read_threads(batch: usize) -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(batch)
        .max(1)
}

/// The examples at `indices` as one batch, read on `threads` threads (the
/// first error in batch order is returned).
pub fn read_batch_parallel(
    ds: &(dyn Dataset + Sync),
    indices: &[usize],
    threads: usize,
) -> Result<RawBatch> {
    let n = ds.len();
    if let Some(&i) = indices.iter().find(|&&i| i >= n) {
        return Err(Error::InvalidInput(format!(
            "example index {i} out of range: {} has {n} examples",
            ds.source().display()
        )));
    }
    let per = ds.image_len().max(1);
    let mut images = vec![0u8; indices.len() * per];
    let chunk = indices.len().div_ceil(threads.max(1)).max(1);
    let results: Vec<Result<()>> = std::thread::scope(|s| {
        let handles: Vec<_> = images
            .chunks_mut(chunk * per)
            .zip(indices.chunks(chunk))
            .map(|(out, idx)| {
                s.spawn(move || {
                    for (slot, &i) in out.chunks_exact_mut(per).zip(idx) {
                        ds.read_image(i, slot)?;
                    }
                    Ok(())
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(Error::Internal("a batch reader thread panicked".into()))
                })
            })
            .collect()
    });
    results.into_iter().collect::<Result<()>>()?;
    let labels = ds.labels();
    Ok(RawBatch {
        images,
        labels: indices.iter().map(|&i| labels[i]).collect(),
        image_shape: ds.image_shape(),
    })
}
