//! A small limited-memory BFGS minimiser with a backtracking (Armijo) line
//! search, for the few-dimensional smooth problems of strategy optimisation.
//!
//! The two-loop recursion is the textbook one (Nocedal & Wright, "Numerical
//! Optimization", 2nd ed., Algorithm 7.4); a curvature pair is kept only when
//! `sᵀy > 0`, so the implicit inverse Hessian stays positive definite, and a
//! non-descent direction falls back to steepest descent.

/// Stopping rules for [`minimize`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LbfgsOptions {
    /// At most this many iterations (line searches).
    pub max_iters: usize,
    /// Stop when the largest gradient component is at most this.
    pub grad_tol: f64,
    /// Curvature pairs kept.
    pub history: usize,
}

/// Where [`minimize`] stopped.
#[derive(Clone, Debug, PartialEq)]
pub struct LbfgsResult {
    /// The final point.
    pub x: Vec<f64>,
    /// The objective there.
    pub value: f64,
    /// The largest gradient component there.
    pub grad_max: f64,
    /// Iterations used.
    pub iters: usize,
}

/// Minimises `f` from `x0`; `f(x, grad)` returns the value and writes the
/// gradient. A non-finite value is treated as "outside the domain" by the line
/// search. `f(x0)` must be finite.
pub fn minimize<F>(mut f: F, x0: Vec<f64>, opts: LbfgsOptions) -> LbfgsResult
where
    F: FnMut(&[f64], &mut [f64]) -> f64,
{
    let dim = x0.len();
    let mut x = x0;
    let mut g = vec![0.0; dim];
    let mut value = f(&x, &mut g);
    let mut pairs: Vec<(Vec<f64>, Vec<f64>, f64)> = Vec::new(); // (s, y, 1/sᵀy)
    let mut iters = 0;
    let mut x_new = vec![0.0; dim];
    let mut g_new = vec![0.0; dim];
    while iters < opts.max_iters && max_abs(&g) > opts.grad_tol {
        iters += 1;
        let mut p = direction(&g, &pairs);
        let mut slope = dot(&p, &g);
        if slope >= 0.0 {
            pairs.clear();
            p = g.iter().map(|v| -v).collect();
            slope = dot(&p, &g);
        }
        // The first step (no curvature yet) is scaled to unit length.
        let mut t = if pairs.is_empty() {
            1.0 / norm(&p).max(1.0)
        } else {
            1.0
        };
        let mut accepted = None;
        for _ in 0..60 {
            for i in 0..dim {
                x_new[i] = x[i] + t * p[i];
            }
            let v = f(&x_new, &mut g_new);
            if v.is_finite() && v <= value + 1e-4 * t * slope {
                accepted = Some(v);
                break;
            }
            t *= 0.5;
        }
        let Some(v) = accepted else { break };
        let s: Vec<f64> = (0..dim).map(|i| x_new[i] - x[i]).collect();
        let y: Vec<f64> = (0..dim).map(|i| g_new[i] - g[i]).collect();
        let sy = dot(&s, &y);
        if sy > 0.0 {
            if pairs.len() == opts.history.max(1) {
                pairs.remove(0);
            }
            pairs.push((s, y, 1.0 / sy));
        }
        std::mem::swap(&mut x, &mut x_new);
        std::mem::swap(&mut g, &mut g_new);
        let improved = v < value;
        value = v;
        if !improved {
            break;
        }
    }
    LbfgsResult {
        grad_max: max_abs(&g),
        x,
        value,
        iters,
    }
}

/// `−H g` by the two-loop recursion over the stored pairs (oldest first).
fn direction(g: &[f64], pairs: &[(Vec<f64>, Vec<f64>, f64)]) -> Vec<f64> {
    let mut q = g.to_vec();
    let mut alphas = vec![0.0; pairs.len()];
    for (i, (s, y, rho)) in pairs.iter().enumerate().rev() {
        let a = rho * dot(s, &q);
        alphas[i] = a;
        axpy(-a, y, &mut q);
    }
    if let Some((s, y, _)) = pairs.last() {
        let gamma = dot(s, y) / dot(y, y);
        q.iter_mut().for_each(|v| *v *= gamma);
    }
    for (i, (s, y, rho)) in pairs.iter().enumerate() {
        let beta = rho * dot(y, &q);
        axpy(alphas[i] - beta, s, &mut q);
    }
    q.iter().map(|v| -v).collect()
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn norm(a: &[f64]) -> f64 {
    dot(a, a).sqrt()
}

fn max_abs(a: &[f64]) -> f64 {
    a.iter().fold(0.0, |m, v| m.max(v.abs()))
}

fn axpy(a: f64, x: &[f64], y: &mut [f64]) {
    y.iter_mut().zip(x).for_each(|(yi, xi)| *yi += a * xi);
}
