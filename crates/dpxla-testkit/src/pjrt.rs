//! Shared helpers for the integration tests: a real plugin, nothing mocked.
//! The XLA CPU plugin by default; `DPXLA_TEST_PLATFORM=cuda` (or `tpu`) runs
//! the same tests on that platform's plugin, with the options its plugin knows.

use dpxla_pjrt::runtime::{Client, CompileOptions, Executable, OptionValue, Platform, PluginQuery};
use std::sync::OnceLock;

/// The platform the tests run on: `DPXLA_TEST_PLATFORM`, else `cpu`.
pub fn test_platform() -> Platform {
    match std::env::var("DPXLA_TEST_PLATFORM") {
        Ok(p) if !p.is_empty() => p.parse().expect("DPXLA_TEST_PLATFORM: cpu, cuda or tpu"),
        _ => Platform::Cpu,
    }
}

/// The client options for `devices` devices on `platform`: the CPU plugin's
/// `cpu_device_count` (always, so that a one-device test client has exactly
/// one device, not the plugin's default 4); nothing for a GPU or TPU plugin,
/// whose devices are the hardware's.
pub fn device_options(platform: Platform, devices: i64) -> Vec<(&'static str, OptionValue)> {
    match platform {
        Platform::Cpu => vec![(
            dpxla_pjrt::runtime::client_options::CPU_DEVICE_COUNT,
            OptionValue::Int(devices),
        )],
        Platform::Cuda | Platform::Tpu => Vec::new(),
    }
}

/// A client with at least `devices` devices on the test platform's real plugin
/// (the CPU plugin is found in the cache or site-packages, fetched with pip on
/// first use).
pub fn client_with(devices: i64) -> Client {
    let platform = test_platform();
    let query = PluginQuery {
        path: None,
        platform,
        allow_fetch: true,
    };
    let client = query
        .client(&device_options(platform, devices))
        .unwrap_or_else(|e| panic!("the {platform} plugin must be available: {e}"));
    client
        .require_devices(devices as usize)
        .unwrap_or_else(|e| panic!("{e}"));
    client
}

/// One process-wide single-device client on the test platform.
pub fn test_client() -> &'static Client {
    static CLIENT: OnceLock<Client> = OnceLock::new();
    CLIENT.get_or_init(|| client_with(1))
}

pub fn compile(client: &Client, mlir: &str) -> Executable {
    client
        .compile(mlir, &CompileOptions::default())
        .unwrap_or_else(|e| panic!("compile failed: {e}\n{mlir}"))
}
