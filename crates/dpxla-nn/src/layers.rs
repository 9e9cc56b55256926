//! Layers as functions of scoped parameters (Flax/Haiku style): each call
//! declares the parameters it needs under its scope.
//!
//! Every layer sees ONE example, so normalisation layers normalise within
//! that example and are DP-safe by construction; BatchNorm, which mixes
//! examples, does not exist. Spatial layers take the example as `[H, W, C]`
//! (or NHWC `[1, H, W, C]`, the form the built-in models use) and return the
//! same form; a model needs no hand-written batch dimension.
//!
//! Here: dense, conv (with and without bias), max / average / global average
//! pooling, flatten. `norm`: GroupNorm, LayerNorm, weight-standardised conv;
//! `activation`: gelu, elu (tanh and sigmoid are `Tensor` methods, relu is
//! `NnOps`); [`scatter`]: a fixed scattering transform (constant filter
//! banks) and parameter-free GroupNorm; [`scatter_codec`]: scattering
//! features stored as `u8` datasets.

mod activation;
mod norm;
pub mod scatter;
pub mod scatter_codec;
pub mod scatter_filters;

pub use activation::{elu, gelu};
pub use norm::{
    conv2d_ws, group_norm, group_norm_init, layer_norm, standardize_kernel, GN_EPS, WS_EPS,
};

use super::init::Init;
use super::params::Params;
use super::{NnOps, Padding};
use dpxla_core::trace::Tensor;

/// y = x·W + b over the last axis of `x`. W: `[in, out]`, b: `[out]`, both
/// initialised as PyTorch's `nn.Linear` (U(±1/sqrt(in))).
#[track_caller]
pub fn dense<'b>(p: &Params<'b>, x: Tensor<'b>, out: usize) -> Tensor<'b> {
    let fan_in = x.shape().last().copied().unwrap_or(1);
    let w = p.param("w", &[fan_in, out], Init::torch_default(fan_in));
    let b = p.param("b", &[out], Init::torch_default(fan_in));
    x.matmul(w) + b
}

/// 2-D convolution of NHWC `x` with an HWIO kernel `[kh, kw, in, out]` and a
/// bias `[out]` (PyTorch `nn.Conv2d` initialisation: fan_in = kh·kw·in).
#[track_caller]
pub fn conv2d<'b>(
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
        Init::torch_default(fan_in),
    );
    let b = p.param("b", &[out], Init::torch_default(fan_in));
    nhwc(x, |x| x.conv2d(w, strides, padding)) + b
}

/// Applies `f`, an op on NHWC tensors, to `x` given as NHWC or as one
/// example `[H, W, C]` (then with a batch dimension of 1 added and removed).
#[track_caller]
pub(crate) fn nhwc<'b>(x: Tensor<'b>, f: impl FnOnce(Tensor<'b>) -> Tensor<'b>) -> Tensor<'b> {
    if x.rank() != 3 {
        return f(x);
    }
    let mut s = vec![1];
    s.extend(x.shape());
    let y = f(x.reshape(&s));
    let ys = y.shape();
    y.reshape(&ys[1..])
}

/// Max pooling over H and W of `[H, W, C]` (or NHWC).
#[track_caller]
pub fn max_pool<'b>(
    x: Tensor<'b>,
    window: [usize; 2],
    strides: [usize; 2],
    padding: Padding,
) -> Tensor<'b> {
    nhwc(x, |x| x.max_pool(window, strides, padding))
}

/// Average pooling over H and W of `[H, W, C]` (or NHWC); with padding, each
/// window averages its real elements only.
#[track_caller]
pub fn avg_pool<'b>(
    x: Tensor<'b>,
    window: [usize; 2],
    strides: [usize; 2],
    padding: Padding,
) -> Tensor<'b> {
    nhwc(x, |x| x.avg_pool(window, strides, padding))
}

/// y = x·W + b with explicit initialisers (for heads that follow a paper's
/// initialisation rather than PyTorch's default).
#[track_caller]
pub fn dense_init<'b>(
    p: &Params<'b>,
    x: Tensor<'b>,
    out: usize,
    w_init: Init,
    b_init: Init,
) -> Tensor<'b> {
    let fan_in = x.shape().last().copied().unwrap_or(1);
    let w = p.param("w", &[fan_in, out], w_init);
    let b = p.param("b", &[out], b_init);
    x.matmul(w) + b
}

/// Convolution without a bias (ResNets, where a normalisation layer with an
/// offset follows every convolution; He et al. 2016), kernel `w` HWIO with
/// initialiser `init`.
#[track_caller]
pub fn conv2d_no_bias<'b>(
    p: &Params<'b>,
    x: Tensor<'b>,
    out: usize,
    kernel: [usize; 2],
    strides: [usize; 2],
    padding: Padding,
    init: Init,
) -> Tensor<'b> {
    let cin = x.shape().last().copied().unwrap_or(1);
    let w = p.param("w", &[kernel[0], kernel[1], cin, out], init);
    nhwc(x, |x| x.conv2d(w, strides, padding))
}

/// PyTorch-style symmetric padding `k / 2` on both sides (what torchvision's
/// ResNets use; differs from `Padding::Same` for even inputs and stride 2,
/// which matters when loading torch weights).
pub fn torch_pad(kernel: usize) -> Padding {
    let k = (kernel / 2) as i64;
    Padding::Explicit(vec![(k, k), (k, k)])
}

/// Mean over H and W: `[H, W, C] -> [C]`, or NHWC `[N, H, W, C] -> [N, C]`.
#[track_caller]
pub fn global_avg_pool<'b>(x: Tensor<'b>) -> Tensor<'b> {
    if x.rank() == 3 {
        x.mean(&[0, 1])
    } else {
        x.mean(&[1, 2])
    }
}

/// Flattens all dims after the first (`[N, ...] -> [N, prod]`; the built-in
/// models' NHWC form). For one example without a batch dimension use
/// [`flatten_example`].
#[track_caller]
pub fn flatten<'b>(x: Tensor<'b>) -> Tensor<'b> {
    let s = x.shape();
    let rest: usize = s[1..].iter().product();
    x.reshape(&[s[0], rest])
}

/// Flattens one example to a vector: `[...] -> [prod]`.
#[track_caller]
pub fn flatten_example<'b>(x: Tensor<'b>) -> Tensor<'b> {
    let n: usize = x.shape().iter().product();
    x.reshape(&[n])
}
