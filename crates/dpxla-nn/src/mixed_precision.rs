//! Mixed precision (`model.compute_dtype = "bf16"`): a model computed in a
//! narrow float type around f32 master parameters.
//!
//! After Micikevicius et al. 2018, "Mixed Precision Training" (§3.1: an f32
//! master copy of the weights, cast to half precision for the forward and
//! backward passes; §3.3: the loss and the reductions it needs in f32). bf16
//! keeps f32's exponent range, so the loss scaling of their §3.2 (for fp16's
//! narrow range) is not needed; this is also how jax_privacy and Opacus 1.6
//! describe their low-precision modes (compute in bf16, accumulate in f32).
//!
//! [`MixedPrecision`] is a [`Model`] whose dtype is f32 (parameters, input,
//! logits, loss: everything the programs, the optimiser and the checkpoint
//! see) and whose logits are the inner model's, computed in the compute dtype:
//! each parameter is cast where the model reads it ([`Params::computing`]), the
//! image is cast on entry and the logits are widened back on exit. The
//! gradient of a cast is the cotangent cast back, so `value_and_grad` of the
//! traced loss returns each gradient already widened to f32: every operation
//! after it (the f64 norms, the clip weights, the weighted sums, the
//! optimiser) is the f32 code of an f32 model, and DP invariant 2's
//! `CLIP_MARGIN` argument (about the f32 tensor that is summed) is unchanged.
//! Ghost norms see through the widening cast (`transform::ghost`) and widen
//! the layer's factors `A`, `G` before their contractions
//! (`dp::bookkeeping`).

use super::params::Params;
use super::Model;
use crate::{Error, Result};
use dpxla_core::array::DType;
use dpxla_core::trace::Tensor;
use serde::{Deserialize, Serialize};

/// The float type a model's forward and backward passes run in
/// (`model.compute_dtype`). Parameters, optimiser state and checkpoints stay
/// in the model's own dtype (f32) either way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ComputeDtype {
    /// Everything in f32 (the default).
    #[default]
    F32,
    /// Forward and backward in bfloat16; gradients widened to f32.
    Bf16,
}

impl ComputeDtype {
    pub fn dtype(self) -> DType {
        match self {
            ComputeDtype::F32 => DType::F32,
            ComputeDtype::Bf16 => DType::BF16,
        }
    }
}

impl std::str::FromStr for ComputeDtype {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "f32" => Ok(ComputeDtype::F32),
            "bf16" => Ok(ComputeDtype::Bf16),
            _ => Err(Error::InvalidInput(format!(
                "unknown compute dtype '{s}' (f32 or bf16)"
            ))),
        }
    }
}

impl std::fmt::Display for ComputeDtype {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ComputeDtype::F32 => "f32",
            ComputeDtype::Bf16 => "bf16",
        })
    }
}

/// `inner` computed in a narrow float type around f32 master parameters (see
/// the module docs). Same name, input, classes and parameters as `inner`.
pub struct MixedPrecision<'m> {
    inner: &'m dyn Model,
    compute: DType,
}

impl<'m> MixedPrecision<'m> {
    /// `inner` (an f32 model) computed in bf16.
    pub fn bf16(inner: &'m dyn Model) -> Result<MixedPrecision<'m>> {
        if inner.dtype() != DType::F32 {
            return Err(Error::InvalidInput(format!(
                "model.compute_dtype = \"bf16\" needs a model with f32 parameters; model '{}' \
                 is {} (an oracle model runs in its own dtype end to end)",
                inner.name(),
                inner.dtype()
            )));
        }
        Ok(MixedPrecision {
            inner,
            compute: DType::BF16,
        })
    }

    /// The dtype the forward and backward passes run in.
    pub fn compute_dtype(&self) -> DType {
        self.compute
    }
}

impl Model for MixedPrecision<'_> {
    fn name(&self) -> &str {
        self.inner.name()
    }
    fn input_shape(&self) -> Vec<usize> {
        self.inner.input_shape()
    }
    fn num_classes(&self) -> usize {
        self.inner.num_classes()
    }
    fn logits<'b>(&self, p: &Params<'b>, x: Tensor<'b>) -> Tensor<'b> {
        let low = self
            .inner
            .logits(&p.computing(self.compute), x.convert(self.compute));
        // The loss (a log-sum-exp over classes) in f32 (Micikevicius §3.3).
        low.convert(self.inner.dtype())
    }
    fn dtype(&self) -> DType {
        self.inner.dtype()
    }
}
