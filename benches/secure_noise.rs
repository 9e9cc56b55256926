//! Host cost per step of `privacy.secure_noise` (issue 10, item 3) for
//! `resnet18_gn`'s 11,689,512 parameters: exact discrete Gaussian noise from
//! ChaCha20 on all host threads, plus rounding the clipped sum to the grid and
//! scaling (what `SecureNoise::noisy_average` does each step). Device
//! transfers of the sums and the update (2 × 47 MB) are not included.
//!
//! `cargo bench --bench secure_noise`

use dpxla::array::HostArray;
use dpxla::dp::secure_noise::SecureNoise;
use std::time::Instant;

fn main() {
    let dims = 11_689_512;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    for sigma in [1.0, 3.0] {
        let mut sn = SecureNoise::new(sigma, 1.0, 1024.0, dims, None).unwrap();
        // Sums of the size a clipped batch produces (|s_i| ≲ C·√B / √d).
        let sums = vec![HostArray::f32(
            [dims],
            (0..dims).map(|i| ((i % 97) as f32 - 48.0) * 1e-3).collect(),
        )];
        let mut times = Vec::new();
        for _ in 0..3 {
            let t0 = Instant::now();
            let out = sn.noisy_average(&sums, 0).unwrap();
            times.push(t0.elapsed().as_secs_f64());
            assert_eq!(out[0].shape, vec![dims]);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "secure_noise resnet18_gn ({dims} params) σ = {sigma}: {:.2} s per step (median of 3; \
             min {:.2} s), {threads} threads, grid {:.3e}, scale {}",
            times[1], times[0], sn.grid, sn.scale
        );
    }
}
