//! What an [`Engine`](crate::train::engine::Engine) is built from and what it hands
//! back: the spec that determines its compiled programs, the host copy of
//! its training state, and the statistics of one accumulate call.

use crate::train::programs::ApplySpec;
use crate::Result;
use dpxla_core::array::HostArray;
use dpxla_core::trace::Graph;
use dpxla_dp::bandmf::BandedToeplitz;
use dpxla_dp::mechanism::DpMechanism;
use dpxla_nn::optim::{Averaging, Optimizer};
use dpxla_nn::{init_params, trace_example_eval, trace_example_loss, ExampleLoss, Model};
use dpxla_pjrt::runtime::CompileOptions;

/// Everything that determines the compiled programs.
#[derive(Clone)]
pub struct EngineSpec {
    pub loss: ExampleLoss,
    /// Per-example (loss, correct) graph, parameters first (as `loss.graph`).
    pub eval_example: Graph,
    /// Indices (into `loss.params`) of the parameters that are trained; the
    /// others are frozen and get no per-example gradients at all.
    pub trainable: Vec<usize>,
    /// Augmentation multiplicity K (views per example).
    pub views: usize,
    /// Clipping and noise; `None` for a non-private run.
    pub mechanism: Option<DpMechanism>,
    pub optimizer: Optimizer,
    pub averaging: Averaging,
    pub compile_options: CompileOptions,
    /// Devices the step runs on (data parallelism); 1 by default.
    pub replicas: usize,
    /// BandMF's strategy (`None`: independent noise). Its b − 1 past noise
    /// vectors per trainable parameter are device state of the apply step.
    pub noise_strategy: Option<BandedToeplitz>,
}

impl EngineSpec {
    /// The spec for `model` with every parameter trainable (but a centred
    /// model's mean, which is never trained), one view per
    /// example and default compile options (adjust the public fields for more).
    pub fn new(
        model: &dyn Model,
        mechanism: Option<DpMechanism>,
        optimizer: Optimizer,
        averaging: Averaging,
    ) -> Result<EngineSpec> {
        let loss = trace_example_loss(model)?;
        let (eval_example, _) = trace_example_eval(model)?;
        // Every parameter but a centred model's mean (`nn::CENTER_PARAM`).
        let trainable = dpxla_nn::transfer::Freeze::None.trainable(&loss)?;
        Ok(EngineSpec {
            loss,
            eval_example,
            trainable,
            views: 1,
            mechanism,
            optimizer,
            averaging,
            compile_options: CompileOptions::default(),
            replicas: 1,
            noise_strategy: None,
        })
    }

    /// The apply step's spec.
    pub fn apply_spec(&self) -> ApplySpec {
        ApplySpec {
            mechanism: self.mechanism,
            optimizer: self.optimizer.clone(),
            averaging: self.averaging.clone(),
            noise_strategy: self.noise_strategy.clone(),
        }
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
    /// BandMF's past noise (per trainable parameter, lags 1 … b − 1, f64;
    /// empty for DP-SGD or a fresh start). SECRET: it reveals past
    /// gradients; checkpointed only with `privacy.debug_seed`.
    pub noise_history: Vec<HostArray>,
    /// Adaptive clipping's current C (public: a function of released noisy
    /// counts; `None` without adaptive clipping or on a fresh start, which
    /// begins at `privacy.clip_norm`).
    pub clip_norm: Option<f64>,
}

impl HostState {
    /// Parameters with zero optimiser slots and averages starting at them.
    pub fn fresh(params: Vec<HostArray>) -> HostState {
        HostState {
            params,
            slots: Vec::new(),
            averages: Vec::new(),
            noise_history: Vec::new(),
            clip_norm: None,
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
