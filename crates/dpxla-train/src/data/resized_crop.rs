//! Random-resized-crop (Szegedy et al. 2015, "Going deeper with
//! convolutions"; torchvision's `RandomResizedCrop`), the ImageNet training
//! augmentation: a window covering a random fraction of the image area with
//! a random aspect ratio, resized back to the image size bilinearly.
//!
//! The window is drawn as torchvision draws it: up to 10 tries of an area
//! fraction uniform in `scale` and a log-uniform aspect ratio in `ratio`,
//! kept when it fits the image; otherwise the largest centred window whose
//! aspect ratio is clamped to `ratio`. The resize samples pixel centres
//! (`align_corners = false`) without antialiasing. The output has the size of
//! the stored image (`data.image_size` for image folders), so store images
//! at least as large as the model input.

use crate::{Error, Result};

/// The parameters of random-resized-crop.
#[derive(Clone, Debug, PartialEq)]
pub struct ResizedCrop {
    /// Range of the window's area as a fraction of the image area
    /// (torchvision default `[0.08, 1.0]`).
    pub scale: [f64; 2],
    /// Range of the window's width / height (default `[3/4, 4/3]`).
    pub ratio: [f64; 2],
}

impl Default for ResizedCrop {
    fn default() -> Self {
        ResizedCrop {
            scale: [0.08, 1.0],
            ratio: [3.0 / 4.0, 4.0 / 3.0],
        }
    }
}

/// A crop window: top-left corner and size, in pixels of the source image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// Top row.
    pub y: usize,
    /// Left column.
    pub x: usize,
    /// Height in rows.
    pub h: usize,
    /// Width in columns.
    pub w: usize,
}

impl ResizedCrop {
    /// Checks the ranges.
    pub fn validate(&self) -> Result<()> {
        let [s0, s1] = self.scale;
        let [r0, r1] = self.ratio;
        if !(s0 > 0.0 && s0 <= s1 && s1 <= 1.0) {
            return Err(Error::InvalidInput(format!(
                "random-resized-crop scale {:?} must satisfy 0 < min <= max <= 1",
                self.scale
            )));
        }
        if !(r0 > 0.0 && r0 <= r1 && r1.is_finite()) {
            return Err(Error::InvalidInput(format!(
                "random-resized-crop ratio {:?} must satisfy 0 < min <= max",
                self.ratio
            )));
        }
        Ok(())
    }

    /// Draws a window of an `h`×`w` image; `uniform()` yields values in [0, 1).
    pub fn window(&self, h: usize, w: usize, uniform: &mut dyn FnMut() -> f64) -> Window {
        let area = (h * w) as f64;
        let (lr0, lr1) = (self.ratio[0].ln(), self.ratio[1].ln());
        for _ in 0..10 {
            let target = area * (self.scale[0] + (self.scale[1] - self.scale[0]) * uniform());
            let aspect = (lr0 + (lr1 - lr0) * uniform()).exp();
            let cw = (target * aspect).sqrt().round() as usize;
            let ch = (target / aspect).sqrt().round() as usize;
            if cw > 0 && ch > 0 && cw <= w && ch <= h {
                let y = ((h - ch + 1) as f64 * uniform()) as usize;
                let x = ((w - cw + 1) as f64 * uniform()) as usize;
                return Window {
                    y: y.min(h - ch),
                    x: x.min(w - cw),
                    h: ch,
                    w: cw,
                };
            }
        }
        // Fallback: centred, aspect ratio clamped to the range.
        let in_ratio = w as f64 / h as f64;
        let (cw, ch) = if in_ratio < self.ratio[0] {
            (w, ((w as f64 / self.ratio[0]).round() as usize).clamp(1, h))
        } else if in_ratio > self.ratio[1] {
            (((h as f64 * self.ratio[1]).round() as usize).clamp(1, w), h)
        } else {
            (w, h)
        };
        Window {
            y: (h - ch) / 2,
            x: (w - cw) / 2,
            h: ch,
            w: cw,
        }
    }
}

/// Writes the window `win` of `image` (HWC `u8`, `shape`), resized bilinearly
/// to the full `shape` and mirrored if `flip`, through the per-channel
/// `affine` (`x·scale + bias`), into `out` (`f32`, HWC).
pub fn write_resized(
    image: &[u8],
    shape: [usize; 3],
    win: Window,
    flip: bool,
    affine: &[(f32, f32)],
    out: &mut [f32],
) {
    let [h, w, c] = shape;
    // Source coordinate of each output row/column: pixel centres mapped
    // through the window, clamped to it; (index, next index, weight of next).
    let axis = |n_out: usize, start: usize, len: usize| -> Vec<(usize, usize, f32)> {
        (0..n_out)
            .map(|o| {
                let s = ((o as f64 + 0.5) * len as f64 / n_out as f64 - 0.5)
                    .clamp(0.0, (len - 1) as f64);
                let i0 = s.floor() as usize;
                let i1 = (i0 + 1).min(len - 1);
                (start + i0, start + i1, (s - i0 as f64) as f32)
            })
            .collect()
    };
    let rows = axis(h, win.y, win.h);
    let mut cols = axis(w, win.x, win.w);
    if flip {
        cols.reverse();
    }
    for (out_row, &(y0, y1, fy)) in out.chunks_exact_mut(w * c).zip(&rows) {
        for (dst, &(x0, x1, fx)) in out_row.chunks_exact_mut(c).zip(&cols) {
            for (ch, (d, &(scale, bias))) in dst.iter_mut().zip(affine).enumerate() {
                let p = |y: usize, x: usize| image[(y * w + x) * c + ch] as f32;
                let top = p(y0, x0) * (1.0 - fx) + p(y0, x1) * fx;
                let bottom = p(y1, x0) * (1.0 - fx) + p(y1, x1) * fx;
                *d = (top * (1.0 - fy) + bottom * fy) * scale + bias;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_fit_the_image_and_respect_the_ranges() {
        let rrc = ResizedCrop::default();
        let mut state = 1u64;
        let mut uniform = || {
            state = crate::data::augment::splitmix64(state);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        for _ in 0..500 {
            let win = rrc.window(40, 30, &mut uniform);
            assert!(win.y + win.h <= 40 && win.x + win.w <= 30);
            assert!(win.h >= 1 && win.w >= 1);
        }
        // A generator that always says 0.999 asks for the whole area at the
        // largest ratio, which does not fit a tall image: the fallback is
        // centred with the ratio clamped.
        let win = rrc.window(40, 10, &mut || 0.999);
        assert_eq!((win.w, win.h), (10, 13));
        let win = rrc.window(10, 40, &mut || 0.999);
        assert_eq!((win.h, win.w), (10, 13));
        assert!(ResizedCrop {
            scale: [0.5, 0.2],
            ..ResizedCrop::default()
        }
        .validate()
        .is_err());
    }

    #[test]
    fn the_whole_window_unflipped_is_the_image() {
        let img: Vec<u8> = (0..4 * 5 * 2).map(|v| (v * 3) as u8).collect();
        let mut out = vec![0f32; img.len()];
        let win = Window {
            y: 0,
            x: 0,
            h: 4,
            w: 5,
        };
        write_resized(&img, [4, 5, 2], win, false, &[(1.0, 0.0); 2], &mut out);
        assert_eq!(out, img.iter().map(|&v| v as f32).collect::<Vec<_>>());
        // Mirrored: column x comes from column 4 - x.
        write_resized(&img, [4, 5, 2], win, true, &[(1.0, 0.0); 2], &mut out);
        assert_eq!(out[0], img[4 * 2] as f32);
    }
}
