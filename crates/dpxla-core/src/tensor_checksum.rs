//! Checksums of the tensors (and metadata values) in the safetensors files
//! dpxla writes. The safetensors format checks only the header's structure:
//! flipped bytes inside tensor data load silently (a corrupted optimiser state
//! resumed, spent privacy budget and trained to NaN). Every file written by
//! [`crate::tensor_file::write_tensors`] therefore carries, under the metadata
//! key [`KEY`], a CRC-32 of each tensor's bytes and of each other metadata
//! value, and [`crate::tensor_file::read_tensors`] verifies them.
//!
//! CRC-32 (IEEE) detects every error burst of up to 32 bits and all but
//! 2^-32 of random corruption; it guards against storage and transfer
//! errors, not against someone forging a file. Files without the key (written
//! by other tools or by older dpxla versions) are read unchecked.

use crate::{Error, Result};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Metadata key holding the checksums, a JSON object `name → 8 hex digits`.
pub const KEY: &str = "dpxla_crc32";

/// Prefix of the entries that cover other metadata values.
const META_PREFIX: &str = "__metadata__/";

fn crc(bytes: &[u8]) -> String {
    format!("{:08x}", crc32fast::hash(bytes))
}

/// Adds the checksum entry for `tensors` (name, little-endian bytes as stored)
/// and for every value already in `metadata`.
pub fn seal<'a>(
    tensors: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    metadata: &mut HashMap<String, String>,
) {
    let mut sums: BTreeMap<String, String> = tensors
        .into_iter()
        .map(|(name, bytes)| (name.to_string(), crc(bytes)))
        .collect();
    for (k, v) in metadata.iter().filter(|(k, _)| k.as_str() != KEY) {
        sums.insert(format!("{META_PREFIX}{k}"), crc(v.as_bytes()));
    }
    // A map of strings always serialises.
    let json = serde_json::to_string(&sums).expect("checksum map serialises");
    metadata.insert(KEY.to_string(), json);
}

/// A tensor as read from a file: name, stored bytes, and the file offset of
/// those bytes (for the error message).
pub struct StoredTensor<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
    pub offset: u64,
}

/// A tensor's CRC-32 computed by the caller, e.g. streamed from a file too
/// large to hold in memory (a dataset shard's images).
pub struct TensorCrc<'a> {
    pub name: &'a str,
    pub crc: u32,
    pub offset: u64,
}

/// Checks `tensors` and `metadata` against the checksums in `metadata`, if
/// present. A mismatch is an [`Error::Data`] naming the file, the tensor (or
/// metadata key) and its byte offset.
pub fn verify(
    path: &Path,
    tensors: &[StoredTensor],
    metadata: &HashMap<String, String>,
) -> Result<()> {
    let crcs: Vec<TensorCrc> = tensors
        .iter()
        .map(|t| TensorCrc {
            name: t.name,
            crc: crc32fast::hash(t.bytes),
            offset: t.offset,
        })
        .collect();
    verify_crcs(path, &crcs, metadata)
}

/// [`verify`] with the tensors' checksums already computed.
pub fn verify_crcs(
    path: &Path,
    tensors: &[TensorCrc],
    metadata: &HashMap<String, String>,
) -> Result<()> {
    let Some(json) = metadata.get(KEY) else {
        return Ok(());
    };
    let corrupt = |offset: Option<u64>, msg: String| Error::Data {
        path: path.to_path_buf(),
        offset,
        msg,
    };
    let sums: BTreeMap<String, String> = serde_json::from_str(json)
        .map_err(|e| corrupt(None, format!("metadata '{KEY}' is unreadable: {e}")))?;
    for t in tensors {
        let want = sums.get(t.name).ok_or_else(|| {
            corrupt(
                Some(t.offset),
                format!(
                    "tensor '{}' has no checksum (the header was altered)",
                    t.name
                ),
            )
        })?;
        let got = format!("{:08x}", t.crc);
        if &got != want {
            return Err(corrupt(
                Some(t.offset),
                format!(
                    "the data of tensor '{}' fails its checksum (stored crc32 {want}, \
                     computed {got}): the file is damaged",
                    t.name
                ),
            ));
        }
    }
    for (k, v) in metadata.iter().filter(|(k, _)| k.as_str() != KEY) {
        let entry = format!("{META_PREFIX}{k}");
        let ok = sums
            .get(&entry)
            .is_some_and(|want| *want == crc(v.as_bytes()));
        if !ok {
            return Err(corrupt(
                None,
                format!("metadata '{k}' fails its checksum: the file is damaged"),
            ));
        }
    }
    let names: std::collections::HashSet<&str> = tensors.iter().map(|t| t.name).collect();
    if let Some(missing) = sums
        .keys()
        .find(|k| !k.starts_with(META_PREFIX) && !names.contains(k.as_str()))
    {
        return Err(corrupt(
            None,
            format!("tensor '{missing}' is listed in the checksums but missing from the file"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flipped_byte_is_found_and_named() {
        let data = vec![1u8, 2, 3, 4, 5, 6, 7, 8];
        let mut meta = HashMap::from([("k".to_string(), "v".to_string())]);
        seal([("a", data.as_slice())], &mut meta);
        let path = Path::new("f.safetensors");
        let ok = [StoredTensor {
            name: "a",
            bytes: &data,
            offset: 100,
        }];
        verify(path, &ok, &meta).unwrap();
        let mut bad = data.clone();
        bad[3] ^= 0x10;
        let err = verify(
            path,
            &[StoredTensor {
                name: "a",
                bytes: &bad,
                offset: 100,
            }],
            &meta,
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("tensor 'a'") && err.contains("offset 100"),
            "{err}"
        );
        let mut meta2 = meta.clone();
        meta2.insert("k".into(), "w".into());
        let err = verify(path, &ok, &meta2).unwrap_err().to_string();
        assert!(err.contains("metadata 'k'"), "{err}");
        // Files without checksums are read unchecked.
        verify(path, &ok, &HashMap::new()).unwrap();
    }
}
