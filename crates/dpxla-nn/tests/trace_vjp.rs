//! vjp of every differentiable primitive against central finite differences
//! (f64, reference interpreter), plus small literal cases.

use crate::common;
use common::*;
use dpxla_core::array::{DType, HostArray};
use dpxla_core::trace::*;
use dpxla_core::transform::{value_and_grad, vjp};
use dpxla_nn::{NnOps, Padding};

/// Random inputs with magnitudes in lo..hi (signed when `signed`).
fn fd(
    shapes: &[&[usize]],
    (lo, hi, signed): (f64, f64, bool),
    seed: u64,
    f: impl for<'b> Fn(&'b Builder, &[Tensor<'b>]) -> Vec<Tensor<'b>>,
) {
    let avals: Vec<Aval> = shapes.iter().map(|s| f64a(s)).collect();
    let g = trace(&avals, f);
    let mut r = rng(seed);
    let args: Vec<HostArray> = avals
        .iter()
        .map(|a| rand_array(&mut r, a, lo, hi, signed))
        .collect();
    check_vjp(&g, &args, seed + 1);
}

const S: (f64, f64, bool) = (0.1, 2.0, true);
const POS: (f64, f64, bool) = (0.5, 2.0, false);

#[test]
fn literal_square_at_three() {
    // d/dx x² = 2x = 6 at x = 3.
    let g = trace(&[f64a(&[])], |_, x| vec![x[0] * x[0]]);
    let vg = value_and_grad(&g, &[0]).unwrap();
    let out = eval(&vg, &[HostArray::scalar(3.0, DType::F64)]).unwrap();
    assert_eq!(out[0].to_f64(), vec![9.0]);
    assert_eq!(out[1].to_f64(), vec![6.0]);
}

#[test]
fn literal_dot_and_unused_input() {
    // f(w, x, u) = Σ w·x: df/dw = x = [1, 2], df/dx = w = [3, 4]; u is
    // unused, so its gradient is zero.
    let g = trace(&[f64a(&[2]), f64a(&[2]), f64a(&[2])], |_, a| {
        vec![a[0].matmul(a[1])]
    });
    let vg = value_and_grad(&g, &[0, 1, 2]).unwrap();
    let args = [
        HostArray::f64([2], vec![3., 4.]),
        HostArray::f64([2], vec![1., 2.]),
        HostArray::f64([2], vec![5., 6.]),
    ];
    let out = eval(&vg, &args).unwrap();
    assert_eq!(out[0].to_f64(), vec![11.0]);
    assert_eq!(out[1].to_f64(), vec![1., 2.]);
    assert_eq!(out[2].to_f64(), vec![3., 4.]);
    assert_eq!(out[3].to_f64(), vec![0., 0.]);
}

#[test]
fn literal_relu_and_logistic() {
    // relu'(2) = 1, relu'(-1) = 0; σ'(0) = σ(0)(1-σ(0)) = 1/4.
    let g = trace(&[f64a(&[2]), f64a(&[])], |_, a| {
        vec![a[0].relu().sum_all() + a[1].logistic()]
    });
    let vg = value_and_grad(&g, &[0, 1]).unwrap();
    let out = eval(
        &vg,
        &[
            HostArray::f64([2], vec![2., -1.]),
            HostArray::scalar(0.0, DType::F64),
        ],
    )
    .unwrap();
    assert_eq!(out[1].to_f64(), vec![1., 0.]);
    assert_eq!(out[2].to_f64(), vec![0.25]);
}

#[test]
fn literal_stop_gradient() {
    // d/dx [sg(x) · x] = sg(x) = 3 at x = 3 (finite differences would say 6:
    // stop_gradient is the identity numerically, so it has no FD check).
    let g = trace(&[f64a(&[])], |_, x| vec![x[0].stop_gradient() * x[0]]);
    let out = eval(
        &value_and_grad(&g, &[0]).unwrap(),
        &[HostArray::scalar(3.0, DType::F64)],
    )
    .unwrap();
    assert_eq!(out[1].to_f64(), vec![3.0]);
}

#[test]
fn integer_inputs_are_rejected_and_get_no_cotangent() {
    // one_hot(label) · x: x's gradient is the one-hot row; the label path is
    // integer and carries no cotangent.
    let avals = [f64a(&[3]), Aval::scalar(DType::I32)];
    let g = trace(&avals, |_, a| {
        vec![(a[1].one_hot(3, DType::F64) * a[0]).sum_all()]
    });
    assert!(vjp(&g, &[1]).is_err());
    let vg = value_and_grad(&g, &[0]).unwrap();
    let out = eval(
        &vg,
        &[
            HostArray::f64([3], vec![1., 2., 3.]),
            HostArray::i32([], vec![2]),
        ],
    )
    .unwrap();
    assert_eq!(out[1].to_f64(), vec![0., 0., 1.]);
}

#[test]
fn unary_elementwise() {
    fd(&[&[2, 3]], S, 1, |_, x| vec![-x[0]]);
    fd(&[&[2, 3]], S, 2, |_, x| vec![x[0].exp()]);
    fd(&[&[2, 3]], POS, 3, |_, x| vec![x[0].log()]);
    fd(&[&[2, 3]], POS, 4, |_, x| vec![x[0].log1p()]);
    fd(&[&[2, 3]], S, 5, |_, x| vec![x[0].tanh()]);
    fd(&[&[2, 3]], S, 6, |_, x| vec![x[0].logistic()]);
    fd(&[&[2, 3]], POS, 7, |_, x| vec![x[0].sqrt()]);
    fd(&[&[2, 3]], POS, 8, |_, x| vec![x[0].rsqrt()]);
    fd(&[&[2, 3]], S, 9, |_, x| vec![x[0].abs()]); // |x| >= 0.1: away from the kink
    fd(&[&[2, 3]], S, 10, |_, x| vec![x[0].sign() * x[0]]);
    fd(&[&[2, 3]], S, 12, |b, x| {
        vec![b.emit(Prim::Convert { to: DType::F64 }, &[x[0]])]
    });
}

/// Every entry of the derivative tables (`UnaryOp::ALL`, `BinaryOp::ALL`)
/// on positive operands, where every op is smooth: a new op is checked here
/// without a new line.
#[test]
fn every_elementwise_table_entry() {
    for (i, op) in UnaryOp::ALL.iter().copied().enumerate() {
        fd(&[&[2, 3]], POS, 40 + i as u64, |b, x| {
            vec![b.emit(Prim::Unary(op), &[x[0]])]
        });
    }
    for (i, op) in BinaryOp::ALL.iter().copied().enumerate() {
        fd(&[&[2, 3], &[2, 3]], POS, 60 + i as u64, |b, x| {
            vec![b.emit(Prim::Binary(op), &[x[0], x[1]])]
        });
    }
}

#[test]
fn binary_elementwise() {
    fd(&[&[2, 3], &[2, 3]], S, 20, |_, x| vec![x[0] + x[1]]);
    fd(&[&[2, 3], &[2, 3]], S, 21, |_, x| vec![x[0] - x[1]]);
    fd(&[&[2, 3], &[2, 3]], S, 22, |_, x| vec![x[0] * x[1]]);
    fd(&[&[2, 3], &[2, 3]], S, 23, |_, x| vec![x[0] / x[1]]);
    fd(&[&[2, 3], &[2, 3]], S, 24, |_, x| vec![x[0].max(x[1])]);
    fd(&[&[2, 3], &[2, 3]], S, 25, |_, x| vec![x[0].min(x[1])]);
    fd(&[&[2, 3], &[2, 3]], POS, 26, |_, x| vec![x[0].pow(x[1])]);
    // select(a > b, a*b, a+b), broadcasting of a [3] operand.
    fd(&[&[2, 3], &[3]], S, 27, |_, x| {
        vec![x[0].gt(x[1]).select(x[0] * x[1], x[0] + x[1])]
    });
}

#[test]
fn structural() {
    fd(&[&[3]], S, 30, |_, x| {
        vec![x[0].broadcast_in_dim(&[2, 3, 4], &[1])]
    });
    fd(&[&[1, 3]], S, 31, |_, x| {
        vec![x[0].broadcast_in_dim(&[2, 3], &[0, 1])]
    });
    fd(&[&[2, 3]], S, 32, |_, x| vec![x[0].reshape(&[3, 2])]);
    fd(
        &[&[2, 3, 4]],
        S,
        33,
        |_, x| vec![x[0].transpose(&[2, 0, 1])],
    );
    fd(&[&[2, 3]], S, 34, |_, x| vec![x[0].reverse(&[1])]);
    fd(&[&[5, 6]], S, 35, |_, x| {
        vec![x[0].slice(&[1, 0], &[5, 5], &[2, 3])]
    });
    fd(&[&[3, 4], &[]], S, 36, |_, x| {
        vec![x[0].pad_with(x[1], &[1, -1], &[2, 1], &[1, 0])]
    });
    fd(&[&[2, 3], &[2, 1]], S, 37, |b, x| {
        vec![b.concat(&[x[0], x[1], x[0]], 1)]
    });
}

#[test]
fn reductions_and_dot() {
    fd(&[&[2, 3, 4]], S, 40, |_, x| vec![x[0].sum(&[0, 2])]);
    fd(&[&[2, 3, 4]], S, 41, |_, x| vec![x[0].reduce_max(&[1])]);
    fd(&[&[3, 4], &[4, 2]], S, 42, |_, x| vec![x[0].matmul(x[1])]);
    // batch dims (0 | 2), contracting (2 | 0), free dims on both sides.
    fd(&[&[2, 3, 4], &[4, 5, 2]], S, 43, |_, x| {
        vec![x[0].dot_general(x[1], &[0], &[2], &[2], &[0])]
    });
    fd(&[&[3, 2, 4], &[2, 4]], S, 44, |_, x| {
        vec![x[0].dot_general(x[1], &[1], &[0], &[2], &[1])]
    });
}

#[allow(clippy::too_many_arguments)]
fn conv_case(
    seed: u64,
    xs: &[usize],
    ks: &[usize],
    strides: &[usize],
    pad: &[(i64, i64)],
    ld: &[usize],
    rd: &[usize],
    fgc: usize,
    bgc: usize,
) {
    let (s, p, l, r) = (strides.to_vec(), pad.to_vec(), ld.to_vec(), rd.to_vec());
    fd(&[xs, ks], S, seed, move |_, x| {
        vec![x[0].conv_general(x[1], &s, &p, &l, &r, fgc, bgc, ConvDims::nhwc_hwio())]
    });
}

#[test]
fn convolution() {
    conv_case(
        50,
        &[2, 5, 5, 3],
        &[3, 3, 3, 2],
        &[1, 1],
        &[(1, 1), (1, 1)],
        &[1, 1],
        &[1, 1],
        1,
        1,
    );
    conv_case(
        51,
        &[1, 6, 5, 2],
        &[2, 3, 2, 3],
        &[2, 2],
        &[(0, 1), (1, 0)],
        &[1, 1],
        &[1, 1],
        1,
        1,
    );
    conv_case(
        52,
        &[1, 5, 5, 1],
        &[2, 2, 1, 2],
        &[1, 2],
        &[(0, 0), (1, 1)],
        &[1, 1],
        &[2, 1],
        1,
        1,
    );
    conv_case(
        53,
        &[1, 3, 3, 1],
        &[2, 2, 1, 1],
        &[1, 1],
        &[(0, 0), (0, 0)],
        &[2, 1],
        &[1, 1],
        1,
        1,
    );
    conv_case(
        54,
        &[2, 4, 4, 4],
        &[3, 3, 2, 6],
        &[1, 1],
        &[(1, 1), (1, 1)],
        &[1, 1],
        &[1, 1],
        2,
        1,
    );
    conv_case(
        55,
        &[4, 4, 4, 2],
        &[3, 3, 2, 4],
        &[1, 1],
        &[(1, 1), (0, 0)],
        &[1, 1],
        &[1, 1],
        1,
        2,
    );
    // A non-default layout: NCHW input, OIHW kernel, NCHW output.
    let dn = ConvDims {
        input_batch: 0,
        input_feature: 1,
        input_spatial: vec![2, 3],
        kernel_input_feature: 1,
        kernel_output_feature: 0,
        kernel_spatial: vec![2, 3],
        output_batch: 0,
        output_feature: 1,
        output_spatial: vec![2, 3],
    };
    fd(&[&[2, 3, 4, 4], &[2, 3, 3, 2]], S, 56, move |_, x| {
        vec![x[0].conv_general(
            x[1],
            &[2, 1],
            &[(1, 0), (0, 1)],
            &[1, 1],
            &[1, 1],
            1,
            1,
            dn.clone(),
        )]
    });
}

#[test]
fn pooling() {
    // Random inputs have no ties, so max is differentiable there.
    fd(&[&[2, 4, 4, 3]], S, 60, |_, x| {
        vec![x[0].max_pool([2, 2], [2, 2], Padding::Valid)]
    });
    fd(&[&[1, 5, 5, 2]], S, 61, |_, x| {
        vec![x[0].max_pool([3, 3], [2, 2], Padding::Same)]
    });
    fd(&[&[2, 4, 4, 3]], S, 62, |_, x| {
        vec![x[0].avg_pool([2, 2], [2, 2], Padding::Valid)]
    });
    fd(&[&[1, 5, 5, 2]], S, 63, |_, x| {
        vec![x[0].avg_pool([3, 3], [2, 2], Padding::Same)]
    });
}

#[test]
fn max_pool_gradient_literal() {
    // max of [[1,5],[3,2]] is 5: the gradient is 1 at that position only.
    let g = trace(&[f64a(&[1, 2, 2, 1])], |_, x| {
        vec![x[0].max_pool([2, 2], [1, 1], Padding::Valid).sum_all()]
    });
    let vg = value_and_grad(&g, &[0]).unwrap();
    let out = eval(&vg, &[HostArray::f64([1, 2, 2, 1], vec![1., 5., 3., 2.])]).unwrap();
    assert_eq!(out[1].to_f64(), vec![0., 1., 0., 0.]);
}

#[test]
fn loss_pieces() {
    // softmax cross-entropy of logits against fixed one-hot targets.
    fd(&[&[3, 4]], S, 70, |b, x| {
        let t = b.iota(&[3], DType::I32, 0).one_hot(4, DType::F64);
        vec![x[0].softmax_cross_entropy(t).mean(&[0])]
    });
    fd(&[&[3, 4]], S, 71, |_, x| vec![x[0].softmax(1)]);
}

#[test]
fn max_pool_ties_go_to_the_first_maximum() {
    // Window [[2,2],[1,0]]: both 2s are maxima; one of them gets the whole
    // cotangent (select_and_scatter; the interpreter scans row-major, so the
    // first), so the gradient is [1,0,0,0], not [½,½,0,0].
    let g = trace(&[f64a(&[1, 2, 2, 1])], |_, x| {
        vec![x[0].max_pool([2, 2], [1, 1], Padding::Valid).sum_all()]
    });
    let out = eval(
        &value_and_grad(&g, &[0]).unwrap(),
        &[HostArray::f64([1, 2, 2, 1], vec![2., 2., 1., 0.])],
    )
    .unwrap();
    assert_eq!(out[1].to_f64(), vec![1., 0., 0., 0.]);
}
