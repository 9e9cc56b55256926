//! Name and layout mapping between a torchvision-style ResNet `state_dict`
//! (exported from PyTorch as safetensors, e.g. with
//! `safetensors.torch.save_file(model.state_dict(), path)`) and dpxla's
//! `resnet18_gn` / `resnet50_gn` parameters.
//!
//! | PyTorch name (layout)                       | dpxla name (layout)             |
//! |---------------------------------------------|---------------------------------|
//! | `conv1.weight` (O,I,H,W)                    | `stem/conv/w` (H,W,I,O)         |
//! | `bn1.weight`, `bn1.bias` (C)                | `stem/norm/scale`, `/offset`    |
//! | `layer{s}.{i}.conv{k}.weight` (O,I,H,W)     | `block{b}/conv{k}/w` (H,W,I,O)  |
//! | `layer{s}.{i}.bn{k}.weight`, `.bias`        | `block{b}/norm{k}/scale`, `/offset` |
//! | `layer{s}.{i}.downsample.0.weight` (O,I,1,1)| `block{b}/proj/conv/w` (1,1,I,O)|
//! | `layer{s}.{i}.downsample.1.weight`, `.bias` | `block{b}/proj/norm/scale`, `/offset` |
//! | `fc.weight` (out, in)                       | `head/w` (in, out)              |
//! | `fc.bias` (out)                             | `head/b` (out)                  |
//!
//! `b` is the block's running number over all stages, two digits from 01
//! (`layer2.0` of ResNet-18 is `block03`; of ResNet-50, `block04`). Convolution
//! kernels are transposed OIHW → HWIO and the classifier [out, in] → [in, out].
//! `bn*` may hold GroupNorm (`nn.GroupNorm`, e.g. timm's `resnet50_gn`) or
//! BatchNorm affine parameters; BatchNorm's `running_mean`, `running_var` and
//! `num_batches_tracked` have no GroupNorm counterpart and are skipped (and
//! listed), so a BatchNorm-trained network loaded into the GroupNorm model is
//! only an initialisation. Any other name is an error.

use super::NamedArrays;
use crate::{Error, Result};
use dpxla_core::array::HostArray;
use std::collections::BTreeMap;

/// `a` with its axes permuted: result axis j is `a`'s axis `perm[j]`.
pub fn permute(a: &HostArray, perm: &[usize]) -> HostArray {
    let s = &a.shape;
    let out_shape: Vec<usize> = perm.iter().map(|&p| s[p]).collect();
    let mut in_strides = vec![1usize; s.len()];
    for d in (0..s.len().saturating_sub(1)).rev() {
        in_strides[d] = in_strides[d + 1] * s[d + 1];
    }
    let v = a.to_f64();
    let mut out = Vec::with_capacity(v.len());
    let mut idx = vec![0usize; s.len()];
    for _ in 0..v.len() {
        let off: usize = idx.iter().zip(perm).map(|(&i, &p)| i * in_strides[p]).sum();
        out.push(v[off]);
        for d in (0..idx.len()).rev() {
            idx[d] += 1;
            if idx[d] < out_shape[d] {
                break;
            }
            idx[d] = 0;
        }
    }
    HostArray::from_f64(out_shape, &out, a.dtype())
}

const OIHW_TO_HWIO: [usize; 4] = [2, 3, 1, 0];
const HWIO_TO_OIHW: [usize; 4] = [3, 2, 0, 1];

fn affine(field: &str) -> Option<&'static str> {
    match field {
        "weight" => Some("scale"),
        "bias" => Some("offset"),
        _ => None,
    }
}

/// A PyTorch name's dpxla name, given
/// the first block number of each stage; `Ok(None)` for skipped BN buffers.
fn map_name(name: &str, stage_start: &BTreeMap<usize, usize>) -> Result<Option<String>> {
    let bad = || Error::InvalidInput(format!("unmapped PyTorch ResNet parameter '{name}'"));
    let parts: Vec<&str> = name.split('.').collect();
    let last = *parts.last().unwrap_or(&"");
    if matches!(last, "running_mean" | "running_var" | "num_batches_tracked") {
        return Ok(None);
    }
    let norm = |scope: String| affine(last).map(|f| format!("{scope}/{f}")).ok_or_else(bad);
    let mapped = match parts.as_slice() {
        ["conv1", "weight"] => "stem/conv/w".to_string(),
        ["bn1", _] => norm("stem/norm".into())?,
        ["fc", "weight"] => "head/w".into(),
        ["fc", "bias"] => "head/b".into(),
        [layer, unit, rest @ ..] if layer.starts_with("layer") => {
            let s: usize = layer[5..].parse().map_err(|_| bad())?;
            let i: usize = unit.parse().map_err(|_| bad())?;
            let b = stage_start.get(&s).ok_or_else(bad)? + i;
            let block = format!("block{b:02}");
            match rest {
                [conv, "weight"] if conv.starts_with("conv") => format!("{block}/{conv}/w"),
                [bn, _] if bn.starts_with("bn") => norm(format!("{block}/norm{}", &bn[2..]))?,
                ["downsample", "0", "weight"] => format!("{block}/proj/conv/w"),
                ["downsample", "1", _] => norm(format!("{block}/proj/norm"))?,
                _ => return Err(bad()),
            }
        }
        _ => return Err(bad()),
    };
    Ok(Some(mapped))
}

/// The tensors of `layer*.N.*` names grouped by stage: stage → block count.
fn stage_blocks_of<'a>(names: impl Iterator<Item = &'a str>) -> BTreeMap<usize, usize> {
    let mut blocks: BTreeMap<usize, usize> = BTreeMap::new();
    for n in names {
        let mut it = n.split('.');
        let (Some(l), Some(u)) = (it.next(), it.next()) else {
            continue;
        };
        if let (Some(s), Ok(i)) = (
            l.strip_prefix("layer")
                .and_then(|s| s.parse::<usize>().ok()),
            u.parse::<usize>(),
        ) {
            let e = blocks.entry(s).or_insert(0);
            *e = (*e).max(i + 1);
        }
    }
    blocks
}

/// Converts a torchvision-layout ResNet state_dict to dpxla parameter names
/// and layouts (see the module docs). Returns the converted tensors and the
/// names that were skipped (BatchNorm running statistics).
pub fn resnet_from_torch(tensors: &[(String, HostArray)]) -> Result<(NamedArrays, Vec<String>)> {
    let blocks = stage_blocks_of(tensors.iter().map(|(n, _)| n.as_str()));
    let mut start = BTreeMap::new();
    let mut next = 1;
    for (&s, &n) in &blocks {
        start.insert(s, next);
        next += n;
    }
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for (name, a) in tensors {
        let Some(new) = map_name(name, &start)? else {
            skipped.push(name.clone());
            continue;
        };
        let a = if a.shape.len() == 4 {
            permute(a, &OIHW_TO_HWIO)
        } else if new == "head/w" {
            permute(a, &[1, 0])
        } else {
            a.clone()
        };
        out.push((new, a));
    }
    Ok((out, skipped))
}

/// The inverse of [`resnet_from_torch`] for a model with `stage_blocks`
/// residual blocks per stage ([2, 2, 2, 2] for ResNet-18, [3, 4, 6, 3] for
/// ResNet-50): exports dpxla parameters under torchvision names and layouts.
pub fn resnet_to_torch(
    params: &[(String, HostArray)],
    stage_blocks: &[usize],
) -> Result<Vec<(String, HostArray)>> {
    // Block number → (stage, index in stage), both as torchvision counts them.
    let mut where_: Vec<(usize, usize)> = Vec::new();
    for (s, &n) in stage_blocks.iter().enumerate() {
        where_.extend((0..n).map(|i| (s + 1, i)));
    }
    let bad = |n: &str| Error::InvalidInput(format!("no PyTorch name for dpxla parameter '{n}'"));
    let field = |f: &str| match f {
        "scale" => Some("weight"),
        "offset" => Some("bias"),
        _ => None,
    };
    let mut out = Vec::new();
    for (name, a) in params {
        let parts: Vec<&str> = name.split('/').collect();
        let torch = match parts.as_slice() {
            ["stem", "conv", "w"] => "conv1.weight".to_string(),
            ["stem", "norm", f] => format!("bn1.{}", field(f).ok_or_else(|| bad(name))?),
            ["head", "w"] => "fc.weight".into(),
            ["head", "b"] => "fc.bias".into(),
            [block, rest @ ..] if block.starts_with("block") => {
                let b: usize = block[5..].parse().map_err(|_| bad(name))?;
                let &(s, i) = where_.get(b.wrapping_sub(1)).ok_or_else(|| bad(name))?;
                let pre = format!("layer{s}.{i}");
                match rest {
                    [conv, "w"] if conv.starts_with("conv") => format!("{pre}.{conv}.weight"),
                    [norm, f] if norm.starts_with("norm") => format!(
                        "{pre}.bn{}.{}",
                        &norm[4..],
                        field(f).ok_or_else(|| bad(name))?
                    ),
                    ["proj", "conv", "w"] => format!("{pre}.downsample.0.weight"),
                    ["proj", "norm", f] => {
                        format!("{pre}.downsample.1.{}", field(f).ok_or_else(|| bad(name))?)
                    }
                    _ => return Err(bad(name)),
                }
            }
            _ => return Err(bad(name)),
        };
        let a = if a.shape.len() == 4 {
            permute(a, &HWIO_TO_OIHW)
        } else if torch == "fc.weight" {
            permute(a, &[1, 0])
        } else {
            a.clone()
        };
        out.push((torch, a));
    }
    Ok(out)
}
