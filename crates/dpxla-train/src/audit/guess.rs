//! The auditor's guesses: the k highest-scoring canaries are guessed "in",
//! the k lowest "out", the rest abstain (r = 2k guesses), and the correct
//! ones are counted against the secret inclusion bits.
//!
//! Several k may be tried: each is then tested at level (1 − confidence)/G
//! for G values of k (a union bound), so the best of them is still a lower
//! bound with the stated confidence. Theorem 3 of arXiv:2305.08846 holds
//! for a fixed number of guesses r chosen before seeing the scores; picking
//! the best k without this correction would overstate the confidence.
//!
//! The same (r, v) of each k is analysed three ways (each number holds at
//! the stated confidence on its own, not jointly with the others):
//! Steinke et al.'s ε ([`super::bound`]); the f-DP test of Mahloujifar,
//! Melis & Chaudhuri 2024 against the (ε, δ) curve, a lower bound on ε at
//! δ for any mechanism; and the same test against Gaussian curves G_μ,
//! whose largest rejected μ says "not μ-GDP" and whose ε at δ is a lower
//! bound on ε only for a Gaussian-shaped privacy profile
//! ([`super::fdp_bound`]). With the accountant's own claimed curve given,
//! each k also tests it.

use super::bound::epsilon_lower_bound;
use super::fdp_bound::{approx_dp_epsilon_lower_bound, fdp_epsilon_lower_bound, rejects};
use super::tradeoff::Tradeoff;
use crate::{Error, Result};
use serde::Serialize;

/// The outcome for one k.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GuessResult {
    /// Guesses "in" (top k) and "out" (bottom k) each.
    pub k: usize,
    /// r = 2k.
    pub guesses: usize,
    /// v, the correct guesses.
    pub correct: usize,
    /// Steinke et al.'s ε lower bound from (m, r, v) at the per-k
    /// confidence.
    pub epsilon_lower: f64,
    /// The f-DP test's ε lower bound against (ε, δ) curves (valid for any
    /// mechanism).
    pub fdp_epsilon_lower: f64,
    /// The largest μ whose μ-GDP the f-DP test rejects.
    pub gdp_mu: f64,
    /// ε at δ of μ-GDP with that μ: a lower bound on ε only if the
    /// mechanism's privacy profile is Gaussian-shaped.
    pub gdp_epsilon: f64,
    /// Whether the f-DP test rejects the accountant's claimed curve (None
    /// when no curve was given).
    pub claim_rejected: Option<bool>,
}

/// Canary indices from the lowest to the highest score (ties broken by
/// index, which is independent of the inclusion bits).
fn ranking(scores: &[f64]) -> Result<Vec<usize>> {
    if let Some(j) = scores.iter().position(|s| !s.is_finite()) {
        return Err(Error::Internal(format!(
            "canary {j} has a non-finite score {}; the run diverged",
            scores[j]
        )));
    }
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(a.cmp(&b)));
    Ok(order)
}

/// Correct guesses when the top `k` are guessed in and the bottom `k` out.
pub fn correct_guesses(scores: &[f64], included: &[bool], k: usize) -> Result<usize> {
    if scores.len() != included.len() || 2 * k > scores.len() || k == 0 {
        return Err(Error::InvalidInput(format!(
            "k = {k} needs 1 ≤ 2k ≤ m = {} canaries",
            scores.len()
        )));
    }
    let order = ranking(scores)?;
    let out_right = order[..k].iter().filter(|&&j| !included[j]).count();
    let in_right = order[order.len() - k..]
        .iter()
        .filter(|&&j| included[j])
        .count();
    Ok(out_right + in_right)
}

/// Every k of `ks`, each tested at level (1 − confidence)/|ks|, δ the run's;
/// `claimed`, when given, is the accountant's curve to test as well.
pub fn evaluate_ks(
    scores: &[f64],
    included: &[bool],
    ks: &[usize],
    delta: f64,
    confidence: f64,
    claimed: Option<&Tradeoff>,
) -> Result<Vec<GuessResult>> {
    if ks.is_empty() {
        return Err(Error::InvalidInput("no k to guess with".into()));
    }
    let per_k = 1.0 - (1.0 - confidence) / ks.len() as f64;
    ks.iter()
        .map(|&k| {
            let v = correct_guesses(scores, included, k)?;
            let (m, r) = (scores.len(), 2 * k);
            let gdp = fdp_epsilon_lower_bound(m, r, v, delta, per_k)?;
            Ok(GuessResult {
                k,
                guesses: r,
                correct: v,
                epsilon_lower: epsilon_lower_bound(m, r, v, delta, per_k)?,
                fdp_epsilon_lower: approx_dp_epsilon_lower_bound(m, r, v, delta, per_k)?,
                gdp_mu: gdp.mu,
                gdp_epsilon: gdp.epsilon,
                claim_rejected: claimed.map(|c| rejects(c, m, r, v, per_k)).transpose()?,
            })
        })
        .collect()
}

/// The default k grid for m canaries: m/40, m/20, m/8, m/4 and m/2 (every
/// canary guessed), those ≥ 1, without repeats.
pub fn default_ks(m: usize) -> Vec<usize> {
    let mut ks: Vec<usize> = [40, 20, 8, 4, 2]
        .iter()
        .map(|d| m / d)
        .filter(|&k| k >= 1)
        .collect();
    ks.dedup();
    ks
}
