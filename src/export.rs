//! Exporting compiled programs for inspection: our StableHLO text, and XLA's
//! HLO text before and after its optimisation passes (obtained by compiling
//! with the `xla_dump_to` / `xla_dump_hlo_as_text` debug options).

use crate::lower::{lower, LowerOptions};
use crate::runtime::{Client, CompileOptions};
use crate::trace::Graph;
use crate::{Error, Result};
use std::path::{Path, PathBuf};

/// The files written for one program called `name` in `dir`:
/// `name.stablehlo.mlir`, `name.hlo.before_opt.txt`, `name.hlo.after_opt.txt`.
pub fn export_program(
    client: &Client,
    graph: &Graph,
    lower_options: &LowerOptions,
    name: &str,
    dir: &Path,
) -> Result<Vec<PathBuf>> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let mlir = lower(graph, lower_options)?;
    let mlir_path = dir.join(format!("{name}.stablehlo.mlir"));
    std::fs::write(&mlir_path, &mlir).map_err(io(&mlir_path))?;

    let dump = dir.join(format!(".xla-dump-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dump);
    let options = CompileOptions::default().dump_hlo_to(&dump);
    let compiled = client.compile(&mlir, &options);
    let mut written = vec![mlir_path];
    let result = compiled.and_then(|_| {
        for (suffix, out_suffix) in [
            ("before_optimizations.txt", "hlo.before_opt.txt"),
            ("after_optimizations.txt", "hlo.after_opt.txt"),
        ] {
            let found = find_dump(&dump, suffix)?;
            let out = dir.join(format!("{name}.{out_suffix}"));
            std::fs::copy(&found, &out).map_err(io(&out))?;
            written.push(out);
        }
        Ok(())
    });
    let _ = std::fs::remove_dir_all(&dump);
    result.map(|()| written)
}

/// The dumped module file ending in `suffix` (XLA names them
/// `module_NNNN.<name>.<stage>.txt`; the CPU backend prefixes "cpu_" to the
/// after-optimisation stage).
fn find_dump(dump: &Path, suffix: &str) -> Result<PathBuf> {
    let entries = std::fs::read_dir(dump).map_err(|source| Error::Io {
        path: dump.to_path_buf(),
        source,
    })?;
    let mut matches: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(suffix) && !n.contains("buffer-assignment"))
        })
        .collect();
    matches.sort();
    matches.pop().ok_or_else(|| {
        Error::Runtime(format!(
            "XLA wrote no *{suffix} into {} (does this plugin honour xla_dump_to?)",
            dump.display()
        ))
    })
}
