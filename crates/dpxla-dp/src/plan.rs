//! `PrivacyPlan`: the one place where every privacy-relevant number of a run is
//! derived from the configuration and the dataset size: q = batch/N, the number
//! of steps, σ (given, or calibrated to a target ε), C, δ and the accountant.
//! The engine and the loop take their privacy parameters from here only.
//!
//! BandMF (`NoiseRequest::Banded`): the strategy C is optimised here, once,
//! for the run's steps and bands; sampling is cyclic Poisson over k = b
//! partitions at rate p = batch / ⌊N/k⌋, and every privacy number is that of
//! the amplified reduction (`bandmf::accounting`): σ is the EFFECTIVE
//! multiplier σ_eff, one composition per cycle of k steps, and the device's
//! independent draw has std σ_eff·sens(C)·C.

use super::accountant::{
    calibrate_sigma_truncated, epsilon_of, AccountantKind, PoissonGaussianEvent,
};
use super::adaptive_clip::AdaptiveClipping;
use super::bandmf::{
    compositions, optimize_banded_toeplitz, partition_sampling_prob, BandedToeplitz, Objective,
    OptimizeOptions,
};
use super::clip::{ClipMethod, ClipMode, Clipping};
use super::mechanism::DpMechanism;
use super::sampling::{SamplingRequest, SamplingSpec};
use crate::{Error, Result};

#[derive(Clone, Debug, PartialEq)]
pub struct PrivacyPlan {
    /// Dataset size N (the neighbouring relation is add/remove one of these).
    pub dataset_size: usize,
    /// Poisson sampling rate q = expected batch / N (BandMF: the rate within
    /// a partition, expected batch / ⌊N/k⌋).
    pub q: f64,
    pub steps: u64,
    /// `None` for a non-private run.
    pub private: Option<PrivateParams>,
    /// `None`: independent noise (DP-SGD).
    pub bandmf: Option<BandMfPlan>,
    /// `training.public_dataset_size` N₀ with `training.sampling_rate`: the
    /// normaliser is q·N₀ and nothing released reads N (`None`: N public).
    pub public_size: Option<usize>,
    /// `training.max_batch_size`: the cap of truncated Poisson sampling.
    pub max_batch: Option<usize>,
    /// The per-step probability that the cap truncates a batch, maximised over
    /// neighbouring datasets (0 without a cap); in every accounted event.
    pub overflow: f64,
}

/// The public part of a BandMF run: strategy, partitions, sensitivity.
#[derive(Clone, Debug, PartialEq)]
pub struct BandMfPlan {
    /// The optimised b-banded Toeplitz strategy (public: it depends on the
    /// steps and b only).
    pub strategy: BandedToeplitz,
    /// k = b partitions of cyclic Poisson sampling.
    pub partitions: usize,
    /// sens(C) over the run's steps (the largest column norm).
    pub sensitivity: f64,
}

/// Which noise the run adds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NoiseRequest {
    /// Independent Gaussian noise per step (DP-SGD).
    #[default]
    Independent,
    /// BandMF with `bands` bands (k = bands partitions).
    Banded { bands: usize },
}

#[derive(Clone, Debug, PartialEq)]
pub struct PrivateParams {
    pub clip_norm: f64,
    pub clip_mode: ClipMode,
    pub sigma: f64,
    pub delta: f64,
    pub accountant: AccountantKind,
    /// Training stops before ε(δ) would exceed this.
    pub epsilon_budget: Option<f64>,
    /// ε(δ) after all `steps` (what the plan promises if the run completes),
    /// `prior` included.
    pub planned_epsilon: f64,
    /// Mechanisms a fresh run releases before its first step (the private
    /// feature mean of a centred model), composed into the ledger first.
    pub prior: Vec<PoissonGaussianEvent>,
    /// Adaptive clipping (`dp::adaptive_clip`): `sigma` is then the
    /// accounted multiplier of the (gradient, count) pair, and the gradient
    /// itself gets [`PrivateParams::gradient_sigma`] > σ. `clip_norm` is the
    /// initial C.
    pub adaptive: Option<AdaptiveClipping>,
}

impl PrivateParams {
    /// The gradient's noise multiplier: σ, or σ_Δ with adaptive clipping
    /// (`adaptive_clip::split_noise_multiplier`; checked by the plan).
    pub fn gradient_sigma(&self) -> Result<f64> {
        match &self.adaptive {
            None => Ok(self.sigma),
            Some(a) => a.gradient_noise_multiplier(self.sigma),
        }
    }
}

/// What the configuration says about privacy.
#[derive(Clone, Debug)]
pub struct PrivacyRequest {
    pub enabled: bool,
    pub clip_norm: f64,
    pub clip_mode: ClipMode,
    pub noise_multiplier: Option<f64>,
    pub target_epsilon: Option<f64>,
    pub delta: f64,
    pub accountant: AccountantKind,
    /// Accept δ ≥ 1/N (otherwise an error).
    pub allow_large_delta: bool,
    /// Mechanisms released before training (see [`PrivateParams::prior`]).
    pub prior: Vec<PoissonGaussianEvent>,
    /// DP-SGD or BandMF.
    pub noise: NoiseRequest,
    /// Adaptive clipping (`None`: C fixed at `clip_norm`). σ (given or
    /// calibrated) is then the multiplier of the whole step, count included.
    pub adaptive: Option<AdaptiveClipping>,
}

impl PrivacyPlan {
    /// Derives the plan for `training.batch_size = expected_batch` (N public,
    /// no cap); also returns warnings for the user.
    pub fn derive(
        req: &PrivacyRequest,
        dataset_size: usize,
        expected_batch: f64,
        steps: u64,
    ) -> Result<(PrivacyPlan, Vec<String>)> {
        Self::derive_sampled(
            req,
            dataset_size,
            &SamplingSpec::batch_size(expected_batch),
            steps,
        )
    }

    /// Derives the plan for any [`SamplingSpec`]: a batch size (q = B/N) or a
    /// sampling rate with a public size N₀ (q given, nothing derived from N),
    /// with or without a cap (truncated Poisson, accounted in δ).
    pub fn derive_sampled(
        req: &PrivacyRequest,
        dataset_size: usize,
        sampling: &SamplingSpec,
        steps: u64,
    ) -> Result<(PrivacyPlan, Vec<String>)> {
        if dataset_size == 0 {
            return Err(Error::InvalidInput("the training set is empty".into()));
        }
        sampling.validate()?;
        // The size every privacy number is computed from: N₀ when declared.
        let public_n = sampling.public_size().unwrap_or(dataset_size);
        let n = public_n as f64;
        if let SamplingRequest::BatchSize(expected_batch) = sampling.request {
            if expected_batch > n {
                return Err(Error::InvalidInput(format!(
                    "training.batch_size: {expected_batch} exceeds the dataset size {dataset_size} (q would exceed 1)"
                )));
            }
        }
        if let (Some(n0), Some(_)) = (sampling.public_size(), sampling.max_batch) {
            // The truncation bound covers datasets of at most N₀ examples (and
            // their neighbours); a larger one is refused before any release.
            if dataset_size > n0 {
                return Err(Error::InvalidInput(format!(
                    "training.public_dataset_size = {n0} must bound the training set's size \
                     when training.max_batch_size is set (the cap's accounting assumes at \
                     most N₀ examples); the training set is larger"
                )));
            }
        }
        if req.adaptive.is_some() && !req.enabled {
            return Err(Error::InvalidInput(
                "privacy.adaptive_clipping needs privacy.enabled = true".into(),
            ));
        }
        if req.adaptive.is_some() && req.noise != NoiseRequest::Independent {
            return Err(Error::InvalidInput(
                "privacy.adaptive_clipping cannot be combined with privacy.mechanism = \"bandmf\" \
                 (the banded strategy's sensitivity assumes one C for the whole run)"
                    .into(),
            ));
        }
        let bandmf = match req.noise {
            NoiseRequest::Independent => None,
            NoiseRequest::Banded { bands } => {
                if !req.enabled {
                    return Err(Error::InvalidInput(
                        "privacy.mechanism = \"bandmf\" needs privacy.enabled = true".into(),
                    ));
                }
                Some(BandMfPlan::derive(bands, steps)?)
            }
        };
        if bandmf.is_some() && sampling.max_batch.is_some() {
            return Err(Error::InvalidInput(
                "training.max_batch_size is not supported with privacy.mechanism = \"bandmf\" \
                 (its accounting counts cycles, the truncation bound counts steps); remove \
                 the cap"
                    .into(),
            ));
        }
        let q = match (sampling.request, &bandmf) {
            // The rate within a partition (BandMF) or over the data (DP-SGD).
            (SamplingRequest::Rate { q, .. }, _) => q,
            (SamplingRequest::BatchSize(expected_batch), None) => expected_batch / n,
            (SamplingRequest::BatchSize(expected_batch), Some(b)) => {
                partition_sampling_prob(expected_batch, dataset_size as u64, b.partitions).map_err(
                    |e| match e {
                        Error::InvalidInput(m) => Error::InvalidInput(format!(
                            "training.batch_size with privacy.bands = {}: {m}",
                            b.partitions
                        )),
                        e => e,
                    },
                )?
            }
        };
        let overflow = sampling.overflow(public_n, q)?;
        // Compositions of the accounted event: one per cycle of k steps.
        let cycle = bandmf.as_ref().map_or(1, |b| b.partitions);
        let events_steps = compositions(steps, cycle)?;
        let mut warnings = Vec::new();
        let private = if req.enabled {
            // (ε, δ)-DP with δ ≥ 1/N is met by a mechanism that publishes one
            // random example outright (Dwork & Roth 2014, §2.3): refuse it
            // unless the user explicitly accepts that.
            if req.delta >= 1.0 / n {
                let size = match sampling.public_size() {
                    Some(_) => "1/N₀ (training.public_dataset_size)",
                    None => "1/N",
                };
                let msg = format!(
                    "privacy.delta = {} is not below {size} = {:.3e}: such a δ allows releasing \
                     an example outright; use δ ≪ 1/N",
                    req.delta,
                    1.0 / n
                );
                if !req.allow_large_delta {
                    return Err(Error::InvalidInput(format!(
                        "{msg} (or set privacy.allow_large_delta = true)"
                    )));
                }
                warnings.push(msg);
            }
            let sigma = match (req.noise_multiplier, req.target_epsilon) {
                (Some(s), _) => s,
                (None, Some(eps)) => calibrate_sigma_truncated(
                    req.accountant,
                    eps,
                    &req.prior,
                    q,
                    events_steps,
                    req.delta,
                    overflow,
                )
                .map_err(|e| cap_context(e, sampling))?,
                (None, None) => {
                    return Err(Error::InvalidInput(
                        "privacy: give noise_multiplier or target_epsilon".into(),
                    ))
                }
            };
            if let (Some(target), false) = (req.target_epsilon, req.prior.is_empty()) {
                // The release before training happens whatever the guard says
                // later: refuse a plan in which it and one step do not fit.
                let mut first = req.prior.clone();
                first.push(PoissonGaussianEvent::new(q, sigma, 1)?.with_overflow(overflow)?);
                let eps = epsilon_of(req.accountant, &first, req.delta)?;
                if eps > target {
                    return Err(Error::InvalidInput(format!(
                        "the release before training (privacy.centering_noise_multiplier) and \
                         one DP-SGD step spend epsilon {eps:.4} > the target {target}: raise \
                         the centring noise"
                    )));
                }
            }
            if let Some(a) = &req.adaptive {
                // The count's share of σ must leave the gradient some noise.
                a.gradient_noise_multiplier(sigma)?;
            }
            let mut events = req.prior.clone();
            events
                .push(PoissonGaussianEvent::new(q, sigma, events_steps)?.with_overflow(overflow)?);
            let planned = epsilon_of(req.accountant, &events, req.delta)
                .map_err(|e| cap_context(e, sampling))?;
            if let Some(target) = req.target_epsilon {
                if planned > target * (1.0 + 1e-9) {
                    warnings.push(format!(
                        "with σ = {sigma} the {steps} planned steps would spend ε = {planned:.4} > \
                         target {target}: training will stop early, when the budget is reached"
                    ));
                }
            }
            Some(PrivateParams {
                clip_norm: req.clip_norm,
                clip_mode: req.clip_mode,
                sigma,
                delta: req.delta,
                accountant: req.accountant,
                epsilon_budget: req.target_epsilon,
                planned_epsilon: planned,
                prior: req.prior.clone(),
                adaptive: req.adaptive,
            })
        } else {
            None
        };
        Ok((
            PrivacyPlan {
                dataset_size,
                q,
                steps,
                private,
                bandmf,
                public_size: sampling.public_size(),
                max_batch: sampling.max_batch,
                overflow,
            },
            warnings,
        ))
    }

    /// q·N, the divisor of the noisy sum (BandMF: q·⌊N/k⌋); with
    /// `training.sampling_rate` q·N₀ (q·⌊N₀/k⌋), a constant that does not
    /// depend on the training set.
    pub fn expected_batch(&self) -> f64 {
        self.q * self.sampled_population() as f64
    }

    /// The public size of the population each step samples from at rate q:
    /// N (or N₀ when declared), or ⌊N/k⌋ (⌊N₀/k⌋), the public size of a
    /// partition, for BandMF.
    pub fn sampled_population(&self) -> usize {
        let n = self.public_size.unwrap_or(self.dataset_size);
        match &self.bandmf {
            None => n,
            Some(b) => n / b.partitions,
        }
    }

    /// Epochs after `steps` steps, in public numbers: steps·q·N/N (steps·q
    /// with a sampling rate; BandMF: over the partition's public size).
    pub fn epochs_after(&self, steps: u64) -> f64 {
        let n = self.public_size.unwrap_or(self.dataset_size) as f64;
        steps as f64 * self.expected_batch() / n
    }

    /// Steps per accounted composition: k for BandMF, 1 for DP-SGD.
    pub fn cycle(&self) -> u64 {
        self.bandmf.as_ref().map_or(1, |b| b.partitions as u64)
    }

    /// Compositions the ledger holds after `steps` steps: ⌈steps / k⌉.
    pub fn compositions_after(&self, steps: u64) -> u64 {
        steps.div_ceil(self.cycle())
    }

    /// The mechanism of every step (`None`: non-private), computing norms
    /// and clipped sums with `method`: C and the clipping mode as requested,
    /// σ as given or calibrated, divided by q·N. With adaptive clipping C is
    /// a runtime input (the initial C is `clip_norm`) and the mechanism's σ
    /// is the gradient's σ_Δ, while the accountant composes σ.
    pub fn mechanism(&self, method: ClipMethod) -> Result<Option<DpMechanism>> {
        self.private
            .as_ref()
            .map(|p| {
                let mut clipping = Clipping::new(p.clip_norm, p.clip_mode, method)?;
                clipping = match self.coupled_examples() {
                    Some(m) => clipping.with_coupled_examples(m),
                    None => clipping.with_unbounded_batch(),
                };
                if p.adaptive.is_some() {
                    clipping = clipping.with_runtime_norm();
                }
                let m = DpMechanism::new(clipping, p.gradient_sigma()?, self.expected_batch())?;
                match &self.bandmf {
                    None => Ok(m),
                    Some(b) => m.with_strategy_sensitivity(b.sensitivity),
                }
            })
            .transpose()
    }

    /// The most examples besides one added or removed that a logical batch
    /// can hold, from public numbers only: the cap, else N (the larger
    /// neighbour has N + 1 examples). `None` with a sampling rate and no
    /// cap: |D| is not public there, and the programs must not depend on it
    /// (`Clipping::coupled_examples`, `dp::float_bound`).
    pub fn coupled_examples(&self) -> Option<usize> {
        match (self.max_batch, self.public_size) {
            (Some(cap), _) => Some(cap),
            (None, None) => Some(self.dataset_size),
            (None, Some(_)) => None,
        }
    }

    /// The event one composition adds (`steps` = 1), whatever the step.
    pub fn composition_event(&self) -> Option<PoissonGaussianEvent> {
        self.private.as_ref().map(|p| PoissonGaussianEvent {
            q: self.q,
            sigma: p.sigma,
            steps: 1,
            overflow: self.overflow,
        })
    }

    /// The accountant event that running step `step` (0-based) adds: one
    /// composition for DP-SGD; for BandMF one at the first step of each cycle
    /// (`step` ≡ 0 mod k) and none otherwise, since partition 0, sampled at
    /// those steps, participates most (⌈n/k⌉ times) and the reduction
    /// accounts exactly that (`bandmf::accounting`).
    pub fn step_event(&self, step: u64) -> Option<PoissonGaussianEvent> {
        if step.is_multiple_of(self.cycle()) {
            self.composition_event()
        } else {
            None
        }
    }
}

/// Names the cap in an error that the truncation's share of δ caused.
fn cap_context(e: Error, sampling: &SamplingSpec) -> Error {
    match (e, sampling.max_batch) {
        (Error::InvalidInput(m), Some(cap)) => {
            Error::InvalidInput(format!("training.max_batch_size = {cap}: {m}"))
        }
        (e, _) => e,
    }
}

impl BandMfPlan {
    /// Optimises the `bands`-banded Toeplitz strategy for `steps` steps (mean
    /// squared prefix-sum error, Choquette-Choo et al. 2023; McKenna 2024) on
    /// the host, with k = `bands` partitions.
    pub fn derive(bands: usize, steps: u64) -> Result<BandMfPlan> {
        let n = usize::try_from(steps)
            .map_err(|_| Error::InvalidInput(format!("{steps} steps do not fit in usize")))?;
        if bands == 0 || bands as u64 > steps {
            return Err(Error::InvalidInput(format!(
                "privacy.bands must be in 1..={steps} (the run's steps), got {bands}"
            )));
        }
        let strategy =
            optimize_banded_toeplitz(n, bands, Objective::MeanSquared, OptimizeOptions::default())?;
        let sensitivity = strategy.sensitivity(n)?;
        Ok(BandMfPlan {
            strategy,
            partitions: bands,
            sensitivity,
        })
    }
}
