//! Per-example gradients through PJRT: vmap(value_and_grad(loss)) compiled by
//! XLA must equal a loop of single-example value_and_grad programs (also run by
//! XLA), for an MLP and a small CNN (conv + pool + dense).

use dpxla_core::trace::Tensor;

use dpxla_core::array::HostArray;
use dpxla_core::transform::value_and_grad;
use dpxla_nn::layers::{conv2d, dense, flatten};
use dpxla_nn::{
    init_params, models::Mlp, per_example_grads, trace_example_loss, Model, NnOps, Padding, Params,
};
use dpxla_pjrt::lower::LowerOptions;
use dpxla_pjrt::program::Program;
use dpxla_pjrt::runtime::CompileOptions;
use dpxla_testkit::pjrt::test_client;
use rand::{Rng, SeedableRng};

/// conv 3x3 (4 channels) → relu → maxpool 2x2 → conv 2x2 (3) → avgpool → dense.
struct SmallCnn;

impl Model for SmallCnn {
    fn name(&self) -> &str {
        "small_cnn"
    }
    fn input_shape(&self) -> Vec<usize> {
        vec![8, 8, 2]
    }
    fn num_classes(&self) -> usize {
        3
    }
    fn logits<'b>(&self, p: &Params<'b>, x: Tensor<'b>) -> Tensor<'b> {
        let x = x.reshape(&[1, 8, 8, 2]);
        let h = conv2d(&p.scope("c1"), x, 4, [3, 3], [1, 1], Padding::Same).relu();
        let h = h.max_pool([2, 2], [2, 2], Padding::Valid);
        let h = conv2d(&p.scope("c2"), h, 3, [2, 2], [1, 1], Padding::Valid).tanh();
        let h = h.avg_pool([2, 2], [1, 1], Padding::Valid);
        let h = flatten(h);
        dense(&p.scope("out"), h, 3).reshape(&[3])
    }
}

fn check_model(model: &dyn Model, batch: usize, seed: u64) {
    let client = test_client();
    let loss = trace_example_loss(model).unwrap();
    let params = init_params(&loss.params, seed);
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let per_ex: usize = loss.input_shape.iter().product();
    let images: Vec<f32> = (0..batch * per_ex)
        .map(|_| rng.gen_range(-1.0..1.0))
        .collect();
    let labels: Vec<i32> = (0..batch)
        .map(|_| rng.gen_range(0..loss.num_classes as i32))
        .collect();

    let mut img_shape = vec![batch];
    img_shape.extend(&loss.input_shape);
    let g = per_example_grads(&loss, batch).unwrap();
    let prog = Program::compile(
        client,
        &g,
        &LowerOptions::default(),
        &CompileOptions::default(),
    )
    .unwrap();
    let mut args: Vec<HostArray> = params.iter().map(|(_, a)| a.clone()).collect();
    args.push(HostArray::f32(img_shape, images.clone()));
    args.push(HostArray::i32([batch], labels.clone()));
    let batched = prog.run_host(&args).unwrap();
    assert_eq!(batched.len(), 1 + params.len());

    let n = params.len();
    let single = value_and_grad(&loss.graph, &(0..n).collect::<Vec<_>>()).unwrap();
    let one = Program::compile(
        client,
        &single,
        &LowerOptions::default(),
        &CompileOptions::default(),
    )
    .unwrap();
    for i in 0..batch {
        let mut args: Vec<HostArray> = params.iter().map(|(_, a)| a.clone()).collect();
        args.push(HostArray::f32(
            loss.input_shape.clone(),
            images[i * per_ex..(i + 1) * per_ex].to_vec(),
        ));
        args.push(HostArray::i32(Vec::<usize>::new(), vec![labels[i]]));
        let out = one.run_host(&args).unwrap();
        for (k, (b, s)) in batched.iter().zip(&out).enumerate() {
            let b = b.to_f64();
            let s = s.to_f64();
            let m = s.len();
            assert_eq!(b.len(), batch * m, "output {k} size");
            for j in 0..m {
                let (x, y) = (b[i * m + j], s[j]);
                assert!(
                    (x - y).abs() <= 1e-4 * (1.0 + y.abs()),
                    "{}: output {k} example {i} [{j}]: vmapped {x}, single {y}",
                    model.name()
                );
            }
        }
    }
    // Losses are positive and the gradients are not all zero (the check above is
    // not vacuous).
    assert!(batched[0].to_f64().iter().all(|&l| l > 0.0));
    assert!(batched[1..]
        .iter()
        .any(|g| g.to_f64().iter().any(|&v| v.abs() > 1e-6)));
}

#[test]
fn mlp_per_example_gradients_equal_a_loop() {
    let mlp = Mlp {
        input: vec![6, 6, 1],
        hidden: vec![16, 8],
        classes: 4,
    };
    check_model(&mlp, 5, 1);
}

#[test]
fn cnn_per_example_gradients_equal_a_loop() {
    check_model(&SmallCnn, 4, 2);
}
