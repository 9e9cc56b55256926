//! Parameter initialisers (host side, seeded) and the specs that name them.

use dpxla_core::array::{DType, HostArray};
use rand::{Rng, SeedableRng};

/// How a parameter is initialised.
#[derive(Clone, Debug, PartialEq)]
pub enum Init {
    Zeros,
    Ones,
    /// Uniform on [-limit, limit].
    Uniform {
        limit: f64,
    },
    /// Normal with mean 0, truncated at two standard deviations (resampled), as
    /// the JAX/Flax `truncated_normal` and `variance_scaling` initialisers do.
    TruncatedNormal {
        std: f64,
    },
}

impl Init {
    /// PyTorch's default for `nn.Linear`/`nn.Conv2d` weights and biases:
    /// U(-1/sqrt(fan_in), 1/sqrt(fan_in)) (kaiming_uniform with a = sqrt(5)).
    pub fn torch_default(fan_in: usize) -> Init {
        Init::Uniform {
            limit: 1.0 / (fan_in.max(1) as f64).sqrt(),
        }
    }

    /// He et al. 2015 for ReLU nets: variance 2 / fan_in (truncated normal with
    /// the 0.8796 correction for truncation at 2σ, as `variance_scaling`).
    pub fn he_normal(fan_in: usize) -> Init {
        Init::TruncatedNormal {
            std: (2.0 / fan_in.max(1) as f64).sqrt() / 0.879_625_661_034_239_8,
        }
    }

    /// `variance_scaling(1.0, "fan_in", "truncated_normal")` (LeCun normal):
    /// variance 1 / fan_in. Haiku's default for `hk.Linear`/`hk.Conv2D`
    /// weights, and what jax_privacy's WideResNet (De et al. 2022) uses for its
    /// weight-standardised convolutions and its classifier.
    pub fn lecun_normal(fan_in: usize) -> Init {
        Init::TruncatedNormal {
            std: (1.0 / fan_in.max(1) as f64).sqrt() / 0.879_625_661_034_239_8,
        }
    }

    /// Draws `n` values.
    pub fn sample(&self, n: usize, rng: &mut rand::rngs::StdRng) -> Vec<f64> {
        match *self {
            Init::Zeros => vec![0.0; n],
            Init::Ones => vec![1.0; n],
            Init::Uniform { limit } => (0..n).map(|_| rng.gen_range(-limit..=limit)).collect(),
            Init::TruncatedNormal { std } => (0..n)
                .map(|_| loop {
                    let z = standard_normal(rng);
                    if z.abs() <= 2.0 {
                        break z * std;
                    }
                })
                .collect(),
        }
    }
}

/// Box–Muller transform of two uniforms (one normal per call; simple and
/// exact enough for initialisation).
fn standard_normal(rng: &mut rand::rngs::StdRng) -> f64 {
    let u1: f64 = 1.0 - rng.gen::<f64>(); // (0, 1]
    let u2: f64 = rng.gen();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// A named parameter: hierarchical name (`block1/conv/w`), shape, initialiser.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamSpec {
    pub name: String,
    pub shape: Vec<usize>,
    pub dtype: DType,
    pub init: Init,
}

impl ParamSpec {
    pub fn numel(&self) -> usize {
        self.shape.iter().product()
    }
}

/// Initialises every parameter from one seed. Each parameter gets its own
/// generator seeded from (seed, name), so adding a parameter does not change
/// the others.
pub fn init_params(specs: &[ParamSpec], seed: u64) -> Vec<(String, HostArray)> {
    specs
        .iter()
        .map(|s| {
            let mut h: u64 = seed ^ 0x9e37_79b9_7f4a_7c15;
            for byte in s.name.bytes() {
                // FNV-1a over the name, mixed with the seed.
                h = (h ^ byte as u64).wrapping_mul(0x0000_0100_0000_01b3);
            }
            let mut rng = rand::rngs::StdRng::seed_from_u64(h);
            let values = s.init.sample(s.numel(), &mut rng);
            (
                s.name.clone(),
                HostArray::from_f64(s.shape.clone(), &values, s.dtype),
            )
        })
        .collect()
}
