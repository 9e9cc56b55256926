//! `PJRT_ExecuteOptions.launch_id`: which launch an execution belongs to.
//!
//! The header says a non-zero id identifies an execution as part of a
//! multi-device launch, so a runtime can match the executions of one launch
//! across hosts (and detect hosts that launch programs in different orders).
//! JAX gives each executable a counter (started from a hash of the program)
//! and increments it per call. dpxla derives the id from the training step
//! and the execution's index within the step, so every process of a run
//! computes the same id for the same execution without talking, and a
//! resumed run numbers its steps as before.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

/// Executions a step may have before ids of neighbouring steps could meet
/// (2^20; a logical batch of 65,536 in microbatches of 32 makes 2,049).
pub const EXECUTIONS_PER_STEP: u64 = 1 << 20;

/// The launch id of the `k`-th execution of `step`: positive, never 0 (0
/// means "no id"), and distinct for all executions of about 2,000
/// consecutive steps (`step · 2^20 + k` modulo `2^31 - 1`, plus 1).
pub fn launch_id(step: u64, k: u64) -> i32 {
    let modulus = (i32::MAX as u64) - 1;
    let index = step
        .wrapping_mul(EXECUTIONS_PER_STEP)
        .wrapping_add(k.min(EXECUTIONS_PER_STEP - 1));
    (1 + index % modulus) as i32
}

const NO_STEP: u64 = u64::MAX;

/// A client's launch numbering: off (id 0) until a step is set.
pub(crate) struct LaunchCounter {
    step: AtomicU64,
    next: AtomicU32,
}

impl Default for LaunchCounter {
    fn default() -> Self {
        LaunchCounter {
            step: AtomicU64::new(NO_STEP),
            next: AtomicU32::new(0),
        }
    }
}

impl LaunchCounter {
    pub(crate) fn begin_step(&self, step: u64) {
        self.next.store(0, Ordering::SeqCst);
        self.step.store(step.min(NO_STEP - 1), Ordering::SeqCst);
    }

    /// The id of the next execution (0 when no step was set).
    pub(crate) fn next_id(&self) -> i32 {
        let step = self.step.load(Ordering::SeqCst);
        if step == NO_STEP {
            return 0;
        }
        let k = self.next.fetch_add(1, Ordering::SeqCst) as u64;
        launch_id(step, k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_positive_and_distinct_across_neighbouring_steps() {
        let mut seen = HashSet::new();
        for step in [0u64, 1, 2, 1000, 2046] {
            for k in [0u64, 1, 2, 2048, EXECUTIONS_PER_STEP - 1] {
                let id = launch_id(step, k);
                assert!(id > 0, "step {step} k {k}: {id}");
                assert!(seen.insert(id), "step {step} k {k}: {id} repeats");
            }
        }
        // Large step numbers stay positive.
        assert!(launch_id(u64::MAX - 1, 5) > 0);
    }

    #[test]
    fn a_counter_is_off_until_a_step_begins_then_counts_within_the_step() {
        let c = LaunchCounter::default();
        assert_eq!((c.next_id(), c.next_id()), (0, 0));
        c.begin_step(7);
        assert_eq!(c.next_id(), launch_id(7, 0));
        assert_eq!(c.next_id(), launch_id(7, 1));
        c.begin_step(8);
        assert_eq!(c.next_id(), launch_id(8, 0));
    }
}
