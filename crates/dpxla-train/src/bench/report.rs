//! The benchmark record: one JSON object per run, with the same fields in
//! `dpxla bench --json`, `scripts/bench_jax.py` and `scripts/bench_opacus.py`
//! (`scripts/compare.sh` reads them all).

use serde::{Deserialize, Serialize};

/// One benchmark run. Times are wall-clock; `null` in JSON means "not
/// measured" (with the reason in `device_memory_note` for device memory).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BenchReport {
    /// "dpxla", "jax", "torch" or "opacus".
    pub framework: String,
    pub framework_version: String,
    /// How the gradient is computed (e.g. "vmap(vjp) per-example, flat clip",
    /// "batch gradient", Opacus's grad-sample mode).
    pub method: String,
    /// DP-SGD step (clip + noise) or the non-private one.
    pub private: bool,
    pub model: String,
    /// Number of trained scalars.
    pub params: usize,
    /// Physical batch: examples per device call.
    pub batch: usize,
    /// Logical batch: examples per step.
    pub logical: usize,
    /// Device calls of `batch` examples per step.
    pub microbatches: usize,
    pub sigma: Option<f64>,
    pub clip_norm: Option<f64>,
    /// Timed steps and untimed warm-up steps.
    pub steps: usize,
    pub warmup: usize,
    /// PJRT platform ("cpu", "cuda") or the framework's device type.
    pub platform: String,
    pub device: String,
    /// Seconds from nothing to a runnable step (trace, transform, lower,
    /// compile, initial upload).
    pub compile_s: f64,
    /// The first step after compilation.
    pub first_step_ms: f64,
    pub step_ms_median: f64,
    pub step_ms_min: f64,
    pub step_ms_max: f64,
    /// Of the median step, the part spent in the update (noise + optimiser),
    /// where the framework separates it.
    pub apply_ms_median: Option<f64>,
    /// `logical / step_ms_median`.
    pub examples_per_s: f64,
    /// Peak resident set size of the process (VmHWM).
    pub peak_host_bytes: Option<u64>,
    /// Peak bytes in use on the device, where the plugin reports it.
    pub peak_device_bytes: Option<i64>,
    pub device_memory_note: Option<String>,
    /// XLA's temporary-buffer size for the (accumulate) step program.
    pub xla_temp_bytes: Option<i64>,
    /// dpxla DP runs: how each trainable tensor's norm and clipped sum are
    /// computed (`privacy.clipping_method`, chosen per tensor), as
    /// `[name, method]` pairs. Empty for other frameworks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tensor_methods: Vec<(String, String)>,
    /// `--batch auto`: the choice and its reason (`train::engine::physical_auto`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub physical_choice: Option<String>,
}

impl BenchReport {
    /// One line of JSON.
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).expect("a report serialises")
    }

    /// A human-readable table, one quantity per line.
    pub fn table(&self) -> String {
        let mib = |b: f64| format!("{:.1} MiB", b / (1024.0 * 1024.0));
        let opt_mib = |b: Option<f64>| b.map_or_else(|| "n/a".to_string(), mib);
        let mode = if self.private {
            format!(
                "DP-SGD (σ = {}, C = {})",
                self.sigma.unwrap_or(f64::NAN),
                self.clip_norm.unwrap_or(f64::NAN)
            )
        } else {
            "non-private".to_string()
        };
        let mut rows: Vec<(&str, String)> = vec![
            (
                "framework",
                format!("{} {}", self.framework, self.framework_version),
            ),
            (
                "model",
                format!("{} ({} parameters)", self.model, self.params),
            ),
            ("step", format!("{mode}, {}", self.method)),
            ("clipping", tensor_summary(&self.tensor_methods)),
            (
                "batch",
                format!(
                    "{} per step = {} x {} (physical)",
                    self.logical, self.microbatches, self.batch
                ),
            ),
            ("device", format!("{} ({})", self.platform, self.device)),
            ("compile", format!("{:.2} s", self.compile_s)),
            ("first step", format!("{:.1} ms", self.first_step_ms)),
            (
                "step",
                format!(
                    "{:.1} ms median, {:.1} min, {:.1} max ({} timed after {} warm-up)",
                    self.step_ms_median,
                    self.step_ms_min,
                    self.step_ms_max,
                    self.steps,
                    self.warmup
                ),
            ),
        ];
        if let Some(a) = self.apply_ms_median {
            rows.push(("  of which update", format!("{a:.1} ms")));
        }
        if let Some(c) = &self.physical_choice {
            rows.push(("physical batch", c.clone()));
        }
        rows.push(("examples/s", format!("{:.0}", self.examples_per_s)));
        rows.push((
            "peak host memory",
            opt_mib(self.peak_host_bytes.map(|b| b as f64)),
        ));
        let device = match (self.peak_device_bytes, &self.device_memory_note) {
            (Some(b), _) => mib(b as f64),
            (None, Some(note)) => format!("n/a: {note}"),
            (None, None) => "n/a".to_string(),
        };
        rows.push(("peak device memory", device));
        rows.push((
            "XLA temp buffers",
            opt_mib(self.xla_temp_bytes.map(|b| b as f64)),
        ));
        let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        rows.iter()
            .map(|(k, v)| format!("{k:<width$}  {v}\n"))
            .collect()
    }
}

/// "3 ghost norm + book-keeping, 2 vmap (materialised)" (or "-" when none).
fn tensor_summary(methods: &[(String, String)]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (_, m) in methods {
        match counts.iter_mut().find(|(k, _)| *k == m.as_str()) {
            Some((_, n)) => *n += 1,
            None => counts.push((m, 1)),
        }
    }
    if counts.is_empty() {
        return "-".into();
    }
    let parts: Vec<String> = counts.iter().map(|(m, n)| format!("{n} {m}")).collect();
    format!("{} (tensors)", parts.join(", "))
}
