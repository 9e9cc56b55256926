//! Adaptive clipping's C_t on the device (`train::adaptive_clip`): when
//! the mechanism's clipping takes C at run time, the engine keeps the
//! current C and one `f64[]` buffer of it per replica, passed as the
//! `ClipNorm` input of every accumulate and apply call until the host
//! moves it ([`Engine::set_clip_norm`], once per step).

use super::{Engine, EngineSpec, HostState, PerReplica};
use crate::{Error, Result};
use dpxla_core::array::HostArray;
use dpxla_dp::clip::MAX_CLIP_NORM;
use dpxla_pjrt::program::to_device_owned;
use dpxla_pjrt::runtime::Client;

/// The C an engine starts with: the state's (a resume) or the mechanism's
/// initial C, when its clipping takes C at run time; `None` otherwise (a
/// state carrying a C is then refused).
pub(super) fn initial(spec: &EngineSpec, state: &HostState) -> Result<Option<f64>> {
    match spec.mechanism.filter(|m| m.clipping().runtime_norm()) {
        Some(m) => {
            let c = state.clip_norm.unwrap_or(m.clip_norm());
            check(c)?;
            Ok(Some(c))
        }
        None if state.clip_norm.is_some() => Err(Error::InvalidInput(
            "an adaptive clip norm was given to an engine without adaptive clipping \
             (privacy.adaptive_clipping)"
                .into(),
        )),
        None => Ok(None),
    }
}

fn check(c: f64) -> Result<()> {
    if c > 0.0 && c <= MAX_CLIP_NORM {
        Ok(())
    } else {
        Err(Error::InvalidInput(format!(
            "adaptive clip norm {c} is outside (0, {MAX_CLIP_NORM:e}]"
        )))
    }
}

/// One `f64[]` buffer of `c` per replica (none when `c` is `None`).
pub(super) fn upload(client: &Client, c: Option<f64>, replicas: usize) -> Result<PerReplica> {
    match c {
        None => Ok(Vec::new()),
        Some(c) => (0..replicas)
            .map(|r| {
                let a = HostArray::f64(Vec::<usize>::new(), vec![c]);
                Ok(vec![to_device_owned(client, a, r)?])
            })
            .collect(),
    }
}

impl Engine {
    /// The clip norm the next accumulate and apply calls use (`None`: C is
    /// baked into the programs).
    pub fn clip_norm(&self) -> Option<f64> {
        self.clip_norm
    }

    /// Moves adaptive clipping's C to `c` for the following calls; an
    /// error for an engine without a runtime C or a C outside
    /// (0, `MAX_CLIP_NORM`].
    pub fn set_clip_norm(&mut self, c: f64) -> Result<()> {
        if self.clip_norm.is_none() {
            return Err(Error::Internal(
                "set_clip_norm on an engine whose clip norm is baked into its programs".into(),
            ));
        }
        check(c)?;
        self.clip_bufs = upload(&self.client, Some(c), self.replicas())?;
        self.clip_norm = Some(c);
        Ok(())
    }
}
