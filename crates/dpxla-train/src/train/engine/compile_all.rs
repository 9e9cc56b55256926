//! Compiling every program a run can use before its first step (issue 23,
//! item 3), so that no step waits for XLA mid-run, with one progress line.

use crate::train::engine::Engine;
use crate::train::reports::progress::Progress;
use crate::train::sampling::distributed::global_physical_sizes;
use crate::Result;
use dpxla_pjrt::runtime::Client;
use std::time::Instant;

/// Compiles the accumulate and evaluate programs of every physical size the
/// run can use: `sampler::physical_sizes` of `physical` rows (over all
/// replicas), or only the largest in secure mode (`SecureStep::split`). With a
/// compile cache the line says how many programs came from it.
pub fn compile_all(
    engine: &mut Engine,
    client: &Client,
    physical: usize,
    secure: bool,
    progress: &mut Progress,
) -> Result<()> {
    let sizes = if secure {
        vec![physical]
    } else {
        global_physical_sizes(physical, engine.replicas())
    };
    let before = client.compile_cache().map(|c| c.stats());
    let start = Instant::now();
    engine.prepare_all(&sizes, |_, _| ())?;
    let cached = match (client.compile_cache(), before) {
        (Some(c), Some(b)) => format!(", {} from the compile cache", c.stats().hits - b.hits),
        _ => String::new(),
    };
    progress.println(format!(
        "compiled the programs for physical batch sizes {sizes:?} in {:.1} s{cached}",
        start.elapsed().as_secs_f64()
    ));
    Ok(())
}
