//! Scalar numerics shared by the accountants: log-space arithmetic and the normal
//! tail Φc with full relative precision far into the tail (the accountants take logs
//! of tails down to 1e-300 and below, where `1 - Φ` would be 0).

use std::f64::consts::{FRAC_1_SQRT_2, PI};

/// ln(e^a + e^b), exact for -∞ operands.
pub fn log_add(a: f64, b: f64) -> f64 {
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    if lo == f64::NEG_INFINITY {
        return hi;
    }
    hi + (lo - hi).exp().ln_1p()
}

/// ln(e^a - e^b) for a ≥ b (NaN-free: returns -∞ when a == b).
pub fn log_sub(a: f64, b: f64) -> f64 {
    if b == f64::NEG_INFINITY {
        return a;
    }
    if a <= b {
        return f64::NEG_INFINITY;
    }
    a + ln_1m_exp(b - a)
}

/// ln(1 - e^x) for x < 0, accurate near both 0 and -∞ (Mächler 2012, "Accurately
/// computing log(1 - exp(-|a|))": switch at ln 2).
pub fn ln_1m_exp(x: f64) -> f64 {
    if x > -std::f64::consts::LN_2 {
        (-x.exp_m1()).ln()
    } else {
        (-x.exp()).ln_1p()
    }
}

/// ln(e^x - 1) for x > 0, without overflow for large x.
pub fn ln_expm1(x: f64) -> f64 {
    if x > 40.0 {
        x + (-(-x).exp()).ln_1p()
    } else {
        x.exp_m1().ln()
    }
}

/// A signed number stored as (sign, ln|value|): sums of terms that differ by
/// hundreds of orders of magnitude without overflow.
#[derive(Clone, Copy, Debug)]
pub struct SignedLog {
    pub positive: bool,
    pub ln_abs: f64,
}

impl SignedLog {
    pub const ZERO: SignedLog = SignedLog {
        positive: true,
        ln_abs: f64::NEG_INFINITY,
    };

    pub fn new(positive: bool, ln_abs: f64) -> Self {
        SignedLog { positive, ln_abs }
    }

    pub fn add(self, other: SignedLog) -> SignedLog {
        if self.positive == other.positive {
            return SignedLog::new(self.positive, log_add(self.ln_abs, other.ln_abs));
        }
        if self.ln_abs >= other.ln_abs {
            SignedLog::new(self.positive, log_sub(self.ln_abs, other.ln_abs))
        } else {
            SignedLog::new(other.positive, log_sub(other.ln_abs, self.ln_abs))
        }
    }

    /// The value divided by e^scale (finite for values near e^scale).
    pub fn value_scaled(self, scale: f64) -> f64 {
        let m = (self.ln_abs - scale).exp();
        if self.positive {
            m
        } else {
            -m
        }
    }

    #[cfg(test)]
    pub fn value(self) -> f64 {
        let m = self.ln_abs.exp();
        if self.positive {
            m
        } else {
            -m
        }
    }
}

/// erfc(x) · e^{x²} for x ≥ 2.5 by the continued fraction
/// erfc(x) = e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
/// (Abramowitz & Stegun 7.1.14), evaluated with the modified Lentz method.
fn erfcx_cf(x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let mut f = x;
    let mut c = x;
    let mut d = 0.0;
    for n in 1..500 {
        let a = n as f64 * 0.5;
        d = x + a * d;
        if d.abs() < TINY {
            d = TINY;
        }
        d = 1.0 / d;
        c = x + a / c;
        if c.abs() < TINY {
            c = TINY;
        }
        let delta = c * d;
        f *= delta;
        if (delta - 1.0).abs() < 1e-16 {
            break;
        }
    }
    1.0 / (f * PI.sqrt())
}

/// erf(x) for |x| < 2.5 by the series erf(x) = 2/√π e^{-x²} Σ 2ⁿ x^{2n+1}/(2n+1)!!
/// (A&S 7.1.6): all terms positive, so no cancellation.
fn erf_series(x: f64) -> f64 {
    // 1/(2n+3) for n < 64 (at |x| < 2.5 the series needs < 40 terms): the loop then
    // has no division.
    const INV: [f64; 64] = {
        let mut t = [0.0; 64];
        let mut n = 0;
        while n < 64 {
            t[n] = 1.0 / (2 * n + 3) as f64;
            n += 1;
        }
        t
    };
    let two_x2 = 2.0 * x * x;
    let mut term = x;
    let mut sum = x;
    for inv in INV {
        term *= two_x2 * inv;
        sum += term;
        if term <= 1e-17 * sum {
            break;
        }
    }
    2.0 / PI.sqrt() * (-x * x).exp() * sum
}

/// ln erfc(x) for every real x, with relative precision ~1e-13 or better.
pub fn ln_erfc(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x >= 2.5 {
        if x == f64::INFINITY {
            return f64::NEG_INFINITY;
        }
        -x * x + erfcx_cf(x).ln()
    } else if x >= 0.0 {
        (-erf_series(x)).ln_1p()
    } else if x > -2.5 {
        erf_series(-x).ln_1p()
    } else {
        // erfc(x) = 2 - erfc(-x).
        (2.0 - (-x * x).exp() * erfcx_cf(-x)).ln()
    }
}

/// ln Φc(x) = ln P(N(0,1) > x).
pub fn ln_norm_sf(x: f64) -> f64 {
    ln_erfc(x * FRAC_1_SQRT_2) - std::f64::consts::LN_2
}

/// ln Φ(x) = ln P(N(0,1) ≤ x).
pub fn ln_norm_cdf(x: f64) -> f64 {
    ln_norm_sf(-x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erfc_known_values() {
        // erfc(0) = 1, erfc(1) = 0.157299207050285130658..., erfc(3) = 2.20904969985854413e-5,
        // erfc(10) = 2.08848758376254476e-45 (A&S Table 7.1 / high-precision values).
        let cases = [
            (0.0, 1.0),
            (1.0, 0.157_299_207_050_285_13),
            (2.5, 4.069_520_174_449_589e-4),
            (3.0, 2.209_049_699_858_544e-5),
            (10.0, 2.088_487_583_762_545e-45),
            (-1.0, 1.842_700_792_949_715),
        ];
        for (x, want) in cases {
            let got = ln_erfc(x).exp();
            assert!(
                ((got - want) / want).abs() < 1e-13,
                "erfc({x}) = {got}, want {want}"
            );
        }
        // Far tail, where erfc underflows: ln erfc(30) = -903.974117110643878... (mpmath,
        // 30 digits; ≈ -x² - ln(x√π) - 1/(2x²) + 5/(8x⁴)).
        assert!((ln_erfc(30.0) + 903.974_117_110_643_9).abs() < 1e-10);
        assert!(
            (ln_erfc(300.0) + (90_000.0 + (300.0 * PI.sqrt()).ln() + 0.5 / 90_000.0)).abs() < 1e-9
        );
    }

    #[test]
    fn signed_log_sums_cancel() {
        // 5 - 3 = 2, 3 - 5 = -2.
        let a = SignedLog::new(true, 5f64.ln()).add(SignedLog::new(false, 3f64.ln()));
        assert!((a.value() - 2.0).abs() < 1e-15);
        let b = SignedLog::new(true, 3f64.ln()).add(SignedLog::new(false, 5f64.ln()));
        assert!((b.value() + 2.0).abs() < 1e-15);
    }
}
