//! vmap of every primitive against a loop over examples (interpreter), for
//! batched/unbatched operand combinations and batch axes other than 0.

use crate::common;
use common::*;
use dpxla_core::array::{DType, HostArray};
use dpxla_core::trace::*;
use dpxla_core::transform::vmap;
use dpxla_nn::{NnOps, Padding};

const B: usize = 3;

/// Check `f` (per-example avals `shapes`) under every in_axes combination
/// in `combos` (per input: None, or the axis of the batch).
fn vm(
    shapes: &[&[usize]],
    combos: &[&[Option<usize>]],
    seed: u64,
    f: impl for<'b> Fn(&'b Builder, &[Tensor<'b>]) -> Vec<Tensor<'b>>,
) {
    let avals: Vec<Aval> = shapes.iter().map(|s| f64a(s)).collect();
    vm_avals(&avals, combos, seed, f);
}

fn vm_avals(
    avals: &[Aval],
    combos: &[&[Option<usize>]],
    seed: u64,
    f: impl for<'b> Fn(&'b Builder, &[Tensor<'b>]) -> Vec<Tensor<'b>>,
) {
    let g = trace(avals, f);
    let mut r = rng(seed);
    for axes in combos {
        let args: Vec<HostArray> = avals
            .iter()
            .zip(axes.iter())
            .map(|(a, ax)| {
                let mut s = a.shape.clone();
                if let Some(ax) = ax {
                    s.insert(*ax, B);
                }
                let a2 = Aval::new(s, a.dtype);
                if a.dtype.is_float() {
                    rand_array(&mut r, &a2, 0.5, 2.0, true)
                } else {
                    rand_array(&mut r, &a2, 0.0, 3.0, false)
                }
            })
            .collect();
        check_vmap(&g, &args, axes, B);
    }
}

const ONE: &[&[Option<usize>]] = &[&[Some(0)], &[Some(1)]];
const TWO: &[&[Option<usize>]] = &[
    &[Some(0), Some(0)],
    &[Some(1), None],
    &[None, Some(2)],
    &[Some(2), Some(1)],
];

#[test]
fn elementwise() {
    vm(&[&[2, 3]], ONE, 1, |_, x| {
        vec![
            -x[0],
            x[0].exp(),
            x[0].tanh(),
            x[0].logistic(),
            x[0].abs(),
            x[0].sign(),
        ]
    });
    vm(&[&[2, 3]], ONE, 2, |_, x| {
        let p = x[0].abs();
        vec![
            p.log(),
            p.log1p(),
            p.sqrt(),
            p.rsqrt(),
            x[0].stop_gradient(),
            x[0].convert(DType::F32),
        ]
    });
    vm(&[&[2, 3], &[2, 3]], TWO, 3, |_, x| {
        let (a, b) = (x[0], x[1]);
        vec![
            a + b,
            a - b,
            a * b,
            a / b,
            a.max(b),
            a.min(b),
            a.abs().pow(b),
            a.gt(b),
            a.lt(b).select(a, b),
        ]
    });
}

#[test]
fn constants_and_iota_with_batched_use() {
    vm(&[&[3]], ONE[..1].as_ref(), 4, |b, x| {
        vec![x[0] + b.iota(&[3], DType::F64, 0) * 2.0]
    });
}

#[test]
fn structural() {
    vm(&[&[3]], &[&[Some(0)], &[Some(1)]], 10, |_, x| {
        vec![x[0].broadcast_in_dim(&[2, 3, 4], &[1])]
    });
    vm(&[&[2, 3]], ONE, 11, |_, x| {
        vec![
            x[0].reshape(&[3, 2]),
            x[0].transpose(&[1, 0]),
            x[0].reverse(&[1]),
        ]
    });
    vm(&[&[5, 6]], ONE, 12, |_, x| {
        vec![x[0].slice(&[1, 0], &[5, 5], &[2, 3])]
    });
    vm(
        &[&[3, 4], &[]],
        &[&[Some(0), None], &[Some(1), Some(0)], &[None, Some(0)]],
        13,
        |_, x| vec![x[0].pad_with(x[1], &[1, -1], &[2, 1], &[1, 0])],
    );
    vm(&[&[2, 3], &[2, 1]], TWO, 14, |b, x| {
        vec![b.concat(&[x[0], x[1], x[0]], 1)]
    });
}

#[test]
fn reductions_and_dot() {
    vm(&[&[2, 3, 4]], ONE, 20, |_, x| {
        vec![x[0].sum(&[0, 2]), x[0].reduce_max(&[1])]
    });
    vm(&[&[3, 4], &[4, 2]], TWO, 21, |_, x| vec![x[0].matmul(x[1])]);
    let combos: &[&[Option<usize>]] = &[
        &[Some(0), Some(0)],
        &[Some(3), None],
        &[None, Some(1)],
        &[Some(1), Some(3)],
    ];
    vm(&[&[2, 3, 4], &[4, 5, 2]], combos, 22, |_, x| {
        vec![x[0].dot_general(x[1], &[0], &[2], &[2], &[0])]
    });
}

#[allow(clippy::too_many_arguments)]
fn conv_vm(
    seed: u64,
    xs: &[usize],
    ks: &[usize],
    strides: &[usize],
    pad: &[(i64, i64)],
    rd: &[usize],
    fgc: usize,
    bgc: usize,
) {
    let (s, p, r) = (strides.to_vec(), pad.to_vec(), rd.to_vec());
    let combos: &[&[Option<usize>]] = &[
        &[Some(0), None],
        &[None, Some(0)],
        &[Some(0), Some(0)],
        &[Some(2), Some(4)],
    ];
    vm(&[xs, ks], combos, seed, move |_, x| {
        vec![x[0].conv_general(x[1], &s, &p, &[1, 1], &r, fgc, bgc, ConvDims::nhwc_hwio())]
    });
}

#[test]
fn convolution() {
    conv_vm(
        30,
        &[2, 5, 5, 3],
        &[3, 3, 3, 2],
        &[1, 1],
        &[(1, 1), (1, 1)],
        &[1, 1],
        1,
        1,
    );
    conv_vm(
        31,
        &[1, 6, 5, 2],
        &[2, 3, 2, 3],
        &[2, 2],
        &[(0, 1), (1, 0)],
        &[1, 2],
        1,
        1,
    );
    conv_vm(
        32,
        &[2, 4, 4, 4],
        &[3, 3, 2, 6],
        &[1, 1],
        &[(1, 1), (1, 1)],
        &[1, 1],
        2,
        1,
    );
    conv_vm(
        33,
        &[4, 4, 4, 2],
        &[3, 3, 2, 4],
        &[1, 1],
        &[(1, 1), (0, 0)],
        &[1, 1],
        1,
        2,
    );
}

#[test]
fn pooling() {
    vm(&[&[2, 4, 4, 3]], ONE, 40, |_, x| {
        vec![
            x[0].max_pool([2, 2], [2, 2], Padding::Valid),
            x[0].avg_pool([3, 3], [2, 2], Padding::Same),
        ]
    });
}

#[test]
fn rng_under_vmap_gives_batched_independent_samples() {
    // Semantics (documented in vmap_rules.rs): shapes are batched, samples
    // are deterministic in the keys and differ across examples.
    let g = trace(&[Aval::new([4], DType::U32)], |b, k| {
        vec![b.rng_normal(k[0], &[500], DType::F64)]
    });
    let vg = vmap(&g, &[Some(0)], 4).unwrap();
    verify(&vg).unwrap();
    let keys = HostArray::u32([4, 4], (0..16).collect());
    let out = eval(&vg, std::slice::from_ref(&keys)).unwrap();
    assert_eq!(out[0].shape, vec![4, 500]);
    assert_eq!(out, eval(&vg, &[keys]).unwrap());
    let v = out[0].to_f64();
    assert_ne!(v[..500], v[500..1000]);
    let mean = v.iter().sum::<f64>() / v.len() as f64;
    let var = v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / v.len() as f64;
    assert!(mean.abs() < 0.1 && (var - 1.0).abs() < 0.1, "{mean} {var}");
    // An unbatched key with a batched operand: samples are shared.
    let g = trace(&[Aval::new([4], DType::U32), f64a(&[2])], |b, a| {
        vec![b.rng_uniform(a[0], &[2], DType::F64) + a[1]]
    });
    let vg = vmap(&g, &[None, Some(0)], 3).unwrap();
    let out = eval(
        &vg,
        &[
            HostArray::u32([4], vec![1, 2, 3, 4]),
            HostArray::f64([3, 2], vec![0.; 6]),
        ],
    )
    .unwrap();
    let v = out[0].to_f64();
    assert_eq!(v[0..2], v[2..4]);
}

#[test]
fn integer_and_bool_operands() {
    let avals = [Aval::new([3], DType::I32), f64a(&[3])];
    vm_avals(&avals, &[&[Some(0), None], &[None, Some(0)]], 50, |_, x| {
        let lab = x[0].one_hot(4, DType::F64);
        vec![lab, x[0].convert(DType::F64) * x[1]]
    });
}

#[test]
fn bad_in_axes_are_errors() {
    let g = trace(&[f64a(&[2])], |_, x| vec![x[0].exp()]);
    assert!(vmap(&g, &[Some(2)], 3).is_err());
    assert!(vmap(&g, &[], 3).is_err());
}
