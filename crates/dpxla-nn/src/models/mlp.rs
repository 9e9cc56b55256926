//! `mlp`: 784-512-512-10 with ReLU (the per-example-gradient benchmark model of
//! docs/design.md, "Runtime facts and PJRT pitfalls"): 669,706 parameters.
//! Scopes (blocks for freezing): `dense1`, `dense2`; head `dense3`.

use crate::layers::dense;
use crate::{Model, NnOps, Params};
use dpxla_core::trace::Tensor;

pub struct Mlp {
    pub input: Vec<usize>,
    pub hidden: Vec<usize>,
    pub classes: usize,
}

impl Mlp {
    /// 28x28x1 images, two hidden layers of 512, 10 classes.
    pub fn mnist() -> Mlp {
        Mlp {
            input: vec![28, 28, 1],
            hidden: vec![512, 512],
            classes: 10,
        }
    }
}

impl Model for Mlp {
    fn name(&self) -> &str {
        "mlp"
    }
    fn input_shape(&self) -> Vec<usize> {
        self.input.clone()
    }
    fn num_classes(&self) -> usize {
        self.classes
    }
    fn logits<'b>(&self, p: &Params<'b>, x: Tensor<'b>) -> Tensor<'b> {
        let n: usize = self.input.iter().product();
        let mut h = x.reshape(&[n]);
        for (i, &width) in self.hidden.iter().enumerate() {
            h = dense(&p.scope(&format!("dense{}", i + 1)), h, width).relu();
        }
        dense(
            &p.scope(&format!("dense{}", self.hidden.len() + 1)),
            h,
            self.classes,
        )
    }
}
