//! Data augmentation on the host: random crop with reflect padding or
//! random-resized-crop (`resized_crop`), horizontal flip, per-channel
//! normalisation, and augmentation multiplicity.
//!
//! Augmentation multiplicity (De et al. 2022, "Unlocking High-Accuracy
//! Differentially Private Image Classification through Scale", §3.1): each example
//! of a batch gets K augmented views; the trainer averages the example's gradient
//! over its K views BEFORE clipping, so the clipped, noised sum still has one
//! contribution of norm ≤ C per example (sensitivity unchanged) while the
//! gradient's variance drops. This module produces the views, `[B, K, H, W, C]`;
//! the averaging belongs to the step (`train/`).
//!
//! Determinism: a view is a pure function of (seed, step, example index, view
//! index) through [`view_seed`] — the same example at the same step gets the same
//! views whatever else is in the batch, on every machine, with any thread count.
//! The generator is a fixed SplitMix64 stream (Steele, Lea, Flood 2014), not
//! `rand`'s `StdRng`, whose algorithm may change between releases.

use super::resized_crop::{write_resized, ResizedCrop};
use crate::{Error, Result};
use dpxla_core::array::HostArray;

/// The CIFAR-10 training-set channel means and standard deviations (pixels in
/// [0, 1]), as used by jax_privacy's CIFAR pipeline.
pub const CIFAR10_MEAN: [f32; 3] = [0.491_399_7, 0.482_158_4, 0.446_530_9];
pub const CIFAR10_STD: [f32; 3] = [0.247_032_2, 0.243_485_1, 0.261_587_8];

/// What to do to each view (made from the `[augment]` section,
/// `train::AugmentConfig`). Pixels become `(x / 255 - mean[c]) / std[c]`.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewAugment {
    /// Random crop: pad each side by this many pixels (reflecting, without
    /// repeating the edge pixel, like NumPy's `reflect` mode), then cut out a
    /// window of the original size at a uniformly random offset. 0 = no crop.
    pub crop_padding: usize,
    /// Mirror left-right with probability 1/2.
    pub flip: bool,
    /// Per-channel mean (one value, or one per channel); empty = 0.
    pub mean: Vec<f32>,
    /// Per-channel standard deviation (one value, or one per channel); empty = 1.
    pub std: Vec<f32>,
    /// Random-resized-crop instead of the padded crop (`crop_padding` must
    /// then be 0): see [`crate::data::resized_crop`]. `None` = off.
    pub random_resized_crop: Option<ResizedCrop>,
}

impl ViewAugment {
    /// No augmentation; pixels scaled to [0, 1].
    pub fn none() -> ViewAugment {
        ViewAugment {
            crop_padding: 0,
            flip: false,
            mean: vec![],
            std: vec![],
            random_resized_crop: None,
        }
    }

    /// The CIFAR-10 recipe of De et al. 2022: reflect-pad 4 + random crop,
    /// random flip, per-channel normalisation.
    pub fn cifar10() -> ViewAugment {
        ViewAugment {
            crop_padding: 4,
            flip: true,
            mean: CIFAR10_MEAN.to_vec(),
            std: CIFAR10_STD.to_vec(),
            random_resized_crop: None,
        }
    }

    /// Per-channel `(scale, bias)` with `out = x * scale + bias`, checked.
    fn affine(&self, channels: usize) -> Result<Vec<(f32, f32)>> {
        let pick = |v: &[f32], c: usize, default: f32, what: &str| -> Result<f32> {
            match v.len() {
                0 => Ok(default),
                1 => Ok(v[0]),
                n if n == channels => Ok(v[c]),
                n => Err(Error::InvalidInput(format!(
                    "augmentation {what} has {n} values for {channels} channels"
                ))),
            }
        };
        (0..channels)
            .map(|c| {
                let mean = pick(&self.mean, c, 0.0, "mean")?;
                let std = pick(&self.std, c, 1.0, "std")?;
                if !(std > 0.0 && std.is_finite() && mean.is_finite()) {
                    return Err(Error::InvalidInput(format!(
                        "augmentation channel {c}: mean {mean}, std {std} (std must be > 0)"
                    )));
                }
                Ok((1.0 / (255.0 * std), -mean / std))
            })
            .collect()
    }
}

const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

/// SplitMix64's output function of `x + golden ratio` — a bijection of u64 that
/// mixes every input bit into every output bit.
pub fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(GOLDEN);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The seed of one view: `h = splitmix64(seed)`, then for `x` in (step, example,
/// view): `h = splitmix64(h ^ splitmix64(x))`. Nesting makes the order matter, so
/// (step 1, example 2) and (step 2, example 1) give unrelated streams.
pub fn view_seed(seed: u64, step: u64, example: u64, view: u64) -> u64 {
    [step, example, view]
        .iter()
        .fold(splitmix64(seed), |h, &x| splitmix64(h ^ splitmix64(x)))
}

/// A SplitMix64 stream.
struct SplitMix(u64);

impl SplitMix {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        splitmix64(self.0)
    }
    /// Uniform in `0..n` by multiply-shift (Lemire 2019); bias ≤ n / 2^64.
    fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }
}

/// The random choices of one view: crop window offset in the padded image
/// (`0..=2 * padding` each way) and whether to mirror.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ViewParams {
    pub dy: usize,
    pub dx: usize,
    pub flip: bool,
}

impl ViewParams {
    /// The identity view of an image padded by `padding`: centred, not mirrored.
    pub fn centre(padding: usize) -> ViewParams {
        ViewParams {
            dy: padding,
            dx: padding,
            flip: false,
        }
    }
}

/// Draws the view `(seed, step, example, view)`: crop offsets first, then the flip.
pub fn view_params(cfg: &ViewAugment, seed: u64, step: u64, example: u64, view: u64) -> ViewParams {
    let mut rng = SplitMix(view_seed(seed, step, example, view));
    let span = 2 * cfg.crop_padding + 1;
    let dy = rng.below(span);
    let dx = rng.below(span);
    let flip = cfg.flip && rng.next_u64() >> 63 == 1;
    ViewParams { dy, dx, flip }
}

/// Index into `0..n` of position `i` of the reflect-padded axis (`i` may lie in
/// `-(n-1)..2n-1`): -1 → 1, n → n-2 (the edge pixel is not repeated).
fn reflect(i: isize, n: usize) -> usize {
    let n = n as isize;
    let r = if i < 0 {
        -i
    } else if i >= n {
        2 * (n - 1) - i
    } else {
        i
    };
    r as usize
}

/// Checks the crop settings against the image shape.
fn check_crop(shape: [usize; 3], cfg: &ViewAugment) -> Result<()> {
    if let Some(rrc) = &cfg.random_resized_crop {
        rrc.validate()?;
        if cfg.crop_padding > 0 {
            return Err(Error::InvalidInput(
                "random-resized-crop and crop padding exclude each other".into(),
            ));
        }
    }
    check_padding(shape, cfg.crop_padding)
}

fn check_padding(shape: [usize; 3], padding: usize) -> Result<()> {
    let [h, w, _] = shape;
    if padding > 0 && (padding >= h || padding >= w) {
        return Err(Error::InvalidInput(format!(
            "crop padding {padding} must be smaller than the image ({h}x{w}) to reflect"
        )));
    }
    Ok(())
}

/// Writes one view of `image` (HWC `u8`): pixel (y, x) of the output is pixel
/// (y + dy - p, x' + dx - p) of the reflect-padded input, where x' = W-1-x when
/// mirrored — crop then flip, in one pass — mapped through `affine`.
fn write_view(
    image: &[u8],
    shape: [usize; 3],
    padding: usize,
    params: ViewParams,
    affine: &[(f32, f32)],
    out: &mut [f32],
) {
    let [h, w, c] = shape;
    let p = padding as isize;
    // Source column of each output column, computed once per view.
    let columns: Vec<usize> = (0..w)
        .map(|x| {
            let xx = if params.flip { w - 1 - x } else { x };
            reflect(xx as isize + params.dx as isize - p, w)
        })
        .collect();
    for (y, out_row) in out.chunks_exact_mut(w * c).enumerate() {
        let sy = reflect(y as isize + params.dy as isize - p, h);
        let in_row = &image[sy * w * c..][..w * c];
        for (dst, &sx) in out_row.chunks_exact_mut(c).zip(&columns) {
            let src = &in_row[sx * c..][..c];
            for ((d, &s), &(scale, bias)) in dst.iter_mut().zip(src).zip(affine) {
                *d = s as f32 * scale + bias;
            }
        }
    }
}

/// Writes view `(seed, step, example, view)` of `image`: the padded crop and
/// flip of [`view_params`], or with random-resized-crop a window drawn from
/// the same per-view stream, then the flip.
#[allow(clippy::too_many_arguments)]
fn write_augmented(
    image: &[u8],
    shape: [usize; 3],
    cfg: &ViewAugment,
    affine: &[(f32, f32)],
    seed: u64,
    step: u64,
    example: u64,
    view: u64,
    out: &mut [f32],
) {
    match &cfg.random_resized_crop {
        None => {
            let params = view_params(cfg, seed, step, example, view);
            write_view(image, shape, cfg.crop_padding, params, affine, out);
        }
        Some(rrc) => {
            let mut rng = SplitMix(view_seed(seed, step, example, view));
            let win = rrc.window(shape[0], shape[1], &mut || {
                (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
            });
            let flip = cfg.flip && rng.next_u64() >> 63 == 1;
            write_resized(image, shape, win, flip, affine, out);
        }
    }
}

/// The `u8` result of a crop at `(dy, dx)` of `image` reflect-padded by `padding`
/// (same size as `image`). With `padding = 0` it is `image` itself.
pub fn crop_reflect(
    image: &[u8],
    shape: [usize; 3],
    padding: usize,
    dy: usize,
    dx: usize,
) -> Result<Vec<u8>> {
    check_padding(shape, padding)?;
    let params = ViewParams {
        dy,
        dx,
        flip: false,
    };
    Ok(map_u8(image, shape, padding, params))
}

/// `image` mirrored left-right.
pub fn flip_horizontal(image: &[u8], shape: [usize; 3]) -> Vec<u8> {
    map_u8(
        image,
        shape,
        0,
        ViewParams {
            dy: 0,
            dx: 0,
            flip: true,
        },
    )
}

/// A view kept as bytes (identity affine, exact for u8 values).
fn map_u8(image: &[u8], shape: [usize; 3], padding: usize, params: ViewParams) -> Vec<u8> {
    let identity = vec![(1.0, 0.0); shape[2]];
    let mut out = vec![0f32; image.len()];
    write_view(image, shape, padding, params, &identity, &mut out);
    out.into_iter().map(|v| v as u8).collect()
}

/// Checks a batch's buffer size and returns its batch size.
fn batch_len(images: &[u8], shape: [usize; 3], example_ids: Option<&[u64]>) -> Result<usize> {
    let per: usize = shape.iter().product();
    if per == 0 || !images.len().is_multiple_of(per) {
        return Err(Error::InvalidInput(format!(
            "{} image bytes are not a whole number of {shape:?} images",
            images.len()
        )));
    }
    let b = images.len() / per;
    if let Some(ids) = example_ids {
        if ids.len() != b {
            return Err(Error::InvalidInput(format!(
                "{} example ids for {b} images",
                ids.len()
            )));
        }
    }
    Ok(b)
}

/// Runs `f(example, output chunk)` for every example, on several threads when the
/// batch is large. Each example owns a contiguous chunk, so the result does not
/// depend on the thread count.
fn for_each_example(out: &mut [f32], per_example: usize, f: impl Fn(usize, &mut [f32]) + Sync) {
    let b = out.len() / per_example.max(1);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(b);
    if threads <= 1 || out.len() < (1 << 18) {
        for (i, chunk) in out.chunks_exact_mut(per_example).enumerate() {
            f(i, chunk);
        }
        return;
    }
    let per_thread = b.div_ceil(threads);
    std::thread::scope(|s| {
        for (t, part) in out.chunks_mut(per_thread * per_example).enumerate() {
            let f = &f;
            s.spawn(move || {
                for (j, chunk) in part.chunks_exact_mut(per_example).enumerate() {
                    f(t * per_thread + j, chunk);
                }
            });
        }
    });
}

/// One augmented view per example (no multiplicity): `f32 [B, H, W, C]`.
/// `images` is `u8 [B, H, W, C]`; `example_ids[i]` is example i's index in the
/// dataset (not its position in the batch), so its view depends only on
/// (seed, step, `example_ids[i]`); it is view 0 of [`augment_views`].
pub fn augment_batch(
    images: &[u8],
    shape: [usize; 3],
    cfg: &ViewAugment,
    seed: u64,
    step: u64,
    example_ids: &[u64],
) -> Result<HostArray> {
    let b = batch_len(images, shape, Some(example_ids))?;
    check_crop(shape, cfg)?;
    let affine = cfg.affine(shape[2])?;
    let per: usize = shape.iter().product();
    let mut out = vec![0f32; b * per];
    for_each_example(&mut out, per, |i, chunk| {
        let image = &images[i * per..][..per];
        write_augmented(
            image,
            shape,
            cfg,
            &affine,
            seed,
            step,
            example_ids[i],
            0,
            chunk,
        );
    });
    let [h, w, c] = shape;
    Ok(HostArray::f32([b, h, w, c], out))
}

/// K augmented views per example (augmentation multiplicity): `f32 [B, K, H, W, C]`.
/// View v of example i is drawn from (seed, step, `example_ids[i]`, v).
pub fn augment_views(
    images: &[u8],
    shape: [usize; 3],
    cfg: &ViewAugment,
    seed: u64,
    step: u64,
    example_ids: &[u64],
    k: usize,
) -> Result<HostArray> {
    if k == 0 {
        return Err(Error::InvalidInput(
            "augmentation multiplicity K must be at least 1".into(),
        ));
    }
    let b = batch_len(images, shape, Some(example_ids))?;
    check_crop(shape, cfg)?;
    let affine = cfg.affine(shape[2])?;
    let per: usize = shape.iter().product();
    let mut out = vec![0f32; b * k * per];
    for_each_example(&mut out, k * per, |i, chunk| {
        let image = &images[i * per..][..per];
        for (v, view) in chunk.chunks_exact_mut(per).enumerate() {
            let ex = example_ids[i];
            write_augmented(image, shape, cfg, &affine, seed, step, ex, v as u64, view);
        }
    });
    let [h, w, c] = shape;
    Ok(HostArray::f32([b, k, h, w, c], out))
}

/// Normalisation only (evaluation): `f32 [B, H, W, C]`, no randomness.
pub fn normalize_batch(images: &[u8], shape: [usize; 3], cfg: &ViewAugment) -> Result<HostArray> {
    let b = batch_len(images, shape, None)?;
    let affine = cfg.affine(shape[2])?;
    let c = shape[2];
    let out = images
        .iter()
        .enumerate()
        .map(|(i, &x)| {
            let (scale, bias) = affine[i % c];
            x as f32 * scale + bias
        })
        .collect();
    let [h, w, c] = shape;
    Ok(HostArray::f32([b, h, w, c], out))
}
