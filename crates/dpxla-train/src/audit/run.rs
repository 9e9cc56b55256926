//! The audited training run: the configured model, data, engine, Poisson
//! sampler, noise and optimiser, with the included canaries as extra
//! examples. Each step the sampler draws over N + M_in examples with the
//! configured q = batch_size/N; sampled real examples go through the
//! engine's accumulate program unchanged, each sampled canary adds its
//! (clipped) gradient `norm · e_j` to the clipped sum before the apply step
//! adds the noise. With input canaries (`audit.canary = "input"`) the
//! sampled canaries instead go through the accumulate program like real
//! examples (after the real ones, so that the real examples' share is read
//! first). The observer then reads the noisy gradient back.

use super::canary::Canaries;
use super::claim::claimed_curve;
use super::config::{AuditSwitches, CanaryKind};
use super::guess::{default_ks, evaluate_ks};
use super::input_canary::InputCanaries;
use super::input_observe::InputObserver;
use super::observe::{Observer, Score};
use super::report::AuditReport;
use crate::train::config::Config;
use crate::train::engine::{Engine, HostState};
use crate::train::run::setup::{client_for, Setup};
use crate::train::sampling::batches::prepare_train;
use crate::train::sampling::sampler::{physical_split, poisson_batch, StreamRng};
use crate::{Error, Result};
use dpxla_dp::accountant::{epsilon_of, PoissonGaussianEvent};
use dpxla_dp::clip::ClipMode;
use dpxla_dp::mechanism::DpMechanism;
use std::path::PathBuf;
use std::time::Instant;

/// How far the canaries exceed the clip norm when clipping is disabled.
pub const UNCLIPPED_CANARY_FACTOR: f64 = 1000.0;
/// The "clip norm" of a run with clipping disabled: no gradient reaches it.
const NO_CLIP: f64 = 1e30;

/// The audit's own settings (the run's come from the configuration).
#[derive(Clone, Debug)]
pub struct AuditOptions {
    /// m, the number of canaries.
    pub canaries: usize,
    /// The k to try (top k guessed in, bottom k out); empty: [`default_ks`].
    pub ks: Vec<usize>,
    /// Seed of the canaries' coordinates and inclusion bits.
    pub seed: u64,
    /// Confidence of the lower bound (the paper's 95%).
    pub confidence: f64,
    /// Folder for `audit.json` and `audit_scores.png`; default
    /// `output.dir/audit`.
    pub out: Option<PathBuf>,
    /// A progress line on stderr now and then.
    pub progress: bool,
    /// The per-step score: the summed noisy gradient or the log-likelihood
    /// ratio (see [`ScoreKind`]).
    pub score: ScoreKind,
    /// The observer also knows the real examples' clipped sum of each step
    /// (read from the accumulators before the canaries join) and subtracts
    /// it at the canaries' coordinates. DP protects a canary against an
    /// adversary who knows every other example and which of them were
    /// sampled (the subsampling analysis conditions on them; the sampler's
    /// draws for real examples come first and do not depend on the
    /// canaries), so the bound stays valid; without it the real examples'
    /// gradients at those coordinates can drown the canaries
    /// (BENCHMARKS.md, "Privacy audit").
    pub known_batch: bool,
}

/// Which per-step score the guesser sums ([`Score`] with the run's constants).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ScoreKind {
    /// The noisy gradient at the canary's coordinate, summed over steps
    /// (the plain white-box score).
    Sum,
    /// The per-step log-likelihood ratio of member vs non-member, summed
    /// (the default: tighter bounds, BENCHMARKS.md).
    #[default]
    Llr,
}

impl std::str::FromStr for ScoreKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "sum" => Ok(ScoreKind::Sum),
            "llr" => Ok(ScoreKind::Llr),
            _ => Err(Error::InvalidInput(format!(
                "unknown score '{s}' (sum or llr)"
            ))),
        }
    }
}

impl Default for AuditOptions {
    fn default() -> Self {
        AuditOptions {
            canaries: 1000,
            ks: Vec::new(),
            seed: 0,
            confidence: 0.95,
            out: None,
            progress: false,
            score: ScoreKind::Llr,
            known_batch: true,
        }
    }
}

/// Runs the audit: one training run with canaries, then the guesses and the
/// ε lower bound. `cfg` comes from [`super::config::load`] (without the
/// switches, which arrive separately in `switches`).
pub fn audit(cfg: &Config, switches: AuditSwitches, opts: &AuditOptions) -> Result<AuditReport> {
    let started = Instant::now();
    let p = &cfg.privacy;
    if !p.enabled {
        return Err(Error::InvalidInput(
            "privacy.enabled = false: there is no DP-SGD run to audit".into(),
        ));
    }
    if p.secure_noise {
        return Err(Error::InvalidInput(
            "privacy.secure_noise = true: the audit covers the device-noise engine only; \
             set it to false to audit"
                .into(),
        ));
    }
    if !(opts.confidence > 0.0 && opts.confidence < 1.0) {
        return Err(Error::InvalidInput(format!(
            "confidence must be in (0, 1), got {}",
            opts.confidence
        )));
    }
    if opts.canaries < 2 {
        return Err(Error::InvalidInput(format!(
            "--canaries must be at least 2, got {}",
            opts.canaries
        )));
    }
    let ks = if opts.ks.is_empty() {
        default_ks(opts.canaries)
    } else {
        opts.ks.clone()
    };
    if let Some(&k) = ks.iter().find(|&&k| k == 0 || 2 * k > opts.canaries) {
        return Err(Error::InvalidInput(format!(
            "--k {k}: each k needs 1 ≤ 2k ≤ the {} canaries",
            opts.canaries
        )));
    }
    let out = opts
        .out
        .clone()
        .unwrap_or_else(|| cfg.output.dir.join("audit"));
    let _lock = crate::train::run::lock::RunLock::acquire(&out)?;

    let setup = Setup::build(cfg)?;
    let plan = setup.plan.clone();
    if plan.bandmf.is_some() {
        return Err(Error::InvalidInput(
            "dpxla audit audits DP-SGD's independent noise; privacy.mechanism = \"bandmf\" \
             is not supported by the audit yet"
                .into(),
        ));
    }
    let private = plan
        .private
        .clone()
        .ok_or_else(|| Error::InvalidInput("the configuration is not private".into()))?;
    let mut spec = setup.spec;
    let shapes: Vec<Vec<usize>> = spec
        .trainable
        .iter()
        .map(|&i| spec.loss.params[i].shape.clone())
        .collect();
    let sizes: Vec<usize> = shapes.iter().map(|s| s.iter().product()).collect();
    // A canary is a legitimate example: its gradient has the largest norm
    // clipping lets through (per-layer: the bound of its tensor).
    let mut norm = match private.clip_mode {
        ClipMode::Flat => private.clip_norm,
        ClipMode::PerLayer => private.clip_norm / (sizes.len() as f64).sqrt(),
    };
    let sigma_used = if switches.disable_noise {
        0.0
    } else {
        private.sigma
    };
    let mechanism = spec
        .mechanism
        .ok_or_else(|| Error::InvalidInput("the configuration is not private".into()))?;
    // The noise's standard deviation σ·C stays that of the claimed mechanism
    // whatever the switches do to the clipping.
    let std = sigma_used * mechanism.clip_norm();
    if switches.disable_clipping {
        norm *= UNCLIPPED_CANARY_FACTOR;
    }
    let clipping = if switches.disable_clipping || switches.break_clipping {
        mechanism.clipping().with_norm(NO_CLIP)?
    } else {
        mechanism.clipping()
    };
    spec.mechanism = Some(DpMechanism::new(
        clipping,
        std / clipping.norm(),
        mechanism.expected_batch(),
    )?);
    let n = setup.train.len();
    let (canaries, inputs) = match switches.canary {
        CanaryKind::Gradient => (
            Some(Canaries::draw(opts.seed, opts.canaries, &sizes, norm)?),
            None,
        ),
        CanaryKind::Input => {
            if n == 0 {
                return Err(Error::InvalidInput("an empty training set".into()));
            }
            // One real example shows the shape the engine takes.
            let probe = prepare_train(setup.train.as_ref(), &[0], 1, &setup.views, 0)?;
            let shape = probe.images.shape[1..].to_vec();
            let c = InputCanaries::draw(
                opts.seed,
                opts.canaries,
                &shape,
                setup.views.views,
                setup.train.num_classes(),
            )?;
            (None, Some(c))
        }
    };
    let (members, included) = match (&canaries, &inputs) {
        (Some(c), _) => (c.members(), c.included.clone()),
        (_, Some(c)) => (c.members(), c.included.clone()),
        _ => unreachable!("one kind of canary is drawn"),
    };
    let total = n + members.len();
    // The run's own q = batch_size/N, the same for the real examples and the
    // canaries. It must not depend on how many canaries are in (that would
    // make the mechanism's q a function of the inclusion bits, outside the
    // theorem's hypothesis); the noisy sum is divided by the constant q·N as
    // in any run, so the claim is exactly the ε `dpxla train` would report.
    let expected = plan.expected_batch();
    let q = plan.q;
    let event = PoissonGaussianEvent::new(q, private.sigma, plan.steps)?;
    let claimed = epsilon_of(private.accountant, &[event], private.delta)?;
    let curve = claimed_curve(private.accountant, event, claimed)?;

    let (mut sampler, mut noise) = match p.debug_seed {
        Some(seed) => (
            StreamRng::from_fixed_seed(seed, 0),
            StreamRng::from_fixed_seed(seed, 1),
        ),
        None => (StreamRng::from_entropy(), StreamRng::from_entropy()),
    };
    let client = client_for(&cfg.runtime)?;
    let trainable = spec.trainable.clone();
    let optimizer = spec.optimizer.clone();
    let mut engine = Engine::new(&client, spec, &HostState::fresh(setup.initial_params))?;
    let score = match opts.score {
        ScoreKind::Sum => Score::Sum,
        ScoreKind::Llr => Score::LikelihoodRatio {
            q,
            shift: norm / expected,
            std: private.sigma * private.clip_norm / expected,
        },
    };
    let std = private.sigma * private.clip_norm / expected;
    let mut observer = match &canaries {
        Some(c) => Some(Observer::new(
            &optimizer,
            score,
            c.coords.clone(),
            trainable.clone(),
            &engine.state()?,
        )?),
        None => None,
    };
    let mut input_observer = match &inputs {
        Some(c) => Some(InputObserver::new(
            &optimizer,
            trainable,
            c.len(),
            sizes.iter().sum(),
            opts.score == ScoreKind::Llr,
            (q, std, expected),
            &engine.state()?,
        )?),
        None => None,
    };
    // `training.physical_batch` is per device (`runtime.devices`).
    let devices = cfg.runtime.devices;
    let (rows, _) = crate::train::engine::physical_auto::resolve(
        &mut engine,
        cfg.training.physical_batch,
        cfg.runtime.memory_budget,
        expected,
    )?;
    let physical = rows * devices;
    let sizes_p = crate::train::sampling::distributed::global_physical_sizes(physical, devices);
    let report_every = (plan.steps / 10).max(1);
    let mut diverged = None;
    for step in 0..plan.steps {
        if let (Some(o), Some(c)) = (input_observer.as_mut(), &inputs) {
            o.prepare_step(&mut engine, c)?;
        }
        let drawn = poisson_batch(&mut sampler, total, q);
        let split_at = drawn.partition_point(|&i| i < n);
        let (real, extra) = drawn.split_at(split_at);
        let mut loss_sum = 0.0;
        let mut offset = 0;
        for (count, size) in physical_split(real.len(), &sizes_p) {
            let idx = &real[offset..offset + count];
            offset += count;
            let b = prepare_train(setup.train.as_ref(), idx, size, &setup.views, step)?;
            loss_sum += engine.accumulate(&b.images, &b.labels, &b.mask)?.loss_sum;
        }
        let known = if opts.known_batch {
            let accs = engine.accumulators()?;
            Some(match &canaries {
                Some(c) => real_share(&accs, c, expected)?,
                None => accs
                    .iter()
                    .flat_map(|a| a.to_f64())
                    .map(|x| x / expected)
                    .collect(),
            })
        } else {
            None
        };
        let sampled: Vec<usize> = extra.iter().map(|&i| members[i - n]).collect();
        if let (Some(c), false) = (&canaries, sampled.is_empty()) {
            engine.add_to_accumulators(&c.gradient_sum(&sampled, &shapes))?;
        }
        if let Some(c) = &inputs {
            let mut offset = 0;
            for (count, size) in physical_split(sampled.len(), &sizes_p) {
                let (images, labels, mask) = c.batch(&sampled[offset..offset + count], size)?;
                offset += count;
                engine.accumulate(&images, &labels, &mask)?;
            }
        }
        let lr = cfg
            .training
            .schedule
            .lr(cfg.training.learning_rate, step, plan.steps);
        engine.apply(noise.key(), lr, step + 1, drawn.len())?;
        // A diverging model does not void the audit (only the scores
        // matter, and a non-finite score is refused later), but it is named:
        // a run without clipping and with canaries of 1000·C often diverges.
        if diverged.is_none() {
            diverged = crate::train::engine::finite::loss_diverged(
                "training",
                loss_sum / real.len().max(1) as f64,
            )
            .map(|what| format!("the audited model diverged at step {}: {what}", step + 1));
        }
        let after = engine.state()?;
        if let Some(o) = observer.as_mut() {
            o.observe(&after, lr, known.as_deref())?;
        }
        if let Some(o) = input_observer.as_mut() {
            o.observe(&after, lr, known.as_deref())?;
        }
        if opts.progress && ((step + 1) % report_every == 0 || step + 1 == plan.steps) {
            eprintln!(
                "audit: step {}/{} ({:.0} s)",
                step + 1,
                plan.steps,
                started.elapsed().as_secs_f64()
            );
        }
    }
    let test = crate::train::run::evaluate::evaluate(
        &mut engine,
        setup.test.as_ref(),
        physical,
        &setup.eval_augment,
        false,
    )?;

    let (scores, skipped) = match (&observer, &input_observer) {
        (Some(o), _) => (o.scores(), o.skipped_steps()),
        (_, Some(o)) => (o.scores(), o.skipped_steps()),
        _ => unreachable!("one observer runs"),
    };
    let per_k = evaluate_ks(
        scores,
        &included,
        &ks,
        private.delta,
        opts.confidence,
        Some(&curve),
    )?;
    let best_by = |key: fn(&super::guess::GuessResult) -> f64| {
        per_k
            .iter()
            .fold(&per_k[0], |b, r| if key(r) > key(b) { r } else { b })
            .clone()
    };
    let best = best_by(|r| r.epsilon_lower);
    let best_fdp = best_by(|r| r.fdp_epsilon_lower);
    let best_gdp = best_by(|r| r.gdp_mu);
    let claim_rejected = per_k.iter().any(|r| r.claim_rejected == Some(true));
    let mean = |member: bool| {
        let v: Vec<f64> = scores
            .iter()
            .zip(&included)
            .filter(|(_, &i)| i == member)
            .map(|(&s, _)| s)
            .collect();
        v.iter().sum::<f64>() / v.len().max(1) as f64
    };
    let histogram = out.join("audit_scores.png");
    let report_path = out.join("audit.json");
    let mut warnings = setup.warnings;
    warnings.extend(diverged);
    let title = format!(
        "Canary scores: ε ≥ {:.3} (claimed {:.3}), {} of {} guesses right",
        best.epsilon_lower, claimed, best.correct, best.guesses
    );
    let x_desc = format!(
        "score: Σ over steps of {} {}{}",
        match opts.score {
            ScoreKind::Sum => "the noisy gradient",
            ScoreKind::Llr => "the log-likelihood ratio (member vs not)",
        },
        match switches.canary {
            CanaryKind::Gradient => "at the canary's coordinate",
            CanaryKind::Input => "along the canary's own gradient",
        },
        if opts.known_batch {
            ", real examples' share subtracted"
        } else {
            ""
        }
    );
    if let Err(e) =
        super::histogram::write_histogram(&histogram, scores, &included, &title, &x_desc)
    {
        warnings.push(format!("histogram not written: {e}"));
    }
    let valid_lower = best.epsilon_lower.max(best_fdp.fdp_epsilon_lower);
    let report = AuditReport {
        canary: switches.canary,
        epsilon_lower: best.epsilon_lower,
        fdp_epsilon_lower: best_fdp.fdp_epsilon_lower,
        fdp_k: best_fdp.k,
        gdp_mu: best_gdp.gdp_mu,
        gdp_epsilon: best_gdp.gdp_epsilon,
        gdp_k: best_gdp.k,
        claim_rejected,
        exceeds_claim: claim_rejected || valid_lower > claimed,
        claimed_epsilon: claimed,
        ratio: if claimed > 0.0 {
            best.epsilon_lower / claimed
        } else {
            f64::NAN
        },
        delta: private.delta,
        confidence: opts.confidence,
        accountant: format!("{:?}", private.accountant).to_lowercase(),
        score: format!("{:?}", opts.score).to_lowercase(),
        known_batch: opts.known_batch,
        canaries: included.len(),
        canaries_in: members.len(),
        k: best.k,
        guesses: best.guesses,
        correct: best.correct,
        per_k,
        noise_multiplier: private.sigma,
        noise_multiplier_used: sigma_used,
        noise_disabled: switches.disable_noise,
        clipping_disabled: switches.disable_clipping,
        clipping_broken: switches.break_clipping,
        clip_norm: private.clip_norm,
        canary_norm: match &input_observer {
            Some(o) => o.mean_contribution(),
            None => norm,
        },
        dataset_size: n,
        q,
        steps: plan.steps,
        steps_unobserved: skipped,
        mean_score_in: mean(true),
        mean_score_out: mean(false),
        test_accuracy: test.accuracy,
        histogram,
        report: report_path.clone(),
        wall_secs: started.elapsed().as_secs_f64(),
        warnings,
    };
    let json = serde_json::to_string_pretty(&report)
        .map_err(|e| Error::Internal(format!("audit report: {e}")))?;
    dpxla_core::atomic_file::write_atomically(&report_path, json.as_bytes())?;
    Ok(report)
}

/// Per canary, the real examples' share of its coordinate of the noisy
/// gradient: the accumulated clipped sum there divided by q·N (what the
/// apply step divides by).
fn real_share(
    accs: &[dpxla_core::array::HostArray],
    canaries: &Canaries,
    expected: f64,
) -> Result<Vec<f64>> {
    canaries
        .coords
        .iter()
        .map(|c| match accs.get(c.tensor).map(|a| &a.data) {
            Some(dpxla_core::array::ArrayData::F64(v)) => v
                .get(c.offset)
                .map(|&x| x / expected)
                .ok_or_else(|| Error::Internal("canary outside its accumulator".into())),
            _ => Err(Error::Internal("audit needs f64 accumulators".into())),
        })
        .collect()
}
