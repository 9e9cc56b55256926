//! ScatterNet models of Tramèr & Boneh 2021 ("Differentially private learning
//! needs better features", §3 and their `models.py`): a FIXED scattering
//! transform (J = 2, L = 8: 81 channels at 7x7 for 28x28x1 inputs; see
//! `layers::scatter`) followed by a parameter-free GroupNorm over `groups`
//! channel groups (their data-independent normalisation) and a trainable
//! classifier:
//!
//! - `scatter_linear`: flatten → dense 10 (39,700 parameters; scope `fc`).
//!   Tramèr & Boneh: 89.7% on Fashion-MNIST at ε = 3.
//! - `scatter_cnn`: conv 16 3x3 stride 2 pad 1 → tanh → conv 32 3x3 pad 1 →
//!   tanh → flatten (4x4x32) → dense 32 → tanh → dense 10 (33,066
//!   parameters; scopes `conv1`, `conv2`, `dense1`, head `dense2`).
//!   Tramèr & Boneh: 89.0% on Fashion-MNIST at ε = 3.
//!
//! Inputs are expected in [0, 1] (no mean/std normalisation in the config),
//! as in their code, so that the zero-padded borders match the background.
//!
//! `scatterfeat_linear` / `scatterfeat_cnn` are the same models on features
//! precomputed once by `dpxla features scatter` (input `[7, 7, 162]`: the
//! 81 features as 16-bit codes, `layers::scatter_codec`), decoded in the
//! graph; same parameter names, same logits up to the 16-bit rounding.
//!
//! `scatterfeat_linear_centered` subtracts the training set's mean of the
//! normalised features (`center/mean`, released once by the Gaussian
//! mechanism before training: its `CenteredFeatures`) before the dense
//! layer. The features' L2 norm is at most √D (GroupNorm leaves each group
//! with mean 0 and variance below 1), the bound the release clips to. A mean
//! is a bias for every example alike, so centring changes no function the
//! head can express, only the geometry DP-SGD sees: the shared component
//! (a quarter of ‖x‖² on Fashion-MNIST) no longer dilutes each clipped
//! per-example gradient. Tramèr & Boneh normalise with private statistics
//! the same way (their "data normalization").

use crate::layers::scatter::{group_norm_plain, scattering, ScatterSpec};
use crate::layers::scatter_codec::decode_features;
use crate::layers::{conv2d, dense, flatten, GN_EPS};
use crate::Padding;
use crate::{CenteredFeatures, Init, Model, Params};
use dpxla_core::trace::Tensor;

/// The classifier on top of the scattering features.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScatterHead {
    /// One dense layer.
    Linear,
    /// The small tanh CNN of Tramèr & Boneh.
    Cnn,
}

/// A scattering front end + GroupNorm + a trainable head.
pub struct ScatterNet {
    /// Shape of one example: `[H, W, 1]` images or `[H/4, W/4, 162]` codes.
    pub input: Vec<usize>,
    /// Number of classes (the head's width).
    pub classes: usize,
    /// The trainable classifier.
    pub head: ScatterHead,
    /// true: the input is precomputed, encoded features `[H/4, W/4, 162]`
    /// (`dpxla features scatter`); false: images `[H, W, 1]`.
    pub precomputed: bool,
    /// GroupNorm groups over the 81 scattering channels (27 in Tramèr & Boneh's
    /// Fashion-MNIST runs).
    pub groups: usize,
    /// Subtract the private training-set mean of the normalised features
    /// (linear head only).
    pub centered: bool,
    pub spec: ScatterSpec,
}

impl ScatterNet {
    /// 28x28x1 inputs, 10 classes, 27 groups, the default filters.
    pub fn mnist(head: ScatterHead) -> ScatterNet {
        ScatterNet {
            input: vec![28, 28, 1],
            classes: 10,
            head,
            precomputed: false,
            groups: 27,
            centered: false,
            spec: ScatterSpec::default(),
        }
    }

    /// The same model on precomputed features of 28x28x1 images.
    pub fn mnist_features(head: ScatterHead) -> ScatterNet {
        let spec = ScatterSpec::default();
        ScatterNet {
            input: vec![7, 7, 2 * spec.channels()],
            precomputed: true,
            ..ScatterNet::mnist(head)
        }
    }
}

impl Model for ScatterNet {
    fn name(&self) -> &str {
        match (self.head, self.precomputed, self.centered) {
            (ScatterHead::Linear, false, false) => "scatter_linear",
            (ScatterHead::Cnn, false, _) => "scatter_cnn",
            (ScatterHead::Linear, true, false) => "scatterfeat_linear",
            (ScatterHead::Cnn, true, _) => "scatterfeat_cnn",
            (ScatterHead::Linear, false, true) => "scatter_linear_centered",
            (ScatterHead::Linear, true, true) => "scatterfeat_linear_centered",
        }
    }
    fn input_shape(&self) -> Vec<usize> {
        self.input.clone()
    }
    fn num_classes(&self) -> usize {
        self.classes
    }
    fn logits<'b>(&self, p: &Params<'b>, x: Tensor<'b>) -> Tensor<'b> {
        let h = self.normalized_features(x);
        let logits = match self.head {
            ScatterHead::Linear if self.centered => {
                let h = flatten(h);
                let d = h.shape()[1];
                let mean = p.scope("center").param("mean", &[d], Init::Zeros);
                dense(&p.scope("fc"), h - mean, self.classes)
            }
            ScatterHead::Linear => dense(&p.scope("fc"), flatten(h), self.classes),
            ScatterHead::Cnn => {
                let pad1 = Padding::Explicit(vec![(1, 1), (1, 1)]);
                let h = conv2d(&p.scope("conv1"), h, 16, [3, 3], [2, 2], pad1.clone()).tanh();
                let h = conv2d(&p.scope("conv2"), h, 32, [3, 3], [1, 1], pad1).tanh();
                let h = dense(&p.scope("dense1"), flatten(h), 32).tanh();
                dense(&p.scope("dense2"), h, self.classes)
            }
        };
        logits.reshape(&[self.classes])
    }
}

/// The centred model's features: the normalised scattering features, whose
/// norm is at most √D after the parameter-free GroupNorm.
impl CenteredFeatures for ScatterNet {
    fn centered_features<'b>(&self, x: Tensor<'b>) -> (Tensor<'b>, f64) {
        let h = flatten(self.normalized_features(x));
        let d = h.shape()[1];
        (h.reshape(&[d]), (d as f64).sqrt())
    }
}

impl ScatterNet {
    /// Scattering (or decoded precomputed) features of one example, after the
    /// parameter-free GroupNorm: `[1, H/4, W/4, 81]`.
    fn normalized_features<'b>(&self, x: Tensor<'b>) -> Tensor<'b> {
        let mut s = vec![1];
        s.extend(&self.input);
        let feats = if self.precomputed {
            decode_features(x.reshape(&s))
        } else {
            scattering(x.reshape(&s), &self.spec)
        };
        group_norm_plain(feats, self.groups, GN_EPS)
    }
}
