//! Timing the real training engine on one model: what `dpxla bench` prints and
//! what `scripts/compare.sh` sets beside JAX and Opacus.
//!
//! One *step* is what a training step does on the device: the logical batch
//! of L examples in ⌈L / B⌉ accumulate calls of B examples each (each call
//! copies its images, labels and mask from the host, as training does; padded
//! rows of the last call carry mask 0), then one apply call (noise for DP,
//! SGD with momentum 0.9). The first step after compilation is reported on its
//! own, `warmup` further steps are run untimed, then `steps` steps are timed.
//! `scripts/bench_jax.py` and `scripts/bench_opacus.py` time the same step and
//! print the same fields ([`BenchReport`]).
//!
//! Works for any [`Model`]: `bench::run(&client, &my_model, &BenchConfig::default())`.

mod host;
mod report;

pub use host::peak_host_bytes;
pub use report::BenchReport;

use crate::train::engine::physical_auto::{self, MemoryBudget, PhysicalChoice};
use crate::train::engine::{Engine, EngineSpec};
use crate::train::programs::images_shape;
use crate::{Error, Result};
use dpxla_core::array::HostArray;
use dpxla_dp::bookkeeping::plan_at;
use dpxla_dp::clip::{ClipMethod, ClipMode, Clipping};
use dpxla_dp::mechanism::DpMechanism;
use dpxla_nn::optim::{Averaging, Optimizer};
use dpxla_nn::{per_example_grads_wrt, Model, ParamSpec};
use dpxla_pjrt::runtime::Client;
use rand::{Rng, SeedableRng};
use std::time::Instant;

/// What to time. The defaults match the Python scripts' defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct BenchConfig {
    /// Physical batch B: examples per compiled accumulate call.
    pub batch: usize,
    /// Logical batch L: examples per step (⌈L / B⌉ accumulate calls).
    pub logical: usize,
    /// DP-SGD (per-example clipping + noise) or the non-private step.
    pub private: bool,
    /// Noise multiplier σ.
    pub sigma: f64,
    /// Clipping norm C.
    pub clip_norm: f64,
    /// Timed steps (after the first step and the warm-up).
    pub steps: usize,
    /// Untimed steps after the first one.
    pub warmup: usize,
    /// Seed of the parameters and of the random batch.
    pub seed: u64,
    /// How norms and the clipped sum are computed (DP runs).
    pub clipping_method: ClipMethod,
}

impl Default for BenchConfig {
    fn default() -> BenchConfig {
        BenchConfig {
            batch: 64,
            logical: 64,
            private: true,
            sigma: 1.0,
            clip_norm: 1.0,
            steps: 5,
            warmup: 1,
            seed: 0,
            clipping_method: ClipMethod::Auto,
        }
    }
}

impl BenchConfig {
    fn check(&self) -> Result<()> {
        let bad = |m: String| Err(Error::InvalidInput(m));
        if self.batch == 0 || self.logical == 0 {
            return bad(format!(
                "batch ({}) and logical batch ({}) must be at least 1",
                self.batch, self.logical
            ));
        }
        if self.steps == 0 {
            return bad("at least one timed step is needed".into());
        }
        // C and σ: checked by the mechanism's own constructors.
        self.mechanism().map(|_| ())
    }

    /// Accumulate calls per step.
    pub fn microbatches(&self) -> usize {
        self.logical.div_ceil(self.batch)
    }

    /// The mechanism timed (`None`: the non-private step).
    fn mechanism(&self) -> Result<Option<DpMechanism>> {
        // C and σ are checked here, where the mechanism is made.
        self.private
            .then(|| {
                let clipping = Clipping::new(self.clip_norm, ClipMode::Flat, self.clipping_method)?;
                DpMechanism::new(clipping, self.sigma, self.logical as f64)
            })
            .transpose()
            .map_err(Into::into)
    }

    /// [`BenchConfig::mechanism`] with the f64 Gram weight of `client`'s
    /// platform and first device (`config::gram_cost`).
    fn mechanism_on(&self, client: &Client) -> Result<Option<DpMechanism>> {
        let cost = client_gram_f64_cost(client);
        self.mechanism()?
            .map(|m| m.with_gram_f64_cost(cost))
            .transpose()
            .map_err(Into::into)
    }
}

/// The f64 Gram weight of `client`'s platform and first device.
fn client_gram_f64_cost(client: &Client) -> f64 {
    let platform = client
        .platform_name()
        .ok()
        .and_then(|p| p.parse::<dpxla_pjrt::runtime::Platform>().ok())
        .unwrap_or(dpxla_pjrt::runtime::Platform::Cpu);
    let kind = client.devices().first().map(|d| d.kind.as_str());
    crate::train::config::gram_cost::gram_f64_cost(platform, kind)
}

/// The optimiser of the timed steps (the Python scripts' too).
fn bench_optimizer() -> Optimizer {
    Optimizer::Sgd {
        momentum: 0.9,
        nesterov: false,
        weight_decay: 0.0,
    }
}

/// Learning rate of the timed steps: small, so that random data cannot drive
/// the parameters to overflow (inf/NaN arithmetic would distort the timing).
const LR: f64 = 1e-3;

/// The engine spec every benchmark times: `cfg`'s mechanism for `client`'s
/// platform, the benchmark optimiser, no averaging.
fn bench_spec(client: &Client, model: &dyn Model, cfg: &BenchConfig) -> Result<EngineSpec> {
    EngineSpec::new(
        model,
        cfg.mechanism_on(client)?,
        bench_optimizer(),
        Averaging::None,
    )
}

/// Compiles the engine for `model` on `client` and times its steps.
pub fn run(client: &Client, model: &dyn Model, cfg: &BenchConfig) -> Result<BenchReport> {
    cfg.check()?;

    // "Compile" is everything before the first step can run: tracing, the
    // vjp/vmap transforms, lowering, XLA compilation of the accumulate and
    // apply programs, and uploading the initial state.
    let t0 = Instant::now();
    let spec = bench_spec(client, model, cfg)?;
    let state = spec.initial_state(cfg.seed);
    let params = spec.loss.params.iter().map(ParamSpec::numel).sum();
    let tensor_methods = if cfg.private {
        let pe = per_example_grads_wrt(&spec.loss, cfg.batch, &spec.trainable)?;
        spec.trainable
            .iter()
            .zip(plan_at(
                &pe,
                cfg.clipping_method,
                client_gram_f64_cost(client),
            ))
            .map(|(&i, m)| (spec.loss.params[i].name.clone(), m.to_string()))
            .collect()
    } else {
        Vec::new()
    };
    let shape = images_shape(&spec.loss, cfg.batch, 1);
    let classes = spec.loss.num_classes;
    let mut engine = Engine::new(client, spec, &state)?;
    let temp = engine
        .accumulate_program(cfg.batch)?
        .program()
        .executable()
        .compiled_memory_stats();
    let compile_s = t0.elapsed().as_secs_f64();

    let mut rng = rand::rngs::StdRng::seed_from_u64(cfg.seed);
    let numel: usize = shape.iter().product();
    let images = HostArray::f32(shape, (0..numel).map(|_| rng.gen()).collect());
    let labels: Vec<i32> = (0..cfg.batch)
        .map(|_| rng.gen_range(0..classes as i32))
        .collect();
    let masks = step_masks(cfg);

    let step = |t: u64, engine: &mut Engine| -> Result<(f64, f64)> {
        let start = Instant::now();
        // As `train::run::step::run_step`: each call gets freshly prepared host
        // arrays (moved into the uploads) and the statistics are read once
        // per step (below); a synchronous client (`--synchronous`) waits
        // after every call and reads them per call, as dpxla did before issue 23.
        for mask in &masks {
            if engine.client_is_synchronous() {
                engine.accumulate(&images, &labels, mask)?;
            } else {
                engine.accumulate_queued(images.clone(), labels.clone(), mask.clone())?;
            }
        }
        // The statistics are read here, before the update is queued: that
        // waits for the accumulate calls, so the update's share of the step
        // can be told apart (with queued calls, the update's own timer would
        // also hold the accumulate work still running). In a run the update
        // is queued first; the difference is one scalar upload.
        engine.take_stats()?;
        let acc = start.elapsed().as_secs_f64();
        engine.apply([t as u32, 1, 2, 3], LR, t, cfg.logical)?;
        engine.take_stats()?;
        Ok((start.elapsed().as_secs_f64(), acc))
    };
    let (first, _) = step(1, &mut engine)?;
    for t in 0..cfg.warmup {
        step(2 + t as u64, &mut engine)?;
    }
    let mut times = Vec::with_capacity(cfg.steps);
    let mut apply_times = Vec::with_capacity(cfg.steps);
    for t in 0..cfg.steps {
        let (total, acc) = step((2 + cfg.warmup + t) as u64, &mut engine)?;
        times.push(total);
        apply_times.push(total - acc);
    }

    let (peak_device_bytes, device_memory_note) = match client.memory_stats(0) {
        Ok(m) => match m.peak_bytes_in_use {
            Some(p) => (Some(p), None),
            None => (
                None,
                Some("the plugin reports bytes in use but no peak".to_string()),
            ),
        },
        Err(e) => (
            None,
            Some(format!(
                "the plugin reports no device memory statistics ({e})"
            )),
        ),
    };
    let platform = client.platform_name()?;
    let device = client
        .devices()
        .first()
        .map(|d| d.kind.clone())
        .unwrap_or_default();
    let med = median(&times);
    Ok(BenchReport {
        framework: "dpxla".into(),
        framework_version: env!("CARGO_PKG_VERSION").into(),
        method: if cfg.private {
            format!("clipping_method = {:?}, flat clip", cfg.clipping_method).to_lowercase()
        } else {
            "batch gradient".into()
        },
        private: cfg.private,
        model: model.name().to_string(),
        params,
        batch: cfg.batch,
        logical: cfg.logical,
        microbatches: cfg.microbatches(),
        sigma: cfg.private.then_some(cfg.sigma),
        clip_norm: cfg.private.then_some(cfg.clip_norm),
        steps: cfg.steps,
        warmup: cfg.warmup,
        platform,
        device,
        compile_s,
        first_step_ms: first * 1e3,
        step_ms_median: med * 1e3,
        step_ms_min: times.iter().copied().fold(f64::INFINITY, f64::min) * 1e3,
        step_ms_max: times.iter().copied().fold(0.0, f64::max) * 1e3,
        apply_ms_median: Some(median(&apply_times) * 1e3),
        examples_per_s: cfg.logical as f64 / med,
        peak_host_bytes: peak_host_bytes(),
        peak_device_bytes,
        device_memory_note,
        xla_temp_bytes: temp.ok().map(|m| m.temp),
        tensor_methods,
        physical_choice: None,
    })
}

/// `dpxla bench --batch auto`: the physical batch `training.physical_batch =
/// "auto"` would choose for `model` at `cfg.logical` examples per step, from
/// XLA's memory analysis of the accumulate program (`cfg.batch` is ignored),
/// within `memory_budget` bytes (default as in training).
pub fn choose_batch(
    client: &Client,
    model: &dyn Model,
    cfg: &BenchConfig,
    memory_budget: Option<u64>,
) -> Result<PhysicalChoice> {
    let spec = bench_spec(client, model, cfg)?;
    let state = spec.initial_state(cfg.seed);
    let mut engine = Engine::new(client, spec, &state)?;
    let budget = MemoryBudget::resolve(memory_budget, &engine)?;
    physical_auto::choose(&mut engine, cfg.logical as f64, budget)
}

/// The masks of one step's accumulate calls: all ones, except the padded
/// tail of the last call when B does not divide L.
fn step_masks(cfg: &BenchConfig) -> Vec<Vec<f32>> {
    (0..cfg.microbatches())
        .map(|m| {
            (0..cfg.batch)
                .map(|i| f32::from(m * cfg.batch + i < cfg.logical))
                .collect()
        })
        .collect()
}

/// The middle value (the upper one of the two middles for an even count).
fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_pad_only_the_last_microbatch() {
        let cfg = BenchConfig {
            batch: 4,
            logical: 10,
            ..BenchConfig::default()
        };
        let m = step_masks(&cfg);
        assert_eq!(m.len(), 3);
        assert_eq!(m[0], vec![1.0; 4]);
        assert_eq!(m[2], vec![1.0, 1.0, 0.0, 0.0]);
        let real: f32 = m.iter().flatten().sum();
        assert_eq!(real, 10.0);
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 3.0);
    }

    #[test]
    fn refuses_empty_batches_and_zero_steps() {
        for cfg in [
            BenchConfig {
                batch: 0,
                ..BenchConfig::default()
            },
            BenchConfig {
                steps: 0,
                ..BenchConfig::default()
            },
            BenchConfig {
                clip_norm: 0.0,
                ..BenchConfig::default()
            },
        ] {
            let err = cfg.check().expect_err("must be refused");
            assert!(err.is_invalid_input(), "{err}");
        }
    }
}
