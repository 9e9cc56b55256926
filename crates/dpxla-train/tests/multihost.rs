//! Several processes of one run meeting through process 0's key-value store
//! (issue 23, item 6), over real TCP: each "process" is a thread with its own
//! coordinator, client and connections. What the CPU machine cannot test (a
//! distributed GPU client, NCCL) is in docs/scale.md.

use dpxla_pjrt::runtime::Platform;
use dpxla_testkit::pjrt::client_with;
use dpxla_train::train::multihost::check_supported;
use dpxla_train::train::multihost::coordinator::Coordinator;
use dpxla_train::train::multihost::streams::share_streams;
use dpxla_train::train::multihost::topology::{agree_topology, global_topology, LocalDevice};
use dpxla_train::train::sampling::distributed::{
    global_physical_sizes, plan_logical_batch, ProcessConfig,
};
use dpxla_train::train::sampling::sampler::{poisson_batch, StreamRng};
use std::time::Duration;

fn process(p: usize, i: usize, addr: &str) -> ProcessConfig {
    ProcessConfig {
        num_processes: p,
        process_id: i,
        coordinator: Some(addr.to_string()),
    }
}

/// A free local port, released for the store to take.
fn free_addr() -> String {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().to_string()
}

/// Runs `body(coordinator)` in `p` threads, process 0's store started first on
/// a free port; returns each process's result in process order.
fn run_processes<T: Send + 'static>(
    p: usize,
    timeout: Duration,
    body: impl Fn(&Coordinator) -> T + Send + Sync + Clone + 'static,
) -> Vec<T> {
    let zero = Coordinator::start(&process(p, 0, &free_addr()), timeout).unwrap();
    let addr = zero.served_addr().unwrap().to_string();
    let others: Vec<_> = (1..p)
        .map(|i| {
            let (addr, body) = (addr.clone(), body.clone());
            std::thread::spawn(move || {
                let c = Coordinator::start(&process(p, i, &addr), timeout).unwrap();
                body(&c)
            })
        })
        .collect();
    let mut out = vec![body(&zero)];
    out.extend(others.into_iter().map(|h| h.join().unwrap()));
    out
}

fn gpu_like(process: usize, l: usize) -> Vec<LocalDevice> {
    // A distributed GPU client numbers devices across nodes: node p has
    // global ids p·L.. (docs/scale.md).
    (0..l)
        .map(|k| LocalDevice {
            id: (process * l + k) as i32,
            kind: "NVIDIA H100 80GB HBM3".into(),
        })
        .collect()
}

#[test]
fn two_processes_agree_on_the_global_topology_through_the_store() {
    let got = run_processes(2, Duration::from_secs(10), |c| {
        let me = c.processes().process_id;
        agree_topology(c, &gpu_like(me, 2)).unwrap()
    });
    assert_eq!(got[0], got[1]);
    let t = &got[0];
    assert_eq!((t.num_processes, t.local_devices), (2, 2));
    assert_eq!(t.device_assignment(), vec![0, 1, 2, 3]);
    assert_eq!(t.replicas_of(1), 2..4);
    for d in &t.devices {
        assert_eq!(d.replica, d.process * 2 + d.local_index);
    }
}

#[test]
fn two_processes_split_one_poisson_sample_and_share_the_noise_key() {
    let (n, q, steps, local) = (3000usize, 0.04, 6u64, 2usize);
    // Each process: the shared streams, then its share of every logical
    // batch, the noise keys it would upload, and process 0's published state.
    let got = run_processes(2, Duration::from_secs(10), move |c| {
        let (mut sampler, mut noise) =
            share_streams(c, || (StreamRng::from_entropy(), StreamRng::from_entropy())).unwrap();
        let start = sampler.state();
        let sizes = global_physical_sizes(40, c.processes().num_processes * local);
        let mut shares = Vec::new();
        let mut keys = Vec::new();
        for _ in 0..steps {
            let batch = poisson_batch(&mut sampler, n, q);
            shares.push(plan_logical_batch(&batch, &sizes, c.processes()).unwrap());
            keys.push(noise.key());
        }
        (start, shares, keys)
    });
    let (start0, shares0, keys0) = &got[0];
    let (start1, shares1, keys1) = &got[1];
    assert_eq!(start0, start1, "process 1 restored process 0's sampler");
    assert_eq!(keys0, keys1, "the noise key is the same everywhere");
    // The single-process sample: the same stream, drawn once.
    let mut single = StreamRng::restore(start0).unwrap();
    for step in 0..steps as usize {
        let batch = poisson_batch(&mut single, n, q);
        let (a, b) = (&shares0[step], &shares1[step]);
        assert_eq!(a.len(), b.len(), "same number of physical batches");
        let mut in_order: Vec<usize> = Vec::new();
        for (pa, pb) in a.iter().zip(b) {
            assert_eq!(pa.rows, pb.rows);
            in_order.extend(&pa.indices);
            in_order.extend(&pb.indices);
        }
        // Union in process order = the sample, so disjoint and complete.
        assert_eq!(in_order, batch, "step {step}");
        let mut sorted = in_order.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), batch.len(), "an example read twice");
    }
    // Two fresh runs draw different streams (entropy, not a fixed seed).
    let again = run_processes(2, Duration::from_secs(10), |c| {
        share_streams(c, || (StreamRng::from_entropy(), StreamRng::from_entropy()))
            .unwrap()
            .0
            .state()
    });
    assert_ne!(&again[0], start0);
}

#[test]
fn a_missing_process_or_a_mismatched_topology_is_a_clear_error() {
    // Process 1 never comes: process 0 gives up after the timeout.
    let zero =
        Coordinator::start(&process(2, 0, &free_addr()), Duration::from_millis(300)).unwrap();
    let t = std::time::Instant::now();
    let e = agree_topology(&zero, &gpu_like(0, 1))
        .unwrap_err()
        .to_string();
    assert!(t.elapsed() < Duration::from_secs(10));
    assert!(
        e.contains("dpxla/topology/devices/1") && e.contains("did every process start"),
        "{e}"
    );
    let e = global_topology(&[gpu_like(0, 2), gpu_like(1, 1)])
        .unwrap_err()
        .to_string();
    assert!(e.contains("same number"), "{e}");
    let mut other_kind = gpu_like(1, 2);
    other_kind[1].kind = "NVIDIA A100".into();
    let e = global_topology(&[gpu_like(0, 2), other_kind])
        .unwrap_err()
        .to_string();
    assert!(e.contains("one kind of device"), "{e}");
}

#[test]
fn real_cpu_clients_do_not_form_a_global_topology() {
    // Two real CPU-plugin clients, one per "process": the plugin numbers each
    // one's devices from 0 (it has no notion of other processes), so the
    // agreement refuses them.
    let got = run_processes(2, Duration::from_secs(10), |c| {
        let client = client_with(2);
        agree_topology(c, &LocalDevice::from_client(client.devices(), 2))
            .unwrap_err()
            .to_string()
    });
    for e in got {
        assert!(
            e.contains("device id 0") && e.contains("no cross-process"),
            "{e}"
        );
    }
}

#[test]
fn several_processes_are_refused_on_cpu_with_the_reason() {
    let two = process(2, 1, "127.0.0.1:1234");
    assert!(check_supported(Platform::Cpu, &ProcessConfig::single()).is_ok());
    let e = check_supported(Platform::Cpu, &two).unwrap_err();
    assert!(e.is_invalid_input());
    let e = e.to_string();
    assert!(
        e.contains("CPU plugin has no cross-process collectives"),
        "{e}"
    );
    let e = check_supported(Platform::Cuda, &two)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("cannot yet run one program whose replicas span"),
        "{e}"
    );
}
