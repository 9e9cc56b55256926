//! Multi-process coordination (pure logic) and what the XLA CPU plugin does
//! with distributed client options (the real plugin).

use dpxla::runtime::{Client, OptionValue, PluginQuery};
use dpxla::train::sampling::distributed::{
    global_physical_sizes, parse_host_port, plan_logical_batch, process_share, ProcessArgs,
    ProcessConfig,
};
use dpxla::train::sampling::sampler::{physical_split, poisson_batch, StreamRng};
use std::collections::HashMap;

fn env_of(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let map: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    move |k| map.get(k).cloned()
}

fn cfg(p: usize, i: usize) -> ProcessConfig {
    ProcessConfig {
        num_processes: p,
        process_id: i,
        coordinator: Some("127.0.0.1:7777".into()),
    }
}

#[test]
fn command_line_overrides_dpxla_variables_which_override_slurm() {
    let none = ProcessArgs::default();
    assert_eq!(
        ProcessConfig::resolve(&none, &env_of(&[])).unwrap(),
        ProcessConfig::single()
    );
    let slurm = env_of(&[
        ("SLURM_NTASKS", "4"),
        ("SLURM_PROCID", "2"),
        ("DPXLA_COORDINATOR", "node0:1234"),
    ]);
    let c = ProcessConfig::resolve(&none, &slurm).unwrap();
    assert_eq!((c.num_processes, c.process_id), (4, 2));
    assert!(!c.is_writer());
    let both = env_of(&[
        ("SLURM_NTASKS", "4"),
        ("SLURM_PROCID", "2"),
        ("DPXLA_NUM_PROCESSES", "2"),
        ("DPXLA_PROCESS_ID", "0"),
        ("DPXLA_COORDINATOR", "node0:1234"),
    ]);
    let c = ProcessConfig::resolve(&none, &both).unwrap();
    assert_eq!((c.num_processes, c.process_id), (2, 0));
    assert!(c.is_writer());
    let cli = ProcessArgs {
        num_processes: Some(3),
        process_id: Some(1),
        coordinator: Some("[::1]:99".into()),
    };
    let c = ProcessConfig::resolve(&cli, &both).unwrap();
    assert_eq!((c.num_processes, c.process_id), (3, 1));
    assert_eq!(c.coordinator.as_deref(), Some("[::1]:99"));
}

#[test]
fn config_keys_sit_between_the_dpxla_variables_and_slurm() {
    let config = ProcessArgs {
        num_processes: Some(2),
        process_id: Some(1),
        coordinator: Some("cfg:1".into()),
    };
    let slurm = env_of(&[("SLURM_NTASKS", "4"), ("SLURM_PROCID", "3")]);
    let c = ProcessConfig::resolve_with_config(&ProcessArgs::default(), &config, &slurm).unwrap();
    assert_eq!((c.num_processes, c.process_id), (2, 1));
    assert_eq!(c.coordinator.as_deref(), Some("cfg:1"));
    let dpxla = env_of(&[
        ("SLURM_NTASKS", "4"),
        ("DPXLA_NUM_PROCESSES", "3"),
        ("DPXLA_COORDINATOR", "env:2"),
    ]);
    let c = ProcessConfig::resolve_with_config(&ProcessArgs::default(), &config, &dpxla).unwrap();
    assert_eq!((c.num_processes, c.process_id), (3, 1));
    assert_eq!(c.coordinator.as_deref(), Some("env:2"));
}

#[test]
fn inconsistent_process_settings_are_refused() {
    let e = |args: ProcessArgs, vars: &[(&str, &str)]| {
        ProcessConfig::resolve(&args, &env_of(vars))
            .unwrap_err()
            .to_string()
    };
    let two = ProcessArgs {
        num_processes: Some(2),
        process_id: Some(2),
        coordinator: Some("h:1".into()),
    };
    assert!(e(two, &[]).contains("out of range"));
    let no_coord = ProcessArgs {
        num_processes: Some(2),
        process_id: Some(1),
        coordinator: None,
    };
    assert!(e(no_coord, &[]).contains("need a coordinator"));
    assert!(e(ProcessArgs::default(), &[("DPXLA_NUM_PROCESSES", "two")]).contains("integer"));
    assert!(e(
        ProcessArgs {
            num_processes: Some(0),
            ..ProcessArgs::default()
        },
        &[]
    )
    .contains("at least 1"));
    for bad in ["host", "host:", ":80", "host:0", "host:99999", "::1:80"] {
        assert!(parse_host_port(bad).is_err(), "{bad}");
    }
    assert_eq!(
        parse_host_port("10.0.0.1:1234").unwrap(),
        ("10.0.0.1".into(), 1234)
    );
    assert_eq!(parse_host_port("[::1]:80").unwrap(), ("::1".into(), 80));
}

#[test]
fn every_example_of_a_poisson_batch_is_read_by_exactly_one_process() {
    // Identically seeded samplers give every process the same index list.
    let (n, q) = (5000, 0.05);
    for processes in [1usize, 2, 3, 4] {
        for step in 0..5u64 {
            let local_devices = 2;
            let sizes = global_physical_sizes(64, processes * local_devices);
            for s in &sizes {
                assert_eq!(s % (processes * local_devices), 0);
            }
            let mut seen: Vec<usize> = Vec::new();
            let mut plans = Vec::new();
            for i in 0..processes {
                let mut rng = StreamRng::from_fixed_seed(11, step);
                let batch = poisson_batch(&mut rng, n, q);
                let plan = plan_logical_batch(&batch, &sizes, &cfg(processes, i)).unwrap();
                for pb in &plan {
                    assert!(pb.indices.len() <= pb.rows);
                    assert_eq!(pb.rows % local_devices, 0);
                    seen.extend(&pb.indices);
                }
                plans.push(plan);
            }
            // Same number of physical steps (collectives) in every process.
            assert!(plans.iter().all(|p| p.len() == plans[0].len()));
            let mut rng = StreamRng::from_fixed_seed(11, step);
            let batch = poisson_batch(&mut rng, n, q);
            assert_eq!(plans[0].len(), physical_split(batch.len(), &sizes).len());
            // Concatenated in process order, the shares are the batch.
            let mut in_order: Vec<usize> = Vec::new();
            for k in 0..plans[0].len() {
                for p in &plans {
                    in_order.extend(&p[k].indices);
                }
            }
            assert_eq!(in_order, batch, "{processes} processes, step {step}");
            seen.sort();
            let mut sorted = batch.clone();
            sorted.sort();
            assert_eq!(seen, sorted);
        }
    }
}

#[test]
fn a_process_past_the_real_examples_gets_only_padding() {
    let share = process_share(&[10, 11, 12], 8, &cfg(2, 1)).unwrap();
    assert_eq!((share.indices, share.rows), (vec![], 4));
    let share = process_share(&[10, 11, 12, 13, 14], 8, &cfg(2, 1)).unwrap();
    assert_eq!(share.indices, vec![14]);
    assert!(process_share(&[1, 2, 3], 3, &cfg(2, 0)).is_err());
}

#[test]
fn the_cpu_plugin_ignores_distributed_client_options() {
    // Finding pinned by a test (docs/scale.md): the XLA CPU plugin reads only
    // `cpu_device_count` and silently ignores every other option, including
    // the ones a distributed client needs. With process_id 1, PJRT's CPU
    // topology would number this process's devices from 2048 (process_index
    // * 2048 + local id); they stay 0.. here, so the plugin has no notion of
    // other processes and no cross-process collectives. If a newer plugin
    // honours these options this test fails, and multi-process CPU runs
    // become possible.
    let opts = [
        ("cpu_device_count", OptionValue::Int(2)),
        ("process_id", OptionValue::Int(1)),
        ("node_id", OptionValue::Int(1)),
        ("num_nodes", OptionValue::Int(2)),
        ("collectives", OptionValue::Str("gloo".into())),
    ];
    // Through the raw binding: `PluginQuery::client` refuses options outside
    // the platform's table (`runtime::client_options`) before the plugin sees them.
    assert!(PluginQuery::cpu().client(&opts).is_err());
    let api = PluginQuery::cpu().load().unwrap();
    let client = Client::new(api, &opts).unwrap();
    let ids: Vec<i32> = client.devices().iter().map(|d| d.id).collect();
    assert_eq!(ids, vec![0, 1]);
    // An unknown option is not an error either.
    let client = Client::new(api, &[("no_such_option", OptionValue::Bool(true))]).unwrap();
    assert_eq!(
        client.devices().len(),
        4,
        "the plugin's default is 4 devices"
    );
}

#[test]
fn train_refuses_several_processes_with_a_reason_before_reading_anything() {
    // Exit code and stderr of `dpxla train` on a real config (its dataset is
    // never read: the refusal comes first).
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_dpxla"));
        cmd.args(["train", "--config", "configs/fashion_mnist_dp.toml"])
            .args(["--set", "output.dir=target/never-written"])
            .args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let cli = [
        "--num-processes",
        "2",
        "--process-id",
        "1",
        "--coordinator",
        "h:1",
    ];
    let (code, e) = run(&cli, &[]);
    assert_eq!(code, Some(2), "{e}");
    assert!(
        e.contains("CPU plugin has no cross-process collectives") && !e.contains("panicked"),
        "{e}"
    );
    // The same from the config keys under [runtime].
    let (code, e) = run(
        &[
            "--set",
            "runtime.num_processes=2",
            "--set",
            "runtime.coordinator=\"h:1\"",
        ],
        &[],
    );
    assert_eq!(code, Some(2), "{e}");
    assert!(e.contains("no cross-process collectives"), "{e}");
    // On a GPU plugin the reason is the engine, not the plugin.
    let (_, e) = run(&cli, &[]);
    let (code, e2) = run(
        &[&cli[..], &["--set", "runtime.platform=cuda"]].concat(),
        &[],
    );
    assert_eq!(code, Some(2), "{e2}");
    assert!(e2.contains("cannot yet run one program") && e != e2, "{e2}");
    let (code, e) = run(
        &[],
        &[("DPXLA_NUM_PROCESSES", "2"), ("DPXLA_PROCESS_ID", "0")],
    );
    assert_eq!(code, Some(2), "{e}");
    assert!(e.contains("need a coordinator"), "{e}");
}
