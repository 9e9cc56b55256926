//! `PJRT_Client`: one per plugin and process configuration; owns the devices.

use super::api::{pjrt_call, str_from_raw, Api};
use super::compile_cache::CompileCache;
use super::ffi;
use super::kv_store::KvClient;
use super::launch::LaunchCounter;
use crate::{Error, Result};
use std::ffi::CString;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// A value for a client-creation option (`PJRT_NamedValue`).
#[derive(Clone, Debug, PartialEq)]
pub enum OptionValue {
    Str(String),
    Int(i64),
    IntList(Vec<i64>),
    Float(f32),
    Bool(bool),
}

/// Description of one addressable device.
#[derive(Clone, Debug)]
pub struct DeviceInfo {
    /// Position in `Client::devices()`: the index used to place buffers.
    pub index: usize,
    /// PJRT's global device id.
    pub id: i32,
    /// Device kind as the plugin names it (e.g. "cpu", "NVIDIA H200").
    pub kind: String,
    /// The plugin's debug string for the device.
    pub debug: String,
}

pub(crate) struct ClientInner {
    pub(crate) api: &'static Api,
    pub(crate) raw: *mut ffi::PJRT_Client,
    pub(crate) devices: Vec<*mut ffi::PJRT_Device>,
    /// Wait after every upload and execution (`Client::set_synchronous`).
    pub(crate) synchronous: AtomicBool,
    /// Where compiled programs are cached on disk, if anywhere.
    pub(crate) compile_cache: Mutex<Option<Arc<CompileCache>>>,
    /// The key-value store the plugin was given (`Client::new_distributed`):
    /// kept alive as long as the plugin may call back (the GPU plugin
    /// exchanges NCCL ids through it when a collective first runs).
    pub(crate) kv: Option<Arc<KvClient>>,
    /// The `launch_id` of the next execution (0 unless a run sets steps).
    pub(crate) launch: LaunchCounter,
}

// SAFETY: PJRT clients are thread-safe (pjrt_c_api.h; JAX shares one client across
// threads); the device pointers are owned by the client and immutable.
unsafe impl Send for ClientInner {}
// SAFETY: see `Send`.
unsafe impl Sync for ClientInner {}

impl Drop for ClientInner {
    fn drop(&mut self) {
        let mut args = ffi::PJRT_Client_Destroy_Args::new();
        args.client = self.raw;
        let _ = pjrt_call!(self.api, PJRT_Client_Destroy, &mut args);
    }
}

/// A PJRT client. Buffers and executables keep it alive (they hold an `Arc` to it),
/// so it is destroyed only after the last of them.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<ClientInner>,
    devices: Arc<Vec<DeviceInfo>>,
}

impl Client {
    /// Creates a client with platform-specific named options, e.g.
    /// `[("cpu_device_count", OptionValue::Int(2))]` for two CPU devices.
    pub fn new(api: &'static Api, options: &[(&str, OptionValue)]) -> Result<Client> {
        Client::create(api, options, None)
    }

    /// Creates a client of a multi-process run: the plugin gets `kv` as its
    /// key-value store (`kv_get_callback`, `kv_put_callback`,
    /// `kv_try_get_callback` of `PJRT_Client_Create_Args`, `pjrt_c_api.h`).
    /// The GPU plugin also needs `node_id` / `num_nodes` in `options`; the CPU
    /// plugin ignores both (it has no cross-process collectives).
    pub fn new_distributed(
        api: &'static Api,
        options: &[(&str, OptionValue)],
        kv: Arc<KvClient>,
    ) -> Result<Client> {
        Client::create(api, options, Some(kv))
    }

    fn create(
        api: &'static Api,
        options: &[(&str, OptionValue)],
        kv: Option<Arc<KvClient>>,
    ) -> Result<Client> {
        // Keep the option strings and arrays alive for the duration of the call.
        let names: Vec<CString> = options
            .iter()
            .map(|(n, _)| CString::new(*n))
            .collect::<Result<_, _>>()
            .map_err(|_| Error::InvalidInput("client option name contains NUL".into()))?;
        let mut nvs = Vec::with_capacity(options.len());
        for ((name, value), cname) in options.iter().zip(&names) {
            let mut nv = ffi::PJRT_NamedValue::new();
            nv.name = cname.as_ptr();
            nv.name_size = name.len();
            match value {
                OptionValue::Str(s) => {
                    nv.type_ = ffi::PJRT_NamedValue_kString;
                    nv.value.string_value = s.as_ptr() as *const _;
                    nv.value_size = s.len();
                }
                OptionValue::Int(v) => {
                    nv.type_ = ffi::PJRT_NamedValue_kInt64;
                    nv.value.int64_value = *v;
                    nv.value_size = 1;
                }
                OptionValue::IntList(v) => {
                    nv.type_ = ffi::PJRT_NamedValue_kInt64List;
                    nv.value.int64_array_value = v.as_ptr();
                    nv.value_size = v.len();
                }
                OptionValue::Float(v) => {
                    nv.type_ = ffi::PJRT_NamedValue_kFloat;
                    nv.value.float_value = *v;
                    nv.value_size = 1;
                }
                OptionValue::Bool(v) => {
                    nv.type_ = ffi::PJRT_NamedValue_kBool;
                    nv.value.bool_value = *v;
                    nv.value_size = 1;
                }
            }
            nvs.push(nv);
        }
        let mut args = ffi::PJRT_Client_Create_Args::new();
        args.create_options = nvs.as_ptr();
        args.num_options = nvs.len();
        if let Some(kv) = &kv {
            let [get, put, try_get] = super::kv_callbacks::callbacks();
            let user = super::kv_callbacks::user_arg(kv);
            args.kv_get_callback = get;
            args.kv_get_user_arg = user;
            args.kv_put_callback = put;
            args.kv_put_user_arg = user;
            args.kv_try_get_callback = try_get;
            args.kv_try_get_user_arg = user;
        }
        pjrt_call!(api, PJRT_Client_Create, &mut args)?;
        let mut inner = ClientInner {
            api,
            raw: args.client,
            devices: Vec::new(),
            synchronous: AtomicBool::new(false),
            compile_cache: Mutex::new(None),
            kv,
            launch: LaunchCounter::default(),
        };
        let mut dev_args = ffi::PJRT_Client_AddressableDevices_Args::new();
        dev_args.client = inner.raw;
        pjrt_call!(api, PJRT_Client_AddressableDevices, &mut dev_args)?;
        // SAFETY: the plugin returned an array of `num_addressable_devices`
        // pointers owned by the client, valid while the client lives.
        inner.devices = unsafe {
            std::slice::from_raw_parts(
                dev_args.addressable_devices,
                dev_args.num_addressable_devices,
            )
        }
        .to_vec();
        let devices = inner
            .devices
            .iter()
            .enumerate()
            .map(|(index, &d)| describe_device(api, index, d))
            .collect::<Result<Vec<_>>>()?;
        Ok(Client {
            inner: Arc::new(inner),
            devices: Arc::new(devices),
        })
    }

    /// Synchronous mode waits for every upload's transfer and every
    /// execution's completion events before returning, as dpxla did before
    /// issue 23 (the `runtime.synchronous` baseline). The default is
    /// asynchronous: only host reads wait. Shared by every clone of the client.
    pub fn set_synchronous(&self, on: bool) {
        self.inner.synchronous.store(on, Ordering::Relaxed);
    }

    pub fn is_synchronous(&self) -> bool {
        self.inner.synchronous.load(Ordering::Relaxed)
    }

    /// Compiles through `cache` from now on (`None`: always compile).
    pub fn set_compile_cache(&self, cache: Option<CompileCache>) {
        *self
            .inner
            .compile_cache
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = cache.map(Arc::new);
    }

    /// The compile cache this client uses, if any.
    pub fn compile_cache(&self) -> Option<Arc<CompileCache>> {
        self.inner
            .compile_cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Numbers this client's executions from now on for `step`: each
    /// execution gets `launch::launch_id(step, k)` for its index `k` in the
    /// step, the same in every process of a run that runs the same programs
    /// in the same order (a multi-host plugin uses the id to match one
    /// collective launch across hosts). Until called, the id is 0 as before.
    pub fn begin_launch_step(&self, step: u64) {
        self.inner.launch.begin_step(step);
    }

    /// Whether the plugin was given a key-value store.
    pub fn is_distributed(&self) -> bool {
        self.inner.kv.is_some()
    }

    /// The plugin this client runs on.
    pub fn api(&self) -> &'static Api {
        self.inner.api
    }

    /// Platform name, e.g. "cpu" or "cuda".
    pub fn platform_name(&self) -> Result<String> {
        let mut args = ffi::PJRT_Client_PlatformName_Args::new();
        args.client = self.inner.raw;
        pjrt_call!(self.inner.api, PJRT_Client_PlatformName, &mut args)?;
        // SAFETY: the name is owned by the client, which is alive.
        Ok(unsafe { str_from_raw(args.platform_name, args.platform_name_size) })
    }

    /// Platform version string (e.g. the XLA / CUDA version).
    pub fn platform_version(&self) -> Result<String> {
        let mut args = ffi::PJRT_Client_PlatformVersion_Args::new();
        args.client = self.inner.raw;
        pjrt_call!(self.inner.api, PJRT_Client_PlatformVersion, &mut args)?;
        // SAFETY: the version string is owned by the client, which is alive.
        Ok(unsafe { str_from_raw(args.platform_version, args.platform_version_size) })
    }

    /// The addressable devices, in the order PJRT lists them.
    pub fn devices(&self) -> &[DeviceInfo] {
        &self.devices
    }

    /// Checks that the client has at least `n` addressable devices, with an
    /// error that says how to get more (the CPU plugin's `cpu_device_count`).
    pub fn require_devices(&self, n: usize) -> Result<()> {
        if n == 0 {
            return Err(Error::InvalidInput("at least one device is needed".into()));
        }
        if n > self.devices.len() {
            return Err(Error::InvalidInput(format!(
                "{n} devices requested but the client has {}; on the CPU plugin create \
                 the client with the option cpu_device_count >= {n} (runtime.devices does); \
                 on a GPU, make {n} devices visible (runtime.visible_devices)",
                self.devices.len()
            )));
        }
        Ok(())
    }

    pub(crate) fn device_ptr(&self, index: usize) -> Result<*mut ffi::PJRT_Device> {
        self.inner.devices.get(index).copied().ok_or_else(|| {
            Error::Runtime(format!(
                "device index {index} out of range: the client has {} device(s)",
                self.inner.devices.len()
            ))
        })
    }
}

fn describe_device(
    api: &'static Api,
    index: usize,
    device: *mut ffi::PJRT_Device,
) -> Result<DeviceInfo> {
    let mut d = ffi::PJRT_Device_GetDescription_Args::new();
    d.device = device;
    pjrt_call!(api, PJRT_Device_GetDescription, &mut d)?;
    let desc = d.device_description;
    let mut id = ffi::PJRT_DeviceDescription_Id_Args::new();
    id.device_description = desc;
    pjrt_call!(api, PJRT_DeviceDescription_Id, &mut id)?;
    let mut kind = ffi::PJRT_DeviceDescription_Kind_Args::new();
    kind.device_description = desc;
    pjrt_call!(api, PJRT_DeviceDescription_Kind, &mut kind)?;
    let mut dbg = ffi::PJRT_DeviceDescription_DebugString_Args::new();
    dbg.device_description = desc;
    pjrt_call!(api, PJRT_DeviceDescription_DebugString, &mut dbg)?;
    // SAFETY: the strings are owned by the device description, alive with the client.
    let (kind, debug) = unsafe {
        (
            str_from_raw(kind.device_kind, kind.device_kind_size),
            str_from_raw(dbg.debug_string, dbg.debug_string_size),
        )
    };
    Ok(DeviceInfo {
        index,
        id: id.id,
        kind,
        debug,
    })
}
