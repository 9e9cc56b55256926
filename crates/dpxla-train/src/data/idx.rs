//! IDX files (MNIST, Fashion-MNIST), plain or gzip-compressed.
//!
//! Format (LeCun, Cortes, Burges, "THE MNIST DATABASE of handwritten digits",
//! section "FILE FORMATS FOR THE MNIST DATABASE"): a 4-byte magic number — two zero
//! bytes, a type code (0x08 = unsigned byte) and the number of dimensions — then
//! each dimension as a big-endian u32, then the data in row-major (C) order.
//! Images are `idx3` (`[n, rows, cols]`), labels `idx1` (`[n]`). The files come
//! in pairs: `X-images-idx3-ubyte[.gz]` and `X-labels-idx1-ubyte[.gz]`.
//!
//! Both files are read whole into memory (Fashion-MNIST's training images are
//! 47 MB). Offsets in errors count bytes of the decompressed stream.

use super::{data_error, file_name, io_error, Dataset, Split};
use crate::Result;
use std::io::Read;
use std::path::{Path, PathBuf};

/// IDX type code for unsigned bytes, the only one image datasets use.
const UBYTE: u8 = 0x08;

/// A decoded IDX file: its dimensions and its `u8` payload.
#[derive(Debug)]
pub struct IdxArray {
    pub dims: Vec<usize>,
    pub data: Vec<u8>,
}

/// Reads an IDX file of unsigned bytes, decompressing it if its name ends in `.gz`.
/// Every inconsistency (bad magic, wrong rank, truncated payload, trailing bytes,
/// broken gzip stream) is an [`crate::Error::Data`] naming the file and offset.
pub fn read_idx(path: &Path, expected_rank: usize) -> Result<IdxArray> {
    let bytes = read_maybe_gz(path)?;
    if bytes.len() < 4 {
        return Err(data_error(
            path,
            Some(bytes.len() as u64),
            "truncated: the file ends inside the 4-byte IDX magic number",
        ));
    }
    let magic = &bytes[..4];
    if magic[0] != 0 || magic[1] != 0 {
        return Err(data_error(
            path,
            Some(0),
            format!(
                "not an IDX file: magic number {:02x}{:02x}{:02x}{:02x} does not start \
                 with two zero bytes",
                magic[0], magic[1], magic[2], magic[3]
            ),
        ));
    }
    if magic[2] != UBYTE {
        return Err(data_error(
            path,
            Some(2),
            format!(
                "IDX type code 0x{:02x} is not supported (only 0x08, unsigned byte)",
                magic[2]
            ),
        ));
    }
    let rank = magic[3] as usize;
    if rank != expected_rank {
        return Err(data_error(
            path,
            Some(3),
            format!("IDX file has {rank} dimensions, expected {expected_rank}"),
        ));
    }
    let header_len = 4 + 4 * rank;
    if bytes.len() < header_len {
        return Err(data_error(
            path,
            Some(bytes.len() as u64),
            format!("truncated: the file ends inside the {header_len}-byte IDX header"),
        ));
    }
    let dims: Vec<usize> = bytes[4..header_len]
        .chunks_exact(4)
        .map(|c| u32::from_be_bytes([c[0], c[1], c[2], c[3]]) as usize)
        .collect();
    let payload = dims
        .iter()
        .try_fold(1usize, |acc, &d| acc.checked_mul(d))
        .ok_or_else(|| data_error(path, Some(4), format!("dimensions {dims:?} overflow")))?;
    let have = bytes.len() - header_len;
    if have < payload {
        return Err(data_error(
            path,
            Some(bytes.len() as u64),
            format!(
                "truncated: dimensions {dims:?} need {payload} data bytes after the \
                 {header_len}-byte header, the file has {have}"
            ),
        ));
    }
    if have > payload {
        return Err(data_error(
            path,
            Some((header_len + payload) as u64),
            format!(
                "{} unexpected bytes after the data of dimensions {dims:?}",
                have - payload
            ),
        ));
    }
    let mut data = bytes;
    data.drain(..header_len);
    Ok(IdxArray { dims, data })
}

/// The file's bytes, gunzipped when the name ends in `.gz`.
fn read_maybe_gz(path: &Path) -> Result<Vec<u8>> {
    let raw = std::fs::read(path).map_err(io_error(path))?;
    if !file_name(path).ends_with(".gz") {
        return Ok(raw);
    }
    let mut out = Vec::with_capacity(raw.len() * 4);
    let mut decoder = flate2::read::MultiGzDecoder::new(raw.as_slice());
    if let Err(e) = decoder.read_to_end(&mut out) {
        return Err(data_error(
            path,
            Some(out.len() as u64),
            format!(
                "broken gzip stream ({e}) after {} decompressed bytes",
                out.len()
            ),
        ));
    }
    Ok(out)
}

/// The images file of `split` in `dir` (`train-…` or `t10k-…`, `.gz` or plain),
/// if its labels file is there too.
pub fn find_split(dir: &Path, split: Split) -> Option<PathBuf> {
    let prefix = match split {
        Split::Train => "train",
        Split::Test => "t10k",
    };
    ["-images-idx3-ubyte.gz", "-images-idx3-ubyte"]
        .iter()
        .map(|suffix| dir.join(format!("{prefix}{suffix}")))
        .find(|p| p.is_file() && labels_path(p).is_some_and(|l| l.is_file()))
}

/// `X-labels-idx1-ubyte[.gz]` beside `X-images-idx3-ubyte[.gz]`. Either file
/// may be compressed or not (each is read by its own name): the labels file
/// with the images' compression is preferred, the other form is taken when
/// only it exists.
fn labels_path(images: &Path) -> Option<PathBuf> {
    let name = file_name(images);
    if !name.contains("-images-idx3-ubyte") {
        return None;
    }
    let same = name.replace("-images-idx3-ubyte", "-labels-idx1-ubyte");
    let other = match same.strip_suffix(".gz") {
        Some(plain) => plain.to_string(),
        None => format!("{same}.gz"),
    };
    let (same, other) = (images.with_file_name(same), images.with_file_name(other));
    Some(if !same.is_file() && other.is_file() {
        other
    } else {
        same
    })
}

/// An IDX image/label pair held in memory.
pub struct IdxDataset {
    images_path: PathBuf,
    labels_path: PathBuf,
    pixels: Vec<u8>,
    labels: Vec<i64>,
    shape: [usize; 3],
    num_classes: usize,
}

impl IdxDataset {
    /// Opens `images` (an `*-images-idx3-ubyte[.gz]` file) and the labels
    /// beside it; the class count comes from the labels (IDX has no metadata).
    pub fn open(images: &Path) -> Result<IdxDataset> {
        Self::open_with(images, None)
    }

    /// [`IdxDataset::open`] with the class count given (`Some`), or inferred
    /// from the labels, which must then cover `0..K` without a gap
    /// ([`super::classes::infer_classes`]).
    pub fn open_with(images: &Path, classes: Option<usize>) -> Result<IdxDataset> {
        let labels_file = labels_path(images).ok_or_else(|| {
            crate::Error::InvalidInput(format!(
                "{}: an IDX images file must be named *-images-idx3-ubyte[.gz]",
                images.display()
            ))
        })?;
        let img = read_idx(images, 3)?;
        let lab = read_idx(&labels_file, 1)?;
        let (n, rows, cols) = (img.dims[0], img.dims[1], img.dims[2]);
        if lab.dims[0] != n {
            return Err(data_error(
                &labels_file,
                Some(4),
                format!(
                    "{} labels for {n} images in {}",
                    lab.dims[0],
                    images.display()
                ),
            ));
        }
        let labels: Vec<i64> = lab.data.iter().map(|&l| l as i64).collect();
        let num_classes = match classes {
            Some(k) => {
                super::classes::check_labels(&labels, k, &labels_file)?;
                k
            }
            None => super::classes::infer_classes(&labels, &labels_file)?,
        };
        Ok(IdxDataset {
            images_path: images.to_path_buf(),
            labels_path: labels_file,
            pixels: img.data,
            labels,
            shape: [rows, cols, 1],
            num_classes,
        })
    }
}

impl Dataset for IdxDataset {
    fn kind(&self) -> &'static str {
        "idx"
    }
    fn source(&self) -> &Path {
        &self.images_path
    }
    fn len(&self) -> usize {
        self.labels.len()
    }
    fn image_shape(&self) -> [usize; 3] {
        self.shape
    }
    fn num_classes(&self) -> usize {
        self.num_classes
    }
    fn labels(&self) -> &[i64] {
        &self.labels
    }
    fn labels_source(&self) -> &Path {
        &self.labels_path
    }
    fn read_image(&self, index: usize, out: &mut [u8]) -> Result<()> {
        super::check_read(self, index, out)?;
        let per = self.image_len();
        out.copy_from_slice(&self.pixels[index * per..(index + 1) * per]);
        Ok(())
    }
}
