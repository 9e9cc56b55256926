//! `wrn16_4`, `wrn40_4`: Wide ResNets (Zagoruyko & Komodakis 2016) as De et
//! al. 2022 ("Unlocking high-accuracy differentially private image
//! classification through scale", §3 and App. C) train them with DP-SGD:
//! BatchNorm replaced by GroupNorm with 16 groups (Wu & He 2018) and every
//! convolution weight-standardised (Qiao et al. 2019; scaled form with a gain,
//! see [`conv2d_ws`]). The layout follows jax_privacy's `WideResNet`:
//!
//! - stem: WS-conv 3x3, 16 channels;
//! - 3 groups of n = (depth − 4) / 6 residual units with 16k, 32k, 64k
//!   channels (k = width), the first unit of groups 2 and 3 with stride 2;
//!   a unit is `relu → GN → WS-conv 3x3 → relu → GN → WS-conv 3x3` plus the
//!   skip; the first unit of every group projects its skip with
//!   `relu → GN → WS-conv 1x1 (stride)`;
//! - `relu → GN → global average pool → dense` (LeCun-normal weights, zero
//!   bias).
//!
//! Convolutions use "SAME" padding (Haiku's default). WS-convs carry a gain
//! and a bias, so WRN-16-4 has 2,753,818 parameters (Zagoruyko & Komodakis
//! report 2.7M for the BatchNorm original without them) and WRN-40-4 has
//! 8,961,306 (8.9M).
//!
//! Scopes: `stem`, `block01`..`block{3n}` (one per residual unit, in order;
//! these are the blocks counted by `Freeze::FirstBlocks`), `final_norm`, and
//! the head `head`.

use crate::init::Init;
use crate::layers::{conv2d_ws, dense_init, global_avg_pool, group_norm, GN_EPS};
use crate::{Model, NnOps, Padding, Params};
use dpxla_core::trace::Tensor;

pub struct WideResNet {
    pub name: String,
    /// 6n + 4 (16 → 2 units per group, 40 → 6).
    pub depth: usize,
    /// Channel multiplier k.
    pub width: usize,
    /// GroupNorm groups (16 in De et al.).
    pub groups: usize,
    pub input: Vec<usize>,
    pub classes: usize,
}

impl WideResNet {
    /// WRN-depth-width for 32x32x3 CIFAR-10 images, 16 GroupNorm groups.
    pub fn cifar10(depth: usize, width: usize) -> WideResNet {
        WideResNet {
            name: format!("wrn{depth}_{width}"),
            depth,
            width,
            groups: 16,
            input: vec![32, 32, 3],
            classes: 10,
        }
    }

    /// Residual units per group.
    pub fn units_per_group(&self) -> usize {
        self.depth.saturating_sub(4) / 6
    }
}

impl Model for WideResNet {
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
        if self.depth < 10 || !(self.depth - 4).is_multiple_of(6) {
            x.builder().fail(
                "wide_resnet",
                &[x.aval()],
                format!("depth {} is not 6n + 4 with n >= 1", self.depth),
            );
            return x;
        }
        let mut s = vec![1];
        s.extend(&self.input);
        let g = self.groups;
        let norm = |scope: &str, h: Tensor<'b>| group_norm(&p.scope(scope), h, g, GN_EPS);
        let mut h = conv2d_ws(
            &p.scope("stem"),
            x.reshape(&s),
            16,
            [3, 3],
            [1, 1],
            Padding::Same,
        );
        let mut unit = 0;
        for (gi, mult) in [16, 32, 64].into_iter().enumerate() {
            let width = mult * self.width;
            for i in 0..self.units_per_group() {
                unit += 1;
                let u = p.scope(&format!("block{unit:02}"));
                let stride = if gi > 0 && i == 0 { [2, 2] } else { [1, 1] };
                let skip = if i == 0 {
                    let t = group_norm(&u.scope("skip_norm"), h.relu(), g, GN_EPS);
                    conv2d_ws(
                        &u.scope("skip_conv"),
                        t,
                        width,
                        [1, 1],
                        stride,
                        Padding::Same,
                    )
                } else {
                    h
                };
                let t = group_norm(&u.scope("norm1"), h.relu(), g, GN_EPS);
                let t = conv2d_ws(&u.scope("conv1"), t, width, [3, 3], stride, Padding::Same);
                let t = group_norm(&u.scope("norm2"), t.relu(), g, GN_EPS);
                let t = conv2d_ws(&u.scope("conv2"), t, width, [3, 3], [1, 1], Padding::Same);
                h = t + skip;
            }
        }
        let h = norm("final_norm", h.relu());
        let feats = global_avg_pool(h);
        let fan_in = feats.shape()[1];
        dense_init(
            &p.scope("head"),
            feats,
            self.classes,
            Init::lecun_normal(fan_in),
            Init::Zeros,
        )
        .reshape(&[self.classes])
    }
}
