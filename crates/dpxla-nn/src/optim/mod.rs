//! Optimisers, learning-rate schedules and parameter averaging. Updates are graph
//! functions traced into the compiled apply step. See docs/design.md, "Module map".

mod averaging;
mod optimizer;
mod schedule;

pub use averaging::Averaging;
pub use optimizer::Optimizer;
pub use schedule::{Schedule, ScheduleKind};
