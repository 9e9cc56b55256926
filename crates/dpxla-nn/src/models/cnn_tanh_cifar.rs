//! `cnn_tanh_cifar`: the end-to-end CIFAR-10 CNN of Tramèr & Boneh 2021
//! ("Differentially private learning needs better features (or much more
//! data)", Table 9; from Papernot et al. 2021), tanh activations throughout:
//!
//! (conv 3x3 pad 1 → tanh) x 32, 32 → maxpool 2x2/2 →
//! (conv → tanh) x 64, 64 → maxpool → (conv → tanh) x 128, 128 → maxpool →
//! dense 128 → tanh → dense 10.
//!
//! On 32x32x3 inputs the last feature map is 4x4x128 (2048 features):
//! 550,570 parameters. Scopes (blocks for freezing): `conv1`..`conv6`,
//! `dense1`; head `dense2`. Weights use PyTorch's default initialisation, as
//! the reference code.

use crate::layers::{conv2d, dense, flatten};
use crate::{Model, NnOps, Padding, Params};
use dpxla_core::trace::Tensor;

pub struct CnnTanhCifar {
    /// `[H, W, C]` with H and W divisible by 8.
    pub input: Vec<usize>,
    pub classes: usize,
    /// Channels of the three conv pairs (32, 64, 128 in the paper).
    pub channels: [usize; 3],
    /// Width of the hidden dense layer (128).
    pub hidden: usize,
}

impl CnnTanhCifar {
    pub fn cifar10() -> CnnTanhCifar {
        CnnTanhCifar {
            input: vec![32, 32, 3],
            classes: 10,
            channels: [32, 64, 128],
            hidden: 128,
        }
    }
}

impl Model for CnnTanhCifar {
    fn name(&self) -> &str {
        "cnn_tanh_cifar"
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
        let pad1 = || Padding::Explicit(vec![(1, 1), (1, 1)]);
        let mut k = 0;
        for &c in &self.channels {
            for _ in 0..2 {
                k += 1;
                h = conv2d(&p.scope(&format!("conv{k}")), h, c, [3, 3], [1, 1], pad1()).tanh();
            }
            h = h.max_pool([2, 2], [2, 2], Padding::Valid);
        }
        let h = dense(&p.scope("dense1"), flatten(h), self.hidden).tanh();
        dense(&p.scope("dense2"), h, self.classes).reshape(&[self.classes])
    }
}
