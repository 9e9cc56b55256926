//! dpxla-dp's integration tests: the accountants against dp-accounting's reference values and their own properties. No XLA plugin is loaded.

mod accountant_pld_window;
mod accountant_reference;
mod adaptive_clip;
mod bandmf_accounting;
mod bandmf_plan;
mod truncated_poisson;
