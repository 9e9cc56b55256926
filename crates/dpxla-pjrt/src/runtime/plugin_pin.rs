//! The CPU plugin dpxla fetches is pinned (issue 10, item 11): one version of
//! the `xla-cpu-pjrt` wheel, whose SHA-256 is checked before it is unpacked,
//! and the SHA-256 of the plugin library in it, checked before it is loaded. A
//! changed or substituted download (a new release, a compromised mirror) is an
//! error instead of native code loaded into the training process.
//!
//! Updating: `python3 -m pip download --no-deps xla-cpu-pjrt==NEW`, then
//! `sha256sum` the wheel and its `xla_plugins/xla_cpu_pjrt/xla_cpu_pjrt.so`.

use super::sha256::file_hex_digest;
use crate::{Error, Result};
use std::path::Path;

/// The pinned `xla-cpu-pjrt` version.
pub const CPU_PLUGIN_VERSION: &str = "0.0.1";

/// SHA-256 of the pinned wheel for this machine's platform, and of the plugin
/// library inside it. Only linux x86_64 wheels exist for this version.
pub fn cpu_plugin_digests() -> Result<(&'static str, &'static str)> {
    if cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        Ok((
            // xla_cpu_pjrt-0.0.1-py3-none-manylinux_2_27_x86_64.whl
            "55837b6b7b47daa717f2d9a5a03563ea0ceaa338d06a81a1e2d3f060d960decc",
            // xla_plugins/xla_cpu_pjrt/xla_cpu_pjrt.so
            "88c3f28c5900f48ad4a82cab9e79bba9537809743395e341485f8794268820dc",
        ))
    } else {
        Err(Error::PluginNotFound(format!(
            "no pinned xla-cpu-pjrt {CPU_PLUGIN_VERSION} digest for this platform: install the \
             plugin yourself and pass --plugin PATH (or set DPXLA_PLUGIN)"
        )))
    }
}

/// Checks that `path` has the SHA-256 `expected` (lower-case hex).
pub fn verify_sha256(path: &Path, expected: &str) -> Result<()> {
    let got = file_hex_digest(path).map_err(|source| dpxla_core::Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if got != expected {
        return Err(Error::PluginLoad {
            path: path.to_path_buf(),
            reason: format!(
                "SHA-256 mismatch: expected {expected} (pinned xla-cpu-pjrt \
                 {CPU_PLUGIN_VERSION}), got {got}; refusing to use it"
            ),
        });
    }
    Ok(())
}
