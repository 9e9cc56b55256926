//! CIFAR-10 and CIFAR-100, "binary version".
//!
//! Format (Krizhevsky, "The CIFAR-10 dataset" page, "Binary version"): fixed-size
//! records with no header. CIFAR-10: `<1 x label><3072 x pixel>`, files
//! `data_batch_1.bin` … `data_batch_5.bin` (train) and `test_batch.bin`, 10,000
//! records each. CIFAR-100: `<1 x coarse label><1 x fine label><3072 x pixel>`,
//! files `train.bin` (50,000) and `test.bin` (10,000). The 3072 pixel bytes of a
//! 32x32 image are three planes, red then green then blue, each row-major: CHW.
//! We keep the records as they are and transpose to HWC when an image is read.
//! Class names come from `batches.meta.txt` / `{fine,coarse}_label_names.txt`
//! when they are beside the data.

use super::{data_error, file_name, io_error, Dataset, OpenOptions, Split};
use crate::{Error, Result};
use std::path::{Path, PathBuf};

const SIDE: usize = 32;
const PLANE: usize = SIDE * SIDE;
const PIXELS: usize = 3 * PLANE;

/// Which CIFAR variant a file holds; decides the record layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CifarVariant {
    /// One label byte per record.
    Cifar10,
    /// Coarse then fine label byte per record.
    Cifar100,
}

impl CifarVariant {
    fn label_bytes(self) -> usize {
        match self {
            CifarVariant::Cifar10 => 1,
            CifarVariant::Cifar100 => 2,
        }
    }
    fn record_len(self) -> usize {
        self.label_bytes() + PIXELS
    }
    /// From the official file names; other names are decided by the file size.
    fn from_name(name: &str) -> Option<CifarVariant> {
        if name.starts_with("data_batch") || name == "test_batch.bin" {
            Some(CifarVariant::Cifar10)
        } else if name == "train.bin" || name == "test.bin" {
            Some(CifarVariant::Cifar100)
        } else {
            None
        }
    }
}

/// The CIFAR files of `split` under `dir` (or its `cifar-10-batches-bin` /
/// `cifar-100-binary` sub-folder), if there are any.
pub fn find_split(dir: &Path, split: Split) -> Option<Vec<PathBuf>> {
    for base in [
        dir.to_path_buf(),
        dir.join("cifar-10-batches-bin"),
        dir.join("cifar-100-binary"),
    ] {
        let files: Vec<PathBuf> = match split {
            Split::Train => {
                let ten: Vec<PathBuf> = (1..=5)
                    .map(|i| base.join(format!("data_batch_{i}.bin")))
                    .filter(|p| p.is_file())
                    .collect();
                if ten.is_empty() {
                    vec![base.join("train.bin")]
                } else {
                    ten
                }
            }
            Split::Test => vec![base.join("test_batch.bin"), base.join("test.bin")],
        }
        .into_iter()
        .filter(|p| p.is_file())
        .collect();
        if !files.is_empty() {
            return Some(files);
        }
    }
    None
}

/// CIFAR records held in memory (CIFAR-10's training set is 154 MB).
pub struct CifarDataset {
    source: PathBuf,
    variant: CifarVariant,
    /// Pixel planes (CHW), `PIXELS` bytes per example.
    pixels: Vec<u8>,
    labels: Vec<i64>,
    num_classes: usize,
    class_names: Option<Vec<String>>,
}

impl CifarDataset {
    /// Reads `files` (all of one variant) in order. With `opts.cifar100_coarse`,
    /// CIFAR-100 examples get their coarse (20-class) labels.
    pub fn open(files: &[PathBuf], opts: &OpenOptions) -> Result<CifarDataset> {
        let first = files
            .first()
            .ok_or_else(|| Error::InvalidInput("no CIFAR files given".into()))?;
        let mut variant = None;
        let mut pixels = Vec::new();
        let mut labels = Vec::new();
        for path in files {
            let bytes = std::fs::read(path).map_err(io_error(path))?;
            let v = match CifarVariant::from_name(&file_name(path)) {
                Some(v) => v,
                None => variant_from_size(path, bytes.len())?,
            };
            if *variant.get_or_insert(v) != v {
                return Err(Error::InvalidInput(format!(
                    "{} is {v:?} but {} is {:?}",
                    path.display(),
                    first.display(),
                    variant.unwrap()
                )));
            }
            read_records(
                path,
                &bytes,
                v,
                opts.cifar100_coarse,
                &mut pixels,
                &mut labels,
            )?;
        }
        let variant = variant.expect("at least one file");
        let (num_classes, names_file) = match (variant, opts.cifar100_coarse) {
            (CifarVariant::Cifar10, _) => (10, "batches.meta.txt"),
            (CifarVariant::Cifar100, false) => (100, "fine_label_names.txt"),
            (CifarVariant::Cifar100, true) => (20, "coarse_label_names.txt"),
        };
        let class_names = std::fs::read_to_string(first.with_file_name(names_file))
            .ok()
            .map(|t| {
                t.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from)
                    .collect::<Vec<_>>()
            })
            .filter(|names| names.len() == num_classes);
        Ok(CifarDataset {
            source: first.to_path_buf(),
            variant,
            pixels,
            labels,
            num_classes,
            class_names,
        })
    }

    pub fn variant(&self) -> CifarVariant {
        self.variant
    }
}

/// A file with an unofficial name: the variant whose record size divides its length.
fn variant_from_size(path: &Path, len: usize) -> Result<CifarVariant> {
    let ten = len.is_multiple_of(CifarVariant::Cifar10.record_len());
    let hundred = len.is_multiple_of(CifarVariant::Cifar100.record_len());
    match (ten, hundred) {
        (true, false) => Ok(CifarVariant::Cifar10),
        (false, true) => Ok(CifarVariant::Cifar100),
        _ => Err(data_error(
            path,
            None,
            format!(
                "cannot tell CIFAR-10 from CIFAR-100: {len} bytes is {} a whole number of \
                 3073-byte (CIFAR-10) and 3074-byte (CIFAR-100) records; use the official \
                 file names",
                if ten { "both" } else { "neither" }
            ),
        )),
    }
}

/// Appends the records of one file, checking the length and every label.
fn read_records(
    path: &Path,
    bytes: &[u8],
    variant: CifarVariant,
    coarse: bool,
    pixels: &mut Vec<u8>,
    labels: &mut Vec<i64>,
) -> Result<()> {
    let rec = variant.record_len();
    if !bytes.len().is_multiple_of(rec) {
        let whole = bytes.len() / rec * rec;
        return Err(data_error(
            path,
            Some(whole as u64),
            format!(
                "truncated: {} bytes is not a whole number of {rec}-byte {variant:?} \
                 records; the record starting here has only {} bytes",
                bytes.len(),
                bytes.len() - whole
            ),
        ));
    }
    for (i, record) in bytes.chunks_exact(rec).enumerate() {
        let (label, limit) = match (variant, coarse) {
            (CifarVariant::Cifar10, _) => (record[0], 10),
            (CifarVariant::Cifar100, true) => (record[0], 20),
            (CifarVariant::Cifar100, false) => (record[1], 100),
        };
        if label >= limit {
            let at = i * rec + usize::from(variant == CifarVariant::Cifar100 && !coarse);
            return Err(data_error(
                path,
                Some(at as u64),
                format!("label {label} of record {i} is not below {limit}"),
            ));
        }
        labels.push(label as i64);
        pixels.extend_from_slice(&record[variant.label_bytes()..]);
    }
    Ok(())
}

impl Dataset for CifarDataset {
    fn kind(&self) -> &'static str {
        match self.variant {
            CifarVariant::Cifar10 => "cifar10",
            CifarVariant::Cifar100 => "cifar100",
        }
    }
    fn source(&self) -> &Path {
        &self.source
    }
    fn len(&self) -> usize {
        self.labels.len()
    }
    fn image_shape(&self) -> [usize; 3] {
        [SIDE, SIDE, 3]
    }
    fn num_classes(&self) -> usize {
        self.num_classes
    }
    fn labels(&self) -> &[i64] {
        &self.labels
    }
    fn class_names(&self) -> Option<&[String]> {
        self.class_names.as_deref()
    }
    fn read_image(&self, index: usize, out: &mut [u8]) -> Result<()> {
        super::check_read(self, index, out)?;
        let planes = &self.pixels[index * PIXELS..(index + 1) * PIXELS];
        // CHW planes → HWC: pixel p of channel c moves to p * 3 + c.
        for (p, hwc) in out.chunks_exact_mut(3).enumerate() {
            for (c, v) in hwc.iter_mut().enumerate() {
                *v = planes[c * PLANE + p];
            }
        }
        Ok(())
    }
}
