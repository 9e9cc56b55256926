//! How many classes a dataset has, and labels outside them.
//!
//! The class count sizes the model's head, so a wrong one is a silent wrong
//! answer: one label of 200 in an MNIST-like file used to make a 201-class
//! model. The count comes from, in order: the configuration
//! (`data.num_classes`, passed as [`super::OpenOptions::num_classes`]; the
//! test split gets the training split's count), the format's own metadata
//! (CIFAR, shards that declare it, class folders), or, for formats without
//! any (IDX), the labels themselves: then they must cover `0..K` without a
//! gap, because a real class with no training example cannot be learnt and
//! a gap is what a stray label looks like.

use super::data_error;
use crate::Result;
use std::path::Path;

/// Checks that every label lies in `0..classes`: the first one that does not
/// is an error naming the file, the example index and the value.
pub fn check_labels(labels: &[i64], classes: usize, file: &Path) -> Result<()> {
    match labels
        .iter()
        .enumerate()
        .find(|(_, &l)| l < 0 || l as u64 >= classes as u64)
    {
        Some((i, &l)) => Err(data_error(
            file,
            None,
            format!(
                "label {l} of example {i} is outside the {classes} classes 0..={} \
                 (set data.num_classes if the dataset has more)",
                classes.saturating_sub(1)
            ),
        )),
        None => Ok(()),
    }
}

/// The class count of labels that carry no declared count: `K` when the
/// labels are exactly the classes `0..K`, each present. A negative label, or
/// one above a class with no example, is an error naming the file, the first
/// such example's index and its value.
pub fn infer_classes(labels: &[i64], file: &Path) -> Result<usize> {
    if let Some((i, l)) = labels.iter().enumerate().find(|(_, &l)| l < 0) {
        return Err(data_error(
            file,
            None,
            format!("label {l} of example {i} is negative"),
        ));
    }
    let max = labels.iter().copied().max().map_or(0, |m| m as usize + 1);
    let mut seen = vec![false; max];
    for &l in labels {
        seen[l as usize] = true;
    }
    let covered = seen.iter().position(|s| !s).unwrap_or(max);
    if covered == max {
        return Ok(max);
    }
    let (i, l) = labels
        .iter()
        .enumerate()
        .find(|(_, &l)| l as usize > covered)
        .map(|(i, &l)| (i, l))
        .expect("a label above the first missing class exists");
    Err(data_error(
        file,
        None,
        format!(
            "label {l} of example {i} is out of range: the labels cover classes 0..={} \
             and class {covered} has no example (set data.num_classes if the dataset \
             really has {} classes)",
            covered.saturating_sub(1),
            max
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stray_label_is_named_with_its_index_and_value() {
        let f = Path::new("labels");
        assert_eq!(infer_classes(&[0, 2, 1, 2], f).unwrap(), 3);
        let err = infer_classes(&[0, 1, 200, 1, 0], f)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("label 200 of example 2") && err.contains("labels"),
            "{err}"
        );
        let err = infer_classes(&[0, -1], f).unwrap_err().to_string();
        assert!(err.contains("label -1 of example 1"), "{err}");
        check_labels(&[0, 9], 10, f).unwrap();
        let err = check_labels(&[0, 10], 10, f).unwrap_err().to_string();
        assert!(err.contains("label 10 of example 1"), "{err}");
    }
}
