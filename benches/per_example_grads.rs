//! Compile and step time of the per-example-gradient program against the
//! non-private batch gradient on the same engine, side by side in one run.
//!
//! `cargo bench --bench per_example_grads -- [MODEL] [BATCH] [STEPS]`
//! (defaults: mlp 256 20). Prints one line per program and the ratio.

use dpxla::array::HostArray;
use dpxla::lower::LowerOptions;
use dpxla::nn::{batch_grads, by_name, init_params, per_example_grads, trace_example_loss};
use dpxla::program::{to_device, Program};
use dpxla::runtime::{CompileOptions, PluginQuery};
use dpxla::trace::Graph;
use rand::{Rng, SeedableRng};
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let model_name = args.first().map(String::as_str).unwrap_or("mlp");
    let batch: usize = args.get(1).map(|s| s.parse()).transpose()?.unwrap_or(256);
    let steps: usize = args.get(2).map(|s| s.parse()).transpose()?.unwrap_or(20);

    let client = PluginQuery::cpu().client(&[])?;
    let model = by_name(model_name)?;
    let loss = trace_example_loss(model.as_ref())?;
    let params = init_params(&loss.params, 0);
    let mut rng = rand::rngs::StdRng::seed_from_u64(0);
    let per_ex: usize = loss.input_shape.iter().product();
    let mut img_shape = vec![batch];
    img_shape.extend(&loss.input_shape);
    let images = HostArray::f32(img_shape, (0..batch * per_ex).map(|_| rng.gen()).collect());
    let labels = HostArray::i32(
        [batch],
        (0..batch)
            .map(|_| rng.gen_range(0..loss.num_classes as i32))
            .collect(),
    );
    let mut host_args: Vec<HostArray> = params.into_iter().map(|(_, a)| a).collect();
    host_args.push(images);
    host_args.push(labels);
    let bufs = host_args
        .iter()
        .map(|a| to_device(&client, a, 0))
        .collect::<Result<Vec<_>, _>>()?;
    let refs: Vec<_> = bufs.iter().collect();

    println!("model {model_name}, batch {batch}, {steps} timed steps (median), CPU plugin");
    let mut results = Vec::new();
    let programs: [(&str, Graph); 2] = [
        ("non-private batch gradient", batch_grads(&loss, batch)?),
        (
            "per-example gradients (vmap(grad))",
            per_example_grads(&loss, batch)?,
        ),
    ];
    for (label, graph) in programs {
        let t0 = Instant::now();
        let prog = Program::compile(
            &client,
            &graph,
            &LowerOptions::default(),
            &CompileOptions::default(),
        )?;
        let compile = t0.elapsed().as_secs_f64();
        prog.run(&refs)?; // warm-up
        let times: Vec<f64> = (0..steps)
            .map(|_| {
                let t = Instant::now();
                let out = prog.run(&refs).expect("step");
                drop(out);
                t.elapsed().as_secs_f64()
            })
            .collect();
        let step = median(times);
        println!(
            "{label:<40} compile {compile:>7.2} s   step {:>9.2} ms",
            step * 1e3
        );
        results.push(step);
    }
    println!(
        "per-example / non-private step time: {:.1}x",
        results[1] / results[0]
    );
    Ok(())
}
