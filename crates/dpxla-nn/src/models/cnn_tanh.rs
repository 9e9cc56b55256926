//! `cnn_tanh`: the small DP CNN of Papernot et al. 2021 ("Tempered sigmoid
//! activations for deep learning with differential privacy") used by Tramèr &
//! Boneh 2021 for MNIST / Fashion-MNIST (86.0% end-to-end on Fashion-MNIST at
//! ε = 3), with tanh activations:
//!
//! conv 16 8x8 stride 2 pad 3 → tanh → maxpool 2x2 stride 1 →
//! conv 32 4x4 stride 2 valid → tanh → maxpool 2x2 stride 1 →
//! dense 32 → tanh → dense 10.
//!
//! On 28x28x1 inputs the feature maps are 14x14x16, 13x13x16, 5x5x32, 4x4x32:
//! 26,010 parameters. Scopes (blocks for freezing): `conv1`, `conv2`,
//! `dense1`; head `dense2`. For 32x32x3 inputs see `cnn_tanh_cifar`.

use crate::layers::{conv2d, dense, flatten};
use crate::{Model, NnOps, Padding, Params};
use dpxla_core::trace::Tensor;

pub struct CnnTanh {
    pub input: Vec<usize>,
    pub classes: usize,
}

impl CnnTanh {
    pub fn mnist() -> CnnTanh {
        CnnTanh {
            input: vec![28, 28, 1],
            classes: 10,
        }
    }
}

impl Model for CnnTanh {
    fn name(&self) -> &str {
        "cnn_tanh"
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
        let x = x.reshape(&s);
        let pad3 = Padding::Explicit(vec![(3, 3), (3, 3)]);
        let h = conv2d(&p.scope("conv1"), x, 16, [8, 8], [2, 2], pad3).tanh();
        let h = h.max_pool([2, 2], [1, 1], Padding::Valid);
        let h = conv2d(&p.scope("conv2"), h, 32, [4, 4], [2, 2], Padding::Valid).tanh();
        let h = h.max_pool([2, 2], [1, 1], Padding::Valid);
        let h = flatten(h);
        let h = dense(&p.scope("dense1"), h, 32).tanh();
        let logits = dense(&p.scope("dense2"), h, self.classes);
        logits.reshape(&[self.classes])
    }
}
