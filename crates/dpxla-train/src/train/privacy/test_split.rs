//! The test set must not be the training set (issue 10, item 1). Test
//! accuracy and loss are released without noise at every evaluation; if the
//! "test" split silently opened the training data (a single file, a shard
//! folder, a class-folder tree without `train/` and `test/`), they would be
//! non-private statistics of the training set.

use crate::data::Dataset;
use crate::{Error, Result};
use std::path::{Path, PathBuf};

/// Examples compared by [`same_examples`].
const PROBES: usize = 64;

/// Whether the test set starts with the training set's examples (issue 27,
/// item 6: a byte-identical copy under another name was accepted). Labels
/// and images are compared at up to [`PROBES`] indices spread over the
/// shorter set; two distinct datasets agreeing on all of them (image and
/// label at the same index) is not a coincidence that happens.
fn same_examples(train: &dyn Dataset, test: &dyn Dataset) -> Result<bool> {
    let n = train.len().min(test.len());
    if n == 0 || train.image_shape() != test.image_shape() {
        return Ok(false);
    }
    let (mut a, mut b) = (vec![0u8; train.image_len()], vec![0u8; test.image_len()]);
    let probes = PROBES.min(n);
    for k in 0..probes {
        let i = k * n / probes;
        if train.labels()[i] != test.labels()[i] {
            return Ok(false);
        }
        train.read_image(i, &mut a)?;
        test.read_image(i, &mut b)?;
        if a != b {
            return Ok(false);
        }
    }
    Ok(true)
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Checks that `test` reads other data than `train`. `explicit` is whether
/// `data.test` was given (the message then names both keys; otherwise it
/// asks for `data.test`).
pub fn check_distinct(train: &dyn Dataset, test: &dyn Dataset, explicit: bool) -> Result<()> {
    if canonical(train.source()) != canonical(test.source()) {
        return match same_examples(train, test)? {
            false => Ok(()),
            true => Err(Error::InvalidInput(format!(
                "the test set {} holds the same examples as the training set {} (a copy?): \
                 the test set must not be the training set (its accuracy and loss are \
                 released without noise)",
                test.source().display(),
                train.source().display()
            ))),
        };
    }
    Err(Error::InvalidInput(if explicit {
        format!(
            "data.test and data.train both read {}: the test set must not be the training \
             set (its accuracy and loss are released without noise)",
            train.source().display()
        )
    } else {
        format!(
            "data.test is required: {} has no separate test split (a single file, a shard \
             folder or class folders without train/ and test/), so the \"test\" set would be \
             the training set, whose accuracy and loss are released without noise",
            train.source().display()
        )
    }))
}
