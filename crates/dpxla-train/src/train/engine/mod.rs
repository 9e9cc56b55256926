//! The device side of a run: compiled programs and the parameter, optimiser,
//! average and accumulator buffers they update. The buffers stay on the device
//! between steps; each program returns fresh buffers (no donation, see
//! `Engine::new` for the measured reason).
//!
//! Data parallelism (`EngineSpec::replicas = N > 1`): replicated programs
//! (`num_replicas = N`, JAX's `pmap` model; docs/scale.md says why not SPMD).
//! Every replica holds a full copy of the parameters, slots and averages and
//! its OWN accumulators; a physical batch of `N·p` rows gives replica `r`
//! rows `r·p .. (r+1)·p`, accumulated by the unchanged accumulate program;
//! the apply program sums the accumulators over the replicas with an XLA
//! all-reduce BEFORE the noise, and the noise key is the same on every
//! replica, so the noise is added once to the global sum and every replica
//! computes the same update (crates/dpxla-train/tests/data_parallel.rs checks bit equality and
//! equality with one device).

use crate::train::programs::data_parallel::replicated_apply_graph;
use crate::train::programs::signature::{Group, NamedProgram};
use crate::train::programs::{
    accumulate_graph_charged, apply_graph, evaluate_graph, history_layout, AccumulateSpec,
    ACC_DTYPE,
};
use crate::{Error, Result};
use dpxla_core::array::HostArray;
use dpxla_dp::mechanism::NoiseSource;
use dpxla_pjrt::program::{to_device, to_device_owned, to_host};
use dpxla_pjrt::runtime::{Buffer, Client, CompileOptions};
use shard::{batch_rows, rows_per_replica, shard_batch};
use std::collections::BTreeMap;

pub use spec::{AccumulateStats, EngineSpec, HostState};

mod clip_norm;
pub mod compile_all;
pub mod finite;
pub mod memory_check;
pub mod physical_auto;
mod queue;
pub mod shard;
mod spec;

/// Per replica, one list of device buffers (`[replica][array]`).
type PerReplica = Vec<Vec<Buffer>>;

pub struct Engine {
    client: Client,
    spec: EngineSpec,
    /// The spec's compile options with `num_replicas` set.
    options: CompileOptions,
    /// Keyed by the per-replica physical size.
    accumulate: BTreeMap<usize, NamedProgram>,
    evaluate: BTreeMap<usize, NamedProgram>,
    apply: NamedProgram,
    params: PerReplica,
    slots: PerReplica,
    averages: PerReplica,
    accs: PerReplica,
    /// BandMF's noise history (empty unless the apply step takes it).
    history: PerReplica,
    /// `LossSum` and `ClippedCount` of each queued microbatch and replica,
    /// still on the device: read once per logical step (`take_stats`).
    pending: Vec<[Buffer; 2]>,
    /// Adaptive clipping's current C_t and its `f64[]` buffer per replica
    /// (`None` and empty unless the programs take `ClipNorm`; `clip_norm`).
    clip_norm: Option<f64>,
    clip_bufs: PerReplica,
    /// β of each compiled accumulate program, by physical size
    /// (`programs::rounding_charge`).
    rounding_charges: BTreeMap<usize, f64>,
}

impl Engine {
    /// Compiles the apply program and uploads the state (to each replica).
    /// Slots start at zero and averages at the parameters unless given
    /// (resume).
    pub fn new(client: &Client, spec: EngineSpec, state: &HostState) -> Result<Engine> {
        let n = spec.loss.params.len();
        if state.params.len() != n {
            return Err(Error::InvalidInput(format!(
                "{} parameter arrays for a model with {n}",
                state.params.len()
            )));
        }
        let replicas = spec.replicas;
        client.require_devices(replicas)?;
        if spec.compile_options.num_partitions != 1 {
            return Err(Error::InvalidInput(
                "data parallelism uses replicas only: num_partitions must be 1".into(),
            ));
        }
        let options = CompileOptions {
            num_replicas: replicas as i64,
            ..spec.compile_options.clone()
        };
        let apply_spec = spec.apply_spec();
        let (apply_g, apply_sig) = if replicas == 1 {
            apply_graph(&spec.loss, &spec.trainable, &apply_spec)?
        } else {
            replicated_apply_graph(&spec.loss, &spec.trainable, &apply_spec, replicas)?
        };
        // The engine does NOT donate buffers between its programs. Measured on the XLA CPU
        // plugin (xla-cpu-pjrt 0.0.1, PJRT 0.81): when the parameters were donated
        // to the update's outputs, the next *other* executable that read those
        // outputs (the accumulate step) computed with wrong values for its
        // first runs, although copying the same buffers to the host showed the
        // right ones (crates/dpxla-train/tests/engine_resume.rs catches it). The accumulators are
        // not donated either (`accumulate_program`). The cost is one extra copy
        // of the parameters and optimiser state per logical batch and of the
        // accumulators per microbatch. crates/dpxla-train/tests/engine_no_donation.rs asserts
        // that no compiled program aliases a buffer, until a test proves
        // donation safe.
        //
        // Re-checked (issue 13, item 6), same plugin: with every state group
        // donated as `Signature::donations` derives it (params, slots,
        // averages and accumulators to their updated outputs, accumulators in
        // the accumulate step), engine_resume, dp_invariants and train_run all
        // pass, and engine_no_donation fails (so donation was active). The
        // runtime's execute path (copy-semantics uploads, completion events
        // awaited) has not changed since the failure was measured, so it was
        // not a misuse we have since fixed; an intermittent plugin race
        // cannot be ruled out, and a stale accumulator would break the
        // sensitivity bound to save an estimated ~2% of a step (one parameter-sized copy; not measured).
        // Donation stays off.
        let apply = NamedProgram::compile(client, &apply_g, apply_sig, &options)?;
        let zeros = |i: usize| {
            let s = &spec.loss.params[i];
            HostArray::f32(s.shape.clone(), vec![0.0; s.numel()])
        };
        let nslots = spec.optimizer.slots().len();
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
        let averages = match (spec.averaging.enabled(), state.averages.is_empty()) {
            (false, _) => Vec::new(),
            (true, true) => state.params.clone(),
            (true, false) => state.averages.clone(),
        };
        let accs: Vec<HostArray> = spec
            .trainable
            .iter()
            .map(|&i| acc_zeros(&spec.loss.params[i].shape))
            .collect();
        let history = initial_history(&spec, apply.signature(), &state.noise_history)?;
        let clip_norm = clip_norm::initial(&spec, state)?;
        Ok(Engine {
            clip_bufs: clip_norm::upload(client, clip_norm, replicas)?,
            rounding_charges: BTreeMap::new(),
            clip_norm,
            history: broadcast(client, &history, replicas)?,
            params: broadcast(client, &state.params, replicas)?,
            slots: broadcast(client, &slots, replicas)?,
            averages: broadcast(client, &averages, replicas)?,
            accs: broadcast(client, &accs, replicas)?,
            client: client.clone(),
            spec,
            options,
            accumulate: BTreeMap::new(),
            evaluate: BTreeMap::new(),
            apply,
            pending: Vec::new(),
        })
    }

    pub fn spec(&self) -> &EngineSpec {
        &self.spec
    }

    /// The allocator limit of device 0 in bytes, where the plugin reports one
    /// (`None`: it reports statistics but no limit; an error: none at all, as
    /// the XLA CPU plugin).
    pub fn device_memory_limit(&self) -> Result<Option<i64>> {
        Ok(self.client.memory_stats(0)?.bytes_limit)
    }

    /// Takes over `other`'s compiled accumulate and evaluate programs (an
    /// engine of the same spec on the same client: programs do not depend
    /// on the state), so sizes already compiled there are not compiled again.
    pub(crate) fn adopt_programs(&mut self, other: Engine) {
        for (p, prog) in other.accumulate {
            self.accumulate.entry(p).or_insert(prog);
        }
        for (p, beta) in other.rounding_charges {
            self.rounding_charges.entry(p).or_insert(beta);
        }
        for (p, prog) in other.evaluate {
            self.evaluate.entry(p).or_insert(prog);
        }
    }

    /// The largest cross-example rounding charge β of the accumulate
    /// programs compiled so far (their clip target is C/(1 + β);
    /// `programs::rounding_charge`).
    pub fn rounding_charge(&self) -> f64 {
        self.rounding_charges.values().copied().fold(0.0, f64::max)
    }

    /// Number of replicas (devices) the step runs on.
    pub fn replicas(&self) -> usize {
        self.spec.replicas
    }

    /// The compiled apply (noise and update) program.
    pub fn apply_program(&self) -> &NamedProgram {
        &self.apply
    }

    /// Compiles the accumulate and evaluate programs for a physical batch of
    /// `rows` rows (all replicas together) now (otherwise on first use).
    pub fn prepare(&mut self, rows: usize) -> Result<()> {
        let p = rows_per_replica(rows, self.replicas())?;
        self.compile_accumulate(p)?;
        self.compile_evaluate(p)?;
        Ok(())
    }

    /// The accumulate program for a physical batch of `rows` rows, compiled
    /// now if it is not yet (`prepare` also compiles the evaluate program;
    /// benchmarks time this one alone).
    pub fn accumulate_program(&mut self, rows: usize) -> Result<&NamedProgram> {
        let p = rows_per_replica(rows, self.replicas())?;
        self.compile_accumulate(p)
    }

    fn compile_accumulate(&mut self, p: usize) -> Result<&NamedProgram> {
        if !self.accumulate.contains_key(&p) {
            let s = &self.spec;
            let acc = AccumulateSpec {
                physical: p,
                views: s.views,
                clipping: s.mechanism.map(|m| m.clipping()),
            };
            let (g, sig, beta) = accumulate_graph_charged(&s.loss, &s.trainable, &acc)?;
            self.rounding_charges.insert(p, beta);
            // No donation of the accumulators either (see `Engine::new`): a stale
            // read of an accumulator would count examples of one logical batch
            // in the next, which breaks the sensitivity bound.
            let prog = NamedProgram::compile(&self.client, &g, sig, &self.options)?;
            self.accumulate.insert(p, prog);
        }
        Ok(&self.accumulate[&p])
    }

    fn compile_evaluate(&mut self, p: usize) -> Result<&NamedProgram> {
        if !self.evaluate.contains_key(&p) {
            let s = &self.spec;
            let (g, sig) = evaluate_graph(&s.loss, &s.eval_example, p)?;
            let prog = NamedProgram::compile(&self.client, &g, sig, &self.options)?;
            self.evaluate.insert(p, prog);
        }
        Ok(&self.evaluate[&p])
    }

    /// Adds the clipped (private) or plain per-example gradients of one physical
    /// batch to the accumulators. `images` is `[P, ...]` (or `[P, K, ...]`),
    /// `mask[i]` is 1 for a real example and 0 for padding; with N replicas,
    /// replica `r` accumulates rows `r·P/N .. (r+1)·P/N` into its own
    /// accumulators and the statistics are summed over the replicas.
    pub fn accumulate(
        &mut self,
        images: &HostArray,
        labels: &[i32],
        mask: &[f32],
    ) -> Result<AccumulateStats> {
        let before = std::mem::take(&mut self.pending);
        let queued = self.accumulate_queued(images.clone(), labels.to_vec(), mask.to_vec());
        let stats = queued.and_then(|()| self.take_stats());
        self.pending = before;
        stats
    }

    /// Ends a logical batch: noise (private) or the realised batch size
    /// `count` (non-private), optimiser step `t` (1-based) with learning rate
    /// `lr`, averaging, and zeroed accumulators; with N replicas the
    /// accumulators are summed over them first and the same key and scalars
    /// go to every replica. Returns the number of non-finite elements in the
    /// updated trainable parameters.
    pub fn apply(&mut self, key: [u32; 4], lr: f64, t: u64, count: usize) -> Result<u64> {
        let scalars = self.step_scalars(key, lr, t, count)?;
        let per: Vec<[Vec<&Buffer>; 5]> = (0..self.replicas())
            .map(|r| {
                [
                    refs(&self.params[r]),
                    refs(&self.slots[r]),
                    refs(&self.averages[r]),
                    refs(&self.accs[r]),
                    refs(&self.history[r]),
                ]
            })
            .collect();
        let sig = self.apply.signature();
        let scalar_refs: Vec<Vec<&Buffer>> = scalars.iter().map(|s| refs(s)).collect();
        let clip: Vec<Vec<&Buffer>> = self.clip_bufs.iter().map(|c| refs(c)).collect();
        let args: Vec<Vec<(Group, &[&Buffer])>> = per
            .iter()
            .zip(&scalar_refs)
            .enumerate()
            .map(|(r, ([params, slots, averages, accs, history], sc))| {
                let mut a: Vec<(Group, &[&Buffer])> = vec![
                    (Group::Params, &params[..]),
                    (Group::Slots, &slots[..]),
                    (Group::Accumulators, &accs[..]),
                ];
                if sig.has_input(Group::Averages) {
                    a.push((Group::Averages, &averages[..]));
                }
                if sig.has_input(Group::NoiseHistory) {
                    a.push((Group::NoiseHistory, &history[..]));
                }
                if let (true, Some(c)) = (sig.has_input(Group::ClipNorm), clip.get(r)) {
                    a.push((Group::ClipNorm, &c[..]));
                }
                // `step_scalars` uploaded exactly the scalar groups the
                // program takes, in `SCALAR_GROUPS` order.
                let groups = queue::SCALAR_GROUPS.iter().filter(|g| sig.has_input(**g));
                a.extend(groups.zip(sc.chunks(1)).map(|(g, b)| (*g, b)));
                a
            })
            .collect();
        let outs = self.apply.run_replicated(&args)?;
        let has_averages = sig.has_output(Group::Averages);
        let has_history = sig.has_output(Group::NoiseHistory);
        let (mut params, mut slots, mut averages, mut accs) = (vec![], vec![], vec![], vec![]);
        let mut history = Vec::new();
        let mut non_finite = 0.0;
        for (r, mut o) in outs.into_iter().enumerate() {
            params.push(o.take(Group::Params)?);
            slots.push(o.take(Group::Slots)?);
            averages.push(if has_averages {
                o.take(Group::Averages)?
            } else {
                Vec::new()
            });
            accs.push(o.take(Group::Accumulators)?);
            history.push(if has_history {
                o.take(Group::NoiseHistory)?
            } else {
                Vec::new()
            });
            if r == 0 {
                non_finite = scalar(&o.take_one(Group::NonFiniteParams)?)?;
            }
        }
        (self.params, self.slots, self.averages, self.accs) = (params, slots, averages, accs);
        self.history = history;
        Ok(non_finite as u64)
    }

    /// Ends a logical batch with an update computed on the host (secure noise):
    /// `grads` (one per trainable parameter, the noisy average) replace the
    /// accumulated sums and the program uses them as the gradient (with N
    /// replicas: `grads` on replica 0 and zeros elsewhere, so the all-reduce
    /// yields exactly `grads` everywhere). Only for an engine whose mechanism
    /// draws its noise on the host (`NoiseSource::Host`), so noise is never
    /// added twice. Returns as [`Engine::apply`].
    pub fn apply_given(&mut self, grads: &[HostArray], lr: f64, t: u64) -> Result<u64> {
        let host_noise = self
            .spec
            .mechanism
            .is_some_and(|m| m.noise_source() == NoiseSource::Host);
        if !host_noise || grads.len() != self.accs[0].len() {
            return Err(Error::Internal(
                "apply_given needs a private engine whose noise is drawn on the host and one \
                 array per trainable parameter"
                    .into(),
            ));
        }
        let zeros: Vec<HostArray> = grads.iter().map(|g| acc_zeros(&g.shape)).collect();
        // The accumulators are f64; the host's (f32) average widens exactly.
        let wide: Vec<HostArray> = grads
            .iter()
            .map(|g| HostArray::f64(g.shape.clone(), g.to_f64()))
            .collect();
        self.accs = (0..self.replicas())
            .map(|r| {
                let src = if r == 0 { &wide } else { &zeros };
                src.iter()
                    .map(|g| Ok(to_device(&self.client, g, r)?))
                    .collect()
            })
            .collect::<Result<_>>()?;
        self.apply([0; 4], lr, t, 1)
    }

    /// Σ loss and Σ correct over the real examples of one physical batch, with
    /// the raw parameters or (if `averaged` and averaging is on) the averages;
    /// each replica evaluates its share.
    pub fn evaluate(
        &mut self,
        images: &HostArray,
        labels: &[i32],
        mask: &[f32],
        averaged: bool,
    ) -> Result<(f64, f64)> {
        let (p, batches) = self.upload_batch(images.clone(), labels.to_vec(), mask.to_vec())?;
        self.compile_evaluate(p)?;
        let params = if averaged && self.has_averages() {
            &self.averages
        } else {
            &self.params
        };
        let per: Vec<Vec<&Buffer>> = params.iter().map(|p| refs(p)).collect();
        let batch: Vec<[&Buffer; 3]> = batches.iter().map(|[a, b, c]| [a, b, c]).collect();
        let args: Vec<Vec<(Group, &[&Buffer])>> = per
            .iter()
            .zip(&batch)
            .map(|(params, b)| {
                vec![
                    (Group::Params, &params[..]),
                    (Group::Images, &b[0..1]),
                    (Group::Labels, &b[1..2]),
                    (Group::Mask, &b[2..3]),
                ]
            })
            .collect();
        let mut sums = (0.0, 0.0);
        for mut o in self.evaluate[&p].run_replicated(&args)? {
            sums.0 += scalar(&o.take_one(Group::LossSum)?)?;
            sums.1 += scalar(&o.take_one(Group::CorrectSum)?)?;
        }
        Ok(sums)
    }

    /// Starts copying one physical batch (images, labels, mask) to the
    /// devices, each replica its share, checking that the three agree on its
    /// size; the buffers own the host data until their transfers are done.
    /// Returns the per-replica size and the buffers.
    fn upload_batch(
        &self,
        images: HostArray,
        labels: Vec<i32>,
        mask: Vec<f32>,
    ) -> Result<(usize, Vec<[Buffer; 3]>)> {
        let rows = batch_rows(&images, &labels, &mask)?;
        // A label outside the classes one-hot encodes to zeros: a silent -0.0
        // loss and zero gradient. Refuse it (padded rows carry label 0).
        let as_i64: Vec<i64> = labels.iter().map(|&l| l as i64).collect();
        dpxla_nn::check_labels(&as_i64, self.spec.loss.num_classes)?;
        let p = rows_per_replica(rows, self.replicas())?;
        let upload = |r: usize, images: HostArray, labels: Vec<i32>, mask: Vec<f32>| {
            Ok([
                to_device_owned(&self.client, images, r)?,
                to_device_owned(&self.client, HostArray::i32([p], labels), r)?,
                to_device_owned(&self.client, HostArray::f32([p], mask), r)?,
            ])
        };
        let buffers = if self.replicas() == 1 {
            vec![upload(0, images, labels, mask)?]
        } else {
            shard_batch(&images, &labels, &mask, self.replicas())?
                .into_iter()
                .enumerate()
                .map(|(r, sh)| upload(r, sh.images, sh.labels, sh.mask))
                .collect::<Result<_>>()?
        };
        Ok((p, buffers))
    }

    /// The StableHLO text of every program compiled so far (apply, and the
    /// accumulate and evaluate programs of each prepared physical size).
    pub fn compiled_mlir(&self) -> Vec<&str> {
        std::iter::once(&self.apply)
            .chain(self.accumulate.values())
            .chain(self.evaluate.values())
            .map(|p| p.program().mlir())
            .collect()
    }

    /// Whether the run keeps parameter averages.
    pub fn has_averages(&self) -> bool {
        !self.averages[0].is_empty()
    }

    /// Copies parameters, slots and averages to the host (replica 0's; all
    /// replicas hold the same).
    pub fn state(&self) -> Result<HostState> {
        self.replica_state(0)
    }

    /// Replica `r`'s parameters, slots and averages (tests compare replicas).
    pub fn replica_state(&self, r: usize) -> Result<HostState> {
        if r >= self.replicas() {
            return Err(Error::InvalidInput(format!(
                "replica {r} of {}",
                self.replicas()
            )));
        }
        let down = |bs: &[Buffer]| {
            bs.iter()
                .map(|b| Ok(to_host(b)?))
                .collect::<Result<Vec<_>>>()
        };
        Ok(HostState {
            params: down(&self.params[r])?,
            slots: down(&self.slots[r])?,
            averages: down(&self.averages[r])?,
            noise_history: down(&self.history[r])?,
            clip_norm: self.clip_norm,
        })
    }

    /// Discards the accumulated sums of the current logical batch.
    pub fn reset_accumulators(&mut self) -> Result<()> {
        let zeros: Vec<HostArray> = self.accs[0].iter().map(|a| acc_zeros(a.dims())).collect();
        self.accs = broadcast(&self.client, &zeros, self.replicas())?;
        self.pending.clear();
        Ok(())
    }

    /// The current accumulated sums (f64), summed over the replicas on the
    /// host in f64 (secure noise, tests and diagnostics).
    pub fn accumulators(&self) -> Result<Vec<HostArray>> {
        let mut total: Vec<HostArray> = self.accs[0]
            .iter()
            .map(|b| Ok(to_host(b)?))
            .collect::<Result<_>>()?;
        for accs in &self.accs[1..] {
            for (t, b) in total.iter_mut().zip(accs) {
                let add = to_host(b)?.to_f64();
                let sum: Vec<f64> = t.to_f64().iter().zip(add).map(|(x, y)| x + y).collect();
                *t = HostArray::f64(t.shape.clone(), sum);
            }
        }
        Ok(total)
    }

    // ---- `dpxla audit` (src/audit/) ----

    /// Adds `deltas` (f32, one per trainable parameter, shaped like it) to the
    /// accumulated sums of the current logical batch, on the host. Used by
    /// `dpxla audit` for its gradient canaries, whose (already clipped)
    /// gradients join the clipped sum before the apply step adds the noise
    /// (on replica 0: the apply step sums the replicas' accumulators).
    pub fn add_to_accumulators(&mut self, deltas: &[HostArray]) -> Result<()> {
        if deltas.len() != self.accs[0].len() {
            return Err(Error::InvalidInput(format!(
                "{} accumulator deltas for {} trainable parameters",
                deltas.len(),
                self.accs[0].len()
            )));
        }
        let mut summed = Vec::with_capacity(deltas.len());
        for (acc, d) in self.accs[0].iter().zip(deltas) {
            let mut host = to_host(acc)?;
            match (&mut host.data, &d.data) {
                (dpxla_core::array::ArrayData::F64(a), dpxla_core::array::ArrayData::F32(b))
                    if host.shape == d.shape =>
                {
                    a.iter_mut().zip(b).for_each(|(x, y)| *x += *y as f64);
                }
                _ => {
                    return Err(Error::InvalidInput(format!(
                        "f32 accumulator delta of shape {:?} for an f64 accumulator of shape {:?}",
                        d.shape, host.shape
                    )))
                }
            }
            summed.push(to_device(&self.client, &host, 0)?);
        }
        self.accs[0] = summed;
        Ok(())
    }
}

/// BandMF's noise history to start from: `given` (a debug_seed resume),
/// checked against the apply step's `NoiseHistory` group, or zeros (a fresh
/// start: no past noise). Empty when the step takes no history.
fn initial_history(
    spec: &EngineSpec,
    sig: &crate::train::programs::signature::Signature,
    given: &[HostArray],
) -> Result<Vec<HostArray>> {
    if !sig.has_input(Group::NoiseHistory) {
        if !given.is_empty() {
            return Err(Error::InvalidInput(
                "a BandMF noise history was given to an engine without correlated noise".into(),
            ));
        }
        return Ok(Vec::new());
    }
    let lags = spec
        .noise_strategy
        .as_ref()
        .map_or(0, |s| s.bands().saturating_sub(1));
    let (avals, names) = history_layout(&spec.loss, &spec.trainable, lags);
    if given.is_empty() {
        return Ok(avals.iter().map(|a| acc_zeros(&a.shape)).collect());
    }
    if given.len() != avals.len() {
        return Err(Error::InvalidInput(format!(
            "{} BandMF noise-history arrays given, the strategy needs {}",
            given.len(),
            avals.len()
        )));
    }
    for ((g, a), name) in given.iter().zip(&avals).zip(&names) {
        if g.shape != a.shape || g.dtype() != a.dtype {
            return Err(Error::InvalidInput(format!(
                "BandMF noise history {name}: {:?} {:?}, expected {:?} {:?}",
                g.dtype(),
                g.shape,
                a.dtype,
                a.shape
            )));
        }
    }
    Ok(given.to_vec())
}

/// A zero accumulator of `shape` ([`ACC_DTYPE`], f64).
fn acc_zeros(shape: &[usize]) -> HostArray {
    HostArray::from_f64(
        shape.to_vec(),
        &vec![0.0; shape.iter().product()],
        ACC_DTYPE,
    )
}

/// Uploads the same arrays to each of the first `replicas` devices.
fn broadcast(client: &Client, arrays: &[HostArray], replicas: usize) -> Result<PerReplica> {
    (0..replicas)
        .map(|r| {
            arrays
                .iter()
                .map(|a| Ok(to_device(client, a, r)?))
                .collect()
        })
        .collect()
}

fn refs(bs: &[Buffer]) -> Vec<&Buffer> {
    bs.iter().collect()
}

fn scalar(b: &Buffer) -> Result<f64> {
    Ok(to_host(b)?.to_f64().first().copied().unwrap_or(0.0))
}
