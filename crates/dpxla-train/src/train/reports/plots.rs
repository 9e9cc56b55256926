//! PNG plots of a run's metrics against steps: `loss.png`, `accuracy.png`,
//! `epsilon.png`, written next to the metrics file at the end of training.
//!
//! Drawing uses `plotters` with only its bitmap backend and line series; the
//! pixels are encoded to PNG by the `image` crate dpxla already uses for
//! datasets (plotters' own encoder would pull in a second `image` version).
//!
//! Text needs a font, and a training machine may have no system fonts (and
//! nothing may be downloaded at run time), so DejaVu Sans is compiled in from
//! the `dejavu` crate and handed to plotters' pure-Rust `ab_glyph` renderer
//! (no fontconfig, no system look-up). Only the one face used is linked
//! (~0.75 MB). DejaVu fonts are under the Bitstream Vera / DejaVu licence,
//! which permits redistribution.
//!
//! Plotting is a convenience: callers log a returned error as a warning and
//! never fail training over it. For the same reason a panic inside the
//! drawing library is caught and returned as an error.

use crate::train::reports::metrics::StepRecord;
use crate::{Error, Result};
use plotters::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Size of each PNG in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotOptions {
    pub width: u32,
    pub height: u32,
}

impl Default for PlotOptions {
    fn default() -> Self {
        Self {
            width: 960,
            height: 540,
        }
    }
}

/// Writes the plots for `records` into `out_dir` with the default size and
/// returns the paths written. See [`plot_metrics_with`].
pub fn plot_metrics(records: &[StepRecord], out_dir: &Path) -> Result<Vec<PathBuf>> {
    plot_metrics_with(records, out_dir, &PlotOptions::default())
}

/// Reads a metrics JSONL file and writes the plots into its folder (what the
/// trainer does at the end of a run; also for re-plotting an old run).
pub fn plot_metrics_file(metrics: &Path) -> Result<Vec<PathBuf>> {
    let records = crate::train::reports::metrics::read_records(metrics)?;
    let dir = metrics.parent().unwrap_or(Path::new("."));
    plot_metrics(&records, dir)
}

/// Writes `loss.png` (train and test loss), `accuracy.png` (test accuracy of
/// the raw and of the averaged parameters, and train accuracy) and
/// `epsilon.png` (ε spent), each only when the records hold such values (a
/// non-private run has no ε plot). Errors if there is nothing to plot at all.
pub fn plot_metrics_with(
    records: &[StepRecord],
    out_dir: &Path,
    opts: &PlotOptions,
) -> Result<Vec<PathBuf>> {
    if records.is_empty() {
        return Err(Error::InvalidInput("no metrics records to plot".into()));
    }
    // Bounded above too: the RGB buffer is width·height·3 bytes.
    if !(200..=8192).contains(&opts.width) || !(150..=8192).contains(&opts.height) {
        return Err(Error::InvalidInput(format!(
            "plot size {}x{} is out of range (200x150 to 8192x8192)",
            opts.width, opts.height
        )));
    }
    register_font()?;
    std::fs::create_dir_all(out_dir).map_err(|e| dpxla_core::Error::Io {
        path: out_dir.to_path_buf(),
        source: e,
    })?;

    let delta = records.iter().rev().find_map(|r| r.delta);
    let eps_title = match delta {
        Some(d) => format!("Privacy spent (δ = {d:e})"),
        None => "Privacy spent".to_string(),
    };
    let charts = [
        Chart {
            file: "loss.png",
            title: "Loss".into(),
            y_desc: "loss",
            rising: false,
            series: with_smoothed("train", column(records, |r| r.train_loss), BLUE)
                .into_iter()
                .chain([
                    Series::new("test", column(records, |r| r.test_loss), RED),
                    Series::new(
                        "test (averaged params)",
                        column(records, |r| r.test_loss_avg),
                        GREEN,
                    ),
                ])
                .collect(),
        },
        Chart {
            file: "accuracy.png",
            title: "Accuracy".into(),
            y_desc: "accuracy (%)",
            rising: true,
            series: with_smoothed("train", percent(records, |r| r.train_accuracy), BLUE)
                .into_iter()
                .chain([
                    Series::new("test", percent(records, |r| r.test_accuracy), RED),
                    Series::new(
                        "test (averaged params)",
                        percent(records, |r| r.test_accuracy_avg),
                        GREEN,
                    ),
                ])
                .collect(),
        },
        Chart {
            file: "epsilon.png",
            title: eps_title,
            y_desc: "ε",
            rising: true,
            series: vec![Series::new("ε", column(records, |r| r.epsilon), MAGENTA)],
        },
    ];

    let mut written = Vec::new();
    for mut chart in charts {
        chart.series.retain(|s| !s.points.is_empty());
        if chart.series.is_empty() {
            continue;
        }
        let path = out_dir.join(chart.file);
        // plotters can panic on inputs it does not expect; a plot is never
        // worth aborting a finished training run for.
        let drawn = std::panic::catch_unwind(|| draw(&chart, opts))
            .unwrap_or_else(|_| Err("the plotting library panicked".to_string()));
        let pixels = drawn.map_err(|msg| plot_err(&path, msg))?;
        // Encoded in memory, then written atomically like every output file.
        let mut png = std::io::Cursor::new(Vec::new());
        image::write_buffer_with_format(
            &mut png,
            &pixels,
            opts.width,
            opts.height,
            image::ExtendedColorType::Rgb8,
            image::ImageFormat::Png,
        )
        .map_err(|e| plot_err(&path, e.to_string()))?;
        dpxla_core::atomic_file::write_atomically(&path, png.get_ref())?;
        written.push(path);
    }
    if written.is_empty() {
        return Err(Error::InvalidInput(
            "metrics records hold no loss, accuracy or ε values to plot".into(),
        ));
    }
    Ok(written)
}

struct Chart {
    file: &'static str,
    title: String,
    y_desc: &'static str,
    /// The curves rise (accuracy, ε): the legend goes to the empty lower right.
    rising: bool,
    series: Vec<Series>,
}

/// At most this many y-axis labels (see [`axis_formatter`]).
const Y_LABELS: usize = 8;

struct Series {
    label: String,
    points: Vec<(f64, f64)>,
    color: RGBColor,
    /// Drawn thin and pale, under its smoothed version.
    faint: bool,
}

impl Series {
    fn new(label: &str, points: Vec<(f64, f64)>, color: RGBColor) -> Self {
        Self {
            label: label.into(),
            points,
            color,
            faint: false,
        }
    }
}

/// `(step, value)` for the records that have a finite value (NaN and ±∞
/// would break the axis ranges).
fn column(records: &[StepRecord], f: impl Fn(&StepRecord) -> Option<f64>) -> Vec<(f64, f64)> {
    records
        .iter()
        .filter_map(|r| f(r).filter(|v| v.is_finite()).map(|v| (r.step as f64, v)))
        .collect()
}

fn percent(records: &[StepRecord], f: impl Fn(&StepRecord) -> Option<f64>) -> Vec<(f64, f64)> {
    column(records, |r| f(r).map(|v| 100.0 * v))
}

/// Per-step training values are noisy (one random batch each, plus DP noise),
/// so long runs show them pale with a trailing moving average on top.
fn with_smoothed(label: &str, points: Vec<(f64, f64)>, color: RGBColor) -> Vec<Series> {
    const MIN_POINTS: usize = 50;
    if points.len() < MIN_POINTS {
        return vec![Series::new(label, points, color)];
    }
    let window = (points.len() / 25).max(5);
    let mut smoothed = Vec::with_capacity(points.len());
    let mut sum = 0.0;
    for (i, &(x, y)) in points.iter().enumerate() {
        sum += y;
        if i >= window {
            sum -= points[i - window].1;
        }
        smoothed.push((x, sum / (i + 1).min(window) as f64));
    }
    vec![
        Series {
            label: format!("{label} (per step)"),
            points,
            color,
            faint: true,
        },
        Series::new(
            &format!("{label} (mean of {window} steps)"),
            smoothed,
            color,
        ),
    ]
}

/// Renders one chart into an RGB pixel buffer.
fn draw(chart: &Chart, opts: &PlotOptions) -> std::result::Result<Vec<u8>, String> {
    let (w, h) = (opts.width, opts.height);
    let mut pixels = vec![255u8; w as usize * h as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let all = || chart.series.iter().flat_map(|s| s.points.iter());
        let (x0, x1) = padded_range(all().map(|p| p.0), 0.0);
        // Steps are integers: a single step gets the range step ± 1, and
        // short runs get no more labels than steps (no "1 1 1" or "1.5").
        let (x0, x1) = if x1 - x0 < 2.0 {
            let mid = (x0 + x1) / 2.0;
            (mid - 1.0, mid + 1.0)
        } else {
            (x0, x1)
        };
        let x_labels = ((x1 - x0) as usize + 1).min(12);
        let (y0, y1) = padded_range(all().map(|p| p.1), 0.05);
        let y_fmt = axis_formatter(y0, y1);
        let mut ctx = ChartBuilder::on(&root)
            .caption(&chart.title, ("sans-serif", 24))
            .margin(16)
            .x_label_area_size(44)
            .y_label_area_size(64)
            .build_cartesian_2d(x0..x1, y0..y1)
            .map_err(|e| e.to_string())?;
        ctx.configure_mesh()
            .x_desc("step")
            .x_labels(x_labels)
            .y_desc(chart.y_desc)
            .y_labels(Y_LABELS)
            .label_style(("sans-serif", 14))
            .axis_desc_style(("sans-serif", 16))
            .x_label_formatter(&|x| format!("{x:.0}"))
            .y_label_formatter(&y_fmt)
            .light_line_style(WHITE.mix(0.0))
            .draw()
            .map_err(|e| e.to_string())?;
        for s in &chart.series {
            let style = if s.faint {
                s.color.mix(0.3).stroke_width(1)
            } else {
                s.color.stroke_width(2)
            };
            // Sparse series (evaluations) get markers so single points show.
            let marker = if s.points.len() <= 40 && !s.faint {
                3
            } else {
                0
            };
            let legend_style = style;
            ctx.draw_series(LineSeries::new(s.points.iter().copied(), style).point_size(marker))
                .map_err(|e| e.to_string())?
                .label(s.label.as_str())
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 24, y)], legend_style));
        }
        // A single series needs no legend: the caption and axis name it.
        if chart.series.len() > 1 {
            ctx.configure_series_labels()
                .position(if chart.rising {
                    SeriesLabelPosition::LowerRight
                } else {
                    SeriesLabelPosition::UpperRight
                })
                .label_font(("sans-serif", 14))
                .background_style(WHITE.mix(0.85))
                .border_style(BLACK)
                .draw()
                .map_err(|e| e.to_string())?;
        }
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(pixels)
}

/// The data's range, widened by `pad` of its span on each side, and made
/// non-empty when all values are equal (one point, a constant series).
fn padded_range(values: impl Iterator<Item = f64>, pad: f64) -> (f64, f64) {
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let span = hi - lo;
    if span > 0.0 {
        (lo - pad * span, hi + pad * span)
    } else {
        let half = if lo == 0.0 { 1.0 } else { 0.05 * lo.abs() };
        (lo - half, hi + half)
    }
}

/// Axis labels with one decimal count for the whole axis (mixed "0.5" and
/// "1.25" read badly; ε can span 0.003 or 40). plotters puts ticks at
/// {1, 2, 5}·10^k; with at most [`Y_LABELS`] of them the step is at least a
/// tenth of the span's leading power of ten, so one digit past it suffices.
fn axis_formatter(lo: f64, hi: f64) -> impl Fn(&f64) -> String {
    let span = hi - lo;
    let big = lo.abs().max(hi.abs());
    let scientific = big >= 1e6 || span < 1e-4;
    let decimals = (1 - span.log10().floor() as i32).clamp(0, 6) as usize;
    move |v: &f64| {
        if scientific {
            format!("{v:.2e}")
        } else {
            format!("{v:.decimals$}")
        }
    }
}

/// Registers the embedded DejaVu Sans as plotters' "sans-serif" family, once.
pub(crate) fn register_font() -> Result<()> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| {
        plotters::style::register_font("sans-serif", FontStyle::Normal, dejavu::sans::regular())
            .is_ok()
    });
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidInput(
            "the embedded DejaVu Sans font could not be parsed; plots skipped".into(),
        ))
    }
}

fn plot_err(path: &Path, msg: String) -> Error {
    dpxla_core::Error::Io {
        path: path.to_path_buf(),
        source: std::io::Error::other(format!("cannot draw plot: {msg}")),
    }
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_labels() {
        assert_eq!(padded_range([1.0, 3.0].into_iter(), 0.5), (0.0, 4.0));
        assert_eq!(padded_range([0.0].into_iter(), 0.1), (-1.0, 1.0));
        // Span 2.3: one decimal; span 80 (accuracy in %): none.
        assert_eq!(axis_formatter(0.1, 2.4)(&1.5), "1.5");
        assert_eq!(axis_formatter(10.0, 90.0)(&42.0), "42");
        // ε of a tiny run: span 0.003 → four decimals.
        assert_eq!(axis_formatter(0.0, 0.003)(&0.0012), "0.0012");
        assert_eq!(axis_formatter(1.0, 1.00001)(&1.0), "1.00e0");
    }
}
