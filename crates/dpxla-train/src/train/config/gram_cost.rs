//! How much an f64 multiply-add of a ghost Gram norm costs against an f32
//! one, per platform: the weight `ClipMethod::Auto` uses to choose, per
//! tensor, between the Gram form and materialising the per-example gradient
//! (`FactoredGrad::gram_is_cheaper_at`). It changes which tensors take which
//! path, never the clip bound (both paths keep it; DP invariant 2).
//!
//! Every dot is lowered at precision HIGHEST, so the f32 side is full f32
//! (FP32 units, no TF32 or one-pass bf16), and the weight is about
//! 2 × (f32 rate / f64 rate): the 2 is the widening copies of the factors and
//! the doubled bytes, which the CPU measurement shows (CPU 1:2 throughput →
//! weight 4, measured on `cnn_tanh_cifar`, BENCHMARKS.md).
//!
//! | platform / device kind | f64 : f32 matrix rate | weight |
//! |---|---|---|
//! | CPU (XLA:CPU, AVX2/AVX-512) | 1 : 2 | 4 (measured) |
//! | CUDA, H100 / H200 / GH200 / A100 / A30 (FP64 tensor cores) | ≈ 1 : 1 | 2 |
//! | CUDA, V100 / P100 / B100 / B200 (FP64 at half rate) | 1 : 2 | 4 |
//! | CUDA, other (GeForce, RTX, L4, L40, A10, T4: FP64 at 1/32–1/64) | 1 : 64 | 128 |
//! | TPU (no f64 unit; XLA emulates f64) | far below 1 : 64 | 256 |
//!
//! Sources (read, not copied): NVIDIA's H100 datasheet (SXM: FP64 34 TFLOPS,
//! FP64 Tensor Core 67, FP32 67) and A100 datasheet (FP64 9.7, FP64 Tensor
//! Core 19.5, FP32 19.5): DGEMM on the FP64 tensor cores runs at the SGEMM
//! rate on FP32 units; the CUDA C++ Programming Guide's arithmetic
//! instruction throughput table (FP64 results per clock per SM: 64 on
//! compute capability 6.0/7.0/9.0, i.e. half of FP32's 128; 2 on 8.6/8.9,
//! 1/64). TPU's weight is not measured: only "much larger than any GPU's".
//! None of the GPU/TPU weights has been measured on the hardware
//! (`runtime.gram_f64_cost` overrides; `dpxla bench --clipping-method` shows
//! what each path costs).

use dpxla_core::transform::ghost::GRAM_F64_COST;
use dpxla_pjrt::runtime::Platform;

/// Weight for H100-class GPUs (FP64 tensor cores at the FP32 rate).
pub const GPU_FP64_TENSOR_CORE_COST: f64 = 2.0;
/// Weight for GPUs whose FP64 runs at half the FP32 rate.
pub const GPU_HALF_RATE_FP64_COST: f64 = 4.0;
/// Weight for GPUs with 1/32–1/64-rate FP64 (consumer and inference parts).
pub const GPU_SLOW_FP64_COST: f64 = 128.0;
/// Weight for TPUs (f64 emulated).
pub const TPU_F64_COST: f64 = 256.0;

/// The weight for `platform`, refined by the device kind where one is known
/// (`DeviceInfo::kind`, e.g. "NVIDIA H100 80GB HBM3"). A CUDA device of
/// unknown kind is taken as H100-class: the data-centre GPUs dpxla targets.
pub fn gram_f64_cost(platform: Platform, device_kind: Option<&str>) -> f64 {
    match platform {
        Platform::Cpu => GRAM_F64_COST,
        Platform::Tpu => TPU_F64_COST,
        Platform::Cuda => match device_kind {
            None => GPU_FP64_TENSOR_CORE_COST,
            Some(kind) => cuda_kind_cost(kind),
        },
    }
}

fn cuda_kind_cost(kind: &str) -> f64 {
    let k = kind.to_ascii_uppercase();
    let has = |names: &[&str]| names.iter().any(|n| k.contains(n));
    if has(&["H100", "H200", "H800", "GH200", "A100", "A800", "A30"]) {
        GPU_FP64_TENSOR_CORE_COST
    } else if has(&["V100", "P100", "B100", "B200", "GB200"]) {
        GPU_HALF_RATE_FP64_COST
    } else {
        GPU_SLOW_FP64_COST
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cpu_keeps_its_measured_weight_and_gpus_follow_their_fp64_rate() {
        assert_eq!(gram_f64_cost(Platform::Cpu, None), 4.0);
        assert_eq!(gram_f64_cost(Platform::Cpu, Some("cpu")), 4.0);
        let cuda = |k| gram_f64_cost(Platform::Cuda, Some(k));
        assert_eq!(cuda("NVIDIA H100 80GB HBM3"), 2.0);
        assert_eq!(cuda("NVIDIA H200"), 2.0);
        assert_eq!(cuda("NVIDIA A100-SXM4-80GB"), 2.0);
        assert_eq!(cuda("Tesla V100-SXM2-16GB"), 4.0);
        assert_eq!(cuda("NVIDIA GeForce RTX 4090"), 128.0);
        assert_eq!(cuda("NVIDIA L4"), 128.0);
        assert_eq!(gram_f64_cost(Platform::Cuda, None), 2.0);
        assert!(gram_f64_cost(Platform::Tpu, None) > 128.0);
    }
}
