//! Safetensors shards: dpxla's scalable dataset format.
//!
//! A dataset is a folder of `*.safetensors` files read in name order (`dpxla data
//! convert` writes `shard-00000.safetensors`, `shard-00001.safetensors`, …). Each
//! shard holds `images`, `u8 [n, H, W, C]`, and `labels`, `i64 [n]`; its string
//! metadata may carry `num_classes` and `class_names` (a JSON list).
//!
//! Reading is lazy: opening a dataset reads each shard's header (safetensors: an
//! 8-byte little-endian header length, then a JSON header) and its labels (8 bytes
//! per example), and checks every claim the header makes against the file size.
//! Image bytes are read only when an example is requested, straight from its
//! offset, through a small cache of open files — so a folder of many large shards
//! costs no more memory than the batches read from it.
//!
//! Shards written by dpxla carry a CRC-32 of each tensor and metadata value
//! (`dpxla_core::tensor_checksum`). Opening verifies them: the labels and
//! metadata as they are read, the images by streaming each shard's image bytes
//! once (read at disk speed, nothing kept), so a flipped byte is an error naming
//! the shard before training starts, not a silently different example. Shards
//! from other tools, without checksums, are read unchecked.

use super::{data_error, file_name, io_error, sorted_entries, Dataset};
use crate::{Error, Result};
use dpxla_core::array::{ArrayData, HostArray};
use dpxla_core::tensor_checksum::{self, TensorCrc};
use std::collections::{HashMap, VecDeque};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Headers longer than this are rejected as corrupt (safetensors uses 100 MB too).
const MAX_HEADER: u64 = 100 << 20;
/// Shard files kept open at once.
const OPEN_FILES: usize = 16;

/// The `*.safetensors` files of `dir`, sorted by name.
pub fn list_shards(dir: &Path) -> Result<Vec<PathBuf>> {
    Ok(sorted_entries(dir)?
        .into_iter()
        .filter(|p| p.is_file() && file_name(p).ends_with(".safetensors"))
        .collect())
}

/// What one shard's header says, checked against the file.
struct ShardInfo {
    path: PathBuf,
    /// Number of examples in the shard.
    len: usize,
    /// Absolute file offset of the first image byte.
    images_offset: u64,
}

/// Where a tensor's bytes lie, from the header.
struct TensorEntry {
    dtype: String,
    shape: Vec<usize>,
    begin: u64,
    end: u64,
}

/// A folder of shards (or one shard file), opened lazily.
pub struct ShardDataset {
    source: PathBuf,
    shards: Vec<ShardInfo>,
    /// `starts[s]` = index of shard `s`'s first example; one extra entry = len.
    starts: Vec<usize>,
    labels: Vec<i64>,
    shape: [usize; 3],
    num_classes: usize,
    class_names: Option<Vec<String>>,
    open_files: Mutex<OpenFiles>,
}

/// Recently used shard files, oldest first.
#[derive(Default)]
struct OpenFiles {
    files: HashMap<usize, File>,
    order: VecDeque<usize>,
}

impl ShardDataset {
    /// Opens a shard folder, or a single `.safetensors` file.
    pub fn open(path: &Path) -> Result<ShardDataset> {
        let files = if path.is_dir() {
            list_shards(path)?
        } else {
            vec![path.to_path_buf()]
        };
        if files.is_empty() {
            return Err(Error::InvalidInput(format!(
                "{} has no *.safetensors shards",
                path.display()
            )));
        }
        let mut shards = Vec::new();
        let mut starts = vec![0];
        let mut labels = Vec::new();
        let mut shape: Option<[usize; 3]> = None;
        let mut declared_classes: Option<usize> = None;
        let mut class_names = None;
        for file in files {
            let (info, hwc, meta) = read_shard_header(&file, &mut labels)?;
            if *shape.get_or_insert(hwc) != hwc {
                return Err(data_error(
                    &file,
                    None,
                    format!(
                        "images are {hwc:?}, earlier shards have {:?}",
                        shape.unwrap()
                    ),
                ));
            }
            if let Some(n) = meta.get("num_classes") {
                let n: usize = n.parse().map_err(|_| {
                    data_error(
                        &file,
                        None,
                        format!("metadata num_classes '{n}' is not a count"),
                    )
                })?;
                declared_classes = Some(declared_classes.map_or(n, |d: usize| d.max(n)));
            }
            if class_names.is_none() {
                class_names = meta
                    .get("class_names")
                    .and_then(|s| serde_json::from_str::<Vec<String>>(s).ok());
            }
            starts.push(starts.last().unwrap() + info.len);
            shards.push(info);
        }
        let seen = labels.iter().max().map_or(0, |&m| m.max(0) as usize + 1);
        let num_classes = match declared_classes {
            Some(k) => k,
            None => super::classes::infer_classes(&labels, path)?,
        };
        if seen > num_classes {
            return Err(data_error(
                path,
                None,
                format!(
                    "a label {} is not below num_classes = {num_classes}",
                    seen - 1
                ),
            ));
        }
        Ok(ShardDataset {
            source: path.to_path_buf(),
            shards,
            starts,
            labels,
            shape: shape.expect("at least one shard"),
            num_classes,
            class_names: class_names.filter(|n| n.len() == num_classes),
            open_files: Mutex::new(OpenFiles::default()),
        })
    }

    /// Number of shard files.
    pub fn num_shards(&self) -> usize {
        self.shards.len()
    }

    /// Reads `len` bytes at `offset` of shard `s` through the open-file cache.
    fn read_at(&self, s: usize, offset: u64, out: &mut [u8]) -> Result<()> {
        let path = &self.shards[s].path;
        let mut cache = self.open_files.lock().unwrap_or_else(|e| e.into_inner());
        if !cache.files.contains_key(&s) {
            if cache.order.len() >= OPEN_FILES {
                let oldest = cache.order.pop_front().expect("non-empty");
                cache.files.remove(&oldest);
            }
            let f = File::open(path).map_err(io_error(path))?;
            cache.files.insert(s, f);
            cache.order.push_back(s);
        }
        let f = cache.files.get_mut(&s).expect("just inserted");
        f.seek(SeekFrom::Start(offset)).map_err(io_error(path))?;
        f.read_exact(out).map_err(|e| {
            data_error(
                path,
                Some(offset),
                format!("cannot read {} image bytes here ({e}); was the file truncated after it was opened?", out.len()),
            )
        })
    }
}

/// Reads and checks one shard's header, appends its labels, and returns what it
/// found: the shard, its image shape `[H, W, C]` and its string metadata.
fn read_shard_header(
    path: &Path,
    labels: &mut Vec<i64>,
) -> Result<(ShardInfo, [usize; 3], HashMap<String, String>)> {
    let mut f = File::open(path).map_err(io_error(path))?;
    let file_len = f.metadata().map_err(io_error(path))?.len();
    let mut len_bytes = [0u8; 8];
    f.read_exact(&mut len_bytes).map_err(|_| {
        data_error(
            path,
            Some(0),
            format!("truncated: {file_len} bytes, no 8-byte safetensors header length"),
        )
    })?;
    let header_len = u64::from_le_bytes(len_bytes);
    if header_len > MAX_HEADER || 8 + header_len > file_len {
        return Err(data_error(
            path,
            Some(0),
            format!("header length {header_len} does not fit in the {file_len}-byte file"),
        ));
    }
    let mut header = vec![0u8; header_len as usize];
    f.read_exact(&mut header).map_err(io_error(path))?;
    let json: HashMap<String, serde_json::Value> =
        serde_json::from_slice(&header).map_err(|e| {
            data_error(
                path,
                Some(8),
                format!("safetensors header is not valid JSON: {e}"),
            )
        })?;
    let data_start = 8 + header_len;
    let entry = |name: &str| -> Result<TensorEntry> {
        let v = json.get(name).ok_or_else(|| {
            data_error(
                path,
                Some(8),
                format!("no tensor '{name}' (a shard needs 'images' and 'labels')"),
            )
        })?;
        let bad = || {
            data_error(
                path,
                Some(8),
                format!("header entry of '{name}' is malformed: {v}"),
            )
        };
        let dtype = v
            .get("dtype")
            .and_then(|d| d.as_str())
            .ok_or_else(bad)?
            .to_string();
        let shape = v
            .get("shape")
            .and_then(|s| s.as_array())
            .and_then(|s| {
                s.iter()
                    .map(|d| d.as_u64().map(|d| d as usize))
                    .collect::<Option<Vec<_>>>()
            })
            .ok_or_else(bad)?;
        let offsets = v
            .get("data_offsets")
            .and_then(|o| o.as_array())
            .and_then(|o| o.iter().map(|x| x.as_u64()).collect::<Option<Vec<_>>>())
            .filter(|o| o.len() == 2)
            .ok_or_else(bad)?;
        Ok(TensorEntry {
            dtype,
            shape,
            begin: offsets[0],
            end: offsets[1],
        })
    };
    let images = entry("images")?;
    let labels_entry = entry("labels")?;
    if images.dtype != "U8" || images.shape.len() != 4 {
        return Err(data_error(
            path,
            Some(8),
            format!(
                "'images' must be U8 [n, H, W, C], the header says {} {:?}",
                images.dtype, images.shape
            ),
        ));
    }
    let n = images.shape[0];
    if labels_entry.dtype != "I64" || labels_entry.shape != [n] {
        return Err(data_error(
            path,
            Some(8),
            format!(
                "'labels' must be I64 [{n}] to match 'images', the header says {} {:?}",
                labels_entry.dtype, labels_entry.shape
            ),
        ));
    }
    for (name, t, item) in [("images", &images, 1u64), ("labels", &labels_entry, 8)] {
        let want = t.shape.iter().map(|&d| d as u64).product::<u64>() * item;
        if t.end < t.begin || t.end - t.begin != want {
            return Err(data_error(
                path,
                Some(8),
                format!(
                    "'{name}' {:?} needs {want} bytes but its data_offsets are [{}, {})",
                    t.shape, t.begin, t.end
                ),
            ));
        }
        if data_start + t.end > file_len {
            return Err(data_error(
                path,
                Some(data_start + t.begin),
                format!(
                    "truncated: '{name}' should span bytes {}..{} but the file has {file_len} bytes",
                    data_start + t.begin,
                    data_start + t.end
                ),
            ));
        }
    }
    let labels_at = data_start + labels_entry.begin;
    let mut raw = vec![0u8; n * 8];
    f.seek(SeekFrom::Start(labels_at)).map_err(io_error(path))?;
    f.read_exact(&mut raw).map_err(io_error(path))?;
    for (i, c) in raw.chunks_exact(8).enumerate() {
        let label = i64::from_le_bytes(c.try_into().expect("8 bytes"));
        if label < 0 {
            return Err(data_error(
                path,
                Some(labels_at + 8 * i as u64),
                format!("negative label {label}"),
            ));
        }
        labels.push(label);
    }
    let meta = json
        .get("__metadata__")
        .and_then(|m| serde_json::from_value::<HashMap<String, String>>(m.clone()).ok())
        .unwrap_or_default();
    if meta.contains_key(tensor_checksum::KEY) {
        let images_at = data_start + images.begin;
        let crcs = [
            TensorCrc {
                name: "images",
                crc: stream_crc(&mut f, path, images_at, images.end - images.begin)?,
                offset: images_at,
            },
            TensorCrc {
                name: "labels",
                crc: crc32fast::hash(&raw),
                offset: labels_at,
            },
        ];
        tensor_checksum::verify_crcs(path, &crcs, &meta)?;
    }
    let hwc = [images.shape[1], images.shape[2], images.shape[3]];
    let info = ShardInfo {
        path: path.to_path_buf(),
        len: n,
        images_offset: data_start + images.begin,
    };
    Ok((info, hwc, meta))
}

/// CRC-32 of the `len` bytes of `f` from `offset`, read in 1 MiB chunks.
fn stream_crc(f: &mut File, path: &Path, offset: u64, len: u64) -> Result<u32> {
    f.seek(SeekFrom::Start(offset)).map_err(io_error(path))?;
    let mut hasher = crc32fast::Hasher::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut left = len;
    while left > 0 {
        let n = left.min(buf.len() as u64) as usize;
        f.read_exact(&mut buf[..n]).map_err(io_error(path))?;
        hasher.update(&buf[..n]);
        left -= n as u64;
    }
    Ok(hasher.finalize())
}

impl Dataset for ShardDataset {
    fn kind(&self) -> &'static str {
        "shards"
    }
    fn source(&self) -> &Path {
        &self.source
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
    fn class_names(&self) -> Option<&[String]> {
        self.class_names.as_deref()
    }
    fn read_image(&self, index: usize, out: &mut [u8]) -> Result<()> {
        super::check_read(self, index, out)?;
        // The shard whose range [starts[s], starts[s+1]) holds `index`.
        let s = self.starts.partition_point(|&start| start <= index) - 1;
        let local = (index - self.starts[s]) as u64;
        let offset = self.shards[s].images_offset + local * out.len() as u64;
        self.read_at(s, offset, out)
    }
}

/// Writes `ds` as shards of at most `shard_size` examples,
/// `out_dir/shard-00000.safetensors`, …, each atomically. Refuses a folder that
/// already has shards (mixing two conversions would silently duplicate data).
/// `progress(done, total)` is called after each shard. Returns the files written.
pub fn write_shards(
    ds: &dyn Dataset,
    out_dir: &Path,
    shard_size: usize,
    mut progress: impl FnMut(usize, usize),
) -> Result<Vec<PathBuf>> {
    if shard_size == 0 {
        return Err(Error::InvalidInput("shard size must be at least 1".into()));
    }
    std::fs::create_dir_all(out_dir).map_err(io_error(out_dir))?;
    if !list_shards(out_dir)?.is_empty() {
        return Err(Error::InvalidInput(format!(
            "{} already holds *.safetensors shards; choose an empty folder",
            out_dir.display()
        )));
    }
    let mut meta = HashMap::from([
        ("num_classes".to_string(), ds.num_classes().to_string()),
        ("source_kind".to_string(), ds.kind().to_string()),
    ]);
    if let Some(names) = ds.class_names() {
        meta.insert(
            "class_names".into(),
            serde_json::to_string(names).expect("strings"),
        );
    }
    let [h, w, c] = ds.image_shape();
    let total = ds.len();
    let mut written = Vec::new();
    for (k, begin) in (0..total).step_by(shard_size).enumerate() {
        let indices: Vec<usize> = (begin..(begin + shard_size).min(total)).collect();
        let batch = ds.read_batch(&indices)?;
        let n = batch.len();
        let tensors = vec![
            (
                "images".to_string(),
                HostArray::new(vec![n, h, w, c], ArrayData::U8(batch.images)),
            ),
            (
                "labels".to_string(),
                HostArray::new(vec![n], ArrayData::I64(batch.labels)),
            ),
        ];
        let path = out_dir.join(format!("shard-{k:05}.safetensors"));
        dpxla_core::tensor_file::write_tensors(&path, &tensors, Some(meta.clone()))?;
        written.push(path);
        progress(begin + n, total);
    }
    Ok(written)
}
