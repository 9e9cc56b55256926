//! Host-side batch preparation: read examples, augment (K views) or just
//! normalise, pad to a compiled physical size with a mask.

use crate::data::{augment_batch, augment_views, normalize_batch, Dataset, ViewAugment};
use crate::{Error, Result};
use dpxla_core::array::{ArrayData, HostArray};

/// One physical batch ready for the device.
#[derive(Clone, Debug)]
pub struct PreparedBatch {
    /// f32 `[P, ...]` or `[P, K, ...]`; rows past `real` are zero.
    pub images: HostArray,
    /// Padded with 0.
    pub labels: Vec<i32>,
    /// 1 for the `real` examples, 0 for padding.
    pub mask: Vec<f32>,
    pub real: usize,
}

/// How training examples are turned into model inputs.
#[derive(Clone, Debug)]
pub struct TrainViews {
    pub augment: ViewAugment,
    pub seed: u64,
    /// Augmentation multiplicity K.
    pub views: usize,
}

/// Reads `indices` (dataset positions, also the examples' ids for the
/// augmentation stream) and builds a padded physical batch of size `physical`.
pub fn prepare_train(
    ds: &dyn Dataset,
    indices: &[usize],
    physical: usize,
    views: &TrainViews,
    step: u64,
) -> Result<PreparedBatch> {
    let batch = ds.read_batch(indices)?;
    let ids: Vec<u64> = indices.iter().map(|&i| i as u64).collect();
    let shape = batch.image_shape;
    let images = if views.views == 1 {
        augment_batch(&batch.images, shape, &views.augment, views.seed, step, &ids)?
    } else {
        augment_views(
            &batch.images,
            shape,
            &views.augment,
            views.seed,
            step,
            &ids,
            views.views,
        )?
    };
    padded(images, &batch.labels, physical, ds.num_classes())
}

/// Reads `indices` and normalises them without augmentation (evaluation).
pub fn prepare_eval(
    ds: &dyn Dataset,
    indices: &[usize],
    physical: usize,
    augment: &ViewAugment,
) -> Result<PreparedBatch> {
    let batch = ds.read_batch(indices)?;
    let images = normalize_batch(&batch.images, batch.image_shape, augment)?;
    padded(images, &batch.labels, physical, ds.num_classes())
}

fn padded(
    images: HostArray,
    labels: &[i64],
    physical: usize,
    classes: usize,
) -> Result<PreparedBatch> {
    let real = labels.len();
    if real > physical {
        return Err(Error::Internal(format!(
            "{real} examples do not fit a physical batch of {physical}"
        )));
    }
    let ArrayData::F32(mut data) = images.data else {
        return Err(Error::Internal(
            "augmentation must produce f32 images".into(),
        ));
    };
    let per: usize = images.shape[1..].iter().product();
    data.resize(physical * per, 0.0);
    let mut shape = images.shape.clone();
    shape[0] = physical;
    let mut labs = Vec::with_capacity(physical);
    for &l in labels {
        if l < 0 || l as usize >= classes {
            return Err(Error::InvalidInput(format!(
                "label {l} outside 0..{classes}"
            )));
        }
        labs.push(l as i32);
    }
    labs.resize(physical, 0);
    let mut mask = vec![1.0f32; real];
    mask.resize(physical, 0.0);
    Ok(PreparedBatch {
        images: HostArray::f32(shape, data),
        labels: labs,
        mask,
        real,
    })
}
