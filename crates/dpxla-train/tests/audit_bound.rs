//! The one-run audit's ε lower bound (Steinke, Nasr & Jagielski 2023,
//! arXiv:2305.08846, Theorem 3) against values computed independently here:
//! a closed form where the theorem has one, and a brute-force evaluation of
//! the theorem's right-hand side (binomial by its pmf recurrence, the max
//! over ALL i = 1..m as the theorem states it) elsewhere.

use dpxla_train::audit::bound::{epsilon_lower_bound, p_value};
use dpxla_train::audit::guess::{correct_guesses, default_ks, evaluate_ks};

/// The theorem's right-hand side, computed the slow, literal way.
fn brute_p_value(m: usize, r: usize, v: usize, eps: f64, delta: f64) -> f64 {
    let q = eps.exp() / (1.0 + eps.exp());
    // pmf by the recurrence P(k+1) = P(k)·(r−k)/(k+1)·q/(1−q), from (1−q)^r,
    // in logarithms ((1−q)^1000 underflows).
    let mut ln_pmf = vec![r as f64 * (1.0 - q).ln()];
    for k in 0..r {
        ln_pmf.push(ln_pmf[k] + ((r - k) as f64 / (k + 1) as f64 * q / (1.0 - q)).ln());
    }
    let pmf: Vec<f64> = ln_pmf.iter().map(|l| l.exp()).collect();
    let f = |u: i64| -> f64 {
        if u <= 0 {
            1.0
        } else if u as usize > r {
            0.0
        } else {
            pmf[u as usize..].iter().sum()
        }
    };
    let fv = f(v as i64);
    let alpha = (1..=m)
        .map(|i| (f(v as i64 - i as i64) - fv) / i as f64)
        .fold(0.0, f64::max);
    (fv + 2.0 * m as f64 * delta * alpha).min(1.0)
}

#[test]
fn all_correct_without_delta_matches_the_closed_form() {
    // δ = 0 and v = r: the p-value is q^r with q = e^ε/(1+e^ε), so the
    // bound solves r·ln(1 + e^−ε) = ln 20: ε = −ln(20^(1/r) − 1).
    for r in [10usize, 50, 100, 1000] {
        let want = -((20f64.ln() / r as f64).exp() - 1.0).ln();
        let got = epsilon_lower_bound(r, r, r, 0.0, 0.95).unwrap();
        assert!((got - want).abs() < 1e-6, "r = {r}: {got} vs {want}");
    }
    // Worked values (Python, math.log): 10 of 10 gives ε ≥ 1.05187; 1000 of
    // 1000, ε ≥ 5.80907.
    assert!((epsilon_lower_bound(10, 10, 10, 0.0, 0.95).unwrap() - 1.05187).abs() < 1e-5);
    assert!((epsilon_lower_bound(1000, 1000, 1000, 0.0, 0.95).unwrap() - 5.80907).abs() < 1e-5);
}

#[test]
fn p_value_matches_brute_force() {
    for &(m, r, v) in &[
        (100, 40, 30),
        (1000, 200, 150),
        (1000, 1000, 700),
        (50, 50, 50),
    ] {
        for &eps in &[0.0, 0.3, 1.0, 2.5] {
            for &delta in &[0.0, 1e-5, 1e-3] {
                let got = p_value(m, r, v, eps, delta).unwrap();
                let want = brute_p_value(m, r, v, eps, delta);
                assert!(
                    (got - want).abs() <= 1e-9 + 1e-7 * want,
                    "m={m} r={r} v={v} ε={eps} δ={delta}: {got} vs {want}"
                );
            }
        }
    }
}

#[test]
fn bound_is_where_the_p_value_crosses_five_percent() {
    for &(m, r, v, delta) in &[
        (1000, 200, 170, 1e-5),
        (1000, 1000, 640, 1e-5),
        (500, 100, 99, 1e-3),
    ] {
        let eps = epsilon_lower_bound(m, r, v, delta, 0.95).unwrap();
        assert!(eps > 0.0);
        assert!(brute_p_value(m, r, v, eps, delta) <= 0.05 + 1e-12);
        assert!(brute_p_value(m, r, v, eps + 1e-6, delta) > 0.05);
    }
}

#[test]
fn no_evidence_gives_zero_and_more_evidence_more() {
    // No correct guess, or chance level: nothing is rejected, not even ε = 0.
    assert_eq!(epsilon_lower_bound(1000, 200, 0, 1e-5, 0.95).unwrap(), 0.0);
    assert_eq!(
        epsilon_lower_bound(1000, 200, 100, 1e-5, 0.95).unwrap(),
        0.0
    );
    assert_eq!(epsilon_lower_bound(1000, 0, 0, 1e-5, 0.95).unwrap(), 0.0);
    // Rising in v, falling in δ and in the confidence asked for.
    let mut last = 0.0;
    for v in (110..=200).step_by(10) {
        let e = epsilon_lower_bound(1000, 200, v, 1e-5, 0.95).unwrap();
        assert!(e >= last, "v = {v}: {e} < {last}");
        last = e;
    }
    assert!(last > 3.0, "200 of 200 correct: {last}");
    let at = |delta: f64, conf: f64| epsilon_lower_bound(1000, 200, 180, delta, conf).unwrap();
    assert!(at(0.0, 0.95) > at(1e-4, 0.95));
    assert!(at(1e-4, 0.95) > at(1e-3, 0.95));
    assert!(at(1e-5, 0.95) > at(1e-5, 0.99));
}

#[test]
fn bad_counts_are_refused() {
    assert!(epsilon_lower_bound(10, 20, 5, 1e-5, 0.95).is_err());
    assert!(epsilon_lower_bound(10, 5, 6, 1e-5, 0.95).is_err());
    assert!(epsilon_lower_bound(10, 5, 5, 1e-5, 1.0).is_err());
    assert!(p_value(10, 5, 5, -1.0, 0.0).is_err());
}

#[test]
fn guesses_take_top_k_in_and_bottom_k_out() {
    // Scores rank canaries 0..6 as 5, 1, 3 (low) ... 0, 4, 2 (high).
    let scores = [5.0, 1.0, 9.0, 2.0, 6.0, 0.5];
    let included = [true, false, true, true, false, false];
    // k = 1: lowest is canary 5 (out: right), highest canary 2 (in: right).
    assert_eq!(correct_guesses(&scores, &included, 1).unwrap(), 2);
    // k = 3: low {5, 1, 3} → 2 right (3 is in); high {0, 4, 2} → 2 right.
    assert_eq!(correct_guesses(&scores, &included, 3).unwrap(), 4);
    assert!(correct_guesses(&scores, &included, 4).is_err());
    assert!(correct_guesses(&[f64::NAN, 1.0], &[true, false], 1).is_err());
    // Several k: each at level 5%/G, so each bound is below its fixed-k one.
    let scores: Vec<f64> = (0..400).map(|i| i as f64).collect();
    let included: Vec<bool> = (0..400).map(|i| i >= 200).collect();
    let grid = evaluate_ks(&scores, &included, &[50, 100], 1e-5, 0.95, None).unwrap();
    let alone = evaluate_ks(&scores, &included, &[100], 1e-5, 0.95, None).unwrap();
    assert_eq!(grid[1].correct, 200);
    assert!(grid[1].epsilon_lower < alone[0].epsilon_lower);
    assert_eq!(default_ks(1000), vec![25, 50, 125, 250, 500]);
}
