//! One logical DP-SGD step: a Poisson batch, split into physical
//! microbatches prepared on a background thread while the device
//! accumulates, one noisy update, and the accountant stepped once.

use crate::data::Prefetcher;
use crate::train::engine::Engine;
use crate::train::privacy::secure_step::SecureStep;
use crate::train::run::resume::RunState;
use crate::train::run::setup::Setup;
use crate::train::sampling::batches::{prepare_train, PreparedBatch};
use crate::train::sampling::sampler::{physical_split, RngState, StreamRng};
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

/// How [`run_step`] runs one step.
#[derive(Clone, Copy, Debug)]
pub struct StepParams {
    /// The most rows of one physical batch (all replicas together).
    pub physical: usize,
    /// This step's learning rate.
    pub lr: f64,
    /// Draw the next step's sample and start preparing its microbatches
    /// while this step's update runs (false when the run stops after it).
    pub prefetch_next: bool,
}

/// Runs step `run.step` (0-based) as `params` say and advances the run's
/// position and ledger by one step. `lookahead` is the sample and
/// prefetcher of this step if the previous call started them (used only
/// when drawn from the sampler state the run still has); with
/// `params.prefetch_next`, the next step's are started and left there.
pub fn run_step(
    engine: &mut Engine,
    setup: &Setup,
    run: &mut RunState,
    mut secure: Option<&mut SecureStep>,
    params: StepParams,
    lookahead: &mut Option<Lookahead>,
) -> Result<StepOutcome> {
    let StepParams {
        physical,
        lr,
        prefetch_next,
    } = params;
    let plan = &setup.plan;
    let step = run.step;
    let (count, prefetch) = match lookahead.take().filter(|l| l.applies(step, &run.sampler)) {
        Some(l) => {
            run.sampler = l.after;
            (l.count, l.prefetch)
        }
        None => {
            let drawn = draw(
                engine,
                setup,
                &mut run.sampler,
                secure.as_deref_mut(),
                physical,
                step,
            );
            (drawn.count, spawn_prefetch(setup, drawn.chunks, step)?)
        }
    };
    // Each microbatch is queued without a host read (its upload owns the
    // prepared data until the transfer is done); the statistics are read
    // once, after the update is queued.
    for batch in prefetch {
        let b = batch?;
        engine.accumulate_queued(b.images, b.labels, b.mask)?;
    }
    // The next step's sample depends only on the sampler's state (drawn on
    // a copy: the run's sampler, which a checkpoint records, moves only
    // when that step runs), so its host work can start now. Not in secure
    // mode, whose fixed-size split is drawn with its own step.
    if prefetch_next && secure.is_none() && !engine.client_is_synchronous() {
        let mut sampler = run.sampler.clone();
        let next = draw(engine, setup, &mut sampler, None, physical, step + 1);
        *lookahead = Some(Lookahead {
            step: step + 1,
            before: run.sampler.state(),
            after: sampler,
            count: next.count,
            prefetch: spawn_prefetch(setup, next.chunks, step + 1)?,
        });
    }
    let non_finite_params = match secure {
        Some(sec) => sec.apply(engine, lr, step + 1)?,
        None => engine.apply(run.noise.key(), lr, step + 1, count)?,
    };
    let stats = engine.take_stats()?;
    let (loss_sum, clipped) = (stats.loss_sum, stats.clipped);
    let clip_norm = crate::train::privacy::adaptive_clip::after_step(
        engine,
        plan,
        &mut run.noise,
        count,
        clipped,
    )?;
    // DP-SGD: one event per step; BandMF: one per cycle of k steps.
    if let (Some(acc), Some(ev)) = (run.accountant.as_mut(), plan.step_event(step)) {
        acc.compose(ev)?;
    }
    run.step += 1;
    Ok(StepOutcome {
        batch_size: count,
        loss_sum,
        clipped,
        non_finite_params,
        clip_norm,
    })
}

/// A step's sample, cut into its physical microbatches.
struct Drawn {
    /// The realised logical batch size.
    count: usize,
    /// Per microbatch: its example indices and its padded size.
    chunks: Vec<(Vec<usize>, usize)>,
}

/// Draws step `step`'s Poisson sample from `sampler` (truncated at the cap
/// when there is one) and splits it into microbatches.
fn draw(
    engine: &Engine,
    setup: &Setup,
    sampler: &mut StreamRng,
    secure: Option<&mut SecureStep>,
    physical: usize,
    step: u64,
) -> Drawn {
    let plan = &setup.plan;
    let mut indices = crate::train::privacy::bandmf::step_batch(
        sampler,
        setup.train.len(),
        setup.partitions.as_deref(),
        plan.q,
        step,
    );
    // Truncated Poisson (training.max_batch_size, accounted in the plan's
    // events) or secure mode's cap (accounted in its δ share): one uniform
    // cut among the sampled examples either way (the two are exclusive).
    let cap = secure.as_ref().map(|s| s.cap).or(plan.max_batch);
    crate::train::sampling::rate_and_cap::truncate(sampler, &mut indices, cap);
    let split = match secure {
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
    Drawn {
        count: indices.len(),
        chunks,
    }
}

/// Host work for microbatch i+1 overlaps device work for microbatch i.
fn spawn_prefetch(
    setup: &Setup,
    chunks: Vec<(Vec<usize>, usize)>,
    step: u64,
) -> Result<Prefetcher<PreparedBatch>> {
    let ds = Arc::clone(&setup.train);
    let views = setup.views.clone();
    Prefetcher::spawn(2, move |i| {
        chunks
            .get(i as usize)
            .map(|(idx, size)| prepare_train(ds.as_ref(), idx, *size, &views, step))
    })
}

/// The next step's sample and prefetcher, started during this step's update
/// ([`run_step`]'s `prefetch_next`).
pub struct Lookahead {
    step: u64,
    /// The sampler's state it was drawn from.
    before: RngState,
    /// The sampler after the draw: the run's once that step runs.
    after: StreamRng,
    count: usize,
    prefetch: Prefetcher<PreparedBatch>,
}

impl Lookahead {
    /// Whether this is step `step`'s sample drawn from `sampler`'s state.
    fn applies(&self, step: u64, sampler: &StreamRng) -> bool {
        self.step == step && self.before == sampler.state()
    }
}
