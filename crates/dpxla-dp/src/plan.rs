//! `PrivacyPlan`: the one place where every privacy-relevant number of a run is
//! derived from the configuration and the dataset size: q = batch/N, the number
//! of steps, σ (given, or calibrated to a target ε), C, δ and the accountant.
//! The engine and the loop take their privacy parameters from here only.

use super::accountant::{calibrate_sigma_after, epsilon_of, AccountantKind, PoissonGaussianEvent};
use super::clip::{ClipMethod, ClipMode, Clipping};
use super::mechanism::DpMechanism;
use dpxla_core::{Error, Result};

#[derive(Clone, Debug, PartialEq)]
pub struct PrivacyPlan {
    /// Dataset size N (the neighbouring relation is add/remove one of these).
    pub dataset_size: usize,
    /// Poisson sampling rate q = expected batch / N.
    pub q: f64,
    pub steps: u64,
    /// `None` for a non-private run.
    pub private: Option<PrivateParams>,
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
}

impl PrivacyPlan {
    /// Derives the plan; also returns warnings for the user.
    pub fn derive(
        req: &PrivacyRequest,
        dataset_size: usize,
        expected_batch: f64,
        steps: u64,
    ) -> Result<(PrivacyPlan, Vec<String>)> {
        if dataset_size == 0 {
            return Err(Error::InvalidInput("the training set is empty".into()));
        }
        let n = dataset_size as f64;
        if expected_batch > n {
            return Err(Error::InvalidInput(format!(
                "training.batch_size: {expected_batch} exceeds the dataset size {dataset_size} (q would exceed 1)"
            )));
        }
        let q = expected_batch / n;
        let mut warnings = Vec::new();
        let private = if req.enabled {
            // (ε, δ)-DP with δ ≥ 1/N is met by a mechanism that publishes one
            // random example outright (Dwork & Roth 2014, §2.3): refuse it
            // unless the user explicitly accepts that.
            if req.delta >= 1.0 / n {
                let msg = format!(
                    "privacy.delta = {} is not below 1/N = {:.3e}: such a δ allows releasing an \
                     example outright; use δ ≪ 1/N",
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
                (None, Some(eps)) => {
                    calibrate_sigma_after(req.accountant, eps, &req.prior, q, steps, req.delta)?
                }
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
                first.push(PoissonGaussianEvent::new(q, sigma, 1)?);
                let eps = epsilon_of(req.accountant, &first, req.delta)?;
                if eps > target {
                    return Err(Error::InvalidInput(format!(
                        "the release before training (privacy.centering_noise_multiplier) and \
                         one DP-SGD step spend epsilon {eps:.4} > the target {target}: raise \
                         the centring noise"
                    )));
                }
            }
            let mut events = req.prior.clone();
            events.push(PoissonGaussianEvent::new(q, sigma, steps)?);
            let planned = epsilon_of(req.accountant, &events, req.delta)?;
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
            },
            warnings,
        ))
    }

    /// q·N, the divisor of the noisy sum.
    pub fn expected_batch(&self) -> f64 {
        self.q * self.dataset_size as f64
    }

    /// The mechanism of every step (`None`: non-private), computing norms
    /// and clipped sums with `method`: C and the clipping mode as requested,
    /// σ as given or calibrated, divided by q·N.
    pub fn mechanism(&self, method: ClipMethod) -> Result<Option<DpMechanism>> {
        self.private
            .as_ref()
            .map(|p| {
                let clipping = Clipping::new(p.clip_norm, p.clip_mode, method)?;
                DpMechanism::new(clipping, p.sigma, self.expected_batch())
            })
            .transpose()
    }

    /// The accountant event of one step.
    pub fn step_event(&self) -> Option<PoissonGaussianEvent> {
        self.private.as_ref().map(|p| PoissonGaussianEvent {
            q: self.q,
            sigma: p.sigma,
            steps: 1,
        })
    }
}
