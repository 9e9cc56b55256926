//! Non-finite per-example gradients (issue 10, item 6): an example whose
//! gradient is NaN or ∞, and a padded row holding NaN, contribute exactly zero
//! to the clipped sum. Before, a NaN norm gave a NaN clip weight and 0·NaN =
//! NaN made the whole update NaN: a membership signal outside the mechanism.

use dpxla_core::array::{ArrayData, HostArray};
use dpxla_dp::clip::{ClipMethod, ClipMode, Clipping};
use dpxla_dp::mechanism::DpMechanism;
use dpxla_nn::models::Mlp;
use dpxla_nn::optim::{Averaging, Optimizer};
use dpxla_testkit::pjrt::test_client;
use dpxla_train::train::engine::{Engine, EngineSpec};
use rand::{Rng, SeedableRng};

fn engine(mode: ClipMode, method: ClipMethod) -> Engine {
    let model = Mlp {
        input: vec![4, 4, 1],
        hidden: vec![8],
        classes: 3,
    };
    let optimizer = Optimizer::default();
    let averaging = Averaging::None;
    let clipping = Clipping::new(1.0, mode, method).unwrap();
    let mechanism = Some(DpMechanism::new(clipping, 1.0, 8.0).unwrap());
    let spec = EngineSpec::new(&model, mechanism, optimizer, averaging).unwrap();
    let state = spec.initial_state(3);
    Engine::new(test_client(), spec, &state).unwrap()
}

fn flat(arrays: &[HostArray]) -> Vec<f64> {
    arrays.iter().flat_map(|a| a.to_f64()).collect()
}

fn set_row(images: &mut HostArray, row: usize, value: f32) {
    if let ArrayData::F32(v) = &mut images.data {
        for x in &mut v[row * 16..(row + 1) * 16] {
            *x = value;
        }
    }
}

#[test]
fn non_finite_examples_and_padded_rows_contribute_exactly_zero() {
    // Every clipping method: materialised gradients, and book-keeping, whose
    // factors (activations, cotangents) of a non-finite row must be zeroed too.
    for (mode, method) in [
        (ClipMode::Flat, ClipMethod::Vmap),
        (ClipMode::PerLayer, ClipMethod::Vmap),
        (ClipMode::Flat, ClipMethod::Bookkeeping),
        (ClipMode::PerLayer, ClipMethod::Auto),
    ] {
        let mut rng = rand::rngs::StdRng::seed_from_u64(6);
        let images: Vec<f32> = (0..8 * 16).map(|_| rng.gen_range(-1.0..1.0)).collect();
        let clean = HostArray::f32([8, 4, 4, 1], images);
        let labels: Vec<i32> = (0..8).map(|i| i % 3).collect();
        // Rows 0..5 real, 6..7 padding.
        let mask: Vec<f32> = (0..8).map(|i| if i < 6 { 1.0 } else { 0.0 }).collect();

        // Reference: example 2 left out (masked), clean padding.
        let mut without = mask.clone();
        without[2] = 0.0;
        let mut a = engine(mode, method);
        a.accumulate(&clean, &labels, &without).unwrap();
        let want = flat(&a.accumulators().unwrap());
        assert!(want.iter().all(|x| x.is_finite()));

        // Example 2 real with a NaN image (so a NaN gradient), and of the two
        // padded rows one holds NaN and the other ∞.
        let mut bad = clean.clone();
        set_row(&mut bad, 2, f32::NAN);
        set_row(&mut bad, 6, f32::NAN);
        set_row(&mut bad, 7, f32::INFINITY);
        let mut b = engine(mode, method);
        let stats = b.accumulate(&bad, &labels, &mask).unwrap();
        let got = flat(&b.accumulators().unwrap());
        assert_eq!(
            got, want,
            "{mode:?}: the non-finite rows must add exactly zero"
        );
        assert!(
            stats.loss_sum.is_finite(),
            "{mode:?}: loss sum {}",
            stats.loss_sum
        );
        // The noisy update stays finite too.
        b.apply([1, 2, 3, 4], 0.1, 1, 6).unwrap();
        let params = flat(&b.state().unwrap().params);
        assert!(params.iter().all(|x| x.is_finite()), "{mode:?}: NaN update");
    }
}
