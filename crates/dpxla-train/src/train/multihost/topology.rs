//! The global topology of a multi-process run: each process publishes its
//! local (addressable) devices through the coordinator, and every process
//! derives the same global device list and replica assignment from all of
//! them.
//!
//! Replica order is process-major: replica `r = p·L + l` runs on local device
//! `l` of process `p` (L devices per process). That is how PJRT numbers the
//! devices of a distributed GPU client (node 0's devices first), and it is
//! the order `sampling::distributed::process_share` hands out the rows of a
//! physical batch in: process `p` takes rows `p·R..(p+1)·R` and splits them
//! over its L devices with `data_parallel::shard`, so replica `r` gets rows
//! `r·R/L..(r+1)·R/L` of the global batch, exactly as one process with P·L
//! devices would.
//!
//! Checks: every process has the same number of devices (the programs are
//! replicated; unequal shares would make the processes run different
//! programs), of the same kind (one all-reduce over mixed hardware is not a
//! configuration anyone tests), with global ids that do not repeat (a
//! plugin that ignores the node options, like the CPU plugin, numbers every
//! process's devices from 0). After deriving the list, every process
//! publishes a digest of it and compares all digests, so a process that read
//! a different list (another run on the same coordinator) stops.

use super::coordinator::Coordinator;
use crate::{Error, Result};
use dpxla_pjrt::runtime::DeviceInfo;

/// One device as a process reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalDevice {
    /// PJRT's global device id.
    pub id: i32,
    /// The device kind (e.g. "NVIDIA H100 80GB HBM3").
    pub kind: String,
}

impl LocalDevice {
    /// The first `n` of a client's addressable devices (those the run uses).
    pub fn from_client(devices: &[DeviceInfo], n: usize) -> Vec<LocalDevice> {
        devices
            .iter()
            .take(n)
            .map(|d| LocalDevice {
                id: d.id,
                kind: d.kind.clone(),
            })
            .collect()
    }
}

/// One replica of the run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlobalDevice {
    /// Replica index, process-major.
    pub replica: usize,
    /// The process that drives it.
    pub process: usize,
    /// Its index among that process's devices.
    pub local_index: usize,
    /// PJRT's global device id.
    pub id: i32,
    pub kind: String,
}

/// The agreed topology.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlobalTopology {
    pub num_processes: usize,
    /// Devices per process.
    pub local_devices: usize,
    /// All replicas, in replica order.
    pub devices: Vec<GlobalDevice>,
}

impl GlobalTopology {
    /// The global device ids in replica order (a compile's device
    /// assignment for `num_replicas = P·L`, one partition).
    pub fn device_assignment(&self) -> Vec<i32> {
        self.devices.iter().map(|d| d.id).collect()
    }

    /// The replicas `process` drives.
    pub fn replicas_of(&self, process: usize) -> std::ops::Range<usize> {
        process * self.local_devices..(process + 1) * self.local_devices
    }

    /// A stable text form (what the digest is computed over).
    fn describe(&self) -> String {
        let mut s = format!("{} x {}\n", self.num_processes, self.local_devices);
        for d in &self.devices {
            s.push_str(&format!(
                "{} {} {} {} {}\n",
                d.replica, d.process, d.local_index, d.id, d.kind
            ));
        }
        s
    }
}

fn encode(devices: &[LocalDevice]) -> Vec<u8> {
    let mut s = String::new();
    for d in devices {
        // Kinds are plugin strings; keep one device per line.
        s.push_str(&format!(
            "{}\t{}\n",
            d.id,
            d.kind.replace(['\n', '\t'], " ")
        ));
    }
    s.into_bytes()
}

fn decode(process: usize, bytes: &[u8]) -> Result<Vec<LocalDevice>> {
    let bad = || {
        Error::InvalidInput(format!(
            "process {process} published a malformed device list"
        ))
    };
    let text = std::str::from_utf8(bytes).map_err(|_| bad())?;
    text.lines()
        .map(|line| {
            let (id, kind) = line.split_once('\t').ok_or_else(bad)?;
            Ok(LocalDevice {
                id: id.parse().map_err(|_| bad())?,
                kind: kind.to_string(),
            })
        })
        .collect()
}

/// The global topology from every process's local devices (index = process),
/// with the checks of the module documentation. Pure: the same input gives
/// the same topology in every process.
pub fn global_topology(per_process: &[Vec<LocalDevice>]) -> Result<GlobalTopology> {
    let p = per_process.len();
    let l = per_process.first().map_or(0, Vec::len);
    if p == 0 || l == 0 {
        return Err(Error::InvalidInput(
            "a run needs at least one process with at least one device".into(),
        ));
    }
    if let Some((i, d)) = per_process.iter().enumerate().find(|(_, d)| d.len() != l) {
        return Err(Error::InvalidInput(format!(
            "process {i} has {} device(s), process 0 has {l}: every process must \
             bring the same number (runtime.devices)",
            d.len()
        )));
    }
    let kind = &per_process[0][0].kind;
    let mut devices = Vec::with_capacity(p * l);
    for (process, local) in per_process.iter().enumerate() {
        for (local_index, d) in local.iter().enumerate() {
            if d.kind != *kind {
                return Err(Error::InvalidInput(format!(
                    "process {process} device {local_index} is a '{}', process 0's are \
                     '{kind}': one run needs one kind of device",
                    d.kind
                )));
            }
            if let Some(other) = devices.iter().find(|g: &&GlobalDevice| g.id == d.id) {
                return Err(Error::InvalidInput(format!(
                    "device id {} is both process {}'s and process {process}'s: the \
                     plugin does not number devices across processes (the CPU plugin \
                     ignores node_id/num_nodes and has no cross-process collectives)",
                    d.id, other.process
                )));
            }
            devices.push(GlobalDevice {
                replica: process * l + local_index,
                process,
                local_index,
                id: d.id,
                kind: d.kind.clone(),
            });
        }
    }
    Ok(GlobalTopology {
        num_processes: p,
        local_devices: l,
        devices,
    })
}

/// Publishes this process's devices, waits for every other process's, and
/// returns the agreed topology after all processes confirmed the same one.
pub fn agree_topology(coord: &Coordinator, local: &[LocalDevice]) -> Result<GlobalTopology> {
    let me = coord.processes().process_id;
    let p = coord.processes().num_processes;
    coord.put(&format!("topology/devices/{me}"), &encode(local))?;
    let per_process = (0..p)
        .map(|i| decode(i, &coord.get(&format!("topology/devices/{i}"))?))
        .collect::<Result<Vec<_>>>()?;
    let topology = global_topology(&per_process)?;
    let digest =
        dpxla_pjrt::runtime::sha256::hex_digest(topology.describe().as_bytes()).into_bytes();
    coord.put(&format!("topology/digest/{me}"), &digest)?;
    for i in 0..p {
        let theirs = coord.get(&format!("topology/digest/{i}"))?;
        if theirs != digest {
            return Err(Error::InvalidInput(format!(
                "process {i} derived a different global topology than process {me} \
                 (is another run using the same coordinator?)"
            )));
        }
    }
    Ok(topology)
}
