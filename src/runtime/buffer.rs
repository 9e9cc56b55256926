//! Device buffers: host-to-device and device-to-host copies.

use super::api::pjrt_call;
use super::client::{Client, ClientInner};
use super::element::{ElementType, NativeType};
use super::event::wait_raw;
use super::ffi;
use crate::{Error, Result};
use std::sync::Arc;

/// An array on one device. Dropping it frees the device memory. A buffer passed
/// as a donated argument (see `Executable::execute`) is consumed by XLA: it
/// reports `is_deleted()` and reading it returns an error, but the handle is still
/// freed here.
pub struct Buffer {
    client: Arc<ClientInner>,
    pub(crate) raw: *mut ffi::PJRT_Buffer,
    dims: Vec<usize>,
    element_type: ElementType,
}

// SAFETY: PJRT buffers may be used and destroyed from any thread; the handle is
// uniquely owned by this value.
unsafe impl Send for Buffer {}
// SAFETY: all `&self` methods only issue thread-safe PJRT calls.
unsafe impl Sync for Buffer {}

impl Drop for Buffer {
    fn drop(&mut self) {
        let mut args = ffi::PJRT_Buffer_Destroy_Args::new();
        args.buffer = self.raw;
        let _ = pjrt_call!(self.client.api, PJRT_Buffer_Destroy, &mut args);
    }
}

impl std::fmt::Debug for Buffer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Buffer({:?}{:?})", self.element_type, self.dims)
    }
}

impl Client {
    /// Copies `data` (row-major, shape `dims`) to device `device`.
    pub fn buffer_from_host<T: NativeType>(
        &self,
        data: &[T],
        dims: &[usize],
        device: usize,
    ) -> Result<Buffer> {
        // SAFETY: `NativeType` guarantees `T` is padding-free POD of the element
        // type's size, so viewing the slice as bytes is sound.
        let bytes = unsafe {
            std::slice::from_raw_parts(data.as_ptr() as *const u8, std::mem::size_of_val(data))
        };
        self.buffer_from_bytes(bytes, T::ELEMENT_TYPE, dims, device)
    }

    /// Copies raw little-endian element bytes to device `device`.
    pub fn buffer_from_bytes(
        &self,
        bytes: &[u8],
        element_type: ElementType,
        dims: &[usize],
        device: usize,
    ) -> Result<Buffer> {
        let count: usize = dims.iter().product();
        if bytes.len() != count * element_type.size_bytes() {
            return Err(Error::Runtime(format!(
                "host data has {} bytes but shape {dims:?} of {element_type:?} needs {}",
                bytes.len(),
                count * element_type.size_bytes()
            )));
        }
        let dims_i64: Vec<i64> = dims.iter().map(|&d| d as i64).collect();
        let mut args = ffi::PJRT_Client_BufferFromHostBuffer_Args::new();
        args.client = self.inner.raw;
        args.data = bytes.as_ptr() as *const _;
        args.type_ = element_type.to_pjrt();
        args.dims = dims_i64.as_ptr();
        args.num_dims = dims_i64.len();
        // Copy semantics: the host slice may be freed as soon as the call returns,
        // so there is no zero-copy alignment rule and no done-event deadlock.
        args.host_buffer_semantics = ffi::PJRT_HostBufferSemantics_kImmutableOnlyDuringCall;
        args.device = self.device_ptr(device)?;
        pjrt_call!(self.inner.api, PJRT_Client_BufferFromHostBuffer, &mut args)?;
        let buffer = Buffer {
            client: self.inner.clone(),
            raw: args.buffer,
            dims: dims.to_vec(),
            element_type,
        };
        wait_raw(self.inner.api, args.done_with_host_buffer)?;
        Ok(buffer)
    }

    /// Wraps a buffer returned by an execution, reading its shape and type.
    pub(crate) fn adopt_buffer(&self, raw: *mut ffi::PJRT_Buffer) -> Result<Buffer> {
        let api = self.inner.api;
        // Own the handle first so it is freed even if a query below fails.
        let mut buffer = Buffer {
            client: self.inner.clone(),
            raw,
            dims: Vec::new(),
            element_type: ElementType::F32,
        };
        let mut t = ffi::PJRT_Buffer_ElementType_Args::new();
        t.buffer = raw;
        pjrt_call!(api, PJRT_Buffer_ElementType, &mut t)?;
        buffer.element_type = ElementType::from_pjrt(t.type_).ok_or_else(|| {
            Error::Runtime(format!("unsupported output element type code {}", t.type_))
        })?;
        let mut d = ffi::PJRT_Buffer_Dimensions_Args::new();
        d.buffer = raw;
        pjrt_call!(api, PJRT_Buffer_Dimensions, &mut d)?;
        // SAFETY: `dims` has `num_dims` entries and lives as long as the buffer.
        let dims = unsafe { std::slice::from_raw_parts(d.dims, d.num_dims) };
        buffer.dims = dims.iter().map(|&x| x as usize).collect();
        Ok(buffer)
    }
}

impl Buffer {
    pub fn dims(&self) -> &[usize] {
        &self.dims
    }

    pub fn element_type(&self) -> ElementType {
        self.element_type
    }

    pub fn element_count(&self) -> usize {
        self.dims.iter().product()
    }

    /// True once XLA has consumed the buffer (e.g. it was donated to an execution).
    pub fn is_deleted(&self) -> Result<bool> {
        let mut args = ffi::PJRT_Buffer_IsDeleted_Args::new();
        args.buffer = self.raw;
        pjrt_call!(self.client.api, PJRT_Buffer_IsDeleted, &mut args)?;
        Ok(args.is_deleted)
    }

    /// Copies the buffer to a host vector of `T`, which must match its element type.
    pub fn to_host<T: NativeType>(&self) -> Result<Vec<T>> {
        if T::ELEMENT_TYPE != self.element_type {
            return Err(Error::Runtime(format!(
                "buffer holds {:?}, asked for {:?}",
                self.element_type,
                T::ELEMENT_TYPE
            )));
        }
        let mut out = vec![T::default(); self.element_count()];
        // SAFETY: `T` is padding-free POD (NativeType); every bit pattern the device
        // writes for this element type is a valid `T` (bool: XLA writes 0 or 1).
        let bytes = unsafe {
            std::slice::from_raw_parts_mut(
                out.as_mut_ptr() as *mut u8,
                std::mem::size_of_val(out.as_slice()),
            )
        };
        self.copy_to_host_bytes(bytes)?;
        Ok(out)
    }

    /// Copies the buffer's raw element bytes (row-major) to the host.
    pub fn to_host_bytes(&self) -> Result<Vec<u8>> {
        let mut out = vec![0u8; self.element_count() * self.element_type.size_bytes()];
        self.copy_to_host_bytes(&mut out)?;
        Ok(out)
    }

    fn copy_to_host_bytes(&self, dst: &mut [u8]) -> Result<()> {
        let mut args = ffi::PJRT_Buffer_ToHostBuffer_Args::new();
        args.src = self.raw;
        args.dst = dst.as_mut_ptr() as *mut _;
        args.dst_size = dst.len();
        pjrt_call!(self.client.api, PJRT_Buffer_ToHostBuffer, &mut args)?;
        // The copy is asynchronous: `dst` must stay borrowed until the event fires,
        // which `wait_raw` guarantees before we return.
        wait_raw(self.client.api, args.event)
    }
}
