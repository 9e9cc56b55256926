//! Memory statistics the plugin reports: the allocator's counters of one device
//! (`PJRT_Device_MemoryStats`) and XLA's static buffer assignment of one compiled
//! program (`PJRT_Executable_GetCompiledMemoryStats`). Both are diagnostics
//! (pjrt_c_api.h); a plugin may not implement them, in which case the call
//! returns an error carrying the plugin's message.

use super::api::pjrt_call;
use super::client::Client;
use super::executable::Executable;
use super::ffi;
use crate::Result;

/// A device allocator's counters (`PJRT_Device_MemoryStats_Args`). Only
/// `bytes_in_use` is always set; the rest are `None` where the plugin does not
/// track them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DeviceMemoryStats {
    pub bytes_in_use: i64,
    pub peak_bytes_in_use: Option<i64>,
    pub bytes_limit: Option<i64>,
    pub num_allocs: Option<i64>,
}

/// XLA's buffer assignment for one compiled program, in bytes
/// (`xla::CompiledMemoryStats`; JAX's `Compiled.memory_analysis()` reports the
/// same numbers).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CompiledMemoryStats {
    pub generated_code: i64,
    pub arguments: i64,
    pub outputs: i64,
    /// Argument bytes reused for outputs (donation).
    pub aliased: i64,
    /// Scratch buffers the program needs while it runs.
    pub temp: i64,
    /// The plugin's own peak estimate (0 where it does not compute one).
    pub peak: i64,
}

impl Client {
    /// The allocator counters of device `index`. Errors where the plugin does
    /// not implement the call (the XLA CPU plugin, as of xla-cpu-pjrt 0.0.1,
    /// reports no device memory statistics).
    pub fn memory_stats(&self, index: usize) -> Result<DeviceMemoryStats> {
        let mut args = ffi::PJRT_Device_MemoryStats_Args::new();
        args.device = self.device_ptr(index)?;
        pjrt_call!(self.api(), PJRT_Device_MemoryStats, &mut args)?;
        let opt = |v: i64, set: bool| set.then_some(v);
        Ok(DeviceMemoryStats {
            bytes_in_use: args.bytes_in_use,
            peak_bytes_in_use: opt(args.peak_bytes_in_use, args.peak_bytes_in_use_is_set),
            bytes_limit: opt(args.bytes_limit, args.bytes_limit_is_set),
            num_allocs: opt(args.num_allocs, args.num_allocs_is_set),
        })
    }
}

impl Executable {
    /// XLA's memory plan for this program (argument, output and temporary
    /// buffer sizes).
    pub fn compiled_memory_stats(&self) -> Result<CompiledMemoryStats> {
        let api = self.client().api();
        let mut get = ffi::PJRT_LoadedExecutable_GetExecutable_Args::new();
        get.loaded_executable = self.raw();
        pjrt_call!(api, PJRT_LoadedExecutable_GetExecutable, &mut get)?;
        let mut m = ffi::PJRT_Executable_GetCompiledMemoryStats_Args::new();
        m.executable = get.executable;
        let result = pjrt_call!(api, PJRT_Executable_GetCompiledMemoryStats, &mut m);
        let mut destroy = ffi::PJRT_Executable_Destroy_Args::new();
        destroy.executable = get.executable;
        pjrt_call!(api, PJRT_Executable_Destroy, &mut destroy)?;
        result.map(|()| CompiledMemoryStats {
            generated_code: m.generated_code_size_in_bytes,
            arguments: m.argument_size_in_bytes,
            outputs: m.output_size_in_bytes,
            aliased: m.alias_size_in_bytes,
            temp: m.temp_size_in_bytes,
            peak: m.peak_memory_in_bytes,
        })
    }
}
