//! The budget guard reads the LEDGER (issue 10, item 4): training stops when
//! ε(ledger ⊕ next step) would exceed the target, whatever σ and q the current
//! configuration has. The old guard counted steps from the run's start for the
//! current mechanism, so a resume that changed σ ended above the target.

use crate::Result;
use dpxla_dp::accountant::{AccountantState, PoissonGaussianEvent, PrivacyAccountant};

/// Whether the ledger plus `steps` more steps of `next` stays within `budget`.
fn fits(
    ledger: &AccountantState,
    next: PoissonGaussianEvent,
    steps: u64,
    budget: f64,
    delta: f64,
) -> Result<bool> {
    let mut acc = PrivacyAccountant::from_state(ledger.clone())?;
    acc.compose(PoissonGaussianEvent { steps, ..next })?;
    Ok(acc.epsilon_bound(delta)? <= budget)
}

/// The largest k such that ε(ledger ⊕ k steps of `next`) ≤ `budget` (0 when
/// not even one more step fits), capped at `cap` (the steps the run still
/// plans, so the search stays short). Monotone in k, so an exponential then
/// binary search finds it exactly.
pub fn steps_remaining(
    ledger: &AccountantState,
    next: PoissonGaussianEvent,
    budget: f64,
    delta: f64,
    cap: u64,
) -> Result<u64> {
    if cap == 0 || !fits(ledger, next, 1, budget, delta)? {
        return Ok(0);
    }
    let (mut lo, mut hi) = (1u64, 2u64);
    while hi <= cap && fits(ledger, next, hi, budget, delta)? {
        lo = hi;
        hi = hi.saturating_mul(2);
    }
    if hi > cap {
        if fits(ledger, next, cap, budget, delta)? {
            return Ok(cap);
        }
        hi = cap;
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if fits(ledger, next, mid, budget, delta)? {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

/// The step count (from the run's start) at which training must stop for the
/// budget: `step` plus the steps the ledger still allows at the plan's
/// mechanism, or `u64::MAX` without a target ε.
///
/// With BandMF a composition is made at the first step of each cycle of k
/// (`PrivacyPlan::step_event`) and covers the cycle, so m more compositions
/// allow the steps up to the (m+1)-th cycle start from here; k = 1 is the
/// DP-SGD count.
pub fn stop_before(
    ledger: Option<&PrivacyAccountant>,
    plan: &dpxla_dp::plan::PrivacyPlan,
    step: u64,
) -> Result<u64> {
    let (Some(acc), Some(p), Some(next)) = (ledger, &plan.private, plan.composition_event()) else {
        return Ok(u64::MAX);
    };
    let Some(budget) = p.epsilon_budget else {
        return Ok(u64::MAX);
    };
    let k = plan.cycle();
    let done = plan.compositions_after(step);
    let cap = plan.compositions_after(plan.steps).saturating_sub(done);
    let more = steps_remaining(acc.state(), next, budget, p.delta, cap)?;
    // Steps `step ..` up to the start of cycle `done + more` (exclusive).
    Ok((done + more).saturating_mul(k).min(plan.steps).max(step))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpxla_dp::accountant::{epsilon_of, AccountantKind};

    #[test]
    fn the_ledger_not_the_next_mechanism_sets_the_remaining_steps() {
        // 50 steps at σ = 0.8 already spent; the next steps are at σ = 1.5.
        let (q, delta, budget) = (0.02, 1e-5, 3.0);
        let spent = PoissonGaussianEvent::new(q, 0.8, 50).unwrap();
        let mut ledger = AccountantState::default();
        ledger.events.push(spent);
        let next = PoissonGaussianEvent::new(q, 1.5, 1).unwrap();
        let k = steps_remaining(&ledger, next, budget, delta, u64::MAX / 4).unwrap();
        let eps = |n: u64| {
            let mut evs = vec![spent];
            if n > 0 {
                evs.push(PoissonGaussianEvent { steps: n, ..next });
            }
            epsilon_of(AccountantKind::Rdp, &evs, delta).unwrap()
        };
        assert!(k > 0);
        assert!(eps(k) <= budget && eps(k + 1) > budget, "k = {k}");
        // A fresh run at σ = 1.5 would have been allowed more steps.
        let fresh = steps_remaining(
            &AccountantState::default(),
            next,
            budget,
            delta,
            u64::MAX / 4,
        )
        .unwrap();
        assert!(fresh > k + 50);
        // The cap bounds the answer.
        assert_eq!(steps_remaining(&ledger, next, budget, delta, 3).unwrap(), 3);
    }
}
