//! Device noise throughput: the compiled `rng_normal` program (f32 output, a
//! fresh key per call, as the apply step draws it) against the sampler it
//! replaced (issue 24 item 1: 53-bit uniforms from `ui64` THREE_FRY words,
//! Box–Muller in f64, one output per pair), interleaved in one run on the
//! same client.
//!
//! `cargo bench --bench noise_sampler -- [N] [REPEATS]` (defaults: 669706, the
//! MLP's parameter count, and 15). Prints median and range of samples/s.

use dpxla::array::{DType, HostArray};
use dpxla::program::{to_device, Program};
use dpxla::runtime::{CompileOptions, Executable, PluginQuery};
use dpxla::trace::{Aval, Builder, KEY_DTYPE, KEY_SHAPE};
use std::time::Instant;

/// The pre-issue-24 lowering of `rng_normal(key, [n], f32)`, verbatim in its
/// ops (two `ui64` words per output, f64 log, sqrt and cosine).
fn previous_sampler(n: usize) -> String {
    let d = |t: &str| format!("tensor<{n}x{t}>");
    let d2 = |t: &str| format!("tensor<2x{n}x{t}>");
    let d1 = format!("tensor<1x{n}xf64>");
    let (f, f2, u2) = (d("f64"), d2("f64"), d2("ui64"));
    let out = d("f32");
    format!(
        r#"module @dpxla {{
  func.func public @main(%key: tensor<4xui32>) -> ({out}) {{
    %1 = "stablehlo.reshape"(%key) : (tensor<4xui32>) -> tensor<2x2xui32>
    %2 = "stablehlo.bitcast_convert"(%1) : (tensor<2x2xui32>) -> tensor<2xui64>
    %3:2 = "stablehlo.rng_bit_generator"(%2) {{rng_algorithm = #stablehlo<rng_algorithm THREE_FRY>}} : (tensor<2xui64>) -> (tensor<2xui64>, {u2})
    %4 = "stablehlo.constant"() {{value = dense<11> : {u2}}} : () -> {u2}
    %5 = "stablehlo.shift_right_logical"(%3#1, %4) : ({u2}, {u2}) -> {u2}
    %6 = "stablehlo.convert"(%5) : ({u2}) -> {f2}
    %7 = "stablehlo.constant"() {{value = dense<0x3CA0000000000000> : {f2}}} : () -> {f2}
    %8 = "stablehlo.multiply"(%6, %7) : ({f2}, {f2}) -> {f2}
    %9 = "stablehlo.slice"(%8) {{start_indices = array<i64: 0, 0>, limit_indices = array<i64: 1, {n}>, strides = array<i64: 1, 1>}} : ({f2}) -> {d1}
    %10 = "stablehlo.reshape"(%9) : ({d1}) -> {f}
    %11 = "stablehlo.slice"(%8) {{start_indices = array<i64: 1, 0>, limit_indices = array<i64: 2, {n}>, strides = array<i64: 1, 1>}} : ({f2}) -> {d1}
    %12 = "stablehlo.reshape"(%11) : ({d1}) -> {f}
    %13 = "stablehlo.constant"() {{value = dense<0x3FF0000000000000> : {f}}} : () -> {f}
    %14 = "stablehlo.subtract"(%13, %10) : ({f}, {f}) -> {f}
    %15 = "stablehlo.log"(%14) : ({f}) -> {f}
    %16 = "stablehlo.constant"() {{value = dense<0xC000000000000000> : {f}}} : () -> {f}
    %17 = "stablehlo.multiply"(%16, %15) : ({f}, {f}) -> {f}
    %18 = "stablehlo.sqrt"(%17) : ({f}) -> {f}
    %19 = "stablehlo.constant"() {{value = dense<0x401921FB54442D18> : {f}}} : () -> {f}
    %20 = "stablehlo.multiply"(%19, %12) : ({f}, {f}) -> {f}
    %21 = "stablehlo.cosine"(%20) : ({f}) -> {f}
    %22 = "stablehlo.multiply"(%18, %21) : ({f}, {f}) -> {f}
    %23 = "stablehlo.convert"(%22) : ({f}) -> {out}
    "func.return"(%23) : ({out}) -> ()
  }}
}}
"#
    )
}

fn median_and_range(mut v: Vec<f64>) -> (f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    (v[v.len() / 2], v[0], v[v.len() - 1])
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let n: usize = args
        .first()
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(669_706);
    let repeats: usize = args.get(1).map(|s| s.parse()).transpose()?.unwrap_or(15);
    let client = PluginQuery::cpu().client(&[])?;
    let previous: Executable = client.compile(&previous_sampler(n), &CompileOptions::default())?;
    let b = Builder::new();
    let key = b.input(Aval::new(KEY_SHAPE, KEY_DTYPE));
    let z = b.rng_normal(key, &[n], DType::F32);
    let current = Program::compile(
        &client,
        &b.finish(&[z])?,
        &Default::default(),
        &CompileOptions::default(),
    )?;
    let (mut t_prev, mut t_cur) = (Vec::new(), Vec::new());
    for r in 0..repeats + 2 {
        let k = to_device(&client, &HostArray::u32([4], vec![r as u32, 1, 2, 3]), 0)?;
        let t = Instant::now();
        drop(previous.execute(&[&k])?);
        let a = t.elapsed().as_secs_f64();
        let t = Instant::now();
        drop(current.run(&[&k])?);
        let c = t.elapsed().as_secs_f64();
        if r >= 2 {
            t_prev.push(a);
            t_cur.push(c);
        }
    }
    let (pm, pl, ph) = median_and_range(t_prev);
    let (cm, cl, ch) = median_and_range(t_cur);
    let rate = |t: f64| n as f64 / t / 1e6;
    println!("noise sampler, n = {n}, {repeats} interleaved calls each (CPU plugin)");
    println!(
        "previous (f64 Box-Muller, ui64 words): {:.2} ms [{:.2}, {:.2}]  {:.1} M samples/s",
        pm * 1e3,
        pl * 1e3,
        ph * 1e3,
        rate(pm)
    );
    println!(
        "current  (rng_normal as lowered now):   {:.2} ms [{:.2}, {:.2}]  {:.1} M samples/s",
        cm * 1e3,
        cl * 1e3,
        ch * 1e3,
        rate(cm)
    );
    println!("speed-up (median): {:.2}x", pm / cm);
    Ok(())
}
