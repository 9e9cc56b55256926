//! Errors of the tracing layer and the transformations.

use std::panic::Location;

/// A shape/dtype rule was violated; the message names the problem.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct ShapeError(pub String);

/// Errors returned by `Builder::finish`, `verify`, the transforms and `eval`.
#[derive(Clone, Debug, thiserror::Error)]
pub enum TraceError {
    /// An op in user (or rule) code was given bad shapes/params. Reported
    /// with the caller's location (`#[track_caller]`).
    #[error("{location}: {op} on {shapes}: {msg}")]
    Op {
        op: String,
        shapes: String,
        msg: String,
        location: &'static Location<'static>,
    },
    /// `verify` found an ill-formed graph.
    #[error("invalid graph: {0}")]
    Verify(String),
    /// A transformation cannot handle this graph (with the reason).
    #[error("transform: {0}")]
    Transform(String),
    /// The interpreter was given bad arguments.
    #[error("eval: {0}")]
    Eval(String),
}

pub type TraceResult<T> = std::result::Result<T, TraceError>;
