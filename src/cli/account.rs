//! `dpxla account ...`: privacy accounting from the command line.

use clap::Subcommand;

#[derive(Subcommand)]
pub enum AccountCmd {
    /// Placeholder until the accountant lands.
    Epsilon,
}

pub fn run(cmd: AccountCmd) -> anyhow::Result<()> {
    match cmd {
        AccountCmd::Epsilon => anyhow::bail!("not implemented yet"),
    }
}
