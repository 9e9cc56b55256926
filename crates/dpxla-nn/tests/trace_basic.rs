//! Builder, shape errors, printer and interpreter on small literal cases.

use dpxla_core::array::{DType, HostArray};
use dpxla_core::trace::*;
use dpxla_nn::{NnOps, Padding};

fn f64s(a: &HostArray) -> Vec<f64> {
    a.to_f64()
}

#[test]
fn square_at_three_is_nine() {
    let b = Builder::new();
    let x = b.input(Aval::scalar(DType::F64));
    let y = x * x + 1.0; // 3² + 1 = 10
    let g = b.finish(&[y]).unwrap();
    verify(&g).unwrap();
    let out = eval(&g, &[HostArray::scalar(3.0, DType::F64)]).unwrap();
    assert_eq!(f64s(&out[0]), vec![10.0]);
}

#[test]
fn matmul_plus_bias_relu() {
    // [1 2; 3 4] · [1; -1] = [-1; -1], + [0.5] → [-0.5; -0.5], relu → 0.
    // [1 2; 3 4] · [2; 1]  = [4; 10],  + [0.5] → [4.5; 10.5].
    let b = Builder::new();
    let x = b.input(Aval::new([2, 2], DType::F32));
    let w = b.input(Aval::new([2, 2], DType::F32));
    let bias = b.input(Aval::new([2], DType::F32));
    let y = (x.matmul(w) + bias).relu();
    let g = b.finish(&[y]).unwrap();
    let out = eval(
        &g,
        &[
            HostArray::f32([2, 2], vec![1., 2., 3., 4.]),
            HostArray::f32([2, 2], vec![1., 2., -1., 1.]),
            HostArray::f32([2], vec![0.5, 0.5]),
        ],
    )
    .unwrap();
    assert_eq!(f64s(&out[0]), vec![0.0, 4.5, 0.0, 10.5]);
}

#[test]
fn shape_mismatch_reports_op_shapes_and_location() {
    let b = Builder::new();
    let x = b.input(Aval::new([2, 3], DType::F32));
    let w = b.input(Aval::new([4, 5], DType::F32));
    let line = line!() + 1;
    let y = x.matmul(w);
    let z = y.exp(); // continues on a placeholder
    let e = b.finish(&[z]).unwrap_err().to_string();
    assert!(e.contains("dot_general"), "{e}");
    assert!(e.contains("f32[2,3]") && e.contains("f32[4,5]"), "{e}");
    assert!(e.contains(&format!("trace_basic.rs:{line}")), "{e}");
}

#[test]
fn bad_axis_is_reported() {
    let b = Builder::new();
    let x = b.input(Aval::new([2, 3], DType::F32));
    let y = x.sum(&[2]);
    let e = b.finish(&[y]).unwrap_err().to_string();
    assert!(e.contains("reduce_sum") && e.contains("f32[2,3]"), "{e}");
}

#[test]
fn broadcasting_binary_ops() {
    // [[1],[2]] + [10, 20, 30] = [[11,21,31],[12,22,32]]
    let b = Builder::new();
    let x = b.input(Aval::new([2, 1], DType::F64));
    let y = b.input(Aval::new([3], DType::F64));
    let g = b.finish(&[x + y]).unwrap();
    verify(&g).unwrap();
    let out = eval(
        &g,
        &[
            HostArray::f64([2, 1], vec![1., 2.]),
            HostArray::f64([3], vec![10., 20., 30.]),
        ],
    )
    .unwrap();
    assert_eq!(out[0].shape, vec![2, 3]);
    assert_eq!(f64s(&out[0]), vec![11., 21., 31., 12., 22., 32.]);
}

#[test]
fn pretty_printer_is_jaxpr_like() {
    let b = Builder::new();
    let x = b.input(Aval::new([3], DType::F32));
    let y = (x * x).sum(&[0]);
    let s = b.finish(&[y]).unwrap().to_string();
    assert!(s.starts_with("{ lambda a:f32[3] ;"), "{s}");
    assert!(s.contains("b:f32[3] = mul a a"), "{s}");
    assert!(s.contains("reduce_sum[axes=[0]]"), "{s}");
    assert!(s.ends_with("in ( c ) }"), "{s}");
}

#[test]
fn log_softmax_and_one_hot() {
    // log_softmax([0, ln 3]) = [ln(1/4), ln(3/4)]; one_hot(1, 3) = [0, 1, 0].
    let b = Builder::new();
    let x = b.input(Aval::new([2], DType::F64));
    let l = b.input(Aval::scalar(DType::I32));
    let g = b
        .finish(&[x.log_softmax(0), l.one_hot(3, DType::F32)])
        .unwrap();
    let out = eval(
        &g,
        &[
            HostArray::f64([2], vec![0.0, 3f64.ln()]),
            HostArray::i32([], vec![1]),
        ],
    )
    .unwrap();
    let ls = f64s(&out[0]);
    assert!((ls[0] - 0.25f64.ln()).abs() < 1e-12 && (ls[1] - 0.75f64.ln()).abs() < 1e-12);
    assert_eq!(f64s(&out[1]), vec![0., 1., 0.]);
}

#[test]
fn conv_ones_counts_window_and_padding() {
    // 3x3 ones input, 2x2 ones kernel, SAME padding (pad high by 1):
    // interior windows see 4 ones, the last row/col 2, the corner 1.
    let b = Builder::new();
    let x = b.input(Aval::new([1, 3, 3, 1], DType::F64));
    let k = b.input(Aval::new([2, 2, 1, 1], DType::F64));
    let y = x.conv2d(k, [1, 1], Padding::Same);
    let g = b.finish(&[y]).unwrap();
    let out = eval(
        &g,
        &[
            HostArray::f64([1, 3, 3, 1], vec![1.; 9]),
            HostArray::f64([2, 2, 1, 1], vec![1.; 4]),
        ],
    )
    .unwrap();
    assert_eq!(f64s(&out[0]), vec![4., 4., 2., 4., 4., 2., 2., 2., 1.]);
}

#[test]
fn pools() {
    // [[1,2],[3,4]] → max 4, average 2.5.
    let b = Builder::new();
    let x = b.input(Aval::new([1, 2, 2, 1], DType::F64));
    let g = b
        .finish(&[
            x.max_pool([2, 2], [2, 2], Padding::Valid),
            x.avg_pool([2, 2], [1, 1], Padding::Same),
        ])
        .unwrap();
    let out = eval(&g, &[HostArray::f64([1, 2, 2, 1], vec![1., 2., 3., 4.])]).unwrap();
    assert_eq!(f64s(&out[0]), vec![4.]);
    // SAME avg with 2x2 windows: (1+2+3+4)/4, (2+4)/2, (3+4)/2, 4/1.
    assert_eq!(f64s(&out[1]), vec![2.5, 3., 3.5, 4.]);
}

#[test]
fn f32_rounding_and_int_wrap() {
    // 0.1 rounds to the nearest f32; u32 wraps: 4294967295 + 1 = 0.
    let b = Builder::new();
    let x = b.input(Aval::scalar(DType::F32));
    let u = b.input(Aval::scalar(DType::U32));
    let g = b.finish(&[x * 1.0, u + 1.0]).unwrap();
    let out = eval(
        &g,
        &[
            HostArray::scalar(0.1, DType::F32),
            HostArray::u32([], vec![u32::MAX]),
        ],
    )
    .unwrap();
    assert_eq!(f64s(&out[0]), vec![0.1f32 as f64]);
    assert_eq!(f64s(&out[1]), vec![0.0]);
}

#[test]
fn rng_statistics() {
    let b = Builder::new();
    let k = b.input(Aval::new([4], DType::U32));
    let g = b
        .finish(&[
            b.rng_uniform(k, &[20000], DType::F32),
            b.rng_normal(k, &[20000], DType::F64),
        ])
        .unwrap();
    let out = eval(&g, &[HostArray::u32([4], vec![1, 2, 3, 4])]).unwrap();
    let u = f64s(&out[0]);
    let n = f64s(&out[1]);
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let var = |v: &[f64]| {
        let m = mean(v);
        v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / v.len() as f64
    };
    assert!(u.iter().all(|x| (0.0..1.0).contains(x)));
    assert!((mean(&u) - 0.5).abs() < 0.01 && (var(&u) - 1.0 / 12.0).abs() < 0.005);
    assert!(mean(&n).abs() < 0.03 && (var(&n) - 1.0).abs() < 0.05);
}

#[test]
fn verify_rejects_ill_formed_graphs() {
    let b = Builder::new();
    let x = b.input(Aval::new([2], DType::F32));
    let g = b.finish(&[x.exp()]).unwrap();
    // Use before definition.
    let mut bad = g.clone();
    bad.eqns[0].inputs[0] = bad.eqns[0].out;
    assert!(verify(&bad).is_err());
    // Declared aval disagrees with abstract_eval.
    let mut bad = g.clone();
    bad.avals[1] = Aval::new([3], DType::F32);
    assert!(verify(&bad).unwrap_err().to_string().contains("exp"));
    // Undefined output.
    let mut bad = g;
    bad.outputs[0] = Var(7);
    assert!(verify(&bad).is_err());
}

#[test]
fn call_inlines_and_checks_arguments() {
    let inner = {
        let b = Builder::new();
        let x = b.input(Aval::new([2], DType::F64));
        b.finish(&[x * 2.0]).unwrap()
    };
    let b = Builder::new();
    let y = b.input(Aval::new([2], DType::F64));
    let z = b.call(&inner, &[y])[0] + 1.0; // 2y + 1
    let g = b.finish(&[z]).unwrap();
    let out = eval(&g, &[HostArray::f64([2], vec![1., 2.])]).unwrap();
    assert_eq!(out[0].to_f64(), vec![3., 5.]);
    let b = Builder::new();
    let w = b.input(Aval::new([3], DType::F64));
    let r = b.call(&inner, &[w]);
    let e = b.finish(&r).unwrap_err().to_string();
    assert!(e.contains("call") && e.contains("f64[3]"), "{e}");
}
