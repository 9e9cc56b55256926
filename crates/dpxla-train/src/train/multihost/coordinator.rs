//! The coordinator of a multi-process run: process 0 serves the key-value
//! store on `--coordinator HOST:PORT` (`runtime.coordinator`), every process
//! (0 included) is a client of it. The store carries dpxla's own keys under
//! `dpxla/` and the PJRT plugin's under `pjrt/` (`kv_callbacks`).
//!
//! Trust: the store is plain TCP, unauthenticated and unencrypted, and it
//! carries the noise stream's seed ([`super::streams`]): anyone who can read
//! it can subtract the noise. All processes of a run are one trusted party
//! on one trusted network (as with JAX's coordination service); never expose
//! the coordinator's port beyond it.

use crate::train::sampling::distributed::{parse_host_port, ProcessConfig};
use crate::{Error, Result};
use dpxla_pjrt::runtime::{KvClient, KvServer};
use std::sync::Arc;
use std::time::Duration;

/// How long a process waits for the others by default (start-up skew of a
/// cluster scheduler).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(300);

/// This process's handle on the run's store.
pub struct Coordinator {
    /// The store process 0 serves (None elsewhere).
    server: Option<KvServer>,
    kv: Arc<KvClient>,
    processes: ProcessConfig,
    timeout: Duration,
}

impl Coordinator {
    /// Process 0 starts the store on the coordinator address; every process
    /// connects to it. `timeout` bounds each wait for another process.
    pub fn start(processes: &ProcessConfig, timeout: Duration) -> Result<Coordinator> {
        processes.validate()?;
        let addr = processes.coordinator.as_deref().ok_or_else(|| {
            Error::InvalidInput("a multi-process run needs a coordinator address".into())
        })?;
        let (host, port) = parse_host_port(addr)?;
        let server = if processes.process_id == 0 {
            // Listen on the address given (the other processes reach process
            // 0 there); IPv6 hosts need their brackets back for bind.
            let bind = if host.contains(':') {
                format!("[{host}]:{port}")
            } else {
                format!("{host}:{port}")
            };
            Some(KvServer::start(&bind)?)
        } else {
            None
        };
        let target = match &server {
            // Port 0 asks the OS for a free port (tests); connect to that one.
            Some(s) => s.addr().to_string(),
            None => addr.to_string(),
        };
        let kv = KvClient::new(&target, timeout)?;
        Ok(Coordinator {
            server,
            kv: Arc::new(kv),
            processes: processes.clone(),
            timeout,
        })
    }

    /// The store's client (what `PluginQuery::client_distributed` takes).
    pub fn kv(&self) -> Arc<KvClient> {
        self.kv.clone()
    }

    /// Where the store listens (process 0 only; tests with port 0).
    pub fn served_addr(&self) -> Option<std::net::SocketAddr> {
        self.server.as_ref().map(|s| s.addr())
    }

    pub fn processes(&self) -> &ProcessConfig {
        &self.processes
    }

    /// Puts one of dpxla's keys (`dpxla/<key>`).
    pub fn put(&self, key: &str, value: &[u8]) -> Result<()> {
        self.kv
            .put(&format!("dpxla/{key}"), value)
            .map_err(store_error)
    }

    /// Waits for one of dpxla's keys.
    pub fn get(&self, key: &str) -> Result<Vec<u8>> {
        self.kv
            .get(&format!("dpxla/{key}"), self.timeout)
            .map_err(store_error)
    }
}

fn store_error(e: dpxla_pjrt::runtime::kv_store::KvError) -> Error {
    Error::Pjrt(e.into())
}
