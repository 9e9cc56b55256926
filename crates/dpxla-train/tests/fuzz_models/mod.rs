//! Random small models for the differential tests (`crates/dpxla-train/tests/differential.rs`):
//! a generator over the layer set (dense, conv with strides / padding /
//! dilation, weight-standardised conv, GroupNorm, activations, max and
//! average pooling, residual adds, reshapes), and the [`Model`] that runs a
//! generated layer list in f32 or f64.
#![allow(dead_code)]

use dpxla_core::trace::{ConvDims, Tensor};

use dpxla_core::array::DType;
use dpxla_nn::layers::{conv2d_ws, dense, elu, gelu, group_norm, GN_EPS};
use dpxla_nn::{Init, Model, NnOps, Padding, Params};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Act {
    Relu,
    Tanh,
    Logistic,
    Elu,
    Gelu,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Layer {
    /// Conv with bias; `same` = SAME padding, else VALID.
    Conv {
        out: usize,
        k: usize,
        stride: usize,
        dilation: usize,
        same: bool,
    },
    /// Weight-standardised conv (SAME, stride 1 or 2).
    WsConv {
        out: usize,
        k: usize,
        stride: usize,
    },
    GroupNorm {
        groups: usize,
    },
    Act(Act),
    MaxPool {
        k: usize,
        stride: usize,
        same: bool,
    },
    AvgPool {
        k: usize,
        stride: usize,
        same: bool,
    },
    /// `x + conv_same(act(x))`, channels kept.
    Residual {
        k: usize,
    },
    /// Mean over H and W: NHWC becomes a flat `[1, C]` vector.
    GlobalMean,
    /// Row-major flatten of NHWC into `[1, H·W·C]`.
    Flatten,
    /// Dense on a flat vector.
    Dense {
        out: usize,
    },
}

/// A generated network: `layers`, then a dense head to `classes` logits.
#[derive(Clone, Debug)]
pub struct FuzzModel {
    pub layers: Vec<Layer>,
    pub input: [usize; 3],
    pub classes: usize,
    pub dtype: DType,
}

impl FuzzModel {
    pub fn with_dtype(&self, dtype: DType) -> FuzzModel {
        FuzzModel {
            dtype,
            ..self.clone()
        }
    }
}

fn act<'b>(a: Act, x: Tensor<'b>) -> Tensor<'b> {
    match a {
        Act::Relu => x.relu(),
        Act::Tanh => x.tanh(),
        Act::Logistic => x.logistic(),
        Act::Elu => elu(x),
        Act::Gelu => gelu(x),
    }
}

fn pad(same: bool) -> Padding {
    if same {
        Padding::Same
    } else {
        Padding::Valid
    }
}

/// A dilated conv with bias, declared like `nn::layers::conv2d`.
fn conv_dilated<'b>(
    p: &Params<'b>,
    x: Tensor<'b>,
    out: usize,
    k: usize,
    stride: usize,
    dilation: usize,
    same: bool,
) -> Tensor<'b> {
    let xs = x.shape();
    let cin = xs[3];
    let fan_in = k * k * cin;
    let w = p.param("w", &[k, k, cin, out], Init::torch_default(fan_in));
    let b = p.param("b", &[out], Init::torch_default(fan_in));
    let eff = (k - 1) * dilation + 1;
    let pads = pad(same).resolve(&xs[1..3], &[eff, eff], &[stride, stride]);
    x.conv_general(
        w,
        &[stride, stride],
        &pads,
        &[1, 1],
        &[dilation, dilation],
        1,
        1,
        ConvDims::nhwc_hwio(),
    ) + b
}

impl Model for FuzzModel {
    fn name(&self) -> &str {
        "fuzz"
    }
    fn input_shape(&self) -> Vec<usize> {
        self.input.to_vec()
    }
    fn num_classes(&self) -> usize {
        self.classes
    }
    fn dtype(&self) -> DType {
        self.dtype
    }
    fn logits<'b>(&self, p: &Params<'b>, x: Tensor<'b>) -> Tensor<'b> {
        let [h, w, c] = self.input;
        let mut x = x.reshape(&[1, h, w, c]);
        for (i, layer) in self.layers.iter().enumerate() {
            let s = p.scope(&format!("l{i:02}"));
            x = match *layer {
                Layer::Conv {
                    out,
                    k,
                    stride,
                    dilation,
                    same,
                } => conv_dilated(&s, x, out, k, stride, dilation, same),
                Layer::WsConv { out, k, stride } => {
                    conv2d_ws(&s, x, out, [k, k], [stride, stride], Padding::Same)
                }
                Layer::GroupNorm { groups } => group_norm(&s, x, groups, GN_EPS),
                Layer::Act(a) => act(a, x),
                Layer::MaxPool { k, stride, same } => {
                    x.max_pool([k, k], [stride, stride], pad(same))
                }
                Layer::AvgPool { k, stride, same } => {
                    x.avg_pool([k, k], [stride, stride], pad(same))
                }
                Layer::Residual { k } => {
                    let cin = x.shape()[3];
                    x + conv_dilated(&s, x.relu(), cin, k, 1, 1, true)
                }
                Layer::GlobalMean => x.mean(&[1, 2]),
                Layer::Flatten => {
                    let n: usize = x.shape().iter().product();
                    x.reshape(&[1, n])
                }
                Layer::Dense { out } => dense(&s, x, out),
            };
        }
        let n: usize = x.shape().iter().product();
        dense(&p.scope("head"), x.reshape(&[1, n]), self.classes).reshape(&[self.classes])
    }
}

/// The model of the max-pool report: conv → GroupNorm → ReLU → max-pool →
/// conv → tanh → global mean → dense, on 12x12x3 (5 classes).
pub fn maxpool_report_model() -> FuzzModel {
    FuzzModel {
        layers: vec![
            Layer::Conv {
                out: 8,
                k: 3,
                stride: 1,
                dilation: 1,
                same: true,
            },
            Layer::GroupNorm { groups: 4 },
            Layer::Act(Act::Relu),
            Layer::MaxPool {
                k: 2,
                stride: 2,
                same: false,
            },
            Layer::Conv {
                out: 8,
                k: 3,
                stride: 1,
                dilation: 1,
                same: true,
            },
            Layer::Act(Act::Tanh),
            Layer::GlobalMean,
        ],
        input: [12, 12, 3],
        classes: 5,
        dtype: DType::F32,
    }
}

fn out_size(n: usize, k: usize, stride: usize, same: bool) -> usize {
    if same {
        n.div_ceil(stride)
    } else {
        (n - k) / stride + 1
    }
}

fn pick<T: Copy>(rng: &mut StdRng, xs: &[T]) -> T {
    xs[rng.gen_range(0..xs.len())]
}

/// A random model of 2 to 7 layers on a small image, valid by construction
/// (shapes are tracked while layers are drawn).
pub fn random_model(seed: u64) -> FuzzModel {
    let mut rng = StdRng::seed_from_u64(seed);
    let (mut h, mut w) = (rng.gen_range(5..=9), rng.gen_range(5..=9));
    let mut c = pick(&mut rng, &[1, 2, 3]);
    let input = [h, w, c];
    let mut layers = Vec::new();
    let mut flat: Option<usize> = None;
    let n = rng.gen_range(2..=7);
    while layers.len() < n {
        if let Some(f) = flat {
            let l = if rng.gen_bool(0.5) {
                Layer::Dense {
                    out: rng.gen_range(3..=6),
                }
            } else {
                Layer::Act(pick(&mut rng, &[Act::Relu, Act::Tanh, Act::Elu]))
            };
            if let Layer::Dense { out } = l {
                flat = Some(out);
            }
            let _ = f;
            layers.push(l);
            continue;
        }
        let choice = rng.gen_range(0..10);
        let minhw = h.min(w);
        let l = match choice {
            0 | 1 => {
                let k = pick(&mut rng, &[1, 2, 3]);
                let dilation = if k > 1 { pick(&mut rng, &[1, 1, 2]) } else { 1 };
                let stride = pick(&mut rng, &[1, 1, 2]);
                let eff = (k - 1) * dilation + 1;
                let same = rng.gen_bool(0.5) || eff > minhw;
                let out = rng.gen_range(2..=6);
                (h, w) = (
                    out_size(h, eff, stride, same),
                    out_size(w, eff, stride, same),
                );
                c = out;
                Layer::Conv {
                    out,
                    k,
                    stride,
                    dilation,
                    same,
                }
            }
            2 => {
                let stride = pick(&mut rng, &[1, 2]);
                let out = rng.gen_range(2..=6);
                (h, w) = (h.div_ceil(stride), w.div_ceil(stride));
                c = out;
                Layer::WsConv {
                    out,
                    k: pick(&mut rng, &[1, 3]),
                    stride,
                }
            }
            3 => {
                let divisors: Vec<usize> = (1..=c).filter(|g| c % g == 0).collect();
                Layer::GroupNorm {
                    groups: pick(&mut rng, &divisors),
                }
            }
            4 | 5 => Layer::Act(pick(
                &mut rng,
                &[Act::Relu, Act::Tanh, Act::Logistic, Act::Elu, Act::Gelu],
            )),
            6 | 7 if minhw >= 2 => {
                let k = pick(&mut rng, &[2, 3]).min(minhw);
                let stride = pick(&mut rng, &[1, 2]);
                let same = rng.gen_bool(0.3);
                (h, w) = (out_size(h, k, stride, same), out_size(w, k, stride, same));
                if choice == 6 {
                    Layer::MaxPool { k, stride, same }
                } else {
                    Layer::AvgPool { k, stride, same }
                }
            }
            8 => Layer::Residual {
                k: pick(&mut rng, &[1, 3]),
            },
            _ => {
                if rng.gen_bool(0.5) {
                    flat = Some(c);
                    Layer::GlobalMean
                } else {
                    flat = Some(h * w * c);
                    Layer::Flatten
                }
            }
        };
        layers.push(l);
    }
    FuzzModel {
        layers,
        input,
        classes: rng.gen_range(2..=5),
        dtype: DType::F32,
    }
}
