//! Exporting compiled programs for inspection: our StableHLO text, and XLA's
//! HLO text before and after its optimisation passes (obtained by compiling
//! with the `xla_dump_to` / `xla_dump_hlo_as_text` debug options).

use crate::{Error, Result};
use dpxla_core::trace::Graph;
use dpxla_pjrt::lower::{lower, LowerOptions};
use dpxla_pjrt::runtime::{Client, CompileOptions};
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
        move |source| dpxla_core::Error::Io { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let mlir = lower(graph, lower_options)?;
    let mlir_path = dir.join(format!("{name}.stablehlo.mlir"));
    // Through a temporary file: a full disk must not leave a truncated program.
    dpxla_core::atomic_file::write_atomically(&mlir_path, mlir.as_bytes())?;

    let dump = dir.join(format!(".xla-dump-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dump);
    let options = CompileOptions::default().dump_hlo_to(&dump);
    let compiled = client.compile(&mlir, &options).map_err(Error::from);
    let mut written = vec![mlir_path];
    let result = compiled.and_then(|_| {
        for (suffix, out_suffix) in [
            ("before_optimizations.txt", "hlo.before_opt.txt"),
            ("after_optimizations.txt", "hlo.after_opt.txt"),
        ] {
            let found = find_dump(&dump, suffix)?;
            let out = dir.join(format!("{name}.{out_suffix}"));
            dpxla_core::atomic_file::copy_atomically(&found, &out)?;
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
    let entries = std::fs::read_dir(dump).map_err(|source| dpxla_core::Error::Io {
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
        Error::Internal(format!(
            "XLA wrote no *{suffix} into {} (does this plugin honour xla_dump_to?)",
            dump.display()
        ))
    })
}

/// The programs `dpxla export-hlo` writes for a model at physical batch
/// `batch`, by file stem, each with the lowering options that name its
/// arguments: the per-example-gradient program, and the two programs of a
/// DP-SGD step (accumulate with flat clipping at C = 1, apply with σ = 1,
/// expected batch = `batch`, SGD with momentum 0.9).
pub fn standard_programs(model: &str, batch: usize) -> Result<Vec<(String, Graph, LowerOptions)>> {
    use crate::train::programs::{accumulate_graph, apply_graph, AccumulateSpec, ApplySpec};
    use dpxla_dp::clip::Clipping;
    use dpxla_dp::mechanism::DpMechanism;
    use dpxla_nn::optim::{Averaging, Optimizer};
    use dpxla_nn::{by_name, example_input_names, per_example_grads, trace_example_loss};
    let loss = trace_example_loss(by_name(model)?.as_ref())?;
    let all: Vec<usize> = (0..loss.params.len()).collect();
    let clip = Clipping::flat(1.0)?;
    let mechanism = DpMechanism::new(clip, 1.0, batch as f64)?;
    let apply = ApplySpec {
        mechanism: Some(mechanism),
        optimizer: Optimizer::Sgd {
            momentum: 0.9,
            nesterov: false,
            weight_decay: 0.0,
        },
        averaging: Averaging::None,
        noise_strategy: None,
    };
    let named = |names: Vec<String>| LowerOptions {
        arg_names: names,
        ..LowerOptions::default()
    };
    let (acc, acc_sig) = accumulate_graph(
        &loss,
        &all,
        &AccumulateSpec::private(batch, mechanism.clipping()),
    )?;
    let (app, app_sig) = apply_graph(&loss, &all, &apply)?;
    Ok(vec![
        (
            format!("{model}_per_example_grads_b{batch}"),
            per_example_grads(&loss, batch)?,
            named(example_input_names(&loss)),
        ),
        (
            format!("{model}_dp_accumulate_b{batch}"),
            acc,
            named(acc_sig.input_names()),
        ),
        (
            format!("{model}_dp_apply"),
            app,
            named(app_sig.input_names()),
        ),
    ])
}
