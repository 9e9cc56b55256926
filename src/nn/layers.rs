//! Layers as functions of scoped parameters (Flax/Haiku style): each call
//! declares the parameters it needs under its scope.

use super::init::Init;
use super::params::Params;
use crate::trace::{Padding, Tensor};

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
    x.conv2d(w, strides, padding) + b
}

/// Flattens all dims after the first (`[N, ...] -> [N, prod]`).
#[track_caller]
pub fn flatten<'b>(x: Tensor<'b>) -> Tensor<'b> {
    let s = x.shape();
    let rest: usize = s[1..].iter().product();
    x.reshape(&[s[0], rest])
}
