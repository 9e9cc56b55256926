//! Issue 23 item 3: the next step's Poisson sample is drawn, and its first
//! microbatches prepared, while this step's update runs (`run::step`,
//! `Lookahead`). The draw is made on a copy of the sampler, so what a run
//! computes and what a checkpoint records must not depend on it: a
//! `debug_seed` run with the look-ahead (the default, asynchronous client)
//! ends bit-identical to the same run on a synchronous client (no
//! look-ahead), and to the same run interrupted and resumed.

use dpxla_testkit::run::data_dir;
use dpxla_train::train::checkpoint;
use dpxla_train::train::config::Config;
use dpxla_train::train::reports::metrics::read_records;
use dpxla_train::train::{run::train, TrainOptions};
use std::path::Path;

/// Poisson sampling (q = 100/600), microbatches of 64, a mid-run evaluation
/// and checkpoint: the look-ahead crosses both.
fn config(out: &Path, extra: &[&str]) -> Config {
    let text = format!(
        r#"
[model]
name = "mlp"
[data]
train = "{data}/fashion-mnist"
train_limit = 600
test_limit = 100
[augment]
mean = [0.286]
std = [0.353]
[privacy]
clip_norm = 1.0
noise_multiplier = 1.0
delta = 1e-5
debug_seed = 9
[training]
batch_size = 100
steps = 6
physical_batch = 64
learning_rate = 0.2
checkpoint_every = 2
eval_every = 3
[output]
dir = "{out}"
nonprivate_metrics = true
[runtime]
fast_compile = true
"#,
        data = data_dir().display(),
        out = out.display()
    );
    let overrides: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    Config::parse(&text, &overrides, "test config").unwrap()
}

/// The final parameters and the per-step realised batch sizes (from the
/// non-private statistics file, asked for by the config).
fn outcome(out: &Path) -> (Vec<dpxla_core::array::HostArray>, Vec<usize>) {
    let (_, state) = checkpoint::load(&out.join("checkpoint.safetensors")).unwrap();
    let sizes = read_records(out.join("nonprivate_metrics.jsonl"))
        .unwrap()
        .iter()
        .map(|r| {
            r.batch_size
                .expect("batch_size in nonprivate_metrics.jsonl")
        })
        .collect();
    (state.params, sizes)
}

#[test]
fn the_look_ahead_changes_nothing_a_run_computes_or_records() {
    let quiet = TrainOptions {
        progress: false,
        ..TrainOptions::default()
    };
    let sync = dpxla_testkit::run::scratch("lookahead", "sync");
    let s = train(&config(&sync, &["runtime.synchronous=true"]), &quiet).unwrap();
    assert_eq!(s.steps_done, 6);
    let reference = outcome(&sync);
    assert_eq!(reference.1.len(), 6);
    assert!(
        reference.1.windows(2).any(|w| w[0] != w[1]),
        "Poisson batch sizes never varied: {:?}",
        reference.1
    );

    let ahead = dpxla_testkit::run::scratch("lookahead", "async");
    train(&config(&ahead, &[]), &quiet).unwrap();
    let got = outcome(&ahead);
    assert_eq!(got.1, reference.1, "the look-ahead changed the samples");
    assert!(
        got.0 == reference.0,
        "the look-ahead changed the parameters"
    );

    // Interrupted after 3 steps (a look-ahead for step 4 was not started:
    // the run knew it would stop) and after 4 (started on schedule), then
    // resumed: the same run.
    for stop in [3, 4] {
        let split = dpxla_testkit::run::scratch("lookahead", &format!("split{stop}"));
        let part = TrainOptions {
            max_steps_this_run: Some(stop),
            ..quiet.clone()
        };
        train(&config(&split, &[]), &part).unwrap();
        let rest = TrainOptions {
            resume: true,
            ..quiet.clone()
        };
        train(&config(&split, &[]), &rest).unwrap();
        let got = outcome(&split);
        assert_eq!(got.1, reference.1, "stop at {stop}: samples differ");
        assert!(got.0 == reference.0, "stop at {stop}: parameters differ");
        std::fs::remove_dir_all(&split).unwrap();
    }
    for d in [sync, ahead] {
        std::fs::remove_dir_all(d).unwrap();
    }
}
