//! A dataset's first `n` examples.

use super::Dataset;
use crate::{Error, Result};
use std::path::Path;
use std::sync::Arc;

/// The first `n` examples of a dataset (quick runs; N for the privacy
/// guarantee is then `n`).
pub struct Prefix {
    inner: Arc<dyn Dataset>,
    n: usize,
}

impl Prefix {
    pub fn new(inner: Arc<dyn Dataset>, n: usize) -> Prefix {
        let n = n.min(inner.len());
        Prefix { inner, n }
    }
}

impl Dataset for Prefix {
    fn kind(&self) -> &'static str {
        self.inner.kind()
    }
    fn source(&self) -> &Path {
        self.inner.source()
    }
    fn len(&self) -> usize {
        self.n
    }
    fn image_shape(&self) -> [usize; 3] {
        self.inner.image_shape()
    }
    fn num_classes(&self) -> usize {
        self.inner.num_classes()
    }
    fn labels(&self) -> &[i64] {
        &self.inner.labels()[..self.n]
    }
    fn labels_source(&self) -> &Path {
        self.inner.labels_source()
    }
    fn class_names(&self) -> Option<&[String]> {
        self.inner.class_names()
    }
    fn read_image(&self, index: usize, out: &mut [u8]) -> Result<()> {
        if index >= self.n {
            return Err(Error::InvalidInput(format!(
                "example {index} outside the first {}",
                self.n
            )));
        }
        self.inner.read_image(index, out)
    }
}
