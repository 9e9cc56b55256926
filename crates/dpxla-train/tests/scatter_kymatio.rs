//! The traced scattering transform (`nn::layers::scatter`) against Kymatio
//! 0.3's own `Scattering2D` (numpy frontend, run by `scripts/scatter_reference.py`
//! in the project's `.venv`, installed by `scripts/setup.sh`): the same
//! images through the f64 interpreter and through the XLA CPU plugin at the
//! default and the fast-compile optimisation levels must give Kymatio's
//! coefficients, in Kymatio's channel order.

use dpxla_core::trace::{eval, Aval, Builder};

use dpxla_core::array::{ArrayData, DType, HostArray};
use dpxla_core::transform::vmap;
use dpxla_nn::layers::scatter::{scattering, ScatterSpec};
use dpxla_pjrt::lower::LowerOptions;
use dpxla_pjrt::program::Program;
use dpxla_pjrt::runtime::{CompileOptions, XlaFlag};
use dpxla_testkit::pjrt::test_client;
use std::io::Write;
use std::process::{Command, Stdio};

/// `n` deterministic test images `h`x`w` in [0, 1]: a textured block on a
/// black background, different per image (a small LCG, no RNG crate).
fn images(n: usize, h: usize, w: usize) -> Vec<Vec<f64>> {
    let mut state = 12345u64;
    (0..n)
        .map(|k| {
            (0..h * w)
                .map(|p| {
                    state = state
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    let noise = (state >> 40) as f64 / (1u64 << 24) as f64;
                    let (i, j) = (p / w, p % w);
                    let inside = i > h / 5 + k && i < h - h / 6 && j > w / 4 && j < w - 3;
                    let stripe = ((i + 2 * j + k) % 5) as f64 / 5.0;
                    if inside {
                        0.5 * stripe + 0.5 * noise
                    } else {
                        0.05 * noise
                    }
                })
                .collect()
        })
        .collect()
}

/// Kymatio's coefficients `[n, K, h', w']` (row-major) of the images.
fn kymatio(imgs: &[Vec<f64>], h: usize, w: usize, spec: &ScatterSpec) -> (Vec<usize>, Vec<f64>) {
    let rows: Vec<Vec<&[f64]>> = imgs.iter().map(|im| im.chunks(w).collect()).collect();
    assert!(rows.iter().all(|r| r.len() == h));
    let req = serde_json::json!({"J": spec.scales, "L": spec.orientations, "images": rows});
    let python = dpxla_testkit::repo_root().join(".venv/bin/python");
    let script = dpxla_testkit::repo_root().join("scripts/scatter_reference.py");
    let mut child = Command::new(&python)
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the project's .venv is missing: run `bash scripts/setup.sh` first");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(req.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let reply: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let numbers = |name: &str| -> Vec<f64> {
        reply[name]
            .as_array()
            .unwrap_or_else(|| panic!("no {name} in Kymatio's reply"))
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect()
    };
    let shape = numbers("shape").iter().map(|&v| v as usize).collect();
    (shape, numbers("values"))
}

/// Our transform of a batch `[n, h, w, 1]` (vmapped over examples) as
/// `[n, K, h', w']`, through the interpreter (`None`) or XLA (`Some(opts)`).
fn ours(
    imgs: &[Vec<f64>],
    h: usize,
    w: usize,
    spec: &ScatterSpec,
    xla: Option<CompileOptions>,
) -> Vec<f64> {
    let dtype = if xla.is_some() {
        DType::F32
    } else {
        DType::F64
    };
    let b = Builder::new();
    let x = b.input(Aval::new(vec![1, h, w, 1], dtype));
    let y = scattering(x, spec);
    let s = y.shape();
    let g = b.finish(&[y.reshape(&s[1..])]).unwrap();
    let n = imgs.len();
    let g = vmap(&g, &[Some(0)], n).unwrap();
    let flat: Vec<f64> = imgs.concat();
    let input = HostArray {
        shape: vec![n, 1, h, w, 1],
        data: match dtype {
            DType::F64 => ArrayData::F64(flat),
            _ => ArrayData::F32(flat.iter().map(|&v| v as f32).collect()),
        },
    };
    let out = match xla {
        None => eval(&g, &[input]).unwrap(),
        Some(opts) => Program::compile(test_client(), &g, &LowerOptions::default(), &opts)
            .unwrap()
            .run_host(&[input])
            .unwrap(),
    };
    let v: Vec<f64> = match &out[0].data {
        ArrayData::F64(v) => v.clone(),
        ArrayData::F32(v) => v.iter().map(|&x| x as f64).collect(),
        other => panic!("{other:?}"),
    };
    // [n, h', w', K] → [n, K, h', w']
    let (hh, ww, k) = (s[1], s[2], s[3]);
    let mut t = vec![0.0; v.len()];
    for e in 0..n {
        for i in 0..hh {
            for j in 0..ww {
                for c in 0..k {
                    t[((e * k + c) * hh + i) * ww + j] = v[((e * hh + i) * ww + j) * k + c];
                }
            }
        }
    }
    t
}

/// Worst absolute difference relative to Kymatio's largest coefficient
/// (Kymatio builds its filters in complex64, so f64 agreement is ~1e-7).
fn assert_close(got: &[f64], want: &[f64], tol: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    let scale = want.iter().fold(0f64, |m, v| m.max(v.abs()));
    let mut worst = (0.0, 0);
    for (k, (g, w)) in got.iter().zip(want).enumerate() {
        let err = (g - w).abs();
        if err > worst.0 {
            worst = (err, k);
        }
    }
    assert!(
        worst.0 <= tol * scale,
        "{what}: worst |ours - kymatio| = {:.3e} at {} (ours {}, kymatio {}), scale {scale:.3e}",
        worst.0,
        worst.1,
        got[worst.1],
        want[worst.1]
    );
}

#[test]
fn matches_kymatio_on_28x28_with_j2_l8() {
    let spec = ScatterSpec::default();
    let imgs = images(3, 28, 28);
    let (shape, want) = kymatio(&imgs, 28, 28, &spec);
    assert_eq!(shape, vec![3, 81, 7, 7]);
    assert_close(
        &ours(&imgs, 28, 28, &spec, None),
        &want,
        1e-6,
        "interpreter f64",
    );
    let default = CompileOptions::default();
    let fast = CompileOptions::default().flag("xla_backend_optimization_level", XlaFlag::Int(0));
    assert_close(
        &ours(&imgs, 28, 28, &spec, Some(default)),
        &want,
        2e-5,
        "XLA default",
    );
    assert_close(
        &ours(&imgs, 28, 28, &spec, Some(fast)),
        &want,
        2e-5,
        "XLA fast-compile",
    );
}

#[test]
fn matches_kymatio_on_a_non_square_image_with_other_scales() {
    // J = 3 exercises second-order blocks for several (j1, j2) pairs and the
    // multi-resolution wavelet levels; a non-square image the two axes' own
    // matrices.
    let spec = ScatterSpec {
        scales: 3,
        orientations: 4,
    };
    let imgs = images(2, 16, 24);
    let (shape, want) = kymatio(&imgs, 16, 24, &spec);
    assert_eq!(shape, vec![2, spec.channels(), 2, 3]);
    assert_close(
        &ours(&imgs, 16, 24, &spec, None),
        &want,
        1e-6,
        "interpreter f64",
    );
}
