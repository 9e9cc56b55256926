//! Which tensors ghost norms and book-keeping reach, per model: every weight
//! of a dense layer or a convolution is a per-example contraction the ghost
//! pass can factor (convolutions through the patches form of their
//! per-example kernel gradient); biases and norm scales are materialised
//! (they are small). Equality of the results with the materialised ones is
//! checked in tests/differential.rs and tests/ghost_models.rs.

use dpxla::dp::bookkeeping::{plan, ClipMethod, TensorMethod};
use dpxla::nn::models::{CifarCnn, CnnTanh, Mlp};
use dpxla::nn::{per_example_grads, trace_example_loss, Model};
use dpxla::transform::ghost::factor_gradient;

fn methods(model: &dyn Model, method: ClipMethod) -> Vec<(String, TensorMethod)> {
    let loss = trace_example_loss(model).unwrap();
    let pe = per_example_grads(&loss, 4).unwrap();
    loss.params
        .iter()
        .map(|p| p.name.clone())
        .zip(plan(&pe, method))
        .collect()
}

#[test]
fn every_weight_matrix_and_kernel_is_factored() {
    for model in [
        &Mlp::mnist() as &dyn Model,
        &CnnTanh::mnist(),
        &CifarCnn::cifar10(),
    ] {
        let loss = trace_example_loss(model).unwrap();
        let pe = per_example_grads(&loss, 4).unwrap();
        for (k, p) in loss.params.iter().enumerate() {
            let factored = factor_gradient(&pe, k + 1).is_some();
            let weight = p.name.ends_with("/w");
            assert_eq!(
                factored,
                weight,
                "{}: {} factored = {factored}",
                model.name(),
                p.name
            );
        }
        for (name, m) in methods(model, ClipMethod::Bookkeeping) {
            let ghost = m != TensorMethod::Materialised;
            assert_eq!(ghost, name.ends_with("/w"), "{}: {name}: {m}", model.name());
        }
        assert!(methods(model, ClipMethod::Vmap)
            .iter()
            .all(|(_, m)| *m == TensorMethod::Materialised));
    }
}

#[test]
fn dense_weights_use_the_direct_norm_and_convs_the_cheaper_form() {
    // MLP: one position per example: ‖A‖²‖G‖², never materialised.
    for (name, m) in methods(&Mlp::mnist(), ClipMethod::Auto) {
        if name.ends_with("/w") {
            assert_eq!(m, TensorMethod::GhostDirect, "{name}");
        }
    }
    // The first conv of cnn_tanh (8x8 kernel, 1 -> 16 channels, stride 2 on
    // 28x28 padded by 3: 14x14 = 196 positions, a 64 x 16 gradient):
    // materialising it is cheaper than two 196² Gram matrices, and auto says so.
    let m = methods(&CnnTanh::mnist(), ClipMethod::Auto);
    let conv1 = m.iter().find(|(n, _)| n == "conv1/w").expect("conv1/w");
    assert_eq!(conv1.1, TensorMethod::Materialised);
}
