//! Interpreter kernels for the contraction and window primitives:
//! `dot_general`, `convolution`, `reduce_window`, `select_and_scatter`, and
//! the RNG primitives.
//! Direct loops over the StableHLO spec's definitions (slow, obviously right).

use super::interp::{strides, unravel, Arr};
use super::ir::{Aval, ConvParams};

fn arr(out: &Aval, v: Vec<f64>) -> Arr {
    Arr {
        shape: out.shape.clone(),
        dtype: out.dtype,
        v,
    }
}

/// StableHLO `dot_general`: result dims are batch, lhs free, rhs free.
pub(crate) fn dot_general(l: &Arr, r: &Arr, dims: [&Vec<usize>; 4], out: &Aval) -> Arr {
    let [lb, rb, lc, rc] = dims;
    let lfree: Vec<usize> = (0..l.shape.len())
        .filter(|d| !lb.contains(d) && !lc.contains(d))
        .collect();
    let rfree: Vec<usize> = (0..r.shape.len())
        .filter(|d| !rb.contains(d) && !rc.contains(d))
        .collect();
    let (ls, rs) = (strides(&l.shape), strides(&r.shape));
    let cshape: Vec<usize> = lc.iter().map(|&d| l.shape[d]).collect();
    let ncon: usize = cshape.iter().product();
    // Offsets of each contraction multi-index in lhs and rhs.
    let coffs: Vec<(usize, usize)> = (0..ncon)
        .map(|i| {
            let ci = unravel(i, &cshape);
            let lo = lc.iter().zip(&ci).map(|(&d, &c)| c * ls[d]).sum();
            let ro = rc.iter().zip(&ci).map(|(&d, &c)| c * rs[d]).sum();
            (lo, ro)
        })
        .collect();
    let v = (0..out.numel())
        .map(|i| {
            let o = unravel(i, &out.shape);
            let nb = lb.len();
            let mut lo: usize = lb.iter().enumerate().map(|(k, &d)| o[k] * ls[d]).sum();
            let mut ro: usize = rb.iter().enumerate().map(|(k, &d)| o[k] * rs[d]).sum();
            lo += lfree
                .iter()
                .enumerate()
                .map(|(k, &d)| o[nb + k] * ls[d])
                .sum::<usize>();
            ro += rfree
                .iter()
                .enumerate()
                .map(|(k, &d)| o[nb + lfree.len() + k] * rs[d])
                .sum::<usize>();
            coffs.iter().map(|(a, b)| l.v[lo + a] * r.v[ro + b]).sum()
        })
        .collect();
    arr(out, v)
}

/// StableHLO `convolution` with feature and batch groups: output feature
/// `of` belongs to group `of / (O / groups)`; a feature group reads input
/// features `g*(C/fgc)..`, a batch group reads input batch `g*(N/bgc) + ob`.
pub(crate) fn conv(c: &ConvParams, x: &Arr, k: &Arr, out: &Aval) -> Arr {
    let ConvParams {
        window_strides,
        padding,
        lhs_dilation,
        rhs_dilation,
        feature_group_count: fgc,
        batch_group_count: bgc,
        dimension_numbers: dn,
    } = c;
    let ns = dn.input_spatial.len();
    let (xs, ks) = (strides(&x.shape), strides(&k.shape));
    let n = x.shape[dn.input_batch];
    let ki_n = k.shape[dn.kernel_input_feature];
    let ko_n = k.shape[dn.kernel_output_feature];
    let (fsize, bsize) = (ko_n / fgc, ko_n / bgc);
    let kspatial: Vec<usize> = dn.kernel_spatial.iter().map(|&d| k.shape[d]).collect();
    let nk: usize = kspatial.iter().product();
    let v = (0..out.numel())
        .map(|i| {
            let o = unravel(i, &out.shape);
            let (ob, of) = (o[dn.output_batch], o[dn.output_feature]);
            let nb = (of / bsize) * (n / bgc) + ob;
            let c0 = (of / fsize) * ki_n;
            let mut acc = 0.0;
            'win: for kpos in 0..nk {
                let kidx = unravel(kpos, &kspatial);
                let mut xoff = nb * xs[dn.input_batch];
                let mut koff = of * ks[dn.kernel_output_feature];
                for s in 0..ns {
                    let p = (o[dn.output_spatial[s]] * window_strides[s]
                        + kidx[s] * rhs_dilation[s]) as i64
                        - padding[s].0;
                    let ld = lhs_dilation[s] as i64;
                    let size = x.shape[dn.input_spatial[s]] as i64;
                    if p < 0 || p % ld != 0 || p / ld >= size {
                        continue 'win;
                    }
                    xoff += (p / ld) as usize * xs[dn.input_spatial[s]];
                    koff += kidx[s] * ks[dn.kernel_spatial[s]];
                }
                for ki in 0..ki_n {
                    let xv = x.v[xoff + (c0 + ki) * xs[dn.input_feature]];
                    acc += xv * k.v[koff + ki * ks[dn.kernel_input_feature]];
                }
            }
            acc
        })
        .collect();
    arr(out, v)
}

/// StableHLO `reduce_window` without dilations; padding reads as `init`.
/// The in-bounds flat offsets of `x` inside window `o` (output index), in
/// row-major window order; positions in the padding are skipped.
fn window_offsets(
    x: &Arr,
    o: &[usize],
    window: &[usize],
    wstrides: &[usize],
    padding: &[(i64, i64)],
) -> Vec<usize> {
    let st = strides(&x.shape);
    let nw: usize = window.iter().product();
    (0..nw)
        .filter_map(|w| {
            let widx = unravel(w, window);
            let mut off = 0;
            for d in 0..o.len() {
                let p = (o[d] * wstrides[d] + widx[d]) as i64 - padding[d].0;
                if p < 0 || p >= x.shape[d] as i64 {
                    return None;
                }
                off += p as usize * st[d];
            }
            Some(off)
        })
        .collect()
}

pub(crate) fn reduce_window(
    x: &Arr,
    window: &[usize],
    wstrides: &[usize],
    padding: &[(i64, i64)],
    init: f64,
    f: fn(f64, f64) -> f64,
    out: &Aval,
) -> Arr {
    let v = (0..out.numel())
        .map(|i| {
            let o = unravel(i, &out.shape);
            window_offsets(x, &o, window, wstrides, padding)
                .into_iter()
                .fold(init, |acc, off| f(acc, x.v[off]))
        })
        .collect();
    arr(out, v)
}

/// StableHLO `select_and_scatter` with select `GE` and scatter `add`: the
/// selection keeps the current candidate while `candidate >= next`,
/// scanning the window row-major, so the first maximum wins a tie (the spec
/// leaves the scan order to the implementation; XLA may pick another tied
/// maximum) and a NaN is replaced by the next element.
pub(crate) fn select_and_scatter_max(
    x: &Arr,
    source: &Arr,
    window: &[usize],
    wstrides: &[usize],
    padding: &[(i64, i64)],
    out: &Aval,
) -> Arr {
    let mut v = vec![0.0; out.numel()];
    for (i, s) in source.v.iter().enumerate() {
        let o = unravel(i, &source.shape);
        let mut chosen: Option<usize> = None;
        for off in window_offsets(x, &o, window, wstrides, padding) {
            chosen = match chosen {
                Some(c) if x.v[c] >= x.v[off] => Some(c),
                _ => Some(off),
            };
        }
        if let Some(c) = chosen {
            v[c] += s;
        }
    }
    arr(out, v)
}

/// SplitMix64 (Steele et al. 2014): a small, deterministic generator. The
/// interpreter's bits need not match XLA's THREE_FRY; tests check statistics.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1) with 53 random bits.
    fn uniform(&mut self) -> f64 {
        (self.next() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

pub(crate) fn rng(key: &Arr, out: &Aval, normal: bool) -> Arr {
    let mut seed = 0u64;
    for k in &key.v {
        seed = seed.rotate_left(32) ^ (*k as u64);
        seed = SplitMix(seed).next();
    }
    let mut g = SplitMix(seed);
    let below_one = |u: f64| {
        // Rounding to f32 may give exactly 1.0: keep the interval half-open.
        if crate::array::round_to(u, out.dtype) >= 1.0 {
            0.0
        } else {
            u
        }
    };
    let v = (0..out.numel())
        .map(|_| {
            if normal {
                // Box–Muller; 1 - u is in (0, 1] so the log is finite.
                let (u1, u2) = (1.0 - g.uniform(), g.uniform());
                (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
            } else {
                below_one(g.uniform())
            }
        })
        .collect();
    arr(out, v)
}
