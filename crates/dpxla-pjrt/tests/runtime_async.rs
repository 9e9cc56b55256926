//! Asynchronous uploads and executions, and the on-disk compile cache, on the
//! real plugin (issue 23, item 3).

use dpxla_pjrt::runtime::{CacheStats, Client, CompileCache, CompileOptions, XlaFlag};
use dpxla_testkit::pjrt::client_with;

/// y = 2x + 1 on `n` floats.
fn affine(n: usize) -> String {
    format!(
        r#"
func.func @main(%x: tensor<{n}xf32>) -> tensor<{n}xf32> {{
  %two = stablehlo.constant dense<2.0> : tensor<{n}xf32>
  %one = stablehlo.constant dense<1.0> : tensor<{n}xf32>
  %m = stablehlo.multiply %x, %two : tensor<{n}xf32>
  %y = stablehlo.add %m, %one : tensor<{n}xf32>
  return %y : tensor<{n}xf32>
}}"#
    )
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("dpxla-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

#[test]
fn an_upload_owns_its_host_data_until_the_transfer_is_done() {
    let client = client_with(1);
    // 16 MiB: above the size the CPU plugin copies inline, so the copy can
    // still run after `buffer_from_vec` returns.
    let n = 4 << 20;
    let data: Vec<f32> = (0..n).map(|i| (i % 1009) as f32 - 500.0).collect();
    let want = data.clone();
    let buffer = client.buffer_from_vec(data, &[n], 0).unwrap();
    // The caller's Vec is gone (moved); the buffer keeps it until it is dropped.
    assert!(buffer.holds_host_data());
    // Reuse freed memory if the data had been freed: fresh allocations of the
    // same size filled with something else.
    let junk: Vec<Vec<f32>> = (0..4).map(|_| vec![f32::NAN; n]).collect();
    let got: Vec<f32> = buffer.to_host().unwrap();
    drop(junk);
    assert!(got == want, "the uploaded data changed under the transfer");
}

#[test]
fn a_synchronous_client_releases_the_host_data_before_returning() {
    let client = client_with(1);
    client.set_synchronous(true);
    let buffer = client
        .buffer_from_vec(vec![1.0f32, 2.0, 3.0], &[3], 0)
        .unwrap();
    assert!(!buffer.holds_host_data());
    assert_eq!(buffer.to_host::<f32>().unwrap(), vec![1.0, 2.0, 3.0]);
}

#[test]
fn chained_executions_without_waiting_give_the_synchronous_result() {
    let n = 1 << 16;
    let run = |synchronous: bool| {
        let client = client_with(1);
        client.set_synchronous(synchronous);
        let exe = client
            .compile(&affine(n), &CompileOptions::default())
            .unwrap();
        let x: Vec<f32> = (0..n).map(|i| (i % 100) as f32).collect();
        let mut cur = client.buffer_from_vec(x, &[n], 0).unwrap();
        // Ten programs in a row, each reading the previous one's output: only
        // the final host read waits.
        for _ in 0..10 {
            cur = exe.execute(&[&cur]).unwrap().pop().unwrap();
        }
        cur.wait_ready().unwrap();
        cur.to_host::<f32>().unwrap()
    };
    let async_out = run(false);
    assert_eq!(async_out, run(true));
    // x -> 2x + 1 ten times: 1024 x + 1023 (exact in f32 for these x).
    assert_eq!(async_out[1], 2047.0);
    assert_eq!(async_out[99], 1024.0 * 99.0 + 1023.0);
}

fn compile_and_run(client: &Client, mlir: &str) -> Vec<f32> {
    let exe = client.compile(mlir, &CompileOptions::default()).unwrap();
    let x = client
        .buffer_from_host(&[1.0f32, -2.0, 0.5, 4.0], &[4], 0)
        .unwrap();
    exe.execute(&[&x]).unwrap()[0].to_host().unwrap()
}

fn stats(client: &Client) -> CacheStats {
    client.compile_cache().unwrap().stats()
}

#[test]
fn a_second_compile_of_the_same_program_loads_the_cached_executable() {
    let dir = temp_dir("compile-cache-hit");
    let mlir = affine(4);
    let fresh = compile_and_run(&client_with(1), &mlir);

    let first = client_with(1);
    first.set_compile_cache(Some(CompileCache::new(&dir)));
    assert_eq!(compile_and_run(&first, &mlir), fresh);
    let s = stats(&first);
    assert_eq!((s.hits, s.misses, s.stored, s.rejected), (0, 1, 1, 0));
    let entries: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(entries.len(), 1, "one entry file");

    // A new client (as a new run would have) finds it.
    let second = client_with(1);
    second.set_compile_cache(Some(CompileCache::new(&dir)));
    assert_eq!(compile_and_run(&second, &mlir), fresh);
    assert_eq!(stats(&second).hits, 1);
    assert_eq!(stats(&second).misses, 0);

    // Other options are another entry.
    let opts = CompileOptions::default().flag("xla_backend_optimization_level", XlaFlag::Int(0));
    second.compile(&mlir, &opts).unwrap();
    assert_eq!(stats(&second).misses, 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_damaged_or_mismatched_entry_is_ignored_and_recompiled() {
    let dir = temp_dir("compile-cache-bad");
    let mlir = affine(4);
    let client = client_with(1);
    client.set_compile_cache(Some(CompileCache::new(&dir)));
    let want = compile_and_run(&client, &mlir);
    let entry = std::fs::read_dir(&dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();

    // One flipped payload byte: the checksum catches it.
    let mut bytes = std::fs::read(&entry).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x40;
    std::fs::write(&entry, &bytes).unwrap();
    assert_eq!(compile_and_run(&client, &mlir), want);
    assert_eq!(stats(&client).rejected, 1);
    assert_eq!(stats(&client).stored, 2, "the entry is rewritten");
    assert_eq!(compile_and_run(&client, &mlir), want);
    assert_eq!(stats(&client).hits, 1, "the rewritten entry is intact");

    // Another program's entry under this program's name: the stored key
    // differs, so it is not loaded.
    let other = affine(8);
    compile_and_run_other(&client, &other);
    let other_entry = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p != &entry)
        .unwrap();
    std::fs::copy(&other_entry, &entry).unwrap();
    assert_eq!(compile_and_run(&client, &mlir), want);
    assert_eq!(stats(&client).rejected, 2);

    // A payload the plugin cannot load, with a valid header and checksum.
    let _ = std::fs::remove_dir_all(&dir);
    let cache = CompileCache::new(&dir);
    let fresh = client_with(1);
    fresh.set_compile_cache(Some(cache));
    compile_and_run(&fresh, &mlir);
    let entry = std::fs::read_dir(&dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let bytes = std::fs::read(&entry).unwrap();
    let header = 12 + 32 + 32 + 8;
    let garbage = vec![7u8; 64];
    let mut forged = bytes[..12 + 32].to_vec();
    forged.extend_from_slice(&sha256_framed(&garbage));
    forged.extend_from_slice(&(garbage.len() as u64).to_le_bytes());
    forged.extend_from_slice(&garbage);
    assert!(bytes.len() > header);
    std::fs::write(&entry, &forged).unwrap();
    assert_eq!(compile_and_run(&fresh, &mlir), want);
    assert_eq!(stats(&fresh).rejected, 1);
    let _ = std::fs::remove_dir_all(&dir);
}

fn compile_and_run_other(client: &Client, mlir: &str) {
    let exe = client.compile(mlir, &CompileOptions::default()).unwrap();
    let x = client.buffer_from_host(&[0.0f32; 8], &[8], 0).unwrap();
    exe.execute(&[&x]).unwrap();
}

/// The entry's payload checksum: SHA-256 of the length (u64 LE) then the bytes.
fn sha256_framed(payload: &[u8]) -> [u8; 32] {
    let mut h = dpxla_pjrt::runtime::sha256::Sha256::default();
    h.update(&(payload.len() as u64).to_le_bytes());
    h.update(payload);
    h.finish()
}
