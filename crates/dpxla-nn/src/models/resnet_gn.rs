//! `resnet18_gn`, `resnet50_gn`: ResNets (He et al. 2016) for 224x224 ImageNet
//! with every BatchNorm replaced by GroupNorm with 32 groups (Wu & He 2018),
//! the models Kurakin et al. 2022 ("Toward training at ImageNet scale with
//! differential privacy", §3) train with DP-SGD. The layout is torchvision's
//! (v1.5: the stride of a bottleneck sits on its 3x3 convolution), so its
//! parameter names map one to one onto a torchvision state_dict (see
//! `nn::transfer`):
//!
//! - stem: conv 7x7/2 (pad 3) → GN → relu → maxpool 3x3/2 (pad 1);
//! - 4 stages of basic blocks (ResNet-18: 2, 2, 2, 2; 64..512 channels) or
//!   bottlenecks (ResNet-50: 3, 4, 6, 3; 256..2048 channels), the first block
//!   of stages 2–4 with stride 2; a block whose shape changes projects its
//!   skip with conv 1x1 (stride) → GN;
//! - global average pool → dense (the classifier).
//!
//! Convolutions have no bias (the GN offset follows) and He-normal weights
//! (He et al. 2015, fan-in, truncated at 2σ); GN scale 1, offset 0; the
//! classifier uses PyTorch's `nn.Linear` default. GroupNorm has exactly as many
//! parameters as BatchNorm, so the counts equal torchvision's: ResNet-18
//! 11,689,512 and ResNet-50 25,557,032 for 1000 classes. Zero-initialising
//! the last GN scale of each residual branch (Goyal et al. 2017) is available
//! as `zero_init_residual` and off by default, as in torchvision.
//!
//! Scopes: `stem`, `block01`..`block08` (ResNet-18) or `block01`..`block16`
//! (ResNet-50), one per residual block in order (the blocks counted by
//! `Freeze::FirstBlocks`), and the head `head`.

use crate::init::Init;
use crate::layers::{
    conv2d_no_bias, dense, global_avg_pool, group_norm, group_norm_init, torch_pad, GN_EPS,
};
use crate::{Model, NnOps, Params};
use dpxla_core::trace::Tensor;

pub struct ResNetGn {
    pub name: String,
    /// Residual blocks per stage.
    pub stage_blocks: Vec<usize>,
    /// Bottleneck blocks (expansion 4) instead of basic blocks.
    pub bottleneck: bool,
    /// Channels of the stem and the first stage (64).
    pub width: usize,
    /// GroupNorm groups (32).
    pub groups: usize,
    pub input: Vec<usize>,
    pub classes: usize,
    /// Zero-initialise the scale of each block's last GroupNorm.
    pub zero_init_residual: bool,
}

impl ResNetGn {
    /// ResNet-18 with GroupNorm for 224x224x3 ImageNet (1000 classes).
    pub fn resnet18() -> ResNetGn {
        ResNetGn {
            name: "resnet18_gn".into(),
            stage_blocks: vec![2, 2, 2, 2],
            bottleneck: false,
            width: 64,
            groups: 32,
            input: vec![224, 224, 3],
            classes: 1000,
            zero_init_residual: false,
        }
    }

    /// ResNet-50 with GroupNorm for 224x224x3 ImageNet (1000 classes).
    pub fn resnet50() -> ResNetGn {
        ResNetGn {
            name: "resnet50_gn".into(),
            stage_blocks: vec![3, 4, 6, 3],
            bottleneck: true,
            ..ResNetGn::resnet18()
        }
    }

    fn conv<'b>(p: &Params<'b>, x: Tensor<'b>, out: usize, k: usize, stride: usize) -> Tensor<'b> {
        let fan_in = k * k * x.shape()[3];
        let init = Init::he_normal(fan_in);
        conv2d_no_bias(p, x, out, [k, k], [stride, stride], torch_pad(k), init)
    }

    /// One residual block with output channels `out` (planes · expansion).
    fn block<'b>(&self, p: &Params<'b>, x: Tensor<'b>, planes: usize, stride: usize) -> Tensor<'b> {
        let g = self.groups;
        let last_scale = if self.zero_init_residual {
            Init::Zeros
        } else {
            Init::Ones
        };
        let cin = x.shape()[3];
        let (t, out) = if self.bottleneck {
            let t = Self::conv(&p.scope("conv1"), x, planes, 1, 1);
            let t = group_norm(&p.scope("norm1"), t, g, GN_EPS).relu();
            let t = Self::conv(&p.scope("conv2"), t, planes, 3, stride);
            let t = group_norm(&p.scope("norm2"), t, g, GN_EPS).relu();
            let t = Self::conv(&p.scope("conv3"), t, 4 * planes, 1, 1);
            let t = group_norm_init(&p.scope("norm3"), t, g, GN_EPS, last_scale);
            (t, 4 * planes)
        } else {
            let t = Self::conv(&p.scope("conv1"), x, planes, 3, stride);
            let t = group_norm(&p.scope("norm1"), t, g, GN_EPS).relu();
            let t = Self::conv(&p.scope("conv2"), t, planes, 3, 1);
            let t = group_norm_init(&p.scope("norm2"), t, g, GN_EPS, last_scale);
            (t, planes)
        };
        let skip = if stride != 1 || cin != out {
            let q = p.scope("proj");
            let s = Self::conv(&q.scope("conv"), x, out, 1, stride);
            group_norm(&q.scope("norm"), s, g, GN_EPS)
        } else {
            x
        };
        (t + skip).relu()
    }
}

impl Model for ResNetGn {
    fn name(&self) -> &str {
        &self.name
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
        let stem = p.scope("stem");
        let h = Self::conv(&stem.scope("conv"), x.reshape(&s), self.width, 7, 2);
        let h = group_norm(&stem.scope("norm"), h, self.groups, GN_EPS).relu();
        let mut h = h.max_pool([3, 3], [2, 2], torch_pad(3));
        let mut k = 0;
        for (si, &n) in self.stage_blocks.iter().enumerate() {
            let planes = self.width << si;
            for i in 0..n {
                k += 1;
                let stride = if si > 0 && i == 0 { 2 } else { 1 };
                h = self.block(&p.scope(&format!("block{k:02}")), h, planes, stride);
            }
        }
        dense(&p.scope("head"), global_avg_pool(h), self.classes).reshape(&[self.classes])
    }
}
