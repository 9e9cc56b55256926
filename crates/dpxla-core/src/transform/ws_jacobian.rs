//! The Jacobian of scaled weight standardisation (Qiao et al. 2019; scaled
//! as in Brock et al. 2021 / `nn::layers::norm::standardize_kernel`), as a
//! fixed linear map from the gradient w.r.t. the kernel actually used,
//! k = gain·ŵ, to the gradient w.r.t. the raw parameter w (issue 24, item 2).
//!
//! Per output channel o (the last axis), over the n = fan_in entries of the
//! channel's column: c = w − mean(w)·1, a = ‖c‖² (= n·var),
//! s = √max(a, ε), ŵ = c/s, k = gain·ŵ. Differentiating,
//! dŵ = (1/s)(I − β ŵŵᵀ) dc and dc = (I − 11ᵀ/n) dw, with β = ∂max(a, ε)/∂a
//! as dpxla's vjp of `max` takes it: 1 where a > ε, 0 where a < ε (the floor
//! is active: s = √ε is constant), ½ at a tie. Since ŵ is centred, the
//! transpose applied to M = ∂L/∂k is
//!
//! ```text
//! J(M)_o = (gain_o/s_o) · (M_o − mean(M_o)·1 − β_o (ŵ_oᵀM_o) ŵ_o)
//! ```
//!
//! — the SAME map for every example (it depends on w and gain only), so the
//! clipped sum Σ_b c_b·J(M_b) is J(Σ_b c_b·M_b): one application after the
//! book-keeping contraction (Bu et al. 2022). With M'_o = (gain_o/s_o)·M_o
//! and 1ᵀŵ_o = 0,
//!
//! ```text
//! ‖J(M)_o‖² = ‖M'_o‖² − (1ᵀM'_o)²/n − (2β_o − β_o²‖ŵ_o‖²)(ŵ_oᵀM'_o)²
//! ```
//!
//! (‖ŵ_o‖ = 1 where a > ε, so the last coefficient is 1 there and 0 under
//! the floor): a scaled orthogonal projection onto the complement of
//! {1, ŵ_o} (of {1} under the floor). The issue's (ŵ·g)²/n is the
//! unscaled form (‖ŵ‖² = n); here ‖ŵ‖² = 1. Its operator norm is at most
//! max_o |gain_o|/s_o ([`WsJacobian::op_norm`]; I − ½ŵŵᵀ has norm 1 too).
//! The three terms come from the factors A, G of M = AᵀG without forming M:
//! ‖M'‖² by the ghost norm of (A, G·diag(gain/s)); 1ᵀM'_o = Σ_p
//! (row-sum of A)_p·G'_{p,o}; ŵ_oᵀM'_o = Σ_p (Aŵ)_{p,o}·G'_{p,o}.

use crate::trace::Tensor;

/// ŵ and the per-channel quantities of the module docs for an HWIO (or any
/// `[..., out]`) kernel `w`, gain `[out]`, floor `eps`.
pub struct WsJacobian<'b> {
    /// ŵ = c/s, the shape of `w`.
    pub what: Tensor<'b>,
    /// gain_o/s_o, `[out]`.
    pub scale: Tensor<'b>,
    /// β_o, `[out]`.
    pub beta: Tensor<'b>,
    /// 2β_o − β_o²‖ŵ_o‖², `[out]`: the coefficient of (ŵ_oᵀM'_o)².
    pub what_coef: Tensor<'b>,
    /// n = fan_in.
    pub fan_in: usize,
}

fn col_axes(rank: usize) -> Vec<usize> {
    (0..rank.saturating_sub(1)).collect()
}

impl<'b> WsJacobian<'b> {
    /// Builds ŵ, gain/s, β exactly as `standardize_kernel` computes the
    /// forward (same ops, same order), so ŵ is the kernel the model used.
    /// `gain` None: no gain on the kernel (it is applied to the conv output,
    /// `nn::layers::conv2d_ws`), i.e. gain 1.
    pub fn new(w: Tensor<'b>, gain: Option<Tensor<'b>>, eps: f64) -> WsJacobian<'b> {
        let s = w.shape();
        let axes = col_axes(s.len());
        let last = s.len() - 1;
        let fan_in: usize = s[..last].iter().product();
        let wc = w - w.mean(&axes).broadcast_in_dim(&s, &[last]);
        let a = wc.square().mean(&axes) * fan_in as f64;
        let floor = a.lit(eps);
        let inv_s = a.max(floor).rsqrt();
        let what = wc * inv_s.broadcast_in_dim(&s, &[last]);
        let dt = a.dtype();
        let beta = a.gt(floor).convert(dt) + a.eq(floor).convert(dt) * 0.5;
        let what_sq = what.square().sum(&axes);
        let what_coef = beta * 2.0 - beta * beta * what_sq;
        WsJacobian {
            what,
            scale: match gain {
                Some(gain) => gain * inv_s,
                None => inv_s,
            },
            beta,
            what_coef,
            fan_in,
        }
    }

    /// J(m): the gradient w.r.t. w from `m` = ∂L/∂k, the shape of w with an
    /// optional leading example axis.
    pub fn apply(&self, m: Tensor<'b>) -> Tensor<'b> {
        let ms = m.shape();
        let r = ms.len();
        let lead = r - self.what.rank();
        let axes: Vec<usize> = (lead..r - 1).collect();
        let per_col = |t: Tensor<'b>| {
            let mut dims: Vec<usize> = (0..lead).collect();
            dims.push(r - 1);
            t.broadcast_in_dim(&ms, &dims)
        };
        let what_dims: Vec<usize> = (lead..r).collect();
        let what = self.what.broadcast_in_dim(&ms, &what_dims);
        let mean = m.mean(&axes);
        let proj = (what * m).sum(&axes);
        let beta = self
            .beta
            .broadcast_in_dim(&proj.shape(), &[proj.rank() - 1]);
        let scale = self.scale.broadcast_in_dim(&ms, &[r - 1]);
        (m - per_col(mean) - what * per_col(proj * beta)) * scale
    }

    /// An upper bound on J's operator norm: max_o |gain_o|/s_o (a scalar).
    pub fn op_norm(&self) -> Tensor<'b> {
        self.scale.abs().reduce_max(&[0])
    }

    /// ‖J(M_b)‖² per example `[B]` from ‖M'_b‖² `[B]` and the per-channel
    /// contractions 1ᵀM'_{b,o} and ŵ_oᵀM'_{b,o} (`[B, out]`), M' = M·diag(gain/s).
    pub fn sq_norm(
        &self,
        sq_scaled: Tensor<'b>,
        ones_dot: Tensor<'b>,
        what_dot: Tensor<'b>,
    ) -> Tensor<'b> {
        let s = what_dot.shape();
        let coef = self.what_coef.broadcast_in_dim(&s, &[1]);
        let sub = ones_dot.square() * (1.0 / self.fan_in as f64) + coef * what_dot.square();
        sq_scaled - sub.sum(&[1])
    }
}

// Tested against the vjp of `dpxla_nn::layers::standardize_kernel` in
// dpxla-nn (layers/ws_jacobian_tests.rs): the kernel it inverts lives there.
