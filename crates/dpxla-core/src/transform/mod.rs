//! Graph-to-graph transformations: `vjp` (reverse mode) and `vmap`
//! (batching). Rules are written with the same builder API as user code
//! (Autodidax), one exhaustive `match` per file, one arm per primitive.
//! See docs/design.md, "Module map".

pub mod ghost;
pub mod ghost_ws;
mod util;
mod vjp;
mod vjp_conv;
mod vjp_rules;
mod vmap;
mod vmap_conv;
mod vmap_conv_patches;
mod vmap_rules;
pub mod ws_jacobian;

pub use vjp::{value_and_grad, vjp};
pub use vmap::vmap;

use crate::trace::{verify, Graph, TraceResult};

/// Re-check a transformed graph in debug builds (and so in tests).
fn checked(g: Graph) -> TraceResult<Graph> {
    if cfg!(debug_assertions) {
        verify(&g)?;
    }
    Ok(g)
}
