//! On-disk cache of compiled programs (issue 23, item 3).
//!
//! An entry is the plugin's own serialisation of a compiled executable
//! (`PJRT_Executable_Serialize`, loaded back with
//! `PJRT_Executable_DeserializeAndLoad`; `pjrt_c_api.h` 0.81: "must have been
//! produced by the same platform and library version"). Its key is the SHA-256
//! of everything that decides the compiled code: the StableHLO text, the
//! compile-options bytes, the plugin's identity (canonical path, file size and
//! modification time, API version, platform version) and the `XLA_FLAGS`
//! environment variable (XLA reads it at compile time).
//!
//! File `<key hex>.pjrt`: magic, the key again, the SHA-256 and length of the
//! payload, the payload. A file whose magic, key, length or checksum does not
//! match, or that the plugin refuses to load, is ignored with a warning and
//! replaced by a fresh compile: an entry is never trusted blindly. Entries are
//! written with `atomic_file::write_atomically`; a failed write is a warning.

use super::sha256::{hex_digest, Sha256};
use crate::Error;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

const MAGIC: &[u8; 12] = b"dpxla-pjrt1\n";
const HEADER: usize = MAGIC.len() + 32 + 32 + 8;

/// Counters of one cache's use in this process (tests and the progress line).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Programs loaded from an entry.
    pub hits: u64,
    /// Programs compiled because there was no entry.
    pub misses: u64,
    /// Entries that were damaged, mismatched or refused, and recompiled.
    pub rejected: u64,
    /// Entries written.
    pub stored: u64,
}

/// A folder of compiled programs.
pub struct CompileCache {
    dir: PathBuf,
    hits: AtomicU64,
    misses: AtomicU64,
    rejected: AtomicU64,
    stored: AtomicU64,
}

impl CompileCache {
    /// A cache in `dir` (created on first store).
    pub fn new(dir: impl Into<PathBuf>) -> CompileCache {
        CompileCache {
            dir: dir.into(),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
            rejected: AtomicU64::new(0),
            stored: AtomicU64::new(0),
        }
    }

    /// The default folder: `compiled/` in dpxla's cache folder
    /// (`plugin::cache_dir`), if there is one.
    pub fn default_dir() -> Option<PathBuf> {
        super::plugin::cache_dir().map(|d| d.join("compiled"))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn stats(&self) -> CacheStats {
        CacheStats {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            rejected: self.rejected.load(Ordering::Relaxed),
            stored: self.stored.load(Ordering::Relaxed),
        }
    }

    /// The entry file of `key`.
    pub fn entry_path(&self, key: &[u8; 32]) -> PathBuf {
        self.dir.join(format!("{}.pjrt", hex_digest(key)))
    }

    /// The payload stored under `key`, or `None` (no entry, or a damaged one:
    /// warned about and counted as rejected).
    pub(crate) fn load(&self, key: &[u8; 32]) -> Option<Vec<u8>> {
        let path = self.entry_path(key);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                self.misses.fetch_add(1, Ordering::Relaxed);
                return None;
            }
            Err(e) => {
                self.reject(&path, &format!("unreadable ({e})"));
                return None;
            }
        };
        match parse_entry(&bytes, key) {
            Ok(payload) => Some(payload.to_vec()),
            Err(why) => {
                self.reject(&path, why);
                None
            }
        }
    }

    /// Counts a hit (the caller loaded the payload successfully).
    pub(crate) fn hit(&self) {
        self.hits.fetch_add(1, Ordering::Relaxed);
    }

    /// An entry that parsed but that the plugin refused to load.
    pub(crate) fn refused(&self, key: &[u8; 32], err: &Error) {
        self.reject(
            &self.entry_path(key),
            &format!("refused by the plugin ({err})"),
        );
    }

    fn reject(&self, path: &Path, why: &str) {
        self.rejected.fetch_add(1, Ordering::Relaxed);
        eprintln!(
            "warning: compile cache entry {} ignored: {why}; compiling afresh",
            path.display()
        );
    }

    /// Stores `payload` under `key`; a failure is a warning (the program is
    /// already compiled).
    pub(crate) fn store(&self, key: &[u8; 32], payload: &[u8]) {
        let path = self.entry_path(key);
        let mut bytes = Vec::with_capacity(HEADER + payload.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(key);
        bytes.extend_from_slice(&digest(&[payload]));
        bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        bytes.extend_from_slice(payload);
        let written = std::fs::create_dir_all(&self.dir)
            .map_err(|e| dpxla_core::Error::Io {
                path: self.dir.clone(),
                source: e,
            })
            .and_then(|()| dpxla_core::atomic_file::write_atomically(&path, &bytes));
        match written {
            Ok(()) => {
                self.stored.fetch_add(1, Ordering::Relaxed);
            }
            Err(e) => eprintln!(
                "warning: compile cache entry {} not written: {e}",
                path.display()
            ),
        }
    }
}

/// The payload of an entry file, if its header matches `key` and its checksum.
fn parse_entry<'a>(bytes: &'a [u8], key: &[u8; 32]) -> std::result::Result<&'a [u8], &'static str> {
    if bytes.len() < HEADER || &bytes[..MAGIC.len()] != MAGIC {
        return Err("not a dpxla compile cache entry");
    }
    let rest = &bytes[MAGIC.len()..];
    if &rest[..32] != key {
        return Err("written for another program, options or plugin");
    }
    let len = u64::from_le_bytes(rest[64..72].try_into().expect("8 bytes")) as usize;
    let payload = &rest[72..];
    if payload.len() != len {
        return Err("truncated or extended");
    }
    if digest(&[payload]) != rest[32..64] {
        return Err("checksum mismatch");
    }
    Ok(payload)
}

/// SHA-256 over `parts`, each prefixed by its length (so that moving bytes
/// between parts changes the digest).
pub(crate) fn digest(parts: &[&[u8]]) -> [u8; 32] {
    let mut h = Sha256::default();
    for p in parts {
        h.update(&(p.len() as u64).to_le_bytes());
        h.update(p);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_parses_only_with_its_key_and_intact_payload() {
        let dir = std::env::temp_dir().join(format!("dpxla-cc-unit-{}", std::process::id()));
        let cache = CompileCache::new(&dir);
        let key = digest(&[b"program"]);
        cache.store(&key, b"payload bytes");
        assert_eq!(cache.load(&key).as_deref(), Some(&b"payload bytes"[..]));
        let other = digest(&[b"other program"]);
        let bytes = std::fs::read(cache.entry_path(&key)).unwrap();
        assert!(parse_entry(&bytes, &other).is_err());
        let mut flipped = bytes.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert_eq!(parse_entry(&flipped, &key), Err("checksum mismatch"));
        assert!(parse_entry(&bytes[..bytes.len() - 1], &key).is_err());
        assert!(parse_entry(b"short", &key).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_digest_separates_its_parts() {
        assert_ne!(digest(&[b"ab", b"c"]), digest(&[b"a", b"bc"]));
    }
}
