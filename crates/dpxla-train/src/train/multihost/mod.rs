//! Several processes in one run, the parts that talk (issue 23, item 6): the
//! coordinator's key-value store, the agreed global topology, and the shared
//! sampler and noise streams. The pure sharding logic is
//! `sampling::distributed`; the store and the PJRT callbacks are
//! `dpxla_pjrt::runtime::{kv_store, KvClient}`.
//!
//! What is built and tested on CPU: the store over real TCP, process 0
//! serving it; two processes agreeing on the topology and on the streams; the
//! sharding of one Poisson sample; the CPU plugin refused for more than one
//! process ([`check_supported`]). What is not: the engine's execution of a
//! program whose replicas span processes (compile with a global device
//! assignment, execute with the local argument lists only) and NCCL; no GPU
//! was available to run them, so `dpxla train` refuses several processes on
//! every platform, saying which part is missing.

pub mod coordinator;
pub mod streams;
pub mod topology;

use crate::train::sampling::distributed::ProcessConfig;
use crate::{Error, Result};
use dpxla_pjrt::runtime::client_options::node_options;
use dpxla_pjrt::runtime::Platform;

/// Whether a run of `processes` can train on `platform`: one process always;
/// several never on the CPU plugin (no cross-process collectives, the reason
/// in the message), and not yet elsewhere (the engine's cross-process
/// execution is not built). Called before any data is read or program
/// compiled.
pub fn check_supported(platform: Platform, processes: &ProcessConfig) -> Result<()> {
    if processes.num_processes <= 1 {
        return Ok(());
    }
    // The CPU refusal and its reason come from the options table.
    node_options(platform, processes.process_id, processes.num_processes)
        .map_err(|e| Error::InvalidInput(strip_prefix(e.to_string())))?;
    Err(Error::InvalidInput(format!(
        "{} processes on the {platform} plugin: the coordinator's key-value store, \
         the plugin's node options and callbacks and the topology agreement are \
         built, but the engine cannot yet run one program whose replicas span \
         processes (global device assignment, local argument lists), and it has \
         never run on a GPU/TPU cluster; see docs/scale.md, section 4",
        processes.num_processes
    )))
}

fn strip_prefix(msg: String) -> String {
    msg.strip_prefix("invalid input: ")
        .map(str::to_string)
        .unwrap_or(msg)
}
