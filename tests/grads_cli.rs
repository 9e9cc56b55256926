//! `dpxla init` + `dpxla grads` end to end, checked against an independent
//! numpy implementation (scripts/reference_grads.py, hand-written backprop).

use dpxla::array::{ArrayData, HostArray};
use dpxla::tensor_file::{read_tensors, write_tensors};
use std::path::PathBuf;
use std::process::Command;

fn dpxla() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dpxla"))
}

fn tmpdir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dpxla-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn mlp_per_example_grads_match_numpy() {
    let dir = tmpdir("grads");
    let params = dir.join("params.safetensors");
    let out = Command::new(env!("CARGO_BIN_EXE_dpxla"))
        .args(["init", "--model", "mlp", "--seed", "3", "--out"])
        .arg(&params)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // 784*512 + 512 + 512*512 + 512 + 512*10 + 10 = 669,706 parameters.
    assert!(String::from_utf8_lossy(&out.stdout).contains("669706 parameters"));

    let b = 5;
    let pixels: Vec<f32> = (0..b * 784)
        .map(|i| ((i * 37) % 255) as f32 / 255.0)
        .collect();
    let batch = dir.join("batch.safetensors");
    write_tensors(
        &batch,
        &[
            ("images".into(), HostArray::f32([b, 28, 28, 1], pixels)),
            (
                "labels".into(),
                HostArray::new(vec![b], ArrayData::I64(vec![0, 3, 9, 3, 7])),
            ),
        ],
        None,
    )
    .unwrap();
    let grads = dir.join("grads.safetensors");
    let out = dpxla()
        .args(["grads", "--model", "mlp", "--params"])
        .arg(&params)
        .arg("--batch")
        .arg(&batch)
        .arg("--out")
        .arg(&grads)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let g = read_tensors(&grads).unwrap();
    assert_eq!(g.get("dense1/w", &grads).unwrap().shape, vec![b, 784, 512]);
    assert_eq!(g.get("per_example_loss", &grads).unwrap().shape, vec![b]);

    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/reference_grads.py");
    // The project's Python environment, made by scripts/setup.sh (numpy).
    let python = concat!(env!("CARGO_MANIFEST_DIR"), "/.venv/bin/python");
    let check = Command::new(python)
        .arg(script)
        .args([&params, &batch, &grads])
        .output()
        .expect("the project's .venv is missing: run `bash scripts/setup.sh` first");
    assert!(
        check.status.success(),
        "numpy reference disagrees:\n{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_inputs_are_clear_errors_with_exit_code_2() {
    let dir = tmpdir("grads-bad");
    let params = dir.join("params.safetensors");
    assert!(dpxla()
        .args(["init", "--model", "mlp", "--out"])
        .arg(&params)
        .output()
        .unwrap()
        .status
        .success());
    let run = |batch: &PathBuf| {
        dpxla()
            .args(["grads", "--model", "mlp", "--params"])
            .arg(&params)
            .arg("--batch")
            .arg(batch)
            .arg("--out")
            .arg(dir.join("g.safetensors"))
            .output()
            .unwrap()
    };
    // A label out of range.
    let batch = dir.join("b1.safetensors");
    write_tensors(
        &batch,
        &[
            ("images".into(), HostArray::f32([1, 784], vec![0.0; 784])),
            (
                "labels".into(),
                HostArray::new(vec![1], ArrayData::I64(vec![10])),
            ),
        ],
        None,
    )
    .unwrap();
    let out = run(&batch);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`labels` example 0 is 10"));
    // Images of the wrong size.
    write_tensors(
        &batch,
        &[
            ("images".into(), HostArray::f32([1, 10], vec![0.0; 10])),
            (
                "labels".into(),
                HostArray::new(vec![1], ArrayData::I64(vec![1])),
            ),
        ],
        None,
    )
    .unwrap();
    let out = run(&batch);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("[28,28,1]"));
    // A NaN pixel: refused (it would make every gradient NaN and exit 0).
    let mut px = vec![0.0f32; 784];
    px[5] = f32::NAN;
    write_tensors(
        &batch,
        &[
            ("images".into(), HostArray::f32([1, 784], px)),
            (
                "labels".into(),
                HostArray::new(vec![1], ArrayData::I64(vec![1])),
            ),
        ],
        None,
    )
    .unwrap();
    let out = run(&batch);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("`images` example 0 holds NaN"), "{stderr}");
    // Unknown model.
    let out = dpxla()
        .args(["init", "--model", "nope", "--out"])
        .arg(dir.join("x"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("possible values: mlp"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn init_help_lists_every_model() {
    let out = dpxla().args(["init", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for name in dpxla::nn::model_names() {
        assert!(
            help.contains(name),
            "`dpxla init --help` does not list {name}"
        );
    }
}
