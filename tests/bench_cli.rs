//! `dpxla bench` and `dpxla::bench::run` through the real CPU plugin: the
//! record has every field and the values are consistent with each other. No
//! assertion is about speed (that is measured by the command, not tested).

use dpxla::bench::{self, BenchConfig, BenchReport};
use dpxla::nn::layers::dense;
use dpxla::nn::{Model, Params};
use dpxla::trace::Tensor;
use std::process::Command;

/// The fields `scripts/compare.sh` reads, shared with the Python scripts.
const FIELDS: &[&str] = &[
    "framework",
    "framework_version",
    "method",
    "private",
    "model",
    "params",
    "batch",
    "logical",
    "microbatches",
    "sigma",
    "clip_norm",
    "steps",
    "warmup",
    "platform",
    "device",
    "compile_s",
    "first_step_ms",
    "step_ms_median",
    "step_ms_min",
    "step_ms_max",
    "apply_ms_median",
    "examples_per_s",
    "peak_host_bytes",
    "peak_device_bytes",
    "device_memory_note",
    "xla_temp_bytes",
];

fn check_sane(r: &BenchReport) {
    assert_eq!(r.framework, "dpxla");
    assert!(r.compile_s > 0.0 && r.compile_s.is_finite());
    assert!(r.first_step_ms > 0.0);
    assert!(r.step_ms_min > 0.0);
    assert!(r.step_ms_min <= r.step_ms_median && r.step_ms_median <= r.step_ms_max);
    let apply = r.apply_ms_median.unwrap();
    assert!(apply > 0.0 && apply <= r.step_ms_max);
    // examples/s is the logical batch over the median step.
    let expect = r.logical as f64 / (r.step_ms_median / 1e3);
    assert!((r.examples_per_s - expect).abs() <= 1e-6 * expect);
    assert!(
        r.peak_host_bytes.unwrap() > 1 << 20,
        "{:?}",
        r.peak_host_bytes
    );
    // Device memory: a number, or null with the reason.
    assert!(r.peak_device_bytes.is_some() || r.device_memory_note.is_some());
    assert!(r.xla_temp_bytes.unwrap() >= 0);
    assert_eq!(r.platform, "cpu");
}

/// A user's own model: 4x4x1 images, a dense layer to 3 classes
/// (16·3 + 3 = 51 parameters).
struct Tiny;

impl Model for Tiny {
    fn name(&self) -> &str {
        "tiny"
    }
    fn input_shape(&self) -> Vec<usize> {
        vec![4, 4, 1]
    }
    fn num_classes(&self) -> usize {
        3
    }
    fn logits<'b>(&self, p: &Params<'b>, x: Tensor<'b>) -> Tensor<'b> {
        dense(&p.scope("head"), x.reshape(&[16]), 3)
    }
}

#[test]
fn library_bench_of_a_users_model_dp_and_non_private() {
    let client = dpxla_testkit::pjrt::test_client();
    for private in [true, false] {
        let cfg = BenchConfig {
            batch: 4,
            logical: 6,
            private,
            steps: 2,
            warmup: 0,
            ..BenchConfig::default()
        };
        let r = bench::run(client, &Tiny, &cfg).unwrap();
        check_sane(&r);
        assert_eq!(r.model, "tiny");
        assert_eq!(r.params, 51);
        assert_eq!((r.batch, r.logical, r.microbatches), (4, 6, 2));
        assert_eq!((r.steps, r.warmup), (2, 0));
        assert_eq!(r.private, private);
        assert_eq!(r.sigma.is_some(), private);
        assert_eq!(r.clip_norm, private.then_some(1.0));
        // The table names every quantity.
        let table = r.table();
        for label in ["compile", "first step", "examples/s", "peak host memory"] {
            assert!(table.contains(label), "{table}");
        }
    }
}

#[test]
fn cli_bench_json_has_every_field() {
    let out = Command::new(env!("CARGO_BIN_EXE_dpxla"))
        .args([
            "bench", "--model", "cnn_tanh", "--batch", "2", "--steps", "1", "--warmup", "0",
            "--sigma", "0.5", "--json",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "one JSON line: {stdout}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let obj = v.as_object().unwrap();
    for f in FIELDS {
        assert!(obj.contains_key(*f), "missing field {f} in {stdout}");
    }
    // A DP run of dpxla adds the method chosen for each trainable tensor.
    assert!(obj.contains_key("tensor_methods"), "{stdout}");
    assert_eq!(obj.len(), FIELDS.len() + 1, "unexpected fields in {stdout}");
    let r: BenchReport = serde_json::from_value(v).unwrap();
    let methods: Vec<(&str, &str)> = r
        .tensor_methods
        .iter()
        .map(|(n, m)| (n.as_str(), m.as_str()))
        .collect();
    assert_eq!(methods.len(), 8, "{methods:?}");
    assert!(
        methods.contains(&("dense1/w", "ghost norm + book-keeping")),
        "{methods:?}"
    );
    assert!(
        methods.contains(&("conv1/b", "vmap (materialised)")),
        "{methods:?}"
    );
    check_sane(&r);
    // cnn_tanh: 26,010 parameters (README model table).
    assert_eq!((r.model.as_str(), r.params), ("cnn_tanh", 26_010));
    assert_eq!((r.batch, r.logical, r.microbatches, r.steps), (2, 2, 1, 1));
    assert_eq!((r.sigma, r.clip_norm), (Some(0.5), Some(1.0)));
    assert!(r.private);
}

#[test]
fn cli_bench_refuses_an_unknown_model_and_a_zero_batch() {
    for args in [
        ["--model", "nope", "--batch", "2"],
        ["--model", "mlp", "--batch", "0"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_dpxla"))
            .arg("bench")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn cli_bench_help_lists_every_model() {
    let out = Command::new(env!("CARGO_BIN_EXE_dpxla"))
        .args(["bench", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for name in dpxla::nn::model_names() {
        assert!(
            help.contains(name),
            "`dpxla bench --help` does not list {name}"
        );
    }
}
