//! PJRT C API binding.
