//! The PJRT C API binding: plugin loading, clients, devices, buffers, compilation
//! and execution. All `unsafe` code of the crate lives in this module; each block
//! carries a `// SAFETY:` comment and every handle is freed by a `Drop`.
//!
//! One binding serves every PJRT plugin (the XLA CPU plugin, JAX's CUDA plugins,
//! libtpu), because they all implement the same C header (`pjrt_c_api.h`).

pub(crate) mod api;
mod buffer;
mod client;
pub mod client_options;
pub mod compile_cache;
mod compile_options;
mod element;
mod event;
mod executable;
pub mod ffi;
mod ffi_api;
mod kv_callbacks;
pub mod kv_store;
pub mod launch;
mod memory;
pub mod plugin;
pub mod plugin_pin;
pub mod sha256;
mod smoke;

pub use api::Api;

/// A client on the XLA CPU plugin, found (or fetched) as `dpxla plugin info`
/// does: the usual start of library use.
pub fn cpu_client() -> crate::Result<Client> {
    plugin::PluginQuery::cpu().client(&[])
}

pub use buffer::Buffer;
pub use client::{Client, DeviceInfo, OptionValue};
pub use compile_cache::{CacheStats, CompileCache};
pub use compile_options::{CompileOptions, XlaFlag};
pub use element::{ElementType, NativeType};
pub use executable::Executable;
pub use kv_store::{KvClient, KvServer};
pub use memory::{CompiledMemoryStats, DeviceMemoryStats};
pub use plugin::{Platform, PluginQuery};
