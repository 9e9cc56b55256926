//! stub
use crate::trace::{Graph, TraceResult};
pub fn vmap(g: &Graph, _in_axes: &[Option<usize>], _batch: usize) -> TraceResult<Graph> {
    Ok(g.clone())
}
