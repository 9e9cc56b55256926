//! Properties of the accountant that need no reference data: closed forms, monotonicity,
//! heterogeneous composition, checkpoints, calibration round trips, the CLI.

use std::process::Command;

use dpxla::dp::accountant::pld::{self, PldOptions};
use dpxla::dp::accountant::rdp::{default_orders, epsilon_from_rdp, rdp_one_step};
use dpxla::dp::accountant::{
    calibrate_sigma, epsilon_of, max_q, max_steps, AccountantKind, AccountantState,
    PoissonGaussianEvent, PrivacyAccountant,
};
use dpxla::dp::Error;

fn ev(q: f64, s: f64, t: u64) -> PoissonGaussianEvent {
    PoissonGaussianEvent::new(q, s, t).unwrap()
}

fn eps(kind: AccountantKind, q: f64, s: f64, t: u64, d: f64) -> f64 {
    epsilon_of(kind, &[ev(q, s, t)], d).unwrap()
}

#[test]
fn full_batch_rdp_is_the_gaussian_mechanisms() {
    // q = 1: D_α(N(1,σ²) ‖ N(0,σ²)) = α/(2σ²); at σ = 2, α = 3: 3/8.
    assert_eq!(rdp_one_step(1.0, 2.0, 3.0), 0.375);
    assert_eq!(rdp_one_step(1.0, 2.0, 2.5), 2.5 / 8.0);
}

#[test]
fn integer_order_two_closed_form() {
    // α = 2: A_2 = (1-q)² + 2q(1-q) + q² e^{1/σ²} = 1 + q²(e^{1/σ²} - 1),
    // so RDP = ln(1 + q²(e^{1/σ²} - 1)). At q = 0.1, σ = 1: ln(1 + 0.01(e - 1)).
    let want = (0.01 * (std::f64::consts::E - 1.0)).ln_1p();
    assert!((rdp_one_step(0.1, 1.0, 2.0) - want).abs() < 1e-15);
    // Tiny q, huge σ: q²/σ² = 1e-8 · 1e-6, no cancellation: ln(1 + 1e-8 (e^{1e-6} - 1)).
    let want = 1e-8 * (1e-6f64).exp_m1();
    let got = rdp_one_step(1e-4, 1000.0, 2.0);
    assert!(((got - want) / want).abs() < 1e-12, "{got} vs {want}");
}

#[test]
fn fractional_orders_interpolate_integers() {
    // RDP is non-decreasing in α (Rényi divergences are monotone in the order).
    let (q, s) = (0.08, 3.0);
    let orders = [1.5, 2.0, 2.5, 3.0, 3.5, 4.0];
    let r: Vec<f64> = orders.iter().map(|&a| rdp_one_step(q, s, a)).collect();
    for w in r.windows(2) {
        assert!(w[0] <= w[1] * (1.0 + 1e-12), "{r:?}");
    }
}

#[test]
fn epsilon_conversion_literal() {
    // One order α = 2 with RDP r = 1 at δ = e^{-10}:
    // ε = r + ln(1 - 1/α) - ln(δα)/(α-1) = 1 + ln(0.5) + 10 - ln 2 = 11 - 2 ln 2.
    let (e, a) = epsilon_from_rdp(&[2.0], &[1.0], (-10f64).exp());
    assert!((e - (11.0 - 2.0 * std::f64::consts::LN_2)).abs() < 1e-12);
    assert_eq!(a, 2.0);
}

#[test]
fn epsilon_is_monotone_in_steps_and_q_and_antitone_in_sigma() {
    for kind in [AccountantKind::Rdp, AccountantKind::Pld] {
        let d = 1e-5;
        let e1 = eps(kind, 0.01, 1.0, 100, d);
        let e2 = eps(kind, 0.01, 1.0, 400, d);
        let e3 = eps(kind, 0.02, 1.0, 400, d);
        let e4 = eps(kind, 0.02, 1.5, 400, d);
        assert!(e1 < e2 && e2 < e3 && e4 < e3, "{kind}: {e1} {e2} {e3} {e4}");
        // PLD is the tighter accountant.
        if kind == AccountantKind::Pld {
            assert!(e3 <= eps(AccountantKind::Rdp, 0.02, 1.0, 400, d));
        }
    }
}

#[test]
fn heterogeneous_steps_compose_exactly() {
    // RDP composes additively: 300 steps at σ = 1 then 200 at σ = 2 has composed RDP
    // 300 r(σ=1) + 200 r(σ=2) at every order.
    let mut acc = PrivacyAccountant::new(AccountantKind::Rdp);
    acc.compose(ev(0.01, 1.0, 300)).unwrap();
    for _ in 0..200 {
        acc.step(0.01, 2.0).unwrap();
    }
    assert_eq!(acc.steps(), 500);
    assert_eq!(
        acc.state().events,
        vec![ev(0.01, 1.0, 300), ev(0.01, 2.0, 200)]
    );
    let orders = default_orders();
    for (i, &a) in orders.iter().enumerate().step_by(17) {
        let want = 300.0 * rdp_one_step(0.01, 1.0, a) + 200.0 * rdp_one_step(0.01, 2.0, a);
        assert!((acc.rdp()[i] - want).abs() <= 1e-12 * want, "α={a}");
    }
    // ε lies between the all-σ=2 and all-σ=1 runs of the same length.
    let e = acc.epsilon(1e-5).unwrap();
    assert!(eps(AccountantKind::Rdp, 0.01, 2.0, 500, 1e-5) < e);
    assert!(e < eps(AccountantKind::Rdp, 0.01, 1.0, 500, 1e-5));

    // PLD: one mechanism split into two events is the same run.
    let opts = PldOptions::default();
    let split = pld::epsilon(&[ev(0.02, 1.0, 150), ev(0.02, 1.0, 250)], 1e-5, &opts);
    let whole = pld::epsilon(&[ev(0.02, 1.0, 400)], 1e-5, &opts);
    assert!((split - whole).abs() < 2e-3 * whole, "{split} vs {whole}");
    // Mixed σ in PLD: between the two pure runs, and below RDP of the same mix.
    let mixed = pld::epsilon(&[ev(0.02, 1.0, 200), ev(0.02, 2.0, 200)], 1e-5, &opts);
    assert!(eps(AccountantKind::Pld, 0.02, 2.0, 400, 1e-5) < mixed);
    assert!(mixed < whole);
    let mut rdp = PrivacyAccountant::new(AccountantKind::Rdp);
    rdp.compose(ev(0.02, 1.0, 200)).unwrap();
    rdp.compose(ev(0.02, 2.0, 200)).unwrap();
    assert!(mixed <= rdp.epsilon(1e-5).unwrap());
}

#[test]
fn checkpoint_round_trip() {
    let mut acc = PrivacyAccountant::new(AccountantKind::Rdp);
    acc.compose(ev(0.004, 1.1, 1000)).unwrap();
    acc.compose(ev(0.008, 0.9, 10)).unwrap();
    let json = serde_json::to_string(acc.state()).unwrap();
    let state: AccountantState = serde_json::from_str(&json).unwrap();
    let resumed = PrivacyAccountant::from_state(state).unwrap();
    assert_eq!(resumed.epsilon(1e-5).unwrap(), acc.epsilon(1e-5).unwrap());
    assert_eq!(resumed.state(), acc.state());
    // A corrupted checkpoint is rejected, not silently accounted.
    let bad = r#"{"kind":"pld","events":[{"q":1.5,"sigma":1.0,"steps":3}]}"#;
    let state: AccountantState = serde_json::from_str(bad).unwrap();
    assert!(matches!(
        PrivacyAccountant::from_state(state),
        Err(Error::InvalidInput(_))
    ));
}

#[test]
fn delta_and_epsilon_are_inverse() {
    for kind in [AccountantKind::Rdp, AccountantKind::Pld] {
        let mut acc = PrivacyAccountant::new(kind);
        acc.compose(ev(0.05, 1.2, 300)).unwrap();
        let e = acc.epsilon(1e-6).unwrap();
        let d = acc.delta(e).unwrap();
        // RDP's two conversions are each optimised over the orders: δ(ε(δ)) ≤ δ.
        assert!(d <= 1e-6 * (1.0 + 1e-6), "{kind}: δ(ε(1e-6)) = {d}");
        if kind == AccountantKind::Pld {
            assert!(d >= 1e-6 * 0.999, "{kind}: δ(ε(1e-6)) = {d}");
        }
    }
}

#[test]
fn calibration_round_trips() {
    let kind = AccountantKind::Rdp;
    let (q, t, d) = (0.01, 2000, 1e-5);
    let s = calibrate_sigma(kind, 2.0, q, t, d).unwrap();
    // σ meets the target, and 0.01% less noise would not.
    assert!(eps(kind, q, s, t, d) <= 2.0);
    assert!(eps(kind, q, s * (1.0 - 1e-4), t, d) > 2.0);
    // The largest step count for that σ is ≥ t, and one more than it exceeds ε.
    let n = max_steps(kind, 2.0, q, s, d).unwrap();
    assert!(n >= t && eps(kind, q, s, n, d) <= 2.0 && eps(kind, q, s, n + 1, d) > 2.0);
    // The largest q is ≥ the q we started from (to the bisection tolerance).
    let qmax = max_q(kind, 2.0, s, t, d).unwrap();
    assert!(qmax >= q * (1.0 - 1e-4) && eps(kind, qmax, s, t, d) <= 2.0);
}

#[test]
fn extreme_inputs_never_give_nan() {
    for &(q, s, t) in &[
        (1e-4, 1000.0, 100_000),
        (1.0, 0.3, 100_000),
        (1e-4, 0.3, 1),
        (0.999, 0.3, 10),
    ] {
        let e = eps(AccountantKind::Rdp, q, s, t, 1e-8);
        assert!(!e.is_nan() && e >= 0.0, "q={q} σ={s} T={t}: {e}");
        for &a in &[1.1, 1.5, 10.5, 63.0, 1024.0, 5000.5] {
            let r = rdp_one_step(q, s, a);
            assert!(!r.is_nan() && r >= 0.0, "q={q} σ={s} α={a}: {r}");
        }
    }
    let e = eps(AccountantKind::Pld, 1e-4, 1000.0, 10, 1e-5);
    assert!(e.is_finite() && e >= 0.0);
}

#[test]
fn invalid_inputs_are_errors() {
    assert!(matches!(
        PoissonGaussianEvent::new(0.0, 1.0, 1),
        Err(Error::InvalidInput(_))
    ));
    assert!(matches!(
        PoissonGaussianEvent::new(1.01, 1.0, 1),
        Err(Error::InvalidInput(_))
    ));
    assert!(matches!(
        PoissonGaussianEvent::new(0.1, 0.0, 1),
        Err(Error::InvalidInput(_))
    ));
    assert!(matches!(
        PoissonGaussianEvent::new(0.1, f64::NAN, 1),
        Err(Error::InvalidInput(_))
    ));
    assert!(matches!(
        PoissonGaussianEvent::new(0.1, 1.0, 0),
        Err(Error::InvalidInput(_))
    ));
    let acc = PrivacyAccountant::new(AccountantKind::Rdp);
    for d in [0.0, 1.0, -1e-5, f64::NAN] {
        assert!(
            matches!(acc.epsilon(d), Err(Error::InvalidInput(_))),
            "δ = {d}"
        );
    }
    assert_eq!(acc.epsilon(1e-5).unwrap(), 0.0); // nothing composed yet
}

fn dpxla(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dpxla"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn cli_epsilon_and_calibrate_json() {
    let (code, out, _) = dpxla(&[
        "account", "epsilon", "--q", "0.01", "--sigma", "1", "--steps", "1000", "--delta", "1e-5",
        "--json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["accountant"], "rdp");
    assert_eq!(v["steps"], 1000);
    let e = v["epsilon"].as_f64().unwrap();
    assert!((e - eps(AccountantKind::Rdp, 0.01, 1.0, 1000, 1e-5)).abs() < 1e-12);
    for k in ["delta", "q", "sigma"] {
        assert!(v[k].is_number(), "{k}");
    }

    let (code, out, _) = dpxla(&[
        "account",
        "calibrate",
        "--epsilon",
        "1.5",
        "--q",
        "0.01",
        "--steps",
        "1000",
        "--delta",
        "1e-5",
        "--accountant",
        "pld",
        "--json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["accountant"], "pld");
    let (s, e) = (v["sigma"].as_f64().unwrap(), v["epsilon"].as_f64().unwrap());
    assert!(e <= 1.5 && e > 1.49, "calibrated ε {e} at σ {s}");
}

#[test]
fn cli_rejects_invalid_input_with_exit_code_2() {
    let base = [
        "account", "epsilon", "--q", "0.01", "--sigma", "1", "--steps", "10", "--delta", "1e-5",
    ];
    for (flag, bad) in [
        ("--q", "0"),
        ("--q", "1.5"),
        ("--sigma", "-1"),
        ("--delta", "1"),
        ("--steps", "0"),
    ] {
        let mut args: Vec<&str> = base.to_vec();
        let i = args.iter().position(|a| *a == flag).unwrap();
        args[i + 1] = bad;
        let (code, out, err) = dpxla(&args);
        assert_eq!(code, 2, "{flag} {bad}: {err}");
        assert!(
            out.is_empty() && err.contains("invalid input"),
            "{flag} {bad}: {err}"
        );
    }
    let (code, _, err) = dpxla(&[
        "account",
        "epsilon",
        "--q",
        "0.01",
        "--sigma",
        "1",
        "--steps",
        "10",
        "--delta",
        "1e-5",
        "--accountant",
        "zcdp",
    ]);
    assert_eq!(code, 2, "{err}");
}
