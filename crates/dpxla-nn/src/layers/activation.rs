//! Activations not provided as tensor ops (`relu`, `tanh` are on [`Tensor`]).

use dpxla_core::trace::Tensor;

/// GELU with the tanh approximation (Hendrycks & Gimpel 2016, eq. in §2;
/// `jax.nn.gelu(approximate=True)`):
/// 0.5·x·(1 + tanh(sqrt(2/π)·(x + 0.044715·x³))).
/// The exact form needs erf, which is not a primitive.
#[track_caller]
pub fn gelu<'b>(x: Tensor<'b>) -> Tensor<'b> {
    let c = (2.0 / std::f64::consts::PI).sqrt();
    let inner = (x + x * x * x * 0.044_715) * c;
    x * 0.5 * (inner.tanh() + 1.0)
}

/// ELU with α = 1 (Clevert et al. 2016): x for x > 0, e^x − 1 otherwise.
/// The exponential is taken of x where x ≤ 0 and of 0 elsewhere, so the branch
/// not selected never overflows (an inf there would turn its zero cotangent
/// into NaN); a select rather than min(x, 0) keeps the derivative at 0 equal
/// to 1 (min splits a tie's cotangent in half).
#[track_caller]
pub fn elu<'b>(x: Tensor<'b>) -> Tensor<'b> {
    let zero = x.lit(0.0);
    let pos = x.gt(zero);
    let neg = pos.select(zero, x).exp() - 1.0;
    pos.select(x, neg)
}
