//! The model zoo, selectable by name. Each model file documents its
//! architecture, its source paper, its parameter count and its top-level
//! scopes (the blocks that `transfer::Freeze::FirstBlocks` counts; the last
//! declared scope is the classifier head).
//!
//! | name             | input      | classes | parameters |
//! |------------------|------------|---------|-----------:|
//! | `mlp`            | 28x28x1    | 10      |    669,706 |
//! | `cnn_tanh`       | 28x28x1    | 10      |     26,010 |
//! | `cnn_tanh_cifar` | 32x32x3    | 10      |    550,570 |
//! | `cifar_cnn`      | 32x32x3    | 10      |    131,466 |
//! | `wrn16_4`        | 32x32x3    | 10      |  2,753,818 |
//! | `wrn40_4`        | 32x32x3    | 10      |  8,961,306 |
//! | `resnet18_gn`    | 224x224x3  | 1000    | 11,689,512 |
//! | `resnet50_gn`    | 224x224x3  | 1000    | 25,557,032 |
//! | `scatter_linear` | 28x28x1    | 10      |     39,700 |
//! | `scatter_cnn`    | 28x28x1    | 10      |     33,066 |
//! | `scatterfeat_linear` | 7x7x162 | 10     |     39,700 |
//! | `scatterfeat_cnn`    | 7x7x162 | 10     |     33,066 |
//! | `scatterfeat_linear_centered` | 7x7x162 | 10 | 39,700 + 3,969 (mean, not trained) |

mod cifar_cnn;
mod cnn_tanh;
mod cnn_tanh_cifar;
mod mlp;
mod resnet_gn;
mod scatter_net;
mod wrn;

pub use cifar_cnn::CifarCnn;
pub use cnn_tanh::CnnTanh;
pub use cnn_tanh_cifar::CnnTanhCifar;
pub use mlp::Mlp;
pub use resnet_gn::ResNetGn;
pub use scatter_net::{ScatterHead, ScatterNet};
pub use wrn::WideResNet;

use super::{CenteredFeatures, Model};
use crate::{Error, Result};

/// Overrides of a named model's defaults (the dataset decides them).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ModelOptions {
    /// Shape of one example `[H, W, C]`.
    pub input: Option<Vec<usize>>,
    /// Number of classes (a new head for transfer learning).
    pub classes: Option<usize>,
}

/// What a registry model reads: images, or features that a frozen
/// extractor computed beforehand (the trainer checks those were written by
/// the current extractor before training on them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ModelInput {
    #[default]
    Images,
    /// ScatterNet features written by `dpxla features scatter`.
    ScatterFeatures,
}

/// Builds a centred model's centring component for the same options.
type BuildCentering = fn(&ModelOptions) -> Box<dyn CenteredFeatures>;

/// One entry of the model registry: its name, what it is, what it reads,
/// and how to build it for a dataset's input shape and class count.
pub struct ModelEntry {
    pub name: &'static str,
    pub about: &'static str,
    pub input: ModelInput,
    build: fn(&ModelOptions) -> Box<dyn Model>,
    /// The centring component of a centred model (its logits subtract
    /// [`crate::CENTER_PARAM`]); `None` for every other model.
    centering: Option<BuildCentering>,
}

/// The registry: every built-in model, the one place a model is added.
pub const MODELS: &[ModelEntry] = &[
    ModelEntry {
        name: "mlp",
        input: ModelInput::Images,
        about: "784-512-512-10 ReLU MLP",
        build: |o| {
            let d = Mlp::mnist();
            Box::new(Mlp {
                input: o.input_or(d.input.clone()),
                classes: o.classes_or(d.classes),
                ..d
            })
        },
        centering: None,
    },
    ModelEntry {
        name: "cnn_tanh",
        input: ModelInput::Images,
        about: "tanh CNN of Papernot et al. 2021 (cnn_tanh_cifar for 3 channels)",
        build: |o| {
            if o.input.as_ref().is_some_and(|s| s.last() == Some(&3)) {
                return cnn_tanh_cifar(o);
            }
            let d = CnnTanh::mnist();
            Box::new(CnnTanh {
                input: o.input_or(d.input),
                classes: o.classes_or(d.classes),
            })
        },
        centering: None,
    },
    ModelEntry {
        name: "cnn_tanh_cifar",
        input: ModelInput::Images,
        about: "tanh CNN of Tramèr & Boneh 2021 for CIFAR-10",
        build: cnn_tanh_cifar,
        centering: None,
    },
    ModelEntry {
        name: "cifar_cnn",
        input: ModelInput::Images,
        about: "the CIFAR-10 CNN of the Opacus / TF Privacy tutorials",
        build: |o| {
            let d = CifarCnn::cifar10();
            Box::new(CifarCnn {
                input: o.input_or(d.input.clone()),
                classes: o.classes_or(d.classes),
                ..d
            })
        },
        centering: None,
    },
    ModelEntry {
        name: "wrn16_4",
        input: ModelInput::Images,
        about: "WideResNet-16-4 with GroupNorm and weight standardisation (De et al. 2022)",
        build: |o| wrn(o, 16),
        centering: None,
    },
    ModelEntry {
        name: "wrn40_4",
        input: ModelInput::Images,
        about: "WideResNet-40-4 with GroupNorm and weight standardisation",
        build: |o| wrn(o, 40),
        centering: None,
    },
    ModelEntry {
        name: "resnet18_gn",
        input: ModelInput::Images,
        about: "ResNet-18 with GroupNorm (Kurakin et al. 2022)",
        build: |o| resnet(o, ResNetGn::resnet18()),
        centering: None,
    },
    ModelEntry {
        name: "resnet50_gn",
        input: ModelInput::Images,
        about: "ResNet-50 with GroupNorm",
        build: |o| resnet(o, ResNetGn::resnet50()),
        centering: None,
    },
    ModelEntry {
        name: "scatter_linear",
        input: ModelInput::Images,
        about: "ScatterNet (J=2, L=8) + GroupNorm + linear head (Tramèr & Boneh 2021)",
        build: |o| scatter(o, false, ScatterHead::Linear),
        centering: None,
    },
    ModelEntry {
        name: "scatter_cnn",
        input: ModelInput::Images,
        about: "ScatterNet + GroupNorm + small CNN head (Tramèr & Boneh 2021)",
        build: |o| scatter(o, false, ScatterHead::Cnn),
        centering: None,
    },
    ModelEntry {
        name: "scatterfeat_linear",
        input: ModelInput::ScatterFeatures,
        about: "the scatter_linear head on precomputed features (`dpxla features scatter`)",
        build: |o| scatter(o, true, ScatterHead::Linear),
        centering: None,
    },
    ModelEntry {
        name: "scatterfeat_cnn",
        input: ModelInput::ScatterFeatures,
        about: "the scatter_cnn head on precomputed features (`dpxla features scatter`)",
        build: |o| scatter(o, true, ScatterHead::Cnn),
        centering: None,
    },
    ModelEntry {
        name: "scatterfeat_linear_centered",
        input: ModelInput::ScatterFeatures,
        about: "scatterfeat_linear on features centred by their private training-set mean \
                (privacy.centering_noise_multiplier)",
        build: |o| Box::new(centered_scatter(o)),
        centering: Some(|o| Box::new(centered_scatter(o))),
    },
];

fn scatter_net(o: &ModelOptions, features: bool, head: ScatterHead) -> ScatterNet {
    let d = if features {
        ScatterNet::mnist_features(head)
    } else {
        ScatterNet::mnist(head)
    };
    ScatterNet {
        input: o.input_or(d.input.clone()),
        classes: o.classes_or(d.classes),
        ..d
    }
}

fn centered_scatter(o: &ModelOptions) -> ScatterNet {
    ScatterNet {
        centered: true,
        ..scatter_net(o, true, ScatterHead::Linear)
    }
}

fn scatter(o: &ModelOptions, features: bool, head: ScatterHead) -> Box<dyn Model> {
    Box::new(scatter_net(o, features, head))
}

fn cnn_tanh_cifar(o: &ModelOptions) -> Box<dyn Model> {
    let d = CnnTanhCifar::cifar10();
    Box::new(CnnTanhCifar {
        input: o.input_or(d.input.clone()),
        classes: o.classes_or(d.classes),
        ..d
    })
}

fn wrn(o: &ModelOptions, depth: usize) -> Box<dyn Model> {
    let d = WideResNet::cifar10(depth, 4);
    Box::new(WideResNet {
        input: o.input_or(d.input.clone()),
        classes: o.classes_or(d.classes),
        ..d
    })
}

fn resnet(o: &ModelOptions, d: ResNetGn) -> Box<dyn Model> {
    Box::new(ResNetGn {
        input: o.input_or(d.input.clone()),
        classes: o.classes_or(d.classes),
        ..d
    })
}

impl ModelOptions {
    fn input_or(&self, default: Vec<usize>) -> Vec<usize> {
        self.input.clone().unwrap_or(default)
    }
    fn classes_or(&self, default: usize) -> usize {
        self.classes.unwrap_or(default)
    }
}

/// The names of the built-in models, in registry order.
pub fn model_names() -> Vec<&'static str> {
    MODELS.iter().map(|m| m.name).collect()
}

/// The registry entry called `name`, if there is one.
pub fn entry(name: &str) -> Option<&'static ModelEntry> {
    MODELS.iter().find(|m| m.name == name)
}

/// The centring component the registry names for model `name` (see
/// [`CenteredFeatures`]), built for the same options; `None` for a model
/// that is not centred or not in the registry.
pub fn centering_by_name_with(
    name: &str,
    opts: &ModelOptions,
) -> Option<Box<dyn CenteredFeatures>> {
    entry(name).and_then(|e| e.centering).map(|f| f(opts))
}

/// The model called `name` with its paper defaults.
pub fn by_name(name: &str) -> Result<Box<dyn Model>> {
    by_name_with(name, &ModelOptions::default())
}

/// The model called `name` for the given input shape and class count.
///
/// `cnn_tanh` picks its architecture by input: the Papernot et al. MNIST CNN
/// for one channel, the Tramèr & Boneh CIFAR-10 CNN (`cnn_tanh_cifar`) for
/// three.
pub fn by_name_with(name: &str, opts: &ModelOptions) -> Result<Box<dyn Model>> {
    match entry(name) {
        Some(m) => Ok((m.build)(opts)),
        None => Err(Error::InvalidInput(format!(
            "unknown model '{name}'; available: {}",
            model_names().join(", ")
        ))),
    }
}
