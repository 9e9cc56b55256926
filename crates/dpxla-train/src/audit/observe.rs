//! The white-box observer: after every step it recovers the noisy gradient
//! the optimiser was given, at the canaries' coordinates, from the state the
//! engine exposes (the threat model of the DP-SGD analysis: every noisy
//! update is public), and sums it (or a per-step log-likelihood ratio of
//! it, [`Score`]) per canary into the canary's score.
//!
//! The recovery is exact algebra on the optimiser's update (see
//! `optim::Optimizer::update`), with g the noisy average the apply step fed
//! to it:
//! - SGD without momentum: θ' = θ − lr·(g + wd·θ), so g = (θ − θ')/lr − wd·θ
//!   (a step with lr = 0 reveals nothing and is skipped);
//! - SGD with momentum (heavy-ball or Nesterov): m' = μ·m + g + wd·θ, so
//!   g = m' − μ·m − wd·θ;
//! - AdamW: μ' = b1·μ + (1 − b1)·g, so g = (μ' − b1·μ)/(1 − b1).

use super::canary::Coordinate;
use crate::train::engine::HostState;
use crate::{Error, Result};
use dpxla_core::array::ArrayData;
use dpxla_nn::optim::Optimizer;

/// How the gradient is read back from the state.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Recovery {
    ParamDiff { wd: f64 },
    Momentum { mu: f64, wd: f64 },
    AdamFirstMoment { b1: f64 },
}

impl Recovery {
    /// The recovery for `optimizer`'s update rule.
    pub(crate) fn of(optimizer: &Optimizer) -> Recovery {
        match *optimizer {
            Optimizer::Sgd {
                momentum: 0.0,
                weight_decay,
                ..
            } => Recovery::ParamDiff { wd: weight_decay },
            Optimizer::Sgd {
                momentum,
                weight_decay,
                ..
            } => Recovery::Momentum {
                mu: momentum,
                wd: weight_decay,
            },
            Optimizer::Adamw { b1, .. } => Recovery::AdamFirstMoment { b1 },
        }
    }

    /// One coordinate of the noisy gradient from its parameter and first
    /// slot before (`p0`, `s0`) and after (`p1`, `s1`) the step; None when
    /// a step with lr = 0 hides it.
    pub(crate) fn gradient(self, p0: f64, p1: f64, s0: f64, s1: f64, lr: f64) -> Option<f64> {
        match self {
            Recovery::ParamDiff { wd } => (lr > 0.0).then(|| (p0 - p1) / lr - wd * p0),
            Recovery::Momentum { mu, wd } => Some(s1 - mu * s0 - wd * p0),
            Recovery::AdamFirstMoment { b1 } => Some((s1 - b1 * s0) / (1.0 - b1)),
        }
    }
}

/// What a step adds to a canary's score, from x, the canary's coordinate of
/// the step's noisy gradient. Both use only the observed updates and public
/// constants, so either is a valid guesser for the theorem.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Score {
    /// x itself: the score is the noisy gradient summed over steps (the
    /// issue's and the paper's white-box score).
    Sum,
    /// ln[(1 − q) + q·exp((μx − μ²/2)/s²)]: the log-likelihood ratio of
    /// "a member" (x ~ (1 − q)·N(0, s²) + q·N(μ, s²), sampled with rate q) to
    /// "not a member" (x ~ N(0, s²)), the optimal per-step test for a
    /// Poisson-subsampled Gaussian when the real gradients' share of the
    /// coordinate is negligible. μ = canary norm / (q·N), s = σC / (q·N),
    /// with the configured σ (what the claim is for).
    LikelihoodRatio { q: f64, shift: f64, std: f64 },
}

impl Score {
    /// The step's contribution for the observed projection `x`.
    pub fn of(self, x: f64) -> f64 {
        match self {
            Score::Sum => x,
            Score::LikelihoodRatio { q, shift, std } => {
                let z = (shift * x - 0.5 * shift * shift) / (std * std);
                // ln((1 − q) + q·e^z) without overflow.
                let (a, b) = ((1.0 - q).ln(), q.ln() + z);
                let (hi, lo) = if a > b { (a, b) } else { (b, a) };
                hi + (lo - hi).exp().ln_1p()
            }
        }
    }
}

/// The values at the canaries' coordinates of one state.
struct Snapshot {
    params: Vec<f64>,
    /// The first optimiser slot (momentum or Adam's μ); empty without slots.
    slot: Vec<f64>,
}

/// Sums each canary's recovered noisy gradient over the steps.
pub struct Observer {
    recovery: Recovery,
    score: Score,
    coords: Vec<Coordinate>,
    /// Trainable index → index into all parameters.
    trainable: Vec<usize>,
    slots_per_param: usize,
    prev: Snapshot,
    scores: Vec<f64>,
    skipped: u64,
}

impl Observer {
    /// Starts observing from `initial` (the state before the first step).
    pub fn new(
        optimizer: &Optimizer,
        score: Score,
        coords: Vec<Coordinate>,
        trainable: Vec<usize>,
        initial: &HostState,
    ) -> Result<Observer> {
        let recovery = Recovery::of(optimizer);
        let mut o = Observer {
            recovery,
            score,
            scores: vec![0.0; coords.len()],
            coords,
            trainable,
            slots_per_param: optimizer.slots().len(),
            prev: Snapshot {
                params: Vec::new(),
                slot: Vec::new(),
            },
            skipped: 0,
        };
        o.prev = o.snapshot(initial)?;
        Ok(o)
    }

    fn snapshot(&self, state: &HostState) -> Result<Snapshot> {
        let read = |a: &dpxla_core::array::HostArray, off: usize| -> Result<f64> {
            match &a.data {
                ArrayData::F32(v) => v.get(off).map(|&x| x as f64).ok_or_else(|| {
                    Error::Internal(format!("canary offset {off} outside a state array"))
                }),
                _ => Err(Error::Internal("audit needs f32 parameters".into())),
            }
        };
        let mut params = Vec::with_capacity(self.coords.len());
        let mut slot = Vec::new();
        for c in &self.coords {
            let p = state
                .params
                .get(self.trainable[c.tensor])
                .ok_or_else(|| Error::Internal("state lacks a trainable parameter".into()))?;
            params.push(read(p, c.offset)?);
            if self.slots_per_param > 0 {
                let s = state
                    .slots
                    .get(c.tensor * self.slots_per_param)
                    .ok_or_else(|| Error::Internal("state lacks an optimiser slot".into()))?;
                slot.push(read(s, c.offset)?);
            }
        }
        Ok(Snapshot { params, slot })
    }

    /// Adds the noisy gradient of the step that produced `after` (with
    /// learning rate `lr`) to the scores. `known`, when given, is per canary
    /// the real examples' share of its coordinate of that gradient (their
    /// clipped sum / (q·N)), which is then subtracted: see
    /// [`super::run::AuditOptions::known_batch`].
    pub fn observe(&mut self, after: &HostState, lr: f64, known: Option<&[f64]>) -> Result<()> {
        let now = self.snapshot(after)?;
        if known.is_some_and(|k| k.len() != self.scores.len()) {
            return Err(Error::Internal("one known share per canary needed".into()));
        }
        let prev = &self.prev;
        let slot = |s: &[f64], j: usize| s.get(j).copied().unwrap_or(0.0);
        let grad = |j: usize| -> Option<f64> {
            let g = self.recovery.gradient(
                prev.params[j],
                now.params[j],
                slot(&prev.slot, j),
                slot(&now.slot, j),
                lr,
            );
            g.map(|g| g - known.map_or(0.0, |k| k[j]))
        };
        let mut seen = true;
        for j in 0..self.scores.len() {
            match grad(j) {
                Some(g) => self.scores[j] += self.score.of(g),
                None => seen = false,
            }
        }
        if !seen {
            self.skipped += 1;
        }
        self.prev = now;
        Ok(())
    }

    /// Σ over the observed steps of each canary's per-step score: an included
    /// canary adds its norm / (q·N) to its coordinate of the noisy gradient
    /// in each step it is sampled, so members score higher.
    pub fn scores(&self) -> &[f64] {
        &self.scores
    }

    /// Steps whose gradient could not be recovered (learning rate 0).
    pub fn skipped_steps(&self) -> u64 {
        self.skipped
    }
}
