//! Composition: per-example gradients vmap(value_and_grad(loss)) of an MLP
//! and a small CNN equal a loop of single-example gradients; vjp of a
//! vmapped function equals the sum of per-example vjps; vmap(vmap(f)).

use crate::common;
use common::*;
use dpxla_core::array::{DType, HostArray};
use dpxla_core::trace::*;
use dpxla_core::transform::{value_and_grad, vjp, vmap};
use dpxla_nn::{NnOps, Padding};

const B: usize = 4;

/// Per-example gradients of `loss` (inputs: params…, x, label) by
/// vmap(value_and_grad) against a loop of value_and_grad.
fn per_example_grads_match(loss: &Graph, params: &[HostArray], xs: &HostArray, labels: &HostArray) {
    let np = params.len();
    let wrt: Vec<usize> = (0..np).collect();
    let vg = value_and_grad(loss, &wrt).unwrap();
    let mut in_axes = vec![None; np];
    in_axes.extend([Some(0), Some(0)]);
    let pe = vmap(&vg, &in_axes, B).unwrap();
    verify(&pe).unwrap();
    let mut args = params.to_vec();
    args.extend([xs.clone(), labels.clone()]);
    let got = eval(&pe, &args).unwrap();
    for b in 0..B {
        let mut one = params.to_vec();
        one.extend([unstack_at(xs, 0, b), unstack_at(labels, 0, b)]);
        let want = eval(&vg, &one).unwrap();
        for (k, w) in want.iter().enumerate() {
            assert_close(
                &unstack_at(&got[k], 0, b).to_f64(),
                &w.to_f64(),
                1e-10,
                &format!("example {b} output {k}"),
            );
        }
    }
    // The gradients are not trivially zero.
    assert!(got[1].to_f64().iter().any(|v| v.abs() > 1e-6));
}

#[test]
fn mlp_per_example_gradients() {
    // 16 → 8 (tanh) → 8 (relu) → 3, softmax cross-entropy.
    let avals = [
        f64a(&[16, 8]),
        f64a(&[8]),
        f64a(&[8, 8]),
        f64a(&[8]),
        f64a(&[8, 3]),
        f64a(&[3]),
        f64a(&[16]),
        Aval::scalar(DType::I32),
    ];
    let loss = trace(&avals, |_, a| {
        let h = (a[6].matmul(a[0]) + a[1]).tanh();
        let h = (h.matmul(a[2]) + a[3]).relu();
        let logits = h.matmul(a[4]) + a[5];
        vec![logits.softmax_cross_entropy(a[7].one_hot(3, DType::F64))]
    });
    let mut r = rng(7);
    let params: Vec<HostArray> = avals[..6]
        .iter()
        .map(|a| rand_array(&mut r, a, 0.0, 0.5, true))
        .collect();
    let xs = rand_array(&mut r, &f64a(&[B, 16]), 0.0, 1.0, false);
    let labels = HostArray::i32([B], vec![0, 2, 1, 2]);
    per_example_grads_match(&loss, &params, &xs, &labels);
}

#[test]
fn cnn_per_example_gradients() {
    // conv 3x3 (1→4, SAME) + relu + max-pool 2x2 → conv 3x3 stride 2 (4→4)
    // + relu + avg-pool → dense → softmax CE. Input 8x8x1.
    let avals = [
        f64a(&[3, 3, 1, 4]),
        f64a(&[4]),
        f64a(&[3, 3, 4, 4]),
        f64a(&[4 * 2 * 2, 3]),
        f64a(&[3]),
        f64a(&[8, 8, 1]),
        Aval::scalar(DType::I32),
    ];
    let loss = trace(&avals, |_, a| {
        let x = a[5].reshape(&[1, 8, 8, 1]);
        let h = (x.conv2d(a[0], [1, 1], Padding::Same) + a[1]).relu();
        let h = h.max_pool([2, 2], [2, 2], Padding::Valid); // [1,4,4,4]
        let h = h.conv2d(a[2], [1, 1], Padding::Same).relu();
        let h = h.avg_pool([2, 2], [2, 2], Padding::Valid); // [1,2,2,4]
        let logits = h.reshape(&[16]).matmul(a[3]) + a[4];
        vec![logits.softmax_cross_entropy(a[6].one_hot(3, DType::F64))]
    });
    let mut r = rng(8);
    let params: Vec<HostArray> = avals[..5]
        .iter()
        .map(|a| rand_array(&mut r, a, 0.05, 0.5, true))
        .collect();
    let xs = rand_array(&mut r, &f64a(&[B, 8, 8, 1]), 0.0, 1.0, false);
    let labels = HostArray::i32([B], vec![1, 0, 2, 1]);
    per_example_grads_match(&loss, &params, &xs, &labels);

    // The per-example kernel gradient is ONE batched dot_general of input
    // patches with the output cotangent (batch dim = the examples), not B
    // convolutions and not a grouped convolution.
    let pe = vmap(
        &value_and_grad(&loss, &[0, 1, 2, 3, 4]).unwrap(),
        &[None, None, None, None, None, Some(0), Some(0)],
        B,
    )
    .unwrap();
    let convs: Vec<_> = pe
        .eqns
        .iter()
        .filter(|e| matches!(e.prim, Prim::Conv { .. }))
        .collect();
    assert!(convs.len() <= 5, "{} convolutions", convs.len());
    assert!(!convs
        .iter()
        .any(|e| matches!(&e.prim, Prim::Conv(c) if c.feature_group_count == B)));
    // Both kernels are 3x3 (9 window offsets = 9 patch slices).
    let per_example_dots = pe
        .eqns
        .iter()
        .filter(|e| match &e.prim {
            Prim::DotGeneral(d) => {
                d.lhs_batch == [0] && d.rhs_batch == [0] && pe.aval(e.out).shape[..2] == [B, 9]
            }
            _ => false,
        })
        .count();
    assert_eq!(per_example_dots, 2);
}

#[test]
fn vjp_of_vmapped_function() {
    // f(w, x) = Σ_b tanh(x_b · w): the vjp of vmap(f) w.r.t. the shared w
    // is the sum over examples of the per-example vjps.
    let g = trace(&[f64a(&[3]), f64a(&[3])], |_, a| {
        vec![a[1].matmul(a[0]).tanh()]
    });
    let vg = vmap(&g, &[None, Some(0)], B).unwrap();
    let back = vjp(&vg, &[0, 1]).unwrap();
    verify(&back).unwrap();
    let mut r = rng(9);
    let w = rand_array(&mut r, &f64a(&[3]), 0.1, 1.0, true);
    let xs = rand_array(&mut r, &f64a(&[B, 3]), 0.1, 1.0, true);
    let ct = rand_array(&mut r, &f64a(&[B]), 0.5, 1.5, true);
    let got = eval(&back, &[w.clone(), xs.clone(), ct.clone()]).unwrap();
    let single = vjp(&g, &[0, 1]).unwrap();
    let mut gw = vec![0.0; 3];
    for b in 0..B {
        let out = eval(
            &single,
            &[w.clone(), unstack_at(&xs, 0, b), unstack_at(&ct, 0, b)],
        )
        .unwrap();
        for (acc, v) in gw.iter_mut().zip(out[1].to_f64()) {
            *acc += v;
        }
        assert_close(
            &unstack_at(&got[2], 0, b).to_f64(),
            &out[2].to_f64(),
            1e-12,
            "dx",
        );
    }
    assert_close(&got[1].to_f64(), &gw, 1e-12, "dw");
    check_vjp(&vg, &[w, xs], 10);
}

#[test]
fn vmap_of_vmap_and_vjp_of_vjp() {
    // vmap twice equals a doubly batched loop (checked via vmap of the
    // vmapped graph against a loop of the singly vmapped one).
    let g = trace(&[f64a(&[2, 3]), f64a(&[3, 2])], |_, a| {
        vec![a[0].matmul(a[1]).exp().sum(&[1])]
    });
    let v1 = vmap(&g, &[Some(0), None], 2).unwrap();
    let mut r = rng(11);
    let args = [
        rand_array(&mut r, &f64a(&[3, 2, 2, 3]), 0.1, 1.0, true),
        rand_array(&mut r, &f64a(&[3, 3, 2]), 0.1, 1.0, true),
    ];
    check_vmap(&v1, &args, &[Some(0), Some(0)], 3);
    // Second derivative: d²/dx² x³ = 6x = 12 at x = 2.
    let cube = trace(&[f64a(&[])], |_, x| vec![x[0] * x[0] * x[0]]);
    let d1 = trace(&[f64a(&[])], |b, x| {
        let vg = value_and_grad(&cube, &[0]).unwrap();
        vec![b.call(&vg, &[x[0]])[1]]
    });
    let d2 = value_and_grad(&d1, &[0]).unwrap();
    let out = eval(&d2, &[HostArray::scalar(2.0, DType::F64)]).unwrap();
    assert_eq!(out[0].to_f64(), vec![12.0]); // 3x² = 12
    assert_eq!(out[1].to_f64(), vec![12.0]); // 6x = 12
}

#[test]
fn grouped_conv_per_example_gradients() {
    // Depthwise-style conv (feature_group_count = 2): its kernel gradient
    // uses batch_group_count = 2, which vmap folds into batch groups.
    let avals = [
        f64a(&[3, 3, 1, 4]),
        f64a(&[5, 5, 2]),
        Aval::scalar(DType::I32),
    ];
    let loss = trace(&avals, |_, a| {
        let x = a[1].reshape(&[1, 5, 5, 2]);
        let h = x.conv_general(
            a[0],
            &[1, 1],
            &[(1, 1), (1, 1)],
            &[1, 1],
            &[1, 1],
            2,
            1,
            ConvDims::nhwc_hwio(),
        );
        let logits = h.tanh().mean(&[1, 2]).reshape(&[4]);
        vec![logits.softmax_cross_entropy(a[2].one_hot(4, DType::F64))]
    });
    let mut r = rng(12);
    let params = vec![rand_array(&mut r, &avals[0], 0.05, 0.5, true)];
    let xs = rand_array(&mut r, &f64a(&[B, 5, 5, 2]), 0.0, 1.0, false);
    let labels = HostArray::i32([B], vec![3, 0, 2, 1]);
    per_example_grads_match(&loss, &params, &xs, &labels);
    check_vjp(
        &loss,
        &[
            params[0].clone(),
            unstack_at(&xs, 0, 0),
            HostArray::i32([], vec![3]),
        ],
        13,
    );
}
