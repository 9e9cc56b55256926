//! `PJRT_Event`: completion of an asynchronous copy or execution.

use super::api::{pjrt_call, Api};
use super::ffi;
use crate::Result;

/// An owned event. Dropping it destroys the handle; `wait` blocks until it fires.
pub(crate) struct Event {
    api: &'static Api,
    raw: *mut ffi::PJRT_Event,
}

impl Event {
    /// Wraps a raw event returned by the plugin; null means "already complete".
    pub(crate) fn from_raw(api: &'static Api, raw: *mut ffi::PJRT_Event) -> Option<Event> {
        (!raw.is_null()).then_some(Event { api, raw })
    }

    /// Blocks until the event fires; returns the error it carries, if any.
    pub(crate) fn wait(self) -> Result<()> {
        let mut args = ffi::PJRT_Event_Await_Args::new();
        args.event = self.raw;
        pjrt_call!(self.api, PJRT_Event_Await, &mut args)
    }
}

/// Waits for an optional event (null events are complete).
pub(crate) fn wait_raw(api: &'static Api, raw: *mut ffi::PJRT_Event) -> Result<()> {
    match Event::from_raw(api, raw) {
        Some(ev) => ev.wait(),
        None => Ok(()),
    }
}

impl Drop for Event {
    fn drop(&mut self) {
        let mut args = ffi::PJRT_Event_Destroy_Args::new();
        args.event = self.raw;
        // Destroying cannot meaningfully fail; an error here is dropped (it has
        // already been converted and freed by `check`).
        let _ = pjrt_call!(self.api, PJRT_Event_Destroy, &mut args);
    }
}
