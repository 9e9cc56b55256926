//! Data parallelism over the devices of one PJRT client: replicated programs
//! (`num_replicas = N`, JAX's `pmap` model), see docs/scale.md for why not
//! SPMD partitioning.
//!
//! [`DataParallel`] is the multi-device counterpart of `engine::Engine`, with
//! the same calls (`accumulate`, `apply`, `apply_given`, `evaluate`, `state`):
//!
//! - every replica holds a full copy of the parameters, optimiser slots and
//!   averages, and its OWN accumulators;
//! - `accumulate` takes one global physical batch of `N·p` rows, gives replica
//!   `r` rows `r·p .. (r+1)·p` (`shard::shard_batch`) and runs the unchanged
//!   accumulate program (`programs::accumulate_graph` for size `p`) on all N
//!   devices at once; padded rows are masked as on one device;
//! - `apply` runs `graphs::replicated_apply_graph`: the accumulators are
//!   summed over the replicas with an XLA all-reduce BEFORE the noise, and
//!   the noise key is uploaded identically to every replica, so every
//!   replica draws the same noise and adds it once to the same global sum.
//!   All replicas then hold the same parameters (tests/data_parallel.rs
//!   checks bit equality), and the result equals the one-device run on the
//!   same batches and key up to float reassociation of the sum.

pub mod graphs;
pub mod shard;

use self::graphs::replicated_apply_graph;
use self::shard::{rows_per_replica, shard_batch};
use super::engine::{AccumulateStats, EngineSpec, HostState};
use super::programs::{accumulate_graph, evaluate_graph};
use crate::lower::LowerOptions;
use crate::program::{to_device, to_host, Program};
use crate::runtime::{Buffer, Client, CompileOptions};
use crate::trace::{Graph, HostArray};
use crate::{Error, Result};
use std::collections::BTreeMap;

/// Per replica, one list of device buffers (`[replica][array]`).
type PerReplica = Vec<Vec<Buffer>>;

/// The training state replicated over the first `replicas` devices of a
/// client, and the replicated programs that update it.
pub struct DataParallel {
    client: Client,
    replicas: usize,
    spec: EngineSpec,
    options: CompileOptions,
    /// Keyed by the per-replica physical size `p`.
    accumulate: BTreeMap<usize, Program>,
    evaluate: BTreeMap<usize, Program>,
    apply: Program,
    params: PerReplica,
    slots: PerReplica,
    averages: PerReplica,
    accs: PerReplica,
}

impl DataParallel {
    /// Compiles the replicated apply program and uploads `state` to each of
    /// the first `replicas` devices. Slots start at zero and averages at the
    /// parameters unless given (resume), as in `Engine::new`.
    pub fn new(
        client: &Client,
        spec: EngineSpec,
        state: &HostState,
        replicas: usize,
    ) -> Result<DataParallel> {
        client.require_devices(replicas)?;
        if spec.compile_options.num_partitions != 1 {
            return Err(Error::InvalidInput(
                "data parallelism uses replicas only: num_partitions must be 1".into(),
            ));
        }
        let n = spec.loss.params.len();
        if state.params.len() != n {
            return Err(Error::InvalidInput(format!(
                "{} parameter arrays for a model with {n}",
                state.params.len()
            )));
        }
        let options = CompileOptions {
            num_replicas: replicas as i64,
            ..spec.compile_options.clone()
        };
        let apply_g = replicated_apply_graph(&spec.loss, &spec.trainable, &spec.apply, replicas)?;
        let apply = Program::compile(client, &apply_g, &LowerOptions::default(), &options)?;
        let zeros = |i: usize| {
            let s = &spec.loss.params[i];
            HostArray::f32(s.shape.clone(), vec![0.0; s.numel()])
        };
        let nslots = spec.apply.optimizer.slots().len();
        let slots: Vec<HostArray> = if state.slots.is_empty() {
            spec.trainable
                .iter()
                .flat_map(|&i| std::iter::repeat_n(zeros(i), nslots))
                .collect()
        } else {
            state.slots.clone()
        };
        if slots.len() != spec.trainable.len() * nslots {
            return Err(Error::InvalidInput(format!(
                "{} optimiser slots given, the optimiser needs {}",
                slots.len(),
                spec.trainable.len() * nslots
            )));
        }
        let averages = match (spec.apply.averaging.enabled(), state.averages.is_empty()) {
            (false, _) => Vec::new(),
            (true, true) => state.params.clone(),
            (true, false) => state.averages.clone(),
        };
        let accs: Vec<HostArray> = spec.trainable.iter().map(|&i| zeros(i)).collect();
        Ok(DataParallel {
            params: broadcast(client, &state.params, replicas)?,
            slots: broadcast(client, &slots, replicas)?,
            averages: broadcast(client, &averages, replicas)?,
            accs: broadcast(client, &accs, replicas)?,
            client: client.clone(),
            replicas,
            spec,
            options,
            accumulate: BTreeMap::new(),
            evaluate: BTreeMap::new(),
            apply,
        })
    }

    /// Number of replicas (devices) the step runs on.
    pub fn replicas(&self) -> usize {
        self.replicas
    }

    /// What the programs were built from.
    pub fn spec(&self) -> &EngineSpec {
        &self.spec
    }

    /// The compiled replicated apply program (all-reduce, noise, update).
    pub fn apply_program(&self) -> &Program {
        &self.apply
    }

    /// Compiles the accumulate and evaluate programs for a GLOBAL physical
    /// batch of `rows` rows now (otherwise on first use).
    pub fn prepare(&mut self, rows: usize) -> Result<()> {
        let p = rows_per_replica(rows, self.replicas)?;
        self.accumulate_program(p)?;
        self.evaluate_program(p)?;
        Ok(())
    }

    fn compile(&self, g: &Graph) -> Result<Program> {
        Program::compile(&self.client, g, &LowerOptions::default(), &self.options)
    }

    fn accumulate_program(&mut self, p: usize) -> Result<&Program> {
        if !self.accumulate.contains_key(&p) {
            let s = &self.spec;
            let g = accumulate_graph(&s.loss, &s.trainable, p, s.views, s.clipping)?;
            let prog = self.compile(&g)?;
            self.accumulate.insert(p, prog);
        }
        Ok(&self.accumulate[&p])
    }

    fn evaluate_program(&mut self, p: usize) -> Result<&Program> {
        if !self.evaluate.contains_key(&p) {
            let s = &self.spec;
            let g = evaluate_graph(&s.eval_example, s.loss.params.len(), p)?;
            let prog = self.compile(&g)?;
            self.evaluate.insert(p, prog);
        }
        Ok(&self.evaluate[&p])
    }

    /// Adds one GLOBAL physical batch (`images` `[N·p, ...]` or `[N·p, K,
    /// ...]`, `mask[i]` 1 for a real example, 0 for padding) to the
    /// accumulators: replica `r` accumulates rows `r·p .. (r+1)·p` into its
    /// own accumulators. The statistics are summed over the replicas.
    pub fn accumulate(
        &mut self,
        images: &HostArray,
        labels: &[i32],
        mask: &[f32],
    ) -> Result<AccumulateStats> {
        let batches = self.upload_shards(images, labels, mask)?;
        let p = rows_per_replica(labels.len(), self.replicas)?;
        self.accumulate_program(p)?;
        let args: Vec<Vec<&Buffer>> = (0..self.replicas)
            .map(|r| {
                let mut a: Vec<&Buffer> = self.params[r].iter().collect();
                a.extend(self.accs[r].iter());
                a.extend(batches[r].iter());
                a
            })
            .collect();
        let outs = self.accumulate[&p].run_replicated(&args)?;
        let mut stats = AccumulateStats::default();
        let mut accs = Vec::with_capacity(self.replicas);
        for mut o in outs {
            let clipped = o.pop().ok_or_else(|| missing("clipped count"))?;
            let loss_sum = o.pop().ok_or_else(|| missing("loss sum"))?;
            stats.clipped += scalar(&clipped)?;
            stats.loss_sum += scalar(&loss_sum)?;
            accs.push(o);
        }
        self.accs = accs;
        Ok(stats)
    }

    /// Ends a logical batch on every replica: the accumulators are summed over
    /// the replicas, then noise from `key` (the same on every replica, so
    /// drawn once in effect), optimiser step `t` with learning rate `lr`,
    /// averaging, zeroed accumulators. `count` is the realised GLOBAL batch
    /// size (non-private runs divide by it).
    pub fn apply(&mut self, key: [u32; 4], lr: f64, t: u64, count: usize) -> Result<()> {
        let scalars: Vec<Vec<Buffer>> = (0..self.replicas)
            .map(|r| {
                let f = |x: f64| {
                    to_device(
                        &self.client,
                        &HostArray::f32(Vec::<usize>::new(), vec![x as f32]),
                        r,
                    )
                };
                let mut v = vec![
                    to_device(&self.client, &HostArray::u32([4], key.to_vec()), r)?,
                    f(lr)?,
                    f(t as f64)?,
                ];
                if self.spec.apply.noise.is_none() {
                    v.push(f(count as f64)?);
                }
                Ok(v)
            })
            .collect::<Result<_>>()?;
        let args: Vec<Vec<&Buffer>> = (0..self.replicas)
            .map(|r| {
                let mut a: Vec<&Buffer> = self.params[r].iter().collect();
                a.extend(self.slots[r].iter());
                a.extend(self.averages[r].iter());
                a.extend(self.accs[r].iter());
                a.extend(scalars[r].iter());
                a
            })
            .collect();
        let outs = self.apply.run_replicated(&args)?;
        let (n, s, a, m) = (
            self.params[0].len(),
            self.slots[0].len(),
            self.averages[0].len(),
            self.accs[0].len(),
        );
        let (mut params, mut slots, mut avgs, mut accs) = (vec![], vec![], vec![], vec![]);
        for o in outs {
            let mut it = o.into_iter();
            params.push(it.by_ref().take(n).collect());
            slots.push(it.by_ref().take(s).collect());
            avgs.push(it.by_ref().take(a).collect());
            accs.push(it.by_ref().take(m).collect());
        }
        (self.params, self.slots, self.averages, self.accs) = (params, slots, avgs, accs);
        Ok(())
    }

    /// Ends a logical batch with an update computed on the host (secure
    /// noise, `apply.noise = None`): `grads` go to replica 0 and zeros to the
    /// others, so the all-reduce in the apply program yields exactly `grads`
    /// (x + 0 = x) on every replica; the program divides by 1.
    pub fn apply_given(&mut self, grads: &[HostArray], lr: f64, t: u64) -> Result<()> {
        if self.spec.apply.noise.is_some() || grads.len() != self.accs[0].len() {
            return Err(Error::Runtime(
                "apply_given needs an engine without device noise and one array per \
                 trainable parameter"
                    .into(),
            ));
        }
        let zeros: Vec<HostArray> = grads
            .iter()
            .map(|g| HostArray::f32(g.shape.clone(), vec![0.0; g.shape.iter().product()]))
            .collect();
        self.accs = (0..self.replicas)
            .map(|r| {
                let src = if r == 0 { grads } else { &zeros };
                src.iter().map(|g| to_device(&self.client, g, r)).collect()
            })
            .collect::<Result<_>>()?;
        self.apply([0; 4], lr, t, 1)
    }

    /// Σ loss and Σ correct over the real examples of one GLOBAL physical
    /// batch, each replica evaluating its shard (sums added on the host).
    pub fn evaluate(
        &mut self,
        images: &HostArray,
        labels: &[i32],
        mask: &[f32],
        averaged: bool,
    ) -> Result<(f64, f64)> {
        let batches = self.upload_shards(images, labels, mask)?;
        let p = rows_per_replica(labels.len(), self.replicas)?;
        self.evaluate_program(p)?;
        let params = if averaged && !self.averages[0].is_empty() {
            &self.averages
        } else {
            &self.params
        };
        let args: Vec<Vec<&Buffer>> = (0..self.replicas)
            .map(|r| {
                let mut a: Vec<&Buffer> = params[r].iter().collect();
                a.extend(batches[r].iter());
                a
            })
            .collect();
        let mut sums = (0.0, 0.0);
        for o in self.evaluate[&p].run_replicated(&args)? {
            sums.0 += scalar(&o[0])?;
            sums.1 += scalar(&o[1])?;
        }
        Ok(sums)
    }

    /// Uploads replica `r`'s shard of a physical batch to device `r`.
    fn upload_shards(
        &self,
        images: &HostArray,
        labels: &[i32],
        mask: &[f32],
    ) -> Result<Vec<[Buffer; 3]>> {
        // As on one device: a label outside the classes would silently give a
        // zero gradient; padded rows carry label 0.
        let as_i64: Vec<i64> = labels.iter().map(|&l| l as i64).collect();
        crate::nn::check_labels(&as_i64, self.spec.loss.num_classes)?;
        shard_batch(images, labels, mask, self.replicas)?
            .into_iter()
            .enumerate()
            .map(|(r, s)| {
                let p = s.labels.len();
                Ok([
                    to_device(&self.client, &s.images, r)?,
                    to_device(&self.client, &HostArray::i32([p], s.labels), r)?,
                    to_device(&self.client, &HostArray::f32([p], s.mask), r)?,
                ])
            })
            .collect()
    }

    /// Replica 0's parameters, slots and averages (all replicas hold the same).
    pub fn state(&self) -> Result<HostState> {
        self.replica_state(0)
    }

    /// Replica `r`'s parameters, slots and averages (tests compare replicas).
    pub fn replica_state(&self, r: usize) -> Result<HostState> {
        if r >= self.replicas {
            return Err(Error::InvalidInput(format!(
                "replica {r} of {}",
                self.replicas
            )));
        }
        let down = |bs: &[Buffer]| bs.iter().map(to_host).collect::<Result<Vec<_>>>();
        Ok(HostState {
            params: down(&self.params[r])?,
            slots: down(&self.slots[r])?,
            averages: down(&self.averages[r])?,
        })
    }

    /// The accumulated sums of the current logical batch, summed over the
    /// replicas on the host (secure noise and tests).
    pub fn accumulators(&self) -> Result<Vec<HostArray>> {
        let mut total: Vec<HostArray> = self.accs[0].iter().map(to_host).collect::<Result<_>>()?;
        for r in 1..self.replicas {
            for (t, b) in total.iter_mut().zip(&self.accs[r]) {
                let add = to_host(b)?.to_f64();
                let sum: Vec<f32> = t
                    .to_f64()
                    .iter()
                    .zip(add)
                    .map(|(x, y)| (x + y) as f32)
                    .collect();
                *t = HostArray::f32(t.shape.clone(), sum);
            }
        }
        Ok(total)
    }

    /// Discards the accumulated sums of the current logical batch.
    pub fn reset_accumulators(&mut self) -> Result<()> {
        let zeros: Vec<HostArray> = self.accs[0]
            .iter()
            .map(|a| HostArray::f32(a.dims().to_vec(), vec![0.0; a.element_count()]))
            .collect();
        self.accs = broadcast(&self.client, &zeros, self.replicas)?;
        Ok(())
    }
}

/// Uploads the same arrays to each of the first `replicas` devices.
fn broadcast(client: &Client, arrays: &[HostArray], replicas: usize) -> Result<PerReplica> {
    (0..replicas)
        .map(|r| arrays.iter().map(|a| to_device(client, a, r)).collect())
        .collect()
}

fn missing(what: &str) -> Error {
    Error::Runtime(format!("the accumulate program returned no {what}"))
}

fn scalar(b: &Buffer) -> Result<f64> {
    Ok(to_host(b)?.to_f64().first().copied().unwrap_or(0.0))
}
