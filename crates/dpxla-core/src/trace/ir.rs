//! The IR: a jaxpr-like flat SSA graph (Autodidax, "Jaxpr data structures").
//!
//! A [`Graph`] is a list of equations over [`Var`]s; every var indexes the
//! [`Graph::avals`] table (its abstract value: shape + dtype). Every
//! equation has exactly ONE output var ([`Eqn::out`]).
//!
//! Semantics of every [`Prim`] follow the StableHLO op of the same name
//! (<https://github.com/openxla/stablehlo/blob/main/docs/spec.md>); where we
//! restrict the spec (e.g. `select` needs a predicate of the operand shape)
//! the restriction is documented on the variant and enforced by
//! [`crate::trace::abstract_eval`].

use crate::array::DType;

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

pub use super::elementwise::{BinaryOp, CmpDir, UnaryOp};

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

/// Parameters of [`Prim::Conv`] (StableHLO `convolution`). `padding[i]` is
/// (low, high) of spatial dim i and may be negative. All vectors have one
/// entry per spatial dim.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ConvParams {
    /// Stride of the window over each spatial dim.
    pub window_strides: Vec<usize>,
    /// (low, high) padding of each spatial dim of the (dilated) input.
    pub padding: Vec<(i64, i64)>,
    /// Input dilation (holes between input elements; > 1 for transposed
    /// convolutions).
    pub lhs_dilation: Vec<usize>,
    /// Kernel dilation (atrous convolution).
    pub rhs_dilation: Vec<usize>,
    /// Input features split into this many groups (depthwise = C).
    pub feature_group_count: usize,
    /// Input batch split into this many groups (kernel gradients).
    pub batch_group_count: usize,
    /// Which dim of each operand is batch, feature, spatial.
    pub dimension_numbers: ConvDims,
}

/// Dimension numbers of [`Prim::DotGeneral`] (StableHLO `dot_general`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DotDims {
    /// Batch dims of the lhs (matched pairwise with `rhs_batch`).
    pub lhs_batch: Vec<usize>,
    /// Batch dims of the rhs.
    pub rhs_batch: Vec<usize>,
    /// Contracted dims of the lhs (matched pairwise with `rhs_contract`).
    pub lhs_contract: Vec<usize>,
    /// Contracted dims of the rhs.
    pub rhs_contract: Vec<usize>,
}

/// The reduction of [`Prim::Reduce`] and [`Prim::ReduceWindow`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReduceOp {
    /// Init value 0. (Average pooling is a windowed sum divided by the count.)
    Sum,
    /// Init value -inf (lowest finite value for integers).
    Max,
}

/// The window of [`Prim::ReduceWindow`] and [`Prim::SelectAndScatterMax`]:
/// one entry per operand dim (1 for untouched dims), no base or window
/// dilation. `padding[i]` is (low, high) of dim i.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct WindowParams {
    /// Window size per dim.
    pub window: Vec<usize>,
    /// Window stride per dim.
    pub strides: Vec<usize>,
    /// (low, high) padding per dim.
    pub padding: Vec<(i64, i64)>,
}

/// The distribution of [`Prim::Rng`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RngDist {
    /// Uniform in [0, 1).
    Uniform,
    /// Standard normal.
    Normal,
}

/// The primitives, grouped in families with typed parameters: a closed enum,
/// so a transformation without a rule for a new primitive is a compile
/// error. Every equation has ONE output.
///
/// Elementwise ops are the families [`Prim::Unary`] ([`UnaryOp`]),
/// [`Prim::Binary`] ([`BinaryOp`]) and [`Prim::Compare`] ([`CmpDir`]); their
/// per-op properties (name, StableHLO op, dtype rule, evaluation) are tables
/// on those enums, and their derivatives one match per family in
/// `transform::vjp_rules`.
///
/// # Adding a primitive
///
/// - an elementwise op: a variant of its op enum; the compiler then asks for
///   its arms in `trace/elementwise.rs` (name, StableHLO op, dtype rule,
///   evaluation) and in the family's derivative match in
///   `transform/vjp_rules.rs`; add a `Tensor` method in `trace/tensor.rs`
///   for users. Nothing else changes.
/// - any other primitive: a variant here (parameters in a struct of their
///   own when a helper needs them), then the arms the compiler asks for, one
///   per file: `trace/pretty.rs` (name and printed parameters),
///   `trace/shape.rs` (shape rule), `trace/interp.rs` (evaluation),
///   `transform/vjp_rules.rs` (transpose rule), `transform/vmap_rules.rs`
///   (batching rule) and `lower/ops.rs` (StableHLO); plus a `Tensor` or
///   `Builder` method. No match over `Prim` has a catch-all arm, so none can
///   be missed.
#[derive(Clone, Debug, PartialEq)]
pub enum Prim {
    /// One operand, elementwise: see [`UnaryOp`].
    Unary(UnaryOp),
    /// Two operands of equal shape and dtype, elementwise: see [`BinaryOp`].
    Binary(BinaryOp),
    /// Two operands of equal shape/dtype; result `Bool` of the same shape.
    Compare(CmpDir),
    /// `(pred: Bool[s], on_true: T[s], on_false: T[s])`; the predicate must
    /// have the operand shape (StableHLO also allows a scalar predicate; we
    /// do not).
    Select,
    /// Elementwise conversion to dtype `to` (floats to integers truncate).
    Convert { to: DType },
    /// No inputs.
    Constant { value: Literal },
    /// No inputs; `iota` along `dim`.
    Iota {
        shape: Vec<usize>,
        dtype: DType,
        dim: usize,
    },
    /// Operand dim `i` maps to result dim `dims[i]` (StableHLO
    /// `broadcast_in_dim`: operand dims are 1 or equal to the result dim).
    BroadcastInDim { shape: Vec<usize>, dims: Vec<usize> },
    /// Row-major reshape; element count must match.
    Reshape { shape: Vec<usize> },
    /// Result dim `i` is operand dim `perm[i]`.
    Transpose { perm: Vec<usize> },
    /// Reverse the elements along `dims` (StableHLO `reverse`); needed for
    /// the input gradient of convolution.
    Reverse { dims: Vec<usize> },
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
    Concatenate { dim: usize },
    /// Reduce over `axes` (removed from the shape) with `op`, from the
    /// op's init value (StableHLO `reduce`); printed `reduce_sum` /
    /// `reduce_max`.
    Reduce { op: ReduceOp, axes: Vec<usize> },
    /// StableHLO `dot_general`; result dims: batch, lhs free, rhs free (each
    /// in operand order). Result dtype = operand dtype.
    DotGeneral(DotDims),
    /// StableHLO `convolution` `(input, kernel)`.
    Conv(ConvParams),
    /// StableHLO `reduce_window` with one operand (see [`WindowParams`]).
    /// Padding is applied with the init value of the reduction, so max-pool
    /// padding never wins.
    ReduceWindow(ReduceOp, WindowParams),
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
    SelectAndScatterMax(WindowParams),
    /// Identity whose derivative is zero.
    StopGradient,
    /// `(key: U32[4])` -> samples of `dist` of `shape`/`dtype` (float;
    /// uniform in [0, 1) or standard normal). Lowered via
    /// `stablehlo.rng_bit_generator` (THREE_FRY, the key reinterpreted as
    /// the `ui64[2]` state). Bit patterns are NOT specified: the interpreter
    /// uses its own generator.
    Rng {
        dist: RngDist,
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
    /// batching (`train::programs::data_parallel`), so nothing needs one.
    AllReduceSum { replicas: usize },
    /// Weight-standardisation marker (issue 24 item 2): `(w, what)` ->
    /// `what`, where `what` is `standardize_kernel(w, eps)` (per output
    /// channel, the last axis) as the caller computed it. A custom vjp: the
    /// value is `what`, the derivative is taken w.r.t. `w` through the WS
    /// Jacobian (`transform::ws_jacobian`), emitted as [`Prim::WsGradient`]
    /// so that `transform::ghost::factor_gradient` can see through the
    /// standardisation. Lowered and evaluated as `what` (no op).
    WsStandardised { eps: f64 },
    /// `(j, m, w)` -> `j`, where `j` = J_w(m), the WS Jacobian of `w` (floor
    /// `eps`) applied to `m`, optionally with leading example axes. Only the
    /// transpose of [`Prim::WsStandardised`] emits it; a marker, lowered and
    /// evaluated as `j` (no op).
    WsGradient { eps: f64 },
}

/// The shape the key input of `Prim::Rng` must have.
pub const KEY_SHAPE: [usize; 1] = [4];
/// The dtype of a key.
pub const KEY_DTYPE: DType = DType::U32;

/// One equation: `out = prim(inputs)`. Every primitive has exactly one
/// result (none of StableHLO's multi-result ops is needed), so the output is
/// a single var.
#[derive(Clone, Debug, PartialEq)]
pub struct Eqn {
    pub prim: Prim,
    pub inputs: Vec<Var>,
    pub out: Var,
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
