//! Sizes checked before anything large is allocated (issue 27, item 5): a
//! batch or a parameter set that cannot fit in memory used to abort the
//! process in the allocator (`data.image_size = 5000`: exit 134 with a
//! backtrace). Here it is an error naming the setting and the bytes.

use crate::{Error, Result};

/// The machine's memory in bytes (`MemTotal` of /proc/meminfo), where known.
pub(crate) fn total_memory() -> Option<u128> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = text.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kib: u128 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

fn gb(bytes: u128) -> String {
    format!("{:.1} GB", bytes as f64 / 1e9)
}

/// Refuses `bytes` of `what` above half the machine's memory (or beyond
/// u128 arithmetic); `fix` says which setting to lower.
fn check(what: &str, bytes: Option<u128>, fix: &str) -> Result<()> {
    let limit = total_memory().map(|m| m / 2);
    let too_big = match (bytes, limit) {
        (None, _) => true,
        (Some(b), Some(l)) => b > l,
        // Unknown memory: only sizes no machine has (1 PB) are refused.
        (Some(b), None) => b > 1 << 50,
    };
    if !too_big {
        return Ok(());
    }
    let size = bytes.map_or("more bytes than 128-bit arithmetic counts".into(), |b| {
        format!("{b} bytes ({})", gb(b))
    });
    let mem = limit.map_or(String::new(), |l| {
        format!(", more than half of this machine's {}", gb(2 * l))
    });
    Err(Error::InvalidInput(format!(
        "{what} would take {size}{mem}: lower {fix}"
    )))
}

/// One host batch of `rows` examples × `views` of f32 images of `shape`, and
/// `params` parameter elements (f32 or f64 of `dtype_bytes`).
pub fn check_run_sizes(
    rows: usize,
    views: usize,
    shape: &[usize],
    params: u128,
    dtype_bytes: u128,
) -> Result<()> {
    let pixels = shape
        .iter()
        .try_fold(1u128, |a, &d| a.checked_mul(d as u128));
    let batch = pixels
        .and_then(|p| p.checked_mul(rows as u128 * views.max(1) as u128))
        .and_then(|p| p.checked_mul(4));
    check(
        &format!(
            "one physical batch ({rows} rows x {} views of {shape:?} f32 images)",
            views.max(1)
        ),
        batch,
        "data.image_size or training.physical_batch",
    )?;
    check(
        &format!("the model's {params} parameters for inputs of {shape:?}"),
        params.checked_mul(dtype_bytes),
        "data.image_size (or choose a smaller model)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_beyond_memory_is_an_error_naming_the_key_and_bytes() {
        let err = check_run_sizes(64, 1, &[5000, 5000, 3], 1000, 4).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("data.image_size") && msg.contains("19200000000 bytes"),
            "{msg}"
        );
        let err = check_run_sizes(8, 1, &[usize::MAX, usize::MAX, 3], 1, 4).unwrap_err();
        assert!(err.to_string().contains("128-bit"), "{err}");
        assert!(check_run_sizes(64, 2, &[28, 28, 1], 500_000, 4).is_ok());
    }
}
