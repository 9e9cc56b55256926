//! A batch of examples for a traced model, checked before anything runs on it.
//!
//! Compiled programs take what they are given: a label outside
//! `[0, num_classes)` one-hot encodes to all zeros (a loss of -0.0 and a zero
//! gradient, silently), and a NaN pixel makes every gradient NaN. A
//! [`Batch`] refuses both with an error that names the input, the example
//! index and the value, and converts what users naturally have (i64 labels as
//! batch files store them, flat or NHWC images) into what the programs take.

use super::ExampleLoss;
use crate::{Error, Result};
use dpxla_core::array::{ArrayData, HostArray};

/// Images `[B, ...input_shape]` in the model's dtype and labels `[B]` i32,
/// checked against the model: right shapes, finite pixels, labels in range.
#[derive(Clone, Debug, PartialEq)]
pub struct Batch {
    pub images: HostArray,
    pub labels: HostArray,
}

impl Batch {
    /// Checks and converts a batch for `loss`'s model. `images` is f32 or f64,
    /// `[B, ...input_shape]` or flat `[B, prod(input_shape)]`; `labels` is i32
    /// or i64 `[B]`.
    pub fn new(loss: &ExampleLoss, images: &HostArray, labels: &HostArray) -> Result<Batch> {
        let bad = |msg: String| Error::InvalidInput(msg);
        let Some(&b) = images.shape.first() else {
            return Err(bad(format!(
                "`images` is {}: it needs a leading batch axis",
                images.aval()
            )));
        };
        if b == 0 {
            return Err(bad("the batch is empty (`images` has 0 examples)".into()));
        }
        let per_example: usize = loss.input_shape.iter().product();
        let given: usize = images.shape[1..].iter().product();
        if given != per_example {
            return Err(bad(format!(
                "`images` is {}: each example must be {} (or {per_example} values flat)",
                images.aval(),
                shape_text(&loss.input_shape)
            )));
        }
        let pixels: Vec<f64> = match &images.data {
            ArrayData::F32(_) | ArrayData::F64(_) => images.to_f64(),
            _ => {
                return Err(bad(format!(
                    "`images` must be f32 or f64, found {}",
                    images.aval()
                )))
            }
        };
        if let Some(i) = pixels.iter().position(|v| !v.is_finite()) {
            return Err(bad(format!(
                "`images` example {} holds {} at value index {}: inputs must be finite",
                i / per_example,
                pixels[i],
                i % per_example
            )));
        }
        let labels_i64: Vec<i64> = match &labels.data {
            ArrayData::I32(v) => v.iter().map(|&l| l as i64).collect(),
            ArrayData::I64(v) => v.clone(),
            _ => {
                return Err(bad(format!(
                    "`labels` must be i32 or i64, found {}",
                    labels.aval()
                )))
            }
        };
        if labels.shape != [b] {
            return Err(bad(format!(
                "`labels` is {}, expected one label per image: [{b}]",
                labels.aval()
            )));
        }
        check_labels(&labels_i64, loss.num_classes)?;
        let mut shape = vec![b];
        shape.extend(&loss.input_shape);
        Ok(Batch {
            images: HostArray::from_f64(shape, &pixels, loss.dtype),
            labels: HostArray::i32([b], labels_i64.iter().map(|&l| l as i32).collect()),
        })
    }

    /// The number of examples.
    pub fn len(&self) -> usize {
        self.labels.shape[0]
    }

    /// Never true for a constructed batch (an empty one is refused).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Every label must be a class index in `[0, num_classes)`; the error names the
/// first offending example and its value.
pub fn check_labels(labels: &[i64], num_classes: usize) -> Result<()> {
    match labels
        .iter()
        .enumerate()
        .find(|(_, &l)| l < 0 || l >= num_classes as i64)
    {
        Some((i, l)) => Err(Error::InvalidInput(format!(
            "`labels` example {i} is {l}, outside the model's classes 0..{num_classes}"
        ))),
        None => Ok(()),
    }
}

/// `[28,28,1]`, the one way shapes are spelled in messages (as `Aval`s print).
fn shape_text(shape: &[usize]) -> String {
    let dims: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
    format!("[{}]", dims.join(","))
}

/// The graph input names of the per-example programs of `loss`: every
/// parameter by name, then `images`, then `labels`.
pub fn example_input_names(loss: &ExampleLoss) -> Vec<String> {
    let mut names: Vec<String> = loss.params.iter().map(|p| p.name.clone()).collect();
    names.extend(["images".to_string(), "labels".to_string()]);
    names
}
