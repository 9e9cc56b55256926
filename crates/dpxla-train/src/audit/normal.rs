//! The standard normal cdf Φ and its quantile Φ⁻¹ for the f-DP audit
//! (Gaussian tradeoff curves). Φ comes from the accountant's
//! `ln_norm_sf` (one erfc implementation in the workspace, accurate far
//! into the tail); the quantile starts from Abramowitz & Stegun 26.2.23
//! (|error| < 4.5e-4) and polishes with Newton steps on ln Φ(x) = ln p
//! (ln Φ is concave, so Newton converges once left of the root).

use dpxla_dp::accountant::ln_norm_sf;
use std::f64::consts::PI;

/// ln Φ(x).
pub fn ln_cdf(x: f64) -> f64 {
    ln_norm_sf(-x)
}

/// Φ(x), computed on the side where it is at most 1/2 so that the upper
/// tail keeps full absolute precision.
pub fn cdf(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x <= 0.0 {
        ln_cdf(x).exp()
    } else {
        1.0 - ln_cdf(-x).exp()
    }
}

fn ln_pdf(x: f64) -> f64 {
    -0.5 * x * x - 0.5 * (2.0 * PI).ln()
}

/// Φ⁻¹(p) for p in [0, 1] (−∞ at 0, +∞ at 1, NaN outside).
pub fn quantile(p: f64) -> f64 {
    if !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if p == 0.0 {
        return f64::NEG_INFINITY;
    }
    if p == 1.0 {
        return f64::INFINITY;
    }
    if p > 0.5 {
        // 1 − p is exact for p > 1/2 (Sterbenz).
        return -quantile(1.0 - p);
    }
    let ln_p = p.ln();
    let t = (-2.0 * ln_p).sqrt();
    let num = 2.515517 + t * (0.802853 + t * 0.010328);
    let den = 1.0 + t * (1.432788 + t * (0.189269 + t * 0.001308));
    let mut x = -(t - num / den);
    for _ in 0..50 {
        let lc = ln_cdf(x);
        // Newton on g(x) = ln Φ(x) − ln p, g' = φ/Φ.
        let step = (lc - ln_p) * (lc - ln_pdf(x)).exp();
        x -= step;
        if step.abs() <= 1e-15 * (1.0 + x.abs()) {
            break;
        }
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantile_inverts_cdf() {
        for p in [
            1e-300, 1e-100, 1e-20, 1e-8, 1e-3, 0.01, 0.2, 0.5, 0.7, 0.999,
        ] {
            let x = quantile(p);
            assert!(((cdf(x) - p) / p).abs() < 1e-12, "p = {p}: x = {x}");
        }
        for i in -80..=20 {
            let x = i as f64 * 0.1;
            assert!(
                (quantile(cdf(x)) - x).abs() < 1e-9 * (1.0 + x.abs()),
                "x = {x}"
            );
        }
        // Known values: Φ⁻¹(0.975) = 1.959963984540054, Φ(−1) = 0.15865525393145707.
        assert!((quantile(0.975) - 1.959963984540054).abs() < 1e-12);
        assert!((cdf(-1.0) - 0.15865525393145707).abs() < 1e-15);
        assert_eq!(quantile(0.0), f64::NEG_INFINITY);
        assert_eq!(quantile(1.0), f64::INFINITY);
        assert!(quantile(-0.1).is_nan() && quantile(1.5).is_nan());
    }

    #[test]
    fn cdf_is_symmetric_and_monotone() {
        let mut prev = 0.0;
        for i in -400..=400 {
            let x = i as f64 * 0.02;
            let c = cdf(x);
            assert!((c + cdf(-x) - 1.0).abs() < 1e-15, "x = {x}");
            assert!(c >= prev, "x = {x}");
            prev = c;
        }
    }
}
