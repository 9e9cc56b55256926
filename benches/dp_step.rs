//! DP-SGD step time against the non-private step on the same engine, side by
//! side in one run: a logical batch of L examples in physical batches of P
//! (accumulate calls), then one update (apply). Host data is prepared once;
//! the timed loop includes the host-to-device copies a training step does.
//!
//! `cargo bench --bench dp_step -- [MODEL] [LOGICAL] [PHYSICAL] [STEPS]`
//! (defaults: cnn_tanh 2048 256 5).

use dpxla::array::HostArray;
use dpxla::dp::clip::{ClipMethod, ClipMode, Clipping};
use dpxla::dp::mechanism::DpMechanism;
use dpxla::nn::by_name;
use dpxla::optim::{Averaging, Optimizer};
use dpxla::runtime::PluginQuery;
use dpxla::train::engine::{Engine, EngineSpec};
use rand::{Rng, SeedableRng};
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let name = args.first().map(String::as_str).unwrap_or("cnn_tanh");
    let logical: usize = args.get(1).map(|s| s.parse()).transpose()?.unwrap_or(2048);
    let physical: usize = args.get(2).map(|s| s.parse()).transpose()?.unwrap_or(256);
    let steps: usize = args.get(3).map(|s| s.parse()).transpose()?.unwrap_or(5);
    let client = PluginQuery::cpu().client(&[])?;
    let model = by_name(name)?;
    let micro = logical.div_ceil(physical);
    let mut rng = rand::rngs::StdRng::seed_from_u64(0);
    println!("model {name}, logical batch {logical} = {micro} x {physical}, {steps} timed steps (median), CPU plugin");
    let mut medians = Vec::new();
    for private in [false, true] {
        let clipping = Clipping::new(1.0, ClipMode::Flat, ClipMethod::Auto).unwrap();
        let mechanism = private.then(|| DpMechanism::new(clipping, 1.0, logical as f64).unwrap());
        let optimizer = Optimizer::Sgd {
            momentum: 0.9,
            nesterov: false,
            weight_decay: 0.0,
        };
        let averaging = Averaging::Ema {
            decay: 0.999,
            warmup: true,
        };
        let spec = EngineSpec::new(model.as_ref(), mechanism, optimizer, averaging)?;
        let state = spec.initial_state(0);
        let per: usize = spec.loss.input_shape.iter().product();
        let mut shape = vec![physical];
        shape.extend(&spec.loss.input_shape);
        let classes = spec.loss.num_classes as i32;
        let t0 = Instant::now();
        let mut engine = Engine::new(&client, spec, &state)?;
        engine.prepare(physical)?;
        let compile = t0.elapsed().as_secs_f64();
        let images = HostArray::f32(shape, (0..physical * per).map(|_| rng.gen()).collect());
        let labels: Vec<i32> = (0..physical).map(|_| rng.gen_range(0..classes)).collect();
        let mask = vec![1.0f32; physical];
        let mut times = Vec::new();
        for step in 0..=steps {
            let t = Instant::now();
            for _ in 0..micro {
                engine.accumulate(&images, &labels, &mask)?;
            }
            engine.apply([step as u32, 1, 2, 3], 0.1, step as u64 + 1, logical)?;
            if step > 0 {
                times.push(t.elapsed().as_secs_f64());
            }
        }
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let med = times[times.len() / 2];
        let label = if private {
            "DP-SGD (per-example clip + noise)"
        } else {
            "non-private (same engine)"
        };
        println!(
            "{label:<36} compile {compile:>6.2} s   step {:>9.1} ms   {:>8.0} examples/s",
            med * 1e3,
            logical as f64 / med
        );
        medians.push(med);
    }
    println!(
        "DP / non-private step time: {:.2}x",
        medians[1] / medians[0]
    );
    Ok(())
}
