//! Optimisers as graph functions: the update is traced into the compiled
//! apply step, so parameters and optimiser slots stay on the device.

use crate::{Error, Result};
use dpxla_core::trace::Tensor;
use serde::{Deserialize, Serialize};

fn default_b1() -> f64 {
    0.9
}
fn default_b2() -> f64 {
    0.999
}
fn default_eps() -> f64 {
    1e-8
}

/// The optimiser and its hyper-parameters (the learning rate comes from the
/// schedule, per step).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "name", rename_all = "lowercase", deny_unknown_fields)]
pub enum Optimizer {
    /// SGD with optional (heavy-ball or Nesterov) momentum and L2 weight decay
    /// added to the gradient, as PyTorch's `torch.optim.SGD`.
    Sgd {
        #[serde(default)]
        momentum: f64,
        #[serde(default)]
        nesterov: bool,
        #[serde(default)]
        weight_decay: f64,
    },
    /// Adam with decoupled weight decay (Loshchilov & Hutter 2019).
    Adamw {
        #[serde(default = "default_b1")]
        b1: f64,
        #[serde(default = "default_b2")]
        b2: f64,
        #[serde(default = "default_eps")]
        eps: f64,
        #[serde(default)]
        weight_decay: f64,
    },
}

impl Optimizer {
    /// SGD with heavy-ball momentum and no weight decay.
    pub fn momentum(momentum: f64) -> Optimizer {
        Optimizer::Sgd {
            momentum,
            nesterov: false,
            weight_decay: 0.0,
        }
    }
}

impl Default for Optimizer {
    fn default() -> Self {
        Optimizer::Sgd {
            momentum: 0.0,
            nesterov: false,
            weight_decay: 0.0,
        }
    }
}

impl Optimizer {
    /// Names of the per-parameter state slots (each shaped like its parameter).
    pub fn slots(&self) -> &'static [&'static str] {
        match self {
            Optimizer::Sgd { momentum, .. } if *momentum == 0.0 => &[],
            Optimizer::Sgd { .. } => &["momentum"],
            Optimizer::Adamw { .. } => &["mu", "nu"],
        }
    }

    pub fn validate(&self) -> Result<()> {
        let bad = |m: String| Err(Error::InvalidInput(format!("optimizer: {m}")));
        match *self {
            Optimizer::Sgd {
                momentum,
                nesterov,
                weight_decay,
            } => {
                if !(0.0..1.0).contains(&momentum) {
                    return bad(format!("momentum must be in [0, 1), got {momentum}"));
                }
                if nesterov && momentum == 0.0 {
                    return bad("nesterov needs momentum > 0".into());
                }
                if weight_decay < 0.0 {
                    return bad(format!("weight_decay must be >= 0, got {weight_decay}"));
                }
            }
            Optimizer::Adamw {
                b1,
                b2,
                eps,
                weight_decay,
            } => {
                if !(0.0..1.0).contains(&b1) || !(0.0..1.0).contains(&b2) {
                    return bad(format!("b1 and b2 must be in [0, 1), got {b1}, {b2}"));
                }
                if eps <= 0.0 || weight_decay < 0.0 {
                    return bad("eps must be > 0 and weight_decay >= 0".into());
                }
            }
        }
        Ok(())
    }

    /// One update of parameter `p` with gradient `g` and state `slots` (in
    /// `slots()` order). `lr` is a scalar; `t` is the 1-based step count as a
    /// scalar float (for Adam's bias correction). Returns the new parameter and
    /// the new slots.
    pub fn update<'b>(
        &self,
        p: Tensor<'b>,
        g: Tensor<'b>,
        slots: &[Tensor<'b>],
        lr: Tensor<'b>,
        t: Tensor<'b>,
    ) -> (Tensor<'b>, Vec<Tensor<'b>>) {
        match *self {
            Optimizer::Sgd {
                momentum,
                nesterov,
                weight_decay,
            } => {
                let g = if weight_decay > 0.0 {
                    g + p * weight_decay
                } else {
                    g
                };
                if momentum == 0.0 {
                    return (p - lr * g, vec![]);
                }
                let m = slots[0] * momentum + g;
                let d = if nesterov { g + m * momentum } else { m };
                (p - lr * d, vec![m])
            }
            Optimizer::Adamw {
                b1,
                b2,
                eps,
                weight_decay,
            } => {
                let (mu, nu) = (slots[0], slots[1]);
                let mu = mu * b1 + g * (1.0 - b1);
                let nu = nu * b2 + g * g * (1.0 - b2);
                // Bias corrections 1 - b^t, with t a traced scalar.
                let c1 = -(t.lit(b1).pow(t)) + 1.0;
                let c2 = -(t.lit(b2).pow(t)) + 1.0;
                let step = (mu / c1) / ((nu / c2).sqrt() + eps);
                let step = if weight_decay > 0.0 {
                    step + p * weight_decay
                } else {
                    step
                };
                (p - lr * step, vec![mu, nu])
            }
        }
    }
}
