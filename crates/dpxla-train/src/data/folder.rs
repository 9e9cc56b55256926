//! Image folders: one sub-folder per class, JPEG or PNG files inside (the layout of
//! ImageNet's and Places365's `train/` and `val/` folders as commonly unpacked,
//! and of torchvision's `ImageFolder`).
//!
//! Class sub-folders sorted by name get labels 0, 1, …; files within a class are
//! sorted by name; the example order is class by class. Each image is decoded on
//! request, converted to RGB, resized so that its shorter side is the target size
//! (bilinear), and centre-cropped to a square of that size — the usual evaluation
//! transform for ImageNet models, and a fixed-size input for the compiled step.
//!
//! Opening reads every file's image header (a few hundred bytes each, on
//! several threads), so a file that is not a JPEG/PNG at all, or whose header is
//! damaged, is an error naming it before training starts. Damage past the
//! header is found when the image is decoded: the run stops with the file named
//! and its last checkpoint kept (replace the file and `--resume`). A tree with
//! fewer than two classes holding images is refused: a one-class classifier
//! reaches "100%" and learns nothing.

use super::{data_error, file_name, sorted_entries, Dataset};
use crate::{Error, Result};
use image::imageops::FilterType;
use std::path::{Path, PathBuf};

fn is_image(path: &Path) -> bool {
    let name = file_name(path).to_ascii_lowercase();
    path.is_file() && [".jpg", ".jpeg", ".png"].iter().any(|e| name.ends_with(e))
}

/// True when `dir` has at least one sub-folder holding a JPEG or PNG file.
pub fn looks_like_image_folder(dir: &Path) -> Result<bool> {
    for sub in sorted_entries(dir)?.into_iter().filter(|p| p.is_dir()) {
        if sorted_entries(&sub)?.iter().any(|p| is_image(p)) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// A class-per-folder image tree; images are decoded when read.
pub struct FolderDataset {
    root: PathBuf,
    files: Vec<PathBuf>,
    labels: Vec<i64>,
    class_names: Vec<String>,
    size: usize,
}

impl FolderDataset {
    /// Lists `root`'s class sub-folders and their images; `size` is the side of
    /// the square images it returns.
    pub fn open(root: &Path, size: usize) -> Result<FolderDataset> {
        if size == 0 {
            return Err(Error::InvalidInput("image size must be at least 1".into()));
        }
        let mut files = Vec::new();
        let mut labels = Vec::new();
        let mut class_names = Vec::new();
        for class_dir in sorted_entries(root)?.into_iter().filter(|p| p.is_dir()) {
            let label = class_names.len() as i64;
            class_names.push(file_name(&class_dir));
            for f in sorted_entries(&class_dir)?
                .into_iter()
                .filter(|p| is_image(p))
            {
                files.push(f);
                labels.push(label);
            }
        }
        if files.is_empty() {
            return Err(Error::InvalidInput(format!(
                "{} has no class sub-folders with JPEG/PNG images",
                root.display()
            )));
        }
        let mut with_images: Vec<&str> = labels
            .iter()
            .map(|&l| class_names[l as usize].as_str())
            .collect();
        with_images.dedup();
        if with_images.len() < 2 {
            return Err(Error::InvalidInput(format!(
                "{} has images in only one class folder ({}); a classifier needs at least \
                 two classes (one sub-folder per class)",
                root.display(),
                with_images[0]
            )));
        }
        check_headers(&files)?;
        Ok(FolderDataset {
            root: root.to_path_buf(),
            files,
            labels,
            class_names,
            size,
        })
    }

    /// The image file of example `index`.
    pub fn file(&self, index: usize) -> &Path {
        &self.files[index]
    }
}

/// Reads the image header of every file (format and dimensions, not the
/// pixels) on a few threads; the first damaged one is an error naming it.
fn check_headers(files: &[PathBuf]) -> Result<()> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
        .min(files.len());
    let chunk = files.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().try_for_each(|f| check_header(f))))
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("header check thread panicked"))
            .collect::<Result<Vec<()>>>()
    })?;
    Ok(())
}

fn check_header(path: &Path) -> Result<()> {
    let (w, h) = image::ImageReader::open(path)
        .map_err(super::io_error(path))?
        .with_guessed_format()
        .map_err(super::io_error(path))?
        .into_dimensions()
        .map_err(|e| data_error(path, None, format!("not a readable JPEG/PNG image: {e}")))?;
    if w == 0 || h == 0 {
        return Err(data_error(path, None, "image has no pixels"));
    }
    Ok(())
}

/// Decodes `path` and returns it as `size x size` RGB, HWC: shorter side resized to
/// `size`, then the centre square cut out.
pub fn load_resized(path: &Path, size: usize) -> Result<Vec<u8>> {
    let img = image::ImageReader::open(path)
        .map_err(super::io_error(path))?
        .with_guessed_format()
        .map_err(super::io_error(path))?
        .decode()
        .map_err(|e| data_error(path, None, format!("cannot decode image: {e}")))?
        .to_rgb8();
    let (w, h) = (img.width() as usize, img.height() as usize);
    if w == 0 || h == 0 {
        return Err(data_error(path, None, "image has no pixels"));
    }
    // Scale so the shorter side becomes `size` (rounded, never below `size`).
    let (nw, nh) = if w <= h {
        (size, (h * size).div_ceil(w).max(size))
    } else {
        ((w * size).div_ceil(h).max(size), size)
    };
    let resized = if (nw, nh) == (w, h) {
        img
    } else {
        image::imageops::resize(&img, nw as u32, nh as u32, FilterType::Triangle)
    };
    let (x0, y0) = ((nw - size) / 2, (nh - size) / 2);
    let crop = image::imageops::crop_imm(&resized, x0 as u32, y0 as u32, size as u32, size as u32);
    Ok(crop.to_image().into_raw())
}

impl Dataset for FolderDataset {
    fn kind(&self) -> &'static str {
        "image-folder"
    }
    fn source(&self) -> &Path {
        &self.root
    }
    fn len(&self) -> usize {
        self.files.len()
    }
    fn image_shape(&self) -> [usize; 3] {
        [self.size, self.size, 3]
    }
    fn num_classes(&self) -> usize {
        self.class_names.len()
    }
    fn labels(&self) -> &[i64] {
        &self.labels
    }
    fn class_names(&self) -> Option<&[String]> {
        Some(&self.class_names)
    }
    fn read_image(&self, index: usize, out: &mut [u8]) -> Result<()> {
        super::check_read(self, index, out)?;
        out.copy_from_slice(&load_resized(&self.files[index], self.size)?);
        Ok(())
    }
    /// Decodes the batch on several threads (decoding dominates reading).
    fn read_batch(&self, indices: &[usize]) -> Result<super::RawBatch> {
        let threads = super::parallel_read::read_threads(indices.len());
        super::parallel_read::read_batch_parallel(self, indices, threads)
    }
}
