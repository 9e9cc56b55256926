//! The run loop's privacy machinery: everything that keeps what leaves the
//! run accounted (docs/design.md, "DP invariants") — the release ledger and
//! the budget guard that reads it, earlier runs' ledgers, the settings a
//! resume must keep, secure host noise, BandMF correlated noise, private
//! centring, the test ≠ train check and the non-private outputs.

pub mod adaptive_clip;
pub mod bandmf;
pub mod centering;
pub mod init_ledger;
pub mod ledger_guard;
pub mod nonprivate;
pub mod release_ledger;
pub mod resume_check;
pub mod secure_step;
pub mod test_split;
