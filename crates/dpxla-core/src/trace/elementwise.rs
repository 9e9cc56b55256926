//! The elementwise primitive families and their per-op tables: the printed
//! name, the StableHLO operation, the dtype rule and the evaluation of every
//! op live here, one `match` per property. The derivative of each op is the
//! one other per-op table, in `transform::vjp_rules` (`unary_transpose`,
//! `binary_transpose`), because it is written with the tracing DSL.
//!
//! Adding an elementwise op: a variant here (the compiler then asks for its
//! arm in every table of this file and in the derivative table), plus a
//! `Tensor` method in `trace/tensor.rs` if users should call it. Shape
//! checking, batching, printing, lowering and the interpreter need nothing,
//! and the table-driven tests (interpreter against XLA in
//! `crates/dpxla-train/tests/lower_pjrt.rs`, derivative against finite differences in
//! `crates/dpxla-nn/tests/trace_vjp.rs`) cover it through `ALL` without a new line.

use crate::array::DType;

/// Declares an op enum and its `ALL` list from one variant list, so that
/// the list can never miss a variant.
macro_rules! op_enum {
    ($(#[$m:meta])* $vis:vis enum $name:ident { $($(#[$vm:meta])* $v:ident,)* }) => {
        $(#[$m])*
        $vis enum $name {
            $($(#[$vm])* $v,)*
        }

        impl $name {
            /// Every op of the family, in declaration order (for tests that
            /// go through the whole table).
            pub const ALL: &'static [$name] = &[$($name::$v,)*];
        }
    };
}

op_enum! {
    /// Elementwise operations with one operand (`Prim::Unary`). The result
    /// has the operand's shape and dtype.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum UnaryOp {
        /// -x
        Neg,
        /// e^x
        Exp,
        /// Natural logarithm.
        Log,
        /// ln(1 + x), accurate near 0.
        Log1p,
        /// Hyperbolic tangent.
        Tanh,
        /// 1 / (1 + e^-x)
        Logistic,
        /// Square root.
        Sqrt,
        /// 1 / sqrt(x)
        Rsqrt,
        /// |x|
        Abs,
        /// -1, 0 or 1 (NaN stays NaN).
        Sign,
    }
}

impl UnaryOp {
    /// The name in printed IR and errors.
    pub fn name(self) -> &'static str {
        match self {
            UnaryOp::Neg => "neg",
            UnaryOp::Exp => "exp",
            UnaryOp::Log => "log",
            UnaryOp::Log1p => "log1p",
            UnaryOp::Tanh => "tanh",
            UnaryOp::Logistic => "logistic",
            UnaryOp::Sqrt => "sqrt",
            UnaryOp::Rsqrt => "rsqrt",
            UnaryOp::Abs => "abs",
            UnaryOp::Sign => "sign",
        }
    }

    /// The StableHLO operation it lowers to (`stablehlo.<op>`).
    pub fn stablehlo_op(self) -> &'static str {
        match self {
            UnaryOp::Neg => "negate",
            UnaryOp::Exp => "exponential",
            UnaryOp::Log => "log",
            UnaryOp::Log1p => "log_plus_one",
            UnaryOp::Tanh => "tanh",
            UnaryOp::Logistic => "logistic",
            UnaryOp::Sqrt => "sqrt",
            UnaryOp::Rsqrt => "rsqrt",
            UnaryOp::Abs => "abs",
            UnaryOp::Sign => "sign",
        }
    }

    /// Whether the operand must be a float (transcendental ops); the others
    /// take any dtype but `Bool`.
    pub fn float_only(self) -> bool {
        match self {
            UnaryOp::Neg | UnaryOp::Abs | UnaryOp::Sign => false,
            UnaryOp::Exp
            | UnaryOp::Log
            | UnaryOp::Log1p
            | UnaryOp::Tanh
            | UnaryOp::Logistic
            | UnaryOp::Sqrt
            | UnaryOp::Rsqrt => true,
        }
    }

    /// The exact value (the interpreter rounds it to the dtype afterwards).
    pub fn eval(self, a: f64) -> f64 {
        match self {
            UnaryOp::Neg => -a,
            UnaryOp::Exp => a.exp(),
            UnaryOp::Log => a.ln(),
            UnaryOp::Log1p => a.ln_1p(),
            UnaryOp::Tanh => a.tanh(),
            UnaryOp::Logistic => 1.0 / (1.0 + (-a).exp()),
            UnaryOp::Sqrt => a.sqrt(),
            UnaryOp::Rsqrt => 1.0 / a.sqrt(),
            UnaryOp::Abs => a.abs(),
            UnaryOp::Sign => {
                if a.is_nan() {
                    a
                } else if a == 0.0 {
                    0.0
                } else {
                    a.signum()
                }
            }
        }
    }
}

op_enum! {
    /// Elementwise operations with two operands of equal shape and dtype
    /// (`Prim::Binary`; no implicit broadcasting in the IR, the builder
    /// inserts `BroadcastInDim`). The result has the operands' shape and
    /// dtype.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum BinaryOp {
        /// a + b
        Add,
        /// a - b
        Sub,
        /// a * b
        Mul,
        /// a / b; integer division rounds toward zero (StableHLO `divide`).
        Div,
        /// The larger (logical or on bools); NaN wins.
        Max,
        /// The smaller (logical and on bools); NaN wins.
        Min,
        /// a^b
        Pow,
    }
}

impl BinaryOp {
    /// The name in printed IR and errors.
    pub fn name(self) -> &'static str {
        match self {
            BinaryOp::Add => "add",
            BinaryOp::Sub => "sub",
            BinaryOp::Mul => "mul",
            BinaryOp::Div => "div",
            BinaryOp::Max => "max",
            BinaryOp::Min => "min",
            BinaryOp::Pow => "pow",
        }
    }

    /// The StableHLO operation it lowers to (`stablehlo.<op>`).
    pub fn stablehlo_op(self) -> &'static str {
        match self {
            BinaryOp::Add => "add",
            BinaryOp::Sub => "subtract",
            BinaryOp::Mul => "multiply",
            BinaryOp::Div => "divide",
            BinaryOp::Max => "maximum",
            BinaryOp::Min => "minimum",
            BinaryOp::Pow => "power",
        }
    }

    /// Whether `Bool` operands are allowed (logical or / and).
    pub fn allows_bool(self) -> bool {
        match self {
            BinaryOp::Max | BinaryOp::Min => true,
            BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Pow => false,
        }
    }

    /// The exact value for operands of `dtype` (the interpreter rounds it to
    /// the dtype afterwards). `max`/`min` propagate NaN; integer division
    /// truncates, and dividing by zero gives 0.
    pub fn eval(self, a: f64, b: f64, dtype: DType) -> f64 {
        match self {
            BinaryOp::Add => a + b,
            BinaryOp::Sub => a - b,
            BinaryOp::Mul => a * b,
            BinaryOp::Div if dtype.is_float() => a / b,
            BinaryOp::Div if b == 0.0 => 0.0,
            BinaryOp::Div => (a / b).trunc(),
            BinaryOp::Max | BinaryOp::Min if a.is_nan() || b.is_nan() => f64::NAN,
            BinaryOp::Max => a.max(b),
            BinaryOp::Min => a.min(b),
            BinaryOp::Pow => a.powf(b),
        }
    }
}

/// Comparison direction (`Prim::Compare`, StableHLO `compare`,
/// comparison_direction). Two operands of equal shape and dtype; the result
/// is `Bool` of the same shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpDir {
    /// a == b
    Eq,
    /// a != b
    Ne,
    /// a < b
    Lt,
    /// a <= b
    Le,
    /// a > b
    Gt,
    /// a >= b
    Ge,
}

impl CmpDir {
    /// The StableHLO `comparison_direction` (`EQ`, `LT`, ...).
    pub fn stablehlo_dir(self) -> &'static str {
        match self {
            CmpDir::Eq => "EQ",
            CmpDir::Ne => "NE",
            CmpDir::Lt => "LT",
            CmpDir::Le => "LE",
            CmpDir::Gt => "GT",
            CmpDir::Ge => "GE",
        }
    }

    /// The comparison (NaN compares unequal to everything).
    pub fn eval(self, a: f64, b: f64) -> bool {
        match self {
            CmpDir::Eq => a == b,
            CmpDir::Ne => a != b,
            CmpDir::Lt => a < b,
            CmpDir::Le => a <= b,
            CmpDir::Gt => a > b,
            CmpDir::Ge => a >= b,
        }
    }
}
