//! `training.physical_batch = "auto"` (issue 26, item 5): the largest physical
//! batch whose compiled accumulate program fits a memory budget, from XLA's
//! own memory analysis of the compiled program
//! (`PJRT_Executable_GetCompiledMemoryStats`: argument, output, temporary and
//! code bytes of its buffer assignment; JAX's `Compiled.memory_analysis()`
//! reports the same numbers, and jax_privacy's batch-size autotuning is built
//! on them).
//!
//! The sizes tried are powers of two per device, from 8 upwards (down to 1 if
//! 8 does not fit), up to the first power of two at or above the expected
//! logical batch per device (a larger microbatch would only be padding); the
//! search stops at the first size that does not fit, since a program's
//! buffers grow with its batch. The choice depends only on the model, the
//! settings and the machine, never on the private data: it releases nothing.

use super::Engine;
use crate::train::config::{ByteSize, PhysicalBatch};
use crate::{Error, Result};
use dpxla_pjrt::runtime::CompiledMemoryStats;

/// Where the budget came from (shown with the choice).
#[derive(Clone, Debug, PartialEq)]
pub enum BudgetSource {
    /// `runtime.memory_budget`.
    Config,
    /// The plugin's per-device allocator limit (`PJRT_Device_MemoryStats`).
    DeviceLimit,
    /// Half the host's memory (`MemTotal`), shared by the `n` replicas.
    Host { replicas: usize },
}

/// The budget one replica's accumulate program may use, in bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct MemoryBudget {
    pub bytes: u64,
    pub source: BudgetSource,
}

impl MemoryBudget {
    /// `configured` (bytes per device) if given; else the device's allocator
    /// limit where the plugin reports one; else half the host's memory split
    /// over the replicas (the CPU plugin's devices share the host's memory).
    pub fn resolve(configured: Option<u64>, engine: &Engine) -> Result<MemoryBudget> {
        if let Some(bytes) = configured {
            return Ok(MemoryBudget {
                bytes,
                source: BudgetSource::Config,
            });
        }
        if let Ok(Some(limit)) = engine.device_memory_limit() {
            if limit > 0 {
                return Ok(MemoryBudget {
                    bytes: limit as u64,
                    source: BudgetSource::DeviceLimit,
                });
            }
        }
        let replicas = engine.replicas().max(1);
        let host = super::memory_check::total_memory().ok_or_else(|| {
            Error::InvalidInput(
                "training.physical_batch = \"auto\": this machine's memory is unknown (no \
                 /proc/meminfo) and the plugin reports no device limit; set runtime.memory_budget"
                    .into(),
            )
        })?;
        Ok(MemoryBudget {
            bytes: u64::try_from(host / 2 / replicas as u128).unwrap_or(u64::MAX),
            source: BudgetSource::Host { replicas },
        })
    }

    pub fn describe(&self) -> String {
        let mib = mib(self.bytes);
        match &self.source {
            BudgetSource::Config => format!("{mib} (as given)"),
            BudgetSource::DeviceLimit => format!("{mib} (the device's allocator limit)"),
            BudgetSource::Host { replicas: 1 } => format!("{mib} (half the host's memory)"),
            BudgetSource::Host { replicas } => {
                format!("{mib} (half the host's memory over {replicas} devices)")
            }
        }
    }
}

/// What was chosen and why.
#[derive(Clone, Debug, PartialEq)]
pub struct PhysicalChoice {
    /// Rows per device.
    pub rows: usize,
    /// XLA's bytes for the chosen program.
    pub bytes: u64,
    pub budget: MemoryBudget,
    /// The next size tried and its bytes, when it did not fit.
    pub refused: Option<(usize, u64)>,
    /// The largest size tried (the expected logical batch per device, as a
    /// power of two): the choice stopped there, not at the budget.
    pub capped: bool,
}

impl PhysicalChoice {
    pub fn describe(&self) -> String {
        let why = match self.refused {
            Some((r, b)) => format!("{r} would need {}", mib(b)),
            None if self.capped => "larger would exceed the expected logical batch".into(),
            None => "the largest size tried".into(),
        };
        format!(
            "physical batch auto: {} rows per device (XLA: {} of a budget of {}; {why})",
            self.rows,
            mib(self.bytes),
            self.budget.describe()
        )
    }
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1u64 << 20) as f64)
}

/// The bytes one replica needs to run a program: its arguments and outputs
/// (less what outputs reuse of the arguments), scratch and code; the plugin's
/// own peak where it reports a larger one.
pub fn program_bytes(m: &CompiledMemoryStats) -> u64 {
    let sum = m.arguments + m.outputs - m.aliased + m.temp + m.generated_code;
    sum.max(m.peak).max(0) as u64
}

/// The sizes to try, ascending: powers of two from 1 up to the first at or
/// above `max_rows` (≥ 1).
pub fn candidates(max_rows: usize) -> Vec<usize> {
    let top = max_rows.max(1).next_power_of_two();
    std::iter::successors(Some(1usize), |&r| (r < top).then_some(r * 2)).collect()
}

/// The largest of `sizes` (ascending, each ≥ 1) whose `need` fits `budget`,
/// trying from 8 (or the largest size below it) upwards and, when that does
/// not fit, downwards; `need` is called only for the sizes tried.
pub fn pick(
    sizes: &[usize],
    budget: &MemoryBudget,
    mut need: impl FnMut(usize) -> Result<u64>,
) -> Result<PhysicalChoice> {
    let start = sizes.iter().rposition(|&s| s <= 8).unwrap_or(0);
    let fits = |bytes: u64| bytes <= budget.bytes;
    let first = need(sizes[start])?;
    let mut best: Option<(usize, u64)> = None;
    let mut refused = None;
    if fits(first) {
        best = Some((sizes[start], first));
        for &s in &sizes[start + 1..] {
            let b = need(s)?;
            if !fits(b) {
                refused = Some((s, b));
                break;
            }
            best = Some((s, b));
        }
    } else {
        refused = Some((sizes[start], first));
        for &s in sizes[..start].iter().rev() {
            let b = need(s)?;
            if fits(b) {
                best = Some((s, b));
                break;
            }
            refused = Some((s, b));
        }
    }
    let Some((rows, bytes)) = best else {
        let (r, b) = refused.expect("at least one size was tried");
        return Err(Error::InvalidInput(format!(
            "training.physical_batch = \"auto\": even {r} row(s) per device need {} (XLA's \
             memory analysis of the accumulate program), more than the budget of {}; raise \
             runtime.memory_budget or choose a smaller model",
            mib(b),
            budget.describe()
        )));
    };
    let capped = refused.is_none() && rows == *sizes.last().expect("sizes");
    Ok(PhysicalChoice {
        rows,
        bytes,
        budget: budget.clone(),
        refused,
        capped,
    })
}

/// Chooses the physical batch (rows per device) for `engine`'s model: the
/// accumulate program is compiled at each size tried (the engine keeps the
/// programs; the compile cache keeps them for later runs) and measured by XLA.
/// `expected_batch` is the expected logical batch over all devices.
pub fn choose(
    engine: &mut Engine,
    expected_batch: f64,
    budget: MemoryBudget,
) -> Result<PhysicalChoice> {
    let replicas = engine.replicas().max(1);
    let per_device = (expected_batch / replicas as f64).ceil().max(1.0);
    let max_rows = per_device.min((1u64 << 20) as f64) as usize;
    let sizes = candidates(max_rows);
    pick(&sizes, &budget, |rows| {
        let stats = engine
            .accumulate_program(rows * replicas)?
            .program()
            .executable()
            .compiled_memory_stats()
            .map_err(|e| {
                Error::InvalidInput(format!(
                    "training.physical_batch = \"auto\" needs XLA's memory analysis of the \
                     compiled program, which this plugin does not give ({e}); set \
                     training.physical_batch to a number"
                ))
            })?;
        Ok(program_bytes(&stats))
    })
}

/// `training.physical_batch` in rows per device: the number given, or for
/// `"auto"` the choice on `engine` (with what it was), `expected_batch` being
/// the largest batch over all devices worth compiling for.
pub fn resolve(
    engine: &mut Engine,
    physical: PhysicalBatch,
    memory_budget: Option<ByteSize>,
    expected_batch: f64,
) -> Result<(usize, Option<PhysicalChoice>)> {
    match physical {
        PhysicalBatch::Rows(r) => Ok((r, None)),
        PhysicalBatch::Auto => {
            let budget = MemoryBudget::resolve(memory_budget.map(|b| b.0), engine)?;
            let c = choose(engine, expected_batch, budget)?;
            Ok((c.rows, Some(c)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(bytes: u64) -> MemoryBudget {
        MemoryBudget {
            bytes,
            source: BudgetSource::Config,
        }
    }

    #[test]
    fn candidates_are_powers_of_two_up_to_the_batch() {
        assert_eq!(candidates(1), vec![1]);
        assert_eq!(candidates(100), vec![1, 2, 4, 8, 16, 32, 64, 128]);
        assert_eq!(candidates(128), vec![1, 2, 4, 8, 16, 32, 64, 128]);
    }

    #[test]
    fn pick_takes_the_largest_size_that_fits_and_tries_no_more() {
        let sizes = candidates(1024);
        let mut tried = Vec::new();
        // 1 MB fixed plus 10 kB per row: 64 rows = 1.64 MB fits 2 MB, 128 does not.
        let c = pick(&sizes, &budget(2_000_000), |r| {
            tried.push(r);
            Ok(1_000_000 + 10_000 * r as u64)
        })
        .unwrap();
        assert_eq!(c.rows, 64);
        assert_eq!(c.refused, Some((128, 2_280_000)));
        assert_eq!(tried, vec![8, 16, 32, 64, 128]);
        assert!(!c.capped);
    }

    #[test]
    fn pick_goes_below_eight_and_refuses_when_nothing_fits() {
        let sizes = candidates(1024);
        let c = pick(&sizes, &budget(50), |r| Ok(10 * r as u64)).unwrap();
        assert_eq!(c.rows, 4);
        let err = pick(&sizes, &budget(5), |r| Ok(10 * r as u64)).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("runtime.memory_budget") && msg.contains("1 row"),
            "{msg}"
        );
    }

    #[test]
    fn pick_stops_at_the_expected_batch() {
        let c = pick(&candidates(100), &budget(u64::MAX), |r| Ok(r as u64)).unwrap();
        assert_eq!((c.rows, c.capped, c.refused), (128, true, None));
    }

    #[test]
    fn program_bytes_counts_aliased_outputs_once() {
        let m = CompiledMemoryStats {
            generated_code: 5,
            arguments: 100,
            outputs: 40,
            aliased: 30,
            temp: 7,
            peak: 0,
        };
        assert_eq!(program_bytes(&m), 122);
        assert_eq!(program_bytes(&CompiledMemoryStats { peak: 500, ..m }), 500);
    }
}
