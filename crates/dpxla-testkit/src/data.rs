//! Shared helpers of the data tests: where the fetched datasets are, scratch
//! folders, checksums.

use std::path::PathBuf;

/// The folder `scripts/fetch_datasets.sh` fills: `$DPXLA_DATA_DIR`, else `./data`.
/// Panics (never skips) when the dataset `name` is missing, saying how to fetch it.
pub fn fetched(name: &str) -> PathBuf {
    let root = std::env::var_os("DPXLA_DATA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::repo_root().join("data"));
    let dir = root.join(name);
    assert!(
        dir.join("train-images-idx3-ubyte.gz").is_file(),
        "{} is missing: run scripts/fetch_datasets.sh (or set DPXLA_DATA_DIR) first",
        dir.display()
    );
    dir
}

/// A fresh, empty scratch folder for one test.
pub fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dpxla-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// CRC-32 (IEEE, as Python's `zlib.crc32`) of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = flate2::Crc::new();
    crc.update(bytes);
    crc.sum()
}

/// Deterministic pseudo-random bytes (an LCG; the values only need to differ).
pub fn noise_bytes(n: usize, seed: u64) -> Vec<u8> {
    let mut s = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..n)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (s >> 56) as u8
        })
        .collect()
}
