//! One arm per primitive: the StableHLO operation(s) each lowers to.

use super::emit::Emitter;
use super::rng;
use super::text::{dense_literal, i64_array, list, padding_attr, scalar_literal, usize_array};
use crate::Result;
use dpxla_core::array::DType;
use dpxla_core::trace::{
    ConvDims, ConvParams, DotDims, Eqn, Prim, ReduceOp, RngDist, WindowParams,
};

pub(super) fn lower_eqn(em: &mut Emitter, eqn: &Eqn) -> Result<()> {
    let out = eqn.out;
    let r = em.name(out);
    let ot = em.ty(out);
    let ins: Vec<String> = eqn.inputs.iter().map(|&v| em.name(v)).collect();
    let its: Vec<String> = eqn.inputs.iter().map(|&v| em.ty(v)).collect();
    let in_dtype = eqn.inputs.first().map(|&v| em.g.aval(v).dtype);
    let out_aval = em.g.aval(out).clone();
    let simple = |em: &mut Emitter, op: &str, attrs: &str| em.op(&r, op, &ins, attrs, &its, &ot);
    match &eqn.prim {
        Prim::Unary(op) => simple(em, op.stablehlo_op(), ""),
        Prim::Binary(op) => simple(em, op.stablehlo_op(), ""),
        Prim::Compare(dir) => {
            let dtype = in_dtype.unwrap_or(DType::F32);
            let attrs = format!(
                "comparison_direction = #stablehlo<comparison_direction {}>, \
                 compare_type = #stablehlo<comparison_type {}>",
                dir.stablehlo_dir(),
                compare_type(dtype)
            );
            simple(em, "compare", &attrs)
        }
        Prim::Select => simple(em, "select", ""),
        Prim::Convert { .. } => simple(em, "convert", ""),
        Prim::Constant { value } => {
            simple(em, "constant", &format!("value = {}", dense_literal(value)))
        }
        Prim::Iota { dim, .. } => simple(em, "iota", &format!("iota_dimension = {dim} : i64")),
        Prim::BroadcastInDim { dims, .. } => simple(
            em,
            "broadcast_in_dim",
            &format!("broadcast_dimensions = {}", usize_array(dims)),
        ),
        Prim::Reshape { .. } => simple(em, "reshape", ""),
        Prim::Transpose { perm } => simple(
            em,
            "transpose",
            &format!("permutation = {}", usize_array(perm)),
        ),
        Prim::Reverse { dims } => simple(
            em,
            "reverse",
            &format!("dimensions = {}", usize_array(dims)),
        ),
        Prim::Slice {
            start,
            limit,
            stride,
        } => simple(
            em,
            "slice",
            &format!(
                "start_indices = {}, limit_indices = {}, strides = {}",
                usize_array(start),
                usize_array(limit),
                usize_array(stride)
            ),
        ),
        Prim::Pad {
            low,
            high,
            interior,
        } => simple(
            em,
            "pad",
            &format!(
                "edge_padding_low = {}, edge_padding_high = {}, interior_padding = {}",
                i64_array(low),
                i64_array(high),
                usize_array(interior)
            ),
        ),
        Prim::Concatenate { dim } => simple(em, "concatenate", &format!("dimension = {dim} : i64")),
        Prim::Reduce { op, axes } => {
            let dtype = in_dtype.unwrap_or(DType::F32);
            let (init, body) = reducer(*op, dtype);
            let init = em.splat(&init, &[], dtype);
            let scalar = super::text::tensor_type_of(&[], dtype);
            em.op_with_reducer(
                &r,
                "reduce",
                &[ins[0].clone(), init],
                body,
                dtype,
                &format!("dimensions = {}", usize_array(axes)),
                &[its[0].clone(), scalar],
                &ot,
            );
        }
        Prim::DotGeneral(DotDims {
            lhs_batch,
            rhs_batch,
            lhs_contract,
            rhs_contract,
        }) => {
            let mut parts = Vec::new();
            for (name, dims) in [
                ("lhs_batching_dimensions", lhs_batch),
                ("rhs_batching_dimensions", rhs_batch),
                ("lhs_contracting_dimensions", lhs_contract),
                ("rhs_contracting_dimensions", rhs_contract),
            ] {
                if !dims.is_empty() {
                    parts.push(format!("{name} = {}", list(dims)));
                }
            }
            let attrs = format!(
                "dot_dimension_numbers = #stablehlo.dot<{}>, {PRECISION_HIGHEST}",
                parts.join(", ")
            );
            simple(em, "dot_general", &attrs)
        }
        Prim::Conv(ConvParams {
            window_strides,
            padding,
            lhs_dilation,
            rhs_dilation,
            feature_group_count,
            batch_group_count,
            dimension_numbers,
        }) => {
            let attrs = format!(
                "batch_group_count = {batch_group_count} : i64, dimension_numbers = {}, \
                 feature_group_count = {feature_group_count} : i64, lhs_dilation = {}, \
                 padding = {}, {PRECISION_HIGHEST}, rhs_dilation = {}, window_strides = {}",
                conv_dims(dimension_numbers, em.g.aval(eqn.inputs[0]).rank()),
                usize_array(lhs_dilation),
                padding_attr(padding),
                usize_array(rhs_dilation),
                usize_array(window_strides)
            );
            simple(em, "convolution", &attrs)
        }
        Prim::ReduceWindow(kind, w) => {
            let dtype = in_dtype.unwrap_or(DType::F32);
            let (init, body) = reducer(*kind, dtype);
            let init = em.splat(&init, &[], dtype);
            let scalar = super::text::tensor_type_of(&[], dtype);
            em.op_with_reducer(
                &r,
                "reduce_window",
                &[ins[0].clone(), init],
                body,
                dtype,
                &window_attrs(w),
                &[its[0].clone(), scalar],
                &ot,
            );
        }
        Prim::SelectAndScatterMax(w) => {
            let dtype = in_dtype.unwrap_or(DType::F32);
            let init = em.splat(&zero(dtype), &[], dtype);
            let scalar = super::text::tensor_type_of(&[], dtype);
            em.select_and_scatter_ge_add(
                &r,
                &[ins[0].clone(), ins[1].clone(), init],
                dtype,
                &window_attrs(w),
                &[its[0].clone(), its[1].clone(), scalar],
                &ot,
            );
        }
        Prim::StopGradient => em.alias(out, ins[0].clone()),
        // Markers for the clipping (issue 24): their value is an input.
        Prim::WsGradient { .. } => em.alias(out, ins[0].clone()),
        Prim::WsStandardised { .. } => em.alias(out, ins[1].clone()),
        Prim::Rng { dist, shape, dtype } => match dist {
            RngDist::Uniform => rng::uniform(em, &r, &ins[0], shape, *dtype, &out_aval)?,
            RngDist::Normal => rng::normal(em, &r, &ins[0], shape, *dtype, &out_aval)?,
        },
        Prim::AllReduceSum { replicas } => {
            let dtype = in_dtype.unwrap_or(DType::F32);
            em.op_with_reducer(
                &r,
                "all_reduce",
                &ins,
                "add",
                dtype,
                &replica_groups_attr(*replicas),
                &its,
                &ot,
            );
        }
    }
    Ok(())
}

/// Every `dot_general` and `convolution` asks for precision HIGHEST on both
/// operands (StableHLO spec, `dot_general` and `convolution`: `precision_config`,
/// one `#stablehlo<precision DEFAULT|HIGH|HIGHEST>` per operand; the generic-form
/// spelling as in StableHLO's own `testdata/*dot_general*precision*.mlir`).
///
/// Without it the platform default applies: TF32 on NVIDIA GPUs with tensor
/// cores, one bf16 pass on TPU (JAX's "Matmul precision" notes). The clipped sum,
/// the ghost norms and the book-keeping contraction are dots, so with rounded
/// operands a clipped contribution could exceed C by ~1e-3, far beyond
/// `dp::clip::CLIP_MARGIN`: the sensitivity bound would not hold. HIGHEST is
/// full f32 (or f64) arithmetic on every backend. It is set on EVERY dot and
/// convolution, not only on the clip path, so that no backend default can reach
/// a private value; faster low-precision compute is to come explicitly, through
/// a bf16 compute dtype, never through the platform default. Not configurable.
/// `crates/dpxla-train/tests/lower_precision.rs` checks it on the programs of every model.
const PRECISION_HIGHEST: &str =
    "precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]";

/// `replica_groups` with one group holding every replica, `[[0, ..., n-1]]`
/// (StableHLO spec, `all_reduce`: a 2-D `i64` tensor, one row per group).
fn replica_groups_attr(replicas: usize) -> String {
    let ids: Vec<String> = (0..replicas).map(|i| i.to_string()).collect();
    format!(
        "replica_groups = dense<[[{}]]> : tensor<1x{replicas}xi64>",
        ids.join(", ")
    )
}

/// The window attributes shared by `reduce_window` and `select_and_scatter`.
fn window_attrs(w: &WindowParams) -> String {
    format!(
        "padding = {}, window_dimensions = {}, window_strides = {}",
        padding_attr(&w.padding),
        usize_array(&w.window),
        usize_array(&w.strides)
    )
}

/// The init value (as literal text) and the body op of a reduction.
fn reducer(op: ReduceOp, dtype: DType) -> (String, &'static str) {
    match op {
        ReduceOp::Sum => (zero(dtype), "add"),
        ReduceOp::Max => (lowest(dtype), "maximum"),
    }
}

fn compare_type(dtype: DType) -> &'static str {
    if dtype.is_float() {
        "FLOAT"
    } else if dtype.is_unsigned() || dtype == DType::Bool {
        "UNSIGNED"
    } else {
        "SIGNED"
    }
}

/// The additive identity of `dtype`, as literal text.
fn zero(dtype: DType) -> String {
    scalar_literal(0.0, Some(0), dtype)
}

/// The identity of `maximum` for `dtype`: -inf for floats, the lowest integer.
fn lowest(dtype: DType) -> String {
    match dtype {
        DType::F32 | DType::F64 | DType::BF16 => scalar_literal(f64::NEG_INFINITY, None, dtype),
        DType::I32 => i32::MIN.to_string(),
        DType::I64 => i64::MIN.to_string(),
        DType::U8 | DType::U32 => "0".into(),
        DType::Bool => "false".into(),
    }
}

/// Compact convolution dimension numbers, e.g. `[b, 0, 1, f]x[0, 1, i, o]->[b, 0,
/// 1, f]`: each list names what every tensor dimension is, in order.
fn conv_dims(d: &ConvDims, rank: usize) -> String {
    let layout = |batch: usize, feature: usize, spatial: &[usize], names: (&str, &str)| {
        let mut labels = vec![String::new(); rank];
        labels[batch] = names.0.to_string();
        labels[feature] = names.1.to_string();
        for (i, &s) in spatial.iter().enumerate() {
            labels[s] = i.to_string();
        }
        format!("[{}]", labels.join(", "))
    };
    format!(
        "#stablehlo.conv<{}x{}->{}>",
        layout(d.input_batch, d.input_feature, &d.input_spatial, ("b", "f")),
        layout(
            d.kernel_input_feature,
            d.kernel_output_feature,
            &d.kernel_spatial,
            ("i", "o")
        ),
        layout(
            d.output_batch,
            d.output_feature,
            &d.output_spatial,
            ("b", "f")
        )
    )
}
