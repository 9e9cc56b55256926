//! One step of the Poisson-subsampled Gaussian as a discrete, PESSIMISTIC privacy loss
//! distribution, by the "connect the dots" construction (Doroshenko, Ghazi, Kamath,
//! Kumar, Manurangsi 2022, "Connect the Dots: Tighter Discrete Approximations of
//! Privacy Loss Distributions", Sec. 3).
//!
//! Add/remove-one neighbours need two dominating pairs (Zhu, Dong, Wang 2022, "Optimal
//! accounting of differential privacy via characteristic function", Sec. 5):
//! remove: P = (1-q)N(0,σ²) + qN(1,σ²) vs Q = N(0,σ²);
//! add:    P = N(0,σ²) vs Q = (1-q)N(0,σ²) + qN(1,σ²).
//! Each is composed separately and the final ε (δ) is the larger of the two.
//!
//! Connect the dots: the privacy profile δ(ε) = sup_S P(S) - e^ε Q(S) is convex and
//! decreasing in x = e^ε. Its chords through the grid points (e^{iΔ}, δ(iΔ)) lie above
//! it, and that piecewise-linear curve is itself the profile of a discrete PLD with
//! atoms at the grid points: the mass at iΔ is e^{iΔ}·(slope change at i). So the
//! discrete PLD dominates the true one (pessimistic) and is exact at grid points.
//! Mass beyond the top grid point goes to +∞ (δ(ε_top)), mass below the bottom grid
//! point is moved up to it (the chord from (0, 1), since δ(-∞) = 1).

use super::math::{ln_1m_exp, ln_norm_cdf, ln_norm_sf};

/// Which dominating pair of the add/remove-one relation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Remove,
    Add,
}

/// How far into the Gaussian tails (in σ) the support of one step reaches; beyond it
/// the mass is ≤ Φc(10) ≈ 7.6e-24, and it is kept pessimistically (see module doc).
const TAIL_SIGMAS: f64 = 10.0;

/// Exact privacy profile δ(ε) of one step.
pub fn hockey_stick(q: f64, sigma: f64, dir: Direction, eps: f64) -> f64 {
    let s2 = sigma * sigma;
    match dir {
        Direction::Remove => {
            // Loss ln(1-q + q e^{(2z-1)/(2σ²)}) ≥ ln(1-q): below that, δ = 1 - e^ε.
            let u = eps.exp_m1() + q; // e^ε - (1-q)
            if u <= 0.0 {
                return -eps.exp_m1();
            }
            // The loss exceeds ε exactly when z > z_ε.
            let z = s2 * (eps.exp_m1() / q).ln_1p() + 0.5;
            // δ = q [Φc((z-1)/σ) - e^{(2z-1)/(2σ²)} Φc(z/σ)]
            let a = ln_norm_sf((z - 1.0) / sigma);
            let b = (2.0 * z - 1.0) / (2.0 * s2) + ln_norm_sf(z / sigma);
            if b >= a {
                return 0.0;
            }
            q * (a + ln_1m_exp(b - a)).exp()
        }
        Direction::Add => {
            // Loss -ln(1-q + q e^{(2z-1)/(2σ²)}) ≤ -ln(1-q): above that, δ = 0.
            let u = (-eps).exp_m1() + q; // e^{-ε} - (1-q)
            if u <= 0.0 {
                return 0.0;
            }
            // The loss exceeds ε exactly when z < z_ε.
            let z = s2 * ((-eps).exp_m1() / q).ln_1p() + 0.5;
            // δ = q e^ε [e^{(2z-1)/(2σ²)} Φ(z/σ) - Φ((z-1)/σ)]
            let a = (2.0 * z - 1.0) / (2.0 * s2) + ln_norm_cdf(z / sigma);
            let b = ln_norm_cdf((z - 1.0) / sigma);
            if b >= a {
                return 0.0;
            }
            (q.ln() + eps + a + ln_1m_exp(b - a)).exp().min(1.0)
        }
    }
}

/// The privacy loss at output z (for the direction's P).
fn loss_at(q: f64, sigma: f64, dir: Direction, z: f64) -> f64 {
    let t = (2.0 * z - 1.0) / (2.0 * sigma * sigma);
    // ln(1-q + q e^t) = ln(1 + q (e^t - 1)), stable for small q and t. When
    // q(e^t - 1) is near -1 (q near 1, t very negative) that form cancels to
    // ln(0) = -∞ (q = 1, σ = 0.3 made the whole window infinite), so there use
    // log-sum-exp of ln(1-q) and ln q + t, which is exact for q = 1.
    let x = q * t.exp_m1();
    let l = if x < -0.5 {
        let (a, b) = ((-q).ln_1p(), q.ln() + t);
        let m = a.max(b);
        m + (-(a - b).abs()).exp().ln_1p()
    } else if t < 30.0 {
        x.ln_1p()
    } else {
        t + q.ln() + ((1.0 - q) * (-t).exp() / q).ln_1p()
    };
    match dir {
        Direction::Remove => l,
        Direction::Add => -l,
    }
}

/// The interval of losses that carries all but ~1e-23 of P's mass.
pub fn loss_support(q: f64, sigma: f64, dir: Direction) -> (f64, f64) {
    let lo_z = -TAIL_SIGMAS * sigma;
    let hi_z = 1.0 + TAIL_SIGMAS * sigma;
    let floor = (-q).ln_1p(); // ln(1-q), -∞ for q = 1
    match dir {
        // P's z ranges over [-10σ, 1+10σ]; the loss is increasing in z.
        Direction::Remove => (
            loss_at(q, sigma, dir, lo_z).max(floor),
            loss_at(q, sigma, dir, hi_z),
        ),
        // P = N(0,σ²): z in [-10σ, 10σ]; the loss is decreasing in z.
        Direction::Add => (
            loss_at(q, sigma, dir, TAIL_SIGMAS * sigma),
            loss_at(q, sigma, dir, lo_z).min(-floor),
        ),
    }
}

/// A rough scale of the per-step loss (its standard deviation for small q, 1/σ for
/// q = 1), used only to pick a grid fine enough to resolve one step.
pub fn loss_scale(q: f64, sigma: f64) -> f64 {
    let sub = q * (1.0 / (sigma * sigma)).exp_m1().sqrt();
    sub.min(1.0 / sigma)
}

/// A discrete loss distribution on the grid iΔ, i ∈ [offset, offset + masses.len()),
/// plus an atom at +∞.
#[derive(Clone, Debug)]
pub struct DiscretePld {
    pub offset: i64,
    pub masses: Vec<f64>,
    pub infinity_mass: f64,
}

/// Connect-the-dots discretisation of one step on the grid of spacing `delta_grid`.
pub fn discretize(q: f64, sigma: f64, dir: Direction, delta_grid: f64) -> DiscretePld {
    let (lo, hi) = loss_support(q, sigma, dir);
    let i_lo = (lo / delta_grid).floor() as i64;
    let i_hi = ((hi / delta_grid).ceil() as i64).max(i_lo + 1);
    let n = (i_hi - i_lo + 1) as usize;
    let eps: Vec<f64> = (0..n)
        .map(|j| (i_lo + j as i64) as f64 * delta_grid)
        .collect();
    let dv: Vec<f64> = eps
        .iter()
        .map(|&e| hockey_stick(q, sigma, dir, e))
        .collect();
    // Chord slopes in x = e^ε, written with x_j factored out so that masses come out as
    // differences of O(1) numbers: slope_j · x_j = (δ_{j+1} - δ_j)/(e^Δ - 1).
    let em1 = delta_grid.exp_m1();
    let mut masses = vec![0.0; n];
    // Before the first point: chord from (0, 1) to (x_0, δ_0): slope·x_0 = δ_0 - 1.
    let mut prev_scaled = dv[0] - 1.0; // slope_{-1} · x_0
    for j in 0..n {
        // slope_j · x_j (0 after the last point: the rest is at +∞).
        let scaled = if j + 1 < n {
            (dv[j + 1] - dv[j]) / em1
        } else {
            0.0
        };
        // p_j = x_j (slope_j - slope_{j-1}); slope_{j-1}·x_j = prev_scaled·e^Δ for
        // j ≥ 1 (prev_scaled was slope_{j-1}·x_{j-1}); for j = 0 it is slope_{-1}·x_0.
        let prev_at_j = if j == 0 {
            prev_scaled
        } else {
            prev_scaled * delta_grid.exp()
        };
        masses[j] = (scaled - prev_at_j).max(0.0);
        prev_scaled = scaled;
    }
    DiscretePld {
        offset: i_lo,
        masses,
        infinity_mass: dv[n - 1],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaussian_profile_matches_closed_form() {
        // q = 1: both directions are the Gaussian mechanism with μ = 1/σ;
        // δ(ε) = Φ(-ε/μ + μ/2) - e^ε Φ(-ε/μ - μ/2) (Balle & Wang 2018, Thm. 8).
        // At σ = 1, ε = 1: Φ(-0.5) - e Φ(-1.5) = 0.308537539 - 2.718281828·0.0668072013.
        let want = 0.308_537_538_725_986_9 - std::f64::consts::E * 0.066_807_201_268_858_07;
        for dir in [Direction::Remove, Direction::Add] {
            let got = hockey_stick(1.0, 1.0, dir, 1.0);
            assert!((got - want).abs() < 1e-14, "{dir:?}: {got} vs {want}");
        }
    }

    #[test]
    fn discrete_pld_is_a_distribution_and_pessimistic() {
        let (q, sigma) = (0.1, 1.5);
        for dir in [Direction::Remove, Direction::Add] {
            let pld = discretize(q, sigma, dir, 1e-3);
            let total: f64 = pld.masses.iter().sum::<f64>() + pld.infinity_mass;
            assert!((total - 1.0).abs() < 1e-9, "{dir:?}: total mass {total}");
            // δ of the discrete PLD at any ε (grid or not) is ≥ the exact one.
            for eps in [0.0, 0.0105, 0.05, 0.2, 0.5] {
                let disc: f64 = pld
                    .masses
                    .iter()
                    .enumerate()
                    .map(|(j, m)| {
                        let l = (pld.offset + j as i64) as f64 * 1e-3;
                        m * (-(eps - l).exp_m1()).max(0.0)
                    })
                    .sum::<f64>()
                    + pld.infinity_mass;
                let exact = hockey_stick(q, sigma, dir, eps);
                assert!(
                    disc >= exact * (1.0 - 1e-9),
                    "{dir:?} ε={eps}: {disc} < {exact}"
                );
                assert!(
                    disc <= exact * 1.01 + 1e-12,
                    "{dir:?} ε={eps}: {disc} ≫ {exact}"
                );
            }
        }
    }
}
