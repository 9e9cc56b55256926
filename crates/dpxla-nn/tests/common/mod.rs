//! Shared test helpers: tracing closures, random inputs, finite differences
//! and vmap-vs-loop checks, all through the reference interpreter.
#![allow(dead_code)]

use dpxla_core::array::{DType, HostArray};
use dpxla_core::trace::*;
use dpxla_core::transform::{vjp, vmap};
use rand::{rngs::StdRng, Rng, SeedableRng};

pub fn f64a(shape: &[usize]) -> Aval {
    Aval::new(shape.to_vec(), DType::F64)
}

/// Trace `f` over inputs with `avals`.
pub fn trace(
    avals: &[Aval],
    f: impl for<'b> Fn(&'b Builder, &[Tensor<'b>]) -> Vec<Tensor<'b>>,
) -> Graph {
    let b = Builder::new();
    let xs: Vec<Tensor> = avals.iter().map(|a| b.input(a.clone())).collect();
    let outs = f(&b, &xs);
    let g = b.finish(&outs).unwrap();
    verify(&g).unwrap();
    g
}

pub fn rng(seed: u64) -> StdRng {
    StdRng::seed_from_u64(seed)
}

/// Uniform values in `lo..hi`, with random sign if `signed`.
pub fn rand_array(r: &mut StdRng, aval: &Aval, lo: f64, hi: f64, signed: bool) -> HostArray {
    let n = aval.numel();
    let v: Vec<f64> = (0..n)
        .map(|_| {
            let m = r.gen_range(lo..hi);
            if signed && r.gen_bool(0.5) {
                -m
            } else {
                m
            }
        })
        .collect();
    HostArray::from_f64(aval.shape.clone(), &v, aval.dtype)
}

pub fn assert_close(got: &[f64], want: &[f64], tol: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: lengths");
    for (i, (a, b)) in got.iter().zip(want).enumerate() {
        assert!(
            (a - b).abs() <= tol * (1.0 + b.abs()),
            "{what}[{i}]: got {a}, want {b}\n got  {got:?}\n want {want:?}"
        );
    }
}

/// vjp of `g` at `args` (f64 inputs) against central finite differences of
/// s(x) = Σ ct · g(x) for random cotangents, for every float input.
pub fn check_vjp(g: &Graph, args: &[HostArray], seed: u64) {
    let mut r = rng(seed);
    let wrt: Vec<usize> = (0..args.len())
        .filter(|&i| args[i].dtype().is_float())
        .collect();
    let vg = vjp(g, &wrt).unwrap();
    verify(&vg).unwrap();
    let cts: Vec<HostArray> = g
        .output_avals()
        .iter()
        .map(|a| rand_array(&mut r, a, 0.5, 1.5, true))
        .collect();
    let mut all = args.to_vec();
    all.extend(cts.iter().cloned());
    let res = eval(&vg, &all).unwrap();
    let nout = g.outputs.len();
    let s = |xs: &[HostArray]| -> f64 {
        let outs = eval(g, xs).unwrap();
        outs.iter()
            .zip(&cts)
            .filter(|(o, _)| o.dtype().is_float())
            .map(|(o, c)| {
                o.to_f64()
                    .iter()
                    .zip(c.to_f64())
                    .map(|(a, b)| a * b)
                    .sum::<f64>()
            })
            .sum()
    };
    let h = 1e-5;
    for (k, &i) in wrt.iter().enumerate() {
        let base = args[i].to_f64();
        let fd: Vec<f64> = (0..base.len())
            .map(|j| {
                let mut plus = args.to_vec();
                let mut minus = args.to_vec();
                let (mut vp, mut vm) = (base.clone(), base.clone());
                vp[j] += h;
                vm[j] -= h;
                plus[i] = HostArray::from_f64(args[i].shape.clone(), &vp, DType::F64);
                minus[i] = HostArray::from_f64(args[i].shape.clone(), &vm, DType::F64);
                (s(&plus) - s(&minus)) / (2.0 * h)
            })
            .collect();
        assert_close(
            &res[nout + k].to_f64(),
            &fd,
            1e-6,
            &format!("grad of input {i}"),
        );
    }
}

/// Stack per-example arrays along a new axis 0.
pub fn stack(xs: &[HostArray]) -> HostArray {
    let mut shape = vec![xs.len()];
    shape.extend(&xs[0].shape);
    let v: Vec<f64> = xs.iter().flat_map(|x| x.to_f64()).collect();
    HostArray::from_f64(shape, &v, xs[0].dtype())
}

/// Example `b` of an array batched along `axis`.
pub fn unstack_at(x: &HostArray, axis: usize, b: usize) -> HostArray {
    let s = &x.shape;
    let outer: usize = s[..axis].iter().product();
    let inner: usize = s[axis + 1..].iter().product();
    let v = x.to_f64();
    let mut out = Vec::with_capacity(outer * inner);
    for o in 0..outer {
        let base = (o * s[axis] + b) * inner;
        out.extend_from_slice(&v[base..base + inner]);
    }
    let mut shape = s.clone();
    shape.remove(axis);
    HostArray::from_f64(shape, &out, x.dtype())
}

/// vmap(g) on batched args equals a loop of g over examples.
/// `args[i]` is batched along `in_axes[i]` when Some.
pub fn check_vmap(g: &Graph, args: &[HostArray], in_axes: &[Option<usize>], batch: usize) {
    let vg = vmap(g, in_axes, batch).unwrap();
    verify(&vg).unwrap();
    let got = eval(&vg, args).unwrap();
    let per: Vec<Vec<HostArray>> = (0..batch)
        .map(|bi| {
            let xs: Vec<HostArray> = args
                .iter()
                .zip(in_axes)
                .map(|(a, ax)| match ax {
                    Some(ax) => unstack_at(a, *ax, bi),
                    None => a.clone(),
                })
                .collect();
            eval(g, &xs).unwrap()
        })
        .collect();
    for (k, out) in got.iter().enumerate() {
        let want = stack(&per.iter().map(|o| o[k].clone()).collect::<Vec<_>>());
        assert_eq!(out.shape, want.shape, "output {k} shape");
        assert_eq!(out.dtype(), want.dtype(), "output {k} dtype");
        assert_close(
            &out.to_f64(),
            &want.to_f64(),
            1e-9,
            &format!("vmap output {k}"),
        );
    }
}
