//! One run per output folder. Two runs writing into the same `output.dir`
//! interleave `metrics.jsonl`, replace each other's checkpoint and leave a
//! folder that can no longer be resumed, so a run (fresh or `--resume`) holds
//! an exclusive lock on `output.dir/dpxla.lock` from start to end.
//!
//! The lock is an OS file lock (`flock` on Unix, through `File::try_lock`):
//! the kernel releases it when the process ends in any way, `kill -9`
//! included, so a crashed run never leaves a stale lock behind. The file
//! itself stays (deleting a lock file while another process may be opening it
//! would let two processes lock two different files); it holds the holder's
//! process id and command line, for the message the next run prints.

use crate::{Error, Result};
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// Name of the lock file inside the output folder.
pub const LOCK_FILE: &str = "dpxla.lock";

/// Holds the output folder's lock until dropped.
#[derive(Debug)]
pub struct RunLock {
    _file: File,
    path: PathBuf,
}

impl RunLock {
    /// Creates `dir` if needed and locks it for this process. Fails with
    /// [`Error::Locked`] naming the holder when another process has it.
    pub fn acquire(dir: &Path) -> Result<RunLock> {
        create_output_dir(dir)?;
        let path = dir.join(LOCK_FILE);
        let io = |source| dpxla_core::Error::Io {
            path: path.clone(),
            source,
        };
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(Error::Locked {
                    path: dir.to_path_buf(),
                    holder: holder_of(&mut file),
                })
            }
            Err(TryLockError::Error(e)) => return Err(io(e).into()),
        }
        // Best effort: the holder's description only improves the message a
        // second run prints, so a full disk must not fail the run here.
        let _ = describe_self(&mut file);
        Ok(RunLock { _file: file, path })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// `create_dir_all`, with a clear message when the path exists as a file
/// (the OS says only "File exists").
pub fn create_output_dir(dir: &Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::InvalidInput(format!(
            "output.dir {} exists and is not a directory",
            dir.display()
        )));
    }
    std::fs::create_dir_all(dir).map_err(|source| {
        dpxla_core::Error::Io {
            path: dir.to_path_buf(),
            source,
        }
        .into()
    })
}

fn describe_self(file: &mut File) -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let text = format!("pid {}: {}\n", std::process::id(), args.join(" "));
    file.set_len(0)?;
    file.rewind()?;
    file.write_all(text.as_bytes())?;
    file.flush()
}

/// What the holder wrote into the lock file, or a generic description when
/// it has not written it yet (or the disk was full).
fn holder_of(file: &mut File) -> String {
    let mut text = String::new();
    let _ = file.rewind().and_then(|_| file.read_to_string(&mut text));
    let text = text.trim();
    if text.is_empty() {
        "holder unknown".into()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_folder_names_the_holder() {
        let dir = std::env::temp_dir().join(format!("dpxla-lock-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let first = RunLock::acquire(&dir).unwrap();
        // A second open file description conflicts like a second process.
        let err = RunLock::acquire(&dir).unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, Error::Locked { .. }), "{msg}");
        assert!(
            msg.contains(&format!("pid {}", std::process::id())),
            "{msg}"
        );
        drop(first);
        RunLock::acquire(&dir).expect("lock released on drop");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_file_given_as_the_output_folder_is_named() {
        let file = std::env::temp_dir().join(format!("dpxla-notdir-{}", std::process::id()));
        std::fs::write(&file, b"x").unwrap();
        let msg = RunLock::acquire(&file).unwrap_err().to_string();
        assert!(msg.contains("is not a directory"), "{msg}");
        std::fs::remove_file(&file).unwrap();
    }
}
