//! `dpxla plugin ...`: find, fetch and describe PJRT plugins.

use super::PluginArgs;
use anyhow::Context;
use clap::Subcommand;
use dpxla::runtime::{client_options, plugin, Platform};

#[derive(Subcommand)]
pub enum PluginCmd {
    /// Print the plugin's platform, versions, PJRT API version and devices, then
    /// compile and run a tiny program on it as a smoke test.
    Info {
        #[command(flatten)]
        plugin: PluginArgs,
        /// Number of CPU devices to create (CPU plugin option `cpu_device_count`).
        #[arg(long)]
        cpu_devices: Option<i64>,
    },
    /// Download a plugin into the dpxla cache (only `cpu` is fetchable: its wheel is
    /// `xla-cpu-pjrt`, fetched with `python3 -m pip download --no-deps`).
    Fetch {
        /// Platform to fetch.
        #[arg(default_value = "cpu")]
        platform: Platform,
    },
}

pub fn run(cmd: PluginCmd) -> anyhow::Result<()> {
    match cmd {
        PluginCmd::Info {
            plugin,
            cpu_devices,
        } => info(&plugin, cpu_devices),
        PluginCmd::Fetch { platform } => fetch(platform),
    }
}

fn info(args: &PluginArgs, cpu_devices: Option<i64>) -> anyhow::Result<()> {
    let query = args.query();
    // Checked against the platform's option table: `--cpu-devices` on a GPU
    // plugin is refused by dpxla, not sent for the plugin to reject.
    let options: Vec<(&str, dpxla::runtime::OptionValue)> = cpu_devices
        .map(|n| {
            (
                client_options::CPU_DEVICE_COUNT,
                dpxla::runtime::OptionValue::Int(n),
            )
        })
        .into_iter()
        .collect();
    let client = query.client(&options)?;
    let api = client.api();
    let (major, minor) = api.version();
    println!("plugin:           {}", api.path().display());
    println!("platform:         {}", client.platform_name()?);
    println!("platform version: {}", client.platform_version()?);
    println!("PJRT C API:       {major}.{minor}");
    for (name, value) in api.attributes()? {
        println!("attribute:        {name} = {value}");
    }
    println!("devices:          {}", client.devices().len());
    for d in client.devices() {
        println!("  [{}] id={} kind={} ({})", d.index, d.id, d.kind, d.debug);
    }
    let smoke = client.smoke_test()?;
    println!(
        "smoke test:       ok (2x+1 compiled in {:.1} ms, ran in {:.3} ms)",
        smoke.compile.as_secs_f64() * 1e3,
        smoke.execute.as_secs_f64() * 1e3
    );
    Ok(())
}

fn fetch(platform: Platform) -> anyhow::Result<()> {
    if platform != Platform::Cpu {
        anyhow::bail!(dpxla::Error::InvalidInput(format!(
            "only the cpu plugin can be fetched; for {platform} install its package with pip"
        )));
    }
    let cache = plugin::cache_dir().context("no cache folder: set HOME or XDG_CACHE_HOME")?;
    let path = plugin::fetch_cpu_plugin(&cache)?;
    println!("{}", path.display());
    Ok(())
}
