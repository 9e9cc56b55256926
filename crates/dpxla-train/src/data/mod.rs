//! Datasets for image classification: readers, augmentation and prefetch.
//!
//! Every reader exposes the same [`Dataset`] view: `len()` examples, each a `u8`
//! image in HWC layout of one fixed [`Dataset::image_shape`] and an `i64` label in
//! `0..num_classes()`. Batches are `[B, H, W, C]` `u8` plus `[B]` `i64`
//! ([`RawBatch`]); augmentation ([`augment`]) turns them into normalised `f32`
//! views on the host, and [`prefetch`] overlaps that work with device compute.
//!
//! Readers, one per on-disk format:
//! - [`idx`]: IDX files, plain or gzip (MNIST, Fashion-MNIST);
//! - [`cifar`]: the CIFAR-10 / CIFAR-100 binary version;
//! - [`shards`]: folders of safetensors shards (`images` u8 `[n,H,W,C]`, `labels`
//!   i64 `[n]`), the scalable format that `dpxla data convert` writes;
//! - [`folder`]: one sub-folder of JPEG/PNG files per class (ImageNet, Places365).
//!
//! [`open_dataset`] recognises which one a path holds by what is on disk.

pub mod augment;
pub mod cifar;
pub mod classes;
pub mod folder;
pub mod idx;
pub mod parallel_read;
pub mod prefetch;
mod prefix;
pub mod resized_crop;
pub mod shards;

use crate::{Error, Result};
use dpxla_core::array::{ArrayData, HostArray};
use std::path::{Path, PathBuf};

pub use augment::{augment_batch, augment_views, normalize_batch, ViewAugment};
pub use prefetch::Prefetcher;
pub use prefix::Prefix;

/// Which part of a dataset to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    Train,
    Test,
}

impl Split {
    /// Folder names that hold this split in ImageNet-like layouts, in the order tried.
    fn folder_names(self) -> &'static [&'static str] {
        match self {
            Split::Train => &["train"],
            Split::Test => &["test", "val", "validation"],
        }
    }
}

impl std::str::FromStr for Split {
    type Err = Error;
    fn from_str(s: &str) -> Result<Split> {
        match s {
            "train" => Ok(Split::Train),
            "test" | "val" | "validation" | "t10k" => Ok(Split::Test),
            _ => Err(Error::InvalidInput(format!(
                "unknown split '{s}' (expected train or test)"
            ))),
        }
    }
}

/// Options for [`open_dataset`] that only some formats use.
#[derive(Clone, Debug)]
pub struct OpenOptions {
    /// The split to read where the path holds several (IDX, CIFAR, split folders).
    pub split: Split,
    /// Side of the square model input that image folders are resized and
    /// centre-cropped to (other formats have a fixed size).
    pub image_size: usize,
    /// CIFAR-100 only: use the 20 coarse labels instead of the 100 fine ones.
    pub cifar100_coarse: bool,
    /// The number of classes, when known from elsewhere (the configuration,
    /// or the training split for its test split): every label must lie
    /// below it. `None`: the format's metadata, else the labels (see
    /// [`classes`]).
    pub num_classes: Option<usize>,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            split: Split::Train,
            image_size: 224,
            cifar100_coarse: false,
            num_classes: None,
        }
    }
}

/// A labelled image dataset with random access.
///
/// `Send + Sync` so that a [`Prefetcher`] thread can read while the trainer runs.
pub trait Dataset: Send + Sync {
    /// A short name of the on-disk format ("idx", "cifar10", "shards", ...).
    fn kind(&self) -> &'static str;
    /// The file or folder the examples come from.
    fn source(&self) -> &Path;
    /// Number of examples.
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// `[height, width, channels]` of every image.
    fn image_shape(&self) -> [usize; 3];
    /// Labels lie in `0..num_classes()`.
    fn num_classes(&self) -> usize;
    /// Every example's label, in example order (cheap: all readers keep them).
    fn labels(&self) -> &[i64];
    /// The file the labels are read from, for errors about a label.
    fn labels_source(&self) -> &Path {
        self.source()
    }
    /// Class names where the format has them (image folders), else `None`.
    fn class_names(&self) -> Option<&[String]> {
        None
    }
    /// Writes example `index`'s image (HWC `u8`, `image_shape()` elements) into `out`.
    fn read_image(&self, index: usize, out: &mut [u8]) -> Result<()>;

    /// Bytes of one image.
    fn image_len(&self) -> usize {
        self.image_shape().iter().product()
    }

    /// The examples at `indices` (any order, repeats allowed) as one batch.
    fn read_batch(&self, indices: &[usize]) -> Result<RawBatch> {
        let n = self.len();
        let per = self.image_len();
        let mut images = vec![0u8; indices.len() * per];
        let mut labels = Vec::with_capacity(indices.len());
        let all_labels = self.labels();
        for (slot, &i) in images.chunks_exact_mut(per.max(1)).zip(indices) {
            if i >= n {
                return Err(Error::InvalidInput(format!(
                    "example index {i} out of range: {} has {n} examples",
                    self.source().display()
                )));
            }
            self.read_image(i, slot)?;
            labels.push(all_labels[i]);
        }
        Ok(RawBatch {
            images,
            labels,
            image_shape: self.image_shape(),
        })
    }
}

/// Images `[B, H, W, C]` (`u8`, row-major, as read) and their labels `[B]`:
/// raw data before augmentation (not `dpxla_nn::Batch`, the checked model input).
#[derive(Clone, Debug, PartialEq)]
pub struct RawBatch {
    pub images: Vec<u8>,
    pub labels: Vec<i64>,
    pub image_shape: [usize; 3],
}

impl RawBatch {
    pub fn len(&self) -> usize {
        self.labels.len()
    }
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }
    /// The images as a `u8` host array `[B, H, W, C]`.
    pub fn images_array(&self) -> HostArray {
        let [h, w, c] = self.image_shape;
        HostArray::new(
            vec![self.len(), h, w, c],
            ArrayData::U8(self.images.clone()),
        )
    }
    /// The labels as an `i64` host array `[B]`.
    pub fn labels_array(&self) -> HostArray {
        HostArray::new(vec![self.len()], ArrayData::I64(self.labels.clone()))
    }
}

/// Number of examples per class, `num_classes()` entries.
pub fn class_counts(ds: &dyn Dataset) -> Vec<usize> {
    let mut counts = vec![0usize; ds.num_classes()];
    for &l in ds.labels() {
        if let Some(c) = usize::try_from(l).ok().and_then(|l| counts.get_mut(l)) {
            *c += 1;
        }
    }
    counts
}

/// Opens `split` of the dataset at `path` with default options, shared.
pub fn open_split(path: impl AsRef<Path>, split: Split) -> Result<std::sync::Arc<dyn Dataset>> {
    let opts = OpenOptions {
        split,
        ..OpenOptions::default()
    };
    Ok(open_dataset(path.as_ref(), &opts)?.into())
}

/// Opens the dataset at `path`, recognising its format by what is on disk:
///
/// - a file `*-images-idx3-ubyte[.gz]` (labels beside it), or a folder with
///   `{train,t10k}-images-idx3-ubyte[.gz]` → [`idx`] (split chosen by `opts.split`);
/// - a CIFAR `*.bin` file, or a folder with `data_batch_1.bin`/`test_batch.bin`
///   (CIFAR-10) or `train.bin`/`test.bin` (CIFAR-100), or one with a
///   `cifar-10-batches-bin` / `cifar-100-binary` sub-folder → [`cifar`];
/// - a `*.safetensors` file or a folder of them → [`shards`];
/// - a folder with a `train` (or `test`/`val`) sub-folder: that sub-folder, by
///   the rules above or below;
/// - a folder of class sub-folders of JPEG/PNG images → [`folder`].
pub fn open_dataset(path: &Path, opts: &OpenOptions) -> Result<Box<dyn Dataset>> {
    let ds = open_any(path, opts)?;
    if let Some(k) = opts.num_classes.filter(|&k| k != ds.num_classes()) {
        return Err(Error::InvalidInput(format!(
            "{} has {} classes, expected {k} (data.num_classes, or the training split's count)",
            ds.source().display(),
            ds.num_classes()
        )));
    }
    // Every reader's labels, whatever their origin, lie in 0..num_classes().
    classes::check_labels(ds.labels(), ds.num_classes(), ds.labels_source())?;
    Ok(ds)
}

fn open_any(path: &Path, opts: &OpenOptions) -> Result<Box<dyn Dataset>> {
    let meta = std::fs::metadata(path).map_err(|e| {
        Error::InvalidInput(format!(
            "dataset path {}: {e} (MNIST and Fashion-MNIST: run scripts/fetch_datasets.sh)",
            path.display()
        ))
    })?;
    if meta.is_file() {
        return open_file(path, opts);
    }
    if let Some(images) = idx::find_split(path, opts.split) {
        return Ok(Box::new(idx::IdxDataset::open_with(
            &images,
            opts.num_classes,
        )?));
    }
    if let Some(files) = cifar::find_split(path, opts.split) {
        return Ok(Box::new(cifar::CifarDataset::open(&files, opts)?));
    }
    if !shards::list_shards(path)?.is_empty() {
        return Ok(Box::new(shards::ShardDataset::open(path)?));
    }
    for name in opts.split.folder_names() {
        let sub = path.join(name);
        if sub.is_dir() {
            return open_any(&sub, opts);
        }
    }
    if folder::looks_like_image_folder(path)? {
        return Ok(Box::new(folder::FolderDataset::open(
            path,
            opts.image_size,
        )?));
    }
    Err(Error::InvalidInput(format!(
        "{} holds no dataset dpxla can read: expected IDX files, CIFAR .bin files, \
         *.safetensors shards, a train/test sub-folder, or class sub-folders of JPEG/PNG \
         images (run scripts/fetch_datasets.sh for MNIST and Fashion-MNIST)",
        path.display()
    )))
}

fn open_file(path: &Path, opts: &OpenOptions) -> Result<Box<dyn Dataset>> {
    let name = file_name(path);
    if name.contains("-images-idx") {
        return Ok(Box::new(idx::IdxDataset::open_with(
            path,
            opts.num_classes,
        )?));
    }
    if name.ends_with(".bin") {
        return Ok(Box::new(cifar::CifarDataset::open(
            &[path.to_path_buf()],
            opts,
        )?));
    }
    if name.ends_with(".safetensors") {
        return Ok(Box::new(shards::ShardDataset::open(path)?));
    }
    Err(Error::InvalidInput(format!(
        "{}: unknown dataset file type (expected *-images-idx3-ubyte[.gz], CIFAR *.bin \
         or *.safetensors)",
        path.display()
    )))
}

/// Checks a `read_image` call: `index` in range and `out` of one image's size.
pub(crate) fn check_read(ds: &dyn Dataset, index: usize, out: &[u8]) -> Result<()> {
    if index >= ds.len() {
        return Err(Error::InvalidInput(format!(
            "example index {index} out of range: {} has {} examples",
            ds.source().display(),
            ds.len()
        )));
    }
    if out.len() != ds.image_len() {
        return Err(Error::InvalidInput(format!(
            "image buffer of {} bytes, expected {} ({:?})",
            out.len(),
            ds.image_len(),
            ds.image_shape()
        )));
    }
    Ok(())
}

pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub(crate) fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| {
        dpxla_core::Error::Io {
            path: path.to_path_buf(),
            source,
        }
        .into()
    }
}

pub(crate) fn data_error(path: &Path, offset: Option<u64>, msg: impl Into<String>) -> Error {
    dpxla_core::Error::Data {
        path: path.to_path_buf(),
        offset,
        msg: msg.into(),
    }
    .into()
}

/// Sorted entries of a folder (names sorted bytewise, so the order is the same
/// on every machine).
pub(crate) fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_error(dir))? {
        out.push(entry.map_err(io_error(dir))?.path());
    }
    out.sort();
    Ok(out)
}
