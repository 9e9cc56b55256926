//! Compiling StableHLO and executing it on one or several devices.

use super::api::pjrt_call;
use super::buffer::Buffer;
use super::client::Client;
use super::compile_cache::digest;
use super::compile_options::CompileOptions;
use super::event::Event;
use super::ffi;
use crate::{Error, Result};
use std::ptr;

/// A compiled, loaded program. Holds its client alive.
pub struct Executable {
    client: Client,
    raw: *mut ffi::PJRT_LoadedExecutable,
    num_outputs: usize,
    num_replicas: usize,
}

// SAFETY: loaded executables are thread-safe in PJRT (JAX executes the same
// executable from several threads); the handle is owned by this value.
unsafe impl Send for Executable {}
// SAFETY: see `Send`.
unsafe impl Sync for Executable {}

impl Drop for Executable {
    fn drop(&mut self) {
        let mut args = ffi::PJRT_LoadedExecutable_Destroy_Args::new();
        args.executable = self.raw;
        let _ = pjrt_call!(self.client.api(), PJRT_LoadedExecutable_Destroy, &mut args);
    }
}

impl Client {
    /// Compiles a StableHLO module given as MLIR text. Errors carry XLA's message
    /// (e.g. the parser's location and complaint for invalid MLIR). With a
    /// compile cache (`Client::set_compile_cache`) an intact entry for the same
    /// program, options and plugin is loaded instead, and a fresh compile is
    /// stored.
    pub fn compile(&self, mlir: &str, options: &CompileOptions) -> Result<Executable> {
        let devices_needed = self.check_compile_options(options)?;
        let opts = options.encode();
        let Some(cache) = self.compile_cache() else {
            return self.compile_uncached(mlir, &opts, devices_needed);
        };
        let key = self.cache_key(mlir, &opts);
        if let Some(payload) = cache.load(&key) {
            match self.deserialize(&payload, &opts, devices_needed) {
                Ok(exe) => {
                    cache.hit();
                    return Ok(exe);
                }
                Err(e) => cache.refused(&key, &e),
            }
        }
        let exe = self.compile_uncached(mlir, &opts, devices_needed)?;
        match exe.serialize() {
            Ok(payload) => cache.store(&key, &payload),
            Err(e) => eprintln!("warning: compiled program not cached: {e}"),
        }
        Ok(exe)
    }

    fn check_compile_options(&self, options: &CompileOptions) -> Result<usize> {
        if options.num_replicas < 1 || options.num_partitions < 1 {
            return Err(Error::InvalidInput(format!(
                "num_replicas ({}) and num_partitions ({}) must be at least 1",
                options.num_replicas, options.num_partitions
            )));
        }
        let devices_needed = (options.num_replicas * options.num_partitions) as usize;
        if devices_needed > self.devices().len() {
            return Err(Error::InvalidInput(format!(
                "the program needs {devices_needed} devices but the client has {}",
                self.devices().len()
            )));
        }
        Ok(devices_needed)
    }

    /// The compile cache key: the program, the options bytes, the plugin's
    /// identity and `XLA_FLAGS` (see `compile_cache`).
    fn cache_key(&self, mlir: &str, opts: &[u8]) -> [u8; 32] {
        let api = self.api();
        let path = api
            .path()
            .canonicalize()
            .unwrap_or_else(|_| api.path().to_path_buf());
        let meta = std::fs::metadata(&path).ok();
        let size = meta.as_ref().map_or(0, |m| m.len());
        let mtime = meta
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        let (major, minor) = api.version();
        let plugin = format!(
            "{}|{size}|{mtime}|{major}.{minor}|{}",
            path.display(),
            self.platform_version().unwrap_or_default()
        );
        let flags = std::env::var("XLA_FLAGS").unwrap_or_default();
        digest(&[mlir.as_bytes(), opts, plugin.as_bytes(), flags.as_bytes()])
    }

    fn compile_uncached(&self, mlir: &str, opts: &[u8], devices: usize) -> Result<Executable> {
        let format = "mlir";
        let mut program = ffi::PJRT_Program::new();
        program.code = mlir.as_ptr() as *mut _;
        program.code_size = mlir.len();
        program.format = format.as_ptr() as *const _;
        program.format_size = format.len();
        let mut args = ffi::PJRT_Client_Compile_Args::new();
        args.client = self.inner.raw;
        args.program = &program;
        args.compile_options = opts.as_ptr() as *const _;
        args.compile_options_size = opts.len();
        pjrt_call!(self.api(), PJRT_Client_Compile, &mut args)?;
        self.adopt_executable(args.executable, devices)
    }

    /// Loads an executable serialised by `Executable::serialize` on this
    /// plugin, with `opts` overriding the stored compile options.
    fn deserialize(&self, payload: &[u8], opts: &[u8], devices: usize) -> Result<Executable> {
        let mut args = ffi::PJRT_Executable_DeserializeAndLoad_Args::new();
        args.client = self.inner.raw;
        args.serialized_executable = payload.as_ptr() as *const _;
        args.serialized_executable_size = payload.len();
        args.overridden_serialized_compile_options = opts.as_ptr() as *const _;
        args.overridden_serialized_compile_options_size = opts.len();
        pjrt_call!(self.api(), PJRT_Executable_DeserializeAndLoad, &mut args)?;
        self.adopt_executable(args.loaded_executable, devices)
    }

    fn adopt_executable(
        &self,
        raw: *mut ffi::PJRT_LoadedExecutable,
        devices: usize,
    ) -> Result<Executable> {
        let mut exe = Executable {
            client: self.clone(),
            raw,
            num_outputs: 0,
            num_replicas: devices,
        };
        exe.num_outputs = exe.query_num_outputs()?;
        Ok(exe)
    }
}

impl Executable {
    /// The plugin's serialisation of this executable
    /// (`PJRT_Executable_Serialize`; "not guaranteed to be stable over time",
    /// hence the plugin identity in the cache key).
    pub fn serialize(&self) -> Result<Vec<u8>> {
        let api = self.client.api();
        let mut get = ffi::PJRT_LoadedExecutable_GetExecutable_Args::new();
        get.loaded_executable = self.raw;
        pjrt_call!(api, PJRT_LoadedExecutable_GetExecutable, &mut get)?;
        let mut ser = ffi::PJRT_Executable_Serialize_Args::new();
        ser.executable = get.executable;
        let result = pjrt_call!(api, PJRT_Executable_Serialize, &mut ser).map(|()| {
            // SAFETY: on success `serialized_bytes` points to
            // `serialized_bytes_size` bytes that live until the deleter runs.
            let bytes = unsafe {
                std::slice::from_raw_parts(
                    ser.serialized_bytes as *const u8,
                    ser.serialized_bytes_size,
                )
            }
            .to_vec();
            if let Some(deleter) = ser.serialized_executable_deleter {
                // SAFETY: called once, on the object the plugin returned, after
                // the bytes were copied (pjrt_c_api.h: "Should only be called
                // once on serialized_executable").
                unsafe { deleter(ser.serialized_executable) };
            }
            bytes
        });
        let mut destroy = ffi::PJRT_Executable_Destroy_Args::new();
        destroy.executable = get.executable;
        pjrt_call!(api, PJRT_Executable_Destroy, &mut destroy)?;
        result
    }

    fn query_num_outputs(&self) -> Result<usize> {
        let api = self.client.api();
        let mut get = ffi::PJRT_LoadedExecutable_GetExecutable_Args::new();
        get.loaded_executable = self.raw;
        pjrt_call!(api, PJRT_LoadedExecutable_GetExecutable, &mut get)?;
        let mut n = ffi::PJRT_Executable_NumOutputs_Args::new();
        n.executable = get.executable;
        let result = pjrt_call!(api, PJRT_Executable_NumOutputs, &mut n);
        let mut destroy = ffi::PJRT_Executable_Destroy_Args::new();
        destroy.executable = get.executable;
        pjrt_call!(api, PJRT_Executable_Destroy, &mut destroy)?;
        result.map(|()| n.num_outputs)
    }

    pub(crate) fn client(&self) -> &Client {
        &self.client
    }

    pub(crate) fn raw(&self) -> *mut ffi::PJRT_LoadedExecutable {
        self.raw
    }

    /// Number of results per device.
    pub fn num_outputs(&self) -> usize {
        self.num_outputs
    }

    /// Number of devices one execution runs on (replicas × partitions).
    pub fn num_devices(&self) -> usize {
        self.num_replicas
    }

    /// Runs on one device; returns its outputs.
    pub fn execute(&self, args: &[&Buffer]) -> Result<Vec<Buffer>> {
        let mut per_device = self.execute_replicated(&[args.to_vec()])?;
        Ok(per_device.pop().unwrap_or_default())
    }

    /// Runs one SPMD step: `args[d]` are the arguments for device `d`. Returns the
    /// outputs per device once the execution is enqueued (on a synchronous
    /// client: after every device has completed).
    ///
    /// Arguments marked `tf.aliasing_output` in the program are donated: XLA
    /// reuses their memory for the aliased output and the argument `Buffer`
    /// becomes deleted (reading it is an error; dropping it is still required and
    /// done by `Drop`).
    pub fn execute_replicated(&self, args: &[Vec<&Buffer>]) -> Result<Vec<Vec<Buffer>>> {
        if args.len() != self.num_replicas {
            return Err(Error::InvalidInput(format!(
                "the executable runs on {} device(s), got arguments for {}",
                self.num_replicas,
                args.len()
            )));
        }
        let num_args = args.first().map_or(0, Vec::len);
        if args.iter().any(|a| a.len() != num_args) {
            return Err(Error::InvalidInput(
                "every device needs the same number of arguments".into(),
            ));
        }
        let arg_ptrs: Vec<Vec<*mut ffi::PJRT_Buffer>> = args
            .iter()
            .map(|dev| dev.iter().map(|b| b.raw).collect())
            .collect();
        let arg_lists: Vec<*const *mut ffi::PJRT_Buffer> =
            arg_ptrs.iter().map(|v| v.as_ptr()).collect();
        let mut outputs: Vec<Vec<*mut ffi::PJRT_Buffer>> =
            vec![vec![ptr::null_mut(); self.num_outputs]; args.len()];
        let output_lists: Vec<*mut *mut ffi::PJRT_Buffer> =
            outputs.iter_mut().map(|v| v.as_mut_ptr()).collect();
        let mut events: Vec<*mut ffi::PJRT_Event> = vec![ptr::null_mut(); args.len()];

        let mut options = ffi::PJRT_ExecuteOptions::new();
        options.launch_id = self.client.inner.launch.next_id();
        let mut exec = ffi::PJRT_LoadedExecutable_Execute_Args::new();
        exec.executable = self.raw;
        exec.options = &mut options;
        exec.argument_lists = arg_lists.as_ptr();
        exec.num_devices = args.len();
        exec.num_args = num_args;
        exec.output_lists = output_lists.as_ptr();
        // Asynchronous (the default): no completion events are requested
        // (pjrt_c_api.h: `device_complete_events` may be null). The outputs are
        // returned while the devices still compute; a later program that reads
        // them is ordered after this one by PJRT, and a host read
        // (`Buffer::to_host`) waits for them and reports an execution error.
        let synchronous = self.client.is_synchronous();
        exec.device_complete_events = if synchronous {
            events.as_mut_ptr()
        } else {
            ptr::null_mut()
        };
        let api = self.client.api();
        pjrt_call!(api, PJRT_LoadedExecutable_Execute, &mut exec)?;

        // Take ownership of every output and event before waiting, so that all of
        // them are freed even if one device reports an error.
        let owned_events: Vec<Option<Event>> = events
            .into_iter()
            .map(|e| Event::from_raw(api, e))
            .collect();
        let mut results = Vec::with_capacity(outputs.len());
        let mut first_err = None;
        for dev in outputs {
            let mut bufs = Vec::with_capacity(dev.len());
            for raw in dev {
                match self.client.adopt_buffer(raw) {
                    Ok(b) => bufs.push(b),
                    Err(e) => {
                        first_err.get_or_insert(e);
                    }
                }
            }
            results.push(bufs);
        }
        for ev in owned_events.into_iter().flatten() {
            if let Err(e) = ev.wait() {
                first_err.get_or_insert(e);
            }
        }
        match first_err {
            Some(e) => Err(e),
            None => Ok(results),
        }
    }
}
