//! Transfer learning: initialise a model from a checkpoint (dpxla's own names,
//! or a torchvision-layout ResNet exported from PyTorch, see [`torch`]),
//! replace the classifier head for a new class count, and freeze a prefix of
//! the network.
//!
//! Freezing is structural, not a zero mask: the per-example-gradient graph is
//! built with gradients for the trainable parameters only
//! (`nn::per_example_grads_wrt`), so frozen parameters get no per-example
//! gradient, no clipping share and no noise, and the backward pass through a
//! frozen prefix is never computed. The frozen values come from the (public)
//! checkpoint and are never updated from private data (docs/design.md,
//! "DP invariants", 5).

pub mod torch;

use super::init::{init_params, ParamSpec};
use super::loss::ExampleLoss;
use crate::{Error, Result};
use dpxla_core::array::{DType, HostArray};
use dpxla_core::tensor_file::read_tensors;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Named host arrays (parameters, checkpoint tensors) in a fixed order.
pub type NamedArrays = Vec<(String, HostArray)>;

/// Which parameters training may change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Freeze {
    /// Train everything.
    None,
    /// Train the classifier head only (linear probing on frozen features).
    HeadOnly,
    /// Freeze the first `n` blocks. A model's blocks are its top-level
    /// parameter scopes in declaration order, the head excluded (each model's
    /// file lists them: e.g. `stem`, `block01`, `block02`, ... for the ResNets,
    /// so `FirstBlocks(3)` freezes the stem and the first two residual blocks).
    FirstBlocks(usize),
}

impl Freeze {
    /// Parses `none`, `head-only` or `first-blocks:N` (the config spelling).
    pub fn parse(s: &str) -> Result<Freeze> {
        match s {
            "none" => Ok(Freeze::None),
            "head-only" => Ok(Freeze::HeadOnly),
            _ => s
                .strip_prefix("first-blocks:")
                .and_then(|n| n.parse().ok())
                .map(Freeze::FirstBlocks)
                .ok_or_else(|| {
                    Error::InvalidInput(format!(
                        "'{s}': expected none, head-only or first-blocks:N"
                    ))
                }),
        }
    }

    /// Whether the parameter called `name` is trained, for a model with
    /// top-level `scopes` (declaration order, head last).
    pub fn is_trainable(&self, name: &str, scopes: &[String]) -> bool {
        let top = name.split('/').next().unwrap_or("");
        match *self {
            Freeze::None => true,
            Freeze::HeadOnly => scopes.last().is_some_and(|h| h == top),
            Freeze::FirstBlocks(n) => {
                let blocks = &scopes[..scopes.len().saturating_sub(1)];
                !blocks.iter().take(n).any(|b| b == top)
            }
        }
    }

    /// Indices (into `loss.params`, = graph input positions) of the trainable
    /// parameters, ascending.
    pub fn trainable(&self, loss: &ExampleLoss) -> Result<Vec<usize>> {
        let blocks = loss.scopes.len().saturating_sub(1);
        if let Freeze::FirstBlocks(n) = *self {
            if n > blocks {
                return Err(Error::InvalidInput(format!(
                    "cannot freeze {n} blocks: the model has {blocks} ({})",
                    loss.scopes[..blocks].join(", ")
                )));
            }
        }
        Ok(loss
            .params
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                s.name != super::CENTER_PARAM && self.is_trainable(&s.name, &loss.scopes)
            })
            .map(|(i, _)| i)
            .collect())
    }
}

/// `a` as f32 (checkpoints exported in f64 or bf16 are converted; integer
/// tensors are an error).
fn as_f32(name: &str, a: &HostArray) -> Result<HostArray> {
    match a.dtype() {
        DType::F32 => Ok(a.clone()),
        DType::F64 | DType::BF16 => Ok(HostArray::from_f64(
            a.shape.clone(),
            &a.to_f64(),
            DType::F32,
        )),
        other => Err(Error::InvalidInput(format!(
            "checkpoint tensor '{name}' has dtype {other:?}, expected a float"
        ))),
    }
}

/// The parameters `specs` (in their order) taken from `tensors` by name.
///
/// Every spec must have a tensor of the same shape and every tensor must be
/// used, except those for which `skip(name)` holds (never read). All problems
/// are reported in one error.
fn take_params(
    specs: &[ParamSpec],
    tensors: &[(String, HostArray)],
    skip: impl Fn(&str) -> bool,
) -> Result<Vec<(String, HostArray)>> {
    let by_name: BTreeMap<&str, &HostArray> =
        tensors.iter().map(|(n, a)| (n.as_str(), a)).collect();
    let wanted: BTreeSet<&str> = specs.iter().map(|s| s.name.as_str()).collect();
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for s in specs.iter().filter(|s| !skip(&s.name)) {
        match by_name.get(s.name.as_str()) {
            None => problems.push(format!("missing '{}' {:?}", s.name, s.shape)),
            Some(a) if a.shape != s.shape => problems.push(format!(
                "'{}' has shape {:?}, the model needs {:?}",
                s.name, a.shape, s.shape
            )),
            Some(a) => out.push((s.name.clone(), as_f32(&s.name, a)?)),
        }
    }
    for (n, _) in tensors {
        if !wanted.contains(n.as_str()) && !skip(n) {
            problems.push(format!("unexpected '{n}' (not a parameter of the model)"));
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Error::InvalidInput(format!(
            "checkpoint does not fit the model: {}",
            problems.join("; ")
        )))
    }
}

/// The model's parameters, in `loss.params` order, from `tensors` named as
/// dpxla names them (exact match: no missing, extra or reshaped tensors).
pub fn load_params(
    loss: &ExampleLoss,
    tensors: &[(String, HostArray)],
) -> Result<Vec<(String, HostArray)>> {
    take_params(&loss.params, tensors, |_| false)
}

/// [`load_params`] from a safetensors file (a dpxla checkpoint).
pub fn load_params_file(loss: &ExampleLoss, path: &Path) -> Result<Vec<(String, HostArray)>> {
    let file = read_tensors(path)?;
    load_params(loss, &file.tensors).map_err(|e| match e {
        Error::InvalidInput(m) => Error::InvalidInput(format!("{}: {m}", path.display())),
        e => e,
    })
}

/// Initialises `loss`'s model from a checkpoint of the same architecture with
/// a new classifier: every parameter outside the head scope is copied from
/// `tensors` (bit for bit; they must all be there with the right shapes), the
/// head is initialised afresh from `seed` for the model's (new) class count,
/// and the checkpoint's own head tensors are ignored whatever their shape.
///
/// Build `loss` from the model with the new class count
/// (`models::by_name_with(name, &ModelOptions { classes: Some(k), .. })`).
pub fn replace_head(
    loss: &ExampleLoss,
    tensors: &[(String, HostArray)],
    seed: u64,
) -> Result<Vec<(String, HostArray)>> {
    let head = format!("{}/", loss.head_scope());
    let in_head = |n: &str| n.starts_with(&head);
    let body = take_params(&loss.params, tensors, in_head)?;
    let head_specs: Vec<ParamSpec> = loss
        .params
        .iter()
        .filter(|s| in_head(&s.name))
        .cloned()
        .collect();
    let fresh = init_params(&head_specs, seed);
    let mut all: BTreeMap<String, HostArray> = body.into_iter().chain(fresh).collect();
    Ok(loss
        .params
        .iter()
        .map(|s| {
            let a = all.remove(&s.name).expect("every spec is body or head");
            (s.name.clone(), a)
        })
        .collect())
}
