//! Learning-rate schedules, evaluated on the host each step and passed to the
//! compiled update as a scalar (so changing the schedule never recompiles).

use crate::{Error, Result};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScheduleKind {
    #[default]
    Constant,
    /// Linear decay to zero at the last step.
    Linear,
    /// Cosine decay to zero at the last step (Loshchilov & Hutter 2017).
    Cosine,
}

/// A schedule: a linear warm-up over `warmup_steps`, then `kind`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    #[serde(default)]
    pub kind: ScheduleKind,
    #[serde(default)]
    pub warmup_steps: u64,
}

impl Schedule {
    pub fn validate(&self, total_steps: u64) -> Result<()> {
        if self.warmup_steps > total_steps {
            return Err(Error::InvalidInput(format!(
                "schedule.warmup_steps ({}) exceeds the number of steps ({total_steps})",
                self.warmup_steps
            )));
        }
        Ok(())
    }

    /// The learning rate at 0-based `step` of `total` steps.
    pub fn lr(&self, base: f64, step: u64, total: u64) -> f64 {
        let w = self.warmup_steps;
        if step < w {
            return base * (step + 1) as f64 / w as f64;
        }
        let span = total.saturating_sub(w).max(1) as f64;
        let frac = ((step - w) as f64 / span).min(1.0);
        match self.kind {
            ScheduleKind::Constant => base,
            ScheduleKind::Linear => base * (1.0 - frac),
            ScheduleKind::Cosine => base * 0.5 * (1.0 + (std::f64::consts::PI * frac).cos()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warmup_then_cosine_reaches_half_at_the_midpoint() {
        let s = Schedule {
            kind: ScheduleKind::Cosine,
            warmup_steps: 10,
        };
        // Warm-up: step k (0-based) gets base·(k+1)/10.
        assert_eq!(s.lr(1.0, 0, 110), 0.1);
        assert_eq!(s.lr(1.0, 9, 110), 1.0);
        // After warm-up: cos(π·frac); frac = 1/2 at step 10 + 50 gives 1/2.
        assert_eq!(s.lr(1.0, 10, 110), 1.0);
        assert!((s.lr(1.0, 60, 110) - 0.5).abs() < 1e-12);
        let lin = Schedule {
            kind: ScheduleKind::Linear,
            warmup_steps: 0,
        };
        assert!((lin.lr(2.0, 50, 100) - 1.0).abs() < 1e-12);
        assert!(s.validate(5).is_err());
    }
}
