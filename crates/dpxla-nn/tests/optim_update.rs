//! Optimiser and averaging updates, traced and run by the interpreter, against
//! hand-derived values.

use dpxla_core::array::{DType, HostArray};
use dpxla_core::trace::*;
use dpxla_nn::optim::{Averaging, Optimizer};

/// Runs `steps` updates of a scalar parameter with constant gradient `g` and
/// learning rate `lr`; returns the parameter after each step.
fn run(opt: &Optimizer, p0: f64, g: f64, lr: f64, steps: usize) -> Vec<f64> {
    let nslots = opt.slots().len();
    let b = Builder::new();
    let p = b.input(Aval::scalar(DType::F64));
    let gr = b.input(Aval::scalar(DType::F64));
    let slots: Vec<Tensor> = (0..nslots)
        .map(|_| b.input(Aval::scalar(DType::F64)))
        .collect();
    let lr_t = b.input(Aval::scalar(DType::F64));
    let t = b.input(Aval::scalar(DType::F64));
    let (np, ns) = opt.update(p, gr, &slots, lr_t, t);
    let mut outs = vec![np];
    outs.extend(ns);
    let graph = b.finish(&outs).unwrap();
    let mut state = vec![0.0; nslots];
    let mut pv = p0;
    let mut out = Vec::new();
    for step in 1..=steps {
        let mut args = vec![
            HostArray::scalar(pv, DType::F64),
            HostArray::scalar(g, DType::F64),
        ];
        args.extend(state.iter().map(|&s| HostArray::scalar(s, DType::F64)));
        args.push(HostArray::scalar(lr, DType::F64));
        args.push(HostArray::scalar(step as f64, DType::F64));
        let res = eval(&graph, &args).unwrap();
        pv = res[0].to_f64()[0];
        state = res[1..].iter().map(|r| r.to_f64()[0]).collect();
        out.push(pv);
    }
    out
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12 * (1.0 + b.abs())
}

#[test]
fn sgd_plain_momentum_and_nesterov() {
    // Plain: p ← p − lr·g: 1 − 0.1·2 = 0.8, then 0.6.
    let plain = Optimizer::default();
    let r = run(&plain, 1.0, 2.0, 0.1, 2);
    assert!(close(r[0], 0.8) && close(r[1], 0.6), "{r:?}");
    // Heavy ball, μ = 0.5: m1 = 2, p1 = 1 − 0.2 = 0.8; m2 = 0.5·2 + 2 = 3,
    // p2 = 0.8 − 0.3 = 0.5.
    let hb = Optimizer::Sgd {
        momentum: 0.5,
        nesterov: false,
        weight_decay: 0.0,
    };
    let r = run(&hb, 1.0, 2.0, 0.1, 2);
    assert!(close(r[0], 0.8) && close(r[1], 0.5), "{r:?}");
    // Nesterov: d = g + μ·m: step 1 m = 2, d = 3, p = 0.7; step 2 m = 3,
    // d = 2 + 1.5 = 3.5, p = 0.35.
    let nag = Optimizer::Sgd {
        momentum: 0.5,
        nesterov: true,
        weight_decay: 0.0,
    };
    let r = run(&nag, 1.0, 2.0, 0.1, 2);
    assert!(close(r[0], 0.7) && close(r[1], 0.35), "{r:?}");
    // L2 weight decay 0.5 adds 0.5·p to g: g' = 2 + 0.5 = 2.5, p = 1 − 0.25.
    let wd = Optimizer::Sgd {
        momentum: 0.0,
        nesterov: false,
        weight_decay: 0.5,
    };
    assert!(close(run(&wd, 1.0, 2.0, 0.1, 1)[0], 0.75));
}

#[test]
fn adamw_first_step_is_lr_times_sign() {
    // With bias correction, step 1 has m̂ = g and v̂ = g², so the update is
    // lr·g/(|g| + eps) ≈ lr·sign(g), plus decoupled decay lr·wd·p.
    let opt = Optimizer::Adamw {
        b1: 0.9,
        b2: 0.999,
        eps: 1e-8,
        weight_decay: 0.0,
    };
    let r = run(&opt, 1.0, 3.0, 0.01, 1);
    assert!(
        (r[0] - (1.0 - 0.01 * 3.0 / (3.0 + 1e-8))).abs() < 1e-12,
        "{r:?}"
    );
    let wd = Optimizer::Adamw {
        b1: 0.9,
        b2: 0.999,
        eps: 1e-8,
        weight_decay: 0.1,
    };
    let r = run(&wd, 1.0, 3.0, 0.01, 1);
    assert!(
        (r[0] - (1.0 - 0.01 * (3.0 / (3.0 + 1e-8) + 0.1))).abs() < 1e-12,
        "{r:?}"
    );
    // With a constant gradient, m̂ = g and v̂ = g² at every step: the same step.
    let r = run(&opt, 1.0, 3.0, 0.01, 3);
    assert!(
        (r[2] - (1.0 - 3.0 * 0.01 * 3.0 / (3.0 + 1e-8))).abs() < 1e-9,
        "{r:?}"
    );
}

fn average(avg: &Averaging, params: &[f64]) -> Vec<f64> {
    let b = Builder::new();
    let a = b.input(Aval::scalar(DType::F64));
    let p = b.input(Aval::scalar(DType::F64));
    let t = b.input(Aval::scalar(DType::F64));
    let graph = b.finish(&[avg.update(a, p, t)]).unwrap();
    let mut cur = params[0];
    let mut out = Vec::new();
    for (i, &pv) in params.iter().enumerate() {
        let args = [
            HostArray::scalar(cur, DType::F64),
            HostArray::scalar(pv, DType::F64),
            HostArray::scalar((i + 1) as f64, DType::F64),
        ];
        cur = eval(&graph, &args).unwrap()[0].to_f64()[0];
        out.push(cur);
    }
    out
}

#[test]
fn ema_with_warmup_and_polyak_average() {
    // EMA, decay 0.99 with warm-up: at t = 1 the decay is min(0.99, 2/11).
    let ema = Averaging::Ema {
        decay: 0.99,
        warmup: true,
    };
    let r = average(&ema, &[0.0, 11.0]);
    // t=1: avg = 0 (p = avg = 0); t=2: d = 3/12 = 0.25: 0.25·0 + 0.75·11 = 8.25.
    assert!(close(r[1], 8.25), "{r:?}");
    // Without warm-up the average barely moves: 0.01·11 = 0.11.
    let plain = Averaging::Ema {
        decay: 0.99,
        warmup: false,
    };
    assert!(close(average(&plain, &[0.0, 11.0])[1], 0.11));
    // Polyak from step 2: t=1 tracks p (avg = 5), then averages 1, 2, 3 → 2.
    let polyak = Averaging::Polyak { start_step: 1 };
    let r = average(&polyak, &[5.0, 1.0, 2.0, 3.0]);
    assert!(
        close(r[0], 5.0) && close(r[1], 1.0) && close(r[2], 1.5) && close(r[3], 2.0),
        "{r:?}"
    );
}
