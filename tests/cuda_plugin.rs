//! The real CUDA plugin (PyPI `jax-cuda13-pjrt`, installed into `.venv` by
//! `scripts/setup.sh`), loaded on a machine without a GPU: dpxla must fail
//! cleanly ("No visible GPU devices", an error, not a panic), and the options it
//! builds for a CUDA client must be ones the plugin knows, with no CPU option.
//!
//! What this machine shows (no GPU, no CUDA libraries installed): the plugin's
//! `dlopen` succeeds (it loads the CUDA driver lazily), `PJRT_Client_Create`
//! validates the option names and types first and then fails in device
//! discovery (`cuInit`). On a machine with a GPU the same calls create a client
//! instead; the tests accept that outcome and check the client's platform.

use dpxla::runtime::client_options::{
    CPU_DEVICE_COUNT, GPU_ALLOCATOR, GPU_MEMORY_FRACTION, GPU_PREALLOCATE, GPU_VISIBLE_DEVICES,
};
use dpxla::runtime::{Client, OptionValue, Platform, PluginQuery};
use dpxla::train::config::runtime_options::client_request;
use dpxla::train::config::RuntimeConfig;
use dpxla::train::run::setup::client_for;
use std::path::{Path, PathBuf};

/// The CUDA plugin in the project's `.venv` (any Python 3 minor version).
fn cuda_plugin() -> PathBuf {
    let lib = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/lib");
    let found = std::fs::read_dir(&lib).ok().and_then(|dirs| {
        dirs.filter_map(|d| d.ok())
            .map(|d| {
                d.path()
                    .join("site-packages/jax_plugins/xla_cuda13/xla_cuda_plugin.so")
            })
            .find(|p| p.is_file())
    });
    found.unwrap_or_else(|| {
        panic!(
            "no jax-cuda13-pjrt plugin under {}: run scripts/setup.sh",
            lib.display()
        )
    })
}

/// The outcome of creating a CUDA client: on this machine the plugin's "no
/// GPU" error; where a GPU is visible, a CUDA client.
fn assert_no_gpu_or_a_cuda_client<E: std::fmt::Display>(result: Result<Client, E>, what: &str) {
    match result {
        Err(e) => {
            let msg = e.to_string();
            assert!(
                msg.contains("No visible GPU devices"),
                "{what}: expected the plugin's clean no-GPU error, got: {msg}"
            );
            assert!(
                !msg.contains("Unexpected option") && !msg.contains("expected type"),
                "{what}: an option was rejected: {msg}"
            );
        }
        Ok(client) => {
            assert_eq!(client.platform_name().unwrap().to_lowercase(), "cuda");
            assert!(!client.devices().is_empty(), "{what}");
        }
    }
}

#[test]
fn the_cuda_plugin_loads_and_fails_cleanly_without_a_gpu() {
    let plugin = cuda_plugin();
    assert_eq!(Platform::of_plugin_file(&plugin), Some(Platform::Cuda));
    let api = PluginQuery {
        path: Some(plugin.clone()),
        platform: Platform::Cuda,
        allow_fetch: false,
    }
    .load()
    .unwrap();
    let (major, minor) = api.version();
    assert!(major == 0 && minor >= 81, "PJRT API {major}.{minor}");
    assert_no_gpu_or_a_cuda_client(Client::new(api, &[]), "no options");
}

#[test]
fn a_cuda_client_for_two_devices_gets_no_cpu_option() {
    let plugin = cuda_plugin();
    // `runtime.platform` left at its default: the plugin file says CUDA.
    let runtime = RuntimeConfig {
        plugin: Some(plugin.clone()),
        devices: 2,
        ..RuntimeConfig::default()
    };
    let (platform, options) = client_request(&runtime).unwrap();
    assert_eq!(platform, Platform::Cuda);
    assert!(
        options.iter().all(|(name, _)| *name != CPU_DEVICE_COUNT),
        "{options:?}"
    );
    assert_no_gpu_or_a_cuda_client(client_for(&runtime), "runtime.devices = 2");

    // Why it matters: the plugin itself rejects the CPU option by name (raw
    // binding, unchecked), before it looks for a GPU ...
    let api = PluginQuery {
        path: Some(plugin.clone()),
        platform: Platform::Cuda,
        allow_fetch: false,
    }
    .load()
    .unwrap();
    let raw = Client::new(api, &[(CPU_DEVICE_COUNT, OptionValue::Int(2))]);
    let msg = raw
        .err()
        .expect("the GPU plugin accepted cpu_device_count")
        .to_string();
    assert!(msg.contains("cpu_device_count"), "{msg}");
    // ... and dpxla's checked path never sends it, even when the query says
    // `cpu` (the default) for a CUDA plugin file.
    let checked = PluginQuery {
        path: Some(plugin),
        platform: Platform::Cpu,
        allow_fetch: false,
    }
    .client(&[(CPU_DEVICE_COUNT, OptionValue::Int(2))]);
    let err = checked.err().expect("refused by dpxla").to_string();
    assert!(
        err.contains("not an option of the cuda plugin"),
        "dpxla must refuse it itself: {err}"
    );
}

#[test]
fn every_gpu_runtime_key_reaches_the_real_plugin_with_a_name_and_type_it_knows() {
    let runtime = RuntimeConfig {
        plugin: Some(cuda_plugin()),
        platform: Some("cuda".into()),
        visible_devices: Some(vec![0]),
        gpu_memory_fraction: Some(0.5),
        gpu_preallocate: Some(false),
        gpu_allocator: Some("platform".into()),
        ..RuntimeConfig::default()
    };
    let (_, options) = client_request(&runtime).unwrap();
    let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names,
        [
            GPU_VISIBLE_DEVICES,
            GPU_MEMORY_FRACTION,
            GPU_PREALLOCATE,
            GPU_ALLOCATOR
        ]
    );
    // The plugin validates names and types before device discovery: reaching
    // "No visible GPU devices" means it accepted all four.
    assert_no_gpu_or_a_cuda_client(client_for(&runtime), "all GPU keys");
    // A wrong type for a known name is the plugin's error too (the check is
    // real): `preallocate` as a string.
    let api = PluginQuery {
        path: runtime.plugin.clone(),
        platform: Platform::Cuda,
        allow_fetch: false,
    }
    .load()
    .unwrap();
    let wrong = Client::new(api, &[(GPU_PREALLOCATE, OptionValue::Str("no".into()))]);
    let msg = wrong
        .err()
        .expect("a string preallocate was accepted")
        .to_string();
    assert!(msg.contains("preallocate"), "{msg}");
}

#[test]
fn plugin_info_on_the_cuda_plugin_exits_with_an_error_not_a_panic() {
    let plugin = cuda_plugin();
    let run = |extra: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_dpxla"))
            .args(["plugin", "info", "--plugin"])
            .arg(&plugin)
            .args(extra)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, err) = run(&[]);
    if code != Some(0) {
        assert_eq!(code, Some(1), "{err}");
        assert!(err.contains("No visible GPU devices"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    // A CPU option for the CUDA plugin is refused by dpxla as invalid input.
    let (code, err) = run(&["--cpu-devices", "2"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("cpu_device_count") && err.contains("cuda"),
        "{err}"
    );
}
