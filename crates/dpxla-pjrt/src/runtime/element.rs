//! Element types of device buffers and the Rust types that carry them on the host.

use super::ffi::PJRT_Buffer_Type;
use dpxla_core::array::Bf16;

/// Element types dpxla moves between host and device (a subset of
/// `PJRT_Buffer_Type`; the numeric codes are the header's enum values).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ElementType {
    Pred,
    S32,
    S64,
    U8,
    U32,
    U64,
    F32,
    F64,
    BF16,
}

impl ElementType {
    /// Size of one element in bytes.
    pub fn size_bytes(self) -> usize {
        match self {
            ElementType::Pred | ElementType::U8 => 1,
            ElementType::BF16 => 2,
            ElementType::S32 | ElementType::U32 | ElementType::F32 => 4,
            ElementType::S64 | ElementType::U64 | ElementType::F64 => 8,
        }
    }

    /// The `PJRT_Buffer_Type` code (pjrt_c_api.h enum order).
    pub(crate) fn to_pjrt(self) -> PJRT_Buffer_Type {
        match self {
            ElementType::Pred => 1,
            ElementType::S32 => 4,
            ElementType::S64 => 5,
            ElementType::U8 => 6,
            ElementType::U32 => 8,
            ElementType::U64 => 9,
            ElementType::F32 => 11,
            ElementType::F64 => 12,
            ElementType::BF16 => 13,
        }
    }

    pub(crate) fn from_pjrt(code: PJRT_Buffer_Type) -> Option<ElementType> {
        Some(match code {
            1 => ElementType::Pred,
            4 => ElementType::S32,
            5 => ElementType::S64,
            6 => ElementType::U8,
            8 => ElementType::U32,
            9 => ElementType::U64,
            11 => ElementType::F32,
            12 => ElementType::F64,
            13 => ElementType::BF16,
            _ => return None,
        })
    }

    /// The StableHLO spelling of the type (`f32`, `i1`, `ui8`, ...).
    pub fn mlir_name(self) -> &'static str {
        match self {
            ElementType::Pred => "i1",
            ElementType::S32 => "i32",
            ElementType::S64 => "i64",
            ElementType::U8 => "ui8",
            ElementType::U32 => "ui32",
            ElementType::U64 => "ui64",
            ElementType::F32 => "f32",
            ElementType::F64 => "f64",
            ElementType::BF16 => "bf16",
        }
    }
}

/// A plain-old-data Rust type with a fixed device element type.
///
/// # Safety
/// Implementors must be `Copy`, have no padding, and have the exact size and
/// in-memory representation of `ELEMENT_TYPE` on the device (little-endian).
pub unsafe trait NativeType: Copy + Default + 'static {
    const ELEMENT_TYPE: ElementType;
}

// SAFETY (all impls): each Rust type below has the size and bit layout of the
// corresponding XLA primitive type; `bool` is one byte holding 0 or 1, which is
// XLA's PRED representation.
unsafe impl NativeType for f32 {
    const ELEMENT_TYPE: ElementType = ElementType::F32;
}
// SAFETY: see above.
unsafe impl NativeType for f64 {
    const ELEMENT_TYPE: ElementType = ElementType::F64;
}
// SAFETY: see above.
unsafe impl NativeType for i32 {
    const ELEMENT_TYPE: ElementType = ElementType::S32;
}
// SAFETY: see above.
unsafe impl NativeType for i64 {
    const ELEMENT_TYPE: ElementType = ElementType::S64;
}
// SAFETY: see above.
unsafe impl NativeType for u8 {
    const ELEMENT_TYPE: ElementType = ElementType::U8;
}
// SAFETY: see above.
unsafe impl NativeType for u32 {
    const ELEMENT_TYPE: ElementType = ElementType::U32;
}
// SAFETY: see above.
unsafe impl NativeType for u64 {
    const ELEMENT_TYPE: ElementType = ElementType::U64;
}
// SAFETY: see above.
unsafe impl NativeType for bool {
    const ELEMENT_TYPE: ElementType = ElementType::Pred;
}
// SAFETY: `Bf16` is `repr(transparent)` over the 16 raw bits.
unsafe impl NativeType for Bf16 {
    const ELEMENT_TYPE: ElementType = ElementType::BF16;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pjrt_codes_round_trip() {
        for t in [
            ElementType::Pred,
            ElementType::S32,
            ElementType::S64,
            ElementType::U8,
            ElementType::U32,
            ElementType::U64,
            ElementType::F32,
            ElementType::F64,
            ElementType::BF16,
        ] {
            assert_eq!(ElementType::from_pjrt(t.to_pjrt()), Some(t));
        }
    }
}
