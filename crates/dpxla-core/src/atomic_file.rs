//! Every file dpxla writes goes through a temporary file beside its final
//! name, fsync, then rename: readers (and a resumed run) see the old or the new
//! file, never a torn one. On any error the temporary file is removed, so a
//! full disk is not kept full by orphans; temporaries left by a process that
//! was killed mid-write are removed by [`remove_stale_temps`] when the next
//! run takes over the folder.

use crate::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Marker in temporary file names: `.NAME.tmp-PID`.
const TEMP_MARK: &str = ".tmp-";

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The temporary name used while writing `path`: hidden, in the same folder
/// (so the rename stays on one file system), tagged with this process's id.
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    path.with_file_name(format!(".{name}{TEMP_MARK}{}", std::process::id()))
}

/// Refuses an output path that exists and is not a regular file (a device
/// node, a fifo, a socket, a folder; symbolic links are followed): the
/// rename would replace it (as root, `/dev/null` itself). Called by every
/// writer before it writes anything (issue 27, item 5).
pub fn check_output(path: &Path) -> Result<()> {
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => {
            let what = if m.is_dir() {
                "a folder"
            } else {
                "not a regular file (a device, fifo or socket)"
            };
            Err(Error::InvalidInput(format!(
                "refusing to write {}: it exists and is {what}; outputs are written only \
                 to regular files",
                path.display()
            )))
        }
        _ => Ok(()),
    }
}

/// [`check_output`], and refuses an output that is one of the command's
/// `inputs` (compared as canonical paths, so `./a` and a link to `a` match):
/// `export-params CKPT --out CKPT` would replace the checkpoint.
pub fn check_output_not_input(out: &Path, inputs: &[&Path]) -> Result<()> {
    check_output(out)?;
    let Ok(out_c) = std::fs::canonicalize(out) else {
        return Ok(()); // does not exist yet: cannot be an existing input
    };
    for input in inputs {
        if std::fs::canonicalize(input).is_ok_and(|i| i == out_c) {
            return Err(Error::InvalidInput(format!(
                "refusing to write {}: it is this command's input {}; choose another --out",
                out.display(),
                input.display()
            )));
        }
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically (temporary file, fsync, rename, fsync
/// of the folder). The temporary file is removed if any step fails. An
/// existing `path` that is not a regular file is refused ([`check_output`]).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    check_output(path)?;
    let tmp = temp_path(path);
    let written = (|| -> Result<()> {
        let mut f = std::fs::File::create(&tmp).map_err(io_err(&tmp))?;
        f.write_all(bytes).map_err(io_err(&tmp))?;
        f.sync_all().map_err(io_err(&tmp))?;
        drop(f);
        std::fs::rename(&tmp, path).map_err(io_err(path))
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Copies `from` to `to` atomically.
pub fn copy_atomically(from: &Path, to: &Path) -> Result<()> {
    let bytes = std::fs::read(from).map_err(io_err(from))?;
    write_atomically(to, &bytes)
}

/// Removes the temporary files [`write_atomically`] leaves in `dir` when its
/// process is killed mid-write (and `.metrics.jsonl.tmp`, the metrics
/// rewrite's). Nothing else is touched, so a user's own files in the folder
/// are safe. Call it only
/// while holding the folder's run lock, so no live writer owns them. Returns
/// the files removed.
pub fn remove_stale_temps(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut removed = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_err(dir))? {
        let entry = entry.map_err(io_err(dir))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_temp_name(&name) && entry.file_type().is_ok_and(|t| t.is_file()) {
            let path = entry.path();
            std::fs::remove_file(&path).map_err(io_err(&path))?;
            removed.push(path);
        }
    }
    removed.sort();
    Ok(removed)
}

/// `.NAME.tmp-DIGITS` or `.metrics.jsonl.tmp`.
fn is_temp_name(name: &str) -> bool {
    if !name.starts_with('.') {
        return false;
    }
    if name == ".metrics.jsonl.tmp" {
        return true;
    }
    match name.rfind(TEMP_MARK) {
        Some(i) => {
            let pid = &name[i + TEMP_MARK.len()..];
            !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_are_recognised_and_nothing_else() {
        assert!(is_temp_name(".checkpoint.safetensors.tmp-1234"));
        assert!(is_temp_name(".metrics.jsonl.tmp"));
        assert!(!is_temp_name("checkpoint.safetensors"));
        assert!(!is_temp_name(".checkpoint.safetensors.tmp-abc"));
        assert!(!is_temp_name("dpxla.lock"));
        assert!(!is_temp_name(".notes.tmp"));
    }

    #[test]
    fn stale_temps_are_removed_and_final_files_kept() {
        let dir = std::env::temp_dir().join(format!("dpxla-atomic-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let fin = dir.join("checkpoint.safetensors");
        write_atomically(&fin, b"new").unwrap();
        std::fs::write(dir.join(".checkpoint.safetensors.tmp-99"), b"torn").unwrap();
        let removed = remove_stale_temps(&dir).unwrap();
        assert_eq!(removed, vec![dir.join(".checkpoint.safetensors.tmp-99")]);
        assert_eq!(std::fs::read(&fin).unwrap(), b"new");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn outputs_that_are_not_regular_files_or_are_inputs_are_refused() {
        let dir = std::env::temp_dir().join(format!("dpxla-atomic-out-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("ckpt");
        write_atomically(&file, b"x").unwrap();
        assert!(check_output_not_input(&dir.join("new"), &[&file]).is_ok());
        let same = dir.join(".").join("ckpt");
        let err = check_output_not_input(&same, &[&file]).unwrap_err();
        assert!(err.to_string().contains("input"), "{err}");
        let err = write_atomically(&dir, b"x").unwrap_err();
        assert!(err.to_string().contains("a folder"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file() {
        let dir = std::env::temp_dir().join(format!("dpxla-atomic-fail-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("target-is-a-dir")).unwrap();
        // Renaming a file over a non-empty folder fails after the data was written.
        std::fs::write(dir.join("target-is-a-dir/x"), b"x").unwrap();
        assert!(write_atomically(&dir.join("target-is-a-dir"), b"data").is_err());
        assert!(remove_stale_temps(&dir).unwrap().is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
