//! The accountant object the trainer holds: the list of events composed so far (its
//! whole, serializable state) and the chosen method.
//!
//! The state is the event list, not a running ε: recomputing from events is exact,
//! works for any mix of σ and q (a resumed or re-scheduled run), and makes a
//! checkpoint a few bytes of JSON.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::event::{validate_delta, validate_epsilon, PoissonGaussianEvent};
use super::pld::{self, PldOptions};
use super::rdp;
use super::truncation;
use crate::error::{Error, Result};

/// Which accountant computes ε.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AccountantKind {
    /// Rényi DP over dp-accounting's default orders (fast, slightly loose).
    #[default]
    Rdp,
    /// Privacy loss distribution (tight, pessimistic discretisation).
    Pld,
}

impl FromStr for AccountantKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "rdp" => Ok(AccountantKind::Rdp),
            "pld" => Ok(AccountantKind::Pld),
            _ => Err(Error::InvalidInput(format!(
                "unknown accountant {s:?} (expected rdp or pld)"
            ))),
        }
    }
}

impl fmt::Display for AccountantKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AccountantKind::Rdp => "rdp",
            AccountantKind::Pld => "pld",
        })
    }
}

/// Everything needed to resume accounting: save it with a checkpoint.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AccountantState {
    pub kind: AccountantKind,
    /// Events in the order they happened; consecutive steps of the same mechanism are
    /// merged into one event.
    pub events: Vec<PoissonGaussianEvent>,
}

/// A privacy accountant for DP-SGD with Poisson sampling.
#[derive(Clone, Debug)]
pub struct PrivacyAccountant {
    state: AccountantState,
    orders: Vec<f64>,
    /// RDP of all events so far, per order (kept current for `Rdp`).
    rdp_total: Vec<f64>,
    /// Per-step RDP of the most recent mechanism, so `step` is O(#orders).
    last_rdp: Option<(PoissonGaussianEvent, Vec<f64>)>,
    pld_options: PldOptions,
}

impl PrivacyAccountant {
    /// A fresh accountant (RDP over dp-accounting's default orders, or PLD).
    pub fn new(kind: AccountantKind) -> Self {
        Self::with_orders(kind, rdp::default_orders())
    }

    /// RDP over a caller-chosen set of orders (each > 1).
    pub fn with_orders(kind: AccountantKind, orders: Vec<f64>) -> Self {
        let n = orders.len();
        PrivacyAccountant {
            state: AccountantState {
                kind,
                events: Vec::new(),
            },
            orders,
            rdp_total: vec![0.0; n],
            last_rdp: None,
            pld_options: PldOptions::default(),
        }
    }

    /// Changes the PLD grid / tail settings.
    pub fn with_pld_options(mut self, opts: PldOptions) -> Self {
        self.pld_options = opts;
        self
    }

    /// Restores an accountant from a checkpointed state (validating every event).
    pub fn from_state(state: AccountantState) -> Result<Self> {
        let mut acc = PrivacyAccountant::new(state.kind);
        for ev in state.events {
            acc.compose(ev)?;
        }
        Ok(acc)
    }

    pub fn state(&self) -> &AccountantState {
        &self.state
    }

    pub fn kind(&self) -> AccountantKind {
        self.state.kind
    }

    pub fn orders(&self) -> &[f64] {
        &self.orders
    }

    /// Total number of steps composed.
    pub fn steps(&self) -> u64 {
        self.state.events.iter().map(|e| e.steps).sum()
    }

    /// Records one step with sampling probability `q` and noise multiplier `sigma`.
    pub fn step(&mut self, q: f64, sigma: f64) -> Result<()> {
        self.compose(PoissonGaussianEvent::new(q, sigma, 1)?)
    }

    /// Records `ev.steps` steps of one mechanism.
    pub fn compose(&mut self, ev: PoissonGaussianEvent) -> Result<()> {
        ev.validate()?;
        if self.state.kind == AccountantKind::Rdp {
            let cached = matches!(&self.last_rdp, Some((last, _)) if last.same_mechanism(&ev));
            if !cached {
                self.last_rdp = Some((ev, rdp_vector(ev.q, ev.sigma, &self.orders)));
            }
            if let Some((_, per_step)) = &self.last_rdp {
                for (t, r) in self.rdp_total.iter_mut().zip(per_step) {
                    *t += r * ev.steps as f64;
                }
            }
        }
        match self.state.events.last_mut() {
            Some(last) if last.same_mechanism(&ev) => last.steps += ev.steps,
            _ => self.state.events.push(ev),
        }
        Ok(())
    }

    /// Composed RDP per order (see [`Self::orders`]); zeros for a PLD accountant.
    pub fn rdp(&self) -> &[f64] {
        &self.rdp_total
    }

    /// The ε at which the run so far is (ε, δ)-DP. 0 before any step.
    ///
    /// PLD returns the smaller of its own bound and RDP's: both are valid upper
    /// bounds for the same mechanism, and where the FFT size cap forces a grid
    /// coarser than one step's loss (e.g. 10⁹ steps) the pessimistic
    /// discretisation can be far looser than RDP; PLD is never looser than RDP.
    /// A value that cannot be computed (∞ or NaN) is an error, never a silent ∞.
    pub fn epsilon(&self, delta: f64) -> Result<f64> {
        let eps = self.epsilon_bound(delta)?;
        let eta = self.truncation_tv();
        if !eps.is_finite() && eta > 0.0 {
            return Err(Error::InvalidInput(format!(
                "ε at δ = {delta} cannot be met: the batch cap (training.max_batch_size) \
                 truncates some step with probability {eta:.3e}, and (1 + e^ε) times that \
                 leaves no room in δ; raise the cap"
            )));
        }
        if !eps.is_finite() {
            return Err(Error::InvalidInput(format!(
                "ε at δ = {delta} cannot be computed for {:?} (the {} accountant gives {eps}); \
                 the noise is too small for a finite bound",
                self.state.events, self.state.kind
            )));
        }
        Ok(eps)
    }

    /// [`Self::epsilon`] without the finiteness check (+∞ where no finite bound
    /// was found): for searches such as calibration, where ∞ just means "over".
    ///
    /// With truncated batches (events with `overflow` > 0) it is the smallest ε
    /// with δ_untruncated(ε) + (1 + e^ε)·η ≤ δ (`truncation`).
    pub fn epsilon_bound(&self, delta: f64) -> Result<f64> {
        validate_delta(delta)?;
        if self.state.events.is_empty() {
            return Ok(0.0);
        }
        truncation::epsilon_with_truncation(delta, self.truncation_tv(), |d| {
            self.untruncated_epsilon(d)
        })
    }

    /// η: the probability that some step so far had its batch truncated (0
    /// without a cap); its cost (1 + e^ε)·η is part of δ.
    pub fn truncation_tv(&self) -> f64 {
        truncation::total_variation(self.state.events.iter().map(|e| (e.overflow, e.steps)))
    }

    /// ε of the same steps without truncation, at `delta`.
    fn untruncated_epsilon(&self, delta: f64) -> Result<f64> {
        validate_delta(delta)?;
        Ok(match self.state.kind {
            AccountantKind::Rdp => rdp::epsilon_from_rdp(&self.orders, &self.rdp_total, delta).0,
            AccountantKind::Pld => {
                let by_rdp = rdp::epsilon_from_rdp(&self.orders, &self.composed_rdp(), delta).0;
                let by_pld = pld::epsilon(&self.state.events, delta, &self.pld_options);
                if by_pld.is_nan() {
                    by_rdp
                } else {
                    by_pld.min(by_rdp)
                }
            }
        }
        .max(0.0))
    }

    /// The δ at which the run so far is (ε, δ)-DP (for PLD, the smaller of the
    /// PLD and RDP bounds, as in [`Self::epsilon`]).
    pub fn delta(&self, epsilon: f64) -> Result<f64> {
        validate_epsilon(epsilon, true)?;
        if self.state.events.is_empty() {
            return Ok(0.0);
        }
        let d = match self.state.kind {
            AccountantKind::Rdp => rdp::delta_from_rdp(&self.orders, &self.rdp_total, epsilon).0,
            AccountantKind::Pld => {
                let by_rdp = rdp::delta_from_rdp(&self.orders, &self.composed_rdp(), epsilon).0;
                let by_pld = pld::delta(&self.state.events, epsilon, &self.pld_options);
                if by_pld.is_nan() {
                    by_rdp
                } else {
                    by_pld.min(by_rdp)
                }
            }
        };
        if d.is_nan() {
            return Err(Error::InvalidInput(format!(
                "δ at ε = {epsilon} cannot be computed for {:?}",
                self.state.events
            )));
        }
        Ok(truncation::delta_with_truncation(
            d,
            epsilon,
            self.truncation_tv(),
        ))
    }

    /// RDP of all events at every order, computed from the event list (the
    /// running total is only kept for an RDP accountant).
    fn composed_rdp(&self) -> Vec<f64> {
        if self.state.kind == AccountantKind::Rdp {
            return self.rdp_total.clone();
        }
        let mut total = vec![0.0; self.orders.len()];
        for ev in &self.state.events {
            for (t, r) in total
                .iter_mut()
                .zip(rdp_vector(ev.q, ev.sigma, &self.orders))
            {
                *t += r * ev.steps as f64;
            }
        }
        total
    }
}

/// Per-step RDP of one mechanism at every order.
pub fn rdp_vector(q: f64, sigma: f64, orders: &[f64]) -> Vec<f64> {
    orders
        .iter()
        .map(|&a| rdp::rdp_one_step(q, sigma, a))
        .collect()
}

/// ε of `events` in one call (no accountant object): the CLI's and calibration's path.
pub fn epsilon_of(
    kind: AccountantKind,
    events: &[PoissonGaussianEvent],
    delta: f64,
) -> Result<f64> {
    epsilon_with(kind, events, delta, &PldOptions::default())
}

/// [`epsilon_of`] with explicit PLD options (ignored for RDP).
pub fn epsilon_with(
    kind: AccountantKind,
    events: &[PoissonGaussianEvent],
    delta: f64,
    opts: &PldOptions,
) -> Result<f64> {
    composed(kind, events, opts)?.epsilon(delta)
}

/// [`epsilon_with`] that returns +∞ instead of an error where no finite bound
/// exists (calibration searches treat it as "over budget").
pub fn epsilon_bound_with(
    kind: AccountantKind,
    events: &[PoissonGaussianEvent],
    delta: f64,
    opts: &PldOptions,
) -> Result<f64> {
    composed(kind, events, opts)?.epsilon_bound(delta)
}

/// An accountant of `kind` that has composed `events`.
fn composed(
    kind: AccountantKind,
    events: &[PoissonGaussianEvent],
    opts: &PldOptions,
) -> Result<PrivacyAccountant> {
    let mut acc = PrivacyAccountant::new(kind).with_pld_options(*opts);
    for ev in events {
        acc.compose(*ev)?;
    }
    Ok(acc)
}
