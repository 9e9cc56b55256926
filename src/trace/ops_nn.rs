//! Neural-network ops built from primitives: activations, softmax pieces,
//! one-hot, NHWC/HWIO convolution, pooling, random samples.

use super::builder::{Builder, Tensor};
use super::ir::{ConvDims, ConvParams, DType, Prim, RngDist, WindowKind, WindowParams};
use super::shape::dilate;

/// Spatial padding of convolution and pooling.
#[derive(Clone, Debug, PartialEq)]
pub enum Padding {
    /// No padding.
    Valid,
    /// Output size ceil(in / stride); the extra padding goes high (TF/XLA
    /// "SAME" convention).
    Same,
    /// (low, high) per spatial dim.
    Explicit(Vec<(i64, i64)>),
}

impl Padding {
    /// Explicit (low, high) pads for inputs `ins` and (dilated) windows `wins`.
    pub fn resolve(&self, ins: &[usize], wins: &[usize], strides: &[usize]) -> Vec<(i64, i64)> {
        match self {
            Padding::Valid => vec![(0, 0); ins.len()],
            Padding::Explicit(p) => p.clone(),
            Padding::Same => (0..ins.len())
                .map(|i| {
                    let out = ins[i].div_ceil(strides[i]);
                    let total =
                        ((out.max(1) - 1) * strides[i] + wins[i]).saturating_sub(ins[i]) as i64;
                    (total / 2, total - total / 2)
                })
                .collect(),
        }
    }
}

impl Builder {
    /// Uniform samples in [0, 1) from a `u32[4]` key.
    #[track_caller]
    pub fn rng_uniform<'a>(&'a self, key: Tensor<'a>, shape: &[usize], dtype: DType) -> Tensor<'a> {
        self.emit1(
            Prim::Rng {
                dist: RngDist::Uniform,
                shape: shape.to_vec(),
                dtype,
            },
            &[key],
        )
    }
    /// Standard normal samples from a `u32[4]` key.
    #[track_caller]
    pub fn rng_normal<'a>(&'a self, key: Tensor<'a>, shape: &[usize], dtype: DType) -> Tensor<'a> {
        self.emit1(
            Prim::Rng {
                dist: RngDist::Normal,
                shape: shape.to_vec(),
                dtype,
            },
            &[key],
        )
    }
}

impl<'b> Tensor<'b> {
    /// max(x, 0).
    #[track_caller]
    pub fn relu(self) -> Tensor<'b> {
        self.max(self.lit(0.0))
    }

    /// Broadcast a tensor reduced over `axis` back to `shape` (keepdims).
    #[track_caller]
    fn unreduce(self, shape: &[usize], axis: usize) -> Tensor<'b> {
        let dims: Vec<usize> = (0..shape.len()).filter(|&d| d != axis).collect();
        self.broadcast_in_dim(shape, &dims)
    }

    /// log(softmax(x)) along `axis`, stabilised by subtracting the max
    /// (whose gradient is stopped: the result does not depend on it).
    #[track_caller]
    pub fn log_softmax(self, axis: usize) -> Tensor<'b> {
        let s = self.shape();
        let m = self.reduce_max(&[axis]).stop_gradient().unreduce(&s, axis);
        let z = self - m;
        let lse = z.exp().sum(&[axis]).log().unreduce(&s, axis);
        z - lse
    }

    #[track_caller]
    pub fn softmax(self, axis: usize) -> Tensor<'b> {
        self.log_softmax(axis).exp()
    }

    /// One-hot encoding of integer labels: `[.., n]` of `dtype`.
    #[track_caller]
    pub fn one_hot(self, n: usize, dtype: DType) -> Tensor<'b> {
        let mut s = self.shape();
        let r = s.len();
        s.push(n);
        let classes = self.builder().iota(&s, self.dtype(), r);
        let labels = self.broadcast_in_dim(&s, &(0..r).collect::<Vec<_>>());
        labels.eq(classes).convert(dtype)
    }

    /// Cross-entropy of `logits` `[.., n]` against one-hot/probability
    /// `targets` of the same shape, summed over the last axis.
    #[track_caller]
    pub fn softmax_cross_entropy(self, targets: Tensor<'b>) -> Tensor<'b> {
        let last = self.rank().saturating_sub(1);
        -(targets * self.log_softmax(last)).sum(&[last])
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
        self.builder().emit1(p, &[self, kernel])
    }

    /// 2-D convolution of an NHWC input with an HWIO kernel.
    #[track_caller]
    pub fn conv2d(self, kernel: Tensor<'b>, strides: [usize; 2], padding: Padding) -> Tensor<'b> {
        let (xs, ks) = (self.shape(), kernel.shape());
        if xs.len() != 4 || ks.len() != 4 {
            self.builder().fail(
                "conv2d",
                &[self.aval(), kernel.aval()],
                "needs NHWC input and HWIO kernel",
            );
            return self;
        }
        let pads = padding.resolve(&xs[1..3], &ks[0..2], &strides);
        self.conv_general(
            kernel,
            &strides,
            &pads,
            &[1, 1],
            &[1, 1],
            1,
            1,
            ConvDims::nhwc_hwio(),
        )
    }

    #[track_caller]
    fn pool2d(
        self,
        kind: WindowKind,
        window: [usize; 2],
        strides: [usize; 2],
        padding: &Padding,
    ) -> Tensor<'b> {
        let xs = self.shape();
        if xs.len() != 4 {
            self.builder()
                .fail("pool2d", &[self.aval()], "needs an NHWC input");
            return self;
        }
        let sp = padding.resolve(&xs[1..3], &window, &strides);
        let p = Prim::ReduceWindow(
            kind,
            WindowParams {
                window: vec![1, window[0], window[1], 1],
                strides: vec![1, strides[0], strides[1], 1],
                padding: vec![(0, 0), sp[0], sp[1], (0, 0)],
            },
        );
        self.builder().emit1(p, &[self])
    }

    /// Max pooling over H and W of an NHWC input.
    #[track_caller]
    pub fn max_pool(self, window: [usize; 2], strides: [usize; 2], padding: Padding) -> Tensor<'b> {
        self.pool2d(WindowKind::Max, window, strides, &padding)
    }

    /// Average pooling (sum / number of non-padding elements in the window).
    #[track_caller]
    pub fn avg_pool(self, window: [usize; 2], strides: [usize; 2], padding: Padding) -> Tensor<'b> {
        let sum = self.pool2d(WindowKind::Sum, window, strides, &padding);
        if padding == Padding::Valid {
            return sum / (window[0] * window[1]) as f64;
        }
        // Count real elements per window: pool a [1,H,W,1] tensor of ones.
        let xs = self.shape();
        let ones = self
            .builder()
            .full(1.0, &[1, xs[1], xs[2], 1], self.dtype());
        let count = ones.pool2d(WindowKind::Sum, window, strides, &padding);
        sum / count
    }
}

/// Output spatial size of a window op (exposed for layer code).
pub fn window_out(
    input: usize,
    window: usize,
    dilation: usize,
    stride: usize,
    pad: (i64, i64),
) -> usize {
    super::shape::windows(
        input as i64 + pad.0 + pad.1,
        dilate(window, dilation),
        stride,
    )
}
