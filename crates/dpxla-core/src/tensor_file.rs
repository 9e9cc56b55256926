//! Named host arrays in safetensors files: parameters, gradients, batches,
//! checkpoints. Writes are atomic (temporary file, fsync, rename), so a crash
//! never leaves a half-written file under the final name.

use crate::array::{ArrayData, HostArray};
use crate::atomic_file::write_atomically;
use crate::{Error, Result};
use safetensors::tensor::{Dtype, TensorView};
use std::collections::HashMap;
use std::path::Path;

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn bytes_of(a: &HostArray) -> (Dtype, Vec<u8>) {
    fn le<T: Copy, const N: usize>(v: &[T], f: fn(T) -> [u8; N]) -> Vec<u8> {
        v.iter().flat_map(|&x| f(x)).collect()
    }
    match &a.data {
        ArrayData::F32(v) => (Dtype::F32, le(v, f32::to_le_bytes)),
        ArrayData::F64(v) => (Dtype::F64, le(v, f64::to_le_bytes)),
        ArrayData::BF16(v) => (Dtype::BF16, le(v, u16::to_le_bytes)),
        ArrayData::I32(v) => (Dtype::I32, le(v, i32::to_le_bytes)),
        ArrayData::I64(v) => (Dtype::I64, le(v, i64::to_le_bytes)),
        ArrayData::U8(v) => (Dtype::U8, v.clone()),
        ArrayData::U32(v) => (Dtype::U32, le(v, u32::to_le_bytes)),
        ArrayData::Bool(v) => (Dtype::BOOL, v.iter().map(|&b| b as u8).collect()),
    }
}

fn array_of(dtype: Dtype, shape: &[usize], bytes: &[u8]) -> Option<HostArray> {
    fn from<T, const N: usize>(b: &[u8], f: fn([u8; N]) -> T) -> Vec<T> {
        b.chunks_exact(N)
            .map(|c| f(c.try_into().expect("chunk of N bytes")))
            .collect()
    }
    let data = match dtype {
        Dtype::F32 => ArrayData::F32(from(bytes, f32::from_le_bytes)),
        Dtype::F64 => ArrayData::F64(from(bytes, f64::from_le_bytes)),
        Dtype::BF16 => ArrayData::BF16(from(bytes, u16::from_le_bytes)),
        Dtype::I32 => ArrayData::I32(from(bytes, i32::from_le_bytes)),
        Dtype::I64 => ArrayData::I64(from(bytes, i64::from_le_bytes)),
        Dtype::U8 => ArrayData::U8(bytes.to_vec()),
        Dtype::U32 => ArrayData::U32(from(bytes, u32::from_le_bytes)),
        Dtype::BOOL => ArrayData::Bool(bytes.iter().map(|&b| b != 0).collect()),
        _ => return None,
    };
    Some(HostArray::new(shape.to_vec(), data))
}

/// Writes `tensors` (names must be unique) and optional string metadata to
/// `path`, atomically.
pub fn write_tensors(
    path: &Path,
    tensors: &[(String, HostArray)],
    metadata: Option<HashMap<String, String>>,
) -> Result<()> {
    let encoded: Vec<(String, Dtype, Vec<u8>, Vec<usize>)> = tensors
        .iter()
        .map(|(n, a)| {
            let (dt, bytes) = bytes_of(a);
            (n.clone(), dt, bytes, a.shape.clone())
        })
        .collect();
    let views = encoded
        .iter()
        .map(|(n, dt, bytes, shape)| {
            TensorView::new(*dt, shape.clone(), bytes)
                .map(|v| (n.as_str(), v))
                .map_err(|e| Error::InvalidInput(format!("tensor '{n}': {e}")))
        })
        .collect::<Result<Vec<_>>>()?;
    let mut metadata = metadata.unwrap_or_default();
    crate::tensor_checksum::seal(
        encoded
            .iter()
            .map(|(n, _, b, _)| (n.as_str(), b.as_slice())),
        &mut metadata,
    );
    let bytes = safetensors::serialize(views, &Some(metadata)).map_err(|e| {
        Error::InvalidInput(format!("safetensors encoding of {}: {e}", path.display()))
    })?;
    write_atomically(path, &bytes)
}

/// A safetensors file: its tensors in file order and its metadata.
pub struct TensorFile {
    pub tensors: Vec<(String, HostArray)>,
    pub metadata: HashMap<String, String>,
}

impl TensorFile {
    /// The tensor called `name`, or an error naming the file and what it has.
    pub fn get(&self, name: &str, path: &Path) -> Result<&HostArray> {
        self.tensors
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, a)| a)
            .ok_or_else(|| {
                let have: Vec<&str> = self.tensors.iter().map(|(n, _)| n.as_str()).collect();
                Error::InvalidInput(format!(
                    "{} has no tensor '{name}' (it has: {})",
                    path.display(),
                    have.join(", ")
                ))
            })
    }
}

/// Reads every tensor of a safetensors file.
pub fn read_tensors(path: &Path) -> Result<TensorFile> {
    let bytes = std::fs::read(path).map_err(io_err(path))?;
    let bad = |e: String| {
        Error::InvalidInput(format!(
            "{} is not a valid safetensors file: {e}",
            path.display()
        ))
    };
    let (header_len, meta) =
        safetensors::SafeTensors::read_metadata(&bytes).map_err(|e| bad(e.to_string()))?;
    let st = safetensors::SafeTensors::deserialize(&bytes).map_err(|e| bad(e.to_string()))?;
    let mut tensors = Vec::new();
    let mut names: Vec<(usize, String)> = st
        .names()
        .into_iter()
        .map(|n| {
            let off = meta.tensors().get(n).map_or(0, |i| i.data_offsets.0);
            (off, n.clone())
        })
        .collect();
    names.sort();
    let metadata = meta.metadata().clone().unwrap_or_default();
    let mut stored = Vec::new();
    for (off, name) in &names {
        let view = st.tensor(name).map_err(|e| bad(e.to_string()))?;
        stored.push(crate::tensor_checksum::StoredTensor {
            name,
            bytes: view.data(),
            // The data section starts after the 8-byte length and the header.
            offset: (8 + header_len + off) as u64,
        });
    }
    crate::tensor_checksum::verify(path, &stored, &metadata)?;
    for (_, name) in names {
        let view = st.tensor(&name).map_err(|e| bad(e.to_string()))?;
        let arr = array_of(view.dtype(), view.shape(), view.data()).ok_or_else(|| {
            bad(format!(
                "tensor '{name}' has unsupported dtype {:?}",
                view.dtype()
            ))
        })?;
        tensors.push((name, arr));
    }
    Ok(TensorFile { tensors, metadata })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dtype_round_trips_through_a_file() {
        let dir = std::env::temp_dir().join(format!("dpxla-tf-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.safetensors");
        let tensors = vec![
            (
                "b/f32".to_string(),
                HostArray::f32([2, 2], vec![1.0, -2.0, 3.5, 0.0]),
            ),
            (
                "a/i64".to_string(),
                HostArray::new(vec![3], ArrayData::I64(vec![1, -1, 1 << 40])),
            ),
            (
                "c/bool".to_string(),
                HostArray::new(vec![2], ArrayData::Bool(vec![true, false])),
            ),
            (
                "d/u8".to_string(),
                HostArray::new(vec![1, 2], ArrayData::U8(vec![0, 255])),
            ),
            (
                "e/bf16".to_string(),
                HostArray::new(vec![1], ArrayData::BF16(vec![0x3f80])),
            ),
        ];
        let meta = HashMap::from([("format".to_string(), "dpxla".to_string())]);
        write_tensors(&path, &tensors, Some(meta)).unwrap();
        let back = read_tensors(&path).unwrap();
        assert_eq!(
            back.metadata.get("format").map(String::as_str),
            Some("dpxla")
        );
        for (name, arr) in &tensors {
            assert_eq!(back.get(name, &path).unwrap(), arr, "{name}");
        }
        assert!(back.get("missing", &path).is_err());
        std::fs::write(&path, b"garbage").unwrap();
        assert!(read_tensors(&path).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
