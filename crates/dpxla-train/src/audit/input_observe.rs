//! The white-box observer of input canaries ([`super::input_canary`]).
//!
//! Before each step it asks the audited engine, at the current (public)
//! parameters, what each canary alone would add to the clipped sum: the
//! canary's batch through the accumulate program, the accumulators read
//! back and zeroed again (nothing private enters: the canary's input and
//! the parameters are the auditor's). Only the direction u_j of that
//! contribution a_j is used to score, and |a_j| as the expected shift of
//! the LLR score. After the step it recovers the whole noisy gradient g
//! from the state (as [`super::observe`] does at single coordinates),
//! subtracts the real examples' known share when given, and adds
//! Score(⟨g, u_j⟩) to canary j's score: a member sampled in this step moves
//! g by a_j/(q·N) along u_j, plus the noise N(0, (σC/(q·N))²) along any
//! unit direction.

use super::input_canary::InputCanaries;
use super::observe::{Recovery, Score};
use crate::train::engine::{Engine, HostState};
use crate::{Error, Result};
use dpxla_core::array::HostArray;
use dpxla_nn::optim::Optimizer;

/// The most memory the per-step canary directions may take (f32).
const MAX_DIRECTION_BYTES: usize = 2 << 30;

/// Sums each input canary's projected noisy gradient over the steps.
pub struct InputObserver {
    recovery: Recovery,
    trainable: Vec<usize>,
    slots_per_param: usize,
    /// Poisson rate, noise std of the noisy average, and q·N.
    q: f64,
    std: f64,
    expected: f64,
    llr: bool,
    prev: (Vec<f64>, Vec<f64>),
    directions: Vec<Vec<f32>>,
    norms: Vec<f64>,
    scores: Vec<f64>,
    skipped: u64,
    norm_sum: f64,
    norm_count: u64,
}

/// All trainable tensors of `arrays` flattened in order.
fn flat(arrays: &[&HostArray]) -> Vec<f64> {
    arrays.iter().flat_map(|a| a.to_f64()).collect()
}

impl InputObserver {
    /// Starts from `initial`; `llr` picks the log-likelihood-ratio score
    /// (else the plain sum), with the run's q, noise std σC/(q·N) and q·N.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        optimizer: &Optimizer,
        trainable: Vec<usize>,
        m: usize,
        trainable_elements: usize,
        llr: bool,
        (q, std, expected): (f64, f64, f64),
        initial: &HostState,
    ) -> Result<InputObserver> {
        if m.saturating_mul(trainable_elements).saturating_mul(4) > MAX_DIRECTION_BYTES {
            return Err(Error::InvalidInput(format!(
                "input canaries keep m × trainable parameters f32 directions: {m} × \
                 {trainable_elements} exceeds 2 GiB; use fewer --canaries or freeze layers"
            )));
        }
        let mut o = InputObserver {
            recovery: Recovery::of(optimizer),
            trainable,
            slots_per_param: optimizer.slots().len(),
            q,
            std,
            expected,
            llr,
            prev: (Vec::new(), Vec::new()),
            directions: Vec::new(),
            norms: Vec::new(),
            scores: vec![0.0; m],
            skipped: 0,
            norm_sum: 0.0,
            norm_count: 0,
        };
        o.prev = o.snapshot(initial)?;
        Ok(o)
    }

    fn snapshot(&self, s: &HostState) -> Result<(Vec<f64>, Vec<f64>)> {
        let params: Vec<&HostArray> = self
            .trainable
            .iter()
            .map(|&i| s.params.get(i))
            .collect::<Option<_>>()
            .ok_or_else(|| Error::Internal("state lacks a trainable parameter".into()))?;
        let slots: Vec<&HostArray> = if self.slots_per_param == 0 {
            Vec::new()
        } else {
            (0..self.trainable.len())
                .map(|t| s.slots.get(t * self.slots_per_param))
                .collect::<Option<_>>()
                .ok_or_else(|| Error::Internal("state lacks an optimiser slot".into()))?
        };
        Ok((flat(&params), flat(&slots)))
    }

    /// Each canary's contribution at the engine's current parameters. The
    /// engine's accumulators must be empty (the start of a logical batch)
    /// and are left empty.
    pub fn prepare_step(&mut self, engine: &mut Engine, canaries: &InputCanaries) -> Result<()> {
        let rows = engine.replicas();
        self.directions.clear();
        self.norms.clear();
        for j in 0..canaries.len() {
            let (images, labels, mask) = canaries.batch(&[j], rows)?;
            engine.accumulate(&images, &labels, &mask)?;
            let accs = engine.accumulators()?;
            engine.reset_accumulators()?;
            let a: Vec<f64> = accs.iter().flat_map(|x| x.to_f64()).collect();
            let norm = a.iter().map(|x| x * x).sum::<f64>().sqrt();
            if !norm.is_finite() {
                return Err(Error::Internal(format!(
                    "input canary {j} has a non-finite gradient; the run diverged"
                )));
            }
            let inv = if norm > 0.0 { 1.0 / norm } else { 0.0 };
            self.directions
                .push(a.iter().map(|&x| (x * inv) as f32).collect());
            self.norms.push(norm);
            self.norm_sum += norm;
            self.norm_count += 1;
        }
        Ok(())
    }

    /// Adds the step that produced `after` (learning rate `lr`) to the
    /// scores; `known` is the real examples' share of the noisy gradient
    /// (their clipped sum / (q·N), flattened) when the observer knows it.
    pub fn observe(&mut self, after: &HostState, lr: f64, known: Option<&[f64]>) -> Result<()> {
        let now = self.snapshot(after)?;
        let (p0, s0) = &self.prev;
        let (p1, s1) = &now;
        let slot = |s: &[f64], i: usize| s.get(i).copied().unwrap_or(0.0);
        let g: Option<Vec<f64>> = (0..p1.len())
            .map(|i| {
                self.recovery
                    .gradient(p0[i], p1[i], slot(s0, i), slot(s1, i), lr)
                    .map(|g| g - known.map_or(0.0, |k| k[i]))
            })
            .collect();
        match g {
            None => self.skipped += 1,
            Some(g) => {
                for (j, u) in self.directions.iter().enumerate() {
                    if self.norms[j] == 0.0 {
                        continue;
                    }
                    let x: f64 = u.iter().zip(&g).map(|(&u, &g)| u as f64 * g).sum();
                    let score = if self.llr {
                        Score::LikelihoodRatio {
                            q: self.q,
                            shift: self.norms[j] / self.expected,
                            std: self.std,
                        }
                    } else {
                        Score::Sum
                    };
                    self.scores[j] += score.of(x);
                }
            }
        }
        self.prev = now;
        Ok(())
    }

    /// Σ over the observed steps of each canary's per-step score.
    pub fn scores(&self) -> &[f64] {
        &self.scores
    }

    /// Steps whose gradient could not be recovered (learning rate 0).
    pub fn skipped_steps(&self) -> u64 {
        self.skipped
    }

    /// The mean norm of a canary's contribution to the clipped sum over all
    /// steps (at most C for a correctly clipping engine).
    pub fn mean_contribution(&self) -> f64 {
        self.norm_sum / self.norm_count.max(1) as f64
    }
}
