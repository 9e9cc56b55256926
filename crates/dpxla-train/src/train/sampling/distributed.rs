//! Several processes (hosts) in one run: who they are, which rows of every
//! Poisson batch each reads, and which one writes. Pure coordination logic;
//! the collectives themselves are XLA's, reached through a PJRT client created
//! with the distributed options (GPU/TPU plugins only, see docs/scale.md: the
//! XLA CPU plugin reads `cpu_device_count` and nothing else, so it has no
//! cross-process collectives and a CPU run is always one process).
//!
//! The plan every process follows for one logical batch:
//! 1. all processes draw the SAME Poisson index list (the sampler is seeded
//!    identically: process 0 draws the seed from OS entropy and publishes it
//!    through the coordinator's key-value store before the first step);
//! 2. the list is split into physical batches whose compiled sizes are
//!    multiples of the global device count ([`global_physical_sizes`],
//!    `sampler::physical_split`), identically everywhere, so every process
//!    runs the same number of collective programs;
//! 3. process `i` reads its contiguous share of each physical batch
//!    ([`process_share`]); within the process, `data_parallel::shard` splits
//!    it over the local devices (process-major global device order, as PJRT
//!    numbers devices);
//! 4. only process 0 writes checkpoints, metrics and the privacy ledger
//!    ([`ProcessConfig::is_writer`]); the accountant is composed once.

use crate::train::sampling::sampler::{physical_sizes, physical_split};
use crate::{Error, Result};

/// Environment variable: number of processes (`--num-processes`).
pub const ENV_NUM_PROCESSES: &str = "DPXLA_NUM_PROCESSES";
/// Environment variable: this process's index (`--process-id`).
pub const ENV_PROCESS_ID: &str = "DPXLA_PROCESS_ID";
/// Environment variable: the coordinator's `HOST:PORT` (`--coordinator`).
pub const ENV_COORDINATOR: &str = "DPXLA_COORDINATOR";

/// Where this process stands in a multi-process run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcessConfig {
    /// Processes in the run (at least 1).
    pub num_processes: usize,
    /// This process's 0-based index.
    pub process_id: usize,
    /// `HOST:PORT` of process 0's key-value service; required when there is
    /// more than one process.
    pub coordinator: Option<String>,
}

/// What the command line gave (each overrides its environment variable).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProcessArgs {
    /// `--num-processes`.
    pub num_processes: Option<usize>,
    /// `--process-id`.
    pub process_id: Option<usize>,
    /// `--coordinator HOST:PORT`.
    pub coordinator: Option<String>,
}

impl ProcessConfig {
    /// A run of one process (the default).
    pub fn single() -> ProcessConfig {
        ProcessConfig {
            num_processes: 1,
            process_id: 0,
            coordinator: None,
        }
    }

    /// The configuration from the command line, else the `DPXLA_*` variables,
    /// else SLURM's (`SLURM_NTASKS`, `SLURM_PROCID`), else one process. `env`
    /// reads a variable (`|k| std::env::var(k).ok()` in the binary).
    pub fn resolve(args: &ProcessArgs, env: &dyn Fn(&str) -> Option<String>) -> Result<Self> {
        Self::resolve_with_config(args, &ProcessArgs::default(), env)
    }

    /// As [`ProcessConfig::resolve`], with the run configuration's
    /// `runtime.num_processes` / `process_id` / `coordinator` (`config`)
    /// between the `DPXLA_*` variables and SLURM's: command line > `DPXLA_*`
    /// > config file > SLURM > one process.
    pub fn resolve_with_config(
        args: &ProcessArgs,
        config: &ProcessArgs,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Self> {
        let num = |name: &str| -> Result<Option<usize>> {
            env(name)
                .filter(|v| !v.trim().is_empty())
                .map(|v| {
                    v.trim().parse::<usize>().map_err(|_| {
                        Error::InvalidInput(format!("{name}={v:?} is not a non-negative integer"))
                    })
                })
                .transpose()
        };
        let num_processes = match args.num_processes {
            Some(n) => n,
            None => num(ENV_NUM_PROCESSES)?
                .or(config.num_processes)
                .or(num("SLURM_NTASKS")?)
                .unwrap_or(1),
        };
        let process_id = match args.process_id {
            Some(i) => i,
            None => num(ENV_PROCESS_ID)?
                .or(config.process_id)
                .or(num("SLURM_PROCID")?)
                .unwrap_or(0),
        };
        let coordinator = args
            .coordinator
            .clone()
            .or_else(|| env(ENV_COORDINATOR).filter(|v| !v.trim().is_empty()))
            .or_else(|| config.coordinator.clone());
        let cfg = ProcessConfig {
            num_processes,
            process_id,
            coordinator,
        };
        cfg.validate()?;
        Ok(cfg)
    }

    /// Checks the process count and index and the coordinator address.
    pub fn validate(&self) -> Result<()> {
        if self.num_processes == 0 {
            return Err(Error::InvalidInput(
                "the number of processes must be at least 1".into(),
            ));
        }
        if self.process_id >= self.num_processes {
            return Err(Error::InvalidInput(format!(
                "process id {} is out of range for {} process(es) (ids are 0-based)",
                self.process_id, self.num_processes
            )));
        }
        if self.num_processes > 1 {
            let addr = self.coordinator.as_deref().ok_or_else(|| {
                Error::InvalidInput(format!(
                    "{} processes need a coordinator: --coordinator HOST:PORT or {ENV_COORDINATOR}",
                    self.num_processes
                ))
            })?;
            parse_host_port(addr)?;
        }
        Ok(())
    }

    /// Whether this process writes checkpoints, metrics and the ledger
    /// (process 0 only; the others compute the same state and discard it).
    pub fn is_writer(&self) -> bool {
        self.process_id == 0
    }
}

/// Splits `HOST:PORT` (IPv6 hosts in brackets, `[::1]:1234`).
pub fn parse_host_port(addr: &str) -> Result<(String, u16)> {
    let bad = || {
        Error::InvalidInput(format!(
            "coordinator {addr:?} is not HOST:PORT (e.g. 10.0.0.1:1234)"
        ))
    };
    let (host, port) = addr.rsplit_once(':').ok_or_else(bad)?;
    let host = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    if host.is_empty() || host.contains(':') && !addr.starts_with('[') {
        return Err(bad());
    }
    let port: u16 = port.parse().map_err(|_| bad())?;
    if port == 0 {
        return Err(bad());
    }
    Ok((host.to_string(), port))
}

/// Compiled GLOBAL physical sizes for a largest size `max` on `devices`
/// devices in all: `sampler::physical_sizes(max)`, each rounded up to a
/// multiple of `devices` so every device gets the same number of rows.
pub fn global_physical_sizes(max: usize, devices: usize) -> Vec<usize> {
    let d = devices.max(1);
    let mut sizes: Vec<usize> = physical_sizes(max)
        .into_iter()
        .map(|s| s.div_ceil(d) * d)
        .collect();
    sizes.dedup();
    sizes
}

/// One process's share of one physical batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcessBatch {
    /// Dataset indices this process reads (its real rows, in order).
    pub indices: Vec<usize>,
    /// Rows this process feeds its devices (`indices` then masked padding).
    pub rows: usize,
}

/// Process `cfg.process_id`'s share of a physical batch of `compiled` global
/// rows whose real examples are `batch` (`batch.len() <= compiled`): rows
/// `i·R .. (i+1)·R` with `R = compiled / num_processes`; rows past the real
/// examples are padding.
pub fn process_share(
    batch: &[usize],
    compiled: usize,
    cfg: &ProcessConfig,
) -> Result<ProcessBatch> {
    let p = cfg.num_processes;
    if p == 0 || !compiled.is_multiple_of(p) || batch.len() > compiled {
        return Err(Error::InvalidInput(format!(
            "{} examples in a physical batch of {compiled} rows cannot be shared by \
             {p} process(es)",
            batch.len()
        )));
    }
    let rows = compiled / p;
    let lo = (cfg.process_id * rows).min(batch.len());
    let hi = ((cfg.process_id + 1) * rows).min(batch.len());
    Ok(ProcessBatch {
        indices: batch[lo..hi].to_vec(),
        rows,
    })
}

/// The plan of one logical batch (the Poisson index list, identical in every
/// process) for this process: one [`ProcessBatch`] per physical batch, the
/// same number in every process.
pub fn plan_logical_batch(
    indices: &[usize],
    sizes: &[usize],
    cfg: &ProcessConfig,
) -> Result<Vec<ProcessBatch>> {
    let mut start = 0;
    physical_split(indices.len(), sizes)
        .into_iter()
        .map(|(real, compiled)| {
            let share = process_share(&indices[start..start + real], compiled, cfg);
            start += real;
            share
        })
        .collect()
}
