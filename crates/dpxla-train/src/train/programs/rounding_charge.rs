//! The cross-example rounding charge of an accumulate program (issue 27,
//! item 4; `dp::float_bound`, "Cross-example rounding"): a Gram-form tensor's
//! f64 book-keeping contraction rounds each example's terms inside a sum
//! shared with the whole microbatch, so adding or removing one example moves
//! the other examples' summed values too. The program pays for it by
//! clipping to C/(1 + β), β = m·Σ_t 2κ₂,t/λ, with m the public bound on a
//! logical batch (`PrivacyPlan::coupled_examples`).

use crate::{Error, Result};
use dpxla_core::trace::Graph;
use dpxla_dp::bookkeeping::RoundingCharge;
use dpxla_dp::clip::Clipping;

/// The largest β a run accepts: above it the clip target would fall below
/// C/2, and the Gram form is a false economy (materialising is exact).
pub const MAX_ROUNDING_CHARGE: f64 = 1.0;

/// β for clipping `per_example` (the batched per-example gradient graph of a
/// `physical`-row microbatch) as `clipping` says; an error naming the keys
/// that fix it when no public bound on the batch exists or β is too large.
pub fn checked(per_example: &Graph, clipping: &Clipping, physical: usize) -> Result<f64> {
    let charge = RoundingCharge::of(per_example, clipping);
    match charge.beta() {
        None => Err(Error::Config {
            key: "training.max_batch_size".into(),
            message: format!(
                "this model's clipping uses the Gram-form book-keeping contraction for \
                 tensors with several positions (privacy.clipping_method = {:?}), whose \
                 rounding couples the examples of a batch; its bound needs a public cap on \
                 the batch, which a sampling rate without training.max_batch_size does not \
                 give. Set training.max_batch_size, or privacy.clipping_method = \"vmap\" \
                 (materialised, no coupling)",
                clipping.method()
            ),
        }),
        Some(beta) if beta > MAX_ROUNDING_CHARGE => Err(Error::Config {
            key: "privacy.clipping_method".into(),
            message: format!(
                "the Gram-form book-keeping contraction's cross-example rounding would \
                 need a clip target of C/(1 + {beta:.3}) at {physical} rows per microbatch \
                 and up to {} examples per batch ({:.2e} per example); use \
                 privacy.clipping_method = \"vmap\" or \"auto\", a smaller \
                 training.physical_batch, or training.max_batch_size",
                charge.others.unwrap_or(0),
                charge.per_example
            ),
        }),
        Some(beta) => Ok(beta),
    }
}

/// A line for the user when β is large enough to matter (> 1e-3: the clip
/// target, hence the signal, is more than 0.1% below C), else `None`.
pub fn describe(beta: f64) -> Option<String> {
    (beta > 1e-3).then(|| {
        format!(
            "the Gram-form book-keeping contraction's cross-example rounding is paid \
             for by clipping to C/(1 + {beta:.2e}) (docs/design.md, DP invariant 2); \
             training.max_batch_size or privacy.clipping_method = \"vmap\" lowers it"
        )
    })
}
