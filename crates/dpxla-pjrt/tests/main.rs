//! dpxla-pjrt's integration tests: the PJRT C API binding against the real XLA CPU plugin (`DPXLA_TEST_PLATFORM` picks another).

mod kv_store;
mod plugin_pin;
mod program_inputs;
mod runtime_abi;
mod runtime_async;
mod runtime_pjrt;
