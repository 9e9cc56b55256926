//! Adaptive clipping: the clip norm C follows a target quantile γ of the
//! per-example gradient norms, estimated each step from a privately noised
//! count of the examples that were not clipped (Andrew, Thakkar, McMahan &
//! Ramaswamy 2021, "Differentially Private Learning with Adaptive
//! Clipping", NeurIPS 2021, arXiv:1905.03871; Algorithm 1 with the
//! geometric update of its §2).
//!
//! Step t, with clip norm C_t and expected batch size m = q·N (public):
//!
//! - every sampled example i contributes the centred bit
//!   b_i − ½ ∈ {−½, +½}, b_i = 1[‖g_i‖ ≤ C_t] (per-layer clipping: 1 when
//!   no tensor was clipped); the released count is
//!   β_t = Σ_i (b_i − ½) + N(0, σ_b²) (`privacy.count_noise_std` = σ_b);
//! - the estimated unclipped fraction is b̄_t = β_t / m + ½;
//! - C_{t+1} = C_t · exp(−η (b̄_t − γ)) (`privacy.clip_learning_rate` = η,
//!   `privacy.target_quantile` = γ).
//!
//! C_{t+1} is a function of C_t and the released β_t only, so it is public:
//! logging it or storing it in a checkpoint releases nothing more.
//!
//! **Privacy** (the paper's Theorem 1, restated for add/remove neighbours
//! and Poisson sampling). One step releases the pair
//! (Σ clip_C(g_i) + N(0, σ_Δ²C²·I), Σ (b_i − ½) + N(0, σ_b²)).
//! Divide the first by σ_Δ·C and the second by σ_b: the pair becomes one
//! query with unit Gaussian noise on every coordinate, and adding or
//! removing one example moves it by a vector of norm at most
//! √((1/σ_Δ)² + (½/σ_b)²) (the clipped gradient has norm ≤ C, the centred
//! bit has magnitude exactly ½; the two coordinates' shifts are orthogonal).
//! A Gaussian of unit noise and that sensitivity is the Gaussian mechanism
//! with noise multiplier σ, where
//!
//!   σ⁻² = σ_Δ⁻² + (2σ_b)⁻²,   i.e.   σ_Δ = (σ⁻² − (2σ_b)⁻²)^(−½),
//!
//! and since both halves use the same Poisson sample, the step is ONE
//! Poisson-subsampled Gaussian event (q, σ) for the accountant: no extra
//! composition, only a larger gradient noise σ_Δ > σ. The split exists
//! only when 2σ_b > σ ([`split_noise_multiplier`] refuses otherwise): the
//! count alone must not already spend the whole budget. The centring
//! matters: uncentred bits b_i ∈ {0, 1} have sensitivity 1 and would need
//! σ_b twice as large for the same σ_Δ.
//!
//! ```
//! use dpxla_dp::adaptive_clip::split_noise_multiplier;
//! # fn main() -> dpxla_dp::Result<()> {
//! // σ = 1 with σ_b = 12.8 (m = 256, the paper's m/20): σ_Δ is 0.08% larger.
//! let s = split_noise_multiplier(1.0, 12.8)?;
//! assert!(s > 1.0 && s < 1.001);
//! assert!(split_noise_multiplier(1.0, 0.5).is_err()); // 2σ_b = σ: nothing left
//! # Ok(()) }
//! ```

use crate::clip::MAX_CLIP_NORM;
use crate::{Error, Result};

/// The smallest clip norm the update may reach (the programs hold C in f64;
/// below this every example is clipped to nothing useful, and the update's
/// exponent pushes C back up anyway).
pub const MIN_CLIP_NORM: f64 = 1e-30;

/// The paper's suggestion for σ_b: m/20 for an expected batch of m
/// (Andrew et al. 2021, §3: "σ_b = m/20").
pub fn default_count_noise_std(expected_batch: f64) -> f64 {
    expected_batch / 20.0
}

/// σ_Δ, the gradient's noise multiplier, such that the gradient sum with
/// noise σ_Δ·C and the centred count (sensitivity ½) with noise `count_std`
/// = σ_b together are the Gaussian mechanism of multiplier `sigma` (module
/// docs): σ_Δ = (σ⁻² − (2σ_b)⁻²)^(−½). An error unless σ > 0, σ_b > 0
/// (both finite) and 2σ_b > σ.
pub fn split_noise_multiplier(sigma: f64, count_std: f64) -> Result<f64> {
    if !(sigma > 0.0 && sigma.is_finite()) {
        return Err(Error::InvalidInput(format!(
            "adaptive clipping needs a noise multiplier > 0, got {sigma}"
        )));
    }
    if !(count_std > 0.0 && count_std.is_finite()) {
        return Err(Error::InvalidInput(format!(
            "privacy.count_noise_std must be > 0, got {count_std}"
        )));
    }
    let left = sigma.powi(-2) - (2.0 * count_std).powi(-2);
    // The relative margin keeps σ_Δ finite and far from f64 cancellation.
    if left <= sigma.powi(-2) * 1e-9 {
        return Err(Error::InvalidInput(format!(
            "privacy.count_noise_std = {count_std} is too small for the noise multiplier \
             σ = {sigma}: the count alone (noise multiplier 2σ_b = {}) would spend the whole \
             budget; adaptive clipping needs 2·count_noise_std > σ (the paper suggests the \
             expected batch size / 20)",
            2.0 * count_std
        )));
    }
    Ok(left.powf(-0.5))
}

/// The adaptive clipping rule: target quantile γ, learning rate η and the
/// count's noise σ_b (module docs). Checked when made.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdaptiveClipping {
    target_quantile: f64,
    learning_rate: f64,
    count_noise_std: f64,
}

impl AdaptiveClipping {
    /// γ in (0, 1), η > 0 and σ_b > 0, all finite; else an error naming the key.
    pub fn new(
        target_quantile: f64,
        learning_rate: f64,
        count_noise_std: f64,
    ) -> Result<AdaptiveClipping> {
        let bad = |key: &str, what: &str, v: f64| {
            Err(Error::InvalidInput(format!(
                "privacy.{key} must be {what}, got {v}"
            )))
        };
        if !(target_quantile > 0.0 && target_quantile < 1.0) {
            return bad("target_quantile", "in (0, 1)", target_quantile);
        }
        if !(learning_rate > 0.0 && learning_rate.is_finite()) {
            return bad("clip_learning_rate", "> 0 and finite", learning_rate);
        }
        if !(count_noise_std > 0.0 && count_noise_std.is_finite()) {
            return bad("count_noise_std", "> 0 and finite", count_noise_std);
        }
        Ok(AdaptiveClipping {
            target_quantile,
            learning_rate,
            count_noise_std,
        })
    }

    /// γ, the quantile of the per-example norms C tracks.
    pub fn target_quantile(&self) -> f64 {
        self.target_quantile
    }

    /// η, the geometric update's learning rate.
    pub fn learning_rate(&self) -> f64 {
        self.learning_rate
    }

    /// σ_b, the standard deviation of the noise on the centred count.
    pub fn count_noise_std(&self) -> f64 {
        self.count_noise_std
    }

    /// σ_Δ for a run whose accounted noise multiplier is `sigma`
    /// ([`split_noise_multiplier`]).
    pub fn gradient_noise_multiplier(&self, sigma: f64) -> Result<f64> {
        split_noise_multiplier(sigma, self.count_noise_std)
    }

    /// The released count β = Σ (b_i − ½) + σ_b·z for `unclipped` of
    /// `batch` sampled examples not clipped and a standard normal draw `z`.
    /// The only value of this step's count that may leave the mechanism.
    pub fn noisy_centred_count(&self, unclipped: f64, batch: f64, z: f64) -> f64 {
        (unclipped - 0.5 * batch) + self.count_noise_std * z
    }

    /// b̄ = β/m + ½, the estimated unclipped fraction, from the released
    /// count β and the expected (public) batch size m.
    pub fn unclipped_fraction(&self, noisy_centred_count: f64, expected_batch: f64) -> f64 {
        noisy_centred_count / expected_batch + 0.5
    }

    /// C_{t+1} = C_t·exp(−η(b̄ − γ)), kept within [`MIN_CLIP_NORM`,
    /// `MAX_CLIP_NORM`] (so it stays a valid `Clipping` bound).
    pub fn next_clip_norm(&self, clip_norm: f64, unclipped_fraction: f64) -> f64 {
        let c =
            clip_norm * (-self.learning_rate * (unclipped_fraction - self.target_quantile)).exp();
        if c.is_nan() {
            return clip_norm;
        }
        c.clamp(MIN_CLIP_NORM, MAX_CLIP_NORM)
    }
}

/// A standard normal from two uniforms in [0, 1) (Box–Muller; `u1` is
/// mapped to (0, 1] so the logarithm is finite). The caller draws the
/// uniforms from the run's noise generator (OS entropy unless debug_seed).
pub fn standard_normal(u1: f64, u2: f64) -> f64 {
    let r = (-2.0 * (1.0 - u1).ln()).sqrt();
    r * (2.0 * std::f64::consts::PI * u2).cos()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_split_has_the_combined_sensitivity_of_one_gaussian() {
        for (sigma, sb) in [(1.0, 12.8), (0.6, 0.5), (3.0, 1.6), (1.0, 0.51)] {
            let sd = split_noise_multiplier(sigma, sb).unwrap();
            // ‖(1/σ_Δ, ½/σ_b)‖ = 1/σ.
            let norm = (sd.powi(-2) + (0.5 / sb).powi(2)).sqrt();
            assert!((norm * sigma - 1.0).abs() < 1e-12, "{sigma} {sb}: {sd}");
            assert!(sd > sigma);
        }
        for sb in [0.5, 0.4, 0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert!(split_noise_multiplier(1.0, sb).is_err(), "{sb}");
        }
        assert!(split_noise_multiplier(0.0, 1.0).is_err());
    }

    #[test]
    fn the_update_moves_c_towards_the_quantile_and_stays_in_range() {
        let a = AdaptiveClipping::new(0.5, 0.2, 1.0).unwrap();
        assert!(a.next_clip_norm(1.0, 0.9) < 1.0); // too few clipped: shrink
        assert!(a.next_clip_norm(1.0, 0.1) > 1.0); // too many clipped: grow
        assert_eq!(a.next_clip_norm(1.0, 0.5), 1.0);
        assert_eq!(a.next_clip_norm(1e30, -1e9), MAX_CLIP_NORM);
        assert_eq!(a.next_clip_norm(1e-30, 1e9), MIN_CLIP_NORM);
        assert_eq!(a.next_clip_norm(2.0, f64::NAN), 2.0);
        assert!(AdaptiveClipping::new(1.0, 0.2, 1.0).is_err());
        assert!(AdaptiveClipping::new(0.5, 0.0, 1.0).is_err());
        assert!(AdaptiveClipping::new(0.5, 0.2, 0.0).is_err());
    }
}
