//! The PJRT runtime against the real XLA CPU plugin, with StableHLO written by hand.

use dpxla_core::array::Bf16;
use dpxla_pjrt::runtime::{CompileOptions, PluginQuery};
use dpxla_pjrt::Error;
use dpxla_testkit::pjrt::{client_with, compile, test_client};

#[test]
fn batched_matmul_matches_host_arithmetic() {
    let client = test_client();
    let exe = compile(
        client,
        r#"
func.func @main(%a: tensor<2x3x4xf32>, %b: tensor<2x4x5xf32>) -> tensor<2x3x5xf32> {
  %0 = stablehlo.dot_general %a, %b, batching_dims = [0] x [0], contracting_dims = [2] x [1]
       : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}"#,
    );
    let a: Vec<f32> = (0..24).map(|i| (i as f32) * 0.5 - 3.0).collect();
    let b: Vec<f32> = (0..40).map(|i| ((i * 7) % 11) as f32 - 5.0).collect();
    let ba = client.buffer_from_host(&a, &[2, 3, 4], 0).unwrap();
    let bb = client.buffer_from_host(&b, &[2, 4, 5], 0).unwrap();
    let out = exe.execute(&[&ba, &bb]).unwrap();
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].dims(), &[2, 3, 5]);
    let got: Vec<f32> = out[0].to_host().unwrap();
    for n in 0..2 {
        for i in 0..3 {
            for j in 0..5 {
                let want: f32 = (0..4)
                    .map(|k| a[n * 12 + i * 4 + k] * b[n * 20 + k * 5 + j])
                    .sum();
                assert_eq!(got[n * 15 + i * 5 + j], want, "at [{n},{i},{j}]");
            }
        }
    }
}

#[test]
fn reduce_sum_and_max_over_an_axis() {
    let client = test_client();
    let exe = compile(
        client,
        r#"
func.func @main(%x: tensor<3x4xf64>) -> (tensor<3xf64>, tensor<4xf64>) {
  %zero = stablehlo.constant dense<0.0> : tensor<f64>
  %ninf = stablehlo.constant dense<0xFFF0000000000000> : tensor<f64>
  %s = stablehlo.reduce(%x init: %zero) applies stablehlo.add across dimensions = [1]
       : (tensor<3x4xf64>, tensor<f64>) -> tensor<3xf64>
  %m = stablehlo.reduce(%x init: %ninf) applies stablehlo.maximum across dimensions = [0]
       : (tensor<3x4xf64>, tensor<f64>) -> tensor<4xf64>
  return %s, %m : tensor<3xf64>, tensor<4xf64>
}"#,
    );
    // x = [[1,2,3,4],[5,6,7,8],[-1,-2,-3,-4]]: row sums 10, 26, -10; column
    // maxima are the middle row 5, 6, 7, 8.
    let x = [
        1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, -1.0, -2.0, -3.0, -4.0,
    ];
    let bx = client.buffer_from_host(&x, &[3, 4], 0).unwrap();
    let out = exe.execute(&[&bx]).unwrap();
    assert_eq!(out[0].to_host::<f64>().unwrap(), vec![10.0, 26.0, -10.0]);
    assert_eq!(out[1].to_host::<f64>().unwrap(), vec![5.0, 6.0, 7.0, 8.0]);
}

#[test]
fn rng_bit_generator_bits_look_uniform() {
    let client = test_client();
    let exe = compile(
        client,
        r#"
func.func @main(%state: tensor<2xui64>) -> (tensor<2xui64>, tensor<65536xui32>) {
  %s, %bits = stablehlo.rng_bit_generator %state, algorithm = THREE_FRY
       : (tensor<2xui64>) -> (tensor<2xui64>, tensor<65536xui32>)
  return %s, %bits : tensor<2xui64>, tensor<65536xui32>
}"#,
    );
    let state = client.buffer_from_host(&[42u64, 7u64], &[2], 0).unwrap();
    let out = exe.execute(&[&state]).unwrap();
    let new_state: Vec<u64> = out[0].to_host().unwrap();
    assert_ne!(new_state, vec![42, 7], "the state must advance");
    let bits: Vec<u32> = out[1].to_host().unwrap();
    let n = bits.len() as f64;
    // u = bits / 2^32 is Uniform[0,1): mean 1/2, variance 1/12. With n = 65536
    // the standard error of the mean is sqrt(1/12/n) ~ 0.00113; allow 5 of them.
    let u: Vec<f64> = bits.iter().map(|&b| b as f64 / 4294967296.0).collect();
    let mean = u.iter().sum::<f64>() / n;
    let var = u.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    assert!(
        (mean - 0.5).abs() < 5.0 * (1.0 / 12.0 / n).sqrt(),
        "mean {mean}"
    );
    assert!((var - 1.0 / 12.0).abs() < 0.003, "variance {var}");
    // Every bit position is set about half the time: binomial sd = sqrt(n)/2 = 128.
    for bit in 0..32 {
        let ones = bits.iter().filter(|&&b| b >> bit & 1 == 1).count() as f64;
        assert!(
            (ones - n / 2.0).abs() < 5.0 * 128.0,
            "bit {bit}: {ones} ones"
        );
    }
    // The same key gives the same bits (determinism is what makes a fixed debug
    // seed reproducible); a different key gives different bits.
    let again: Vec<u32> = exe.execute(&[&state]).unwrap()[1].to_host().unwrap();
    assert_eq!(again, bits);
    let other = client.buffer_from_host(&[43u64, 7u64], &[2], 0).unwrap();
    let other_bits: Vec<u32> = exe.execute(&[&other]).unwrap()[1].to_host().unwrap();
    assert_ne!(other_bits, bits);
}

#[test]
fn donated_input_is_consumed_and_output_is_right() {
    let client = test_client();
    let exe = compile(
        client,
        r#"
func.func @main(%acc: tensor<4xf32> {tf.aliasing_output = 0 : i32}, %g: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.add %acc, %g : tensor<4xf32>
  return %0 : tensor<4xf32>
}"#,
    );
    let acc = client
        .buffer_from_host(&[1.0f32, 2.0, 3.0, 4.0], &[4], 0)
        .unwrap();
    let g = client
        .buffer_from_host(&[10.0f32, 20.0, 30.0, 40.0], &[4], 0)
        .unwrap();
    let out = exe.execute(&[&acc, &g]).unwrap();
    assert_eq!(
        out[0].to_host::<f32>().unwrap(),
        vec![11.0, 22.0, 33.0, 44.0]
    );
    assert!(acc.is_deleted().unwrap(), "a donated buffer is consumed");
    assert!(!g.is_deleted().unwrap(), "a plain argument is not");
    assert!(
        acc.to_host::<f32>().is_err(),
        "reading a donated buffer fails"
    );
    // The output can be donated again: the accumulate-in-place loop of DP-SGD.
    let out2 = exe.execute(&[&out[0], &g]).unwrap();
    assert_eq!(
        out2[0].to_host::<f32>().unwrap(),
        vec![21.0, 42.0, 63.0, 84.0]
    );
}

#[test]
fn all_reduce_over_two_cpu_devices_gives_the_sum_on_both() {
    let client = client_with(2);
    assert_eq!(client.devices().len(), 2);
    let mlir = r#"
func.func @main(%x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = "stablehlo.all_reduce"(%x) ({
    ^bb0(%a: tensor<f32>, %b: tensor<f32>):
      %s = stablehlo.add %a, %b : tensor<f32>
      stablehlo.return %s : tensor<f32>
  }) {replica_groups = dense<[[0, 1]]> : tensor<1x2xi64>} : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}"#;
    let options = CompileOptions {
        num_replicas: 2,
        ..CompileOptions::default()
    };
    let exe = client.compile(mlir, &options).unwrap();
    assert_eq!(exe.num_devices(), 2);
    let x0 = client
        .buffer_from_host(&[1.0f32, 2.0, 3.0], &[3], 0)
        .unwrap();
    let x1 = client
        .buffer_from_host(&[10.0f32, 20.0, 30.0], &[3], 1)
        .unwrap();
    let out = exe.execute_replicated(&[vec![&x0], vec![&x1]]).unwrap();
    assert_eq!(out.len(), 2);
    for dev in &out {
        assert_eq!(dev[0].to_host::<f32>().unwrap(), vec![11.0, 22.0, 33.0]);
    }
    // Arguments for the wrong number of devices are an error, not a crash.
    assert!(exe.execute(&[&x0]).is_err());
}

#[test]
fn every_host_type_round_trips_through_a_program() {
    let client = test_client();
    let exe = compile(
        client,
        r#"
func.func @main(%a: tensor<3xf32>, %b: tensor<3xbf16>, %c: tensor<3xf64>, %d: tensor<3xi32>,
                %e: tensor<3xi64>, %f: tensor<3xui8>, %g: tensor<3xui32>, %h: tensor<3xi1>)
    -> (tensor<3xf32>, tensor<3xbf16>, tensor<3xf64>, tensor<3xi32>, tensor<3xi64>,
        tensor<3xui8>, tensor<3xui32>, tensor<3xi1>) {
  %h2 = stablehlo.not %h : tensor<3xi1>
  %d2 = stablehlo.negate %d : tensor<3xi32>
  return %a, %b, %c, %d2, %e, %f, %g, %h2 : tensor<3xf32>, tensor<3xbf16>, tensor<3xf64>,
    tensor<3xi32>, tensor<3xi64>, tensor<3xui8>, tensor<3xui32>, tensor<3xi1>
}"#,
    );
    let bf: Vec<Bf16> = [1.5f32, -2.0, 0.25]
        .iter()
        .map(|&x| Bf16::from_f32(x))
        .collect();
    let args = [
        client
            .buffer_from_host(&[1.5f32, -2.0, 3.25], &[3], 0)
            .unwrap(),
        client.buffer_from_host(&bf, &[3], 0).unwrap(),
        client
            .buffer_from_host(&[1e-300f64, 2.0, -3.0], &[3], 0)
            .unwrap(),
        client.buffer_from_host(&[1i32, -2, 3], &[3], 0).unwrap(),
        client
            .buffer_from_host(&[1i64 << 40, -2, 3], &[3], 0)
            .unwrap(),
        client.buffer_from_host(&[0u8, 128, 255], &[3], 0).unwrap(),
        client.buffer_from_host(&[u32::MAX, 0, 7], &[3], 0).unwrap(),
        client
            .buffer_from_host(&[true, false, true], &[3], 0)
            .unwrap(),
    ];
    let refs: Vec<_> = args.iter().collect();
    let out = exe.execute(&refs).unwrap();
    assert_eq!(out[0].to_host::<f32>().unwrap(), vec![1.5, -2.0, 3.25]);
    let b: Vec<f32> = out[1]
        .to_host::<Bf16>()
        .unwrap()
        .iter()
        .map(|x| x.to_f32())
        .collect();
    assert_eq!(b, vec![1.5, -2.0, 0.25]);
    assert_eq!(out[2].to_host::<f64>().unwrap(), vec![1e-300, 2.0, -3.0]);
    assert_eq!(out[3].to_host::<i32>().unwrap(), vec![-1, 2, -3]);
    assert_eq!(out[4].to_host::<i64>().unwrap(), vec![1 << 40, -2, 3]);
    assert_eq!(out[5].to_host::<u8>().unwrap(), vec![0, 128, 255]);
    assert_eq!(out[6].to_host::<u32>().unwrap(), vec![u32::MAX, 0, 7]);
    assert_eq!(out[7].to_host::<bool>().unwrap(), vec![false, true, false]);
    // Asking for the wrong host type is an error, not a reinterpretation.
    assert!(out[0].to_host::<i32>().is_err());
}

#[test]
fn invalid_mlir_returns_the_compiler_message() {
    let client = test_client();
    let err = client
        .compile(
            "func.func @main(%x: tensor<3xf32>) -> tensor<3xf32> {\n  %0 = stablehlo.frobnicate %x : tensor<3xf32>\n  return %0 : tensor<3xf32>\n}",
            &CompileOptions::default(),
        )
        .err()
        .expect("invalid MLIR must not compile");
    let msg = err.to_string();
    assert!(matches!(err, Error::Xla { .. }), "{msg}");
    assert!(
        msg.contains("frobnicate"),
        "message should name the bad op: {msg}"
    );
}

#[test]
fn type_mismatch_in_mlir_is_an_error_not_an_abort() {
    let client = test_client();
    let err = client.compile(
        "func.func @main(%x: tensor<3xf32>) -> tensor<4xf32> {\n  return %x : tensor<3xf32>\n}",
        &CompileOptions::default(),
    );
    assert!(err.is_err());
}

#[test]
fn wrong_plugin_paths_give_clear_errors() {
    let missing = PluginQuery {
        path: Some("/nonexistent/dir/not_a_plugin.so".into()),
        ..PluginQuery::cpu()
    };
    let msg = missing.load().err().expect("missing file").to_string();
    assert!(msg.contains("/nonexistent/dir/not_a_plugin.so"), "{msg}");
    assert!(msg.contains("does not exist"), "{msg}");

    // A real shared library that is not a PJRT plugin.
    let libm = [
        "/lib/x86_64-linux-gnu/libm.so.6",
        "/usr/lib/x86_64-linux-gnu/libm.so.6",
    ]
    .into_iter()
    .find(|p| std::path::Path::new(p).is_file());
    if let Some(libm) = libm {
        let not_pjrt = PluginQuery {
            path: Some(libm.into()),
            ..PluginQuery::cpu()
        };
        let msg = not_pjrt
            .load()
            .err()
            .expect("libm is no plugin")
            .to_string();
        assert!(msg.contains("GetPjrtApi"), "{msg}");
    }

    // A file that is not a shared library at all.
    let dir = std::env::temp_dir().join(format!("dpxla-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let junk = dir.join("junk.so");
    std::fs::write(&junk, b"not an ELF file").unwrap();
    let msg = PluginQuery {
        path: Some(junk.clone()),
        ..PluginQuery::cpu()
    }
    .load()
    .err()
    .expect("junk is no plugin")
    .to_string();
    assert!(msg.contains("dlopen failed"), "{msg}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn buffer_shape_mismatch_and_bad_device_are_errors() {
    let client = test_client();
    assert!(client.buffer_from_host(&[1.0f32, 2.0], &[3], 0).is_err());
    assert!(client.buffer_from_host(&[1.0f32], &[1], 99).is_err());
}

#[test]
fn client_reports_platform_and_devices() {
    let client = test_client();
    assert_eq!(client.platform_name().unwrap(), "cpu");
    assert_eq!(client.devices().len(), 1);
    assert_eq!(client.api().version().0, 0);
}
