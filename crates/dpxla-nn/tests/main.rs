//! dpxla-nn's integration tests: tracing, vjp, vmap and the layers and models, all on the reference interpreter (no plugin).

mod common;
mod nn_layers;
mod nn_models;
mod optim_update;
mod scatter_models;
mod trace_basic;
mod trace_compose;
mod trace_vjp;
mod trace_vmap;
