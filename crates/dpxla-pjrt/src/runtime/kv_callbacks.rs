//! The three key-value callbacks a distributed PJRT client is created with
//! (`PJRT_Client_Create_Args.kv_get_callback`, `kv_put_callback`,
//! `kv_try_get_callback`; signatures and rules from `pjrt_c_api.h`, API 0.81
//! as shipped in the `xla-cpu-pjrt` wheel and unchanged in the CUDA plugin's
//! 0.118), backed by a [`KvClient`].
//!
//! Header rules they keep: thread-safe (each request is its own TCP
//! connection); `get` blocks up to `timeout_in_ms`; `try_get` answers
//! NOT_FOUND at once; the caller (dpxla) keeps different users' keys apart,
//! so every plugin key is stored under [`PLUGIN_KEY_PREFIX`]; a returned value
//! is freed by the `value_deleter_callback` we hand back, after the plugin
//! copied it; an error is built with the plugin's own `callback_error`.
//! Nothing may unwind into the plugin: every body runs under `catch_unwind`.

use super::ffi;
use super::kv_store::{KvClient, KvFailure};
use std::ffi::{c_char, c_void};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Duration;

/// Where the plugin's keys live in the store (dpxla's own keys use `dpxla/`).
pub const PLUGIN_KEY_PREFIX: &str = "pjrt/";

const CODE_DEADLINE_EXCEEDED: ffi::PJRT_Error_Code = 4;
const CODE_NOT_FOUND: ffi::PJRT_Error_Code = 5;
const CODE_ALREADY_EXISTS: ffi::PJRT_Error_Code = 6;
const CODE_INTERNAL: ffi::PJRT_Error_Code = 13;
const CODE_UNAVAILABLE: ffi::PJRT_Error_Code = 14;

/// The status code the plugin sees for a store failure.
pub fn error_code(failure: &KvFailure) -> ffi::PJRT_Error_Code {
    match failure {
        KvFailure::Timeout => CODE_DEADLINE_EXCEEDED,
        KvFailure::Conflict => CODE_ALREADY_EXISTS,
        KvFailure::Unavailable => CODE_UNAVAILABLE,
    }
}

/// The user argument of all three callbacks: the client, kept alive by the
/// `Client` that was created with it for as long as the plugin may call.
pub(crate) fn user_arg(kv: &KvClient) -> *mut c_void {
    kv as *const KvClient as *mut c_void
}

/// The three callbacks as the untyped pointers `PJRT_Client_Create_Args` holds.
pub(crate) fn callbacks() -> [*mut c_void; 3] {
    [
        kv_get as *const () as *mut c_void,
        kv_put as *const () as *mut c_void,
        kv_try_get as *const () as *mut c_void,
    ]
}

/// Reports `message` through the plugin's error constructor.
///
/// # Safety
/// `callback_error` is null or points to the plugin's constructor.
unsafe fn report(
    callback_error: *mut ffi::PJRT_CallbackError,
    code: ffi::PJRT_Error_Code,
    message: &str,
) -> *mut ffi::PJRT_Error {
    // SAFETY: the caller passes the plugin's pointer (or null).
    match unsafe { callback_error.as_ref() }.copied().flatten() {
        // SAFETY: the plugin's constructor copies `message` during the call.
        Some(f) => unsafe { f(code, message.as_ptr() as *const c_char, message.len()) },
        // No way to build an error: the best left is a null error, which the
        // plugin reads as success, so never pretend that for a get; this
        // only happens with a plugin that breaks the header.
        None => std::ptr::null_mut(),
    }
}

/// The key the plugin asked for, under the plugin prefix.
///
/// # Safety
/// `key` points to `size` readable bytes (or size is 0).
unsafe fn plugin_key(key: *const c_char, size: usize) -> String {
    let bytes = if size == 0 || key.is_null() {
        &[][..]
    } else {
        // SAFETY: the plugin passes `size` bytes at `key`, alive for the call.
        unsafe { std::slice::from_raw_parts(key as *const u8, size) }
    };
    format!("{PLUGIN_KEY_PREFIX}{}", String::from_utf8_lossy(bytes))
}

/// A value handed to the plugin: its length is kept in 8 bytes in front of
/// it, since the deleter gets the pointer only.
fn leak_value(value: Vec<u8>) -> (*mut c_char, usize) {
    let len = value.len();
    let mut boxed = Vec::with_capacity(len + 8);
    boxed.extend_from_slice(&(len as u64).to_le_bytes());
    boxed.extend_from_slice(&value);
    let raw = Box::into_raw(boxed.into_boxed_slice()) as *mut u8;
    // SAFETY: the allocation has 8 + len bytes.
    (unsafe { raw.add(8) } as *mut c_char, len)
}

/// Frees a value from [`leak_value`] (the `value_deleter_callback`).
///
/// # Safety
/// `value` came from [`leak_value`] and is freed once.
pub(crate) unsafe extern "C" fn free_value(value: *mut c_char) {
    if value.is_null() {
        return;
    }
    let _ = catch_unwind(|| {
        // SAFETY: `leak_value` put the length 8 bytes before `value`.
        let start = unsafe { (value as *mut u8).sub(8) };
        let mut len = [0u8; 8];
        // SAFETY: those 8 bytes belong to the allocation.
        unsafe { std::ptr::copy_nonoverlapping(start, len.as_mut_ptr(), 8) };
        let len = u64::from_le_bytes(len) as usize;
        // SAFETY: rebuilds the boxed slice of 8 + len bytes leaked above.
        drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(start, len + 8)) });
    });
}

/// `PJRT_KeyValueGetCallback`.
///
/// # Safety
/// Called by the plugin with valid args whose `user_arg` is a live
/// `KvClient` ([`user_arg`]).
pub(crate) unsafe extern "C" fn kv_get(
    args: *mut ffi::PJRT_KeyValueGetCallback_Args,
) -> *mut ffi::PJRT_Error {
    let run = AssertUnwindSafe(|| {
        // SAFETY: the plugin passes a valid, exclusive args struct.
        let a = unsafe { &mut *args };
        // SAFETY: see the function's contract.
        let kv = unsafe { &*(a.user_arg as *const KvClient) };
        // SAFETY: key and size come from the plugin.
        let key = unsafe { plugin_key(a.key, a.key_size) };
        // A negative timeout has no meaning in the header; wait long.
        let ms = if a.timeout_in_ms < 0 {
            i32::MAX as u64
        } else {
            a.timeout_in_ms as u64
        };
        match kv.get(&key, Duration::from_millis(ms)) {
            Ok(v) => {
                let (ptr, len) = leak_value(v);
                a.value = ptr;
                a.value_size = len;
                a.value_deleter_callback = Some(free_value);
                std::ptr::null_mut()
            }
            // SAFETY: the plugin's constructor.
            Err(e) => unsafe { report(a.callback_error, error_code(&e.failure), &e.message) },
        }
    });
    catch_unwind(run).unwrap_or_else(|_| {
        // SAFETY: args is still the plugin's struct.
        let cb = unsafe { (*args).callback_error };
        // SAFETY: the plugin's constructor.
        unsafe { report(cb, CODE_INTERNAL, "dpxla key-value get panicked") }
    })
}

/// `PJRT_KeyValueTryGetCallback`: NOT_FOUND at once for an absent key.
///
/// # Safety
/// As [`kv_get`].
pub(crate) unsafe extern "C" fn kv_try_get(
    args: *mut ffi::PJRT_KeyValueTryGetCallback_Args,
) -> *mut ffi::PJRT_Error {
    let run = AssertUnwindSafe(|| {
        // SAFETY: the plugin passes a valid, exclusive args struct.
        let a = unsafe { &mut *args };
        // SAFETY: see the function's contract.
        let kv = unsafe { &*(a.user_arg as *const KvClient) };
        // SAFETY: key and size come from the plugin.
        let key = unsafe { plugin_key(a.key, a.key_size) };
        match kv.try_get(&key) {
            Ok(Some(v)) => {
                let (ptr, len) = leak_value(v);
                a.value = ptr;
                a.value_size = len;
                a.value_deleter_callback = Some(free_value);
                std::ptr::null_mut()
            }
            // SAFETY: the plugin's constructor.
            Ok(None) => unsafe {
                report(
                    a.callback_error,
                    CODE_NOT_FOUND,
                    &format!("key-value store: '{key}' not found"),
                )
            },
            // SAFETY: the plugin's constructor.
            Err(e) => unsafe { report(a.callback_error, error_code(&e.failure), &e.message) },
        }
    });
    catch_unwind(run).unwrap_or_else(|_| {
        // SAFETY: args is still the plugin's struct.
        let cb = unsafe { (*args).callback_error };
        // SAFETY: the plugin's constructor.
        unsafe { report(cb, CODE_INTERNAL, "dpxla key-value try-get panicked") }
    })
}

/// `PJRT_KeyValuePutCallback`.
///
/// # Safety
/// As [`kv_get`]; `value` points to `value_size` bytes for the call.
pub(crate) unsafe extern "C" fn kv_put(
    args: *mut ffi::PJRT_KeyValuePutCallback_Args,
) -> *mut ffi::PJRT_Error {
    let run = AssertUnwindSafe(|| {
        // SAFETY: the plugin passes a valid args struct.
        let a = unsafe { &*args };
        // SAFETY: see the function's contract.
        let kv = unsafe { &*(a.user_arg as *const KvClient) };
        // SAFETY: key and size come from the plugin.
        let key = unsafe { plugin_key(a.key, a.key_size) };
        let value = if a.value_size == 0 || a.value.is_null() {
            &[][..]
        } else {
            // SAFETY: `value_size` bytes at `value`, alive for the call.
            unsafe { std::slice::from_raw_parts(a.value as *const u8, a.value_size) }
        };
        match kv.put(&key, value) {
            Ok(()) => std::ptr::null_mut(),
            // SAFETY: the plugin's constructor.
            Err(e) => unsafe { report(a.callback_error, error_code(&e.failure), &e.message) },
        }
    });
    catch_unwind(run).unwrap_or_else(|_| {
        // SAFETY: args is still the plugin's struct.
        let cb = unsafe { (*args).callback_error };
        // SAFETY: the plugin's constructor.
        unsafe { report(cb, CODE_INTERNAL, "dpxla key-value put panicked") }
    })
}

#[cfg(test)]
mod tests {
    //! The callbacks called as a plugin calls them (header-shaped args, our own
    //! error constructor standing in for the plugin's), against a real store
    //! over TCP. The struct layouts are pinned to the real header by
    //! tests/runtime_abi.rs.
    use super::*;
    use crate::runtime::kv_store::KvServer;
    use std::sync::Mutex;

    static LAST_ERROR: Mutex<Option<(i32, String)>> = Mutex::new(None);

    unsafe extern "C" fn record_error(
        code: ffi::PJRT_Error_Code,
        message: *const c_char,
        size: usize,
    ) -> *mut ffi::PJRT_Error {
        // SAFETY: `size` bytes at `message` for the call.
        let m = unsafe { std::slice::from_raw_parts(message as *const u8, size) };
        *LAST_ERROR.lock().unwrap() = Some((code, String::from_utf8_lossy(m).into_owned()));
        // Any non-null pointer means "an error"; never dereferenced.
        std::ptr::NonNull::<ffi::PJRT_Error>::dangling().as_ptr()
    }

    #[test]
    fn get_put_and_try_get_through_the_c_callbacks() {
        let server = KvServer::start("127.0.0.1:0").unwrap();
        let kv = KvClient::new(&server.addr().to_string(), Duration::from_secs(5)).unwrap();
        let mut ctor: ffi::PJRT_CallbackError = Some(record_error);
        // Binary values with NUL bytes (NCCL ids are) survive.
        let value = [7u8, 0, 255, 0, 1];
        let key = "nccl_id/0";
        let mut put = ffi::PJRT_KeyValuePutCallback_Args::new();
        put.key = key.as_ptr() as *const c_char;
        put.key_size = key.len();
        put.value = value.as_ptr() as *const c_char;
        put.value_size = value.len();
        put.callback_error = &mut ctor;
        put.user_arg = user_arg(&kv);
        // SAFETY: header-shaped args, live client.
        assert!(unsafe { kv_put(&mut put) }.is_null());
        // Stored under the plugin prefix.
        assert_eq!(
            kv.try_get(&format!("{PLUGIN_KEY_PREFIX}{key}")).unwrap(),
            Some(value.to_vec())
        );
        assert_eq!(kv.try_get(key).unwrap(), None);

        let mut get = ffi::PJRT_KeyValueGetCallback_Args::new();
        get.key = key.as_ptr() as *const c_char;
        get.key_size = key.len();
        get.timeout_in_ms = 1000;
        get.callback_error = &mut ctor;
        get.user_arg = user_arg(&kv);
        // SAFETY: as above.
        assert!(unsafe { kv_get(&mut get) }.is_null());
        // SAFETY: the callback returned value_size bytes at value.
        let got = unsafe { std::slice::from_raw_parts(get.value as *const u8, get.value_size) };
        assert_eq!(got, value);
        let deleter = get.value_deleter_callback.expect("a deleter");
        // SAFETY: frees the value once, as the plugin does after copying.
        unsafe { deleter(get.value) };

        // A missing key: get times out with DEADLINE_EXCEEDED, try-get is
        // NOT_FOUND at once.
        let missing = "missing";
        get.key = missing.as_ptr() as *const c_char;
        get.key_size = missing.len();
        get.timeout_in_ms = 100;
        get.value = std::ptr::null_mut();
        // SAFETY: as above.
        assert!(!unsafe { kv_get(&mut get) }.is_null());
        let (code, msg) = LAST_ERROR.lock().unwrap().take().unwrap();
        assert_eq!(code, CODE_DEADLINE_EXCEEDED, "{msg}");
        assert!(
            msg.contains("pjrt/missing") && msg.contains("0.1 s"),
            "{msg}"
        );
        assert!(get.value.is_null());

        let mut try_get = ffi::PJRT_KeyValueTryGetCallback_Args::new();
        try_get.key = missing.as_ptr() as *const c_char;
        try_get.key_size = missing.len();
        try_get.callback_error = &mut ctor;
        try_get.user_arg = user_arg(&kv);
        // SAFETY: as above.
        assert!(!unsafe { kv_try_get(&mut try_get) }.is_null());
        assert_eq!(LAST_ERROR.lock().unwrap().take().unwrap().0, CODE_NOT_FOUND);

        // A different value for a written key is ALREADY_EXISTS.
        let other = [1u8];
        put.value = other.as_ptr() as *const c_char;
        put.value_size = 1;
        // SAFETY: as above.
        assert!(!unsafe { kv_put(&mut put) }.is_null());
        assert_eq!(
            LAST_ERROR.lock().unwrap().take().unwrap().0,
            CODE_ALREADY_EXISTS
        );
    }
}
