//! Spelling of StableHLO types, attributes and literals.

use dpxla_core::trace::{LitValues, Literal};

use dpxla_core::array::DType;

/// `tensor<2x3xf32>`, `tensor<f32>` for scalars.
pub fn tensor_type_of(shape: &[usize], dtype: DType) -> String {
    tensor_type_named(shape, dtype.mlir_name())
}

/// A tensor type with a spelled-out element type (also those the IR lacks, such
/// as the `ui64` state of the random bit generator).
pub fn tensor_type_named(shape: &[usize], elem: &str) -> String {
    let mut s = String::from("tensor<");
    for d in shape {
        s.push_str(&d.to_string());
        s.push('x');
    }
    s.push_str(elem);
    s.push('>');
    s
}

/// `array<i64: 1, 2>` (a DenseI64ArrayAttr).
pub fn i64_array<T: Copy + Into<i64>>(values: &[T]) -> String {
    if values.is_empty() {
        return "array<i64>".into();
    }
    let items: Vec<String> = values.iter().map(|&v| v.into().to_string()).collect();
    format!("array<i64: {}>", items.join(", "))
}

pub fn usize_array(values: &[usize]) -> String {
    let v: Vec<i64> = values.iter().map(|&x| x as i64).collect();
    i64_array(&v)
}

/// `[0, 1]` (a plain list inside `#stablehlo.dot<...>`).
pub fn list(values: &[usize]) -> String {
    let items: Vec<String> = values.iter().map(|v| v.to_string()).collect();
    format!("[{}]", items.join(", "))
}

/// `dense<[[lo, hi], ...]> : tensor<Nx2xi64>` for padding attributes.
pub fn padding_attr(padding: &[(i64, i64)]) -> String {
    let rows: Vec<String> = padding.iter().map(|(l, h)| format!("[{l}, {h}]")).collect();
    format!(
        "dense<[{}]> : tensor<{}x2xi64>",
        rows.join(", "),
        padding.len()
    )
}

/// One element in the exact form MLIR parses: floats as the hex of their bits
/// (exact, and the only spelling for inf and NaN), integers in decimal, bools as
/// `true`/`false`.
pub fn scalar_literal(value: f64, int_value: Option<i64>, dtype: DType) -> String {
    match dtype {
        DType::F32 => format!("0x{:08X}", (value as f32).to_bits()),
        DType::F64 => format!("0x{:016X}", value.to_bits()),
        DType::BF16 => format!(
            "0x{:04X}",
            dpxla_core::array::Bf16::from_f32(value as f32).0
        ),
        DType::Bool => (int_value.map_or(value != 0.0, |i| i != 0)).to_string(),
        DType::I32 | DType::I64 | DType::U8 | DType::U32 => {
            int_value.unwrap_or(value as i64).to_string()
        }
    }
}

/// `dense<...> : tensor<...>` for a literal (splat or full, row-major, nested
/// brackets per dimension as MLIR expects).
pub fn dense_literal(lit: &Literal) -> String {
    let ty = tensor_type_of(&lit.shape, lit.dtype);
    let elem = |i: usize| match &lit.values {
        LitValues::F64(v) => scalar_literal(v[i], None, lit.dtype),
        LitValues::I64(v) => scalar_literal(v[i] as f64, Some(v[i]), lit.dtype),
    };
    if lit.is_splat() {
        return format!("dense<{}> : {ty}", elem(0));
    }
    fn nest(shape: &[usize], offset: usize, elem: &dyn Fn(usize) -> String) -> String {
        match shape.split_first() {
            None => elem(offset),
            Some((&n, rest)) => {
                let stride: usize = rest.iter().product();
                let items: Vec<String> = (0..n)
                    .map(|i| nest(rest, offset + i * stride, elem))
                    .collect();
                format!("[{}]", items.join(", "))
            }
        }
    }
    format!("dense<{}> : {ty}", nest(&lit.shape, 0, &elem))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_and_literals_are_spelled_as_mlir_expects() {
        assert_eq!(tensor_type_of(&[2, 3], DType::F32), "tensor<2x3xf32>");
        assert_eq!(tensor_type_of(&[], DType::Bool), "tensor<i1>");
        // 1.0f32 = 0x3F800000; -inf f64 = 0xFFF0000000000000.
        assert_eq!(scalar_literal(1.0, None, DType::F32), "0x3F800000");
        assert_eq!(
            scalar_literal(f64::NEG_INFINITY, None, DType::F64),
            "0xFFF0000000000000"
        );
        assert_eq!(scalar_literal(-3.0, Some(-3), DType::I32), "-3");
        let lit = Literal {
            shape: vec![2, 2],
            dtype: DType::I64,
            values: LitValues::I64(vec![1, 2, 3, 4]),
        };
        assert_eq!(
            dense_literal(&lit),
            "dense<[[1, 2], [3, 4]]> : tensor<2x2xi64>"
        );
        assert_eq!(padding_attr(&[(1, 2)]), "dense<[[1, 2]]> : tensor<1x2xi64>");
    }
}
