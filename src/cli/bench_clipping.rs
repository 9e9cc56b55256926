//! `dpxla bench --compare-clipping`: the DP step under each clipping method
//! (auto, vmap, bookkeeping) alternated in one invocation, so that all three
//! see the same machine load as far as alternation allows (issue 24 item 3:
//! measuring the cost model's per-tensor choices).

use dpxla::bench::{self, BenchConfig};
use dpxla::dp::clip::ClipMethod;
use dpxla::nn::Model;
use dpxla::runtime::Client;

const METHODS: [(ClipMethod, &str); 3] = [
    (ClipMethod::Auto, "auto"),
    (ClipMethod::Vmap, "vmap"),
    (ClipMethod::Bookkeeping, "bookkeeping"),
];

/// "N method, M method" over the tensors' methods.
fn summary(methods: &[(String, String)]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (_, m) in methods {
        match counts.iter_mut().find(|(k, _)| *k == m.as_str()) {
            Some((_, n)) => *n += 1,
            None => counts.push((m, 1)),
        }
    }
    let parts: Vec<String> = counts.iter().map(|(m, n)| format!("{n} {m}")).collect();
    parts.join(", ")
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

pub fn compare_clipping(
    client: &Client,
    model: &dyn Model,
    cfg: &BenchConfig,
    rounds: usize,
    json: bool,
) -> anyhow::Result<()> {
    anyhow::ensure!(rounds >= 1, "--compare-clipping needs at least 1 round");
    anyhow::ensure!(cfg.private, "--compare-clipping times the DP step");
    let mut steps: Vec<Vec<f64>> = vec![Vec::new(); METHODS.len()];
    for round in 1..=rounds {
        for (k, (method, name)) in METHODS.iter().enumerate() {
            let mut c = cfg.clone();
            c.clipping_method = *method;
            let r = bench::run(client, model, &c)?;
            if json {
                println!(
                    "{{\"clipping\":\"{name}\",\"round\":{round},\"report\":{}}}",
                    r.to_json_line()
                );
            } else {
                println!(
                    "round {round} {name:>11}: step median {:.2} ms (min {:.2}, max {:.2}), \
                     apply {:.2} ms; {}",
                    r.step_ms_median,
                    r.step_ms_min,
                    r.step_ms_max,
                    r.apply_ms_median.unwrap_or(f64::NAN),
                    summary(&r.tensor_methods)
                );
            }
            steps[k].push(r.step_ms_median);
        }
    }
    let medians: Vec<f64> = steps.iter_mut().map(|v| median(v)).collect();
    for (k, (_, name)) in METHODS.iter().enumerate() {
        let (lo, hi) = steps[k]
            .iter()
            .fold((f64::INFINITY, 0.0f64), |(l, h), &x| (l.min(x), h.max(x)));
        println!(
            "{name:>11}: median {:.2} ms (range {lo:.2}-{hi:.2}) over {rounds} rounds; /vmap = {:.3}",
            medians[k],
            medians[k] / medians[1]
        );
    }
    Ok(())
}
