//! Raw `#[repr(C)]` mirror of the PJRT C API header (`pjrt_c_api.h`, API 0.81, as
//! shipped in the `xla-cpu-pjrt` wheel under `include/`). Only the argument structs
//! dpxla uses are declared; their sizes are pinned to the header by
//! `crates/dpxla-pjrt/tests/runtime_abi.rs`, which compiles a C probe against the real header.
//! Nothing here is safe to call directly: the safe wrappers live in sibling modules.
#![allow(
    non_camel_case_types,
    non_snake_case,
    non_upper_case_globals,
    dead_code
)]

use std::ffi::{c_char, c_int, c_void};

pub use super::ffi_api::PJRT_Api;

/// The header version these structs mirror.
pub const PJRT_API_MAJOR: c_int = 0;
pub const PJRT_API_MINOR: c_int = 81;

macro_rules! opaque {
    ($($name:ident),*) => {$(
        #[repr(C)]
        pub struct $name {
            _private: [u8; 0],
        }
    )*};
}
opaque!(
    PJRT_Error,
    PJRT_Client,
    PJRT_Device,
    PJRT_DeviceDescription,
    PJRT_Memory,
    PJRT_Buffer,
    PJRT_Event,
    PJRT_LoadedExecutable,
    PJRT_Executable,
    PJRT_Extension_Base,
    PJRT_ExecuteContext
);

/// Declares an args struct that starts with the `struct_size` / `extension_start`
/// header every PJRT args struct has, plus a `new()` that zeroes the rest and sets
/// `struct_size` to this struct's size (the plugin uses it to tell which fields we
/// know about).
macro_rules! args_struct {
    ($name:ident { $($field:ident : $ty:ty),* $(,)? }) => {
        #[repr(C)]
        pub struct $name {
            pub struct_size: usize,
            pub extension_start: *mut PJRT_Extension_Base,
            $(pub $field: $ty,)*
        }
        impl $name {
            #[allow(clippy::new_without_default)]
            pub fn new() -> Self {
                // SAFETY: all fields are integers, raw pointers, `Option` of function
                // pointers or unions of those; all-zero is a valid value for each.
                let mut s: Self = unsafe { std::mem::zeroed() };
                s.struct_size = std::mem::size_of::<Self>();
                s
            }
        }
    };
}

pub type PJRT_Error_Code = c_int;
pub type PJRT_Buffer_Type = c_int;
pub type PJRT_NamedValue_Type = c_int;
pub type PJRT_HostBufferSemantics = c_int;

pub const PJRT_NamedValue_kString: PJRT_NamedValue_Type = 0;
pub const PJRT_NamedValue_kInt64: PJRT_NamedValue_Type = 1;
pub const PJRT_NamedValue_kInt64List: PJRT_NamedValue_Type = 2;
pub const PJRT_NamedValue_kFloat: PJRT_NamedValue_Type = 3;
pub const PJRT_NamedValue_kBool: PJRT_NamedValue_Type = 4;

/// Host data is copied before `BufferFromHostBuffer` returns: no aliasing, no
/// done-event deadlock (docs/design.md, "Runtime facts and PJRT pitfalls").
pub const PJRT_HostBufferSemantics_kImmutableOnlyDuringCall: PJRT_HostBufferSemantics = 0;
/// The runtime may read `data` after the call returns, until `done_with_host_buffer`
/// fires; the caller keeps it alive and unchanged until then (`pjrt_c_api.h`).
pub const PJRT_HostBufferSemantics_kImmutableUntilTransferCompletes: PJRT_HostBufferSemantics = 1;

#[repr(C)]
pub struct PJRT_Api_Version {
    pub struct_size: usize,
    pub extension_start: *mut PJRT_Extension_Base,
    pub major_version: c_int,
    pub minor_version: c_int,
}

#[repr(C)]
#[derive(Clone, Copy)]
pub union PJRT_NamedValue_Value {
    pub string_value: *const c_char,
    pub int64_value: i64,
    pub int64_array_value: *const i64,
    pub float_value: f32,
    pub bool_value: bool,
}

args_struct!(PJRT_NamedValue {
    name: *const c_char,
    name_size: usize,
    type_: PJRT_NamedValue_Type,
    value: PJRT_NamedValue_Value,
    value_size: usize,
});

args_struct!(PJRT_Error_Destroy_Args { error: *mut PJRT_Error });
args_struct!(PJRT_Error_Message_Args {
    error: *const PJRT_Error,
    message: *const c_char,
    message_size: usize,
});
args_struct!(PJRT_Error_GetCode_Args {
    error: *const PJRT_Error,
    code: PJRT_Error_Code,
});
args_struct!(PJRT_Plugin_Initialize_Args {});
args_struct!(PJRT_Plugin_Attributes_Args {
    attributes: *const PJRT_NamedValue,
    num_attributes: usize,
});
args_struct!(PJRT_Event_Destroy_Args { event: *mut PJRT_Event });
args_struct!(PJRT_Event_Await_Args { event: *mut PJRT_Event });

/// `PJRT_CallbackError` (pjrt_c_api.h): the plugin's function a key-value
/// callback calls to build the `PJRT_Error` it returns; `message` need only
/// live for the call.
pub type PJRT_CallbackError = Option<
    unsafe extern "C" fn(
        code: PJRT_Error_Code,
        message: *const c_char,
        size: usize,
    ) -> *mut PJRT_Error,
>;
/// `PJRT_KeyValueGetCallback_ValueDeleter` / `..TryGet..`: frees a value a
/// callback returned (the plugin copies it first).
pub type PJRT_KeyValue_ValueDeleter = Option<unsafe extern "C" fn(value: *mut c_char)>;

// The key-value store callbacks of `PJRT_Client_Create_Args` (pjrt_c_api.h,
// "The caller of PJRT_Client_Create can optionally provide a key-value store";
// the same layout in API 0.81, which dpxla pins, and in the GPU plugin's
// 0.118). `callback_error` is a POINTER to the plugin's error constructor.
args_struct!(PJRT_KeyValueGetCallback_Args {
    key: *const c_char,
    key_size: usize,
    timeout_in_ms: c_int,
    callback_error: *mut PJRT_CallbackError,
    user_arg: *mut c_void,
    value: *mut c_char,
    value_size: usize,
    value_deleter_callback: PJRT_KeyValue_ValueDeleter,
});
args_struct!(PJRT_KeyValueTryGetCallback_Args {
    key: *const c_char,
    key_size: usize,
    callback_error: *mut PJRT_CallbackError,
    user_arg: *mut c_void,
    value: *mut c_char,
    value_size: usize,
    value_deleter_callback: PJRT_KeyValue_ValueDeleter,
});
args_struct!(PJRT_KeyValuePutCallback_Args {
    key: *const c_char,
    key_size: usize,
    value: *const c_char,
    value_size: usize,
    callback_error: *mut PJRT_CallbackError,
    user_arg: *mut c_void,
});

args_struct!(PJRT_Client_Create_Args {
    create_options: *const PJRT_NamedValue,
    num_options: usize,
    kv_get_callback: *mut c_void,
    kv_get_user_arg: *mut c_void,
    kv_put_callback: *mut c_void,
    kv_put_user_arg: *mut c_void,
    client: *mut PJRT_Client,
    kv_try_get_callback: *mut c_void,
    kv_try_get_user_arg: *mut c_void,
});
args_struct!(PJRT_Client_Destroy_Args { client: *mut PJRT_Client });
args_struct!(PJRT_Client_PlatformName_Args {
    client: *mut PJRT_Client,
    platform_name: *const c_char,
    platform_name_size: usize,
});
args_struct!(PJRT_Client_PlatformVersion_Args {
    client: *mut PJRT_Client,
    platform_version: *const c_char,
    platform_version_size: usize,
});
args_struct!(PJRT_Client_AddressableDevices_Args {
    client: *mut PJRT_Client,
    addressable_devices: *const *mut PJRT_Device,
    num_addressable_devices: usize,
});

args_struct!(PJRT_Device_GetDescription_Args {
    device: *mut PJRT_Device,
    device_description: *mut PJRT_DeviceDescription,
});
args_struct!(PJRT_DeviceDescription_Id_Args {
    device_description: *mut PJRT_DeviceDescription,
    id: c_int,
});
args_struct!(PJRT_DeviceDescription_Kind_Args {
    device_description: *mut PJRT_DeviceDescription,
    device_kind: *const c_char,
    device_kind_size: usize,
});
args_struct!(PJRT_DeviceDescription_DebugString_Args {
    device_description: *mut PJRT_DeviceDescription,
    debug_string: *const c_char,
    debug_string_size: usize,
});

args_struct!(PJRT_Device_MemoryStats_Args {
    device: *mut PJRT_Device,
    bytes_in_use: i64,
    peak_bytes_in_use: i64,
    peak_bytes_in_use_is_set: bool,
    num_allocs: i64,
    num_allocs_is_set: bool,
    largest_alloc_size: i64,
    largest_alloc_size_is_set: bool,
    bytes_limit: i64,
    bytes_limit_is_set: bool,
    bytes_reserved: i64,
    bytes_reserved_is_set: bool,
    peak_bytes_reserved: i64,
    peak_bytes_reserved_is_set: bool,
    bytes_reservable_limit: i64,
    bytes_reservable_limit_is_set: bool,
    largest_free_block_bytes: i64,
    largest_free_block_bytes_is_set: bool,
    pool_bytes: i64,
    pool_bytes_is_set: bool,
    peak_pool_bytes: i64,
    peak_pool_bytes_is_set: bool,
});

args_struct!(PJRT_Program {
    code: *mut c_char,
    code_size: usize,
    format: *const c_char,
    format_size: usize,
});
args_struct!(PJRT_Client_Compile_Args {
    client: *mut PJRT_Client,
    program: *const PJRT_Program,
    compile_options: *const c_char,
    compile_options_size: usize,
    executable: *mut PJRT_LoadedExecutable,
});

args_struct!(PJRT_Client_BufferFromHostBuffer_Args {
    client: *mut PJRT_Client,
    data: *const c_void,
    type_: PJRT_Buffer_Type,
    dims: *const i64,
    num_dims: usize,
    byte_strides: *const i64,
    num_byte_strides: usize,
    host_buffer_semantics: PJRT_HostBufferSemantics,
    device: *mut PJRT_Device,
    memory: *mut PJRT_Memory,
    device_layout: *mut c_void,
    done_with_host_buffer: *mut PJRT_Event,
    buffer: *mut PJRT_Buffer,
});
args_struct!(PJRT_Buffer_Destroy_Args { buffer: *mut PJRT_Buffer });
args_struct!(PJRT_Buffer_ElementType_Args {
    buffer: *mut PJRT_Buffer,
    type_: PJRT_Buffer_Type,
});
args_struct!(PJRT_Buffer_Dimensions_Args {
    buffer: *mut PJRT_Buffer,
    dims: *const i64,
    num_dims: usize,
});
args_struct!(PJRT_Buffer_ToHostBuffer_Args {
    src: *mut PJRT_Buffer,
    host_layout: *mut c_void,
    dst: *mut c_void,
    dst_size: usize,
    event: *mut PJRT_Event,
});
args_struct!(PJRT_Buffer_ReadyEvent_Args {
    buffer: *mut PJRT_Buffer,
    event: *mut PJRT_Event,
});
args_struct!(PJRT_Buffer_IsDeleted_Args {
    buffer: *mut PJRT_Buffer,
    is_deleted: bool,
});

args_struct!(PJRT_LoadedExecutable_Destroy_Args {
    executable: *mut PJRT_LoadedExecutable,
});
opaque!(PJRT_SerializedExecutable);
args_struct!(PJRT_Executable_Serialize_Args {
    executable: *const PJRT_Executable,
    serialized_bytes: *const c_char,
    serialized_bytes_size: usize,
    serialized_executable: *mut PJRT_SerializedExecutable,
    serialized_executable_deleter: Option<unsafe extern "C" fn(*mut PJRT_SerializedExecutable)>,
});
args_struct!(PJRT_Executable_DeserializeAndLoad_Args {
    client: *mut PJRT_Client,
    serialized_executable: *const c_char,
    serialized_executable_size: usize,
    loaded_executable: *mut PJRT_LoadedExecutable,
    overridden_serialized_compile_options: *const c_char,
    overridden_serialized_compile_options_size: usize,
});
args_struct!(PJRT_LoadedExecutable_GetExecutable_Args {
    loaded_executable: *mut PJRT_LoadedExecutable,
    executable: *mut PJRT_Executable,
});
args_struct!(PJRT_Executable_Destroy_Args {
    executable: *mut PJRT_Executable,
});
args_struct!(PJRT_Executable_NumOutputs_Args {
    executable: *mut PJRT_Executable,
    num_outputs: usize,
});
args_struct!(PJRT_Executable_GetCompiledMemoryStats_Args {
    executable: *mut PJRT_Executable,
    generated_code_size_in_bytes: i64,
    argument_size_in_bytes: i64,
    output_size_in_bytes: i64,
    alias_size_in_bytes: i64,
    temp_size_in_bytes: i64,
    host_generated_code_size_in_bytes: i64,
    host_argument_size_in_bytes: i64,
    host_output_size_in_bytes: i64,
    host_alias_size_in_bytes: i64,
    host_temp_size_in_bytes: i64,
    peak_memory_in_bytes: i64,
});
args_struct!(PJRT_ExecuteOptions {
    send_callbacks: *mut c_void,
    recv_callbacks: *mut c_void,
    num_send_ops: usize,
    num_recv_ops: usize,
    launch_id: c_int,
    non_donatable_input_indices: *const i64,
    num_non_donatable_input_indices: usize,
    context: *mut PJRT_ExecuteContext,
    call_location: *const c_char,
    num_tasks: usize,
    task_ids: *mut c_int,
    incarnation_ids: *mut i64,
});
args_struct!(PJRT_LoadedExecutable_Execute_Args {
    executable: *mut PJRT_LoadedExecutable,
    options: *mut PJRT_ExecuteOptions,
    argument_lists: *const *const *mut PJRT_Buffer,
    num_devices: usize,
    num_args: usize,
    output_lists: *const *mut *mut PJRT_Buffer,
    device_complete_events: *mut *mut PJRT_Event,
    execute_device: *mut PJRT_Device,
});

/// The struct names and Rust sizes, for the ABI test that compares them with the
/// C header's `sizeof`.
pub fn struct_sizes() -> Vec<(&'static str, usize)> {
    macro_rules! sizes {
        ($($t:ident),*) => { vec![$((stringify!($t), std::mem::size_of::<$t>())),*] };
    }
    sizes!(
        PJRT_Api,
        PJRT_Api_Version,
        PJRT_NamedValue,
        PJRT_Error_Destroy_Args,
        PJRT_Error_Message_Args,
        PJRT_Error_GetCode_Args,
        PJRT_Plugin_Initialize_Args,
        PJRT_Plugin_Attributes_Args,
        PJRT_Event_Destroy_Args,
        PJRT_Event_Await_Args,
        PJRT_Client_Create_Args,
        PJRT_KeyValueGetCallback_Args,
        PJRT_KeyValueTryGetCallback_Args,
        PJRT_KeyValuePutCallback_Args,
        PJRT_Client_Destroy_Args,
        PJRT_Client_PlatformName_Args,
        PJRT_Client_PlatformVersion_Args,
        PJRT_Client_AddressableDevices_Args,
        PJRT_Device_GetDescription_Args,
        PJRT_DeviceDescription_Id_Args,
        PJRT_DeviceDescription_Kind_Args,
        PJRT_DeviceDescription_DebugString_Args,
        PJRT_Device_MemoryStats_Args,
        PJRT_Program,
        PJRT_Client_Compile_Args,
        PJRT_Client_BufferFromHostBuffer_Args,
        PJRT_Buffer_Destroy_Args,
        PJRT_Buffer_ElementType_Args,
        PJRT_Buffer_Dimensions_Args,
        PJRT_Buffer_ToHostBuffer_Args,
        PJRT_Buffer_ReadyEvent_Args,
        PJRT_Buffer_IsDeleted_Args,
        PJRT_LoadedExecutable_Destroy_Args,
        PJRT_LoadedExecutable_GetExecutable_Args,
        PJRT_Executable_Serialize_Args,
        PJRT_Executable_DeserializeAndLoad_Args,
        PJRT_Executable_Destroy_Args,
        PJRT_Executable_NumOutputs_Args,
        PJRT_Executable_GetCompiledMemoryStats_Args,
        PJRT_ExecuteOptions,
        PJRT_LoadedExecutable_Execute_Args
    )
}
