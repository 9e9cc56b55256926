//! The sections of a run's configuration (`[model]`, `[data]`, `[augment]`,
//! `[privacy]`, `[training]`, `[output]`, `[runtime]`) as serde types with
//! unknown keys rejected, and their defaults. [`super::Config`] holds one of
//! each; [`super::settings::TrainSettings`] all but the model and data.

use super::physical_batch::{ByteSize, PhysicalBatch};
use crate::data::resized_crop::ResizedCrop;
use crate::Error;
use dpxla_dp::accountant::AccountantKind;
use dpxla_dp::clip::{ClipMethod, ClipMode};
use dpxla_nn::optim::{Averaging, Optimizer, Schedule};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelConfig {
    /// A model name (`dpxla init --help` lists them).
    pub name: String,
    /// Start from these parameters (dpxla names; safetensors) instead of a fresh
    /// initialisation.
    #[serde(default)]
    pub init_from: Option<PathBuf>,
    /// With `init_from`: re-initialise the classifier head for the dataset's
    /// class count (transfer learning).
    #[serde(default)]
    pub replace_head: bool,
    /// `none`, `head-only`, or `first-blocks:N`: frozen parameters are never
    /// updated and get no per-example gradients.
    #[serde(default = "default_freeze")]
    pub freeze: String,
    /// Seed of the parameter initialisation.
    #[serde(default)]
    pub init_seed: u64,
    /// The float type of the forward and backward passes: `f32` (default) or
    /// `bf16` (mixed precision: f32 master parameters, optimiser state and
    /// checkpoints; gradients widened to f32 before clipping; `nn::MixedPrecision`).
    /// Never serialised at its default, so resume digests of existing runs hold.
    #[serde(default, skip_serializing_if = "is_f32")]
    pub compute_dtype: dpxla_nn::ComputeDtype,
}

fn is_f32(d: &dpxla_nn::ComputeDtype) -> bool {
    *d == dpxla_nn::ComputeDtype::F32
}

fn default_freeze() -> String {
    "none".into()
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataConfig {
    /// The training set (any format `dpxla data inspect` reads); its train split.
    pub train: PathBuf,
    /// The test set; default: the test split of `train`.
    #[serde(default)]
    pub test: Option<PathBuf>,
    /// Use only the first N training examples (quick runs); N is the dataset
    /// size the privacy guarantee refers to.
    #[serde(default)]
    pub train_limit: Option<usize>,
    /// Evaluate on the first N test examples only.
    #[serde(default)]
    pub test_limit: Option<usize>,
    /// Side length image folders are resized to.
    #[serde(default)]
    pub image_size: Option<usize>,
    /// Number of classes; every label of both splits must lie below it.
    /// Default: the dataset's metadata, or (IDX) the labels, which must then
    /// cover 0..K without a gap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_classes: Option<usize>,
}

/// The `[augment]` section: multiplicity, crops, flips, normalisation (beside
/// `PrivacyConfig` and `TrainingConfig`). The loader turns it into the
/// per-view [`ViewAugment`](crate::data::ViewAugment).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AugmentConfig {
    /// Augmentation multiplicity K (De et al. 2022): views per example, whose
    /// gradients are averaged before clipping. 1 = no multiplicity.
    #[serde(default = "one")]
    pub multiplicity: usize,
    /// Random-crop padding in pixels (reflect); 0 = no crop.
    #[serde(default)]
    pub crop_padding: usize,
    /// Random horizontal flips.
    #[serde(default)]
    pub flip: bool,
    /// Per-channel normalisation after scaling pixels to [0, 1].
    #[serde(default)]
    pub mean: Vec<f32>,
    #[serde(default)]
    pub std: Vec<f32>,
    /// Seed of the augmentation stream.
    #[serde(default)]
    pub seed: u64,
    /// Random-resized-crop (ImageNet-style; excludes `crop_padding`):
    /// `{ scale = [0.08, 1.0], ratio = [0.75, 1.3333] }`, output at the stored
    /// image size (`data.image_size`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub random_resized_crop: Option<ResizedCropSection>,
}

/// `augment.random_resized_crop`: area fraction and aspect-ratio ranges.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResizedCropSection {
    /// Area fraction range (default `[0.08, 1.0]`).
    #[serde(default = "default_rrc_scale")]
    pub scale: [f64; 2],
    /// Width/height range (default `[3/4, 4/3]`).
    #[serde(default = "default_rrc_ratio")]
    pub ratio: [f64; 2],
}

fn default_rrc_scale() -> [f64; 2] {
    ResizedCrop::default().scale
}

fn default_rrc_ratio() -> [f64; 2] {
    ResizedCrop::default().ratio
}

impl ResizedCropSection {
    /// The augmentation's parameters.
    pub fn to_crop(&self) -> ResizedCrop {
        ResizedCrop {
            scale: self.scale,
            ratio: self.ratio,
        }
    }
}

fn one() -> usize {
    1
}

impl AugmentConfig {
    /// Per-channel normalisation only (no augmentation, K = 1).
    pub fn normalize(mean: Vec<f32>, std: Vec<f32>) -> AugmentConfig {
        AugmentConfig {
            mean,
            std,
            ..AugmentConfig::default()
        }
    }
}

impl Default for AugmentConfig {
    fn default() -> Self {
        AugmentConfig {
            multiplicity: 1,
            crop_padding: 0,
            flip: false,
            mean: Vec::new(),
            std: Vec::new(),
            seed: 0,
            random_resized_crop: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrivacyConfig {
    /// false: the same engine without clipping or noise (a baseline; no
    /// privacy guarantee).
    #[serde(default = "yes")]
    pub enabled: bool,
    /// C, the per-example clipping norm.
    #[serde(default = "default_clip")]
    pub clip_norm: f64,
    /// σ. Give it, or `target_epsilon` to calibrate it, or both (then σ is used
    /// and training stops before ε would exceed the target).
    #[serde(default)]
    pub noise_multiplier: Option<f64>,
    #[serde(default)]
    pub target_epsilon: Option<f64>,
    pub delta: f64,
    #[serde(default)]
    pub accountant: AccountantKind,
    #[serde(default)]
    pub clipping: ClipMode,
    /// How per-example norms and the clipped sum are computed: `auto`
    /// (default: ghost norms + book-keeping where cheaper, per tensor),
    /// `vmap` (materialised per-example gradients) or `bookkeeping`. The
    /// result is the same up to float rounding; only speed and memory differ.
    #[serde(default)]
    pub clipping_method: ClipMethod,
    /// DEBUGGING ONLY: a fixed seed for Poisson sampling and noise. The noise is
    /// then predictable from the seed and the run has NO privacy guarantee
    /// against anyone who knows it. Default: OS entropy.
    #[serde(default)]
    pub debug_seed: Option<u64>,
    /// Noise from a CSPRNG (ChaCha20, OS-seeded) as a discrete Gaussian on a
    /// fixed-point grid (Canonne, Kamath & Steinke 2020), generated on the
    /// host; resists floating-point attacks on the noise, and runs a fixed
    /// number of microbatches per step. Costs host time per step (BENCHMARKS.md).
    #[serde(default)]
    pub secure_noise: bool,
    /// Accept δ ≥ 1/N (such a δ allows releasing an example outright).
    #[serde(default)]
    pub allow_large_delta: bool,
    /// σ_m of the Gaussian mechanism that releases, once before training,
    /// the training set's mean of a centred model's features (Tramèr & Boneh
    /// 2021's private data normalisation; `scatterfeat_linear_centered`):
    /// discrete Gaussian noise of scale ≥ σ_m·R on the sum of the features
    /// clipped to L2 norm R.
    /// Required by such a model in a private run and refused for any other;
    /// its ε is composed with DP-SGD's, which is calibrated to what is left.
    /// Never serialised when unset, so resume digests of existing runs hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub centering_noise_multiplier: Option<f64>,
    /// The noise: `dpsgd` (independent per step, the default) or `bandmf`
    /// (banded matrix factorisation with `bands` bands and cyclic Poisson
    /// sampling; `train::privacy::bandmf`). Never serialised at its default, so
    /// resume digests of existing runs hold.
    #[serde(default, skip_serializing_if = "NoiseMechanism::is_dpsgd")]
    pub mechanism: NoiseMechanism,
    /// b, BandMF's number of bands (and of partitions); bandmf only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bands: Option<usize>,
    /// Adaptive clipping (Andrew et al. 2021; `dpxla_dp::adaptive_clip`):
    /// `clip_norm` is the initial C, which then follows `target_quantile`
    /// of the per-example norms from a noised count of unclipped examples
    /// released each step; σ (given or calibrated) covers the gradient and
    /// the count together. Off by default; never serialised when off (nor
    /// the three keys below when unset), so resume digests of existing runs
    /// hold.
    #[serde(default, skip_serializing_if = "is_false")]
    pub adaptive_clipping: bool,
    /// γ, the quantile of the per-example norms C tracks (default 0.5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_quantile: Option<f64>,
    /// η of the geometric update C ← C·exp(−η(b̄ − γ)) (default 0.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clip_learning_rate: Option<f64>,
    /// σ_b, the std of the Gaussian noise on the centred count of unclipped
    /// examples (default: the expected batch size / 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count_noise_std: Option<f64>,
}

/// `privacy.mechanism`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NoiseMechanism {
    #[default]
    Dpsgd,
    Bandmf,
}

impl NoiseMechanism {
    fn is_dpsgd(&self) -> bool {
        *self == NoiseMechanism::Dpsgd
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn yes() -> bool {
    true
}
pub(super) fn default_clip() -> f64 {
    1.0
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainingConfig {
    /// Expected logical batch size qN (Poisson sampling makes the realised size
    /// vary); may be as large as the dataset (q = 1). q = batch_size / N, so N
    /// is treated as public. Exclusive with `sampling_rate`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_size: Option<f64>,
    /// The Poisson sampling rate q itself (instead of `batch_size`): nothing
    /// released depends on the training set's size; needs `public_dataset_size`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sampling_rate: Option<f64>,
    /// N₀, the declared public dataset size with `sampling_rate`: the update
    /// divides by q·N₀ (and, with `max_batch_size`, the training set must have
    /// at most N₀ examples).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_dataset_size: Option<usize>,
    /// Truncated Poisson: a sampled batch above this is cut to it (examples
    /// chosen uniformly among the sampled); the cut's probability is accounted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_batch_size: Option<usize>,
    /// Number of steps, or `epochs` (steps = epochs · N / batch_size, or
    /// epochs / sampling_rate, rounded up).
    #[serde(default)]
    pub steps: Option<u64>,
    #[serde(default)]
    pub epochs: Option<f64>,
    /// The largest compiled physical batch per device; logical batches are
    /// split into microbatches of this size (and smaller compiled sizes for
    /// the rest). `"auto"`: the largest that fits `runtime.memory_budget`,
    /// from XLA's memory analysis (`engine::physical_auto`).
    #[serde(default = "default_physical")]
    pub physical_batch: PhysicalBatch,
    pub learning_rate: f64,
    #[serde(default)]
    pub optimizer: Optimizer,
    #[serde(default)]
    pub schedule: Schedule,
    #[serde(default)]
    pub averaging: Averaging,
    /// Evaluate on the test set every N steps (0: only at the end).
    #[serde(default)]
    pub eval_every: u64,
    /// Write a checkpoint every N steps (0: only at the end).
    #[serde(default)]
    pub checkpoint_every: u64,
}

pub(super) fn default_physical() -> PhysicalBatch {
    PhysicalBatch::Rows(128)
}

impl TrainingConfig {
    /// `physical_batch` in rows per device; an error while it is still
    /// `"auto"` (the trainer resolves it once the programs can be compiled:
    /// `engine::physical_auto`).
    pub fn physical_rows(&self) -> crate::Result<usize> {
        self.physical_batch.rows().ok_or_else(|| {
            crate::Error::Internal(
                "training.physical_batch = \"auto\" used before it was resolved".into(),
            )
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputConfig {
    /// Folder for checkpoints, metrics and plots.
    #[serde(default = "default_out")]
    pub dir: PathBuf,
    /// Also write the NON-PRIVATE per-step statistics (realised batch size,
    /// unclipped training loss, clipped fraction, throughput, elapsed time) to
    /// `nonprivate_metrics.jsonl` and its plot. They are computed from the
    /// private data without noise; off by default.
    #[serde(default)]
    pub nonprivate_metrics: bool,
}

impl Default for OutputConfig {
    fn default() -> Self {
        OutputConfig {
            dir: default_out(),
            nonprivate_metrics: false,
        }
    }
}

fn default_out() -> PathBuf {
    PathBuf::from("runs/dpxla")
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuntimeConfig {
    /// `cpu` (default), `cuda` or `tpu`.
    #[serde(default)]
    pub platform: Option<String>,
    /// A PJRT plugin file (overrides `platform`).
    #[serde(default)]
    pub plugin: Option<PathBuf>,
    /// Compile with XLA's optimisation level 0 (~2x faster compiles, ~3x slower
    /// steps): for tests and quick checks.
    #[serde(default)]
    pub fast_compile: bool,
    /// Data parallelism over this many devices of the client (replicated
    /// programs, the clipped sums all-reduced before the noise); on the CPU
    /// plugin this sets `cpu_device_count`, elsewhere the first N devices the
    /// client sees are used. `training.physical_batch` is per
    /// device. Not part of the run's identity: a run may resume on another
    /// device count.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub devices: usize,
    /// GPU only: the device ordinals the client may use (plugin option
    /// `visible_devices`; all when unset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_devices: Option<Vec<i64>>,
    /// GPU only: the fraction of each device's memory the allocator may take,
    /// in (0, 1] (plugin option `memory_fraction`; the plugin's default 0.75).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpu_memory_fraction: Option<f64>,
    /// GPU only: take the memory fraction at start-up (plugin option
    /// `preallocate`; the plugin's default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpu_preallocate: Option<bool>,
    /// GPU only: `default`, `platform`, `bfc` or `cuda_async` (plugin option
    /// `allocator`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpu_allocator: Option<String>,
    /// Wait after every upload and program run, as dpxla did before issue 23
    /// (the baseline of `dpxla bench --compare-sync`); off: only host reads wait.
    #[serde(default, skip_serializing_if = "is_false")]
    pub synchronous: bool,
    /// Where compiled programs are cached: `true` (default: `compiled/` in
    /// dpxla's cache folder), `false` (never), or a folder.
    #[serde(default, skip_serializing_if = "CompileCacheSetting::is_default")]
    pub compile_cache: CompileCacheSetting,
    /// With `training.physical_batch = "auto"`: the bytes one device's
    /// accumulate program may use (a number, or a string such as "8 GiB");
    /// default: the device's allocator limit, or half the host's memory over
    /// the devices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_budget: Option<ByteSize>,
    /// The weight of an f64 Gram multiply-add against an f32 one in
    /// `clipping_method = "auto"`'s ghost/materialise choice; default per
    /// platform (`train::config::gram_cost`: CPU 4, CUDA 2, TPU 256). Only
    /// which tensors take the Gram form changes, never the bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gram_f64_cost: Option<f64>,
    /// Processes in a multi-host run (`--num-processes`, `DPXLA_NUM_PROCESSES`
    /// override it; SLURM's `SLURM_NTASKS` is used when none is set).
    /// Several processes are refused today (docs/scale.md, section 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_processes: Option<usize>,
    /// This process's 0-based index (`--process-id`, `DPXLA_PROCESS_ID`
    /// override it; else `SLURM_PROCID`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub process_id: Option<usize>,
    /// `HOST:PORT` of process 0's key-value store (`--coordinator`,
    /// `DPXLA_COORDINATOR` override it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinator: Option<String>,
}

/// `runtime.compile_cache`: on (the default folder), off, or a folder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CompileCacheSetting {
    On(bool),
    Dir(PathBuf),
}

impl Default for CompileCacheSetting {
    fn default() -> Self {
        CompileCacheSetting::On(true)
    }
}

impl CompileCacheSetting {
    fn is_default(&self) -> bool {
        *self == CompileCacheSetting::On(true)
    }

    /// The folder to cache in, if any.
    pub fn dir(&self) -> Option<PathBuf> {
        match self {
            CompileCacheSetting::On(true) => dpxla_pjrt::runtime::CompileCache::default_dir(),
            CompileCacheSetting::On(false) => None,
            CompileCacheSetting::Dir(d) => Some(d.clone()),
        }
    }
}

fn is_one(n: &usize) -> bool {
    *n == 1
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        RuntimeConfig {
            platform: None,
            plugin: None,
            fast_compile: false,
            devices: 1,
            visible_devices: None,
            gpu_memory_fraction: None,
            gpu_preallocate: None,
            gpu_allocator: None,
            synchronous: false,
            compile_cache: CompileCacheSetting::default(),
            memory_budget: None,
            gram_f64_cost: None,
            num_processes: None,
            process_id: None,
            coordinator: None,
        }
    }
}

/// Prefixes an invalid-input message with the config key it is about.
pub(crate) fn keyed(key: &str, e: impl Into<Error>) -> Error {
    let e = e.into();
    match e.invalid_input_message() {
        Some(message) => Error::Config {
            key: key.to_string(),
            message: message.to_string(),
        },
        None => e,
    }
}
