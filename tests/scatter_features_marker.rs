//! `dpxla features scatter` marks what it wrote (`features.json`, written
//! last), does nothing when asked again for the same features, and the
//! `scatterfeat_*` models refuse features without the current marker: stale
//! features of an older transform (or a half-written folder) are a clear
//! error, never silently trained on. Real data and plugin; 20 images a split.

use std::path::Path;
use std::process::{Command, Output};

fn dpxla(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dpxla"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn train(features: &Path, out: &Path) -> Output {
    let f = format!("data.train={}", features.display());
    let o = format!("output.dir={}", out.display());
    dpxla(&[
        "train",
        "--config",
        "configs/fashion_mnist_scatter.toml",
        "--no-progress",
        "--max-steps",
        "1",
        "--set",
        &f,
        "--set",
        "training.batch_size=8",
        "--set",
        "training.physical_batch=8",
        "--set",
        &o,
    ])
}

#[test]
fn features_are_marked_reused_and_stale_ones_refused() {
    let tmp = dpxla_testkit::run::scratch("features", "marker");
    let feats = tmp.join("feats");
    let (data, out) = (
        dpxla_testkit::run::data_dir().join("fashion-mnist"),
        feats.display().to_string(),
    );
    let args = [
        "features",
        "scatter",
        "--data",
        data.to_str().unwrap(),
        "--out",
        &out,
        "--limit",
        "20",
    ];
    let first = dpxla(&args);
    assert!(first.status.success(), "{}", text(&first));
    let marker = feats.join("features.json");
    let written = std::fs::read_to_string(&marker).unwrap();
    assert!(written.contains("\"train\": 20"), "{written}");

    // Asked again: nothing to do (the shards are not rewritten).
    let shard = std::fs::read_dir(feats.join("train"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mtime = std::fs::metadata(&shard).unwrap().modified().unwrap();
    let again = dpxla(&args);
    assert!(again.status.success(), "{}", text(&again));
    assert!(text(&again).contains("nothing to do"), "{}", text(&again));
    assert_eq!(
        std::fs::metadata(&shard).unwrap().modified().unwrap(),
        mtime
    );
    // ... also when the same data folder is spelled differently.
    let respelled = data.join("..").join("fashion-mnist").display().to_string();
    let mut args2 = args;
    args2[3] = &respelled;
    let again = dpxla(&args2);
    assert!(text(&again).contains("nothing to do"), "{}", text(&again));

    // The marked features train.
    let ok = train(&feats, &tmp.join("run-ok"));
    assert!(ok.status.success(), "{}", text(&ok));

    // Features of another transform version are refused by name.
    let stale = written.replace("kymatio", "spatial-approximation");
    assert_ne!(stale, written);
    std::fs::write(&marker, stale).unwrap();
    let refused = train(&feats, &tmp.join("run-stale"));
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    assert!(
        text(&refused).contains("features of another transform"),
        "{}",
        text(&refused)
    );
    // ... and so is a folder without a marker (unfinished or hand-made).
    std::fs::remove_file(&marker).unwrap();
    let refused = train(&feats, &tmp.join("run-unmarked"));
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    assert!(
        text(&refused).contains("has no features.json"),
        "{}",
        text(&refused)
    );
    // Without a marker, rewriting into the folder refuses to mix shards.
    let mixed = dpxla(&args);
    assert!(!mixed.status.success(), "{}", text(&mixed));
    assert!(text(&mixed).contains("already holds"), "{}", text(&mixed));
    std::fs::remove_dir_all(&tmp).unwrap();
}
