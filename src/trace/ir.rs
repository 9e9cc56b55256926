//! The IR: a jaxpr-like flat SSA graph (Autodidax, "Jaxpr data structures").
//!
//! A [`Graph`] is a list of equations over [`Var`]s; every var indexes the
//! [`Graph::avals`] table (its abstract value: shape + dtype). Every
//! primitive has exactly ONE output today, but `Eqn::outs` is a `Vec` so that
//! multi-output primitives can be added without changing the IR.
//!
//! Semantics of every [`Prim`] follow the StableHLO op of the same name
//! (<https://github.com/openxla/stablehlo/blob/main/docs/spec.md>); where we
//! restrict the spec (e.g. `select` needs a predicate of the operand shape)
//! the restriction is documented on the variant and enforced by
//! [`crate::trace::abstract_eval`].

/// Element types. `BF16` is stored as raw `u16` bits on the host.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DType {
    F32,
    F64,
    BF16,
    I32,
    I64,
    U8,
    U32,
    Bool,
}

impl DType {
    /// Floating-point dtypes are the only differentiable ones.
    pub fn is_float(self) -> bool {
        matches!(self, DType::F32 | DType::F64 | DType::BF16)
    }
    pub fn is_int(self) -> bool {
        matches!(self, DType::I32 | DType::I64 | DType::U8 | DType::U32)
    }
    pub fn is_unsigned(self) -> bool {
        matches!(self, DType::U8 | DType::U32)
    }
    /// The StableHLO element type name (`f32`, `ui32`, `i1`, ...).
    pub fn mlir_name(self) -> &'static str {
        match self {
            DType::F32 => "f32",
            DType::F64 => "f64",
            DType::BF16 => "bf16",
            DType::I32 => "i32",
            DType::I64 => "i64",
            DType::U8 => "ui8",
            DType::U32 => "ui32",
            DType::Bool => "i1",
        }
    }
}

impl std::fmt::Display for DType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.mlir_name())
    }
}

/// Abstract value: what the tracer knows about a value (shape and dtype).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Aval {
    pub shape: Vec<usize>,
    pub dtype: DType,
}

impl Aval {
    pub fn new(shape: impl Into<Vec<usize>>, dtype: DType) -> Aval {
        Aval {
            shape: shape.into(),
            dtype,
        }
    }
    pub fn scalar(dtype: DType) -> Aval {
        Aval {
            shape: vec![],
            dtype,
        }
    }
    pub fn rank(&self) -> usize {
        self.shape.len()
    }
    pub fn numel(&self) -> usize {
        self.shape.iter().product()
    }
}

impl std::fmt::Display for Aval {
    /// `f32[2,3]` (jaxpr style).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[", self.dtype)?;
        for (i, d) in self.shape.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{d}")?;
        }
        f.write_str("]")
    }
}

/// An SSA variable: index into [`Graph::avals`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Var(pub u32);

impl Var {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Values of a constant. One value = a splat over `shape`; otherwise exactly
/// `numel` values in row-major order. Floats are kept as `f64` and integers
/// (and bools as 0/1) as `i64`, which prints directly as StableHLO
/// `dense<...>`. Keep big arrays out of graphs: pass them as inputs.
#[derive(Clone, Debug, PartialEq)]
pub enum LitValues {
    F64(Vec<f64>),
    I64(Vec<i64>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Literal {
    pub shape: Vec<usize>,
    pub dtype: DType,
    pub values: LitValues,
}

impl Literal {
    /// A splat of `value` (converted to `dtype`) over `shape`.
    pub fn splat(value: f64, shape: impl Into<Vec<usize>>, dtype: DType) -> Literal {
        let values = if dtype.is_float() {
            LitValues::F64(vec![value])
        } else {
            LitValues::I64(vec![value as i64])
        };
        Literal {
            shape: shape.into(),
            dtype,
            values,
        }
    }
    pub fn is_splat(&self) -> bool {
        self.len() == 1
    }
    /// Number of stored values (1 for a splat).
    pub fn len(&self) -> usize {
        match &self.values {
            LitValues::F64(v) => v.len(),
            LitValues::I64(v) => v.len(),
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Stored value `i` as f64 (exact for integers below 2^53).
    pub fn get_f64(&self, i: usize) -> f64 {
        match &self.values {
            LitValues::F64(v) => v[i],
            LitValues::I64(v) => v[i] as f64,
        }
    }
}

/// Comparison direction (StableHLO `compare`, comparison_direction).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpDir {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// Convolution dimension numbers, as StableHLO `convolution` has them.
/// `*_spatial[i]` are matched by index across input, kernel and output.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ConvDims {
    pub input_batch: usize,
    pub input_feature: usize,
    pub input_spatial: Vec<usize>,
    pub kernel_input_feature: usize,
    pub kernel_output_feature: usize,
    pub kernel_spatial: Vec<usize>,
    pub output_batch: usize,
    pub output_feature: usize,
    pub output_spatial: Vec<usize>,
}

impl ConvDims {
    /// 2-D NHWC input, HWIO kernel, NHWC output (the default layout).
    pub fn nhwc_hwio() -> ConvDims {
        ConvDims {
            input_batch: 0,
            input_feature: 3,
            input_spatial: vec![1, 2],
            kernel_input_feature: 2,
            kernel_output_feature: 3,
            kernel_spatial: vec![0, 1],
            output_batch: 0,
            output_feature: 3,
            output_spatial: vec![1, 2],
        }
    }
}

/// Reduction of `ReduceWindow`. Average pooling is `Sum` divided by the count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WindowKind {
    /// Init value -inf (lowest finite value for integers).
    Max,
    /// Init value 0.
    Sum,
}

/// The primitives: a closed enum with typed parameters, so a transformation
/// without a rule for a new primitive is a compile error.
///
/// Binary elementwise primitives need operands of equal shape and dtype (no
/// implicit broadcasting in the IR; the builder inserts `BroadcastInDim`).
#[derive(Clone, Debug, PartialEq)]
pub enum Prim {
    Add,
    Sub,
    Mul,
    /// Integer division rounds toward zero (StableHLO `divide`).
    Div,
    Neg,
    Max,
    Min,
    Pow,
    Exp,
    Log,
    Log1p,
    Tanh,
    Logistic,
    Sqrt,
    Rsqrt,
    Abs,
    Sign,
    /// Two operands of equal shape/dtype; result `Bool` of the same shape.
    Compare {
        dir: CmpDir,
    },
    /// `(pred: Bool[s], on_true: T[s], on_false: T[s])`; the predicate must
    /// have the operand shape (StableHLO also allows a scalar predicate; we
    /// do not).
    Select,
    Convert {
        to: DType,
    },
    /// No inputs.
    Constant {
        value: Literal,
    },
    /// No inputs; `iota` along `dim`.
    Iota {
        shape: Vec<usize>,
        dtype: DType,
        dim: usize,
    },
    /// Operand dim `i` maps to result dim `dims[i]` (StableHLO
    /// `broadcast_in_dim`: operand dims are 1 or equal to the result dim).
    BroadcastInDim {
        shape: Vec<usize>,
        dims: Vec<usize>,
    },
    /// Row-major reshape; element count must match.
    Reshape {
        shape: Vec<usize>,
    },
    /// Result dim `i` is operand dim `perm[i]`.
    Transpose {
        perm: Vec<usize>,
    },
    /// Reverse the elements along `dims` (StableHLO `reverse`); needed for
    /// the input gradient of convolution.
    Reverse {
        dims: Vec<usize>,
    },
    /// Static strided slice, `start <= limit <= dim`, `stride >= 1`.
    Slice {
        start: Vec<usize>,
        limit: Vec<usize>,
        stride: Vec<usize>,
    },
    /// `(operand, padding_value: scalar of the operand dtype)`. `low` and
    /// `high` may be NEGATIVE (crop), as in StableHLO `pad`; `interior >= 0`.
    Pad {
        low: Vec<i64>,
        high: Vec<i64>,
        interior: Vec<usize>,
    },
    /// One or more operands, equal except along `dim`.
    Concatenate {
        dim: usize,
    },
    /// Sum over `axes` (removed from the shape). Init value 0.
    ReduceSum {
        axes: Vec<usize>,
    },
    /// Max over `axes` (removed). Init value -inf / lowest integer.
    ReduceMax {
        axes: Vec<usize>,
    },
    /// StableHLO `dot_general`; result dims: batch, lhs free, rhs free (each
    /// in operand order). Result dtype = operand dtype.
    DotGeneral {
        lhs_batch: Vec<usize>,
        rhs_batch: Vec<usize>,
        lhs_contract: Vec<usize>,
        rhs_contract: Vec<usize>,
    },
    /// StableHLO `convolution` `(input, kernel)`. `padding[i]` is (low, high)
    /// of spatial dim i, may be negative. All vectors have one entry per
    /// spatial dim.
    Conv {
        window_strides: Vec<usize>,
        padding: Vec<(i64, i64)>,
        lhs_dilation: Vec<usize>,
        rhs_dilation: Vec<usize>,
        feature_group_count: usize,
        batch_group_count: usize,
        dimension_numbers: ConvDims,
    },
    /// StableHLO `reduce_window` with one operand, window over ALL dims
    /// (1 for untouched dims), no base/window dilation. Padding is applied
    /// with the init value of `kind`, so max-pool padding never wins.
    ReduceWindow {
        kind: WindowKind,
        window: Vec<usize>,
        strides: Vec<usize>,
        padding: Vec<(i64, i64)>,
    },
    /// StableHLO `select_and_scatter` `(operand, source)` with select =
    /// `compare GE` and scatter = `add` from an initial 0: in every window
    /// (as `ReduceWindow` has them) ONE position of `operand` holding the
    /// window's maximum is selected, and that window's `source` value is
    /// added at it. Positions in the padding are never selected. Which
    /// maximum wins a tie depends on the order the implementation scans the
    /// window in, which the spec leaves open (the interpreter scans
    /// row-major; XLA:CPU does not always). `source` has the shape of the windowed max; the result has
    /// the operand's. This is the gradient of max pooling: unlike comparing
    /// the input with a recomputed maximum, each window's cotangent lands
    /// on exactly one input whatever bits the compiler recomputes (JAX lowers
    /// the max-pool gradient the same way, `_select_and_scatter_add`).
    SelectAndScatterMax {
        window: Vec<usize>,
        strides: Vec<usize>,
        padding: Vec<(i64, i64)>,
    },
    /// Identity whose derivative is zero.
    StopGradient,
    /// `(key: U32[4])` -> uniform samples in [0, 1) of `shape`/`dtype`
    /// (float). Lowered via `stablehlo.rng_bit_generator` (THREE_FRY, the
    /// key reinterpreted as the `ui64[2]` state). Bit patterns are NOT
    /// specified: the interpreter uses its own generator.
    RngUniform {
        shape: Vec<usize>,
        dtype: DType,
    },
    /// As `RngUniform`, standard normal samples.
    RngNormal {
        shape: Vec<usize>,
        dtype: DType,
    },
    /// Sum of the operand over the `replicas` replicas of a replicated
    /// program (JAX's `psum` over a `pmap` axis): StableHLO `all_reduce` with
    /// `replica_groups = [[0, 1, ..., replicas - 1]]` and an `add` region.
    /// The program must be compiled with `num_replicas = replicas`; every
    /// replica gets the same shape and dtype back. Float or integer operands.
    /// The interpreter runs ONE replica, so it evaluates `replicas = 1` (the
    /// identity) and refuses more. Neither `vjp` nor `vmap` has a rule: the
    /// data-parallel step reduces gradients AFTER differentiation and
    /// batching (`train::data_parallel`), so nothing needs one.
    AllReduceSum {
        replicas: usize,
    },
}

/// The shape the key input of `RngUniform`/`RngNormal` must have.
pub const KEY_SHAPE: [usize; 1] = [4];
/// The dtype of a key.
pub const KEY_DTYPE: DType = DType::U32;

/// One equation: `outs = prim(inputs)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Eqn {
    pub prim: Prim,
    pub inputs: Vec<Var>,
    pub outs: Vec<Var>,
}

/// A traced function: flat SSA equations over vars typed by `avals`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Graph {
    pub avals: Vec<Aval>,
    pub inputs: Vec<Var>,
    pub eqns: Vec<Eqn>,
    pub outputs: Vec<Var>,
}

impl Graph {
    pub fn aval(&self, v: Var) -> &Aval {
        &self.avals[v.index()]
    }
    pub fn input_avals(&self) -> Vec<Aval> {
        self.inputs.iter().map(|v| self.aval(*v).clone()).collect()
    }
    pub fn output_avals(&self) -> Vec<Aval> {
        self.outputs.iter().map(|v| self.aval(*v).clone()).collect()
    }
}
