//! Random `ui32` words from a key, and a small element-wise emitter the
//! samplers are written with.
//!
//! The one 64-bit type of the samplers is the THREE_FRY state: the StableHLO
//! spec (`rng_bit_generator`, constraints C1–C2) requires `initial_state` to be
//! a 1-dimensional `ui64` tensor of size 2 for THREE_FRY, so the `ui32[4]` key
//! is bitcast to `ui64[2]` right before the op. JAX does the same for its
//! `rbg` keys (`jax/_src/lax` `_rng_bit_generator_lowering`: "the
//! RngBitGenerator HLO accepts a u64[2] key on all backends", with the key held
//! as `u32[4]`). Every other value is `ui32`, `f32` or (for f64 samples only)
//! `f64`.

use super::super::emit::Emitter;
use super::super::text::{scalar_literal, tensor_type_named as tt, tensor_type_of, usize_array};
use dpxla_core::array::DType;

/// Emits `rng_bit_generator` (THREE_FRY) `ui32` words of `shape` from the
/// `ui32[4]` key and returns the SSA name holding them.
pub(super) fn random_words(em: &mut Emitter, key: &str, shape: &[usize]) -> String {
    let key2 = em.fresh();
    em.op(
        &key2,
        "reshape",
        &[key.to_string()],
        "",
        &[tt(&[4], "ui32")],
        &tt(&[2, 2], "ui32"),
    );
    let state = em.fresh();
    em.op(
        &state,
        "bitcast_convert",
        &[key2],
        "",
        &[tt(&[2, 2], "ui32")],
        &tt(&[2], "ui64"),
    );
    let gen = em.fresh();
    em.raw_line(&format!(
        "{gen}:2 = \"stablehlo.rng_bit_generator\"({state}) {{rng_algorithm = \
         #stablehlo<rng_algorithm THREE_FRY>}} : ({}) -> ({}, {})",
        tt(&[2], "ui64"),
        tt(&[2], "ui64"),
        tt(shape, "ui32")
    ));
    format!("{gen}#1")
}

/// Element-wise emission on tensors of one shape: each method emits one op and
/// returns its SSA name.
pub(super) struct Ew<'a, 'g> {
    pub em: &'a mut Emitter<'g>,
    pub shape: Vec<usize>,
}

impl Ew<'_, '_> {
    fn ty(&self, dtype: DType) -> String {
        tensor_type_of(&self.shape, dtype)
    }

    /// `op(a, b)` on two tensors of `dtype`.
    pub fn bin(&mut self, op: &str, a: &str, b: &str, dtype: DType) -> String {
        let ty = self.ty(dtype);
        let r = self.em.fresh();
        self.em.op(
            &r,
            op,
            &[a.to_string(), b.to_string()],
            "",
            &[ty.clone(), ty.clone()],
            &ty,
        );
        r
    }

    /// `op(a)` on a tensor of `dtype`.
    pub fn un(&mut self, op: &str, a: &str, dtype: DType) -> String {
        let ty = self.ty(dtype);
        let r = self.em.fresh();
        self.em
            .op(&r, op, &[a.to_string()], "", std::slice::from_ref(&ty), &ty);
        r
    }

    /// `a op c` with `c` a constant of `dtype`.
    pub fn bin_const(&mut self, op: &str, a: &str, c: f64, dtype: DType) -> String {
        let k = self.splat(c, dtype);
        self.bin(op, a, &k, dtype)
    }

    /// A splat constant of `dtype` (integers given as exact f64 values).
    pub fn splat(&mut self, c: f64, dtype: DType) -> String {
        let lit = if dtype.is_float() {
            scalar_literal(c, None, dtype)
        } else {
            format!("{}", c as u64)
        };
        let ty = self.ty(dtype);
        self.em.splat_typed(&lit, &ty)
    }

    /// `convert(a)` from `from` to `to`.
    pub fn convert(&mut self, a: &str, from: DType, to: DType) -> String {
        let r = self.em.fresh();
        self.em.op(
            &r,
            "convert",
            &[a.to_string()],
            "",
            &[self.ty(from)],
            &self.ty(to),
        );
        r
    }

    /// `a >= b` for `ui32` tensors.
    pub fn ge_u32(&mut self, a: &str, b: &str) -> String {
        let ty = self.ty(DType::U32);
        let r = self.em.fresh();
        self.em.op(
            &r,
            "compare",
            &[a.to_string(), b.to_string()],
            "comparison_direction = #stablehlo<comparison_direction GE>, \
             compare_type = #stablehlo<comparison_type UNSIGNED>",
            &[ty.clone(), ty],
            &self.ty(DType::Bool),
        );
        r
    }

    /// `pred ? a : b` for tensors of `dtype`.
    pub fn select(&mut self, pred: &str, a: &str, b: &str, dtype: DType) -> String {
        let ty = self.ty(dtype);
        let r = self.em.fresh();
        self.em.op(
            &r,
            "select",
            &[pred.to_string(), a.to_string(), b.to_string()],
            "",
            &[self.ty(DType::Bool), ty.clone(), ty.clone()],
            &ty,
        );
        r
    }

    /// Row `i` of `words: ui32[rows, ...shape]`, as `ui32[...shape]`.
    pub fn row(&mut self, words: &str, rows: usize, i: usize) -> String {
        let mut full = vec![rows];
        full.extend_from_slice(&self.shape);
        let mut one = full.clone();
        one[0] = 1;
        let mut start = vec![0; full.len()];
        start[0] = i;
        let mut limit = full.clone();
        limit[0] = i + 1;
        let sl = self.em.fresh();
        self.em.op(
            &sl,
            "slice",
            &[words.to_string()],
            &format!(
                "start_indices = {}, limit_indices = {}, strides = {}",
                usize_array(&start),
                usize_array(&limit),
                usize_array(&vec![1; full.len()])
            ),
            &[tt(&full, "ui32")],
            &tt(&one, "ui32"),
        );
        let r = self.em.fresh();
        self.em.op(
            &r,
            "reshape",
            &[sl],
            "",
            &[tt(&one, "ui32")],
            &self.ty(DType::U32),
        );
        r
    }
}
