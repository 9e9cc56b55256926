//! Convenience ops on [`Tensor`], each built from primitives. Binary ops
//! broadcast numpy-style (trailing dims aligned; size-1 dims stretch) by
//! inserting `broadcast_in_dim`; `f64` operands become scalar constants of
//! the tensor's dtype.

use std::ops;

use super::builder::Tensor;
use super::ir::{
    BinaryOp, CmpDir, ConvDims, ConvParams, DotDims, Prim, ReduceOp, UnaryOp, WindowParams,
};
use crate::array::DType;

/// The numpy broadcast of two shapes, or None.
pub(crate) fn broadcast_shapes(a: &[usize], b: &[usize]) -> Option<Vec<usize>> {
    let r = a.len().max(b.len());
    let get = |s: &[usize], i: usize| {
        if i + s.len() < r {
            1
        } else {
            s[i + s.len() - r]
        }
    };
    (0..r)
        .map(|i| match (get(a, i), get(b, i)) {
            (x, y) if x == y => Some(x),
            (1, y) => Some(y),
            (x, 1) => Some(x),
            _ => None,
        })
        .collect()
}

impl<'b> Tensor<'b> {
    #[track_caller]
    fn unary(self, prim: Prim) -> Tensor<'b> {
        self.builder().emit(prim, &[self])
    }

    /// Elementwise binary primitive with numpy broadcasting.
    #[track_caller]
    pub fn binary(self, prim: Prim, other: Tensor<'b>) -> Tensor<'b> {
        let (sa, sb) = (self.shape(), other.shape());
        if sa == sb {
            return self.builder().emit(prim, &[self, other]);
        }
        match broadcast_shapes(&sa, &sb) {
            Some(s) => {
                let (x, y) = (self.broadcast_to(&s), other.broadcast_to(&s));
                self.builder().emit(prim, &[x, y])
            }
            None => {
                self.builder().fail(
                    prim.name(),
                    &[self.aval(), other.aval()],
                    "shapes do not broadcast",
                );
                self
            }
        }
    }

    /// A scalar constant of this tensor's dtype.
    #[track_caller]
    pub fn lit(self, v: f64) -> Tensor<'b> {
        self.builder().scalar(v, self.dtype())
    }

    /// numpy-style broadcast to `shape` (trailing dims aligned).
    #[track_caller]
    pub fn broadcast_to(self, shape: &[usize]) -> Tensor<'b> {
        let s = self.shape();
        if s == shape {
            return self;
        }
        if s.len() > shape.len() {
            self.builder().fail(
                "broadcast_to",
                &[self.aval()],
                format!("cannot broadcast to {shape:?}"),
            );
            return self;
        }
        let off = shape.len() - s.len();
        // Drop size-1 dims that stretch, so broadcast_in_dim sees exact dims.
        let keep: Vec<usize> = (0..s.len()).filter(|&i| s[i] == shape[i + off]).collect();
        let x = if keep.len() == s.len() {
            self
        } else {
            self.reshape(&keep.iter().map(|&i| s[i]).collect::<Vec<_>>())
        };
        let dims: Vec<usize> = keep.iter().map(|&i| i + off).collect();
        x.broadcast_in_dim(shape, &dims)
    }

    #[track_caller]
    pub fn broadcast_in_dim(self, shape: &[usize], dims: &[usize]) -> Tensor<'b> {
        self.unary(Prim::BroadcastInDim {
            shape: shape.to_vec(),
            dims: dims.to_vec(),
        })
    }
    #[track_caller]
    pub fn reshape(self, shape: &[usize]) -> Tensor<'b> {
        if self.shape() == shape {
            return self;
        }
        self.unary(Prim::Reshape {
            shape: shape.to_vec(),
        })
    }
    #[track_caller]
    pub fn transpose(self, perm: &[usize]) -> Tensor<'b> {
        if perm.iter().enumerate().all(|(i, &p)| i == p) && perm.len() == self.rank() {
            return self;
        }
        self.unary(Prim::Transpose {
            perm: perm.to_vec(),
        })
    }
    #[track_caller]
    pub fn reverse(self, dims: &[usize]) -> Tensor<'b> {
        self.unary(Prim::Reverse {
            dims: dims.to_vec(),
        })
    }
    #[track_caller]
    pub fn slice(self, start: &[usize], limit: &[usize], stride: &[usize]) -> Tensor<'b> {
        self.unary(Prim::Slice {
            start: start.to_vec(),
            limit: limit.to_vec(),
            stride: stride.to_vec(),
        })
    }
    /// Pad with the scalar `value` (negative low/high crop).
    #[track_caller]
    pub fn pad(self, low: &[i64], high: &[i64], interior: &[usize], value: f64) -> Tensor<'b> {
        let v = self.lit(value);
        self.pad_with(v, low, high, interior)
    }
    #[track_caller]
    pub fn pad_with(
        self,
        value: Tensor<'b>,
        low: &[i64],
        high: &[i64],
        interior: &[usize],
    ) -> Tensor<'b> {
        let p = Prim::Pad {
            low: low.to_vec(),
            high: high.to_vec(),
            interior: interior.to_vec(),
        };
        self.builder().emit(p, &[self, value])
    }
    #[track_caller]
    pub fn convert(self, to: DType) -> Tensor<'b> {
        if self.dtype() == to {
            return self;
        }
        self.unary(Prim::Convert { to })
    }
    #[track_caller]
    pub fn stop_gradient(self) -> Tensor<'b> {
        self.unary(Prim::StopGradient)
    }
    /// `what` (= `standardize_kernel(self, eps)`, computed by the caller),
    /// marked as the weight standardisation of the kernel `self`
    /// ([`Prim::WsStandardised`]): its gradient reaches `self` through the
    /// WS Jacobian, where the clipping can factor it (issue 24).
    #[track_caller]
    pub fn ws_standardised(self, what: Tensor<'b>, eps: f64) -> Tensor<'b> {
        self.builder()
            .emit(Prim::WsStandardised { eps }, &[self, what])
    }
    /// Sum over the `replicas` replicas of a replicated program
    /// ([`Prim::AllReduceSum`], JAX's `psum`).
    #[track_caller]
    pub fn all_reduce_sum(self, replicas: usize) -> Tensor<'b> {
        self.unary(Prim::AllReduceSum { replicas })
    }
    #[track_caller]
    pub fn exp(self) -> Tensor<'b> {
        self.unary(Prim::Unary(UnaryOp::Exp))
    }
    #[track_caller]
    pub fn log(self) -> Tensor<'b> {
        self.unary(Prim::Unary(UnaryOp::Log))
    }
    #[track_caller]
    pub fn log1p(self) -> Tensor<'b> {
        self.unary(Prim::Unary(UnaryOp::Log1p))
    }
    #[track_caller]
    pub fn tanh(self) -> Tensor<'b> {
        self.unary(Prim::Unary(UnaryOp::Tanh))
    }
    /// The logistic sigmoid 1 / (1 + e^-x).
    #[track_caller]
    pub fn logistic(self) -> Tensor<'b> {
        self.unary(Prim::Unary(UnaryOp::Logistic))
    }
    #[track_caller]
    pub fn sqrt(self) -> Tensor<'b> {
        self.unary(Prim::Unary(UnaryOp::Sqrt))
    }
    #[track_caller]
    pub fn rsqrt(self) -> Tensor<'b> {
        self.unary(Prim::Unary(UnaryOp::Rsqrt))
    }
    #[track_caller]
    pub fn abs(self) -> Tensor<'b> {
        self.unary(Prim::Unary(UnaryOp::Abs))
    }
    #[track_caller]
    pub fn sign(self) -> Tensor<'b> {
        self.unary(Prim::Unary(UnaryOp::Sign))
    }
    #[track_caller]
    pub fn square(self) -> Tensor<'b> {
        self * self
    }
    #[track_caller]
    pub fn max(self, other: Tensor<'b>) -> Tensor<'b> {
        self.binary(Prim::Binary(BinaryOp::Max), other)
    }
    #[track_caller]
    pub fn min(self, other: Tensor<'b>) -> Tensor<'b> {
        self.binary(Prim::Binary(BinaryOp::Min), other)
    }
    #[track_caller]
    pub fn pow(self, other: Tensor<'b>) -> Tensor<'b> {
        self.binary(Prim::Binary(BinaryOp::Pow), other)
    }
    #[track_caller]
    pub fn compare(self, other: Tensor<'b>, dir: CmpDir) -> Tensor<'b> {
        self.binary(Prim::Compare(dir), other)
    }
    #[track_caller]
    pub fn eq(self, other: Tensor<'b>) -> Tensor<'b> {
        self.compare(other, CmpDir::Eq)
    }
    #[track_caller]
    pub fn gt(self, other: Tensor<'b>) -> Tensor<'b> {
        self.compare(other, CmpDir::Gt)
    }
    #[track_caller]
    pub fn lt(self, other: Tensor<'b>) -> Tensor<'b> {
        self.compare(other, CmpDir::Lt)
    }
    /// `self ? on_true : on_false` for a bool `self` (broadcasting).
    #[track_caller]
    pub fn select(self, on_true: Tensor<'b>, on_false: Tensor<'b>) -> Tensor<'b> {
        let s = broadcast_shapes(&self.shape(), &on_true.shape())
            .and_then(|s| broadcast_shapes(&s, &on_false.shape()))
            .unwrap_or_else(|| self.shape());
        let b = self.builder();
        b.select(
            self.broadcast_to(&s),
            on_true.broadcast_to(&s),
            on_false.broadcast_to(&s),
        )
    }
    /// Sum over `axes` (removed).
    #[track_caller]
    pub fn sum(self, axes: &[usize]) -> Tensor<'b> {
        self.unary(Prim::Reduce {
            op: ReduceOp::Sum,
            axes: axes.to_vec(),
        })
    }
    /// Sum of all elements (a scalar).
    #[track_caller]
    pub fn sum_all(self) -> Tensor<'b> {
        let axes: Vec<usize> = (0..self.rank()).collect();
        self.sum(&axes)
    }
    /// Max over `axes` (removed).
    #[track_caller]
    pub fn reduce_max(self, axes: &[usize]) -> Tensor<'b> {
        self.unary(Prim::Reduce {
            op: ReduceOp::Max,
            axes: axes.to_vec(),
        })
    }
    /// Mean over `axes`.
    #[track_caller]
    pub fn mean(self, axes: &[usize]) -> Tensor<'b> {
        let s = self.shape();
        let n: usize = axes
            .iter()
            .map(|&a| s.get(a).copied().unwrap_or(1))
            .product();
        self.sum(axes) / n as f64
    }
    /// `dot_general` (StableHLO); result dims: batch, lhs free, rhs free.
    #[track_caller]
    pub fn dot_general(
        self,
        rhs: Tensor<'b>,
        lhs_batch: &[usize],
        rhs_batch: &[usize],
        lhs_contract: &[usize],
        rhs_contract: &[usize],
    ) -> Tensor<'b> {
        let p = Prim::DotGeneral(DotDims {
            lhs_batch: lhs_batch.to_vec(),
            rhs_batch: rhs_batch.to_vec(),
            lhs_contract: lhs_contract.to_vec(),
            rhs_contract: rhs_contract.to_vec(),
        });
        self.builder().emit(p, &[self, rhs])
    }
    /// General convolution with explicit parameters (StableHLO).
    #[allow(clippy::too_many_arguments)]
    #[track_caller]
    pub fn conv_general(
        self,
        kernel: Tensor<'b>,
        window_strides: &[usize],
        padding: &[(i64, i64)],
        lhs_dilation: &[usize],
        rhs_dilation: &[usize],
        feature_group_count: usize,
        batch_group_count: usize,
        dimension_numbers: ConvDims,
    ) -> Tensor<'b> {
        let p = Prim::Conv(ConvParams {
            window_strides: window_strides.to_vec(),
            padding: padding.to_vec(),
            lhs_dilation: lhs_dilation.to_vec(),
            rhs_dilation: rhs_dilation.to_vec(),
            feature_group_count,
            batch_group_count,
            dimension_numbers,
        });
        self.builder().emit(p, &[self, kernel])
    }

    /// `reduce_window` (StableHLO) with `op` over windows of `window` with
    /// `strides` and (low, high) `padding`, one entry per dim (1, 1, (0, 0)
    /// for untouched dims). Padding takes the init value of `op`.
    #[track_caller]
    pub fn reduce_window(
        self,
        op: ReduceOp,
        window: &[usize],
        strides: &[usize],
        padding: &[(i64, i64)],
    ) -> Tensor<'b> {
        let p = Prim::ReduceWindow(
            op,
            WindowParams {
                window: window.to_vec(),
                strides: strides.to_vec(),
                padding: padding.to_vec(),
            },
        );
        self.builder().emit(p, &[self])
    }
    /// Contract the last dim of `self` with the first dim of `rhs`.
    #[track_caller]
    pub fn matmul(self, rhs: Tensor<'b>) -> Tensor<'b> {
        if self.rank() == 0 || rhs.rank() == 0 {
            self.builder().fail(
                "matmul",
                &[self.aval(), rhs.aval()],
                "operands need rank >= 1",
            );
            return self;
        }
        self.dot_general(rhs, &[], &[], &[self.rank() - 1], &[0])
    }
}

macro_rules! binop {
    ($tr:ident, $method:ident, $prim:expr) => {
        impl<'b> ops::$tr<Tensor<'b>> for Tensor<'b> {
            type Output = Tensor<'b>;
            #[track_caller]
            fn $method(self, rhs: Tensor<'b>) -> Tensor<'b> {
                self.binary($prim, rhs)
            }
        }
        impl<'b> ops::$tr<f64> for Tensor<'b> {
            type Output = Tensor<'b>;
            #[track_caller]
            fn $method(self, rhs: f64) -> Tensor<'b> {
                let r = self.lit(rhs);
                self.binary($prim, r)
            }
        }
        impl<'b> ops::$tr<Tensor<'b>> for f64 {
            type Output = Tensor<'b>;
            #[track_caller]
            fn $method(self, rhs: Tensor<'b>) -> Tensor<'b> {
                rhs.lit(self).binary($prim, rhs)
            }
        }
    };
}

binop!(Add, add, Prim::Binary(BinaryOp::Add));
binop!(Sub, sub, Prim::Binary(BinaryOp::Sub));
binop!(Mul, mul, Prim::Binary(BinaryOp::Mul));
binop!(Div, div, Prim::Binary(BinaryOp::Div));

impl<'b> ops::Neg for Tensor<'b> {
    type Output = Tensor<'b>;
    #[track_caller]
    fn neg(self) -> Tensor<'b> {
        self.unary(Prim::Unary(UnaryOp::Neg))
    }
}
