//! One logical DP-SGD step: a Poisson batch, split into physical
//! microbatches prepared on a background thread while the device
//! accumulates, one noisy update, and the accountant stepped once.

use crate::data::Prefetcher;
use crate::train::engine::Engine;
use crate::train::privacy::secure_step::SecureStep;
use crate::train::run::resume::RunState;
use crate::train::run::setup::Setup;
use crate::train::sampling::batches::prepare_train;
use crate::train::sampling::sampler::physical_split;
use crate::Result;
use std::sync::Arc;

/// What one step saw (private: released only through `nonprivate` or as
/// noisy aggregates, see `train::privacy::nonprivate`).
#[derive(Clone, Copy, Debug)]
pub struct StepOutcome {
    /// The realised logical batch size.
    pub batch_size: usize,
    /// Σ loss over the batch's examples.
    pub loss_sum: f64,
    /// Examples whose gradient was clipped.
    pub clipped: f64,
    /// Non-finite elements in the updated trainable parameters (a function
    /// of the released parameters: public).
    pub non_finite_params: u64,
    /// Adaptive clipping: the clip norm C_t this step used (public: a
    /// function of earlier released counts); `None` with a fixed C.
    pub clip_norm: Option<f64>,
}

/// Runs step `run.step` (0-based) with learning rate `lr`, in physical
/// batches of at most `physical` rows (all replicas together), and advances
/// the run's position and ledger by one step.
pub fn run_step(
    engine: &mut Engine,
    setup: &Setup,
    run: &mut RunState,
    secure: Option<&mut SecureStep>,
    physical: usize,
    lr: f64,
) -> Result<StepOutcome> {
    let plan = &setup.plan;
    let step = run.step;
    let mut indices = crate::train::privacy::bandmf::step_batch(
        &mut run.sampler,
        setup.train.len(),
        setup.partitions.as_deref(),
        plan.q,
        step,
    );
    // Truncated Poisson (training.max_batch_size, accounted in the plan's
    // events) or secure mode's cap (accounted in its δ share): one uniform
    // cut among the sampled examples either way (the two are exclusive).
    let cap = secure.as_ref().map(|s| s.cap).or(plan.max_batch);
    crate::train::sampling::rate_and_cap::truncate(&mut run.sampler, &mut indices, cap);
    let split = match &secure {
        Some(sec) => sec.split(&mut indices),
        None => physical_split(
            indices.len(),
            &crate::train::sampling::distributed::global_physical_sizes(
                physical,
                engine.replicas(),
            ),
        ),
    };
    let mut chunks = Vec::new();
    let mut offset = 0;
    for (real, size) in split {
        chunks.push((indices[offset..offset + real].to_vec(), size));
        offset += real;
    }
    // Host work for microbatch i+1 overlaps device work for microbatch i.
    let ds = Arc::clone(&setup.train);
    let views = setup.views.clone();
    let prefetch = Prefetcher::spawn(2, move |i| {
        chunks
            .get(i as usize)
            .map(|(idx, size)| prepare_train(ds.as_ref(), idx, *size, &views, step))
    })?;
    // Each microbatch is queued without a host read (its upload owns the
    // prepared data until the transfer is done); the statistics are read
    // once, after the update is queued.
    for batch in prefetch {
        let b = batch?;
        engine.accumulate_queued(b.images, b.labels, b.mask)?;
    }
    let non_finite_params = match secure {
        Some(sec) => sec.apply(engine, lr, step + 1)?,
        None => engine.apply(run.noise.key(), lr, step + 1, indices.len())?,
    };
    let stats = engine.take_stats()?;
    let (loss_sum, clipped) = (stats.loss_sum, stats.clipped);
    let clip_norm = crate::train::privacy::adaptive_clip::after_step(
        engine,
        plan,
        &mut run.noise,
        indices.len(),
        clipped,
    )?;
    // DP-SGD: one event per step; BandMF: one per cycle of k steps.
    if let (Some(acc), Some(ev)) = (run.accountant.as_mut(), plan.step_event(step)) {
        acc.compose(ev)?;
    }
    run.step += 1;
    Ok(StepOutcome {
        batch_size: indices.len(),
        loss_sum,
        clipped,
        non_finite_params,
        clip_norm,
    })
}
