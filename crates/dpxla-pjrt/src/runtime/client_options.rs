//! The client-creation options each platform's plugin knows (`PJRT_NamedValue`s
//! passed to `PJRT_Client_Create`), so that dpxla never sends a name or a type a
//! plugin does not expect: the GPU plugin (and newer CPU plugins) reject an
//! unknown name ("Unexpected option name passed to PJRT_Client_Create").
//!
//! Sources (read, not copied):
//! - CPU: XLA's `xla/pjrt/c/pjrt_c_api_cpu_internal.cc` reads `cpu_device_count`
//!   (int64; the plugin's default is 4 devices).
//! - GPU (CUDA and ROCm share it): XLA's `xla/pjrt/c/pjrt_c_api_gpu_internal.cc`,
//!   `PJRT_Client_Create`, whose `kExpectedOptionNameAndTypes` lists
//!   `visible_devices` (int64 list), `memory_fraction` (float), `preallocate`
//!   (bool), `allocator` (string: `default`, `platform`, `bfc`, `cuda_async`; newer
//!   builds add `vmm`), `node_id` / `num_nodes` (int64, many hosts), and a few
//!   more that dpxla does not use. JAX's `jax/_src/xla_bridge.py`
//!   (`make_gpu_client`) fills the same names from `XLA_PYTHON_CLIENT_MEM_FRACTION`,
//!   `XLA_PYTHON_CLIENT_PREALLOCATE`, `XLA_PYTHON_CLIENT_ALLOCATOR` and
//!   `jax_cuda_visible_devices`. Left unset, the plugin preallocates 75% of each
//!   visible GPU's memory with its BFC allocator, as JAX does.
//! - TPU: dpxla sends libtpu no options.

use super::client::OptionValue;
use super::plugin::Platform;
use crate::{Error, Result};

/// The type of a known option's value (`PJRT_NamedValue_Type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionType {
    Int,
    IntList,
    Float,
    Bool,
    Str,
}

impl OptionType {
    fn of(value: &OptionValue) -> OptionType {
        match value {
            OptionValue::Int(_) => OptionType::Int,
            OptionValue::IntList(_) => OptionType::IntList,
            OptionValue::Float(_) => OptionType::Float,
            OptionValue::Bool(_) => OptionType::Bool,
            OptionValue::Str(_) => OptionType::Str,
        }
    }
}

/// One option a platform's plugin reads at client creation.
#[derive(Clone, Copy, Debug)]
pub struct KnownOption {
    pub name: &'static str,
    pub ty: OptionType,
}

/// The CPU plugin's number of devices.
pub const CPU_DEVICE_COUNT: &str = "cpu_device_count";
/// GPU: the device ordinals the client may use.
pub const GPU_VISIBLE_DEVICES: &str = "visible_devices";
/// GPU: the fraction of each device's memory the allocator may take.
pub const GPU_MEMORY_FRACTION: &str = "memory_fraction";
/// GPU: whether the allocator takes its fraction at start-up.
pub const GPU_PREALLOCATE: &str = "preallocate";
/// GPU: the allocator's kind.
pub const GPU_ALLOCATOR: &str = "allocator";

/// GPU, many hosts: this process's node index (`PJRT_Client_Create` of
/// `pjrt_c_api_gpu_internal.cc`; with the key-value callbacks set).
pub const GPU_NODE_ID: &str = "node_id";
/// GPU, many hosts: the number of nodes (processes) in the run.
pub const GPU_NUM_NODES: &str = "num_nodes";

/// The GPU allocator kinds dpxla accepts for [`GPU_ALLOCATOR`] (those every
/// plugin build since the option exists knows).
pub const GPU_ALLOCATORS: &[&str] = &["default", "platform", "bfc", "cuda_async"];

const CPU_OPTIONS: &[KnownOption] = &[KnownOption {
    name: CPU_DEVICE_COUNT,
    ty: OptionType::Int,
}];

const GPU_OPTIONS: &[KnownOption] = &[
    KnownOption {
        name: GPU_VISIBLE_DEVICES,
        ty: OptionType::IntList,
    },
    KnownOption {
        name: GPU_MEMORY_FRACTION,
        ty: OptionType::Float,
    },
    KnownOption {
        name: GPU_PREALLOCATE,
        ty: OptionType::Bool,
    },
    KnownOption {
        name: GPU_ALLOCATOR,
        ty: OptionType::Str,
    },
    KnownOption {
        name: GPU_NODE_ID,
        ty: OptionType::Int,
    },
    KnownOption {
        name: GPU_NUM_NODES,
        ty: OptionType::Int,
    },
];

/// The options `platform`'s plugin knows and dpxla may send.
pub fn known_options(platform: Platform) -> &'static [KnownOption] {
    match platform {
        Platform::Cpu => CPU_OPTIONS,
        Platform::Cuda => GPU_OPTIONS,
        Platform::Tpu => &[],
    }
}

/// Checks that every option is known to `platform`'s plugin with its type:
/// the last gate before `PJRT_Client_Create` (`PluginQuery::client`).
pub fn check_options(platform: Platform, options: &[(&str, OptionValue)]) -> Result<()> {
    let known = known_options(platform);
    for (name, value) in options {
        let Some(k) = known.iter().find(|k| k.name == *name) else {
            let names: Vec<&str> = known.iter().map(|k| k.name).collect();
            return Err(Error::InvalidInput(format!(
                "client option '{name}' is not an option of the {platform} plugin \
                 (it knows: {})",
                if names.is_empty() {
                    "none".to_string()
                } else {
                    names.join(", ")
                }
            )));
        };
        if OptionType::of(value) != k.ty {
            return Err(Error::InvalidInput(format!(
                "client option '{name}' of the {platform} plugin takes {:?}, got {value:?}",
                k.ty
            )));
        }
    }
    Ok(())
}

/// The options for a client of `platform` with `devices` devices: on the CPU
/// plugin `cpu_device_count` (only above 1, so a single-device client looks
/// as it always has); elsewhere nothing (the devices are the hardware's, and
/// the caller uses the first `devices` of them).
pub fn device_count_options(
    platform: Platform,
    devices: usize,
) -> Vec<(&'static str, OptionValue)> {
    match platform {
        Platform::Cpu if devices > 1 => vec![(CPU_DEVICE_COUNT, OptionValue::Int(devices as i64))],
        _ => Vec::new(),
    }
}

/// The options that make a client one node of a `num_nodes`-process run: on
/// the GPU plugin `node_id` and `num_nodes` (the plugin then needs the
/// key-value callbacks, `Client::new_distributed`); libtpu takes none (it
/// finds its slice from the TPU VM's environment); the CPU plugin is refused:
/// it ignores both and has no cross-process collectives (docs/scale.md), so
/// "two processes" would be two independent one-process runs.
pub fn node_options(
    platform: Platform,
    node_id: usize,
    num_nodes: usize,
) -> Result<Vec<(&'static str, OptionValue)>> {
    if node_id >= num_nodes {
        return Err(Error::InvalidInput(format!(
            "node {node_id} is out of range for {num_nodes} node(s)"
        )));
    }
    match platform {
        Platform::Cpu if num_nodes > 1 => Err(Error::InvalidInput(format!(
            "{num_nodes} processes on the CPU plugin: the XLA CPU plugin has no \
             cross-process collectives (it ignores node_id, num_nodes and the \
             key-value store), so the processes could not sum their clipped \
             gradients; use runtime.devices for several devices in one process, \
             or a GPU/TPU plugin (docs/scale.md)"
        ))),
        Platform::Cpu | Platform::Tpu => Ok(Vec::new()),
        Platform::Cuda if num_nodes == 1 => Ok(Vec::new()),
        Platform::Cuda => Ok(vec![
            (GPU_NODE_ID, OptionValue::Int(node_id as i64)),
            (GPU_NUM_NODES, OptionValue::Int(num_nodes as i64)),
        ]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cpu_option_is_refused_for_a_gpu_and_a_gpu_option_for_a_cpu() {
        let cpu = [(CPU_DEVICE_COUNT, OptionValue::Int(2))];
        assert!(check_options(Platform::Cpu, &cpu).is_ok());
        let err = check_options(Platform::Cuda, &cpu).unwrap_err().to_string();
        assert!(
            err.contains("cpu_device_count") && err.contains("cuda"),
            "{err}"
        );
        let gpu = [(GPU_MEMORY_FRACTION, OptionValue::Float(0.5))];
        assert!(check_options(Platform::Cuda, &gpu).is_ok());
        assert!(check_options(Platform::Cpu, &gpu).is_err());
        assert!(check_options(Platform::Tpu, &gpu).is_err());
    }

    #[test]
    fn a_known_name_with_the_wrong_type_is_refused() {
        let wrong = [(GPU_PREALLOCATE, OptionValue::Str("false".into()))];
        let err = check_options(Platform::Cuda, &wrong)
            .unwrap_err()
            .to_string();
        assert!(err.contains("preallocate") && err.contains("Bool"), "{err}");
    }

    #[test]
    fn only_the_cpu_plugin_gets_a_device_count() {
        assert_eq!(
            device_count_options(Platform::Cpu, 2),
            vec![(CPU_DEVICE_COUNT, OptionValue::Int(2))]
        );
        assert!(device_count_options(Platform::Cpu, 1).is_empty());
        assert!(device_count_options(Platform::Cuda, 2).is_empty());
        assert!(device_count_options(Platform::Tpu, 8).is_empty());
    }

    #[test]
    fn node_options_go_to_the_gpu_plugin_and_the_cpu_plugin_refuses_two_nodes() {
        let gpu = node_options(Platform::Cuda, 1, 2).unwrap();
        assert_eq!(
            gpu,
            vec![
                (GPU_NODE_ID, OptionValue::Int(1)),
                (GPU_NUM_NODES, OptionValue::Int(2))
            ]
        );
        let named: Vec<(&str, OptionValue)> = gpu.into_iter().collect();
        assert!(check_options(Platform::Cuda, &named).is_ok());
        assert!(check_options(Platform::Cpu, &named).is_err());
        let err = node_options(Platform::Cpu, 0, 2).unwrap_err().to_string();
        assert!(err.contains("no cross-process collectives"), "{err}");
        assert!(node_options(Platform::Cpu, 0, 1).unwrap().is_empty());
        assert!(node_options(Platform::Cuda, 0, 1).unwrap().is_empty());
        assert!(node_options(Platform::Tpu, 3, 4).unwrap().is_empty());
        assert!(node_options(Platform::Cuda, 2, 2).is_err());
    }
}
