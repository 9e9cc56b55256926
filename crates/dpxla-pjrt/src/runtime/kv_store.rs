//! The key-value store of a multi-process run: served by process 0 over TCP
//! (`KvServer`), reached by every process (`KvClient`, process 0 included).
//! It is what a distributed PJRT client needs from its caller
//! (`PJRT_Client_Create_Args.kv_get_callback` / `kv_put_callback` /
//! `kv_try_get_callback`, `pjrt_c_api.h`; wired in `kv_callbacks`), the role
//! JAX's coordination service plays for `jax.distributed.initialize`, and
//! where dpxla's processes agree on their topology and sampler seed
//! (`dpxla_train::train::multihost`).
//!
//! Semantics (those the header asks of the callbacks): `get` blocks until the
//! key is present or the timeout passes; `try_get` answers at once (absent is
//! `None`); `put` stores a value. A key is written once: putting the same
//! value again is a no-op, a different value is an error (two runs sharing a
//! coordinator, or a process that disagrees, must not silently overwrite each
//! other).
//!
//! Wire format (std only, one TCP connection per request, so a blocking get
//! never holds up another thread's put): request = op byte (`G` get, `T`
//! try-get, `P` put), key (u32 length + bytes), then for `G` the timeout in ms
//! (u64) and for `P` the value (u32 length + bytes); answer = status byte
//! (0 value follows as u32 length + bytes, 1 absent, 2 timed out, 3 error
//! message follows as u32 length + UTF-8). Integers are little-endian.

use crate::{Error, Result};
use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Longest key accepted (bytes).
pub const MAX_KEY_BYTES: usize = 64 << 10;
/// Largest value accepted (bytes): NCCL ids and topology protos are small.
pub const MAX_VALUE_BYTES: usize = 64 << 20;

const OP_GET: u8 = b'G';
const OP_TRY_GET: u8 = b'T';
const OP_PUT: u8 = b'P';
const ST_VALUE: u8 = 0;
const ST_ABSENT: u8 = 1;
const ST_TIMEOUT: u8 = 2;
const ST_ERROR: u8 = 3;

/// How a request failed, so callers (the PJRT callbacks) can map it to a
/// status code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KvFailure {
    /// `get`: the key did not appear in time.
    Timeout,
    /// `put`: the key holds a different value.
    Conflict,
    /// The coordinator could not be reached or broke the protocol.
    Unavailable,
}

/// A store error: what failed and a message for the user.
#[derive(Clone, Debug)]
pub struct KvError {
    pub failure: KvFailure,
    pub message: String,
}

impl From<KvError> for Error {
    fn from(e: KvError) -> Error {
        Error::Runtime(e.message)
    }
}

fn io_err(addr: &SocketAddr, what: &str, e: std::io::Error) -> KvError {
    KvError {
        failure: KvFailure::Unavailable,
        message: format!("key-value store at {addr}: {what}: {e}"),
    }
}

fn write_bytes(w: &mut impl Write, b: &[u8]) -> std::io::Result<()> {
    w.write_all(&(b.len() as u32).to_le_bytes())?;
    w.write_all(b)
}

fn read_bytes(r: &mut impl Read, max: usize) -> std::io::Result<Vec<u8>> {
    let mut len = [0u8; 4];
    r.read_exact(&mut len)?;
    let len = u32::from_le_bytes(len) as usize;
    if len > max {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("{len} bytes exceed the limit of {max}"),
        ));
    }
    let mut b = vec![0u8; len];
    r.read_exact(&mut b)?;
    Ok(b)
}

#[derive(Default)]
struct Table {
    map: Mutex<HashMap<Vec<u8>, Vec<u8>>>,
    changed: Condvar,
}

impl Table {
    fn put(&self, key: Vec<u8>, value: Vec<u8>) -> std::result::Result<(), String> {
        let mut map = self.map.lock().unwrap_or_else(|p| p.into_inner());
        match map.get(&key) {
            Some(old) if *old == value => Ok(()),
            Some(_) => Err(format!(
                "key '{}' already holds a different value (is another run using \
                 the same coordinator?)",
                String::from_utf8_lossy(&key)
            )),
            None => {
                map.insert(key, value);
                self.changed.notify_all();
                Ok(())
            }
        }
    }

    fn get(&self, key: &[u8], timeout: Option<Duration>) -> Option<Vec<u8>> {
        let deadline = timeout.map(|t| Instant::now() + t);
        let mut map = self.map.lock().unwrap_or_else(|p| p.into_inner());
        loop {
            if let Some(v) = map.get(key) {
                return Some(v.clone());
            }
            let left = deadline?.checked_duration_since(Instant::now())?;
            map = self
                .changed
                .wait_timeout(map, left)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
    }
}

/// Process 0's store: a TCP listener and one thread per request. Stops
/// accepting when dropped.
pub struct KvServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
}

impl KvServer {
    /// Listens on `bind` (`HOST:PORT`; port 0 picks a free port, see
    /// [`KvServer::addr`]).
    pub fn start(bind: &str) -> Result<KvServer> {
        let listener = TcpListener::bind(bind).map_err(|e| {
            Error::Runtime(format!(
                "key-value store: cannot listen on {bind}: {e} (is the port in use, \
                 or is this not process 0's host?)"
            ))
        })?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::Runtime(format!("key-value store: {e}")))?;
        let stop = Arc::new(AtomicBool::new(false));
        let table = Arc::new(Table::default());
        let stop_flag = stop.clone();
        let accept = std::thread::Builder::new()
            .name("dpxla-kv-server".into())
            .spawn(move || {
                for conn in listener.incoming() {
                    if stop_flag.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(conn) = conn else { continue };
                    let table = table.clone();
                    let _ = std::thread::Builder::new()
                        .name("dpxla-kv-request".into())
                        .spawn(move || serve(conn, &table));
                }
            })
            .map_err(|e| Error::Runtime(format!("key-value store: cannot start: {e}")))?;
        Ok(KvServer {
            addr,
            stop,
            accept: Some(accept),
        })
    }

    /// The address the store listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for KvServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(h) = self.accept.take() {
            let _ = h.join();
        }
    }
}

/// Answers one request; a client that breaks the protocol is dropped.
fn serve(mut conn: TcpStream, table: &Table) {
    // A silent client must not hold a thread for ever.
    let _ = conn.set_read_timeout(Some(Duration::from_secs(60)));
    let _ = (|| -> std::io::Result<()> {
        let mut op = [0u8; 1];
        conn.read_exact(&mut op)?;
        let key = read_bytes(&mut conn, MAX_KEY_BYTES)?;
        match op[0] {
            OP_GET | OP_TRY_GET => {
                let timeout = if op[0] == OP_GET {
                    let mut ms = [0u8; 8];
                    conn.read_exact(&mut ms)?;
                    Some(Duration::from_millis(u64::from_le_bytes(ms)))
                } else {
                    None
                };
                match table.get(&key, timeout) {
                    Some(v) => {
                        conn.write_all(&[ST_VALUE])?;
                        write_bytes(&mut conn, &v)?;
                    }
                    None if op[0] == OP_GET => conn.write_all(&[ST_TIMEOUT])?,
                    None => conn.write_all(&[ST_ABSENT])?,
                }
            }
            OP_PUT => {
                let value = read_bytes(&mut conn, MAX_VALUE_BYTES)?;
                match table.put(key, value) {
                    Ok(()) => conn
                        .write_all(&[ST_VALUE])
                        .and_then(|_| write_bytes(&mut conn, &[]))?,
                    Err(msg) => {
                        conn.write_all(&[ST_ERROR])?;
                        write_bytes(&mut conn, msg.as_bytes())?;
                    }
                }
            }
            _ => {
                conn.write_all(&[ST_ERROR])?;
                write_bytes(&mut conn, b"unknown request")?;
            }
        }
        conn.flush()?;
        conn.shutdown(Shutdown::Write)
    })();
}

/// A connection to the store (thread-safe: each request opens its own TCP
/// connection).
#[derive(Clone, Debug)]
pub struct KvClient {
    addr: SocketAddr,
    /// How long a request keeps retrying to connect (process 0 may start
    /// after the others).
    connect_timeout: Duration,
}

impl KvClient {
    /// A client of the store at `addr` (`HOST:PORT`). Nothing is sent yet; a
    /// request retries connecting for up to `connect_timeout`.
    pub fn new(addr: &str, connect_timeout: Duration) -> Result<KvClient> {
        let addr = addr
            .to_socket_addrs()
            .map_err(|e| Error::InvalidInput(format!("coordinator {addr:?}: {e}")))?
            .next()
            .ok_or_else(|| {
                Error::InvalidInput(format!("coordinator {addr:?} resolves to no address"))
            })?;
        Ok(KvClient {
            addr,
            connect_timeout,
        })
    }

    /// The store's address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    fn connect(&self, deadline: Instant) -> std::result::Result<TcpStream, KvError> {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match TcpStream::connect_timeout(&self.addr, left.max(Duration::from_millis(10))) {
                Ok(s) => return Ok(s),
                Err(e) if Instant::now() >= deadline => {
                    return Err(KvError {
                        failure: KvFailure::Unavailable,
                        message: format!(
                            "key-value store at {}: cannot connect within {:.1} s: {e} \
                             (has process 0 started with the same coordinator address?)",
                            self.addr,
                            self.connect_timeout.as_secs_f64()
                        ),
                    })
                }
                Err(_) => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    }

    fn request(
        &self,
        op: u8,
        key: &[u8],
        tail: &[u8],
        answer_within: Duration,
    ) -> std::result::Result<(u8, Vec<u8>), KvError> {
        if key.len() > MAX_KEY_BYTES || tail.len() > MAX_VALUE_BYTES + 4 {
            return Err(KvError {
                failure: KvFailure::Unavailable,
                message: format!(
                    "key-value store: key of {} bytes or value of {} bytes is too large",
                    key.len(),
                    tail.len()
                ),
            });
        }
        let mut conn = self.connect(Instant::now() + self.connect_timeout)?;
        let addr = self.addr;
        let _ = conn.set_read_timeout(Some(answer_within + Duration::from_secs(10)));
        let mut req = vec![op];
        write_bytes(&mut req, key).map_err(|e| io_err(&addr, "request", e))?;
        req.extend_from_slice(tail);
        conn.write_all(&req)
            .and_then(|_| conn.flush())
            .map_err(|e| io_err(&addr, "sending the request", e))?;
        let mut status = [0u8; 1];
        conn.read_exact(&mut status)
            .map_err(|e| io_err(&addr, "reading the answer", e))?;
        let body = match status[0] {
            ST_VALUE | ST_ERROR => read_bytes(&mut conn, MAX_VALUE_BYTES)
                .map_err(|e| io_err(&addr, "reading the answer", e))?,
            _ => Vec::new(),
        };
        Ok((status[0], body))
    }

    /// The value of `key`, waiting up to `timeout` for some process to put it.
    pub fn get(&self, key: &str, timeout: Duration) -> std::result::Result<Vec<u8>, KvError> {
        let ms = timeout.as_millis().min(u64::MAX as u128) as u64;
        match self.request(OP_GET, key.as_bytes(), &ms.to_le_bytes(), timeout)? {
            (ST_VALUE, v) => Ok(v),
            (ST_TIMEOUT, _) => Err(KvError {
                failure: KvFailure::Timeout,
                message: format!(
                    "key-value store at {}: no process put '{key}' within {:.1} s \
                     (did every process start, with the same number of processes?)",
                    self.addr,
                    timeout.as_secs_f64()
                ),
            }),
            other => Err(self.unexpected(other)),
        }
    }

    /// The value of `key` if some process has put it, at once.
    pub fn try_get(&self, key: &str) -> std::result::Result<Option<Vec<u8>>, KvError> {
        match self.request(OP_TRY_GET, key.as_bytes(), &[], Duration::ZERO)? {
            (ST_VALUE, v) => Ok(Some(v)),
            (ST_ABSENT, _) => Ok(None),
            other => Err(self.unexpected(other)),
        }
    }

    /// Stores `value` under `key` (once; the same value again is a no-op).
    pub fn put(&self, key: &str, value: &[u8]) -> std::result::Result<(), KvError> {
        let mut tail = Vec::with_capacity(value.len() + 4);
        write_bytes(&mut tail, value).map_err(|e| io_err(&self.addr, "request", e))?;
        match self.request(OP_PUT, key.as_bytes(), &tail, Duration::ZERO)? {
            (ST_VALUE, _) => Ok(()),
            (ST_ERROR, msg) => Err(KvError {
                failure: KvFailure::Conflict,
                message: format!(
                    "key-value store at {}: {}",
                    self.addr,
                    String::from_utf8_lossy(&msg)
                ),
            }),
            other => Err(self.unexpected(other)),
        }
    }

    fn unexpected(&self, (status, body): (u8, Vec<u8>)) -> KvError {
        KvError {
            failure: KvFailure::Unavailable,
            message: format!(
                "key-value store at {}: unexpected answer {status}: {}",
                self.addr,
                String::from_utf8_lossy(&body)
            ),
        }
    }
}
