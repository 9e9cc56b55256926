//! The test set must not be the training set (issue 10, item 1). Test
//! accuracy and loss are released without noise at every evaluation; if the
//! "test" split silently opened the training data (a single file, a shard
//! folder, a class-folder tree without `train/` and `test/`), they would be
//! non-private statistics of the training set.

use crate::data::Dataset;
use crate::{Error, Result};
use std::path::{Path, PathBuf};

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Checks that `test` reads other data than `train`. `explicit` is whether
/// `data.test` was given (the message then names both keys; otherwise it
/// asks for `data.test`).
pub fn check_distinct(train: &dyn Dataset, test: &dyn Dataset, explicit: bool) -> Result<()> {
    if canonical(train.source()) != canonical(test.source()) {
        return Ok(());
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
