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

use super::Model;
use crate::{Error, Result};

/// Names accepted by [`by_name`].
pub const MODEL_NAMES: &[&str] = &[
    "mlp",
    "cnn_tanh",
    "cnn_tanh_cifar",
    "cifar_cnn",
    "wrn16_4",
    "wrn40_4",
    "resnet18_gn",
    "resnet50_gn",
    "scatter_linear",
    "scatter_cnn",
    "scatterfeat_linear",
    "scatterfeat_cnn",
];

/// Overrides of a named model's defaults (the dataset decides them).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ModelOptions {
    /// Shape of one example `[H, W, C]`.
    pub input: Option<Vec<usize>>,
    /// Number of classes (a new head for transfer learning).
    pub classes: Option<usize>,
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
    let input = |default: Vec<usize>| opts.input.clone().unwrap_or(default);
    let classes = |default: usize| opts.classes.unwrap_or(default);
    let rgb = opts.input.as_ref().is_some_and(|s| s.last() == Some(&3));
    let model: Box<dyn Model> = match name {
        "mlp" => {
            let d = Mlp::mnist();
            Box::new(Mlp {
                input: input(d.input),
                classes: classes(d.classes),
                ..d
            })
        }
        "cnn_tanh" if !rgb => {
            let d = CnnTanh::mnist();
            Box::new(CnnTanh {
                input: input(d.input),
                classes: classes(d.classes),
            })
        }
        "cnn_tanh" | "cnn_tanh_cifar" => {
            let d = CnnTanhCifar::cifar10();
            Box::new(CnnTanhCifar {
                input: input(d.input),
                classes: classes(d.classes),
                ..d
            })
        }
        "cifar_cnn" => {
            let d = CifarCnn::cifar10();
            Box::new(CifarCnn {
                input: input(d.input),
                classes: classes(d.classes),
                ..d
            })
        }
        "wrn16_4" | "wrn40_4" => {
            let depth = if name == "wrn16_4" { 16 } else { 40 };
            let d = WideResNet::cifar10(depth, 4);
            Box::new(WideResNet {
                input: input(d.input.clone()),
                classes: classes(d.classes),
                ..d
            })
        }
        "resnet18_gn" | "resnet50_gn" => {
            let d = if name == "resnet18_gn" {
                ResNetGn::resnet18()
            } else {
                ResNetGn::resnet50()
            };
            Box::new(ResNetGn {
                input: input(d.input.clone()),
                classes: classes(d.classes),
                ..d
            })
        }
        "scatter_linear" | "scatter_cnn" | "scatterfeat_linear" | "scatterfeat_cnn" => {
            let head = if name.ends_with("linear") {
                ScatterHead::Linear
            } else {
                ScatterHead::Cnn
            };
            let d = if name.starts_with("scatterfeat") {
                ScatterNet::mnist_features(head)
            } else {
                ScatterNet::mnist(head)
            };
            Box::new(ScatterNet {
                input: input(d.input.clone()),
                classes: classes(d.classes),
                ..d
            })
        }
        other => {
            return Err(Error::InvalidInput(format!(
                "unknown model '{other}'; available: {}",
                MODEL_NAMES.join(", ")
            )))
        }
    };
    Ok(model)
}
