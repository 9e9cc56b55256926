//! Throughput of the image-folder input pipeline alone (issue 15, item 5):
//! decode + resize + centre-crop to 224 (`FolderDataset::read_batch`, on
//! every host thread or on one), then random-resized-crop + flip +
//! normalisation into K views (`augment_views`), on a synthetic tree of
//! ImageNet-sized JPEGs (500x375, quality 90). Compare with the engine's
//! step rate (`dpxla bench --model resnet18_gn`, BENCHMARKS.md).
//!
//! `cargo bench --bench loader`

use dpxla::data::folder::FolderDataset;
use dpxla::data::parallel_read::read_batch_parallel;
use dpxla::data::resized_crop::ResizedCrop;
use dpxla::data::{augment_views, Dataset, ViewAugment};
use std::time::Instant;

fn main() {
    let root = std::env::temp_dir().join(format!("dpxla-loader-bench-{}", std::process::id()));
    let (classes, per_class) = (4, 32);
    let mut state = 7u32;
    for k in 0..classes {
        let dir = root.join(format!("class_{k}"));
        std::fs::create_dir_all(&dir).unwrap();
        for i in 0..per_class {
            let img = image::RgbImage::from_fn(500, 375, |x, y| {
                state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                let n = (state >> 26) as u8;
                image::Rgb([(x / 2) as u8 ^ n, (y / 2) as u8, (k * 60) as u8 + n])
            });
            let path = dir.join(format!("img_{i}.jpg"));
            let file = std::fs::File::create(&path).unwrap();
            let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(file, 90);
            img.write_with_encoder(enc).unwrap();
        }
    }
    let ds = FolderDataset::open(&root, 224).unwrap();
    let n = ds.len();
    let indices: Vec<usize> = (0..n).collect();
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get());
    let cfg = ViewAugment {
        random_resized_crop: Some(ResizedCrop::default()),
        flip: true,
        mean: vec![0.485, 0.456, 0.406],
        std: vec![0.229, 0.224, 0.225],
        ..ViewAugment::none()
    };
    for t in [1, threads] {
        let t0 = Instant::now();
        let batch = read_batch_parallel(&ds, &indices, t).unwrap();
        let decode = t0.elapsed().as_secs_f64();
        let ids: Vec<u64> = indices.iter().map(|&i| i as u64).collect();
        for k in [1usize, 4] {
            let t1 = Instant::now();
            let views =
                augment_views(&batch.images, batch.image_shape, &cfg, 0, 1, &ids, k).unwrap();
            let aug = t1.elapsed().as_secs_f64();
            assert_eq!(views.shape[0], n);
            println!(
                "loader: {n} JPEGs 500x375 -> 224, {t} decode thread(s): decode {:.0} img/s, \
                 augment K={k} {:.0} img/s, together {:.0} img/s",
                n as f64 / decode,
                n as f64 / aug,
                n as f64 / (decode + aug)
            );
        }
    }
    let _ = std::fs::remove_dir_all(&root);
}
