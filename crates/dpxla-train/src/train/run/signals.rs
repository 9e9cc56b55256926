//! SIGINT / SIGTERM during training. Killing the process outright loses
//! every step since the last periodic checkpoint, so the first signal only
//! raises a flag: the loop finishes the logical step it is in, writes a
//! checkpoint and returns [`crate::Error::Interrupted`] (the CLI prints how
//! to resume and exits 128 + the signal number: 130 for SIGINT, 143 for
//! SIGTERM). A second signal exits at once with the same status, for a run
//! stuck in a long step or compile.

use signal_hook::consts::{SIGINT, SIGTERM};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

/// A stop request shared between signal handlers and the training loop.
#[derive(Clone, Debug, Default)]
pub struct StopSignal {
    pending: Arc<AtomicBool>,
    which: Arc<AtomicUsize>,
}

impl StopSignal {
    /// Registers the handlers for SIGINT and SIGTERM in this process. They
    /// stay registered for the life of the process (the CLI calls this once).
    pub fn install() -> std::io::Result<StopSignal> {
        let stop = StopSignal::default();
        for sig in [SIGINT, SIGTERM] {
            // Registration order is the order the actions run in: the exit
            // checks the flag before this signal sets it, so it fires only on
            // the second signal.
            signal_hook::flag::register_conditional_shutdown(
                sig,
                128 + sig,
                Arc::clone(&stop.pending),
            )?;
            signal_hook::flag::register_usize(sig, Arc::clone(&stop.which), sig as usize)?;
            signal_hook::flag::register(sig, Arc::clone(&stop.pending))?;
        }
        Ok(stop)
    }

    /// Asks for a stop as if `signal` had arrived (tests, embedding programs).
    pub fn request(&self, signal: i32) {
        self.which.store(signal as usize, Ordering::SeqCst);
        self.pending.store(true, Ordering::SeqCst);
    }

    /// The signal that asked for a stop, if one did.
    pub fn requested(&self) -> Option<i32> {
        self.pending
            .load(Ordering::SeqCst)
            .then(|| self.which.load(Ordering::SeqCst) as i32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_is_seen_with_its_signal() {
        let s = StopSignal::default();
        assert_eq!(s.requested(), None);
        s.clone().request(SIGTERM);
        assert_eq!(s.requested(), Some(SIGTERM));
    }
}
