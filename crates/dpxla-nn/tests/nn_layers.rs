//! Layers on small literal cases, run by the reference interpreter.

use dpxla_core::trace::{eval, Aval, Builder, Tensor};

use dpxla_core::array::{DType, HostArray};
use dpxla_core::transform::value_and_grad;
use dpxla_nn::layers::{elu, gelu, global_avg_pool, group_norm, layer_norm, standardize_kernel};
use dpxla_nn::Params;
use std::collections::BTreeMap;

/// Traces `f(x, params)` with `x` of `shape` and named parameter inputs,
/// evaluates it on `xv` and `pv`, returns the single output.
fn run1(
    shape: &[usize],
    xv: Vec<f64>,
    params: &[(&str, Vec<usize>, Vec<f64>)],
    f: impl for<'b> Fn(Tensor<'b>, &Params<'b>) -> Tensor<'b>,
) -> Vec<f64> {
    let b = Builder::new();
    let x = b.input(Aval::new(shape.to_vec(), DType::F64));
    let mut map = BTreeMap::new();
    let mut args = vec![HostArray::f64(shape.to_vec(), xv)];
    for (n, s, v) in params {
        map.insert(n.to_string(), b.input(Aval::new(s.clone(), DType::F32)));
        args.push(HostArray::from_f64(s.clone(), v, DType::F32));
    }
    let p = Params::bound(&b, map);
    let y = f(x, &p);
    let g = b.finish(&[y]).unwrap();
    eval(&g, &args).unwrap()[0].to_f64()
}

fn pseudo(n: usize, seed: u64) -> Vec<f64> {
    // A fixed, irregular sequence in (-2, 2) (no rand dependency needed).
    (0..n)
        .map(|i| ((i as u64 * 2654435761 + seed * 97) % 1000) as f64 / 250.0 - 2.0)
        .collect()
}

fn mean_var(v: &[f64]) -> (f64, f64) {
    let m = v.iter().sum::<f64>() / v.len() as f64;
    (
        m,
        v.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / v.len() as f64,
    )
}

#[test]
fn group_norm_standardises_each_group() {
    // x: [1, 2, 2, 4] NHWC, 2 groups of 2 channels: each group has 2·2·2 = 8
    // values, normalised to mean 0 and variance var / (var + eps) ≈ 1.
    let x = pseudo(16, 1);
    let (c, g) = (4, 2);
    let ones = vec![1.0; c];
    let zeros = vec![0.0; c];
    let f32_params =
        |s: Vec<f64>, o: Vec<f64>| vec![("gn/offset", vec![c], o), ("gn/scale", vec![c], s)];
    let y = run1(
        &[1, 2, 2, 4],
        x.clone(),
        &f32_params(ones, zeros),
        |x, p| group_norm(&p.scope("gn"), x.convert(DType::F32), g, 1e-5),
    );
    for grp in 0..g {
        let vals: Vec<f64> = (0..16)
            .filter(|i| (i % c) / (c / g) == grp)
            .map(|i| y[i])
            .collect();
        let (m, v) = mean_var(&vals);
        assert!(m.abs() < 1e-5, "group {grp} mean {m}");
        assert!((v - 1.0).abs() < 1e-3, "group {grp} var {v}");
    }
    // Scale and offset act per channel after normalising: y' = 2·y + c.
    let s = vec![2.0; c];
    let o = vec![0.0, 1.0, 2.0, 3.0];
    let y2 = run1(&[1, 2, 2, 4], x, &f32_params(s, o), |x, p| {
        group_norm(&p.scope("gn"), x.convert(DType::F32), g, 1e-5)
    });
    for i in 0..16 {
        assert!((y2[i] - (2.0 * y[i] + (i % c) as f64)).abs() < 1e-5);
    }
}

#[test]
fn layer_norm_standardises_the_last_axis() {
    let x = pseudo(15, 2);
    let params = [
        ("ln/offset", vec![5], vec![0.0; 5]),
        ("ln/scale", vec![5], vec![1.0; 5]),
    ];
    let y = run1(&[3, 5], x, &params, |x, p| {
        layer_norm(&p.scope("ln"), x.convert(DType::F32), 1e-5)
    });
    for row in y.chunks(5) {
        let (m, v) = mean_var(row);
        assert!(m.abs() < 1e-5 && (v - 1.0).abs() < 1e-3, "{m} {v}");
    }
}

/// Mixed precision (issue 23 item 4): GroupNorm and LayerNorm of a bf16
/// activation, and the weight standardisation of a bf16 kernel, take their
/// mean and variance in f32 (no reduction of the traced normalisation reads
/// a bf16 operand), return bf16, and agree with the f32 layer to bf16
/// rounding.
#[test]
fn norms_of_a_bf16_activation_take_their_statistics_in_f32() {
    use dpxla_core::trace::Prim;
    let shape = [1, 4, 4, 8];
    let x = pseudo(128, 4);
    let c = 8;
    let mut outs = Vec::new();
    for dt in [DType::BF16, DType::F32] {
        let b = Builder::new();
        let xin = b.input(Aval::new(shape.to_vec(), dt));
        let mut map = BTreeMap::new();
        for n in ["gn/offset", "gn/scale", "ln/offset", "ln/scale"] {
            map.insert(n.to_string(), b.input(Aval::new(vec![c], dt)));
        }
        let p = Params::bound(&b, map);
        let gn = group_norm(&p.scope("gn"), xin, 2, 1e-5);
        let ln = layer_norm(&p.scope("ln"), xin, 1e-5);
        // The activation read as a [1, 4, 4, 8] HWIO kernel (fan_in 16).
        let ws = standardize_kernel(xin, 1e-4);
        assert_eq!((gn.dtype(), ln.dtype(), ws.dtype()), (dt, dt, dt));
        let g = b.finish(&[gn, ln, ws]).unwrap();
        if dt == DType::BF16 {
            let narrow: Vec<String> = g
                .eqns
                .iter()
                .filter(|e| matches!(e.prim, Prim::Reduce { .. }))
                .filter(|e| g.aval(e.inputs[0]).dtype == DType::BF16)
                .map(|e| format!("{:?}", e.prim))
                .collect();
            assert!(narrow.is_empty(), "bf16 reductions: {narrow:?}");
            let reductions = g
                .eqns
                .iter()
                .filter(|e| matches!(e.prim, Prim::Reduce { .. }))
                .count();
            assert!(reductions >= 6, "{reductions} reductions traced");
        }
        let mut args = vec![HostArray::from_f64(shape.to_vec(), &x, dt)];
        for v in [0.5, 1.5, 0.5, 1.5] {
            args.push(HostArray::from_f64(vec![c], &vec![v; c], dt));
        }
        let y = eval(&g, &args).unwrap();
        outs.push([y[0].to_f64(), y[1].to_f64(), y[2].to_f64()].concat());
    }
    for (a, b) in outs[0].iter().zip(&outs[1]) {
        // bf16's unit roundoff 2⁻⁸ on the input and the output, |y| < 6.
        assert!((a - b).abs() <= 0.05, "bf16 {a} vs f32 {b}");
    }
}

#[test]
fn weight_standardisation_per_output_channel() {
    // Kernel [3, 3, 2, 4]: fan_in = 18. Each output channel o (last axis) of
    // the standardised kernel has mean 0 and variance 1/fan_in (scaled WS).
    let w = pseudo(72, 3);
    let y = run1(&[3, 3, 2, 4], w, &[], |w, _| standardize_kernel(w, 1e-4));
    for o in 0..4 {
        let col: Vec<f64> = (0..18).map(|i| y[i * 4 + o]).collect();
        let (m, v) = mean_var(&col);
        assert!(m.abs() < 1e-9, "channel {o} mean {m}");
        assert!(
            (v * 18.0 - 1.0).abs() < 1e-6,
            "channel {o} fan_in·var {}",
            v * 18.0
        );
    }
    // A constant kernel has variance 0: the eps floor keeps it finite (zeros).
    let y = run1(&[1, 1, 2, 1], vec![0.7, 0.7], &[], |w, _| {
        standardize_kernel(w, 1e-4)
    });
    assert_eq!(y, vec![0.0, 0.0]);
}

#[test]
fn gelu_is_the_tanh_approximation() {
    let xs = vec![-3.0, -1.0, 0.0, 0.5, 1.0, 2.0];
    let y = run1(&[6], xs.clone(), &[], |x, _| gelu(x));
    let c = (2.0 / std::f64::consts::PI).sqrt();
    for (x, y) in xs.iter().zip(&y) {
        let want = 0.5 * x * (1.0 + (c * (x + 0.044715 * x * x * x)).tanh());
        assert!((y - want).abs() < 1e-12, "gelu({x}) = {y}, want {want}");
    }
    assert_eq!(y[2], 0.0);
    // Within 1e-3 of the exact x·Φ(x): Φ(1) = 0.8413447, Φ(2) = 0.9772499,
    // Φ(-1) = 0.1586553, Φ(-3) = 0.0013499.
    let exact = [-0.0040497, -0.1586553, 0.0, 0.3457312, 0.8413447, 1.9544997];
    for (y, e) in y.iter().zip(exact) {
        assert!((y - e).abs() < 1e-3, "{y} vs {e}");
    }
}

#[test]
fn elu_values_and_gradients_are_finite() {
    // elu(x) = x (x > 0), e^x − 1 (x ≤ 0); derivative 1 or e^x. At x = 100
    // the unselected e^x branch must not poison the gradient with inf·0.
    let xs = vec![100.0, -1000.0, -1.0, 2.0, 0.0];
    let y = run1(&[5], xs.clone(), &[], |x, _| elu(x));
    let e1 = (-1.0f64).exp();
    assert_eq!(y, vec![100.0, -1.0, e1 - 1.0, 2.0, 0.0]);
    let b = Builder::new();
    let x = b.input(Aval::new(vec![5], DType::F64));
    let g = b.finish(&[elu(x).sum_all()]).unwrap();
    let vg = value_and_grad(&g, &[0]).unwrap();
    let out = eval(&vg, &[HostArray::f64([5], xs)]).unwrap();
    let grad = out[1].to_f64();
    assert_eq!(grad, vec![1.0, 0.0, e1, 1.0, 1.0]);
}

#[test]
fn global_avg_pool_means_over_space() {
    // [1, 2, 2, 2]: channel 0 holds 1, 2, 3, 4 → 2.5; channel 1 holds 10s → 10.
    let x = vec![1.0, 10.0, 2.0, 10.0, 3.0, 10.0, 4.0, 10.0];
    let y = run1(&[1, 2, 2, 2], x, &[], |x, _| global_avg_pool(x));
    assert_eq!(y, vec![2.5, 10.0]);
}
