//! The engine's compiled programs alias no buffers (issue 10, item 12): buffer
//! donation between programs gave stale reads on the CPU plugin (see
//! `Engine::new`), and a stale accumulator would count one logical batch's
//! examples in the next, breaking the sensitivity bound. Until a test proves
//! donation safe, no program may carry `tf.aliasing_output`.

use dpxla_dp::clip::{ClipMode, Clipping};
use dpxla_dp::mechanism::DpMechanism;
use dpxla_nn::models::Mlp;
use dpxla_nn::optim::{Averaging, Optimizer};
use dpxla_testkit::pjrt::test_client;
use dpxla_train::train::engine::{Engine, EngineSpec};

#[test]
fn no_compiled_program_donates_a_buffer() {
    for private in [true, false] {
        let optimizer = Optimizer::default();
        let averaging = Averaging::Ema {
            decay: 0.9,
            warmup: false,
        };
        let clipping =
            Clipping::new(1.0, ClipMode::Flat, dpxla_dp::clip::ClipMethod::Auto).unwrap();
        let mechanism = private.then(|| DpMechanism::new(clipping, 1.0, 8.0).unwrap());
        let model = Mlp {
            input: vec![4, 4, 1],
            hidden: vec![8],
            classes: 3,
        };
        let spec = EngineSpec::new(&model, mechanism, optimizer, averaging).unwrap();
        let state = spec.initial_state(1);
        let mut e = Engine::new(test_client(), spec, &state).unwrap();
        e.prepare(8).unwrap();
        e.prepare(16).unwrap();
        let texts = e.compiled_mlir();
        assert_eq!(texts.len(), 5, "apply + 2 accumulate + 2 evaluate");
        for t in texts {
            assert!(!t.contains("aliasing_output"), "a program donates:\n{t}");
        }
    }
}
