//! Loading a PJRT plugin and calling its function table.
//!
//! A plugin is a shared library exporting `GetPjrtApi`, which returns a static
//! `PJRT_Api` table (pjrt_c_api.h). Plugins are loaded once per path and never
//! unloaded: XLA registers process-wide state (thread pools, allocators) that does
//! not survive `dlclose`, so the library handle is deliberately leaked.

use super::ffi::{self, PJRT_Api, PJRT_Error};
use crate::{Error, Result};
use std::collections::HashMap;
use std::ffi::{c_char, c_void};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// The oldest minor API version whose argument structs match ours field for field
/// in everything dpxla calls (ExecuteOptions gained its last fields in 0.7x).
pub const MIN_PLUGIN_MINOR: i32 = 70;

/// A loaded plugin: its function table and where it came from.
pub struct Api {
    raw: &'static PJRT_Api,
    path: PathBuf,
}

// SAFETY: the PJRT_Api table is immutable after `GetPjrtApi` returns, and PJRT
// entry points are documented thread-safe (pjrt_c_api.h: clients, buffers and
// executables may be used from any thread).
unsafe impl Send for Api {}
// SAFETY: see `Send`; `Api` holds only a shared reference to the static table.
unsafe impl Sync for Api {}

/// Calls one PJRT entry point by name, checking that the plugin's table is long
/// enough to contain it and that the pointer is set, and turns a returned
/// `PJRT_Error*` into `Error::Xla` with XLA's message.
macro_rules! pjrt_call {
    ($api:expr, $name:ident, $args:expr) => {{
        let api: &$crate::runtime::api::Api = $api;
        match api.function(
            std::mem::offset_of!($crate::runtime::ffi::PJRT_Api, $name),
            api.raw_table().$name,
            stringify!($name),
        ) {
            Err(e) => Err(e),
            Ok(f) => {
                let args_ptr: *mut _ = $args;
                // SAFETY: `f` is the plugin's implementation of `$name`, whose single
                // parameter is a pointer to the args struct the caller built with
                // `::new()` (struct_size set, unused fields zero) and keeps alive for
                // the duration of the call.
                let err = unsafe { f(args_ptr as *mut std::ffi::c_void) };
                api.check(err, stringify!($name))
            }
        }
    }};
}
pub(crate) use pjrt_call;

impl Api {
    /// Loads the plugin at `path` (once per process; later calls return the same
    /// table), checks its API version and initialises it.
    pub fn load(path: &Path) -> Result<&'static Api> {
        static LOADED: OnceLock<Mutex<HashMap<PathBuf, &'static Api>>> = OnceLock::new();
        let key = path.canonicalize().map_err(|e| Error::PluginLoad {
            path: path.to_path_buf(),
            reason: format!("file not accessible: {e}"),
        })?;
        let mut loaded = LOADED
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if let Some(api) = loaded.get(&key) {
            return Ok(api);
        }
        let api = Self::load_uncached(&key)?;
        loaded.insert(key, api);
        Ok(api)
    }

    fn load_uncached(path: &Path) -> Result<&'static Api> {
        let fail = |reason: String| Error::PluginLoad {
            path: path.to_path_buf(),
            reason,
        };
        // SAFETY: loading a shared library runs its initialisers. We only load
        // files the user pointed at or that discovery found in known plugin
        // locations; that is the trust model of every PJRT host (JAX included).
        let lib = unsafe { libloading::Library::new(path) }
            .map_err(|e| fail(format!("dlopen failed: {e}")))?;
        let lib: &'static libloading::Library = Box::leak(Box::new(lib));
        type GetApi = unsafe extern "C" fn() -> *const PJRT_Api;
        // SAFETY: `GetPjrtApi` is the PJRT plugin entry point with this signature
        // (pjrt_c_api.h, "PJRT plugins must export GetPjrtApi").
        let get: libloading::Symbol<GetApi> = unsafe { lib.get(b"GetPjrtApi\0") }
            .map_err(|e| fail(format!("not a PJRT plugin (no GetPjrtApi symbol): {e}")))?;
        // SAFETY: calling the entry point has no preconditions; it returns a
        // pointer to a table with static lifetime or null.
        let raw = unsafe { get() };
        if raw.is_null() {
            return Err(fail("GetPjrtApi returned null".into()));
        }
        // SAFETY: non-null, points to the plugin's static table; the library is
        // never unloaded (leaked above), so 'static is sound.
        let raw: &'static PJRT_Api = unsafe { &*raw };
        let (major, minor) = (
            raw.pjrt_api_version.major_version,
            raw.pjrt_api_version.minor_version,
        );
        if major != ffi::PJRT_API_MAJOR || minor < MIN_PLUGIN_MINOR {
            return Err(fail(format!(
                "PJRT API {major}.{minor} is not supported: dpxla speaks {}.{} and needs \
                 {}.{MIN_PLUGIN_MINOR} or newer; install a newer plugin",
                ffi::PJRT_API_MAJOR,
                ffi::PJRT_API_MINOR,
                ffi::PJRT_API_MAJOR
            )));
        }
        let api: &'static Api = Box::leak(Box::new(Api {
            raw,
            path: path.to_path_buf(),
        }));
        let mut args = ffi::PJRT_Plugin_Initialize_Args::new();
        pjrt_call!(api, PJRT_Plugin_Initialize, &mut args)?;
        Ok(api)
    }

    /// The file this plugin was loaded from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The PJRT C API version the plugin implements, as (major, minor).
    pub fn version(&self) -> (i32, i32) {
        let v = &self.raw.pjrt_api_version;
        (v.major_version, v.minor_version)
    }

    /// The plugin's self-described attributes (e.g. `xla_version`,
    /// `stablehlo_current_version`), rendered as strings.
    pub fn attributes(&self) -> Result<Vec<(String, String)>> {
        let mut args = ffi::PJRT_Plugin_Attributes_Args::new();
        pjrt_call!(self, PJRT_Plugin_Attributes, &mut args)?;
        let mut out = Vec::with_capacity(args.num_attributes);
        for i in 0..args.num_attributes {
            // SAFETY: the plugin returned an array of `num_attributes` named values
            // that live as long as the process.
            let nv = unsafe { &*args.attributes.add(i) };
            // SAFETY: `name` points to `name_size` bytes owned by the plugin.
            let name = unsafe { str_from_raw(nv.name, nv.name_size) };
            out.push((name, named_value_to_string(nv)));
        }
        Ok(out)
    }

    pub(crate) fn raw_table(&self) -> &'static PJRT_Api {
        self.raw
    }

    /// Returns the function pointer if the plugin's table (of `struct_size` bytes)
    /// contains the entry at `offset` and it is non-null.
    pub(crate) fn function<F>(&self, offset: usize, f: Option<F>, name: &str) -> Result<F> {
        if offset + std::mem::size_of::<usize>() > self.raw.struct_size {
            return Err(Error::Runtime(format!(
                "plugin {} is too old: its API table has no {name}",
                self.path.display()
            )));
        }
        f.ok_or_else(|| {
            Error::Runtime(format!(
                "plugin {} does not implement {name}",
                self.path.display()
            ))
        })
    }

    /// Converts a returned `PJRT_Error*` to `Err(Error::Xla)` and frees it.
    pub(crate) fn check(&self, err: *mut PJRT_Error, call: &'static str) -> Result<()> {
        if err.is_null() {
            return Ok(());
        }
        let mut msg = ffi::PJRT_Error_Message_Args::new();
        msg.error = err;
        let message = match self.raw.PJRT_Error_Message {
            Some(f) => {
                // SAFETY: `err` is a live error from this plugin; the message has
                // the lifetime of `err`, which we copy before destroying it.
                unsafe { f(&mut msg as *mut _ as *mut c_void) };
                // SAFETY: message/message_size were set by the plugin.
                unsafe { str_from_raw(msg.message, msg.message_size) }
            }
            None => "(plugin gave no message)".to_string(),
        };
        let code = self.raw.PJRT_Error_GetCode.and_then(|f| {
            let mut c = ffi::PJRT_Error_GetCode_Args::new();
            c.error = err;
            // SAFETY: `err` is a live error from this plugin; GetCode only
            // writes `code`. An error from GetCode itself means "no code".
            let failed = unsafe { f(&mut c as *mut _ as *mut c_void) };
            failed.is_null().then_some(c.code)
        });
        if let Some(f) = self.raw.PJRT_Error_Destroy {
            let mut d = ffi::PJRT_Error_Destroy_Args::new();
            d.error = err;
            // SAFETY: destroys the error exactly once; it is not used afterwards.
            unsafe { f(&mut d as *mut _ as *mut c_void) };
        }
        Err(Error::Xla {
            call,
            code,
            message,
        })
    }
}

/// Copies a (pointer, length) string returned by the plugin.
///
/// # Safety
/// `ptr` must be null or point to `len` readable bytes.
pub(crate) unsafe fn str_from_raw(ptr: *const c_char, len: usize) -> String {
    if ptr.is_null() || len == 0 {
        return String::new();
    }
    // SAFETY: guaranteed by the caller.
    let bytes = unsafe { std::slice::from_raw_parts(ptr as *const u8, len) };
    String::from_utf8_lossy(bytes).into_owned()
}

fn named_value_to_string(nv: &ffi::PJRT_NamedValue) -> String {
    // SAFETY: the union member read is the one `type_` says is set; arrays and
    // strings have `value_size` elements (pjrt_c_api.h, PJRT_NamedValue).
    unsafe {
        match nv.type_ {
            ffi::PJRT_NamedValue_kString => str_from_raw(nv.value.string_value, nv.value_size),
            ffi::PJRT_NamedValue_kInt64 => nv.value.int64_value.to_string(),
            ffi::PJRT_NamedValue_kInt64List => {
                let p = nv.value.int64_array_value;
                let items: Vec<String> = (0..nv.value_size)
                    .map(|i| (*p.add(i)).to_string())
                    .collect();
                items.join(".")
            }
            ffi::PJRT_NamedValue_kFloat => nv.value.float_value.to_string(),
            ffi::PJRT_NamedValue_kBool => nv.value.bool_value.to_string(),
            other => format!("(value of unknown type {other})"),
        }
    }
}
