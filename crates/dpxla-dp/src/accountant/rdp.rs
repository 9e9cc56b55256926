//! Rényi DP of one step of the Poisson-subsampled Gaussian mechanism.
//!
//! Mironov, Talwar, Zhang 2019, "Rényi Differential Privacy of the Sampled Gaussian
//! Mechanism" (arXiv:1908.10530): with μ0 = N(0, σ²), μ1 = N(1, σ²) and
//! μ = (1-q)μ0 + qμ1, the RDP of order α is ε(α) = ln(A_α)/(α-1) with
//! A_α = E_{z~μ0}[(μ(z)/μ0(z))^α] (Sec. 3; the remove direction dominates, Thm. 5).
//!
//! Everything is computed as ln(A_α - 1), not ln A_α, so that RDP values of 1e-20
//! (tiny q, huge σ) keep full relative precision instead of drowning in round-off of
//! ln(1 + tiny).

use super::math::{ln_expm1, ln_norm_cdf, ln_norm_sf, log_add, SignedLog};

/// The default RDP orders, the same set (and the same floating-point values) as
/// Google's dp-accounting `DEFAULT_RDP_ORDERS`: 1.1, 1.2, ..., 10.9, 11, ..., 63,
/// 128, 256, 512, 1024.
pub fn default_orders() -> Vec<f64> {
    let mut orders: Vec<f64> = (1..100).map(|x| 1.0 + x as f64 / 10.0).collect();
    orders.extend((11..64).map(|a| a as f64));
    orders.extend([128.0, 256.0, 512.0, 1024.0]);
    orders
}

/// RDP of order `alpha` > 1 of one step with sampling probability `q` ∈ (0, 1] and
/// noise multiplier `sigma` > 0. Returns +∞ where the series does not converge (never
/// NaN).
pub fn rdp_one_step(q: f64, sigma: f64, alpha: f64) -> f64 {
    debug_assert!(alpha > 1.0 && q > 0.0 && q <= 1.0 && sigma > 0.0);
    if q == 1.0 {
        // No subsampling: the Gaussian mechanism, D_α(N(1,σ²)‖N(0,σ²)) = α/(2σ²).
        return alpha / (2.0 * sigma * sigma);
    }
    let ln_am1 = if alpha.fract() == 0.0 && alpha <= 1e6 {
        ln_a_minus_1_int(q, sigma, alpha as u64)
    } else {
        ln_a_minus_1_frac(q, sigma, alpha)
    };
    // ln A = ln(1 + (A - 1)), computed without losing the small part.
    let ln_a = if ln_am1 < 0.0 {
        ln_am1.exp().ln_1p()
    } else {
        ln_am1 + (-ln_am1).exp().ln_1p()
    };
    let rdp = ln_a / (alpha - 1.0);
    if rdp.is_nan() {
        f64::INFINITY
    } else {
        rdp.max(0.0)
    }
}

/// Integer α (MTZ 2019, Sec. 3.2): A_α = Σ_{i=0}^{α} C(α,i) qⁱ(1-q)^{α-i} e^{(i²-i)/(2σ²)}.
/// The binomial weights sum to 1, so A_α - 1 = Σ_{i≥2} C(α,i) qⁱ(1-q)^{α-i}
/// (e^{(i²-i)/(2σ²)} - 1): a sum of positive terms (i = 0, 1 contribute 0).
fn ln_a_minus_1_int(q: f64, sigma: f64, alpha: u64) -> f64 {
    let (ln_q, ln_1mq) = (q.ln(), (-q).ln_1p());
    let two_s2 = 2.0 * sigma * sigma;
    let a = alpha as f64;
    let mut ln_binom = a.ln(); // ln C(α, 1)
    let mut acc = f64::NEG_INFINITY;
    for i in 2..=alpha {
        let fi = i as f64;
        ln_binom += ((a - fi + 1.0) / fi).ln();
        let ln_w = ln_binom + fi * ln_q + (a - fi) * ln_1mq;
        acc = log_add(acc, ln_w + ln_expm1((fi * fi - fi) / two_s2));
    }
    acc
}

/// Fractional α (MTZ 2019, Sec. 3.3). Split the integral at z0, where
/// qμ1(z0) = (1-q)μ0(z0), i.e. z0 = σ² ln(1/q - 1) + 1/2, and expand μ^α by the
/// generalised binomial series in the ratio that is < 1 on each side:
///
///   A_α = Σ_k C(α,k) qᵏ(1-q)^{α-k} e^{(k²-k)/(2σ²)} Φ((z0-k)/σ)            (z ≤ z0)
///       + Σ_k C(α,k) q^{α-k}(1-q)ᵏ e^{(m²-m)/(2σ²)} Φ((m-z0)/σ),  m = α-k   (z > z0)
///
/// C(α,k) = α(α-1)···(α-k+1)/k! is NEGATIVE for every other k once k > α + 1; the
/// signs are kept (dp-accounting 0.6.0 adds |C(α,k)|, which over-estimates A_α).
///
/// For q ≤ 1/4 the first series is rewritten with Σ_k C(α,k)qᵏ(1-q)^{α-k} = 1
/// (convergent since q/(1-q) < 1) so that A_α - 1 comes out directly:
/// term_k · (e^{x_k}Φ(y_k) - 1) with e^{x}Φ(y) - 1 = (e^x - 1) - e^x Φc(y).
///
/// The term magnitudes fall geometrically until k ≈ z0 and then like k^{-α-2}; past
/// k > α + 1 the signs alternate, and the slow tail is summed by repeated averaging of
/// the last 9 partial sums (Van Wijngaarden's form of the Euler transform), stopping
/// when two successive estimates agree to 1e-14.
fn ln_a_minus_1_frac(q: f64, sigma: f64, alpha: f64) -> f64 {
    const MAX_TERMS: usize = 4_000;
    let (ln_q, ln_1mq) = (q.ln(), (-q).ln_1p());
    let two_s2 = 2.0 * sigma * sigma;
    let z0 = sigma * sigma * (1.0 / q - 1.0).ln() + 0.5;
    let subtract_one = q <= 0.25;
    let mut sum = if subtract_one {
        SignedLog::ZERO
    } else {
        SignedLog::new(false, 0.0) // start from -1
    };
    let mut binom = SignedLog::new(true, 0.0); // C(α, 0) = 1
    const LEVELS: usize = 8;
    let mut partial = [0.0f64; LEVELS + 1];
    let mut seen = 0usize;
    let mut scale: Option<f64> = None;
    let mut last_est = f64::NAN;
    // Without the subtract-one form the sum is A_α and A_α - 1 comes from cancellation:
    // when it is small (< 1e-4), the quadrature (no cancellation) is more accurate.
    let cancel_floor = (1e-4f64).ln();
    let finish = |ln_am1: f64| {
        if !subtract_one && ln_am1 < cancel_floor {
            ln_a_minus_1_quadrature(q, sigma, alpha)
        } else {
            ln_am1
        }
    };
    for k in 0..MAX_TERMS {
        let fk = k as f64;
        if k > 0 {
            let factor = (alpha - fk + 1.0) / fk;
            binom = SignedLog::new(
                binom.positive == (factor > 0.0),
                binom.ln_abs + factor.abs().ln(),
            );
        }
        // z ≤ z0 part.
        let x = (fk * fk - fk) / two_s2;
        let y = (z0 - fk) / sigma;
        let ln_w0 = binom.ln_abs + fk * ln_q + (alpha - fk) * ln_1mq;
        let bracket = if subtract_one && y >= 0.0 {
            // e^x Φ(y) - 1 = (e^x - 1) - e^x Φc(y): with Φc(y) ≤ 1/2 the two parts
            // cannot cancel by more than a factor 2 once x is not tiny.
            let pos = if x > 0.0 {
                ln_expm1(x)
            } else {
                f64::NEG_INFINITY
            };
            SignedLog::new(true, pos).add(SignedLog::new(false, x + ln_norm_sf(y)))
        } else if subtract_one {
            // Past z0 (y < 0) e^x is huge and Φ(y) tiny: form e^x Φ(y) first.
            SignedLog::new(true, x + ln_norm_cdf(y)).add(SignedLog::new(false, 0.0))
        } else {
            SignedLog::new(true, x + ln_norm_cdf(y))
        };
        let t0 = SignedLog::new(binom.positive == bracket.positive, ln_w0 + bracket.ln_abs);
        // z > z0 part.
        let m = alpha - fk;
        let ln_w1 = binom.ln_abs + m * ln_q + fk * ln_1mq;
        let ln_t1 = ln_w1 + (m * m - m) / two_s2 + ln_norm_cdf((m - z0) / sigma);
        let term = t0.add(SignedLog::new(binom.positive, ln_t1));
        if !term.ln_abs.is_finite() && term.ln_abs > 0.0 {
            return f64::INFINITY;
        }
        let magnitude = t0.ln_abs.max(ln_t1);
        if fk > alpha + 1.0 && magnitude < sum.ln_abs + (1e-17f64).ln() {
            let total = sum.add(term);
            return finish(if total.positive {
                total.ln_abs
            } else {
                f64::NEG_INFINITY
            });
        }
        sum = sum.add(term);
        // Accelerate only once the terms are in their smooth power-law regime.
        if fk > alpha + 1.0 && fk > z0 + 3.0 * sigma {
            // Van Wijngaarden's repeated averaging of the last partial sums (Euler
            // transform of the alternating tail): each level divides the error by ~k.
            let scale = *scale.get_or_insert(sum.ln_abs);
            partial.rotate_left(1);
            partial[LEVELS] = sum.value_scaled(scale);
            seen += 1;
            if seen > LEVELS {
                let mut avg = partial;
                for level in 0..LEVELS {
                    for i in 0..LEVELS - level {
                        avg[i] = 0.5 * (avg[i] + avg[i + 1]);
                    }
                }
                let est = avg[0];
                if (est - last_est).abs() <= 1e-14 * est.abs() {
                    return finish(if est > 0.0 {
                        est.ln() + scale
                    } else {
                        f64::NEG_INFINITY
                    });
                }
                last_est = est;
            }
        }
    }
    // The alternating tail decays like k^{-α-2} times e^{-z0²/(2σ²)}: when z0 is small
    // against σ (large σ with q ≳ 1/4) thousands of terms are not enough.
    ln_a_minus_1_quadrature(q, sigma, alpha)
}

/// A_α - 1 by direct integration, for the cases where the series converges too slowly.
/// With t(z) = q (e^{(2z-1)/(2σ²)} - 1), μ(z)/μ0(z) = 1 + t and E_{μ0}[t] = 0, so
/// A_α - 1 = E_{μ0}[g(t)], g(t) = (1+t)^α - 1 - αt ≥ 0 (convexity): an integral of a
/// non-negative function, no cancellation. The trapezoid rule on a uniform grid is
/// exponentially accurate for integrands analytic in a strip (Trefethen & Weideman
/// 2014, "The exponentially convergent trapezoidal rule", Thm. 5.1); the nearest
/// singularity of (1+t)^α is πσ² off the real axis, so h = σ/16 leaves an error far
/// below 1e-16 for σ ≥ 0.1. The grid covers both modes (z ≈ 0 and z ≈ α) ± 16σ.
fn ln_a_minus_1_quadrature(q: f64, sigma: f64, alpha: f64) -> f64 {
    let h = sigma / 16.0;
    let lo = -16.0 * sigma;
    let hi = alpha.max(1.0) + 16.0 * sigma;
    let n = ((hi - lo) / h).ceil() as usize;
    if n > 10_000_000 {
        return f64::INFINITY;
    }
    let two_s2 = 2.0 * sigma * sigma;
    let ln_norm = -(sigma * (2.0 * std::f64::consts::PI).sqrt()).ln() + h.ln();
    let mut acc = f64::NEG_INFINITY;
    for j in 0..=n {
        let z = lo + j as f64 * h;
        let t = q * ((2.0 * z - 1.0) / two_s2).exp_m1();
        acc = log_add(acc, ln_norm - z * z / two_s2 + ln_g(t, alpha));
    }
    acc
}

/// ln((1+t)^α - 1 - αt) for t > -1, α > 1, accurate for tiny t.
fn ln_g(t: f64, alpha: f64) -> f64 {
    if t == 0.0 {
        return f64::NEG_INFINITY;
    }
    if t.abs() < 0.5 && alpha * t.abs() < 1.0 {
        // Σ_{k≥2} C(α,k) t^k: terms shrink by ≥ 2x per k here.
        let mut term = alpha * (alpha - 1.0) / 2.0 * t * t;
        let mut sum = term;
        let mut k = 2.0;
        while term.abs() > 1e-17 * sum.abs() {
            term *= (alpha - k) / (k + 1.0) * t;
            sum += term;
            k += 1.0;
        }
        return sum.ln();
    }
    let l = alpha * t.ln_1p(); // ln (1+t)^α
    if l < 700.0 {
        (l.exp_m1() - alpha * t).ln()
    } else {
        // (1+t)^α dominates: ln g = l + ln(1 - (1 + αt) e^{-l}).
        l + (-(1.0 + alpha * t) * (-l).exp()).ln_1p()
    }
}

/// (ε, optimal order) from composed RDP values, with the conversion dp-accounting
/// applies (its `compute_epsilon`): for each order α > 1.01,
/// ε = r + ln(1 - 1/α) - ln(δ α)/(α - 1)  (Canonne, Kamath, Steinke 2020, Prop. 12;
/// Asoodeh et al. 2020, Eq. 20), and ε = 0 when δ² > 1 - e^{-r} (the KL/Pinsker-type
/// bound δ ≤ √(1 - e^{-KL})). The minimum over orders, clamped at 0.
pub fn epsilon_from_rdp(orders: &[f64], rdp: &[f64], delta: f64) -> (f64, f64) {
    let mut best = (f64::INFINITY, orders.first().copied().unwrap_or(f64::NAN));
    for (&a, &r) in orders.iter().zip(rdp) {
        let eps = if r.is_nan() || r == f64::INFINITY {
            f64::INFINITY
        } else if r <= 0.0 || delta * delta + (-r).exp_m1() > 0.0 {
            0.0
        } else if a > 1.01 {
            r + (-1.0 / a).ln_1p() - (delta * a).ln() / (a - 1.0)
        } else {
            f64::INFINITY
        };
        if eps < best.0 {
            best = (eps, a);
        }
    }
    (best.0.max(0.0), best.1)
}

/// (δ, optimal order) from composed RDP values at a given ε, the inverse conversion
/// (dp-accounting's `compute_delta`): ln δ = (α-1)(r - ε + ln(1 - 1/α)) - ln α for
/// α > 1.01, and δ ≤ √(1 - e^{-r}) for every order.
pub fn delta_from_rdp(orders: &[f64], rdp: &[f64], epsilon: f64) -> (f64, f64) {
    let mut best = (f64::INFINITY, orders.first().copied().unwrap_or(f64::NAN));
    for (&a, &r) in orders.iter().zip(rdp) {
        if r.is_nan() || r == f64::INFINITY {
            continue;
        }
        let mut ln_delta = if r <= 0.0 {
            f64::NEG_INFINITY
        } else {
            0.5 * (-(-r).exp()).ln_1p()
        };
        if a > 1.01 {
            let bound = (a - 1.0) * (r - epsilon + (-1.0 / a).ln_1p()) - a.ln();
            ln_delta = ln_delta.min(bound);
        }
        if ln_delta < best.0 {
            best = (ln_delta, a);
        }
    }
    (best.0.exp().min(1.0), best.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two independent methods for fractional orders, the signed series and the
    /// quadrature, agree where the series converges.
    #[test]
    fn series_and_quadrature_agree() {
        for &(q, s) in &[
            (1e-4, 0.5),
            (0.01, 1.0),
            (0.08, 3.0),
            (0.2, 0.8),
            (0.5, 2.0),
            (0.9, 1.0),
        ] {
            for &a in &[1.1, 1.5, 2.5, 7.3, 20.5] {
                let series = ln_a_minus_1_frac(q, s, a);
                let quad = ln_a_minus_1_quadrature(q, s, a);
                assert!(
                    (series - quad).abs() < 1e-9,
                    "q={q} σ={s} α={a}: {series} vs {quad}"
                );
            }
        }
    }
}
