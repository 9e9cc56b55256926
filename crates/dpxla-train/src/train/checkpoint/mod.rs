//! Checkpoints: one safetensors file holding the parameters, optimiser slots
//! and averages as tensors, and the run's position (step, accountant events,
//! privacy settings, config digest) as JSON metadata. Written atomically
//! (temporary file, fsync, rename): a crash during a write leaves the
//! previous checkpoint intact.
//!
//! The sampler and noise generator states are stored only for
//! `privacy.debug_seed` runs (reproducible, no guarantee); an ordinary run
//! resumes with fresh OS-seeded generators, so a checkpoint never lets
//! anyone reproduce the noise. Optimiser slots are still functions of the
//! training run: release the parameters with `dpxla export-params`.
//!
//! BandMF's noise history (the last b − 1 noise vectors, which together with
//! the released parameters reveal past clipped gradients) is stored, as
//! `noise_history/...` tensors, under the same rule as the generators: only
//! for `privacy.debug_seed` runs. An ordinary BandMF run resumes with a zero
//! history, i.e. the factorisation restarts at the resumed step
//! (docs/design.md, "BandMF": that is still the accounted mechanism).

pub mod export_params;
pub mod writer;

use crate::train::engine::HostState;
use crate::train::sampling::sampler::RngState;
use crate::{Error, Result};
use dpxla_core::array::HostArray;
use dpxla_core::tensor_file::{read_tensors, write_tensors};
use dpxla_dp::accountant::AccountantState;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

pub const META_KEY: &str = "dpxla_checkpoint";
/// Adaptive clipping's current C (`f64[]`), only in such runs' checkpoints.
pub const CLIP_NORM_TENSOR: &str = "adaptive/clip_norm";
const VERSION: u32 = 1;

/// The run's position, stored as JSON in the file's metadata.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckpointMeta {
    pub version: u32,
    /// Steps completed.
    pub step: u64,
    pub model: String,
    /// `Config::resume_digest` of the run that wrote it.
    pub config_digest: String,
    /// `None` for non-private runs.
    pub accountant: Option<AccountantState>,
    /// Generator states: only with `privacy.debug_seed` (a debugging run that
    /// resumes exactly). Otherwise `None`: a resume draws fresh OS entropy, so
    /// two resumes of one checkpoint never share noise (issue 10, item 8).
    #[serde(default)]
    pub sampler_rng: Option<RngState>,
    #[serde(default)]
    pub noise_rng: Option<RngState>,
    /// Every privacy-relevant setting of the run (`resume_check`).
    #[serde(default)]
    pub privacy: Option<crate::train::privacy::resume_check::PrivacySettings>,
    /// Parameter names in argument order.
    pub params: Vec<String>,
    /// Indices of the trainable parameters.
    pub trainable: Vec<usize>,
    /// Optimiser slot names (per trainable parameter).
    pub slots: Vec<String>,
}

/// Writes a checkpoint to `path` atomically.
pub fn save(path: &Path, meta: &CheckpointMeta, state: &HostState) -> Result<()> {
    let mut tensors: Vec<(String, HostArray)> = Vec::new();
    for (name, a) in meta.params.iter().zip(&state.params) {
        tensors.push((format!("params/{name}"), a.clone()));
    }
    let per = meta.slots.len();
    for (k, &i) in meta.trainable.iter().enumerate() {
        for (s, slot) in meta.slots.iter().enumerate() {
            let a = state.slots.get(k * per + s).ok_or_else(|| {
                Error::Internal("optimiser state does not match the slot layout".into())
            })?;
            tensors.push((format!("opt/{slot}/{}", meta.params[i]), a.clone()));
        }
    }
    for (name, a) in meta.params.iter().zip(&state.averages) {
        tensors.push((format!("avg/{name}"), a.clone()));
    }
    for (k, a) in state.noise_history.iter().enumerate() {
        tensors.push((format!("noise_history/{k:06}"), a.clone()));
    }
    if let Some(c) = state.clip_norm {
        // Public (a function of released counts): stored in the clear.
        tensors.push((
            CLIP_NORM_TENSOR.into(),
            HostArray::f64(Vec::<usize>::new(), vec![c]),
        ));
    }
    let json = serde_json::to_string(meta)
        .map_err(|e| Error::Internal(format!("checkpoint metadata: {e}")))?;
    Ok(write_tensors(
        path,
        &tensors,
        Some(HashMap::from([(META_KEY.to_string(), json)])),
    )?)
}

/// Reads a checkpoint written by [`save`].
pub fn load(path: &Path) -> Result<(CheckpointMeta, HostState)> {
    let file = read_tensors(path)?;
    let bad = |m: String| {
        Error::InvalidInput(format!(
            "{} is not a usable dpxla checkpoint: {m}",
            path.display()
        ))
    };
    let json = file
        .metadata
        .get(META_KEY)
        .ok_or_else(|| bad(format!("no '{META_KEY}' metadata")))?;
    let meta: CheckpointMeta = serde_json::from_str(json).map_err(|e| bad(e.to_string()))?;
    refuse_non_finite(path, &file.tensors)?;
    if meta.version != VERSION {
        return Err(bad(format!(
            "format version {} (this dpxla reads {VERSION})",
            meta.version
        )));
    }
    let get = |name: String| -> Result<HostArray> { Ok(file.get(&name, path).cloned()?) };
    let params = meta
        .params
        .iter()
        .map(|n| get(format!("params/{n}")))
        .collect::<Result<Vec<_>>>()?;
    let mut slots = Vec::new();
    for &i in &meta.trainable {
        for slot in &meta.slots {
            slots.push(get(format!("opt/{slot}/{}", meta.params[i]))?);
        }
    }
    let has_avg = file.tensors.iter().any(|(n, _)| n.starts_with("avg/"));
    let averages = if has_avg {
        meta.params
            .iter()
            .map(|n| get(format!("avg/{n}")))
            .collect::<Result<Vec<_>>>()?
    } else {
        Vec::new()
    };
    // Zero-padded indices sort in order.
    let mut history: Vec<&(String, HostArray)> = file
        .tensors
        .iter()
        .filter(|(n, _)| n.starts_with("noise_history/"))
        .collect();
    history.sort_by(|a, b| a.0.cmp(&b.0));
    let noise_history = history.into_iter().map(|(_, a)| a.clone()).collect();
    let clip_norm = match file.tensors.iter().find(|(n, _)| n == CLIP_NORM_TENSOR) {
        None => None,
        Some((_, a)) => match a.to_f64()[..] {
            [c] => Some(c),
            _ => return Err(bad(format!("{CLIP_NORM_TENSOR} is not a scalar"))),
        },
    };
    Ok((
        meta,
        HostState {
            params,
            slots,
            averages,
            noise_history,
            clip_norm,
        },
    ))
}

/// The parameters of a checkpoint or a plain parameter file, by name: tensors
/// under `params/` (checkpoints, with the prefix removed; `avg/` instead when
/// `averaged`), else every tensor (files written by `dpxla init`).
pub fn read_param_tensors(path: &Path, averaged: bool) -> Result<Vec<(String, HostArray)>> {
    let file = read_tensors(path)?;
    let prefix = if averaged { "avg/" } else { "params/" };
    let prefixed: Vec<(String, HostArray)> = file
        .tensors
        .iter()
        .filter_map(|(n, a)| n.strip_prefix(prefix).map(|s| (s.to_string(), a.clone())))
        .collect();
    if !prefixed.is_empty() {
        // Named as stored ("params/…"), so the message points into the file.
        refuse_non_finite(
            path,
            file.tensors.iter().filter(|(n, _)| n.starts_with(prefix)),
        )?;
        return Ok(prefixed);
    }
    if averaged {
        return Err(Error::InvalidInput(format!(
            "{} has no averaged parameters (was averaging on?)",
            path.display()
        )));
    }
    refuse_non_finite(path, &file.tensors)?;
    Ok(file.tensors)
}

/// Parameters or optimiser state holding a NaN or ±∞ cannot be evaluated or
/// trained on meaningfully: an error naming the file, tensor and index.
fn refuse_non_finite<'a>(
    path: &Path,
    tensors: impl IntoIterator<Item = &'a (String, HostArray)>,
) -> Result<()> {
    match crate::train::engine::finite::describe_non_finite(
        tensors.into_iter().map(|(n, a)| (n.as_str(), a)),
    ) {
        Some(what) => Err(Error::InvalidInput(format!(
            "{}: {what}; non-finite parameters are refused (the run that wrote them diverged, \
             or the file is damaged)",
            path.display()
        ))),
        None => Ok(()),
    }
}
