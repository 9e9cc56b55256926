//! The ImageNet recipe's two configs (configs/places365_resnet18_pretrain.toml,
//! configs/imagenet_resnet18_eps10.toml) run a few steps on a tiny synthetic
//! image-folder tree through the real CPU plugin: non-private pretraining,
//! then private fine-tuning from its checkpoint with a replaced head
//! (transfer), random-resized-crop and augmentation multiplicity. Only sizes
//! are overridden (`--set`), so the configs' other keys are exercised as
//! written.

use dpxla::train::config::Config;
use dpxla::train::{run::train, TrainOptions};
use std::path::{Path, PathBuf};

fn out_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dpxla-inet-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

/// `root/{train,val}/class_k/img_i.png`: `classes` classes, `per_class` 40x48
/// images each (not square, so the folder reader's resize and crop run), each
/// class a different colour with noise.
fn image_tree(root: &Path, classes: usize, per_class: usize) {
    let mut state = 12345u32;
    for split in ["train", "val"] {
        for k in 0..classes {
            let dir = root.join(split).join(format!("class_{k}"));
            std::fs::create_dir_all(&dir).unwrap();
            for i in 0..per_class {
                let img = image::RgbImage::from_fn(48, 40, |x, y| {
                    state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                    let n = (state >> 24) as u8 / 4;
                    let base = [(k * 80) as u8, (x * 5) as u8, (y * 6) as u8];
                    image::Rgb(base.map(|b| b.wrapping_add(n)))
                });
                img.save(dir.join(format!("img_{i}.png"))).unwrap();
            }
        }
    }
}

fn load(path: &str, sets: &[String]) -> Config {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    Config::load(&p, sets).unwrap()
}

fn quiet() -> TrainOptions {
    TrainOptions {
        resume: false,
        progress: false,
        max_steps_this_run: None,
        ..TrainOptions::default()
    }
}

/// Overrides that shrink a run to a few tiny steps; everything else is the
/// config as written.
fn small(data: &Path, out: &Path) -> Vec<String> {
    [
        format!("data.train=\"{}\"", data.display()),
        "data.image_size=32".into(),
        "training.batch_size=4".into(),
        "training.physical_batch=4".into(),
        "training.eval_every=0".into(),
        "training.checkpoint_every=0".into(),
        "training.schedule={ kind = \"cosine\", warmup_steps = 1 }".into(),
        "runtime.fast_compile=true".into(),
        format!("output.dir=\"{}\"", out.display()),
    ]
    .into()
}

#[test]
fn places365_pretraining_then_private_imagenet_fine_tuning_run_on_a_tiny_tree() {
    let root = out_dir("data");
    let (places, imagenet) = (root.join("places"), root.join("imagenet"));
    image_tree(&places, 3, 4);
    image_tree(&imagenet, 4, 4);

    // Pretraining: 12 images, batch 4, 0.5 epochs -> 2 steps, non-private.
    let pre_out = out_dir("pre");
    let mut sets = small(&places, &pre_out);
    sets.push("training.epochs=0.5".into());
    let cfg = load("configs/places365_resnet18_pretrain.toml", &sets);
    assert!(!cfg.privacy.enabled);
    assert!(cfg.augment.random_resized_crop.is_some());
    let pre = train(&cfg, &quiet()).unwrap();
    assert_eq!(pre.steps_done, 2);
    assert!(pre.epsilon.is_none());
    assert!(pre.checkpoint.is_file());

    // Private fine-tuning from that checkpoint: 3 classes -> 4 (new head),
    // K = 4 views per example as configured, ε = 10 at δ = 1e-6.
    let fine_out = out_dir("fine");
    let mut sets = small(&imagenet, &fine_out);
    sets.push("training.epochs=0.5".into());
    sets.push(format!("model.init_from=\"{}\"", pre.checkpoint.display()));
    let cfg = load("configs/imagenet_resnet18_eps10.toml", &sets);
    assert_eq!(cfg.augment.multiplicity, 4);
    assert!(cfg.model.replace_head);
    assert_eq!(cfg.privacy.target_epsilon, Some(10.0));
    let fine = train(&cfg, &quiet()).unwrap();
    assert_eq!(fine.steps_done, 2);
    let (eps, delta) = fine.epsilon.expect("a private run reports its ε");
    assert!(eps > 0.0 && eps <= 10.0 + 1e-9, "ε = {eps}");
    assert_eq!(delta, 1e-6);
    assert!(fine.test.loss.is_finite());
    // As written, the recipe's logical batch is 65,536.
    let full = load("configs/imagenet_resnet18_eps10.toml", &[]);
    assert_eq!(full.training.batch_size, Some(65536.0));
    for d in [root, pre_out, fine_out] {
        let _ = std::fs::remove_dir_all(d);
    }
}
