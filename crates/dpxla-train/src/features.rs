//! Precomputed scattering features (`dpxla features scatter`): the traced
//! scattering layer (`nn::layers::scatter`, constant filters) compiled by XLA
//! and run ONCE over a dataset, its output stored as a `u8` shard dataset
//! (`nn::layers::scatter_codec`) that the `scatterfeat_*` models read.
//!
//! This is what Tramèr & Boneh 2021 do (their code scatters the data once
//! before training): the transform is fixed and data-independent, applied to
//! each example on its own, so training on the features is the same DP
//! mechanism as training `scatter_*` end to end (same per-example gradients,
//! same privacy accounting; `crates/dpxla-nn/tests/scatter_models.rs` checks that the two
//! models give the same logits), while the per-step cost drops from the
//! scattering's convolutions to the head's.

use crate::data::shards::write_shards;
use crate::data::{io_error, open_dataset, Dataset, OpenOptions, Split};
use crate::{Error, Result};
use dpxla_core::array::{ArrayData, DType, HostArray};
use dpxla_core::trace::{Aval, Builder};
use dpxla_core::transform::vmap;
use dpxla_nn::layers::scatter::{scattering, ScatterSpec};
use dpxla_nn::layers::scatter_codec::encode_features;
use dpxla_nn::ModelInput;
use dpxla_pjrt::lower::LowerOptions;
use dpxla_pjrt::program::Program;
use dpxla_pjrt::runtime::{Client, CompileOptions};
use std::path::{Path, PathBuf};

/// Examples per compiled batch.
pub const FEATURE_BATCH: usize = 500;

/// A dataset held in memory (the encoded features before they are written).
pub struct MemoryDataset {
    source: PathBuf,
    shape: [usize; 3],
    classes: usize,
    images: Vec<u8>,
    labels: Vec<i64>,
}

impl Dataset for MemoryDataset {
    fn kind(&self) -> &'static str {
        "scatter-features"
    }
    fn source(&self) -> &Path {
        &self.source
    }
    fn len(&self) -> usize {
        self.labels.len()
    }
    fn image_shape(&self) -> [usize; 3] {
        self.shape
    }
    fn num_classes(&self) -> usize {
        self.classes
    }
    fn labels(&self) -> &[i64] {
        &self.labels
    }
    fn read_image(&self, index: usize, out: &mut [u8]) -> Result<()> {
        let n = self.image_len();
        out.copy_from_slice(&self.images[index * n..(index + 1) * n]);
        Ok(())
    }
}

/// The scattering of a batch `[b, H, W, 1]` (f32, pixels in [0, 1]) compiled
/// on `client`: outputs `[b, H/4, W/4, 81]`.
pub fn scatter_program(client: &Client, hw: [usize; 2], batch: usize) -> Result<Program> {
    let b = Builder::new();
    let x = b.input(Aval::new(vec![hw[0], hw[1], 1], DType::F32));
    let y = scattering(x.reshape(&[1, hw[0], hw[1], 1]), &ScatterSpec::default());
    let s = y.shape();
    let g = b.finish(&[y.reshape(&s[1..])])?;
    let g = vmap(&g, &[Some(0)], batch)?;
    Ok(Program::compile(
        client,
        &g,
        &LowerOptions::default(),
        &CompileOptions::default(),
    )?)
}

/// Scatters the first `limit` (default: all) examples of `ds` (single-channel
/// images) and returns the encoded features as an in-memory dataset
/// `[H/4, W/4, 162]`.
pub fn scatter_dataset(
    client: &Client,
    ds: &dyn Dataset,
    limit: Option<usize>,
) -> Result<MemoryDataset> {
    let [h, w, c] = ds.image_shape();
    if c != 1 || h % 4 != 0 || w % 4 != 0 {
        return Err(Error::InvalidInput(format!(
            "{}: scattering needs single-channel images with sides divisible by 4, got {h}x{w}x{c}",
            ds.source().display()
        )));
    }
    let prog = scatter_program(client, [h, w], FEATURE_BATCH)?;
    let channels = ScatterSpec::default().channels();
    let per_out = (h / 4) * (w / 4) * channels;
    let n = limit.map_or(ds.len(), |l| l.min(ds.len()));
    let mut images = Vec::with_capacity(n * 2 * per_out);
    for begin in (0..n).step_by(FEATURE_BATCH) {
        let idx: Vec<usize> = (begin..(begin + FEATURE_BATCH).min(n)).collect();
        let batch = ds.read_batch(&idx)?;
        let mut px: Vec<f32> = batch.images.iter().map(|&p| p as f32 / 255.0).collect();
        px.resize(FEATURE_BATCH * h * w, 0.0);
        let input = HostArray {
            shape: vec![FEATURE_BATCH, h, w, 1],
            data: ArrayData::F32(px),
        };
        let out = prog.run_host(&[input])?;
        let ArrayData::F32(f) = &out[0].data else {
            return Err(Error::InvalidInput("scattering returned non-f32".into()));
        };
        images.extend(encode_features(&f[..idx.len() * per_out], channels));
    }
    Ok(MemoryDataset {
        source: ds.source().to_path_buf(),
        shape: [h / 4, w / 4, 2 * channels],
        classes: ds.num_classes(),
        images,
        labels: ds.labels()[..n].to_vec(),
    })
}

/// The transform that made a features folder, written last to
/// `OUT/features.json` (so a crash leaves no marker). Bump it whenever the
/// transform, its filters or the code change: the `scatterfeat_*` models refuse
/// features without the current marker instead of training on stale ones.
pub const SCATTER_FEATURES_VERSION: &str = "scatter kymatio-0.3 J=2 L=8 / log16 codec v1";

/// The marker file of a features folder.
pub const FEATURES_MARKER: &str = "features.json";

/// What `OUT/features.json` records.
#[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
pub struct FeaturesMarker {
    pub transform: String,
    pub source: PathBuf,
    pub limit: Option<usize>,
    pub train: usize,
    pub test: usize,
}

fn read_marker(dir: &Path) -> Result<Option<FeaturesMarker>> {
    let path = dir.join(FEATURES_MARKER);
    match std::fs::read_to_string(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_error(&path)(e)),
        Ok(text) => serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| Error::InvalidInput(format!("{}: {e}", path.display()))),
    }
}

/// Checks that `path` (a features folder, or its `train`/`test` split) was
/// written by the current scattering transform ([`SCATTER_FEATURES_VERSION`]).
pub fn check_scatter_features(path: &Path) -> Result<()> {
    let root = match path.file_name().and_then(|n| n.to_str()) {
        Some("train" | "test") if !path.join(FEATURES_MARKER).exists() => {
            path.parent().unwrap_or(path)
        }
        _ => path,
    };
    let redo = format!(
        "delete it and rerun `dpxla features scatter --data <images> --out {}`",
        root.display()
    );
    match read_marker(root)? {
        Some(m) if m.transform == SCATTER_FEATURES_VERSION => Ok(()),
        Some(m) => Err(Error::InvalidInput(format!(
            "{} holds features of another transform ({:?}, this build makes {:?}): {redo}",
            root.display(),
            m.transform,
            SCATTER_FEATURES_VERSION
        ))),
        None => Err(Error::InvalidInput(format!(
            "{} has no {FEATURES_MARKER}: it was not written (or not finished) by `dpxla features scatter` of this version; {redo}",
            root.display()
        ))),
    }
}

/// Checks that the data a model reads was made for it: for a model whose
/// registry entry reads [`ModelInput::ScatterFeatures`], each folder in
/// `paths` holds features of the current transform; images need nothing.
pub fn check_model_input(input: ModelInput, paths: &[&Path]) -> Result<()> {
    match input {
        ModelInput::Images => Ok(()),
        ModelInput::ScatterFeatures => paths.iter().try_for_each(|p| check_scatter_features(p)),
    }
}

/// Whether `out` already holds the finished features of `data` (same
/// transform, source and limit): `dpxla features scatter` then does nothing.
pub fn scatter_features_up_to_date(data: &Path, out: &Path, limit: Option<usize>) -> Result<bool> {
    // The same folder spelled differently (`./data/x`, an absolute path) is
    // the same source.
    let same_source = |stored: &Path| {
        stored == data
            || matches!(
                (std::fs::canonicalize(stored), std::fs::canonicalize(data)),
                (Ok(a), Ok(b)) if a == b
            )
    };
    Ok(read_marker(out)?.is_some_and(|m| {
        m.transform == SCATTER_FEATURES_VERSION && same_source(&m.source) && m.limit == limit
    }))
}

/// Writes the scattering features of both splits of `data` (the first `limit`
/// examples of each, default all) to `out/train` and `out/test` (safetensors
/// shards), then `out/features.json`. Returns the number of examples per split.
pub fn write_scatter_features(
    client: &Client,
    data: &Path,
    out: &Path,
    limit: Option<usize>,
) -> Result<[usize; 2]> {
    if out.join(FEATURES_MARKER).exists() {
        return Err(Error::InvalidInput(format!(
            "{} already holds features ({}); delete it to rewrite them",
            out.display(),
            FEATURES_MARKER
        )));
    }
    let mut counts = [0; 2];
    for (k, (split, name)) in [(Split::Train, "train"), (Split::Test, "test")]
        .into_iter()
        .enumerate()
    {
        let opts = OpenOptions {
            split,
            ..OpenOptions::default()
        };
        let ds = open_dataset(data, &opts)?;
        let feats = scatter_dataset(client, ds.as_ref(), limit)?;
        counts[k] = feats.len();
        write_shards(&feats, &out.join(name), 20_000, |_, _| {})?;
    }
    let marker = FeaturesMarker {
        transform: SCATTER_FEATURES_VERSION.into(),
        source: data.to_path_buf(),
        limit,
        train: counts[0],
        test: counts[1],
    };
    let path = out.join(FEATURES_MARKER);
    let text = serde_json::to_string_pretty(&marker).expect("plain struct");
    dpxla_core::atomic_file::write_atomically(&path, text.as_bytes())?;
    Ok(counts)
}
