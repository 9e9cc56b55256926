//! The asynchronous side of the engine (issue 23, item 3): microbatches are
//! queued without a host read (uploads and runs return before the device
//! finishes; PJRT orders each program after the work that produces its
//! inputs), their loss sums and clipped counts stay on the device until
//! `take_stats` reads them once per logical step, the per-step scalars are
//! uploaded only for the groups the apply program takes, and `prepare_all`
//! compiles every program a run can use before its first step.

use super::{refs, scalar, Engine};
use crate::train::engine::AccumulateStats;
use crate::train::programs::signature::Group;
use crate::Result;
use dpxla_core::array::HostArray;
use dpxla_pjrt::program::to_device_owned;
use dpxla_pjrt::runtime::Buffer;

/// The apply program's scalar inputs, in the order `step_scalars` uploads
/// those the program takes.
pub(super) const SCALAR_GROUPS: [Group; 4] = [
    Group::NoiseKey,
    Group::LearningRate,
    Group::Step,
    Group::BatchCount,
];

impl Engine {
    /// Adds one physical batch to the accumulators as `Engine::accumulate`
    /// does, without waiting for it: the host data moves into the uploads
    /// (owned until their transfers complete) and the batch's statistics stay
    /// on the device until [`Engine::take_stats`].
    pub fn accumulate_queued(
        &mut self,
        images: HostArray,
        labels: Vec<i32>,
        mask: Vec<f32>,
    ) -> Result<()> {
        let (p, batches) = self.upload_batch(images, labels, mask)?;
        self.compile_accumulate(p)?;
        let per: Vec<[Vec<&Buffer>; 3]> = (0..self.replicas())
            .map(|r| {
                let clip = self.clip_bufs.get(r).map_or(Vec::new(), |c| refs(c));
                [refs(&self.params[r]), refs(&self.accs[r]), clip]
            })
            .collect();
        let takes_clip_norm = self.accumulate[&p].signature().has_input(Group::ClipNorm);
        let batch: Vec<[&Buffer; 3]> = batches.iter().map(|[a, b, c]| [a, b, c]).collect();
        let args: Vec<Vec<(Group, &[&Buffer])>> = per
            .iter()
            .zip(&batch)
            .map(|([params, accs, clip], b)| {
                let mut a = vec![
                    (Group::Params, &params[..]),
                    (Group::Accumulators, &accs[..]),
                    (Group::Images, &b[0..1]),
                    (Group::Labels, &b[1..2]),
                    (Group::Mask, &b[2..3]),
                ];
                if takes_clip_norm {
                    a.push((Group::ClipNorm, &clip[..]));
                }
                a
            })
            .collect();
        let outs = self.accumulate[&p].run_replicated(&args)?;
        let mut accs = Vec::with_capacity(outs.len());
        let mut stats = Vec::with_capacity(outs.len());
        for mut o in outs {
            accs.push(o.take(Group::Accumulators)?);
            stats.push([
                o.take_one(Group::LossSum)?,
                o.take_one(Group::ClippedCount)?,
            ]);
        }
        self.accs = accs;
        self.pending.extend(stats);
        Ok(())
    }

    /// Σ loss and Σ clipped over the batches queued since the last call
    /// (all replicas): the one host read of these statistics per logical
    /// step. They are not private releases: the caller keeps them where
    /// `train::privacy::nonprivate` says.
    pub fn take_stats(&mut self) -> Result<AccumulateStats> {
        let mut stats = AccumulateStats::default();
        for [loss, clipped] in std::mem::take(&mut self.pending) {
            stats.loss_sum += scalar(&loss)?;
            stats.clipped += scalar(&clipped)?;
        }
        Ok(stats)
    }

    /// Per replica, the apply program's scalar inputs among `SCALAR_GROUPS`
    /// that it takes, in that order: the noise key only with device noise,
    /// the batch count only in non-private runs.
    pub(super) fn step_scalars(
        &self,
        key: [u32; 4],
        lr: f64,
        t: u64,
        count: usize,
    ) -> Result<Vec<Vec<Buffer>>> {
        let sig = self.apply.signature();
        let f = |x: f64| HostArray::f32(Vec::<usize>::new(), vec![x as f32]);
        (0..self.replicas())
            .map(|r| {
                SCALAR_GROUPS
                    .iter()
                    .filter(|g| sig.has_input(**g))
                    .map(|g| {
                        let a = match g {
                            Group::NoiseKey => HostArray::u32([4], key.to_vec()),
                            Group::LearningRate => f(lr),
                            Group::Step => f(t as f64),
                            _ => f(count as f64),
                        };
                        Ok(to_device_owned(&self.client, a, r)?)
                    })
                    .collect()
            })
            .collect()
    }

    /// Whether the engine's client waits after every call (`runtime.synchronous`).
    pub fn client_is_synchronous(&self) -> bool {
        self.client.is_synchronous()
    }

    /// Compiles the accumulate and evaluate programs of every physical size
    /// in `sizes` (rows over all replicas) now, so that no step waits for the
    /// compiler; `progress(done, total)` is called after each size.
    pub fn prepare_all(
        &mut self,
        sizes: &[usize],
        mut progress: impl FnMut(usize, usize),
    ) -> Result<()> {
        for (i, &rows) in sizes.iter().enumerate() {
            self.prepare(rows)?;
            progress(i + 1, sizes.len());
        }
        Ok(())
    }
}
