//! The text emitter: SSA names, generic-form operations and regions.

use super::text::tensor_type_of;
use dpxla_core::array::DType;
use dpxla_core::trace::{Graph, Var};
use std::fmt::Write;

pub(super) struct Emitter<'g> {
    pub g: &'g Graph,
    names: Vec<Option<String>>,
    pub body: String,
    next_tmp: usize,
}

impl<'g> Emitter<'g> {
    pub fn new(g: &'g Graph) -> Self {
        Emitter {
            g,
            names: vec![None; g.avals.len()],
            body: String::new(),
            next_tmp: 0,
        }
    }

    /// The SSA name of a graph variable (`%vN`, or an alias set by `alias`).
    pub fn name(&self, v: Var) -> String {
        self.names[v.index()]
            .clone()
            .unwrap_or_else(|| format!("%v{}", v.0))
    }

    /// Makes `v` refer to an existing SSA value (identity primitives emit nothing).
    pub fn alias(&mut self, v: Var, existing: String) {
        self.names[v.index()] = Some(existing);
    }

    pub fn ty(&self, v: Var) -> String {
        let a = self.g.aval(v);
        tensor_type_of(&a.shape, a.dtype)
    }

    /// A fresh temporary name, unique in the whole function (nested regions see
    /// the enclosing scope, so names are never reused).
    pub fn fresh(&mut self) -> String {
        self.next_tmp += 1;
        format!("%t{}", self.next_tmp)
    }

    /// Emits `result = "stablehlo.op"(operands) {attrs} : (types) -> out_type`.
    pub fn op(
        &mut self,
        result: &str,
        op: &str,
        operands: &[String],
        attrs: &str,
        operand_types: &[String],
        out_type: &str,
    ) {
        let attrs = if attrs.is_empty() {
            String::new()
        } else {
            format!(" {{{attrs}}}")
        };
        let _ = writeln!(
            self.body,
            "    {result} = \"stablehlo.{op}\"({}){attrs} : ({}) -> {out_type}",
            operands.join(", "),
            operand_types.join(", ")
        );
    }

    /// Emits a reduction-style op whose region applies `body_op` (`add` or
    /// `maximum`) to two scalars of `dtype`.
    #[allow(clippy::too_many_arguments)]
    pub fn op_with_reducer(
        &mut self,
        result: &str,
        op: &str,
        operands: &[String],
        body_op: &str,
        dtype: DType,
        attrs: &str,
        operand_types: &[String],
        out_type: &str,
    ) {
        let scalar = tensor_type_of(&[], dtype);
        let (a, b, r) = (self.fresh(), self.fresh(), self.fresh());
        let _ = writeln!(
            self.body,
            "    {result} = \"stablehlo.{op}\"({}) ({{\n    ^bb0({a}: {scalar}, {b}: {scalar}):\n      \
             {r} = \"stablehlo.{body_op}\"({a}, {b}) : ({scalar}, {scalar}) -> {scalar}\n      \
             \"stablehlo.return\"({r}) : ({scalar}) -> ()\n    }}) {{{attrs}}} : ({}) -> {out_type}",
            operands.join(", "),
            operand_types.join(", ")
        );
    }

    /// Emits `stablehlo.select_and_scatter` whose select region is
    /// `compare GE` (keep the current candidate while it is >= the next; the
    /// implementation scans each window in an order of its own) and whose
    /// scatter region is `add`.
    pub fn select_and_scatter_ge_add(
        &mut self,
        result: &str,
        operands: &[String],
        dtype: DType,
        attrs: &str,
        operand_types: &[String],
        out_type: &str,
    ) {
        let scalar = tensor_type_of(&[], dtype);
        let pred = tensor_type_of(&[], DType::Bool);
        let (a, b, c) = (self.fresh(), self.fresh(), self.fresh());
        let (d, e, f) = (self.fresh(), self.fresh(), self.fresh());
        let _ = writeln!(
            self.body,
            "    {result} = \"stablehlo.select_and_scatter\"({}) ({{\n    ^bb0({a}: {scalar}, {b}: {scalar}):\n      \
             {c} = \"stablehlo.compare\"({a}, {b}) {{comparison_direction = #stablehlo<comparison_direction GE>, \
             compare_type = #stablehlo<comparison_type FLOAT>}} : ({scalar}, {scalar}) -> {pred}\n      \
             \"stablehlo.return\"({c}) : ({pred}) -> ()\n    }}, {{\n    ^bb0({d}: {scalar}, {e}: {scalar}):\n      \
             {f} = \"stablehlo.add\"({d}, {e}) : ({scalar}, {scalar}) -> {scalar}\n      \
             \"stablehlo.return\"({f}) : ({scalar}) -> ()\n    }}) {{{attrs}}} : ({}) -> {out_type}",
            operands.join(", "),
            operand_types.join(", ")
        );
    }

    /// A scalar or splat constant of `dtype`, returned as a new SSA name.
    pub fn splat(&mut self, value_text: &str, shape: &[usize], dtype: DType) -> String {
        self.splat_typed(value_text, &tensor_type_of(shape, dtype))
    }

    /// A splat constant of the tensor type `ty` (spelled out, for element types
    /// the IR does not have, such as `ui64`).
    pub fn splat_typed(&mut self, value_text: &str, ty: &str) -> String {
        let name = self.fresh();
        let _ = writeln!(
            self.body,
            "    {name} = \"stablehlo.constant\"() {{value = dense<{value_text}> : {ty}}} : () -> {ty}"
        );
        name
    }

    /// Appends a raw line of MLIR (for multi-result ops).
    pub fn raw_line(&mut self, line: &str) {
        self.body.push_str("    ");
        self.body.push_str(line);
        self.body.push('\n');
    }
}
