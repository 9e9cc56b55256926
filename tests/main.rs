//! The `dpxla` command line end to end: each module runs the built binary (or the repository's scripts and configs) as a user would. `cuda_plugin.rs` is its own binary: it loads the CUDA plugin into the process.

mod accountant_properties;
mod audit;
mod bench_cli;
mod cli_privacy;
mod data_formats;
mod distributed;
mod examples_run;
mod faults;
mod faults_common;
mod faults_state;
mod gpu_check_dry_run;
mod grads_cli;
mod hlo_fresh;
mod imagenet_configs;
mod release_integrity;
mod results_configs;
mod safe_outputs;
mod scatter_features_marker;
mod train_run;
mod weak_inputs;
