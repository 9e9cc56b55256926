//! `dpxla plugin ...`: find, fetch and describe PJRT plugins.

use clap::Subcommand;

#[derive(Subcommand)]
pub enum PluginCmd {
    /// Placeholder until the runtime lands.
    Info,
}

pub fn run(cmd: PluginCmd) -> anyhow::Result<()> {
    match cmd {
        PluginCmd::Info => anyhow::bail!("not implemented yet"),
    }
}
