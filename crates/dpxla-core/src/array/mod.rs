//! Host arrays and element types: the bottom layer, used by the interpreter
//! (`trace`), the runtime, data loading, initialisation, checkpoints and the
//! trainer. It depends on nothing else in the crate.
//!
//! This is the only path of [`HostArray`], [`ArrayData`], [`DType`] and
//! [`Bf16`]: the layers above (`trace`, `runtime`, ...) use them from here.

mod bf16;

pub use bf16::Bf16;

/// Element types. `BF16` is stored as raw `u16` bits on the host.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DType {
    /// IEEE single precision.
    F32,
    /// IEEE double precision.
    F64,
    /// bfloat16 (see [`Bf16`]).
    BF16,
    /// Signed 32-bit integer.
    I32,
    /// Signed 64-bit integer.
    I64,
    /// Unsigned 8-bit integer.
    U8,
    /// Unsigned 32-bit integer.
    U32,
    /// Boolean (StableHLO `i1`).
    Bool,
}

impl DType {
    /// Floating-point dtypes are the only differentiable ones.
    pub fn is_float(self) -> bool {
        matches!(self, DType::F32 | DType::F64 | DType::BF16)
    }
    /// Signed or unsigned integers (not `Bool`).
    pub fn is_int(self) -> bool {
        matches!(self, DType::I32 | DType::I64 | DType::U8 | DType::U32)
    }
    /// Unsigned integers.
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

/// Typed host storage; `BF16` holds raw bits.
#[derive(Clone, Debug, PartialEq)]
pub enum ArrayData {
    /// [`DType::F32`] values.
    F32(Vec<f32>),
    /// [`DType::F64`] values.
    F64(Vec<f64>),
    /// [`DType::BF16`] values as raw bits (see [`Bf16`]).
    BF16(Vec<u16>),
    /// [`DType::I32`] values.
    I32(Vec<i32>),
    /// [`DType::I64`] values.
    I64(Vec<i64>),
    /// [`DType::U8`] values.
    U8(Vec<u8>),
    /// [`DType::U32`] values.
    U32(Vec<u32>),
    /// [`DType::Bool`] values.
    Bool(Vec<bool>),
}

/// A row-major array on the host.
#[derive(Clone, Debug, PartialEq)]
pub struct HostArray {
    /// Dimensions, major first.
    pub shape: Vec<usize>,
    /// The `shape.iter().product()` values, row-major.
    pub data: ArrayData,
}

fn bf16_to_f64(b: u16) -> f64 {
    Bf16(b).to_f32() as f64
}

/// Rounds through f32 to the nearest even bf16; every NaN becomes the
/// canonical quiet NaN `0x7fc0`.
fn f64_to_bf16(x: f64) -> u16 {
    if x.is_nan() {
        return 0x7fc0;
    }
    Bf16::from_f32(x as f32).0
}

/// Round an exact value to what `dtype` can hold (f32/bf16 rounding,
/// integer truncation and wrap-around, bools to 0/1).
pub fn round_to(x: f64, dtype: DType) -> f64 {
    match dtype {
        DType::F64 => x,
        DType::F32 => x as f32 as f64,
        DType::BF16 => bf16_to_f64(f64_to_bf16(x)),
        DType::I64 => x.trunc(),
        DType::I32 => (x.trunc() as i64) as i32 as f64,
        DType::U8 => (x.trunc() as i64) as u8 as f64,
        DType::U32 => (x.trunc() as i64) as u32 as f64,
        DType::Bool => (x != 0.0) as u8 as f64,
    }
}

impl ArrayData {
    /// Number of values.
    pub fn len(&self) -> usize {
        match self {
            ArrayData::F32(v) => v.len(),
            ArrayData::F64(v) => v.len(),
            ArrayData::BF16(v) => v.len(),
            ArrayData::I32(v) => v.len(),
            ArrayData::I64(v) => v.len(),
            ArrayData::U8(v) => v.len(),
            ArrayData::U32(v) => v.len(),
            ArrayData::Bool(v) => v.len(),
        }
    }
    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The element type.
    pub fn dtype(&self) -> DType {
        match self {
            ArrayData::F32(_) => DType::F32,
            ArrayData::F64(_) => DType::F64,
            ArrayData::BF16(_) => DType::BF16,
            ArrayData::I32(_) => DType::I32,
            ArrayData::I64(_) => DType::I64,
            ArrayData::U8(_) => DType::U8,
            ArrayData::U32(_) => DType::U32,
            ArrayData::Bool(_) => DType::Bool,
        }
    }
    /// Values converted from f64 (rounded/wrapped to `dtype`).
    pub fn from_f64(v: &[f64], dtype: DType) -> ArrayData {
        let r = |x: &f64| round_to(*x, dtype);
        match dtype {
            DType::F32 => ArrayData::F32(v.iter().map(|x| *x as f32).collect()),
            DType::F64 => ArrayData::F64(v.to_vec()),
            DType::BF16 => ArrayData::BF16(v.iter().map(|x| f64_to_bf16(*x)).collect()),
            DType::I32 => ArrayData::I32(v.iter().map(|x| r(x) as i32).collect()),
            DType::I64 => ArrayData::I64(v.iter().map(|x| r(x) as i64).collect()),
            DType::U8 => ArrayData::U8(v.iter().map(|x| r(x) as u8).collect()),
            DType::U32 => ArrayData::U32(v.iter().map(|x| r(x) as u32).collect()),
            DType::Bool => ArrayData::Bool(v.iter().map(|x| *x != 0.0).collect()),
        }
    }
    /// All values as f64 (exact except i64 beyond 2^53).
    pub fn to_f64(&self) -> Vec<f64> {
        match self {
            ArrayData::F32(v) => v.iter().map(|x| *x as f64).collect(),
            ArrayData::F64(v) => v.clone(),
            ArrayData::BF16(v) => v.iter().map(|x| bf16_to_f64(*x)).collect(),
            ArrayData::I32(v) => v.iter().map(|x| *x as f64).collect(),
            ArrayData::I64(v) => v.iter().map(|x| *x as f64).collect(),
            ArrayData::U8(v) => v.iter().map(|x| *x as f64).collect(),
            ArrayData::U32(v) => v.iter().map(|x| *x as f64).collect(),
            ArrayData::Bool(v) => v.iter().map(|x| *x as u8 as f64).collect(),
        }
    }
}

impl HostArray {
    /// Panics if `data` does not have `shape`'s element count.
    pub fn new(shape: impl Into<Vec<usize>>, data: ArrayData) -> HostArray {
        let shape = shape.into();
        assert_eq!(
            shape.iter().product::<usize>(),
            data.len(),
            "HostArray data length for {shape:?}"
        );
        HostArray { shape, data }
    }
    /// Values converted from f64 (rounded/wrapped to `dtype`).
    pub fn from_f64(shape: impl Into<Vec<usize>>, v: &[f64], dtype: DType) -> HostArray {
        HostArray::new(shape, ArrayData::from_f64(v, dtype))
    }
    /// An f32 array.
    pub fn f32(shape: impl Into<Vec<usize>>, v: Vec<f32>) -> HostArray {
        HostArray::new(shape, ArrayData::F32(v))
    }
    /// An f64 array.
    pub fn f64(shape: impl Into<Vec<usize>>, v: Vec<f64>) -> HostArray {
        HostArray::new(shape, ArrayData::F64(v))
    }
    /// An i32 array.
    pub fn i32(shape: impl Into<Vec<usize>>, v: Vec<i32>) -> HostArray {
        HostArray::new(shape, ArrayData::I32(v))
    }
    /// A u32 array.
    pub fn u32(shape: impl Into<Vec<usize>>, v: Vec<u32>) -> HostArray {
        HostArray::new(shape, ArrayData::U32(v))
    }
    /// A rank-0 array holding `v` converted to `dtype`.
    pub fn scalar(v: f64, dtype: DType) -> HostArray {
        HostArray::from_f64(vec![], &[v], dtype)
    }
    /// The element type.
    pub fn dtype(&self) -> DType {
        self.data.dtype()
    }
    /// Number of elements.
    pub fn numel(&self) -> usize {
        self.data.len()
    }
    /// All values as f64 (exact except i64 beyond 2^53).
    pub fn to_f64(&self) -> Vec<f64> {
        self.data.to_f64()
    }
}
