//! Privacy-loss-distribution accountant: discretise each step pessimistically
//! (`pld_discretize`), compose all steps by one FFT per distinct mechanism (the
//! characteristic function of a sum is the product, Koskela, Jälkö, Honkela 2020,
//! "Computing tight differential privacy guarantees using FFT"), read ε(δ) / δ(ε).
//!
//! Grid choice (why not dp-accounting's fixed 1e-4): the composed loss lives in a
//! window [a, b] found by a Chernoff bound; the grid is that window divided into
//! `grid_points` cells, and at least 32 cells per standard deviation of one step's
//! loss. So a run of 10⁵ tiny steps (q = 1e-4, σ = 20, per-step loss ~5e-6) gets a
//! grid near 1e-7 where a fixed 1e-4 grid would be 20x coarser than one step.
//!
//! Every approximation errs on the pessimistic side: connect-the-dots per step, tails
//! beyond the per-step support kept at +∞ or moved up, and the composed mass that the
//! cyclic convolution may wrap around from above the window is bounded (Chernoff) and
//! added to the mass at +∞.

use super::event::PoissonGaussianEvent;
use super::fft::{Complex, Fft};
use super::pld_discretize::{discretize, loss_scale, loss_support, Direction, DiscretePld};

/// Tuning of the PLD accountant.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PldOptions {
    /// Target number of grid cells over the composed window (rounded up to a power
    /// of two). More is tighter and slower.
    pub grid_points: usize,
    /// Bound on the composed mass above the window (added to δ) and below it.
    pub tail_mass: f64,
}

impl Default for PldOptions {
    fn default() -> Self {
        PldOptions {
            grid_points: 1 << 17,
            tail_mass: 1e-15,
        }
    }
}

/// Hard cap on the FFT size (2²⁴ complex numbers = 256 MiB).
const MAX_FFT: usize = 1 << 24;

/// A composed discrete PLD: mass `masses[j]` at loss (offset + j)·grid, plus +∞ mass.
#[derive(Clone, Debug)]
pub struct ComposedPld {
    pub grid: f64,
    pub offset: i64,
    pub masses: Vec<f64>,
    pub infinity_mass: f64,
}

impl ComposedPld {
    /// Smallest ε ≥ 0 with δ(ε) ≤ `delta` (+∞ if the +∞ mass alone exceeds δ).
    pub fn epsilon(&self, delta: f64) -> f64 {
        if self.infinity_mass >= delta {
            return f64::INFINITY;
        }
        let g = self.grid;
        let shrink = (-g).exp(); // e^{-Δ}
        let one_m = -(-g).exp_m1(); // 1 - e^{-Δ}
                                    // Walk down from the top: at grid point k (loss kΔ), with everything above it,
                                    // s1 = Σ_{k'>k} M, e = Σ_{k'>k} M e^{(k-k')Δ}, d = δ(kΔ) - p∞ = s1 - e, kept as a
                                    // sum of positive terms: d_{k-1} = d_k + (1 - e^{-Δ})(M_k + e_k).
        let (mut s1, mut e, mut d) = (0.0, 0.0, 0.0);
        // Solve p∞ + s1 - e^{ε-kΔ}·e = δ for ε in [kΔ, (k+1)Δ], with the sums over k' > k.
        let solve = |k: i64, s1: f64, e: f64| {
            let ratio = (self.infinity_mass + s1 - delta) / e;
            if ratio > 0.0 && e > 0.0 {
                (k as f64 * g + ratio.ln()).max(0.0)
            } else {
                0.0
            }
        };
        for j in (0..self.masses.len()).rev() {
            // Here (s1, e, d) are the sums over k' > k for the point k = offset + j.
            let k = self.offset + j as i64;
            if self.infinity_mass + d > delta {
                return solve(k, s1, e);
            }
            let m = self.masses[j];
            d += one_m * (m + e);
            e = shrink * (e + m);
            s1 += m;
        }
        // Below every atom δ(ε) = p∞ + s1 - e^{ε-kΔ}·e with k = offset - 1.
        solve(self.offset - 1, s1, e)
    }

    /// δ(ε) = p∞ + Σ_k M_k (1 - e^{ε - kΔ})₊.
    pub fn delta(&self, eps: f64) -> f64 {
        let mut d = self.infinity_mass;
        for (j, &m) in self.masses.iter().enumerate() {
            let l = (self.offset + j as i64) as f64 * self.grid;
            if l > eps {
                d += m * -(eps - l).exp_m1();
            }
        }
        d.min(1.0)
    }
}

/// A step's finite atoms as (index, ln mass) for moment generating functions, binned
/// to at most 4096 atoms so the Chernoff search stays cheap. Binning moves each bin's
/// mass to its upper edge for an upper-tail bound (t > 0: E[e^{tL}] only grows) and to
/// its lower edge for a lower-tail bound, so the bounds stay valid.
fn log_atoms(p: &DiscretePld, upper: bool) -> Vec<(f64, f64)> {
    let n = p.masses.len();
    let width = n.div_ceil(4096).max(1);
    p.masses
        .chunks(width)
        .enumerate()
        .filter_map(|(b, chunk)| {
            let m: f64 = chunk.iter().sum();
            let edge = if upper {
                b * width + chunk.len() - 1
            } else {
                b * width
            };
            (m > 0.0).then(|| ((p.offset + edge as i64) as f64, m.ln()))
        })
        .collect()
}

/// ln E[e^{tL}] (L in grid units) by log-sum-exp over the atoms.
fn log_mgf(atoms: &[(f64, f64)], t: f64) -> f64 {
    let shift = atoms
        .iter()
        .map(|&(i, lm)| lm + t * i)
        .fold(f64::NEG_INFINITY, f64::max);
    if shift == f64::NEG_INFINITY {
        return f64::NEG_INFINITY;
    }
    let s: f64 = atoms
        .iter()
        .map(|&(i, lm)| (lm + t * i - shift).exp())
        .sum();
    shift + s.ln()
}

/// Chernoff bound on the composed sum (grid units): the smallest b found with
/// P(S ≥ b) ≤ tail (upper = true), or the largest a with P(S ≤ a) ≤ tail. Minimises
/// (K(t) + ln(1/tail))/t over t by golden-section search in ln t (quasi-convex).
fn chernoff(parts: &[(&DiscretePld, u64)], tail: f64, upper: bool) -> f64 {
    let atoms: Vec<(Vec<(f64, f64)>, u64)> = parts
        .iter()
        .map(|(p, n)| (log_atoms(p, upper), *n))
        .collect();
    // Upper: minimise b(t) over t > 0; lower: maximise a(t) over t < 0.
    let sign = if upper { 1.0 } else { -1.0 };
    let bound = |u: f64| {
        let t = sign * u.exp();
        let k: f64 = atoms.iter().map(|(a, n)| *n as f64 * log_mgf(a, t)).sum();
        (k - tail.ln()) / t
    };
    // t ranges over [1e-12, 10] per grid unit.
    let (mut lo, mut hi) = ((1e-12f64).ln(), (10f64).ln());
    let r = 0.5 * (5f64.sqrt() - 1.0);
    let mut x1 = hi - r * (hi - lo);
    let mut x2 = lo + r * (hi - lo);
    let (mut f1, mut f2) = (sign * bound(x1), sign * bound(x2));
    for _ in 0..40 {
        if f1 < f2 {
            hi = x2;
            x2 = x1;
            f2 = f1;
            x1 = hi - r * (hi - lo);
            f1 = sign * bound(x1);
        } else {
            lo = x1;
            x1 = x2;
            f1 = f2;
            x2 = lo + r * (hi - lo);
            f2 = sign * bound(x2);
        }
    }
    sign * f1.min(f2)
}

/// Composes `events` in one direction on a grid chosen as in the module doc.
pub fn compose(events: &[PoissonGaussianEvent], dir: Direction, opts: &PldOptions) -> ComposedPld {
    // Pass 1 (sizing only): a coarse grid per mechanism (4096 cells over its support)
    // and the Chernoff window of its steps; the windows of several mechanisms add up.
    // Pass 2 below computes the exact window on the real grid.
    let mut window = 0.0;
    let mut lo_sum = 0.0;
    let mut hi_sum = 0.0;
    let mut min_scale = f64::INFINITY;
    let mut widest = 0.0f64;
    for ev in events {
        let (lo, hi) = loss_support(ev.q, ev.sigma, dir);
        let g = ((hi - lo) / 4096.0).max(1e-300);
        let p = discretize(ev.q, ev.sigma, dir, g);
        let parts = [(&p, ev.steps)];
        let width =
            chernoff(&parts, opts.tail_mass, true) - chernoff(&parts, opts.tail_mass, false);
        window += width.max(0.0) * g;
        widest = widest.max(p.masses.len() as f64 * g);
        min_scale = min_scale.min(loss_scale(ev.q, ev.sigma));
        lo_sum += lo * ev.steps as f64;
        hi_sum += hi * ev.steps as f64;
    }
    let window = window.min(hi_sum - lo_sum).max(1e-300);
    // 0.9: headroom so the exact window of pass 2 still fits in `grid_points` cells.
    let by_window = window / (0.9 * opts.grid_points as f64);
    let mut grid = by_window.min(min_scale / 32.0);
    if window.max(widest) / grid > (MAX_FFT - 4) as f64 {
        grid = window.max(widest) / (MAX_FFT - 4) as f64;
    }
    let cells_target = opts.grid_points.next_power_of_two();

    // Pass 2: the real discretisation and the exact window. If the window came out
    // wider than planned (pass 1 is coarse) and the grid was set by the window, widen
    // the grid once rather than doubling the FFT.
    let mut retried = false;
    let (parts, a, b, min_index, max_index, n) = loop {
        let parts: Vec<(DiscretePld, u64)> = events
            .iter()
            .map(|ev| (discretize(ev.q, ev.sigma, dir, grid), ev.steps))
            .collect();
        let refs: Vec<(&DiscretePld, u64)> = parts.iter().map(|(p, n)| (p, *n)).collect();
        let a = chernoff(&refs, opts.tail_mass, false).floor() as i64;
        let b = chernoff(&refs, opts.tail_mass, true).ceil() as i64;
        let min_index: i64 = parts.iter().map(|(p, n)| p.offset * *n as i64).sum();
        let max_index: i64 = parts
            .iter()
            .map(|(p, n)| (p.offset + p.masses.len() as i64 - 1) * *n as i64)
            .sum();
        let a = a.max(min_index);
        let b = b.min(max_index).max(a);
        let widest = parts.iter().map(|(p, _)| p.masses.len()).max().unwrap_or(1);
        let need = ((b - a + 1) as usize).max(widest);
        if !retried && grid >= by_window && need > cells_target {
            grid *= need as f64 / (0.95 * cells_target as f64);
            retried = true;
            continue;
        }
        let n = need.next_power_of_two().min(MAX_FFT);
        // If even the cap is too small, drop the lowest part of the window: that mass
        // wraps around to the top, i.e. it is counted as a larger loss (pessimistic).
        let a = a.max(b - n as i64 + 1);
        break (parts, a, b, min_index, max_index, n);
    };
    // Upper-tail mass that could wrap below the window: only if the window was cut.
    let wrapped_bound = if b < max_index { opts.tail_mass } else { 0.0 };

    let fft = Fft::new(n);
    let mut acc = vec![Complex::new(1.0, 0.0); n];
    let mut buf = vec![Complex::default(); n];
    let mut ln_finite = 0.0; // ln Π (1 - p∞)^steps
    for (p, steps) in &parts {
        buf.iter_mut().for_each(|z| *z = Complex::default());
        for (j, &m) in p.masses.iter().enumerate() {
            buf[j % n].re += m;
        }
        fft.forward(&mut buf);
        for (z, w) in acc.iter_mut().zip(&buf) {
            *z = z.times(w.powu(*steps));
        }
        ln_finite += *steps as f64 * (-p.infinity_mass).ln_1p();
    }
    fft.inverse(&mut acc);
    // Position r holds composed index k ≡ r + min_index (mod n); take k in [a, a + n).
    let mut masses = vec![0.0; n];
    for (r, z) in acc.iter().enumerate() {
        let k = r as i64 + min_index;
        let j = (k - a).rem_euclid(n as i64) as usize;
        masses[j] = z.re.max(0.0);
    }
    ComposedPld {
        grid,
        offset: a,
        masses,
        // 1 - Π(1 - p∞)^steps without losing p∞ ~ 1e-24 to rounding.
        infinity_mass: (-ln_finite.exp_m1() + wrapped_bound).min(1.0),
    }
}

/// Both directions, composed on two threads (they are independent).
fn both(events: &[PoissonGaussianEvent], opts: &PldOptions) -> [ComposedPld; 2] {
    std::thread::scope(|scope| {
        let add = scope.spawn(|| compose(events, Direction::Add, opts));
        let remove = compose(events, Direction::Remove, opts);
        [remove, add.join().expect("PLD composition thread panicked")]
    })
}

/// Whether every event's loss support is a finite interval (it is not for σ
/// so small that 1/σ² overflows): otherwise no grid can hold one step and the
/// PLD has no finite bound to offer (the callers then report +∞, and the
/// accountant falls back to RDP or reports an error).
fn representable(events: &[PoissonGaussianEvent]) -> bool {
    events.iter().all(|ev| {
        [Direction::Remove, Direction::Add].iter().all(|&dir| {
            let (lo, hi) = loss_support(ev.q, ev.sigma, dir);
            lo.is_finite() && hi.is_finite() && (hi - lo).is_finite()
        })
    })
}

/// ε(δ) for add/remove-one neighbours: the larger of the two directions.
pub fn epsilon(events: &[PoissonGaussianEvent], delta: f64, opts: &PldOptions) -> f64 {
    if !representable(events) {
        return f64::INFINITY;
    }
    both(events, opts)
        .iter()
        .map(|p| p.epsilon(delta))
        .fold(0.0, f64::max)
}

/// δ(ε) for add/remove-one neighbours: the larger of the two directions.
pub fn delta(events: &[PoissonGaussianEvent], eps: f64, opts: &PldOptions) -> f64 {
    if !representable(events) {
        return 1.0;
    }
    both(events, opts)
        .iter()
        .map(|p| p.delta(eps))
        .fold(0.0, f64::max)
}
