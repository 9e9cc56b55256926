//! A PNG histogram of the canaries' scores, members and non-members
//! overlaid: a broken mechanism shows two separated humps, a private one two
//! nearly identical ones. Drawn like the training plots (`train::reports::plots`):
//! plotters' bitmap backend, the embedded font, PNG by the `image` crate.

use crate::{Error, Result};
use plotters::prelude::*;
use std::path::Path;

const BINS: usize = 40;
const SIZE: (u32, u32) = (960, 540);

/// Counts of `values` in `BINS` equal bins over [lo, hi].
fn bin(values: impl Iterator<Item = f64>, lo: f64, hi: f64) -> Vec<u32> {
    let mut counts = vec![0u32; BINS];
    let width = (hi - lo) / BINS as f64;
    for v in values {
        let i = (((v - lo) / width) as usize).min(BINS - 1);
        counts[i] += 1;
    }
    counts
}

/// Writes the histogram of `scores` split by `included` to `path`, with
/// `title` and the x axis described by `x_desc`.
pub fn write_histogram(
    path: &Path,
    scores: &[f64],
    included: &[bool],
    title: &str,
    x_desc: &str,
) -> Result<()> {
    crate::train::reports::plots::register_font()?;
    let (lo, hi) = scores
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &s| {
            (a.min(s), b.max(s))
        });
    if !(lo.is_finite() && hi.is_finite()) {
        return Err(Error::InvalidInput("no finite scores to plot".into()));
    }
    let (lo, hi) = if hi > lo {
        (lo, hi)
    } else {
        (lo - 1.0, hi + 1.0)
    };
    let pick = |member: bool| {
        scores
            .iter()
            .zip(included)
            .filter(move |(_, &i)| i == member)
            .map(|(&s, _)| s)
    };
    let ins = bin(pick(true), lo, hi);
    let outs = bin(pick(false), lo, hi);
    let top = ins.iter().chain(&outs).copied().max().unwrap_or(1).max(1);
    let width = (hi - lo) / BINS as f64;
    // One decimal count for the axis: two digits past the span's magnitude.
    let decimals = (2 - (hi - lo).log10().floor() as i32).clamp(0, 8) as usize;
    let drawn = std::panic::catch_unwind(|| -> std::result::Result<Vec<u8>, String> {
        let mut pixels = vec![255u8; SIZE.0 as usize * SIZE.1 as usize * 3];
        {
            let root = BitMapBackend::with_buffer(&mut pixels, SIZE).into_drawing_area();
            root.fill(&WHITE).map_err(|e| e.to_string())?;
            let mut ctx = ChartBuilder::on(&root)
                .caption(title, ("sans-serif", 22))
                .margin(16)
                .x_label_area_size(44)
                .y_label_area_size(56)
                .build_cartesian_2d(lo..hi, 0u32..top + top / 10 + 1)
                .map_err(|e| e.to_string())?;
            ctx.configure_mesh()
                .x_desc(x_desc)
                .y_desc("canaries")
                .label_style(("sans-serif", 14))
                .axis_desc_style(("sans-serif", 16))
                .x_label_formatter(&|x| format!("{x:.decimals$}"))
                .light_line_style(WHITE.mix(0.0))
                .draw()
                .map_err(|e| e.to_string())?;
            for (counts, color, label) in [
                (&outs, RED, "out (not in the training set)"),
                (&ins, BLUE, "in (member)"),
            ] {
                let style = color.mix(0.45).filled();
                ctx.draw_series(counts.iter().enumerate().filter(|(_, &c)| c > 0).map(
                    |(i, &c)| {
                        let x0 = lo + i as f64 * width;
                        Rectangle::new([(x0, 0), (x0 + width, c)], style)
                    },
                ))
                .map_err(|e| e.to_string())?
                .label(label)
                .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 16, y + 6)], style));
            }
            ctx.configure_series_labels()
                .position(SeriesLabelPosition::UpperRight)
                .label_font(("sans-serif", 14))
                .background_style(WHITE.mix(0.85))
                .border_style(BLACK)
                .draw()
                .map_err(|e| e.to_string())?;
            root.present().map_err(|e| e.to_string())?;
        }
        Ok(pixels)
    })
    .unwrap_or_else(|_| Err("the plotting library panicked".into()));
    let io = |msg: String| dpxla_core::Error::Io {
        path: path.to_path_buf(),
        source: std::io::Error::other(format!("cannot draw histogram: {msg}")),
    };
    let pixels = drawn.map_err(io)?;
    let mut png = std::io::Cursor::new(Vec::new());
    image::write_buffer_with_format(
        &mut png,
        &pixels,
        SIZE.0,
        SIZE.1,
        image::ExtendedColorType::Rgb8,
        image::ImageFormat::Png,
    )
    .map_err(|e| io(e.to_string()))?;
    Ok(dpxla_core::atomic_file::write_atomically(
        path,
        png.get_ref(),
    )?)
}
