//! Released ⇒ accounted (issue 27, item 2): `output.dir/ledger.json` holds
//! the privacy ledger up to the last step whose outputs left the run. The
//! trainer writes it atomically and fsync'd (`atomic_file`) BEFORE a step's
//! metrics record, progress line or anything else computed from that step is
//! written or shown. Checkpoints come less often, so after a crash the
//! ledger file can be ahead of the checkpoint: the resumed run re-runs those
//! steps with fresh noise, and its accountant starts from this ledger, so the
//! released first runs of those steps stay composed (they are never
//! "un-released" by restarting from an older state).

use crate::{Error, Result};
use dpxla_dp::accountant::{AccountantState, PoissonGaussianEvent};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The file's name in `output.dir`.
pub const FILE: &str = "ledger.json";
const VERSION: u32 = 1;

/// What has been released so far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReleaseLedger {
    pub version: u32,
    /// `Config::resume_digest` of the run (as in its checkpoints).
    pub config_digest: String,
    /// The run position (steps done) of the last released step.
    pub step: u64,
    /// Every mechanism whose output was released, in order: all steps ever
    /// run and released, counting re-runs after a crash again.
    pub accountant: AccountantState,
}

pub fn path(dir: &Path) -> PathBuf {
    dir.join(FILE)
}

/// Writes the ledger before the outputs of run step `step` are released.
pub fn write(dir: &Path, digest: &str, step: u64, accountant: &AccountantState) -> Result<()> {
    let ledger = ReleaseLedger {
        version: VERSION,
        config_digest: digest.to_string(),
        step,
        accountant: accountant.clone(),
    };
    let text = serde_json::to_string(&ledger).expect("the ledger serialises");
    Ok(dpxla_core::atomic_file::write_atomically(
        &path(dir),
        text.as_bytes(),
    )?)
}

/// The ledger file in `dir`, if there is one.
pub fn read(dir: &Path) -> Result<Option<ReleaseLedger>> {
    let p = path(dir);
    let text = match std::fs::read_to_string(&p) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(dpxla_core::Error::Io { path: p, source }.into()),
    };
    let ledger: ReleaseLedger =
        serde_json::from_str(&text).map_err(|e| dpxla_core::Error::Data {
            path: p.clone(),
            offset: None,
            msg: format!("not a dpxla release ledger: {e}"),
        })?;
    if ledger.version != VERSION {
        return Err(Error::InvalidInput(format!(
            "{}: release ledger version {} (this dpxla reads {VERSION})",
            p.display(),
            ledger.version
        )));
    }
    Ok(Some(ledger))
}

/// Whether the merged event list `longer` begins with every step of
/// `shorter` (consecutive steps of one mechanism are one event).
fn extends(longer: &[PoissonGaussianEvent], shorter: &[PoissonGaussianEvent]) -> bool {
    let Some((last, head)) = shorter.split_last() else {
        return true;
    };
    longer.len() >= shorter.len()
        && longer[..head.len()] == *head
        && longer[head.len()].same_mechanism(last)
        && longer[head.len()].steps >= last.steps
}

/// The ledger a resume from a checkpoint with ledger `ckpt` continues: the
/// release ledger `file` where it holds more (steps released after the
/// checkpoint), else the checkpoint's. A ledger of another run, or one that
/// neither extends nor is extended by the checkpoint's, is an error: the
/// folder's history cannot be trusted to say what was released.
pub fn ledger_to_resume(
    dir: &Path,
    digest: &str,
    ckpt: AccountantState,
    file: Option<ReleaseLedger>,
) -> Result<AccountantState> {
    let Some(file) = file else {
        return Ok(ckpt);
    };
    let bad = |why: &str| {
        Err(Error::InvalidInput(format!(
            "{} {why}; it records what this folder's run released, so it is not ignored: \
             resume with the run's own config, or start in a new output.dir",
            path(dir).display()
        )))
    };
    if file.config_digest != digest {
        return bad("belongs to a run with another configuration than the checkpoint's");
    }
    if file.accountant.kind != ckpt.kind {
        return bad("uses another accountant than the checkpoint");
    }
    if extends(&file.accountant.events, &ckpt.events) {
        Ok(file.accountant)
    } else if extends(&ckpt.events, &file.accountant.events) {
        Ok(ckpt)
    } else {
        bad("disagrees with the checkpoint's ledger")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpxla_dp::accountant::AccountantKind;

    fn ledger(events: &[(f64, f64, u64)]) -> AccountantState {
        AccountantState {
            kind: AccountantKind::Rdp,
            events: events
                .iter()
                .map(|&(q, s, t)| PoissonGaussianEvent::new(q, s, t).unwrap())
                .collect(),
        }
    }

    #[test]
    fn the_longer_of_checkpoint_and_release_ledger_is_resumed() {
        let dir = std::env::temp_dir().join(format!("dpxla-ledger-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let ckpt = ledger(&[(1.0, 50.0, 1), (0.1, 1.0, 4)]);
        // Released up to 7 steps, checkpointed at 4: the 7 stay counted.
        let released = ledger(&[(1.0, 50.0, 1), (0.1, 1.0, 7)]);
        write(&dir, "d", 7, &released).unwrap();
        let file = read(&dir).unwrap();
        assert_eq!(file.as_ref().unwrap().step, 7);
        let got = ledger_to_resume(&dir, "d", ckpt.clone(), file.clone()).unwrap();
        assert_eq!(got, released);
        // A checkpoint ahead of an older ledger file keeps its own.
        let older = ReleaseLedger {
            accountant: ckpt.clone(),
            ..file.clone().unwrap()
        };
        let got = ledger_to_resume(&dir, "d", released.clone(), Some(older)).unwrap();
        assert_eq!(got, released);
        // Another run's ledger, or a diverging one, is refused.
        assert!(ledger_to_resume(&dir, "other", ckpt.clone(), file.clone()).is_err());
        let mut diverging = file.unwrap();
        diverging.accountant = ledger(&[(0.1, 2.0, 9)]);
        let err = ledger_to_resume(&dir, "d", ckpt, Some(diverging)).unwrap_err();
        assert!(err.to_string().contains("ledger.json"), "{err}");
        assert!(read(&dir.join("none")).unwrap().is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
