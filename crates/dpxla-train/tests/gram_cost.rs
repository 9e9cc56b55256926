//! The f64 Gram weight per platform (`train::config::gram_cost`): which
//! tensors `clipping_method = "auto"` gives the Gram form follows the
//! platform's f64 rate, the rounding charge follows the same choice, and the
//! CPU's choice is unchanged.

use dpxla_core::transform::ghost::GRAM_F64_COST;
use dpxla_dp::bookkeeping::{plan, plan_at, RoundingCharge, TensorMethod};
use dpxla_dp::clip::{ClipMethod, Clipping};
use dpxla_nn::models::{CifarCnn, CnnTanh, CnnTanhCifar};
use dpxla_nn::{per_example_grads, trace_example_loss, Model};
use dpxla_pjrt::runtime::Platform;
use dpxla_train::train::config::gram_cost::gram_f64_cost;

fn grams(m: &[TensorMethod]) -> usize {
    m.iter().filter(|t| **t == TensorMethod::GhostGram).count()
}

#[test]
fn the_auto_choice_and_its_rounding_charge_follow_the_platforms_f64_rate() {
    let cpu = gram_f64_cost(Platform::Cpu, None);
    let h100 = gram_f64_cost(Platform::Cuda, Some("NVIDIA H100 80GB HBM3"));
    let geforce = gram_f64_cost(Platform::Cuda, Some("NVIDIA GeForce RTX 4090"));
    assert_eq!(cpu, GRAM_F64_COST);
    let mut flipped = 0;
    for model in [
        &CnnTanh::mnist() as &dyn Model,
        &CifarCnn::cifar10(),
        &CnnTanhCifar::cifar10(),
    ] {
        let loss = trace_example_loss(model).unwrap();
        let pe = per_example_grads(&loss, 4).unwrap();
        // The CPU's choice is the one before the weight was a parameter.
        assert_eq!(
            plan_at(&pe, ClipMethod::Auto, cpu),
            plan(&pe, ClipMethod::Auto)
        );
        let (fast, mid, slow) = (
            plan_at(&pe, ClipMethod::Auto, h100),
            plan_at(&pe, ClipMethod::Auto, cpu),
            plan_at(&pe, ClipMethod::Auto, geforce),
        );
        // Cheaper f64 never means fewer Gram forms.
        assert!(
            grams(&fast) >= grams(&mid) && grams(&mid) >= grams(&slow),
            "{}: {} {} {}",
            model.name(),
            grams(&fast),
            grams(&mid),
            grams(&slow)
        );
        flipped += grams(&fast) - grams(&slow);
        // Only Auto consults the weight.
        assert_eq!(
            plan_at(&pe, ClipMethod::Bookkeeping, geforce),
            plan_at(&pe, ClipMethod::Bookkeeping, h100)
        );
        // The rounding charge is over the tensors the programs give the
        // Gram form, so it follows the same weight.
        let clipping = |w: f64| {
            Clipping::flat(1.0)
                .unwrap()
                .with_coupled_examples(255)
                .with_gram_f64_cost(w)
                .unwrap()
        };
        let (c_fast, c_slow) = (
            RoundingCharge::of(&pe, &clipping(h100)).per_example,
            RoundingCharge::of(&pe, &clipping(geforce)).per_example,
        );
        assert!(c_fast >= c_slow, "{}: {c_fast} < {c_slow}", model.name());
        if grams(&fast) > grams(&slow) {
            assert!(c_fast > c_slow, "{}", model.name());
        }
    }
    assert!(
        flipped > 0,
        "no tensor changed its method between the platforms"
    );
    assert!(Clipping::flat(1.0)
        .unwrap()
        .with_gram_f64_cost(0.0)
        .is_err());
    assert!(Clipping::flat(1.0)
        .unwrap()
        .with_gram_f64_cost(f64::NAN)
        .is_err());
}
