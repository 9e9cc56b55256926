//! `training.physical_batch = "auto"` (issue 26, item 5) through the real CPU
//! plugin: the choice is the largest power of two whose compiled accumulate
//! program fits the budget by XLA's own memory analysis, a run with it trains,
//! and the keys are checked.

use dpxla_testkit::run::data_dir;
use dpxla_train::train::config::{ByteSize, Config, PhysicalBatch};
use dpxla_train::train::engine::physical_auto::{program_bytes, resolve};
use dpxla_train::train::engine::Engine;
use dpxla_train::train::run::setup::Setup;
use dpxla_train::train::{run::train, TrainOptions};
use std::path::Path;

fn config(out: &Path, extra: &[&str]) -> Config {
    let text = format!(
        r#"
[model]
name = "mlp"
[data]
train = "{data}/fashion-mnist"
train_limit = 1000
test_limit = 200
[augment]
mean = [0.286]
std = [0.353]
[privacy]
clip_norm = 1.0
noise_multiplier = 1.0
delta = 1e-5
[training]
batch_size = 200
steps = 3
physical_batch = "auto"
learning_rate = 0.5
[output]
dir = "{out}"
[runtime]
fast_compile = true
"#,
        data = data_dir().display(),
        out = out.display()
    );
    let overrides: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    Config::parse(&text, &overrides, "test config").unwrap()
}

fn engine_for(cfg: &Config) -> Engine {
    let setup = Setup::build(cfg).unwrap();
    let client = dpxla_testkit::pjrt::test_client();
    let state = setup.spec.initial_state(0);
    Engine::new(client, setup.spec.clone(), &state).unwrap()
}

fn bytes_at(engine: &mut Engine, rows: usize) -> u64 {
    let stats = engine
        .accumulate_program(rows)
        .unwrap()
        .program()
        .executable()
        .compiled_memory_stats()
        .unwrap();
    program_bytes(&stats)
}

#[test]
fn auto_picks_the_largest_power_of_two_that_fits_by_xla_memory_analysis() {
    let out = dpxla_testkit::run::scratch("physauto", "choice");
    let cfg = config(&out, &[]);
    let mut engine = engine_for(&cfg);
    let (b32, b64) = (bytes_at(&mut engine, 32), bytes_at(&mut engine, 64));
    assert!(
        b64 > b32,
        "a larger batch needs more memory: {b32} vs {b64}"
    );
    // Just enough for 32 rows, not for 64.
    for budget in [b32, (b32 + b64) / 2, b64 - 1] {
        let (rows, choice) = resolve(
            &mut engine,
            PhysicalBatch::Auto,
            Some(ByteSize(budget)),
            200.0,
        )
        .unwrap();
        let c = choice.unwrap();
        assert_eq!(rows, 32, "budget {budget}: {}", c.describe());
        assert_eq!(c.bytes, b32);
        assert_eq!(c.refused, Some((64, b64)));
    }
    // Unlimited: the expected batch (200) rounded up to a power of two.
    let (rows, c) = resolve(
        &mut engine,
        PhysicalBatch::Auto,
        Some(ByteSize(u64::MAX / 4)),
        200.0,
    )
    .unwrap();
    assert_eq!(rows, 256, "{}", c.unwrap().describe());
    // A number is kept; a budget below one row is an error naming the key.
    assert_eq!(
        resolve(&mut engine, PhysicalBatch::Rows(48), None, 200.0)
            .unwrap()
            .0,
        48
    );
    let err = resolve(
        &mut engine,
        PhysicalBatch::Auto,
        Some(ByteSize(1000)),
        200.0,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("runtime.memory_budget"), "{err}");
}

#[test]
fn a_run_with_auto_trains_and_a_budget_without_auto_is_refused() {
    let out = dpxla_testkit::run::scratch("physauto", "run");
    let quiet = TrainOptions {
        progress: false,
        ..TrainOptions::default()
    };
    let s = train(&config(&out, &["runtime.memory_budget=\"64 MiB\""]), &quiet).unwrap();
    assert_eq!(s.steps_done, 3);
    assert!(s.test.loss.is_finite());
    std::fs::remove_dir_all(&out).unwrap();
    let err = Config::parse(
        &std::fs::read_to_string(dpxla_testkit::repo_root().join("configs/audit_quick.toml"))
            .unwrap(),
        &["runtime.memory_budget=1000000".to_string()],
        "t",
    )
    .map(|_| ())
    .unwrap_err()
    .to_string();
    assert!(err.contains("runtime.memory_budget"), "{err}");
    let err = Config::parse(
        "[model]\nname = \"mlp\"\n[data]\ntrain = \"x\"\n[training]\nbatch_size = 1\nsteps = 1\nlearning_rate = 0.1\nphysical_batch = \"big\"\n",
        &[],
        "t",
    )
    .map(|_| ())
    .unwrap_err()
    .to_string();
    assert!(err.contains("auto"), "{err}");
}
