//! Neural-network ops built from primitives: activations, softmax pieces,
//! one-hot, NHWC/HWIO convolution and pooling. They are methods of the
//! extension trait [`NnOps`] on [`Tensor`] (bring it into scope with
//! `use dpxla::nn::NnOps;`), so `x.relu()`, `x.max_pool(..)` read as before;
//! the IR layer (`trace`) only has the primitives they are made of.

use dpxla_core::trace::{ConvDims, ReduceOp, Tensor};

use dpxla_core::array::DType;

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

/// Output spatial size of a window op (exposed for layer code).
pub fn window_out(
    input: usize,
    window: usize,
    dilation: usize,
    stride: usize,
    pad: (i64, i64),
) -> usize {
    dpxla_core::trace::windows(
        input as i64 + pad.0 + pad.1,
        dpxla_core::trace::dilate(window, dilation),
        stride,
    )
}

/// Neural-network ops as methods of [`Tensor`].
pub trait NnOps<'b> {
    /// max(x, 0).
    fn relu(self) -> Tensor<'b>;
    /// log(softmax(x)) along `axis`, stabilised by subtracting the max
    /// (whose gradient is stopped: the result does not depend on it).
    fn log_softmax(self, axis: usize) -> Tensor<'b>;
    /// softmax(x) along `axis`.
    fn softmax(self, axis: usize) -> Tensor<'b>;
    /// One-hot encoding of integer labels: `[.., n]` of `dtype`.
    fn one_hot(self, n: usize, dtype: DType) -> Tensor<'b>;
    /// Cross-entropy of `logits` `[.., n]` against one-hot/probability
    /// `targets` of the same shape, summed over the last axis.
    fn softmax_cross_entropy(self, targets: Tensor<'b>) -> Tensor<'b>;
    /// 2-D convolution of an NHWC input with an HWIO kernel.
    fn conv2d(self, kernel: Tensor<'b>, strides: [usize; 2], padding: Padding) -> Tensor<'b>;
    /// Max pooling over H and W of an NHWC input.
    fn max_pool(self, window: [usize; 2], strides: [usize; 2], padding: Padding) -> Tensor<'b>;
    /// Average pooling (sum / number of non-padding elements in the window).
    fn avg_pool(self, window: [usize; 2], strides: [usize; 2], padding: Padding) -> Tensor<'b>;
}

/// Broadcast a tensor reduced over `axis` back to `shape` (keepdims).
#[track_caller]
fn unreduce<'b>(x: Tensor<'b>, shape: &[usize], axis: usize) -> Tensor<'b> {
    let dims: Vec<usize> = (0..shape.len()).filter(|&d| d != axis).collect();
    x.broadcast_in_dim(shape, &dims)
}

/// Windowed `op` over H and W of an NHWC input.
#[track_caller]
fn pool2d<'b>(
    x: Tensor<'b>,
    op: ReduceOp,
    window: [usize; 2],
    strides: [usize; 2],
    padding: &Padding,
) -> Tensor<'b> {
    let xs = x.shape();
    if xs.len() != 4 {
        x.builder()
            .fail("pool2d", &[x.aval()], "needs an NHWC input");
        return x;
    }
    let sp = padding.resolve(&xs[1..3], &window, &strides);
    x.reduce_window(
        op,
        &[1, window[0], window[1], 1],
        &[1, strides[0], strides[1], 1],
        &[(0, 0), sp[0], sp[1], (0, 0)],
    )
}

impl<'b> NnOps<'b> for Tensor<'b> {
    #[track_caller]
    fn relu(self) -> Tensor<'b> {
        self.max(self.lit(0.0))
    }

    #[track_caller]
    fn log_softmax(self, axis: usize) -> Tensor<'b> {
        let s = self.shape();
        let m = unreduce(self.reduce_max(&[axis]).stop_gradient(), &s, axis);
        let z = self - m;
        let lse = unreduce(z.exp().sum(&[axis]).log(), &s, axis);
        z - lse
    }

    #[track_caller]
    fn softmax(self, axis: usize) -> Tensor<'b> {
        self.log_softmax(axis).exp()
    }

    #[track_caller]
    fn one_hot(self, n: usize, dtype: DType) -> Tensor<'b> {
        let mut s = self.shape();
        let r = s.len();
        s.push(n);
        let classes = self.builder().iota(&s, self.dtype(), r);
        let labels = self.broadcast_in_dim(&s, &(0..r).collect::<Vec<_>>());
        labels.eq(classes).convert(dtype)
    }

    #[track_caller]
    fn softmax_cross_entropy(self, targets: Tensor<'b>) -> Tensor<'b> {
        let last = self.rank().saturating_sub(1);
        -(targets * self.log_softmax(last)).sum(&[last])
    }

    #[track_caller]
    fn conv2d(self, kernel: Tensor<'b>, strides: [usize; 2], padding: Padding) -> Tensor<'b> {
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
    fn max_pool(self, window: [usize; 2], strides: [usize; 2], padding: Padding) -> Tensor<'b> {
        pool2d(self, ReduceOp::Max, window, strides, &padding)
    }

    #[track_caller]
    fn avg_pool(self, window: [usize; 2], strides: [usize; 2], padding: Padding) -> Tensor<'b> {
        let sum = pool2d(self, ReduceOp::Sum, window, strides, &padding);
        if padding == Padding::Valid {
            return sum / (window[0] * window[1]) as f64;
        }
        // Count real elements per window: pool a [1,H,W,1] tensor of ones.
        let xs = self.shape();
        let ones = self
            .builder()
            .full(1.0, &[1, xs[1], xs[2], 1], self.dtype());
        let count = pool2d(ones, ReduceOp::Sum, window, strides, &padding);
        sum / count
    }
}
