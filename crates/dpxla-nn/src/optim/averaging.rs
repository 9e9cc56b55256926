//! Parameter averaging inside the compiled update: exponential moving average
//! with warm-up (as jax_privacy / De et al. 2022 use for their best results) or
//! Polyak (uniform) averaging from a start step.

use crate::{Error, Result};
use dpxla_core::trace::Tensor;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
pub enum Averaging {
    #[default]
    None,
    /// avg ← d·avg + (1−d)·p with d = min(decay, (1+t)/(10+t)) when `warmup`
    /// (the warm-up keeps early averages from being dominated by the
    /// initialisation), else d = decay.
    Ema {
        decay: f64,
        #[serde(default = "yes")]
        warmup: bool,
    },
    /// Uniform average of the parameters after each step from `start_step` on
    /// (before it, the average tracks the parameters).
    Polyak {
        #[serde(default)]
        start_step: u64,
    },
}

fn yes() -> bool {
    true
}

impl Averaging {
    /// An exponential moving average with `decay` and the warm-up.
    pub fn ema(decay: f64) -> Averaging {
        Averaging::Ema {
            decay,
            warmup: true,
        }
    }

    pub fn enabled(&self) -> bool {
        *self != Averaging::None
    }

    pub fn validate(&self) -> Result<()> {
        if let Averaging::Ema { decay, .. } = *self {
            if !(0.0..1.0).contains(&decay) {
                return Err(Error::InvalidInput(format!(
                    "averaging.decay must be in [0, 1), got {decay}"
                )));
            }
        }
        Ok(())
    }

    /// The new average given the updated parameter `p` at 1-based step `t`
    /// (a scalar float tensor).
    pub fn update<'b>(&self, avg: Tensor<'b>, p: Tensor<'b>, t: Tensor<'b>) -> Tensor<'b> {
        match *self {
            Averaging::None => p,
            Averaging::Ema { decay, warmup } => {
                let d = if warmup {
                    ((t + 1.0) / (t + 10.0)).min(t.lit(decay))
                } else {
                    t.lit(decay)
                };
                avg * d + p * (-d + 1.0)
            }
            Averaging::Polyak { start_step } => {
                // n = number of averaged iterates, counting this one.
                let n = t - start_step as f64;
                let running = avg + (p - avg) / n.max(t.lit(1.0));
                n.gt(t.lit(0.5)).select(running, p)
            }
        }
    }
}
