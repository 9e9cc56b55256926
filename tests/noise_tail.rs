//! The default Gaussian noise has no truncation (issue 10, item 2): normals are
//! computed in f64 from 53-bit uniforms, so the largest reachable |z| is
//! √(106 ln 2) ≈ 8.57 (f32 Box–Muller stopped at √(46 ln 2) ≈ 5.65, making
//! outputs beyond s + 5.65σC impossible without the target example), and the
//! tail frequencies beyond 4σ and 6σ match the normal's. Real XLA CPU plugin.

mod pjrt_common;

use dpxla::lower::normal_from_bits_module;
use dpxla::program::{to_device, to_host, Program};
use dpxla::runtime::CompileOptions;
use dpxla::trace::{Aval, Builder, DType, HostArray, KEY_DTYPE, KEY_SHAPE};
use pjrt_common::{compile, test_client};
use rand::{RngCore, SeedableRng};

/// Φ̄(4) and Φ̄(6), upper tails of the standard normal (to 10 digits; e.g.
/// Abramowitz & Stegun Table 26.1, or `scipy.stats.norm.sf`).
const SF4: f64 = 3.167_124_183e-5;
const SF6: f64 = 9.865_876_450e-10;

/// Runs the sampler on given (u1, u2) words: `words[i] = (u1 bits, u2 bits)`.
fn normals_from_words(words: &[(u64, u64)]) -> Vec<f64> {
    let n = words.len();
    let mut v = vec![0u32; 4 * n];
    for (i, &(a, b)) in words.iter().enumerate() {
        // ui32 pairs read as little-endian ui64: low word first.
        v[2 * i] = a as u32;
        v[2 * i + 1] = (a >> 32) as u32;
        v[2 * n + 2 * i] = b as u32;
        v[2 * n + 2 * i + 1] = (b >> 32) as u32;
    }
    let client = test_client();
    let exe = compile(client, &normal_from_bits_module(n));
    let bits = to_device(client, &HostArray::u32([2, n, 2], v), 0).unwrap();
    let out = exe.execute(&[&bits]).unwrap();
    to_host(&out[0]).unwrap().to_f64()
}

#[test]
fn the_largest_reachable_normal_is_beyond_8() {
    // u1 = (2⁵³ − 1)·2⁻⁵³ (all bits set) gives 1 − u1 = 2⁻⁵³, the smallest
    // value, so radius √(106 ln 2); u2 = 0 gives cos = 1.
    let z = normals_from_words(&[(u64::MAX, 0), (u64::MAX, 1 << 63)]);
    let want = (106.0 * std::f64::consts::LN_2).sqrt();
    assert!(z[0] >= 8.0, "largest reachable |z| is {} < 8", z[0]);
    assert!(
        (z[0] - want).abs() < 1e-5,
        "{} vs √(106 ln 2) = {want}",
        z[0]
    );
    // u2 = 1/2: cos(π) = −1, the same magnitude on the other side.
    assert!((z[1] + want).abs() < 1e-5, "{}", z[1]);
}

#[test]
fn the_deep_tail_has_the_normal_frequency_beyond_6_sigma() {
    // Condition on 1 − u1 ≤ 2⁻²⁴ (top 24 bits of u1's word set), i.e. radius²
    // ≥ 48 ln 2, probability 2⁻²⁴. |z| > 6 implies radius > 6 > √(48 ln 2), so
    // P(|z| > 6 | radius² ≥ 48 ln 2) = 2Φ̄(6)·2²⁴ ≈ 0.0331. 2²⁰ conditioned draws
    // expect ~34,700 hits with s.d. ~183; a truncated or gappy tail cannot.
    let n = 1 << 20;
    let mut rng = rand::rngs::StdRng::seed_from_u64(10);
    let top = !0u64 << 40; // 24 top bits of the 64-bit word (u1 uses the top 53)
    let words: Vec<(u64, u64)> = (0..n)
        .map(|_| (rng.next_u64() | top, rng.next_u64()))
        .collect();
    let z = normals_from_words(&words);
    let beyond: Vec<f64> = z.iter().copied().filter(|x| x.abs() > 6.0).collect();
    let p = 2.0 * SF6 * (1u64 << 24) as f64;
    let (mean, sd) = (n as f64 * p, (n as f64 * p * (1.0 - p)).sqrt());
    let count = beyond.len() as f64;
    assert!(
        (count - mean).abs() < 5.0 * sd,
        "{count} draws beyond 6σ, expected {mean:.0} ± {sd:.0}"
    );
    // Beyond 7σ too (P = 2Φ̄(7)·2²⁴ = 4.3e-5: ~45 of 2²⁰).
    assert!(z.iter().any(|x| x.abs() > 7.0), "nothing beyond 7σ");
    // No gaps: the tail values are (almost all) distinct f32 numbers.
    let mut bits: Vec<u32> = beyond.iter().map(|&x| (x as f32).to_bits()).collect();
    bits.sort_unstable();
    bits.dedup();
    assert!(
        bits.len() as f64 > 0.95 * count,
        "only {} distinct values among {count} beyond 6σ",
        bits.len()
    );
}

#[test]
fn the_generator_tail_beyond_4_sigma_has_the_normal_frequency() {
    // The real path the noise takes: `rng_normal` (THREE_FRY bits) in a compiled
    // program, f32 output. 2²² draws × 8 keys: P(|z| > 4) = 2Φ̄(4) gives ~2,125
    // expected hits, s.d. ~46; beyond 6σ the expectation is 0.07.
    let n = 1 << 22;
    let b = Builder::new();
    let key = b.input(Aval::new(KEY_SHAPE, KEY_DTYPE));
    let z = b.rng_normal(key, &[n], DType::F32);
    let g = b.finish(&[z]).unwrap();
    let client = test_client();
    let prog =
        Program::compile(client, &g, &Default::default(), &CompileOptions::default()).unwrap();
    let (mut beyond4, mut beyond6, mut total) = (0usize, 0usize, 0usize);
    let (mut sum, mut sq) = (0.0f64, 0.0f64);
    for k in 0..8u32 {
        let key = to_device(client, &HostArray::u32([4], vec![k, 7, 2 * k + 1, 9]), 0).unwrap();
        let out = to_host(&prog.run(&[&key]).unwrap()[0]).unwrap().to_f64();
        for x in out {
            beyond4 += (x.abs() > 4.0) as usize;
            beyond6 += (x.abs() > 6.0) as usize;
            sum += x;
            sq += x * x;
            total += 1;
        }
    }
    let p = 2.0 * SF4;
    let (mean, sd) = (total as f64 * p, (total as f64 * p).sqrt());
    assert!(
        (beyond4 as f64 - mean).abs() < 5.0 * sd,
        "{beyond4} beyond 4σ, expected {mean:.0} ± {sd:.0}"
    );
    assert!(beyond6 <= 3, "{beyond6} beyond 6σ, expected ~0.07");
    let var = sq / total as f64 - (sum / total as f64).powi(2);
    assert!((var - 1.0).abs() < 0.002, "variance {var}");
}
