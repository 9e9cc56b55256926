//! Interpreter against PJRT execution, primitive by primitive: each small graph is
//! lowered to StableHLO, compiled by the real XLA CPU plugin and run, and its
//! results must equal the reference interpreter's.

use dpxla_core::array::{DType, HostArray};
use dpxla_core::trace::*;
use dpxla_nn::{NnOps, Padding};
use dpxla_pjrt::lower::LowerOptions;
use dpxla_pjrt::program::Program;
use dpxla_pjrt::runtime::CompileOptions;
use dpxla_testkit::pjrt::test_client;
use rand::{Rng, SeedableRng};

fn rand_array(
    rng: &mut rand::rngs::StdRng,
    shape: &[usize],
    dtype: DType,
    lo: f64,
    hi: f64,
) -> HostArray {
    let n: usize = shape.iter().product();
    let v: Vec<f64> = (0..n).map(|_| rng.gen_range(lo..hi)).collect();
    let v: Vec<f64> = if dtype.is_float() {
        v
    } else {
        v.iter().map(|x| x.round()).collect()
    };
    HostArray::from_f64(shape.to_vec(), &v, dtype)
}

/// Runs `g` on both the interpreter and XLA and compares every output with a
/// relative tolerance `tol` (exact for integers and bools).
fn check(name: &str, g: &Graph, args: &[HostArray], tol: f64) {
    verify(g).unwrap();
    let want = eval(g, args).unwrap_or_else(|e| panic!("{name}: interpreter: {e}"));
    let prog = Program::compile(
        test_client(),
        g,
        &LowerOptions::default(),
        &CompileOptions::default(),
    )
    .unwrap_or_else(|e| {
        panic!(
            "{name}: {e}\n{}",
            dpxla_pjrt::lower::lower(g, &LowerOptions::default()).unwrap()
        )
    });
    let got = prog
        .run_host(args)
        .unwrap_or_else(|e| panic!("{name}: run: {e}"));
    assert_eq!(got.len(), want.len(), "{name}: output count");
    for (k, (w, x)) in want.iter().zip(&got).enumerate() {
        assert_eq!(w.shape, x.shape, "{name}: output {k} shape");
        assert_eq!(w.dtype(), x.dtype(), "{name}: output {k} dtype");
        for (i, (a, b)) in w.to_f64().iter().zip(x.to_f64()).enumerate() {
            let ok = if a.is_nan() {
                b.is_nan()
            } else {
                (a - b).abs() <= tol * (1.0 + a.abs())
            };
            assert!(ok, "{name}: output {k}[{i}]: interpreter {a}, XLA {b}");
        }
    }
}

fn unary(name: &str, f: impl for<'a> Fn(Tensor<'a>) -> Tensor<'a>, lo: f64, hi: f64, tol: f64) {
    let mut rng = rand::rngs::StdRng::seed_from_u64(name.len() as u64);
    for dtype in [DType::F32, DType::F64] {
        let b = Builder::new();
        let x = b.input(Aval::new([3, 5], dtype));
        let g = b.finish(&[f(x)]).unwrap();
        check(
            name,
            &g,
            &[rand_array(&mut rng, &[3, 5], dtype, lo, hi)],
            tol,
        );
    }
}

fn binary(
    name: &str,
    f: impl for<'a> Fn(Tensor<'a>, Tensor<'a>) -> Tensor<'a>,
    lo: f64,
    hi: f64,
    tol: f64,
) {
    let mut rng = rand::rngs::StdRng::seed_from_u64(name.len() as u64 + 100);
    for dtype in [DType::F32, DType::F64, DType::I32] {
        if !dtype.is_float() && name == "pow" {
            continue;
        }
        let b = Builder::new();
        let x = b.input(Aval::new([4, 3], dtype));
        let y = b.input(Aval::new([4, 3], dtype));
        let g = b.finish(&[f(x, y)]).unwrap();
        let args = [
            rand_array(&mut rng, &[4, 3], dtype, lo, hi),
            rand_array(&mut rng, &[4, 3], dtype, lo, hi),
        ];
        check(&format!("{name} {dtype}"), &g, &args, tol);
    }
}

#[test]
fn elementwise_unary_primitives() {
    unary("neg", |x| -x, -3.0, 3.0, 0.0);
    unary("exp", |x| x.exp(), -3.0, 3.0, 1e-6);
    unary("log", |x| x.log(), 0.1, 5.0, 1e-6);
    unary("log1p", |x| x.log1p(), -0.5, 5.0, 1e-6);
    unary("tanh", |x| x.tanh(), -3.0, 3.0, 1e-6);
    unary("logistic", |x| x.logistic(), -6.0, 6.0, 1e-6);
    unary("sqrt", |x| x.sqrt(), 0.0, 9.0, 1e-6);
    unary("rsqrt", |x| x.rsqrt(), 0.1, 9.0, 1e-6);
    unary("abs", |x| x.abs(), -3.0, 3.0, 0.0);
    unary("sign", |x| x.sign(), -3.0, 3.0, 0.0);
    unary("stop_gradient", |x| x.stop_gradient() * 2.0, -3.0, 3.0, 0.0);
}

#[test]
fn elementwise_binary_primitives() {
    binary("add", |x, y| x + y, -5.0, 5.0, 0.0);
    binary("sub", |x, y| x - y, -5.0, 5.0, 0.0);
    binary("mul", |x, y| x * y, -5.0, 5.0, 0.0);
    binary("div", |x, y| x / (y.abs() + 1.0), -5.0, 5.0, 1e-6);
    binary("max", |x, y| x.max(y), -5.0, 5.0, 0.0);
    binary("min", |x, y| x.min(y), -5.0, 5.0, 0.0);
    binary("pow", |x, y| x.abs().pow(y), 0.5, 3.0, 1e-5);
}

/// Every entry of the elementwise tables (`UnaryOp::ALL`, `BinaryOp::ALL`),
/// emitted directly as a primitive, agrees between the interpreter and XLA
/// on operands in (0.2, 2), where every op is defined: a new op is tested
/// here without a new line.
#[test]
fn every_elementwise_table_entry_matches_xla() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    for dtype in [DType::F32, DType::F64] {
        for &op in UnaryOp::ALL {
            let b = Builder::new();
            let x = b.input(Aval::new([7], dtype));
            let g = b.finish(&[b.emit(Prim::Unary(op), &[x])]).unwrap();
            let args = [rand_array(&mut rng, &[7], dtype, 0.2, 2.0)];
            check(&format!("{} {dtype}", op.name()), &g, &args, 1e-5);
        }
        for &op in BinaryOp::ALL {
            let b = Builder::new();
            let x = b.input(Aval::new([7], dtype));
            let y = b.input(Aval::new([7], dtype));
            let g = b.finish(&[b.emit(Prim::Binary(op), &[x, y])]).unwrap();
            let args = [
                rand_array(&mut rng, &[7], dtype, 0.2, 2.0),
                rand_array(&mut rng, &[7], dtype, 0.2, 2.0),
            ];
            check(&format!("{} {dtype}", op.name()), &g, &args, 1e-5);
        }
    }
}

#[test]
fn compare_select_convert() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    for dir in [
        CmpDir::Eq,
        CmpDir::Ne,
        CmpDir::Lt,
        CmpDir::Le,
        CmpDir::Gt,
        CmpDir::Ge,
    ] {
        for dtype in [DType::F32, DType::I32, DType::U32] {
            let b = Builder::new();
            let x = b.input(Aval::new([6], dtype));
            let y = b.input(Aval::new([6], dtype));
            let c = x.compare(y, dir);
            let g = b.finish(&[c, c.select(x, y)]).unwrap();
            // Small integers make ties (Eq / Le / Ge) likely.
            let args = [
                rand_array(&mut rng, &[6], dtype, 0.0, 3.0),
                rand_array(&mut rng, &[6], dtype, 0.0, 3.0),
            ];
            check(&format!("compare {dir:?} {dtype}"), &g, &args, 0.0);
        }
    }
    for (from, to) in [
        (DType::F32, DType::I32),
        (DType::F32, DType::F64),
        (DType::F64, DType::F32),
        (DType::I32, DType::F32),
        (DType::F32, DType::BF16),
        (DType::BF16, DType::F32),
        (DType::Bool, DType::F32),
        (DType::U8, DType::F32),
    ] {
        let b = Builder::new();
        let x = b.input(Aval::new([5], from));
        let g = b.finish(&[x.convert(to)]).unwrap();
        // Integral-valued floats: float->int conversion rounding is not at stake.
        let args = [rand_array(&mut rng, &[5], from, 0.0, 1.0).clone()];
        let args = if from.is_float() {
            [HostArray::from_f64(
                vec![5],
                &[1.0, -2.0, 3.25, 0.5, 7.0],
                from,
            )]
        } else {
            args
        };
        check(&format!("convert {from}->{to}"), &g, &args, 0.0);
    }
}

#[test]
fn constants_iota_and_shape_primitives() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(11);
    let b = Builder::new();
    let x = b.input(Aval::new([2, 3, 4], DType::F32));
    let lit = b.constant(Literal {
        shape: vec![2, 3],
        dtype: DType::F32,
        values: LitValues::F64(vec![1.0, -2.5, 3.0, 0.125, 1e-3, -7.0]),
    });
    let outs = [
        lit,
        b.iota(&[3, 4], DType::I32, 1),
        b.iota(&[3, 4], DType::F32, 0),
        x.reshape(&[6, 4]),
        x.transpose(&[2, 0, 1]),
        x.reverse(&[0, 2]),
        x.slice(&[0, 1, 0], &[2, 3, 4], &[1, 1, 2]),
        x.pad(&[1, 0, -1], &[0, 2, 1], &[0, 1, 0], -9.0),
        b.concat(&[x, x * 2.0], 1),
        x.sum(&[0, 2]),
        x.reduce_max(&[1]),
        x.slice(&[0, 0, 0], &[1, 3, 1], &[1, 1, 1])
            .reshape(&[3])
            .broadcast_in_dim(&[2, 3, 5], &[1]),
    ];
    let g = b.finish(&outs).unwrap();
    check(
        "shape ops",
        &g,
        &[rand_array(&mut rng, &[2, 3, 4], DType::F32, -3.0, 3.0)],
        1e-6,
    );
}

#[test]
fn dot_general_with_batch_and_contracting_dims() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(13);
    let b = Builder::new();
    let x = b.input(Aval::new([2, 3, 4], DType::F32));
    let y = b.input(Aval::new([2, 4, 5], DType::F32));
    let m = b.input(Aval::new([4, 6], DType::F32));
    let batched = x.dot_general(y, &[0], &[0], &[2], &[1]);
    // Contract two dims at once with no batch: [2,3,4] x [2,4,5] over (0, 2) / (0, 1).
    let double = x.dot_general(y, &[], &[], &[0, 2], &[0, 1]);
    let g = b.finish(&[batched, double, x.matmul(m)]).unwrap();
    let args = [
        rand_array(&mut rng, &[2, 3, 4], DType::F32, -1.0, 1.0),
        rand_array(&mut rng, &[2, 4, 5], DType::F32, -1.0, 1.0),
        rand_array(&mut rng, &[4, 6], DType::F32, -1.0, 1.0),
    ];
    check("dot_general", &g, &args, 1e-5);
}

#[test]
fn convolution_variants() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(17);
    // (input shape, kernel shape, strides, padding, lhs dil, rhs dil, groups)
    type Case = (
        Vec<usize>,
        Vec<usize>,
        Vec<usize>,
        Vec<(i64, i64)>,
        Vec<usize>,
        Vec<usize>,
        usize,
    );
    let cases: Vec<Case> = vec![
        (
            vec![2, 6, 6, 3],
            vec![3, 3, 3, 4],
            vec![1, 1],
            vec![(1, 1), (1, 1)],
            vec![1, 1],
            vec![1, 1],
            1,
        ),
        (
            vec![1, 7, 5, 2],
            vec![3, 2, 2, 3],
            vec![2, 1],
            vec![(0, 1), (2, 0)],
            vec![1, 1],
            vec![1, 1],
            1,
        ),
        (
            vec![2, 5, 5, 4],
            vec![2, 2, 2, 6],
            vec![1, 1],
            vec![(0, 0), (0, 0)],
            vec![1, 1],
            vec![2, 1],
            2,
        ),
        (
            vec![1, 4, 4, 2],
            vec![3, 3, 2, 2],
            vec![1, 1],
            vec![(2, 2), (2, 2)],
            vec![2, 2],
            vec![1, 1],
            1,
        ),
    ];
    for (i, (xs, ks, st, pad, ld, rd, groups)) in cases.into_iter().enumerate() {
        let b = Builder::new();
        let x = b.input(Aval::new(xs.clone(), DType::F32));
        let k = b.input(Aval::new(ks.clone(), DType::F32));
        let y = x.conv_general(k, &st, &pad, &ld, &rd, groups, 1, ConvDims::nhwc_hwio());
        let g = b.finish(&[y]).unwrap();
        let args = [
            rand_array(&mut rng, &xs, DType::F32, -1.0, 1.0),
            rand_array(&mut rng, &ks, DType::F32, -1.0, 1.0),
        ];
        check(&format!("conv case {i}"), &g, &args, 1e-5);
    }
    // The per-example kernel-gradient form (docs/design.md, "Runtime facts and PJRT
    // pitfalls"): input as [Cin, H, W, B],
    // the output gradient as a [H', W', 1, B*Cout] kernel, feature_group_count = B.
    // And batch_group_count = 2 on a batch of 4 with 6 output features.
    let grouped: [(Vec<usize>, Vec<usize>, usize, usize); 2] = [
        (vec![3, 5, 5, 2], vec![3, 3, 1, 8], 2, 1),
        (vec![4, 5, 5, 3], vec![3, 3, 3, 6], 1, 2),
    ];
    for (xs, ks, fgc, bgc) in grouped {
        let b = Builder::new();
        let x = b.input(Aval::new(xs.clone(), DType::F32));
        let k = b.input(Aval::new(ks.clone(), DType::F32));
        let y = x.conv_general(
            k,
            &[1, 1],
            &[(0, 0), (0, 0)],
            &[1, 1],
            &[1, 1],
            fgc,
            bgc,
            ConvDims::nhwc_hwio(),
        );
        let g = b.finish(&[y]).unwrap();
        let args = [
            rand_array(&mut rng, &xs, DType::F32, -1.0, 1.0),
            rand_array(&mut rng, &ks, DType::F32, -1.0, 1.0),
        ];
        check(&format!("conv groups {fgc}/{bgc}"), &g, &args, 1e-5);
    }
}

#[test]
fn pooling() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(19);
    let b = Builder::new();
    let x = b.input(Aval::new([2, 6, 5, 3], DType::F32));
    let outs = [
        x.max_pool([2, 2], [2, 2], Padding::Valid),
        x.max_pool([3, 3], [2, 2], Padding::Same),
        x.avg_pool([2, 2], [2, 2], Padding::Valid),
        x.avg_pool([3, 3], [1, 1], Padding::Same),
    ];
    let g = b.finish(&outs).unwrap();
    check(
        "pooling",
        &g,
        &[rand_array(&mut rng, &[2, 6, 5, 3], DType::F32, -2.0, 2.0)],
        1e-6,
    );
}

#[test]
fn random_numbers_have_the_right_moments_on_xla() {
    // Bit patterns differ from the interpreter's generator by design, so compare
    // statistics: Uniform[0,1) has mean 1/2 and variance 1/12; N(0,1) has mean 0,
    // variance 1. n = 40000: standard errors 0.0014 (uniform mean) and 0.005.
    for dtype in [DType::F32, DType::F64] {
        let b = Builder::new();
        let key = b.input(Aval::new(KEY_SHAPE, KEY_DTYPE));
        let u = b.rng_uniform(key, &[200, 200], dtype);
        let z = b.rng_normal(key, &[200, 200], dtype);
        let g = b.finish(&[u, z]).unwrap();
        let prog = Program::compile(
            test_client(),
            &g,
            &LowerOptions::default(),
            &CompileOptions::default(),
        )
        .unwrap();
        let out = prog
            .run_host(&[HostArray::u32([4], vec![1, 2, 3, 4])])
            .unwrap();
        let moments = |v: &[f64]| {
            let n = v.len() as f64;
            let m = v.iter().sum::<f64>() / n;
            (
                m,
                v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (n - 1.0),
            )
        };
        let u = out[0].to_f64();
        assert!(u.iter().all(|&x| (0.0..1.0).contains(&x)));
        let (m, v) = moments(&u);
        assert!(
            (m - 0.5).abs() < 0.007 && (v - 1.0 / 12.0).abs() < 0.003,
            "{dtype} uniform {m} {v}"
        );
        let (m, v) = moments(&out[1].to_f64());
        assert!(
            m.abs() < 0.025 && (v - 1.0).abs() < 0.04,
            "{dtype} normal {m} {v}"
        );
        // A different key gives different samples.
        let other = prog
            .run_host(&[HostArray::u32([4], vec![1, 2, 3, 5])])
            .unwrap();
        assert_ne!(other[0].to_f64(), u);
    }
}

#[test]
fn donated_parameters_are_updated_in_place() {
    // p <- p - 0.5 * g with p donated to output 0.
    let b = Builder::new();
    let p = b.input(Aval::new([3], DType::F32));
    let gr = b.input(Aval::new([3], DType::F32));
    let g = b.finish(&[p - gr * 0.5]).unwrap();
    let opts = LowerOptions {
        donations: vec![(0, 0)],
        ..LowerOptions::default()
    };
    let mlir = dpxla_pjrt::lower::lower(&g, &opts).unwrap();
    assert!(mlir.contains("tf.aliasing_output = 0"));
    let client = test_client();
    let prog = Program::compile(client, &g, &opts, &CompileOptions::default()).unwrap();
    let pb = client
        .buffer_from_host(&[1.0f32, 2.0, 3.0], &[3], 0)
        .unwrap();
    let gb = client
        .buffer_from_host(&[2.0f32, 2.0, 2.0], &[3], 0)
        .unwrap();
    let out = prog.run(&[&pb, &gb]).unwrap();
    assert!(pb.is_deleted().unwrap());
    assert_eq!(out[0].to_host::<f32>().unwrap(), vec![0.0, 1.0, 2.0]);
    // A donation between different types is refused at lowering time.
    let bad = LowerOptions {
        donations: vec![(0, 1)],
        ..LowerOptions::default()
    };
    assert!(dpxla_pjrt::lower::lower(&g, &bad).is_err());
}

#[test]
fn named_arguments_appear_in_the_module_and_still_compile_and_run() {
    // Names with characters MLIR does not allow, a duplicate, and one that
    // looks like the emitter's own `%vN`.
    let b = Builder::new();
    let x = b.input(Aval::new([2], DType::F32));
    let y = b.input(Aval::new([2], DType::F32));
    let z = b.input(Aval::new([2], DType::F32));
    let g = b.finish(&[x * y + z]).unwrap();
    let opts = LowerOptions {
        arg_names: vec![
            "params.conv1/w".into(),
            "params.conv1/w".into(),
            "v0".into(),
        ],
        ..LowerOptions::default()
    };
    let mlir = dpxla_pjrt::lower::lower(&g, &opts).unwrap();
    assert!(mlir.contains("%params.conv1_w: tensor<2xf32>"), "{mlir}");
    assert!(mlir.contains("%params.conv1_w.1: tensor<2xf32>"), "{mlir}");
    assert!(mlir.contains("%arg_v0: tensor<2xf32>"), "{mlir}");
    let prog = Program::compile(test_client(), &g, &opts, &CompileOptions::default()).unwrap();
    let arr = |v: Vec<f32>| dpxla_core::array::HostArray::f32([2], v);
    let out = prog
        .run_host(&[
            arr(vec![1.0, 2.0]),
            arr(vec![3.0, 4.0]),
            arr(vec![0.5, 0.5]),
        ])
        .unwrap();
    assert_eq!(out[0].to_f64(), vec![3.5, 8.5]);
    let wrong = LowerOptions {
        arg_names: vec!["only_one".into()],
        ..LowerOptions::default()
    };
    assert!(dpxla_pjrt::lower::lower(&g, &wrong).is_err());
}

#[test]
fn select_and_scatter_max_routes_each_window_to_exactly_one_maximum() {
    // The StableHLO spec leaves the order in which a window is scanned to the
    // implementation (XLA:CPU does not always scan row-major), so with ties
    // the chosen maximum may differ from the interpreter's. What must hold:
    // every window's source value lands on exactly ONE position, inside the
    // window (never in the padding), holding the window's maximum. Sources are
    // distinct powers of two (exact in f64), so each output element decodes
    // into the set of windows that chose it. Small integers make ties common.
    let mut rng = rand::rngs::StdRng::seed_from_u64(23);
    let xshape = [1usize, 5, 4, 2];
    for (window, strides, padding) in [
        ([1, 2, 2, 1], [1, 2, 2, 1], [(0, 0), (0, 0), (0, 0), (0, 0)]),
        ([1, 3, 3, 1], [1, 1, 1, 1], [(0, 0), (1, 1), (1, 1), (0, 0)]),
        ([1, 3, 2, 1], [1, 2, 1, 1], [(0, 0), (0, 1), (1, 0), (0, 0)]),
    ] {
        let b = Builder::new();
        let x = b.input(Aval::new(xshape, DType::F64));
        let wp = WindowParams {
            window: window.to_vec(),
            strides: strides.to_vec(),
            padding: padding.to_vec(),
        };
        let pooled = Prim::ReduceWindow(ReduceOp::Max, wp.clone());
        let ys = dpxla_core::trace::abstract_eval(&pooled, &[x.aval()]).unwrap();
        assert!(ys.numel() <= 52);
        let src = b.input(ys.clone());
        let p = Prim::SelectAndScatterMax(wp.clone());
        let g = b.finish(&[b.emit(p, &[x, src])]).unwrap();
        let prog = Program::compile(
            test_client(),
            &g,
            &LowerOptions::default(),
            &CompileOptions::default(),
        )
        .unwrap();
        for _ in 0..20 {
            let xs: Vec<f64> = (0..40).map(|_| rng.gen_range(0..3) as f64).collect();
            let ss: Vec<f64> = (0..ys.numel()).map(|i| (1u64 << i) as f64).collect();
            let args = [
                HostArray::f64(xshape, xs.clone()),
                HostArray::f64(ys.shape.clone(), ss),
            ];
            let out = prog.run_host(&args).unwrap()[0].to_f64();
            let mut seen = vec![0; ys.numel()];
            for (j, &v) in out.iter().enumerate() {
                let mut bits = v as u64;
                assert_eq!(bits as f64, v, "output {j} = {v} is not a sum of sources");
                while bits != 0 {
                    let w = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    seen[w] += 1;
                    // Window w's in-bounds members and their maximum.
                    let o = unravel(w, &ys.shape);
                    let members: Vec<usize> = (0..window.iter().product::<usize>())
                        .filter_map(|k| {
                            let wi = unravel(k, &window);
                            let mut flat = 0;
                            for d in 0..4 {
                                let p = (o[d] * strides[d] + wi[d]) as i64 - padding[d].0;
                                if p < 0 || p >= xshape[d] as i64 {
                                    return None;
                                }
                                flat = flat * xshape[d] + p as usize;
                            }
                            Some(flat)
                        })
                        .collect();
                    let max = members.iter().map(|&m| xs[m]).fold(f64::MIN, f64::max);
                    assert!(
                        members.contains(&j) && xs[j] == max,
                        "{window:?}: window {w} chose {j} (value {}), not a maximum of {members:?}",
                        xs[j]
                    );
                }
            }
            assert!(
                seen.iter().all(|&n| n == 1),
                "{window:?}: windows chosen {seen:?} times"
            );
        }
        // Without ties the choice is unique: XLA equals the interpreter.
        for dtype in [DType::F32, DType::F64] {
            let b = Builder::new();
            let x = b.input(Aval::new(xshape, dtype));
            let src = b.input(Aval::new(ys.shape.clone(), dtype));
            let p = Prim::SelectAndScatterMax(wp.clone());
            let g = b.finish(&[b.emit(p, &[x, src])]).unwrap();
            let args = [
                rand_array(&mut rng, &xshape, dtype, -2.0, 2.0),
                rand_array(&mut rng, &ys.shape, dtype, -2.0, 2.0),
            ];
            check(
                &format!("select_and_scatter {window:?} {dtype}"),
                &g,
                &args,
                1e-6,
            );
        }
    }
}

fn unravel(mut i: usize, shape: &[usize]) -> Vec<usize> {
    let mut idx = vec![0; shape.len()];
    for d in (0..shape.len()).rev() {
        idx[d] = i % shape[d];
        i /= shape[d];
    }
    idx
}
