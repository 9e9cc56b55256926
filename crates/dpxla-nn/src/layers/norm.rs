//! Per-example normalisation: GroupNorm (Wu & He 2018), LayerNorm (Ba et al.
//! 2016) and weight-standardised convolution (Qiao et al. 2019), the pieces
//! that replace BatchNorm in DP models (De et al. 2022, §3; Kurakin et al.
//! 2022, §3). Each model call sees one example, so statistics are never
//! shared between examples.

use crate::init::Init;
use crate::params::Params;
use crate::{NnOps, Padding};
use dpxla_core::array::DType;
use dpxla_core::trace::Tensor;

/// GroupNorm/LayerNorm epsilon (Wu & He 2018; the PyTorch and Haiku default).
pub const GN_EPS: f64 = 1e-5;

/// Weight-standardisation floor on `fan_in · var` (jax_privacy's `WSConv2D`).
pub const WS_EPS: f64 = 1e-4;

/// Broadcasts `t` (the shape of `full` with `axes` removed) back to `full`.
#[track_caller]
fn unreduce<'b>(t: Tensor<'b>, full: &[usize], axes: &[usize]) -> Tensor<'b> {
    let dims: Vec<usize> = (0..full.len()).filter(|d| !axes.contains(d)).collect();
    t.broadcast_in_dim(full, &dims)
}

/// (x − mean) / sqrt(var + eps) with mean and (biased) variance over `axes`.
///
/// A bf16 `x` (mixed precision, `model.compute_dtype = "bf16"`) is
/// normalised in f32 and the result narrowed back: the mean and variance are
/// sums over a whole group or layer, which bf16's 8-bit significand cannot
/// hold (summed in bf16, 4,096 ones stall at 256), and `x − mean` cancels.
/// Micikevicius et al. 2018, §3.3, keep such reductions in f32, as PyTorch's
/// autocast does for `group_norm`/`layer_norm` and Flax's normalisation
/// layers do for their statistics. The backward pass follows the casts, so
/// the statistics' gradients are computed in f32 too.
#[track_caller]
fn normalize<'b>(x: Tensor<'b>, axes: &[usize], eps: f64) -> Tensor<'b> {
    if x.dtype() == DType::BF16 {
        return normalize(x.convert(DType::F32), axes, eps).convert(DType::BF16);
    }
    let s = x.shape();
    let xc = x - unreduce(x.mean(axes), &s, axes);
    let var = xc.square().mean(axes);
    xc * unreduce((var + eps).rsqrt(), &s, axes)
}

/// GroupNorm (Wu & He 2018) of one example `x` — `[H, W, C]` or `[C]`, or
/// the same with a leading batch dimension of 1: the channels are split into
/// `groups` groups and each (example, group) is normalised over its spatial
/// positions and channels, then scaled and shifted per channel by `scale`
/// (init 1) and `offset` (init 0), both `[C]`. `groups = 1` is LayerNorm over
/// (H, W, C); `groups = C` is InstanceNorm.
#[track_caller]
pub fn group_norm<'b>(p: &Params<'b>, x: Tensor<'b>, groups: usize, eps: f64) -> Tensor<'b> {
    group_norm_init(p, x, groups, eps, Init::Ones)
}

/// [`group_norm`] with a chosen initialiser for `scale` (e.g. zeros for the
/// last norm of a residual branch, Goyal et al. 2017).
#[track_caller]
pub fn group_norm_init<'b>(
    p: &Params<'b>,
    x: Tensor<'b>,
    groups: usize,
    eps: f64,
    scale_init: Init,
) -> Tensor<'b> {
    if matches!(x.rank(), 1 | 3) {
        // One example without a batch dimension: add one of size 1.
        let mut s = vec![1];
        s.extend(x.shape());
        let y = group_norm_init(p, x.reshape(&s), groups, eps, scale_init);
        let ys = y.shape();
        return y.reshape(&ys[1..]);
    }
    let c = x.shape().last().copied().unwrap_or(0);
    let Some(y) = group_normalize("group_norm", x, groups, eps) else {
        return x; // refused: the builder holds the error
    };
    let scale = p.param("scale", &[c], scale_init);
    let offset = p.param("offset", &[c], Init::Zeros);
    y * scale + offset
}

/// GroupNorm's normalisation without scale and offset: `x` `[N, ..., C]`
/// with C split into `groups` groups, each (example, group) normalised over
/// its positions and channels. On a bad shape the builder records an error
/// (naming `op`) and the result is `None`.
#[track_caller]
pub(crate) fn group_normalize<'b>(
    op: &str,
    x: Tensor<'b>,
    groups: usize,
    eps: f64,
) -> Option<Tensor<'b>> {
    let s = x.shape();
    let r = s.len();
    let c = s.last().copied().unwrap_or(0);
    if r < 2 || groups == 0 || c % groups != 0 {
        x.builder().fail(
            op,
            &[x.aval()],
            format!("needs [N, ..., C] with C divisible by {groups} groups"),
        );
        return None;
    }
    let mut gs = s[..r - 1].to_vec();
    gs.extend([groups, c / groups]);
    // Reduce over everything but the batch dim 0 and the group dim r - 1.
    let axes: Vec<usize> = (1..=r).filter(|&a| a != r - 1).collect();
    Some(normalize(x.reshape(&gs), &axes, eps).reshape(&s))
}

/// LayerNorm (Ba et al. 2016) over the last axis of `x`, with `scale`
/// (init 1) and `offset` (init 0) of that axis's size (PyTorch
/// `nn.LayerNorm(C)`, Haiku `LayerNorm(axis=-1)`).
#[track_caller]
pub fn layer_norm<'b>(p: &Params<'b>, x: Tensor<'b>, eps: f64) -> Tensor<'b> {
    let s = x.shape();
    let Some(&c) = s.last() else {
        x.builder()
            .fail("layer_norm", &[x.aval()], "needs rank >= 1");
        return x;
    };
    let y = normalize(x, &[s.len() - 1], eps);
    let scale = p.param("scale", &[c], Init::Ones);
    let offset = p.param("offset", &[c], Init::Zeros);
    y * scale + offset
}

/// Scaled weight standardisation of an HWIO kernel, per output channel over
/// (kh, kw, cin):  ŵ = (w − mean) / sqrt(max(fan_in · var, eps)).
///
/// Qiao et al. 2019 standardise to unit variance, (w − mean) / sqrt(var + ε);
/// De et al. 2022 use the *scaled* form of Brock et al. 2021 (NF-Nets, as
/// jax_privacy's `WSConv2D`): the extra 1/sqrt(fan_in) makes ŵ variance-
/// preserving like a He/LeCun-initialised kernel, and the floor `eps` = 1e-4
/// sits on fan_in · var. So ŵ has zero mean and variance 1/fan_in per output
/// channel.
#[track_caller]
pub fn standardize_kernel<'b>(w: Tensor<'b>, eps: f64) -> Tensor<'b> {
    if w.dtype() == DType::BF16 {
        // Mixed precision: the per-channel mean and variance in f32, as
        // `normalize`'s (a bf16 kernel is the f32 master kernel narrowed).
        return standardize_kernel(w.convert(DType::F32), eps).convert(DType::BF16);
    }
    let s = w.shape();
    let axes: Vec<usize> = (0..s.len().saturating_sub(1)).collect();
    let fan_in: usize = s[..s.len().saturating_sub(1)].iter().product();
    let wc = w - w.mean(&axes);
    let var = wc.square().mean(&axes);
    let scale = (var * fan_in as f64).max(w.lit(eps)).rsqrt();
    wc * scale
}

/// Weight-standardised 2-D convolution (Qiao et al. 2019, scaled as in De et
/// al. 2022 / jax_privacy): kernel `w` HWIO (LeCun normal: WS makes the
/// result insensitive to the scale), a learnable per-output-channel `gain`
/// (init 1) per output channel, and a bias `b` (init 0).
///
/// The gain multiplies the convolution's output, conv(x, ŵ)·gain, the same
/// function as conv(x, gain·ŵ) (per output channel), so the kernel's
/// per-example gradient is one contraction of the patches with the gained
/// cotangent and ŵ is marked ([`Tensor::ws_standardised`]): book-keeping
/// factors it through the WS Jacobian (issue 24 item 2), and the gain's own
/// per-example gradient (Σ over positions of conv(x, ŵ)·G) does not read the
/// kernel's.
#[track_caller]
pub fn conv2d_ws<'b>(
    p: &Params<'b>,
    x: Tensor<'b>,
    out: usize,
    kernel: [usize; 2],
    strides: [usize; 2],
    padding: Padding,
) -> Tensor<'b> {
    let cin = x.shape().last().copied().unwrap_or(1);
    let fan_in = kernel[0] * kernel[1] * cin;
    let w = p.param(
        "w",
        &[kernel[0], kernel[1], cin, out],
        Init::lecun_normal(fan_in),
    );
    let gain = p.param("gain", &[out], Init::Ones);
    let b = p.param("b", &[out], Init::Zeros);
    let what = w.ws_standardised(standardize_kernel(w, WS_EPS), WS_EPS);
    super::nhwc(x, |x| x.conv2d(what, strides, padding)) * gain + b
}

#[cfg(test)]
#[path = "ws_jacobian_tests.rs"]
mod ws_jacobian_tests;
