//! Readers on small files the tests write themselves: CIFAR binary, safetensors
//! shards, image folders; format detection; corrupt and truncated files; the
//! `dpxla data` commands.

use dpxla::data::{class_counts, open_dataset, shards, Dataset, OpenOptions, Split};
use dpxla_testkit::data::{noise_bytes, scratch};
use std::path::Path;
use std::process::Command;

fn opts(split: Split) -> OpenOptions {
    OpenOptions {
        split,
        image_size: 16,
        ..OpenOptions::default()
    }
}

/// CIFAR records: `labels[i]` (1 or 2 bytes) then 3072 pseudo-random pixel bytes.
fn cifar_records(labels: &[&[u8]], seed: u64) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, l) in labels.iter().enumerate() {
        out.extend_from_slice(l);
        out.extend(noise_bytes(3072, seed + i as u64));
    }
    out
}

/// A Data error that names `file` and a byte offset.
fn assert_corrupt_at(err: dpxla::Error, file: &Path, offset: Option<u64>) {
    let text = err.to_string();
    match err.core() {
        Some(dpxla_core::Error::Data {
            path, offset: o, ..
        }) => {
            assert_eq!(path, file, "{text}");
            assert_eq!(*o, offset, "{text}");
        }
        _ => panic!("expected a Data error for {}, got: {text}", file.display()),
    }
    assert!(text.contains(&file.display().to_string()), "{text}");
    if let Some(o) = offset {
        assert!(text.contains(&format!("byte offset {o}")), "{text}");
    }
}

#[test]
fn cifar10_records_become_hwc_images_with_their_labels() {
    let dir = scratch("cifar10");
    let train = cifar_records(&[&[3], &[9], &[0]], 1);
    std::fs::write(dir.join("data_batch_1.bin"), &train).unwrap();
    std::fs::write(dir.join("data_batch_2.bin"), cifar_records(&[&[7]], 9)).unwrap();
    std::fs::write(dir.join("test_batch.bin"), cifar_records(&[&[1], &[2]], 5)).unwrap();
    let names: String = (0..10).map(|i| format!("class{i}\n")).collect();
    std::fs::write(dir.join("batches.meta.txt"), names).unwrap();

    let ds = open_dataset(&dir, &opts(Split::Train)).unwrap();
    assert_eq!(ds.kind(), "cifar10");
    assert_eq!((ds.len(), ds.num_classes()), (4, 10));
    assert_eq!(ds.image_shape(), [32, 32, 3]);
    assert_eq!(ds.labels(), &[3, 9, 0, 7]); // data_batch_1 then data_batch_2
    assert_eq!(ds.class_names().unwrap()[9], "class9");
    // Record 1's planes are R, G, B (1024 bytes each); HWC puts (y, x, c) at
    // (y * 32 + x) * 3 + c, taken from plane c at y * 32 + x.
    let planes = &train[3073 + 1..2 * 3073];
    let mut img = vec![0u8; 3072];
    ds.read_image(1, &mut img).unwrap();
    for (y, x, c) in [(0, 0, 0), (0, 1, 2), (5, 7, 1), (31, 31, 2)] {
        assert_eq!(img[(y * 32 + x) * 3 + c], planes[c * 1024 + y * 32 + x]);
    }
    let test = open_dataset(&dir, &opts(Split::Test)).unwrap();
    assert_eq!(test.labels(), &[1, 2]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn cifar100_uses_fine_labels_unless_coarse_is_asked_for() {
    let dir = scratch("cifar100").join("cifar-100-binary");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("train.bin"),
        cifar_records(&[&[4, 99], &[19, 0]], 3),
    )
    .unwrap();
    let root = dir.parent().unwrap();
    let fine = open_dataset(root, &opts(Split::Train)).unwrap();
    assert_eq!((fine.kind(), fine.num_classes()), ("cifar100", 100));
    assert_eq!(fine.labels(), &[99, 0]);
    let coarse_opts = OpenOptions {
        cifar100_coarse: true,
        ..opts(Split::Train)
    };
    let coarse = open_dataset(root, &coarse_opts).unwrap();
    assert_eq!(
        (coarse.num_classes(), coarse.labels()),
        (20, &[4i64, 19][..])
    );
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn truncated_or_mislabelled_cifar_files_are_rejected_with_file_and_offset() {
    let dir = scratch("cifar-bad");
    let cut = dir.join("data_batch_1.bin");
    let mut bytes = cifar_records(&[&[1], &[2], &[3]], 7);
    bytes.truncate(2 * 3073 + 100);
    std::fs::write(&cut, &bytes).unwrap();
    let err = open_dataset(&cut, &opts(Split::Train)).err().unwrap();
    assert_corrupt_at(err, &cut, Some(2 * 3073)); // where the partial record starts
    let bad = dir.join("test_batch.bin");
    std::fs::write(&bad, cifar_records(&[&[1], &[10]], 7)).unwrap(); // 10 ≥ 10 classes
    let err = open_dataset(&bad, &opts(Split::Test)).err().unwrap();
    assert_corrupt_at(err, &bad, Some(3073));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Writes a plain IDX file: magic 0x0000_08_rank, big-endian dims, payload.
fn write_idx(path: &Path, dims: &[u32], payload: &[u8]) {
    let mut out = vec![0, 0, 0x08, dims.len() as u8];
    for d in dims {
        out.extend(d.to_be_bytes());
    }
    out.extend_from_slice(payload);
    std::fs::write(path, out).unwrap();
}

#[test]
fn plain_idx_pairs_read_and_corrupt_ones_are_rejected_with_file_and_offset() {
    let dir = scratch("idx-bad");
    let images = dir.join("train-images-idx3-ubyte");
    let labels = dir.join("train-labels-idx1-ubyte");
    let pixels = noise_bytes(3 * 4 * 5, 11);
    write_idx(&images, &[3, 4, 5], &pixels);
    write_idx(&labels, &[3], &[2, 0, 1]);
    let ds = open_dataset(&dir, &opts(Split::Train)).unwrap();
    assert_eq!(
        (ds.len(), ds.image_shape(), ds.num_classes()),
        (3, [4, 5, 1], 3)
    );
    assert_eq!(ds.read_batch(&[2]).unwrap().images, &pixels[40..]);

    // Cut inside the payload: 16-byte header + 59 of 60 bytes.
    let full = std::fs::read(&images).unwrap();
    std::fs::write(&images, &full[..full.len() - 1]).unwrap();
    let err = open_dataset(&dir, &opts(Split::Train)).err().unwrap();
    assert_corrupt_at(err, &images, Some(75));
    // Bad magic: not two zero bytes.
    let mut bad = full.clone();
    bad[0] = 0x1f;
    std::fs::write(&images, &bad).unwrap();
    let err = open_dataset(&dir, &opts(Split::Train)).err().unwrap();
    assert_corrupt_at(err, &images, Some(0));
    // Trailing garbage after the payload.
    let mut long = full.clone();
    long.push(7);
    std::fs::write(&images, &long).unwrap();
    let err = open_dataset(&dir, &opts(Split::Train)).err().unwrap();
    assert_corrupt_at(err, &images, Some(76));
    // Label count disagrees with the image count.
    std::fs::write(&images, &full).unwrap();
    write_idx(&labels, &[2], &[2, 0]);
    let err = open_dataset(&dir, &opts(Split::Train)).err().unwrap();
    assert_corrupt_at(err, &labels, Some(4));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_truncated_gzip_idx_file_is_rejected_with_file_and_offset() {
    use std::io::Write;
    let dir = scratch("idx-gz");
    let images = dir.join("t10k-images-idx3-ubyte.gz");
    let mut raw = vec![0, 0, 8, 3, 0, 0, 0, 50, 0, 0, 0, 28, 0, 0, 0, 28];
    raw.extend(noise_bytes(50 * 784, 3));
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&raw).unwrap();
    let gz = gz.finish().unwrap();
    std::fs::write(&images, &gz[..gz.len() / 2]).unwrap();
    write_idx(&dir.join("t10k-labels-idx1-ubyte.gz"), &[50], &[0; 50]);
    let err = open_dataset(&images, &opts(Split::Test)).err().unwrap();
    let text = err.to_string();
    assert!(
        text.contains("gzip") && text.contains("byte offset"),
        "{text}"
    );
    assert!(
        matches!(err.core(), Some(dpxla_core::Error::Data { path, offset: Some(_), .. }) if *path == images)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// CIFAR-10 shards in `dir/shards` (from a 5-example CIFAR file).
fn cifar_shards(dir: &Path, shard_size: usize) -> Box<dyn Dataset> {
    let bin = dir.join("data_batch_1.bin");
    std::fs::write(&bin, cifar_records(&[&[0], &[1], &[2], &[1], &[0]], 21)).unwrap();
    let src = open_dataset(&bin, &opts(Split::Train)).unwrap();
    shards::write_shards(src.as_ref(), &dir.join("shards"), shard_size, |_, _| {}).unwrap();
    src
}

#[test]
fn shards_are_read_lazily_across_files_in_name_order() {
    let dir = scratch("shards");
    let src = cifar_shards(&dir, 2);
    let ds = shards::ShardDataset::open(&dir.join("shards")).unwrap();
    assert_eq!(ds.num_shards(), 3);
    assert_eq!(
        (ds.len(), ds.num_classes(), ds.image_shape()),
        (5, 10, [32, 32, 3])
    );
    assert_eq!(class_counts(&ds), vec![2, 2, 1, 0, 0, 0, 0, 0, 0, 0]);
    let order = [4, 0, 2, 3, 1];
    assert_eq!(
        ds.read_batch(&order).unwrap(),
        src.read_batch(&order).unwrap()
    );
    assert!(matches!(
        ds.read_batch(&[5]),
        Err(dpxla::Error::InvalidInput(_))
    ));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Rewrites a safetensors file's JSON header with `edit`, keeping the data bytes.
fn edit_header(path: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
    let bytes = std::fs::read(path).unwrap();
    let n = u64::from_le_bytes(bytes[..8].try_into().unwrap()) as usize;
    let mut header: serde_json::Value = serde_json::from_slice(&bytes[8..8 + n]).unwrap();
    edit(&mut header);
    let text = serde_json::to_vec(&header).unwrap();
    let mut out = (text.len() as u64).to_le_bytes().to_vec();
    out.extend(text);
    out.extend_from_slice(&bytes[8 + n..]);
    std::fs::write(path, out).unwrap();
}

#[test]
fn shard_headers_that_lie_and_truncated_shards_are_rejected_with_file_and_offset() {
    let dir = scratch("shards-bad");
    cifar_shards(&dir, 5);
    let shard = dir.join("shards/shard-00000.safetensors");
    let good = std::fs::read(&shard).unwrap();
    let header_len = u64::from_le_bytes(good[..8].try_into().unwrap());
    let open = || {
        shards::ShardDataset::open(&dir.join("shards"))
            .err()
            .unwrap()
    };

    // Truncated: the images (the last tensor) end past the end of the file.
    std::fs::write(&shard, &good[..good.len() - 10]).unwrap();
    let err = open();
    let images_at = 8 + header_len + 5 * 8; // data section: labels (i64) first, then images
    assert_corrupt_at(err, &shard, Some(images_at));
    // A header whose shape claims more images than its byte range holds.
    std::fs::write(&shard, &good).unwrap();
    edit_header(&shard, |h| h["images"]["shape"][0] = 6.into());
    assert_corrupt_at(open(), &shard, Some(8));
    // A header length larger than the file.
    let mut lie = good.clone();
    lie[..8].copy_from_slice(&(1u64 << 40).to_le_bytes());
    std::fs::write(&shard, &lie).unwrap();
    assert_corrupt_at(open(), &shard, Some(0));
    // Not safetensors at all.
    std::fs::write(&shard, b"garbage!garbage").unwrap();
    assert_corrupt_at(open(), &shard, Some(0));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A `w x h` RGB image whose columns are red in the left quarter, green in the
/// middle half and blue in the right quarter.
fn striped(w: u32, h: u32) -> image::RgbImage {
    image::RgbImage::from_fn(w, h, |x, _| match (4 * x) / w {
        0 => image::Rgb([255, 0, 0]),
        1 | 2 => image::Rgb([0, 255, 0]),
        _ => image::Rgb([0, 0, 255]),
    })
}

#[test]
fn image_folders_give_sorted_classes_and_centre_cropped_squares() {
    let root = scratch("folder");
    let train = root.join("train");
    for class in ["cat", "dog", "empty-notes"] {
        std::fs::create_dir_all(train.join(class)).unwrap();
    }
    // 32x16, shorter side already 16: no resize, the centre 16x16 is all green.
    striped(32, 16).save(train.join("cat/a.png")).unwrap();
    // 16x48 portrait: the crop keeps rows 16..32 of a uniform column pattern.
    image::RgbImage::from_pixel(16, 48, image::Rgb([10, 20, 30]))
        .save(train.join("dog/b.PNG"))
        .unwrap();
    // A larger JPEG: resized (bilinear) then cropped; only the size is exact.
    striped(64, 40).save(train.join("dog/c.jpg")).unwrap();
    std::fs::write(train.join("empty-notes/readme.txt"), "not an image").unwrap();

    let ds = open_dataset(&root, &opts(Split::Train)).unwrap(); // finds train/
    assert_eq!(ds.kind(), "image-folder");
    assert_eq!((ds.len(), ds.image_shape()), (3, [16, 16, 3]));
    assert_eq!(ds.labels(), &[0, 1, 1]);
    assert_eq!(ds.class_names().unwrap(), &["cat", "dog", "empty-notes"]);
    let batch = ds.read_batch(&[0, 1, 2]).unwrap();
    let px = 16 * 16 * 3;
    assert!(batch.images[..px].chunks(3).all(|p| p == [0, 255, 0]));
    assert!(batch.images[px..2 * px]
        .chunks(3)
        .all(|p| p == [10, 20, 30]));

    // A file whose header is not an image's is named when the folder opens.
    let broken = train.join("cat/broken.jpg");
    std::fs::write(&broken, b"\xff\xd8\xff not really a jpeg").unwrap();
    let err = open_dataset(&train, &opts(Split::Train)).err().unwrap();
    assert_corrupt_at(err, &broken, None);
    // Damage past an intact header (a truncated PNG) is named when it is read.
    let png = std::fs::read(train.join("cat/a.png")).unwrap();
    std::fs::write(&broken, &png[..png.len() / 2]).unwrap();
    let ds = open_dataset(&train, &opts(Split::Train)).unwrap();
    let err = ds.read_batch(&[1]).err().unwrap();
    assert_corrupt_at(err, &broken, None);
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_folder_with_images_in_one_class_only_is_refused() {
    let root = scratch("folder-one-class");
    std::fs::create_dir_all(root.join("cat")).unwrap();
    std::fs::create_dir_all(root.join("dog")).unwrap();
    striped(16, 16).save(root.join("cat/a.png")).unwrap();
    striped(16, 16).save(root.join("cat/b.png")).unwrap();
    std::fs::write(root.join("dog/notes.txt"), "no images here").unwrap();
    let err = open_dataset(&root, &opts(Split::Train))
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("only one class folder (cat)"), "{err}");
    // A second class with one image is enough.
    striped(16, 16).save(root.join("dog/c.png")).unwrap();
    let ds = open_dataset(&root, &opts(Split::Train)).unwrap();
    assert_eq!(ds.labels(), &[0, 0, 1]);
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_flipped_byte_in_a_dpxla_shard_is_found_when_it_opens() {
    let dir = scratch("shards-flipped");
    cifar_shards(&dir, 5);
    let shard = dir.join("shards/shard-00000.safetensors");
    let good = std::fs::read(&shard).unwrap();
    let header_len = u64::from_le_bytes(good[..8].try_into().unwrap()) as usize;
    let data = 8 + header_len; // labels (5 x i64) first, then the images
    shards::ShardDataset::open(&dir.join("shards")).unwrap();
    for (what, at) in [("images", data + 40 + 1234), ("labels", data + 8)] {
        let mut bad = good.clone();
        bad[at] ^= 0x04;
        std::fs::write(&shard, &bad).unwrap();
        let err = shards::ShardDataset::open(&dir.join("shards"))
            .err()
            .unwrap();
        let text = err.to_string();
        assert!(
            text.contains(&format!("tensor '{what}' fails its checksum")),
            "{what}: {text}"
        );
        assert!(
            matches!(err.core(), Some(dpxla_core::Error::Data { path, .. }) if *path == shard),
            "{text}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_unrecognised_folder_is_invalid_input() {
    let dir = scratch("unknown");
    std::fs::write(dir.join("notes.txt"), "x").unwrap();
    let err = open_dataset(&dir, &opts(Split::Train)).err().unwrap();
    assert!(matches!(err, dpxla::Error::InvalidInput(_)), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

fn dpxla(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dpxla"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn cli_converts_to_shards_and_inspects_them() {
    let dir = scratch("cli");
    std::fs::write(
        dir.join("data_batch_1.bin"),
        cifar_records(&[&[0], &[1], &[1], &[5]], 2),
    )
    .unwrap();
    let out = dir.join("out");
    let (d, o) = (dir.to_str().unwrap(), out.to_str().unwrap());
    let (rc, stdout, stderr) = dpxla(&[
        "data",
        "convert",
        "--from",
        d,
        "--out",
        o,
        "--shard-size",
        "3",
    ]);
    assert_eq!(rc, 0, "{stderr}");
    assert!(
        stdout.contains("wrote 4 examples in 2 shard(s)"),
        "{stdout}"
    );
    assert!(out.join("shard-00001.safetensors").is_file());

    let (rc, stdout, stderr) = dpxla(&["data", "inspect", o, "--stats"]);
    assert_eq!(rc, 0, "{stderr}");
    for line in [
        "format:   shards",
        "examples: 4",
        "image:    32x32x3",
        "classes:  10",
        "1: 2 (50.00%)",
        "pixel mean",
    ] {
        assert!(stdout.contains(line), "missing '{line}' in:\n{stdout}");
    }
    // Invalid input exits 2: a bad split, a zero shard size, a missing path.
    assert_eq!(dpxla(&["data", "inspect", d, "--split", "dev"]).0, 2);
    let again = dir.join("again");
    let a = again.to_str().unwrap();
    assert_eq!(
        dpxla(&[
            "data",
            "convert",
            "--from",
            d,
            "--out",
            a,
            "--shard-size",
            "0"
        ])
        .0,
        2
    );
    assert_eq!(dpxla(&["data", "inspect", "/nonexistent/dpxla-data"]).0, 2);
    std::fs::remove_dir_all(&dir).unwrap();
}
