//! Device buffers: host-to-device and device-to-host copies.

use super::api::pjrt_call;
use super::client::{Client, ClientInner};
use super::element::{ElementType, NativeType};
use super::event::{wait_raw, Event};
use super::ffi;
use crate::{Error, Result};
use std::any::Any;
use std::sync::Arc;

/// Host data an upload may still be reading: owned here until the plugin's
/// `done_with_host_buffer` event fires. `pjrt_c_api.h`,
/// `PJRT_HostBufferSemantics_kImmutableUntilTransferCompletes`: "The caller
/// promises not to mutate or free `data` until the transfer completes, at which
/// point `done_with_host_buffer` will be triggered."
struct HostHold {
    done: Option<Event>,
    data: Box<dyn Any + Send + Sync>,
}

impl HostHold {
    /// Waits for the transfer, then frees the host data. If waiting itself
    /// fails, the data is leaked rather than freed under a running copy.
    fn release(self) -> Result<()> {
        let HostHold { done, data } = self;
        match done.map_or(Ok(()), Event::wait) {
            Ok(()) => {
                drop(data);
                Ok(())
            }
            // An event that fired with an error has fired: the plugin no longer
            // reads `data`. We cannot tell that from a failing await, so leak.
            Err(e) => {
                std::mem::forget(data);
                Err(e)
            }
        }
    }
}

/// An array on one device. Dropping it frees the device memory. A buffer passed
/// as a donated argument (see `Executable::execute`) is consumed by XLA: it
/// reports `is_deleted()` and reading it returns an error, but the handle is still
/// freed here.
pub struct Buffer {
    client: Arc<ClientInner>,
    pub(crate) raw: *mut ffi::PJRT_Buffer,
    dims: Vec<usize>,
    element_type: ElementType,
    /// The host data of an asynchronous upload (`Client::buffer_from_vec`).
    hold: Option<HostHold>,
}

// SAFETY: PJRT buffers may be used and destroyed from any thread; the handle is
// uniquely owned by this value, and so is the held host data and its event
// (PJRT events may be awaited from any thread).
unsafe impl Send for Buffer {}
// SAFETY: all `&self` methods only issue thread-safe PJRT calls.
unsafe impl Sync for Buffer {}

impl Drop for Buffer {
    fn drop(&mut self) {
        // The transfer must be done before its host data is freed; the device
        // buffer itself may go at once (PJRT frees its memory once pending
        // executions that read it complete).
        if let Some(hold) = self.hold.take() {
            let _ = hold.release();
        }
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

    /// Copies raw little-endian element bytes to device `device`. The copy is
    /// made before this returns (`kImmutableOnlyDuringCall`), so `bytes` is only
    /// borrowed.
    pub fn buffer_from_bytes(
        &self,
        bytes: &[u8],
        element_type: ElementType,
        dims: &[usize],
        device: usize,
    ) -> Result<Buffer> {
        // Copy semantics: the host slice may be freed as soon as the call returns,
        // so there is no zero-copy alignment rule and no done-event deadlock.
        let (buffer, done) = self.upload(
            bytes.as_ptr(),
            bytes.len(),
            element_type,
            dims,
            device,
            ffi::PJRT_HostBufferSemantics_kImmutableOnlyDuringCall,
        )?;
        wait_raw(self.inner.api, done)?;
        Ok(buffer)
    }

    /// Starts copying `data` (row-major, shape `dims`) to device `device` and
    /// returns at once: the returned buffer OWNS `data` until the plugin reports
    /// the transfer done (`kImmutableUntilTransferCompletes`), so the caller
    /// cannot free or change it under the copy. Work that reads the buffer is
    /// ordered after the transfer by PJRT. On a synchronous client
    /// (`Client::set_synchronous`) it waits for the transfer as
    /// `buffer_from_host` does.
    pub fn buffer_from_vec<T: NativeType + Send + Sync + 'static>(
        &self,
        data: Vec<T>,
        dims: &[usize],
        device: usize,
    ) -> Result<Buffer> {
        let (ptr, len) = (
            data.as_ptr() as *const u8,
            std::mem::size_of_val(data.as_slice()),
        );
        if self.is_synchronous() {
            // The same call as `buffer_from_host`: copied before it returns.
            return self.buffer_from_host(&data, dims, device);
        }
        // Moving the Vec into the box below does not move its heap allocation,
        // so `ptr` stays valid for as long as the hold lives.
        let (mut buffer, done) = self.upload(
            ptr,
            len,
            T::ELEMENT_TYPE,
            dims,
            device,
            ffi::PJRT_HostBufferSemantics_kImmutableUntilTransferCompletes,
        )?;
        buffer.hold = Some(HostHold {
            done: Event::from_raw(self.inner.api, done),
            data: Box::new(data),
        });
        Ok(buffer)
    }

    /// `PJRT_Client_BufferFromHostBuffer` on `len` bytes at `data`, which the
    /// caller keeps alive as `semantics` requires. Returns the buffer and the
    /// raw `done_with_host_buffer` event (the caller owns it).
    fn upload(
        &self,
        data: *const u8,
        len: usize,
        element_type: ElementType,
        dims: &[usize],
        device: usize,
        semantics: ffi::PJRT_HostBufferSemantics,
    ) -> Result<(Buffer, *mut ffi::PJRT_Event)> {
        let count: usize = dims.iter().product();
        if len != count * element_type.size_bytes() {
            return Err(Error::Runtime(format!(
                "host data has {len} bytes but shape {dims:?} of {element_type:?} needs {}",
                count * element_type.size_bytes()
            )));
        }
        let dims_i64: Vec<i64> = dims.iter().map(|&d| d as i64).collect();
        let mut args = ffi::PJRT_Client_BufferFromHostBuffer_Args::new();
        args.client = self.inner.raw;
        args.data = data as *const _;
        args.type_ = element_type.to_pjrt();
        args.dims = dims_i64.as_ptr();
        args.num_dims = dims_i64.len();
        args.host_buffer_semantics = semantics;
        args.device = self.device_ptr(device)?;
        pjrt_call!(self.inner.api, PJRT_Client_BufferFromHostBuffer, &mut args)?;
        let buffer = Buffer {
            client: self.inner.clone(),
            raw: args.buffer,
            dims: dims.to_vec(),
            element_type,
            hold: None,
        };
        Ok((buffer, args.done_with_host_buffer))
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
            hold: None,
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

    /// Blocks until the buffer's contents are computed or copied
    /// (`PJRT_Buffer_ReadyEvent`); returns the error of the work that
    /// produced it, if any.
    pub fn wait_ready(&self) -> Result<()> {
        let mut args = ffi::PJRT_Buffer_ReadyEvent_Args::new();
        args.buffer = self.raw;
        pjrt_call!(self.client.api, PJRT_Buffer_ReadyEvent, &mut args)?;
        wait_raw(self.client.api, args.event)
    }

    /// Whether the buffer still owns host data of an upload that has not
    /// been released (tests; released when the buffer is dropped).
    pub fn holds_host_data(&self) -> bool {
        self.hold.is_some()
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
