//! Every config RESULTS.md reports (every `configs/**/*.toml`) still runs: each
//! trains for 2 steps on a small prefix of its real dataset through the real
//! CPU plugin (the first 200 training images, 100 test images), with the
//! config's own model, privacy and optimiser settings. The ScatterNet config
//! first gets its features from `dpxla features scatter --limit`; the
//! transfer config also runs as RESULTS.md's transfer rows do, initialised
//! from the pretraining config's checkpoint with a new, sole trainable head.

use std::path::{Path, PathBuf};
use std::process::Command;

fn data_dir() -> PathBuf {
    let d = std::env::var_os("DPXLA_DATA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("data"));
    assert!(
        d.join("fashion-mnist").is_dir() && d.join("mnist").is_dir(),
        "{} lacks fashion-mnist or mnist: run scripts/fetch_datasets.sh",
        d.display()
    );
    d
}

fn configs(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            configs(&p, out);
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
}

fn dpxla(args: &[String]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_dpxla"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "dpxla {}\n{text}\n{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

/// Trains `config` for 2 steps into `out` with `extra` overrides; returns stdout.
fn short_run(config: &Path, train: &Path, out: &Path, extra: &[String]) -> String {
    let mut args: Vec<String> = ["train", "--config"].map(String::from).to_vec();
    args.push(config.display().to_string());
    args.extend(["--no-progress", "--max-steps", "2"].map(String::from));
    let sets = [
        format!("data.train={}", train.display()),
        "data.train_limit=200".into(),
        "data.test_limit=100".into(),
        "training.batch_size=64".into(),
        "training.physical_batch=32".into(),
        "training.eval_every=0".into(),
        "training.checkpoint_every=0".into(),
        format!("output.dir={}", out.display()),
    ];
    for s in sets.iter().chain(extra) {
        args.extend(["--set".to_string(), s.clone()]);
    }
    dpxla(&args)
}

#[test]
fn every_results_config_trains_two_steps() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = data_dir();
    let tmp = std::env::temp_dir().join(format!("dpxla-results-configs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let mut all = Vec::new();
    configs(&root.join("configs"), &mut all);
    all.sort();
    assert!(all.len() >= 4, "{all:?}");
    // The ImageNet-scale recipe reads class folders that are not offline;
    // tests/imagenet_configs.rs runs those two configs on a synthetic tree
    // (checked here, so neither can drop out of both tests).
    let image_folder_configs = [
        "imagenet_resnet18_eps10.toml",
        "places365_resnet18_pretrain.toml",
    ];
    let elsewhere =
        std::fs::read_to_string(root.join("tests/imagenet_configs.rs")).unwrap_or_default();
    let mut scatter_features = None;
    for cfg in &all {
        let file = cfg.file_name().unwrap().to_str().unwrap();
        if image_folder_configs.contains(&file) {
            assert!(elsewhere.contains(file), "{file} is run by no test");
            continue;
        }
        let text = std::fs::read_to_string(cfg).unwrap();
        let table: toml::Table = text.parse().unwrap();
        let train = table["data"]["train"].as_str().unwrap().to_string();
        let name = Path::new(&train).file_name().unwrap().to_str().unwrap();
        let train = if name.ends_with("-scatter") {
            scatter_features
                .get_or_insert_with(|| {
                    let f = tmp.join("fashion-mnist-scatter");
                    let out = dpxla(&[
                        "features".into(),
                        "scatter".into(),
                        "--data".into(),
                        data.join("fashion-mnist").display().to_string(),
                        "--out".into(),
                        f.display().to_string(),
                        "--limit".into(),
                        "200".into(),
                    ]);
                    assert!(out.contains("200 train and 200 test"), "{out}");
                    f
                })
                .clone()
        } else {
            data.join(name)
        };
        let stem = cfg.strip_prefix(root).unwrap().display().to_string();
        let out = tmp.join(stem.replace('/', "_"));
        let stdout = short_run(cfg, &train, &out, &[]);
        assert!(stdout.contains("steps: 2 of"), "{stem}: {stdout}");
        assert!(stdout.contains("test accuracy:"), "{stem}: {stdout}");
        assert!(out.join("checkpoint.safetensors").is_file(), "{stem}");
    }
    // The transfer rows: fine-tune the pretraining checkpoint, head only.
    let pre = tmp.join("configs_transfer_fmnist_pretrain.toml/checkpoint.safetensors");
    assert!(pre.is_file());
    let stdout = short_run(
        &root.join("configs/transfer/mnist10k_dp.toml"),
        &data.join("mnist"),
        &tmp.join("transfer-head-only"),
        &[
            format!("model.init_from={}", pre.display()),
            "model.replace_head=true".into(),
            "model.freeze=head-only".into(),
        ],
    );
    assert!(stdout.contains("steps: 2 of"), "{stdout}");
    std::fs::remove_dir_all(&tmp).unwrap();
}
