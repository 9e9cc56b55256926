//! Batches of an image folder read on several threads equal the sequential
//! read, whatever the thread count; errors name the file or index.

use dpxla_train::data::folder::FolderDataset;
use dpxla_train::data::parallel_read::read_batch_parallel;
use dpxla_train::data::Dataset;

#[test]
fn parallel_reads_equal_sequential_reads_for_any_thread_count() {
    let root = std::env::temp_dir().join(format!("dpxla-pread-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for k in 0..2u8 {
        let dir = root.join(format!("c{k}"));
        std::fs::create_dir_all(&dir).unwrap();
        for i in 0..5u8 {
            let img = image::RgbImage::from_fn(9, 7, |x, y| {
                image::Rgb([x as u8 * 20 + i, y as u8 * 30, k * 100 + i])
            });
            img.save(dir.join(format!("{i}.png"))).unwrap();
        }
    }
    let ds = FolderDataset::open(&root, 6).unwrap();
    let indices = [9, 0, 3, 3, 7, 1, 5];
    let per = ds.image_len();
    let mut want = vec![0u8; indices.len() * per];
    for (slot, &i) in want.chunks_exact_mut(per).zip(&indices) {
        ds.read_image(i, slot).unwrap();
    }
    for threads in [1, 2, 3, 7, 16] {
        let b = read_batch_parallel(&ds, &indices, threads).unwrap();
        assert_eq!(b.images, want, "{threads} threads");
        assert_eq!(b.labels, vec![1, 0, 0, 0, 1, 0, 1]);
    }
    assert_eq!(ds.read_batch(&indices).unwrap().images, want);
    let e = read_batch_parallel(&ds, &[0, 10], 2).unwrap_err();
    assert!(e.to_string().contains("out of range"), "{e}");
    std::fs::write(root.join("c1").join("3.png"), b"not a png").unwrap();
    let e = read_batch_parallel(&ds, &[0, 8, 1], 3).unwrap_err();
    assert!(e.to_string().contains("3.png"), "{e}");
    let _ = std::fs::remove_dir_all(&root);
}
