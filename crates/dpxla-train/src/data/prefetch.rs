//! Background preparation of batches, so host-side loading and augmentation of
//! step t+1 overlap the device's work on step t.
//!
//! A [`Prefetcher`] runs a producer closure on its own thread and hands its items
//! over a bounded channel: at most `depth` prepared items wait, which bounds the
//! memory used. Dropping the prefetcher closes the channel, which stops the
//! producer at its next hand-over, and joins the thread (clean shutdown, no
//! detached thread left reading files).

use crate::{Error, Result};
use std::sync::mpsc::{sync_channel, Receiver};
use std::thread::JoinHandle;

/// Items produced in the background, in order.
pub struct Prefetcher<T> {
    rx: Option<Receiver<Result<T>>>,
    worker: Option<JoinHandle<()>>,
}

impl<T: Send + 'static> Prefetcher<T> {
    /// Starts a thread that calls `produce(0)`, `produce(1)`, … and queues the
    /// results (at most `depth` ahead of the consumer, at least 1). The stream ends
    /// after `produce` returns `None` or an error (the error is delivered first).
    pub fn spawn<F>(depth: usize, mut produce: F) -> Result<Prefetcher<T>>
    where
        F: FnMut(u64) -> Option<Result<T>> + Send + 'static,
    {
        let (tx, rx) = sync_channel(depth.max(1));
        let worker = std::thread::Builder::new()
            .name("dpxla-prefetch".into())
            .spawn(move || {
                for i in 0.. {
                    let Some(item) = produce(i) else { break };
                    let failed = item.is_err();
                    // A send error means the consumer is gone: stop quietly.
                    if tx.send(item).is_err() || failed {
                        break;
                    }
                }
            })
            .map_err(|e| Error::Internal(format!("cannot start the prefetch thread: {e}")))?;
        Ok(Prefetcher {
            rx: Some(rx),
            worker: Some(worker),
        })
    }

    /// The next item, waiting for it if needed; `None` once the producer is done.
    /// A panic in the producer surfaces here as an error.
    pub fn next_item(&mut self) -> Option<Result<T>> {
        let received = self.rx.as_ref()?.recv().ok();
        if received.is_none() {
            if let Some(worker) = self.worker.take() {
                if worker.join().is_err() {
                    return Some(Err(Error::Internal("the prefetch thread panicked".into())));
                }
            }
        }
        received
    }
}

impl<T: Send + 'static> Iterator for Prefetcher<T> {
    type Item = Result<T>;
    fn next(&mut self) -> Option<Result<T>> {
        self.next_item()
    }
}

impl<T> Drop for Prefetcher<T> {
    fn drop(&mut self) {
        // Closing the receiver first makes a producer blocked in `send` return.
        drop(self.rx.take());
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}
