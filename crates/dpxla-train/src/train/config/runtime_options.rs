//! From the `[runtime]` keys to the platform and the client-creation options
//! its plugin gets (`runtime::client_options` is the table of what each plugin
//! knows). A key that does not apply to the platform is a config error naming
//! the key, never an option a plugin would reject or silently ignore.

use crate::train::config::RuntimeConfig;
use crate::{Error, Result};
use dpxla_pjrt::runtime::client_options::{
    device_count_options, GPU_ALLOCATOR, GPU_ALLOCATORS, GPU_MEMORY_FRACTION, GPU_PREALLOCATE,
    GPU_VISIBLE_DEVICES,
};
use dpxla_pjrt::runtime::{OptionValue, Platform};

fn plugin_name(runtime: &RuntimeConfig) -> String {
    runtime
        .plugin
        .as_deref()
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}

fn bad(key: &str, msg: String) -> Error {
    Error::InvalidInput(format!("runtime.{key}: {msg}"))
}

/// The platform of a run: `runtime.platform`, else that of the plugin file
/// `runtime.plugin` by its name (`xla_cuda_plugin.so` is CUDA), else CPU. A
/// platform that contradicts the plugin file's name is an error.
pub fn runtime_platform(runtime: &RuntimeConfig) -> Result<Platform> {
    let from_file = runtime.plugin.as_deref().and_then(Platform::of_plugin_file);
    match runtime.platform.as_deref() {
        Some(p) => {
            let platform: Platform = p.parse().map_err(|e| bad("platform", format!("{e}")))?;
            match from_file {
                Some(f) if f != platform => Err(bad(
                    "platform",
                    format!(
                        "'{platform}' but runtime.plugin {} is a {f} plugin",
                        plugin_name(runtime)
                    ),
                )),
                _ => Ok(platform),
            }
        }
        None => Ok(from_file.unwrap_or(Platform::Cpu)),
    }
}

/// The platform and the client-creation options of a run ([`runtime_platform`],
/// [`client_options`]). A plugin file whose name does not tell its platform,
/// with `runtime.platform` unset, gets no options at all: asking for any
/// (e.g. `runtime.devices = 2`) is an error that asks for `runtime.platform`.
pub fn client_request(
    runtime: &RuntimeConfig,
) -> Result<(Platform, Vec<(&'static str, OptionValue)>)> {
    let platform = runtime_platform(runtime)?;
    let options = client_options(runtime, platform)?;
    let unnamed = runtime.platform.is_none()
        && runtime
            .plugin
            .as_deref()
            .is_some_and(|p| Platform::of_plugin_file(p).is_none());
    if unnamed && !options.is_empty() {
        return Err(bad(
            "platform",
            format!(
                "set it (cpu, cuda or tpu): runtime.plugin {} does not say which platform                  it is, and client options depend on it",
                plugin_name(runtime)
            ),
        ));
    }
    Ok((platform, options))
}

/// The client-creation options for `platform` from the `[runtime]` keys:
/// `devices` → `cpu_device_count` on the CPU plugin (on a GPU the engine uses
/// the first `devices` devices the client sees); `visible_devices`,
/// `gpu_memory_fraction`, `gpu_preallocate`, `gpu_allocator` → the GPU
/// plugin's `visible_devices`, `memory_fraction`, `preallocate`, `allocator`.
pub fn client_options(
    runtime: &RuntimeConfig,
    platform: Platform,
) -> Result<Vec<(&'static str, OptionValue)>> {
    let mut options = device_count_options(platform, runtime.devices);
    let gpu_keys = [
        ("visible_devices", runtime.visible_devices.is_some()),
        ("gpu_memory_fraction", runtime.gpu_memory_fraction.is_some()),
        ("gpu_preallocate", runtime.gpu_preallocate.is_some()),
        ("gpu_allocator", runtime.gpu_allocator.is_some()),
    ];
    if platform != Platform::Cuda {
        if let Some((key, _)) = gpu_keys.iter().find(|(_, set)| *set) {
            return Err(bad(
                key,
                format!("applies to a GPU plugin only, but the platform is {platform}"),
            ));
        }
        return Ok(options);
    }
    if let Some(ids) = &runtime.visible_devices {
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        if ids.is_empty() || ids[0] < 0 || sorted.len() != ids.len() || sorted[0] < 0 {
            return Err(bad(
                "visible_devices",
                format!("must be distinct device ordinals >= 0, got {ids:?}"),
            ));
        }
        if runtime.devices > ids.len() {
            return Err(bad(
                "devices",
                format!(
                    "{} devices but runtime.visible_devices lists only {}",
                    runtime.devices,
                    ids.len()
                ),
            ));
        }
        options.push((GPU_VISIBLE_DEVICES, OptionValue::IntList(ids.clone())));
    }
    if let Some(f) = runtime.gpu_memory_fraction {
        if !(f > 0.0 && f <= 1.0) {
            return Err(bad(
                "gpu_memory_fraction",
                format!("must be in (0, 1], got {f}"),
            ));
        }
        options.push((GPU_MEMORY_FRACTION, OptionValue::Float(f as f32)));
    }
    if let Some(p) = runtime.gpu_preallocate {
        options.push((GPU_PREALLOCATE, OptionValue::Bool(p)));
    }
    if let Some(a) = &runtime.gpu_allocator {
        if !GPU_ALLOCATORS.contains(&a.as_str()) {
            return Err(bad(
                "gpu_allocator",
                format!("'{a}': expected one of {}", GPU_ALLOCATORS.join(", ")),
            ));
        }
        options.push((GPU_ALLOCATOR, OptionValue::Str(a.clone())));
    }
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpxla_pjrt::runtime::client_options::{check_options, CPU_DEVICE_COUNT};
    use std::path::PathBuf;

    fn names(options: &[(&str, OptionValue)]) -> Vec<String> {
        options.iter().map(|(n, _)| n.to_string()).collect()
    }

    #[test]
    fn two_devices_send_a_cpu_option_to_the_cpu_plugin_only() {
        let rt = RuntimeConfig {
            devices: 2,
            ..RuntimeConfig::default()
        };
        let cpu = client_options(&rt, Platform::Cpu).unwrap();
        assert_eq!(cpu, vec![(CPU_DEVICE_COUNT, OptionValue::Int(2))]);
        let cuda = client_options(&rt, Platform::Cuda).unwrap();
        assert!(cuda.is_empty(), "{:?}", names(&cuda));
    }

    #[test]
    fn gpu_keys_map_to_the_gpu_plugin_options_with_their_types() {
        let rt = RuntimeConfig {
            devices: 2,
            visible_devices: Some(vec![1, 3]),
            gpu_memory_fraction: Some(0.5),
            gpu_preallocate: Some(false),
            gpu_allocator: Some("platform".into()),
            ..RuntimeConfig::default()
        };
        let options = client_options(&rt, Platform::Cuda).unwrap();
        assert_eq!(
            names(&options),
            [
                "visible_devices",
                "memory_fraction",
                "preallocate",
                "allocator"
            ]
        );
        check_options(Platform::Cuda, &options).unwrap();
    }

    #[test]
    fn a_gpu_key_on_the_cpu_platform_is_a_config_error_naming_it() {
        let rt = RuntimeConfig {
            gpu_preallocate: Some(false),
            ..RuntimeConfig::default()
        };
        let err = client_options(&rt, Platform::Cpu).unwrap_err().to_string();
        assert!(err.contains("runtime.gpu_preallocate"), "{err}");
        assert!(err.contains("cpu"), "{err}");
    }

    #[test]
    fn bad_values_name_their_key() {
        let check = |rt: RuntimeConfig, key: &str| {
            let err = client_options(&rt, Platform::Cuda).unwrap_err().to_string();
            assert!(err.contains(key), "{err}");
        };
        let d = RuntimeConfig::default;
        check(
            RuntimeConfig {
                gpu_memory_fraction: Some(1.5),
                ..d()
            },
            "runtime.gpu_memory_fraction",
        );
        check(
            RuntimeConfig {
                gpu_allocator: Some("fancy".into()),
                ..d()
            },
            "runtime.gpu_allocator",
        );
        check(
            RuntimeConfig {
                visible_devices: Some(vec![0, 0]),
                ..d()
            },
            "runtime.visible_devices",
        );
        check(
            RuntimeConfig {
                devices: 3,
                visible_devices: Some(vec![0, 1]),
                ..d()
            },
            "runtime.devices",
        );
    }

    #[test]
    fn the_platform_follows_the_plugin_file_unless_it_contradicts_it() {
        let cuda_file = PathBuf::from("/x/jax_plugins/xla_cuda13/xla_cuda_plugin.so");
        let rt = RuntimeConfig {
            plugin: Some(cuda_file.clone()),
            ..RuntimeConfig::default()
        };
        assert_eq!(runtime_platform(&rt).unwrap(), Platform::Cuda);
        let rt = RuntimeConfig {
            plugin: Some(cuda_file),
            platform: Some("cpu".into()),
            ..RuntimeConfig::default()
        };
        let err = runtime_platform(&rt).unwrap_err().to_string();
        assert!(err.contains("runtime.platform"), "{err}");
        let rt = RuntimeConfig {
            plugin: Some(PathBuf::from("/x/libmyplugin.so")),
            ..RuntimeConfig::default()
        };
        assert_eq!(runtime_platform(&rt).unwrap(), Platform::Cpu);
        assert!(client_request(&rt).unwrap().1.is_empty());
        let two = RuntimeConfig { devices: 2, ..rt };
        let err = client_request(&two).unwrap_err().to_string();
        assert!(err.contains("runtime.platform"), "{err}");
        assert_eq!(
            runtime_platform(&RuntimeConfig::default()).unwrap(),
            Platform::Cpu
        );
    }
}
