//! Splitting one physical batch into the replicas' shares.

use crate::{Error, Result};
use dpxla_core::array::{ArrayData, HostArray};

/// One replica's rows of a physical batch.
#[derive(Clone, Debug, PartialEq)]
pub struct Shard {
    /// `[p, ...]` (or `[p, K, ...]`).
    pub images: HostArray,
    /// `[p]`.
    pub labels: Vec<i32>,
    /// `[p]`: 1 for a real example, 0 for padding.
    pub mask: Vec<f32>,
}

/// Rows per replica when a physical batch of `rows` rows is split over
/// `replicas` replicas; an error unless it divides evenly (pad the batch to a
/// multiple of the replica count: padded rows are masked and add nothing).
pub fn rows_per_replica(rows: usize, replicas: usize) -> Result<usize> {
    if replicas == 0 || !rows.is_multiple_of(replicas) {
        return Err(Error::InvalidInput(format!(
            "a physical batch of {rows} rows cannot be split evenly over {replicas} \
             replica(s); use a physical batch size that is a multiple of the device count"
        )));
    }
    Ok(rows / replicas)
}

/// The rows of a physical batch, checking that images, labels and mask agree.
pub fn batch_rows(images: &HostArray, labels: &[i32], mask: &[f32]) -> Result<usize> {
    let rows = images.shape.first().copied().unwrap_or(0);
    if labels.len() != rows || mask.len() != rows {
        return Err(Error::InvalidInput(format!(
            "physical batch of {rows} images with {} labels and {} mask entries",
            labels.len(),
            mask.len()
        )));
    }
    Ok(rows)
}

/// Splits a physical batch (images `[P, ...]`, labels and mask `[P]`) into
/// `replicas` contiguous shards of `P / replicas` rows: replica `r` gets rows
/// `r·P/replicas .. (r+1)·P/replicas`.
pub fn shard_batch(
    images: &HostArray,
    labels: &[i32],
    mask: &[f32],
    replicas: usize,
) -> Result<Vec<Shard>> {
    let rows = batch_rows(images, labels, mask)?;
    let per = rows_per_replica(rows, replicas)?;
    let row_len: usize = images.shape[1..].iter().product();
    let mut shape = images.shape.clone();
    shape[0] = per;
    (0..replicas)
        .map(|r| {
            let (lo, hi) = (r * per, (r + 1) * per);
            Ok(Shard {
                images: HostArray::new(
                    shape.clone(),
                    slice_rows(&images.data, lo * row_len, hi * row_len),
                ),
                labels: labels[lo..hi].to_vec(),
                mask: mask[lo..hi].to_vec(),
            })
        })
        .collect()
}

fn slice_rows(data: &ArrayData, lo: usize, hi: usize) -> ArrayData {
    match data {
        ArrayData::F32(v) => ArrayData::F32(v[lo..hi].to_vec()),
        ArrayData::F64(v) => ArrayData::F64(v[lo..hi].to_vec()),
        ArrayData::BF16(v) => ArrayData::BF16(v[lo..hi].to_vec()),
        ArrayData::I32(v) => ArrayData::I32(v[lo..hi].to_vec()),
        ArrayData::I64(v) => ArrayData::I64(v[lo..hi].to_vec()),
        ArrayData::U8(v) => ArrayData::U8(v[lo..hi].to_vec()),
        ArrayData::U32(v) => ArrayData::U32(v[lo..hi].to_vec()),
        ArrayData::Bool(v) => ArrayData::Bool(v[lo..hi].to_vec()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_are_contiguous_rows_in_replica_order() {
        let images = HostArray::f32([4, 2], (0..8).map(|x| x as f32).collect());
        let s = shard_batch(&images, &[0, 1, 2, 3], &[1.0, 1.0, 0.0, 0.0], 2).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(
            s[1].images,
            HostArray::f32([2, 2], vec![4.0, 5.0, 6.0, 7.0])
        );
        assert_eq!(s[1].labels, vec![2, 3]);
        assert_eq!(s[1].mask, vec![0.0, 0.0]);
        assert_eq!(s[0].labels, vec![0, 1]);
    }

    #[test]
    fn uneven_batches_are_refused() {
        let images = HostArray::f32([3, 1], vec![0.0; 3]);
        let e = shard_batch(&images, &[0; 3], &[1.0; 3], 2).unwrap_err();
        assert!(
            e.to_string().contains("multiple of the device count"),
            "{e}"
        );
        assert!(rows_per_replica(4, 0).is_err());
    }
}
