//! Releasing a model (issue 10, item 9): `dpxla export-params` writes the
//! parameters ONLY, with the (ε, δ) spent as metadata. A checkpoint also holds
//! optimiser state, parameter averages, the privacy ledger and (debug runs)
//! generator states; none of that is needed to use the model, and generator
//! states would let anyone reproduce the noise. Everything exported is a
//! post-processing of the DP-SGD outputs.

use crate::train::checkpoint;
use crate::{Error, Result};
use dpxla_core::tensor_file::write_tensors;
use dpxla_dp::accountant::PrivacyAccountant;
use std::collections::HashMap;
use std::path::Path;

/// The metadata key of an exported parameter file.
pub const RELEASE_KEY: &str = "dpxla_release";

/// What was exported.
#[derive(Clone, Debug, PartialEq)]
pub struct Release {
    pub tensors: usize,
    /// (ε, δ) spent; `None` for a non-private run.
    pub epsilon: Option<(f64, f64)>,
    /// The run had `privacy.debug_seed`: its noise is reproducible from the
    /// seed, so the (ε, δ) above holds only if the seed were secret, which a
    /// configuration value is not. The file is marked `"private": false`.
    pub reproducible_noise: bool,
}

/// Whether the checkpoint comes from a `privacy.debug_seed` run: it holds
/// the generator states, or its privacy settings name a seed.
fn has_debug_seed(meta: &checkpoint::CheckpointMeta) -> bool {
    let named = meta
        .privacy
        .as_ref()
        .and_then(|p| p.get("privacy.debug_seed"))
        .is_some_and(|v| v != "None");
    named || meta.sampler_rng.is_some() || meta.noise_rng.is_some()
}

/// Writes the parameters (or with `averaged`, the EMA/Polyak averages) of the
/// checkpoint at `ckpt` to `out`, named as the model's parameters (what
/// `model.init_from` and `dpxla eval --checkpoint` read).
pub fn export_params(ckpt: &Path, out: &Path, averaged: bool) -> Result<Release> {
    dpxla_core::atomic_file::check_output_not_input(out, &[ckpt])?;
    let (meta, state) = checkpoint::load(ckpt)?;
    let arrays = if averaged {
        if state.averages.is_empty() {
            return Err(Error::InvalidInput(format!(
                "--averaged: {} has no averaged parameters (training.averaging was off)",
                ckpt.display()
            )));
        }
        state.averages
    } else {
        state.params
    };
    let delta = meta
        .privacy
        .as_ref()
        .and_then(|p| p.get("privacy.delta"))
        .and_then(|d| d.parse::<f64>().ok());
    // Secure mode accounts at δ minus the batch cap's share (secure_step).
    let secure = meta
        .privacy
        .as_ref()
        .and_then(|p| p.get("privacy.secure_noise"))
        .is_some_and(|v| v == "true");
    let epsilon = match (&meta.accountant, delta) {
        (Some(acc), Some(delta)) => Some((
            PrivacyAccountant::from_state(acc.clone())?
                .epsilon(delta * crate::train::privacy::secure_step::delta_factor(secure))?,
            delta,
        )),
        (Some(_), None) => {
            return Err(Error::InvalidInput(format!(
                "{} records a privacy ledger but no δ (written by an older dpxla)",
                ckpt.display()
            )))
        }
        (None, _) => None,
    };
    // Marked rather than refused (issue 27, item 1): debugging runs need
    // their models for `dpxla eval`, and every reader of the marker sees
    // `"private": false`, the truth about such a file.
    let reproducible_noise = epsilon.is_some() && has_debug_seed(&meta);
    let info = match epsilon {
        Some((e, d)) if reproducible_noise => serde_json::json!({
            "model": meta.model,
            "averaged": averaged,
            "private": false,
            "reproducible_noise": true,
            "epsilon": e,
            "delta": d,
        }),
        Some((e, d)) => serde_json::json!({
            "model": meta.model,
            "averaged": averaged,
            "private": true,
            "epsilon": e,
            "delta": d,
        }),
        None => serde_json::json!({
            "model": meta.model,
            "averaged": averaged,
            "private": false,
        }),
    };
    let tensors: Vec<(String, dpxla_core::array::HostArray)> =
        meta.params.iter().cloned().zip(arrays).collect();
    write_tensors(
        out,
        &tensors,
        Some(HashMap::from([(RELEASE_KEY.to_string(), info.to_string())])),
    )?;
    Ok(Release {
        tensors: tensors.len(),
        epsilon,
        reproducible_noise,
    })
}
