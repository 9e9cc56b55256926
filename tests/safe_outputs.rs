//! Outputs never destroy files (issue 27, item 5), through the `dpxla`
//! binary: `export-params CKPT --out CKPT` is refused and the checkpoint
//! kept; an `--out` that is a fifo or a device node is refused before
//! anything is written (the rename used to replace it, as root even
//! `/dev/null`); a batch too large for memory is an error naming
//! `data.image_size` and the bytes, not an allocator abort (exit 134).

use crate::faults_common;

use faults_common::{config, config_file};
use std::os::unix::fs::FileTypeExt;
use std::path::Path;
use std::process::{Command, Output};

fn dpxla() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dpxla"))
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(ok.success(), "mkfifo failed");
}

/// A character device node like /dev/null (1, 3), where this process may
/// make one (root); `false` otherwise.
fn mknod_null(path: &Path) -> bool {
    Command::new("mknod")
        .arg(path)
        .args(["c", "1", "3"])
        .status()
        .is_ok_and(|s| s.success())
}

fn assert_refused(o: &Output, what: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "{what}: {err}");
    assert!(!err.contains("panicked"), "{what}: {err}");
}

#[test]
fn export_params_refuses_its_input_and_outputs_that_are_not_regular_files() {
    let out = faults_common::out_dir("safe-export");
    let cfg = config(&out, &["training.steps=1"]);
    let cfg_file = config_file(&cfg);
    let o = dpxla()
        .args(["train", "--no-progress", "--config"])
        .arg(&cfg_file)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let ckpt = out.join("checkpoint.safetensors");
    let before = std::fs::read(&ckpt).unwrap();
    // The checkpoint itself, also spelled another way.
    for target in [ckpt.clone(), out.join(".").join("checkpoint.safetensors")] {
        let o = dpxla()
            .arg("export-params")
            .arg(&ckpt)
            .arg("--out")
            .arg(&target)
            .output()
            .unwrap();
        assert_refused(&o, "the input as --out");
        assert!(stderr(&o).contains("input"), "{}", stderr(&o));
        assert_eq!(std::fs::read(&ckpt).unwrap(), before, "checkpoint changed");
    }
    // A fifo and (where this process may make one) a device node.
    let fifo = out.join("fifo");
    mkfifo(&fifo);
    let node = out.join("null");
    let mut targets = vec![fifo];
    if mknod_null(&node) {
        targets.push(node);
    } else {
        eprintln!("no device node test: mknod needs root");
    }
    for target in &targets {
        let o = dpxla()
            .arg("export-params")
            .arg(&ckpt)
            .arg("--out")
            .arg(target)
            .output()
            .unwrap();
        assert_refused(&o, "a special file as --out");
        assert!(stderr(&o).contains("not a regular file"), "{}", stderr(&o));
        let t = std::fs::symlink_metadata(target).unwrap().file_type();
        assert!(
            t.is_fifo() || t.is_char_device(),
            "{} was replaced",
            target.display()
        );
        // `dpxla init` writes through the same check.
        let o = dpxla()
            .args(["init", "--model", "mlp", "--out"])
            .arg(target)
            .output()
            .unwrap();
        assert_refused(&o, "init --out at a special file");
        let t = std::fs::symlink_metadata(target).unwrap().file_type();
        assert!(
            t.is_fifo() || t.is_char_device(),
            "{} was replaced",
            target.display()
        );
    }
    std::fs::remove_dir_all(&out).unwrap();
    let _ = std::fs::remove_file(&cfg_file);
}

/// `root/{train,val}/class_k/img_i.png`: two classes of two 8x8 images
/// (the splits differ: a test set equal to the training set is refused).
fn tiny_image_tree(root: &Path) {
    for (split, shade) in [("train", 0u8), ("val", 7)] {
        for k in 0..2u8 {
            let dir = root.join(split).join(format!("class_{k}"));
            std::fs::create_dir_all(&dir).unwrap();
            for i in 0..2u8 {
                let img = image::RgbImage::from_fn(8, 8, |x, y| {
                    image::Rgb([k * 100 + shade, x as u8 * 20 + i, y as u8 * 20])
                });
                img.save(dir.join(format!("img_{i}.png"))).unwrap();
            }
        }
    }
}

#[test]
fn an_image_size_beyond_memory_is_an_error_naming_the_key_and_the_bytes() {
    let root = faults_common::out_dir("safe-size");
    tiny_image_tree(&root.join("data"));
    let cfg_file = root.join("c.toml");
    std::fs::write(
        &cfg_file,
        format!(
            "[model]\nname = \"mlp\"\n[data]\ntrain = \"{}\"\nimage_size = 5000\n\
             [privacy]\nnoise_multiplier = 1.0\ndelta = 1e-3\nallow_large_delta = true\n\
             [training]\nbatch_size = 2\nsteps = 1\nphysical_batch = 64\nlearning_rate = 0.1\n\
             [output]\ndir = \"{}\"\n",
            root.join("data").display(),
            root.join("out").display()
        ),
    )
    .unwrap();
    let o = dpxla()
        .args(["train", "--no-progress", "--config"])
        .arg(&cfg_file)
        .output()
        .unwrap();
    // Before: the allocator aborted the process (exit 134, a backtrace).
    assert_refused(&o, "image_size = 5000");
    let err = stderr(&o);
    assert!(
        err.contains("data.image_size") && err.contains("bytes"),
        "{err}"
    );
    std::fs::remove_dir_all(&root).unwrap();
}
