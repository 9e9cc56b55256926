//! The device side of a run: compiled programs and the parameter, optimiser,
//! average and accumulator buffers they update. The buffers stay on the device
//! between steps; each program returns fresh buffers (no donation, see
//! `Engine::new` for the measured reason).

use super::programs::{accumulate_graph, apply_graph, evaluate_graph, ApplySpec, Clipping};
use crate::lower::LowerOptions;
use crate::nn::{init_params, trace_example_eval, trace_example_loss, ExampleLoss, Model};
use crate::program::{to_device, to_host, Program};
use crate::runtime::{Buffer, Client, CompileOptions};
use crate::trace::{Graph, HostArray};
use crate::{Error, Result};
use std::collections::BTreeMap;

/// Everything that determines the compiled programs.
pub struct EngineSpec {
    pub loss: ExampleLoss,
    /// Per-example (loss, correct) graph, parameters first (as `loss.graph`).
    pub eval_example: Graph,
    /// Indices (into `loss.params`) of the parameters that are trained; the
    /// others are frozen and get no per-example gradients at all.
    pub trainable: Vec<usize>,
    /// Augmentation multiplicity K (views per example).
    pub views: usize,
    /// `None` for a non-private run.
    pub clipping: Option<Clipping>,
    pub apply: ApplySpec,
    pub compile_options: CompileOptions,
}

impl EngineSpec {
    /// The spec for `model` with every parameter trainable, one view per
    /// example and default compile options (adjust the public fields for more).
    pub fn new(
        model: &dyn Model,
        clipping: Option<Clipping>,
        apply: ApplySpec,
    ) -> Result<EngineSpec> {
        let loss = trace_example_loss(model)?;
        let (eval_example, _) = trace_example_eval(model)?;
        let trainable = (0..loss.params.len()).collect();
        Ok(EngineSpec {
            loss,
            eval_example,
            trainable,
            views: 1,
            clipping,
            apply,
            compile_options: CompileOptions::default(),
        })
    }

    /// Fresh parameters for this spec's model (see `nn::init_params`).
    pub fn initial_state(&self, seed: u64) -> HostState {
        HostState::fresh(
            init_params(&self.loss.params, seed)
                .into_iter()
                .map(|(_, a)| a)
                .collect(),
        )
    }
}

/// Host copies of the training state (for checkpoints).
#[derive(Clone, Debug, PartialEq)]
pub struct HostState {
    pub params: Vec<HostArray>,
    /// Per trainable parameter, `optimizer.slots()` order.
    pub slots: Vec<HostArray>,
    /// Averages of all parameters (empty without averaging).
    pub averages: Vec<HostArray>,
}

impl HostState {
    /// Parameters with zero optimiser slots and averages starting at them.
    pub fn fresh(params: Vec<HostArray>) -> HostState {
        HostState {
            params,
            slots: Vec::new(),
            averages: Vec::new(),
        }
    }
}

/// Diagnostics returned by one accumulate call.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct AccumulateStats {
    /// Σ loss over the real (unmasked) examples.
    pub loss_sum: f64,
    /// Number of real examples whose gradient norm exceeded the clip norm.
    pub clipped: f64,
}

pub struct Engine {
    client: Client,
    spec: EngineSpec,
    accumulate: BTreeMap<usize, Program>,
    evaluate: BTreeMap<usize, Program>,
    apply: Program,
    params: Vec<Buffer>,
    slots: Vec<Buffer>,
    averages: Vec<Buffer>,
    accs: Vec<Buffer>,
}

impl Engine {
    /// Compiles the apply program and uploads the state. Slots start at zero and
    /// averages at the parameters unless given (resume).
    pub fn new(client: &Client, spec: EngineSpec, state: &HostState) -> Result<Engine> {
        let n = spec.loss.params.len();
        if state.params.len() != n {
            return Err(Error::InvalidInput(format!(
                "{} parameter arrays for a model with {n}",
                state.params.len()
            )));
        }
        let apply_g = apply_graph(&spec.loss, &spec.trainable, &spec.apply)?;
        // The engine does NOT donate buffers between its programs. Measured on the XLA CPU
        // plugin (xla-cpu-pjrt 0.0.1, PJRT 0.81): when the parameters were donated
        // to the update's outputs, the next *other* executable that read those
        // outputs (the accumulate step) computed with wrong values for its
        // first runs, although copying the same buffers to the host showed the
        // right ones (tests/engine_resume.rs catches it). The accumulators are
        // not donated either (`accumulate_program`). The cost is one extra copy
        // of the parameters and optimiser state per logical batch and of the
        // accumulators per microbatch. tests/engine_no_donation.rs asserts
        // that no compiled program aliases a buffer, until a test proves
        // donation safe.
        let apply = Program::compile(
            client,
            &apply_g,
            &LowerOptions::default(),
            &spec.compile_options,
        )?;
        let upload = |arrays: &[HostArray]| -> Result<Vec<Buffer>> {
            arrays.iter().map(|a| to_device(client, a, 0)).collect()
        };
        let trainable_zeros = |copies: usize| -> Vec<HostArray> {
            spec.trainable
                .iter()
                .flat_map(|&i| {
                    let z = HostArray::f32(
                        spec.loss.params[i].shape.clone(),
                        vec![0.0; spec.loss.params[i].numel()],
                    );
                    std::iter::repeat_n(z, copies)
                })
                .collect()
        };
        let nslots = spec.apply.optimizer.slots().len();
        let slots = if state.slots.is_empty() {
            trainable_zeros(nslots)
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
        Ok(Engine {
            client: client.clone(),
            params: upload(&state.params)?,
            slots: upload(&slots)?,
            averages: upload(&averages)?,
            accs: upload(&trainable_zeros(1))?,
            spec,
            accumulate: BTreeMap::new(),
            evaluate: BTreeMap::new(),
            apply,
        })
    }

    pub fn spec(&self) -> &EngineSpec {
        &self.spec
    }

    /// The compiled apply (noise and update) program.
    pub fn apply_program(&self) -> &Program {
        &self.apply
    }

    /// Compiles the accumulate and evaluate programs for physical size `p` now
    /// (otherwise they are compiled on first use).
    pub fn prepare(&mut self, p: usize) -> Result<()> {
        self.accumulate_program(p)?;
        self.evaluate_program(p)?;
        Ok(())
    }

    /// The accumulate program for physical size `p`, compiled now if it is not
    /// yet (`prepare` also compiles the evaluate program; benchmarks time this
    /// one alone).
    pub fn accumulate_program(&mut self, p: usize) -> Result<&Program> {
        if !self.accumulate.contains_key(&p) {
            let s = &self.spec;
            let g = accumulate_graph(&s.loss, &s.trainable, p, s.views, s.clipping)?;
            // No donation of the accumulators either (see `Engine::new`): a stale
            // read of an accumulator would count examples of one logical batch
            // in the next, which breaks the sensitivity bound.
            let prog = Program::compile(
                &self.client,
                &g,
                &LowerOptions::default(),
                &s.compile_options,
            )?;
            self.accumulate.insert(p, prog);
        }
        Ok(&self.accumulate[&p])
    }

    fn evaluate_program(&mut self, p: usize) -> Result<&Program> {
        if !self.evaluate.contains_key(&p) {
            let s = &self.spec;
            let g = evaluate_graph(&s.eval_example, s.loss.params.len(), p)?;
            let prog = Program::compile(
                &self.client,
                &g,
                &LowerOptions::default(),
                &s.compile_options,
            )?;
            self.evaluate.insert(p, prog);
        }
        Ok(&self.evaluate[&p])
    }

    /// Adds the clipped (private) or plain per-example gradients of one physical
    /// batch to the accumulators. `images` is `[P, ...]` (or `[P, K, ...]`),
    /// `mask[i]` is 1 for a real example and 0 for padding.
    pub fn accumulate(
        &mut self,
        images: &HostArray,
        labels: &[i32],
        mask: &[f32],
    ) -> Result<AccumulateStats> {
        let (p, [img, lab, msk]) = self.upload_batch(images, labels, mask)?;
        self.accumulate_program(p)?;
        let prog = &self.accumulate[&p];
        let mut args: Vec<&Buffer> = self.params.iter().collect();
        args.extend(self.accs.iter());
        args.extend([&img, &lab, &msk]);
        let mut outs = prog.run(&args)?;
        let m = self.accs.len();
        let clipped = outs.pop().expect("clipped count");
        let loss_sum = outs.pop().expect("loss sum");
        debug_assert_eq!(outs.len(), m);
        self.accs = outs;
        Ok(AccumulateStats {
            loss_sum: scalar(&loss_sum)?,
            clipped: scalar(&clipped)?,
        })
    }

    /// Ends a logical batch: noise (private) or the realised batch size
    /// `count` (non-private), optimiser step `t` (1-based) with learning rate
    /// `lr`, averaging, and zeroed accumulators.
    pub fn apply(&mut self, key: [u32; 4], lr: f64, t: u64, count: usize) -> Result<()> {
        let key = to_device(&self.client, &HostArray::u32([4], key.to_vec()), 0)?;
        let lr = self.upload_scalar(lr)?;
        let t = self.upload_scalar(t as f64)?;
        let count = self.upload_scalar(count as f64)?;
        let mut args: Vec<&Buffer> = self.params.iter().collect();
        args.extend(self.slots.iter());
        args.extend(self.averages.iter());
        args.extend(self.accs.iter());
        args.extend([&key, &lr, &t]);
        if self.spec.apply.noise.is_none() {
            args.push(&count);
        }
        let mut outs = self.apply.run(&args)?.into_iter();
        let (n, s, a, m) = (
            self.params.len(),
            self.slots.len(),
            self.averages.len(),
            self.accs.len(),
        );
        self.params = outs.by_ref().take(n).collect();
        self.slots = outs.by_ref().take(s).collect();
        self.averages = outs.by_ref().take(a).collect();
        self.accs = outs.by_ref().take(m).collect();
        Ok(())
    }

    /// Ends a logical batch with an update computed on the host (secure noise):
    /// `grads` (one per trainable parameter) replace the accumulated sums and
    /// the program divides by 1. Only for an engine compiled without device
    /// noise (`apply.noise = None`), so noise is never added twice.
    pub fn apply_given(&mut self, grads: &[HostArray], lr: f64, t: u64) -> Result<()> {
        if self.spec.apply.noise.is_some() || grads.len() != self.accs.len() {
            return Err(Error::Runtime(
                "apply_given needs an engine without device noise and one array per \
                 trainable parameter"
                    .into(),
            ));
        }
        self.accs = grads
            .iter()
            .map(|g| to_device(&self.client, g, 0))
            .collect::<Result<_>>()?;
        self.apply([0; 4], lr, t, 1)
    }

    /// Σ loss and Σ correct over the real examples of one physical batch, with
    /// the raw parameters or (if `averaged` and averaging is on) the averages.
    pub fn evaluate(
        &mut self,
        images: &HostArray,
        labels: &[i32],
        mask: &[f32],
        averaged: bool,
    ) -> Result<(f64, f64)> {
        let (p, [img, lab, msk]) = self.upload_batch(images, labels, mask)?;
        self.evaluate_program(p)?;
        let params = if averaged && !self.averages.is_empty() {
            &self.averages
        } else {
            &self.params
        };
        let mut args: Vec<&Buffer> = params.iter().collect();
        args.extend([&img, &lab, &msk]);
        let outs = self.evaluate[&p].run(&args)?;
        Ok((scalar(&outs[0])?, scalar(&outs[1])?))
    }

    /// Copies one physical batch (images, labels, mask) to the device, checking
    /// that the three agree on its size P.
    fn upload_batch(
        &self,
        images: &HostArray,
        labels: &[i32],
        mask: &[f32],
    ) -> Result<(usize, [Buffer; 3])> {
        let p = images.shape.first().copied().unwrap_or(0);
        if labels.len() != p || mask.len() != p {
            return Err(Error::InvalidInput(format!(
                "physical batch of {p} images with {} labels and {} mask entries",
                labels.len(),
                mask.len()
            )));
        }
        // A label outside the classes one-hot encodes to zeros: a silent -0.0
        // loss and zero gradient. Refuse it (padded rows carry label 0).
        let as_i64: Vec<i64> = labels.iter().map(|&l| l as i64).collect();
        crate::nn::check_labels(&as_i64, self.spec.loss.num_classes)?;
        Ok((
            p,
            [
                to_device(&self.client, images, 0)?,
                to_device(&self.client, &HostArray::i32([p], labels.to_vec()), 0)?,
                to_device(&self.client, &HostArray::f32([p], mask.to_vec()), 0)?,
            ],
        ))
    }

    /// An f32 scalar on the device.
    fn upload_scalar(&self, x: f64) -> Result<Buffer> {
        to_device(
            &self.client,
            &HostArray::f32(Vec::<usize>::new(), vec![x as f32]),
            0,
        )
    }

    /// The StableHLO text of every program compiled so far (apply, and the
    /// accumulate and evaluate programs of each prepared physical size).
    pub fn compiled_mlir(&self) -> Vec<&str> {
        std::iter::once(&self.apply)
            .chain(self.accumulate.values())
            .chain(self.evaluate.values())
            .map(|p| p.mlir())
            .collect()
    }

    /// Whether the run keeps parameter averages.
    pub fn has_averages(&self) -> bool {
        !self.averages.is_empty()
    }

    /// Copies parameters, slots and averages to the host.
    pub fn state(&self) -> Result<HostState> {
        let down = |bs: &[Buffer]| bs.iter().map(to_host).collect::<Result<Vec<_>>>();
        Ok(HostState {
            params: down(&self.params)?,
            slots: down(&self.slots)?,
            averages: down(&self.averages)?,
        })
    }

    /// Discards the accumulated sums of the current logical batch.
    pub fn reset_accumulators(&mut self) -> Result<()> {
        self.accs = self
            .accs
            .iter()
            .map(|a| {
                let zeros = HostArray::f32(a.dims().to_vec(), vec![0.0; a.element_count()]);
                to_device(&self.client, &zeros, 0)
            })
            .collect::<Result<_>>()?;
        Ok(())
    }

    /// The current accumulated sums (tests and diagnostics).
    pub fn accumulators(&self) -> Result<Vec<HostArray>> {
        self.accs.iter().map(to_host).collect()
    }

    // ---- `dpxla audit` (src/audit/) ----

    /// Adds `deltas` (f32, one per trainable parameter, shaped like it) to the
    /// accumulated sums of the current logical batch, on the host. Used by
    /// `dpxla audit` for its gradient canaries, whose (already clipped)
    /// gradients join the clipped sum before the apply step adds the noise.
    pub fn add_to_accumulators(&mut self, deltas: &[HostArray]) -> Result<()> {
        if deltas.len() != self.accs.len() {
            return Err(Error::InvalidInput(format!(
                "{} accumulator deltas for {} trainable parameters",
                deltas.len(),
                self.accs.len()
            )));
        }
        let mut summed = Vec::with_capacity(deltas.len());
        for (acc, d) in self.accs.iter().zip(deltas) {
            let mut host = to_host(acc)?;
            match (&mut host.data, &d.data) {
                (crate::trace::ArrayData::F32(a), crate::trace::ArrayData::F32(b))
                    if host.shape == d.shape =>
                {
                    a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
                }
                _ => {
                    return Err(Error::InvalidInput(format!(
                        "accumulator delta of shape {:?} for an f32 accumulator of shape {:?}",
                        d.shape, host.shape
                    )))
                }
            }
            summed.push(to_device(&self.client, &host, 0)?);
        }
        self.accs = summed;
        Ok(())
    }
}

fn scalar(b: &Buffer) -> Result<f64> {
    Ok(to_host(b)?.to_f64().first().copied().unwrap_or(0.0))
}
