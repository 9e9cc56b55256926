//! Shared helpers for the integration tests: the real CPU plugin, nothing mocked.
#![allow(dead_code)]

use dpxla::runtime::{Client, CompileOptions, Executable, OptionValue, PluginQuery};
use std::sync::OnceLock;

/// A client on the real XLA CPU plugin with `devices` CPU devices (found in the
/// cache or site-packages, fetched with pip on first use).
pub fn cpu_client_with(devices: i64) -> Client {
    PluginQuery::cpu()
        .client(&[("cpu_device_count", OptionValue::Int(devices))])
        .expect("the XLA CPU plugin must be available (run `dpxla plugin fetch cpu`)")
}

/// One process-wide single-device CPU client.
pub fn cpu_client() -> &'static Client {
    static CLIENT: OnceLock<Client> = OnceLock::new();
    CLIENT.get_or_init(|| cpu_client_with(1))
}

pub fn compile(client: &Client, mlir: &str) -> Executable {
    client
        .compile(mlir, &CompileOptions::default())
        .unwrap_or_else(|e| panic!("compile failed: {e}\n{mlir}"))
}
