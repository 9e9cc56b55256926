//! Test-set evaluation: loss and top-1 accuracy over every example, in
//! compiled physical batches (the last one padded and masked).

use crate::data::{Dataset, ViewAugment};
use crate::train::engine::Engine;
use crate::train::reports::metrics::StepRecord;
use crate::train::sampling::batches::prepare_eval;
use crate::train::sampling::sampler::physical_split;
use crate::Result;

/// Mean loss and accuracy over `ds`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EvalResult {
    pub loss: f64,
    pub accuracy: f64,
}

/// Evaluates the raw parameters, or the averaged ones when `averaged`, in
/// physical batches of at most `physical` rows (all replicas together).
pub fn evaluate(
    engine: &mut Engine,
    ds: &dyn Dataset,
    physical: usize,
    augment: &ViewAugment,
    averaged: bool,
) -> Result<EvalResult> {
    let sizes =
        crate::train::sampling::distributed::global_physical_sizes(physical, engine.replicas());
    let (mut loss, mut correct, mut start) = (0.0, 0.0, 0);
    for (real, size) in physical_split(ds.len(), &sizes) {
        let indices: Vec<usize> = (start..start + real).collect();
        start += real;
        let b = prepare_eval(ds, &indices, size, augment)?;
        let (l, c) = engine.evaluate(&b.images, &b.labels, &b.mask, averaged)?;
        loss += l;
        correct += c;
    }
    let n = ds.len().max(1) as f64;
    Ok(EvalResult {
        loss: loss / n,
        accuracy: correct / n,
    })
}

/// Fills the test-set fields of `record`: raw parameters, and the averaged
/// ones when the run keeps averages.
pub fn evaluate_into(
    engine: &mut Engine,
    test: &dyn crate::data::Dataset,
    augment: &crate::data::ViewAugment,
    physical: usize,
    record: &mut StepRecord,
) -> Result<()> {
    let raw = evaluate(engine, test, physical, augment, false)?;
    record.test_loss = Some(raw.loss);
    record.test_accuracy = Some(raw.accuracy);
    if engine.has_averages() {
        let avg = evaluate(engine, test, physical, augment, true)?;
        record.test_loss_avg = Some(avg.loss);
        record.test_accuracy_avg = Some(avg.accuracy);
    }
    Ok(())
}
