//! `cifar_cnn`: the 4-conv CIFAR-10 net of Opacus's `examples/cifar10.py`,
//! also the model of the dp-imagenet / Opacus DP-SGD speed benchmarks
//! (docs/design.md, "Reference numbers (published)"):
//!
//! conv 32 → relu → avgpool 2x2/2 → conv 64 → relu → avgpool →
//! conv 64 → relu → avgpool → conv 128 → relu → global avgpool → dense 10,
//!
//! every conv 3x3, stride 1, padding 1, with bias (PyTorch default
//! initialisation). 131,466 parameters for 10 classes, for any input size
//! (the global pool makes the head size-independent). Scopes (blocks for
//! freezing): `conv1`..`conv4`; head `head`.

use crate::layers::{conv2d, dense, global_avg_pool};
use crate::{Model, NnOps, Padding, Params};
use dpxla_core::trace::Tensor;

pub struct CifarCnn {
    pub input: Vec<usize>,
    pub classes: usize,
    /// Channels of the four convolutions (32, 64, 64, 128).
    pub channels: [usize; 4],
}

impl CifarCnn {
    pub fn cifar10() -> CifarCnn {
        CifarCnn {
            input: vec![32, 32, 3],
            classes: 10,
            channels: [32, 64, 64, 128],
        }
    }
}

impl Model for CifarCnn {
    fn name(&self) -> &str {
        "cifar_cnn"
    }
    fn input_shape(&self) -> Vec<usize> {
        self.input.clone()
    }
    fn num_classes(&self) -> usize {
        self.classes
    }
    fn logits<'b>(&self, p: &Params<'b>, x: Tensor<'b>) -> Tensor<'b> {
        let mut s = vec![1];
        s.extend(&self.input);
        let mut h = x.reshape(&s);
        for (i, &c) in self.channels.iter().enumerate() {
            let pad1 = Padding::Explicit(vec![(1, 1), (1, 1)]);
            h = conv2d(
                &p.scope(&format!("conv{}", i + 1)),
                h,
                c,
                [3, 3],
                [1, 1],
                pad1,
            )
            .relu();
            if i + 1 < self.channels.len() {
                h = h.avg_pool([2, 2], [2, 2], Padding::Valid);
            }
        }
        dense(&p.scope("head"), global_avg_pool(h), self.classes).reshape(&[self.classes])
    }
}
