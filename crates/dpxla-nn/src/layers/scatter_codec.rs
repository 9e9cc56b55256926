//! Storing scattering features in dpxla's `u8` image datasets: each feature
//! `f ≥ 0` is log-companded to 16 bits and split into a high and a low byte,
//! so a `[H, W, C]` feature map becomes a `[H, W, 2C]` `u8` "image" (channels
//! `0..C` high bytes, `C..2C` low bytes). [`decode_features`] inverts it inside
//! a traced model. The code is data-independent (fixed constants), so a
//! feature dataset is a per-example, public function of the private one.
//!
//! Resolution: 16 bits over `ln((F_MAX + F0) / F0)` ≈ 10.6 nats, i.e. a
//! relative step of about 0.016% above `F0`; below `F0` an absolute step of
//! about `F0 · 1.6e-4`.

use dpxla_core::trace::Tensor;

/// Offset of the logarithm (features far below it are ~linear).
pub const F0: f64 = 1e-4;
/// Largest representable feature (larger ones are clamped).
pub const F_MAX: f64 = 4.0;

fn log_range() -> f64 {
    ((F_MAX + F0) / F0).ln()
}

/// The 16-bit code of feature `f` (negative values are clamped to 0).
pub fn encode(f: f64) -> u16 {
    let t = ((f.max(0.0) + F0) / F0).ln() / log_range();
    (t.clamp(0.0, 1.0) * 65535.0).round() as u16
}

/// The feature a code stands for.
pub fn decode(q: u16) -> f64 {
    F0 * ((q as f64 / 65535.0) * log_range()).exp() - F0
}

/// Encodes `features` (`[.., C]`, row-major, `c` channels) as bytes
/// `[.., 2C]`: high bytes then low bytes of each position.
pub fn encode_features(features: &[f32], c: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(2 * features.len());
    for pos in features.chunks_exact(c) {
        let codes: Vec<u16> = pos.iter().map(|&f| encode(f as f64)).collect();
        out.extend(codes.iter().map(|q| (q >> 8) as u8));
        out.extend(codes.iter().map(|q| (q & 0xff) as u8));
    }
    out
}

/// Inverse of [`encode_features`] on a traced `[.., 2C]` tensor holding the
/// bytes scaled to [0, 1] (`byte / 255`, what augmentation without mean/std
/// produces): `[.., C]` features.
#[track_caller]
pub fn decode_features<'b>(x: Tensor<'b>) -> Tensor<'b> {
    let s = x.shape();
    let r = s.len();
    let c2 = s[r - 1];
    if !c2.is_multiple_of(2) {
        x.builder().fail(
            "decode_features",
            &[x.aval()],
            "needs an even channel count (high and low bytes)",
        );
        return x;
    }
    let c = c2 / 2;
    let (start, mut mid, mut end) = (vec![0; r], s.clone(), s.clone());
    mid[r - 1] = c;
    let mut lo_start = vec![0; r];
    lo_start[r - 1] = c;
    end[r - 1] = c2;
    let ones = vec![1; r];
    let hi = x.slice(&start, &mid, &ones);
    let lo = x.slice(&lo_start, &end, &ones);
    // q / 65535 with q = 256·hi_byte + lo_byte and byte = 255·value.
    let t = (hi * (255.0 * 256.0 / 65535.0) + lo * (255.0 / 65535.0)).stop_gradient();
    ((t * log_range()).exp() - 1.0) * F0
}
