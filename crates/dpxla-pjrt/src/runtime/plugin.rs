//! Finding PJRT plugins on disk, and fetching the CPU plugin with pip.
//!
//! Search order (first hit wins):
//! 1. an explicit path (`--plugin PATH`), then the `DPXLA_PLUGIN` environment variable;
//! 2. the platform's file in the dpxla cache (`$XDG_CACHE_HOME/dpxla` or
//!    `~/.cache/dpxla`);
//! 3. the platform's file in Python's site-packages (where `pip install` puts
//!    `xla-cpu-pjrt`, `jax-cuda12-pjrt`, `jax-cuda13-pjrt` or `libtpu`);
//! 4. for `cpu` only, and only when asked: `python3 -m pip download --no-deps
//!    xla-cpu-pjrt==VERSION` into the cache, its SHA-256 and that of the library
//!    checked against the pins (`plugin_pin`), unpacked, then loaded to check it works.

use super::api::Api;
use super::client::{Client, OptionValue};
use crate::{Error, Result};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

/// Environment variable naming a plugin file; overrides platform search.
pub const PLUGIN_ENV: &str = "DPXLA_PLUGIN";

/// A platform with a known PJRT plugin package.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Platform {
    Cpu,
    Cuda,
    Tpu,
}

impl FromStr for Platform {
    type Err = Error;
    fn from_str(s: &str) -> Result<Platform> {
        match s.to_ascii_lowercase().as_str() {
            "cpu" => Ok(Platform::Cpu),
            "cuda" | "gpu" => Ok(Platform::Cuda),
            "tpu" => Ok(Platform::Tpu),
            other => Err(Error::InvalidInput(format!(
                "unknown platform '{other}': expected cpu, cuda or tpu"
            ))),
        }
    }
}

impl std::fmt::Display for Platform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Platform::Cpu => "cpu",
            Platform::Cuda => "cuda",
            Platform::Tpu => "tpu",
        })
    }
}

impl Platform {
    /// The platform of a plugin file, from its name as the platform's package
    /// installs it (`xla_cpu_pjrt.so`, `xla_cuda_plugin.so`, `libtpu.so`);
    /// `None` for any other name.
    pub fn of_plugin_file(path: &Path) -> Option<Platform> {
        let name = path.file_name()?.to_str()?;
        [Platform::Cpu, Platform::Cuda, Platform::Tpu]
            .into_iter()
            .find(|p| {
                p.relative_paths()
                    .iter()
                    .any(|rel| rel.rsplit('/').next() == Some(name))
            })
    }

    /// Plugin files relative to a cache folder or a site-packages folder.
    fn relative_paths(self) -> &'static [&'static str] {
        match self {
            Platform::Cpu => &[
                "xla_cpu_pjrt/xla_cpu_pjrt.so",
                "xla_plugins/xla_cpu_pjrt/xla_cpu_pjrt.so",
            ],
            Platform::Cuda => &[
                "jax_plugins/xla_cuda13/xla_cuda_plugin.so",
                "jax_plugins/xla_cuda12/xla_cuda_plugin.so",
            ],
            Platform::Tpu => &["libtpu/libtpu.so"],
        }
    }

    /// What to install when nothing is found.
    fn install_hint(self) -> &'static str {
        match self {
            Platform::Cpu => "run `dpxla plugin fetch cpu` (needs python3 and pip) or `python3 -m pip install xla-cpu-pjrt`",
            Platform::Cuda => "`python3 -m pip install jax-cuda13-pjrt` (or jax-cuda12-pjrt for CUDA 12)",
            Platform::Tpu => "`python3 -m pip install libtpu`",
        }
    }
}

/// How to find a plugin: an explicit file, or a platform to search for.
#[derive(Clone, Debug)]
pub struct PluginQuery {
    pub path: Option<PathBuf>,
    pub platform: Platform,
    /// For `cpu`: fetch the plugin with pip when it is not found.
    pub allow_fetch: bool,
}

impl PluginQuery {
    /// The default: the CPU plugin, fetched on first use.
    pub fn cpu() -> PluginQuery {
        PluginQuery {
            path: None,
            platform: Platform::Cpu,
            allow_fetch: true,
        }
    }

    /// Finds the plugin file, fetching the CPU plugin if allowed.
    pub fn resolve(&self) -> Result<PathBuf> {
        let mut tried = Vec::new();
        let explicit = self.path.clone().map(|p| (p, "--plugin")).or_else(|| {
            std::env::var_os(PLUGIN_ENV)
                .filter(|v| !v.is_empty())
                .map(|v| (PathBuf::from(v), PLUGIN_ENV))
        });
        if let Some((path, origin)) = explicit {
            if path.is_file() {
                return Ok(path);
            }
            return Err(Error::PluginNotFound(format!(
                "PJRT plugin {} (from {origin}) does not exist or is not a file",
                path.display()
            )));
        }
        for dir in cache_dir().into_iter().chain(python_site_dirs()) {
            for rel in self.platform.relative_paths() {
                let candidate = dir.join(rel);
                if candidate.is_file() {
                    return Ok(candidate);
                }
                if !tried.contains(&candidate) {
                    tried.push(candidate);
                }
            }
        }
        if self.platform == Platform::Cpu && self.allow_fetch {
            let cache = cache_dir().ok_or_else(|| {
                Error::PluginNotFound("no cache folder: set HOME or XDG_CACHE_HOME".into())
            })?;
            return fetch_cpu_plugin(&cache);
        }
        let tried: Vec<String> = tried.iter().map(|p| format!("  {}", p.display())).collect();
        Err(Error::PluginNotFound(format!(
            "no PJRT plugin for platform '{}'. Looked in:\n{}\nInstall it: {}; or pass \
             --plugin PATH / set {PLUGIN_ENV}.",
            self.platform,
            tried.join("\n"),
            self.platform.install_hint()
        )))
    }

    /// Finds and loads the plugin.
    pub fn load(&self) -> Result<&'static Api> {
        Api::load(&self.resolve()?)
    }

    /// The platform whose options the plugin gets: that of an explicit plugin
    /// file when its name tells (a CUDA plugin given by path is a CUDA plugin
    /// whatever `platform` says), else `platform`.
    pub fn options_platform(&self, file: &Path) -> Platform {
        Platform::of_plugin_file(file).unwrap_or(self.platform)
    }

    /// Finds and loads the plugin and creates a client on it, after checking
    /// that every option is one the platform's plugin knows, with its type
    /// (`client_options::check_options`): no unknown name reaches a plugin.
    pub fn client(&self, options: &[(&str, OptionValue)]) -> Result<Client> {
        let file = self.resolve()?;
        super::client_options::check_options(self.options_platform(&file), options)?;
        Client::new(Api::load(&file)?, options)
    }

    /// As [`PluginQuery::client`], for a process of a multi-process run: the
    /// plugin also gets `kv` as its key-value store (`Client::new_distributed`).
    pub fn client_distributed(
        &self,
        options: &[(&str, OptionValue)],
        kv: std::sync::Arc<super::kv_store::KvClient>,
    ) -> Result<Client> {
        let file = self.resolve()?;
        super::client_options::check_options(self.options_platform(&file), options)?;
        Client::new_distributed(Api::load(&file)?, options, kv)
    }
}

/// `$XDG_CACHE_HOME/dpxla`, else `~/.cache/dpxla`.
pub fn cache_dir() -> Option<PathBuf> {
    let xdg = std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty());
    let base = xdg
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("dpxla"))
}

/// Python's site-packages folders (system and user), if python3 is available.
fn python_site_dirs() -> Vec<PathBuf> {
    let script = "import site,sys\n\
                  dirs=list(getattr(site,'getsitepackages',lambda:[])())\n\
                  dirs.append(site.getusersitepackages())\n\
                  dirs+= [p for p in sys.path if p.endswith('-packages')]\n\
                  print('\\n'.join(dirs))";
    match Command::new("python3").args(["-c", script]).output() {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| !l.is_empty())
            .map(PathBuf::from)
            .collect(),
        _ => Vec::new(),
    }
}

/// Downloads the `xla-cpu-pjrt` wheel with pip (no dependencies), unpacks its
/// plugin folder into `cache/xla_cpu_pjrt/`, and checks the library loads.
pub fn fetch_cpu_plugin(cache: &Path) -> Result<PathBuf> {
    // One fetch at a time per process (parallel tests may all miss the cache); a
    // second caller then finds the finished folder.
    static FETCH: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _guard = FETCH.lock().unwrap_or_else(|p| p.into_inner());
    let done = cache.join("xla_cpu_pjrt/xla_cpu_pjrt.so");
    if done.is_file() {
        return Ok(done);
    }
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| dpxla_core::Error::Io { path, source }
    };
    std::fs::create_dir_all(cache).map_err(io(cache))?;
    let work = cache.join(format!(".fetch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(io(&work))?;
    let result = fetch_into(cache, &work);
    let _ = std::fs::remove_dir_all(&work);
    let path = result?;
    Api::load(&path)?;
    Ok(path)
}

fn fetch_into(cache: &Path, work: &Path) -> Result<PathBuf> {
    eprintln!("dpxla: fetching the XLA CPU plugin (python3 -m pip download xla-cpu-pjrt)...");
    run_tool(
        Command::new("python3")
            .args([
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary=:all:",
                "--dest",
            ])
            .arg(work)
            .arg(format!(
                "xla-cpu-pjrt=={}",
                super::plugin_pin::CPU_PLUGIN_VERSION
            )),
        "python3 -m pip download xla-cpu-pjrt",
    )?;
    let wheel = std::fs::read_dir(work)
        .map_err(|source| dpxla_core::Error::Io {
            path: work.to_path_buf(),
            source,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "whl"))
        .ok_or_else(|| Error::PluginNotFound("pip downloaded no xla-cpu-pjrt wheel".into()))?;
    // Pinned digests: the wheel before unpacking it, the library before it is
    // moved into the cache (and so before it is ever loaded).
    let (wheel_sha, so_sha) = super::plugin_pin::cpu_plugin_digests()?;
    super::plugin_pin::verify_sha256(&wheel, wheel_sha)?;
    let unpacked = work.join("unpacked");
    run_tool(
        Command::new("python3")
            .args(["-m", "zipfile", "-e"])
            .arg(&wheel)
            .arg(&unpacked),
        "python3 -m zipfile -e (unpacking the wheel)",
    )?;
    let src = unpacked.join("xla_plugins/xla_cpu_pjrt");
    if !src.join("xla_cpu_pjrt.so").is_file() {
        return Err(Error::PluginNotFound(format!(
            "the wheel {} has no xla_plugins/xla_cpu_pjrt/xla_cpu_pjrt.so",
            wheel.display()
        )));
    }
    super::plugin_pin::verify_sha256(&src.join("xla_cpu_pjrt.so"), so_sha)?;
    let dest = cache.join("xla_cpu_pjrt");
    if !dest.join("xla_cpu_pjrt.so").is_file() {
        let _ = std::fs::remove_dir_all(&dest);
        // A rename within the cache is atomic: a concurrent fetch either wins or
        // finds the finished folder.
        if let Err(source) = std::fs::rename(&src, &dest) {
            if !dest.join("xla_cpu_pjrt.so").is_file() {
                return Err(dpxla_core::Error::Io { path: dest, source }.into());
            }
        }
    }
    eprintln!("dpxla: CPU plugin installed in {}", dest.display());
    Ok(dest.join("xla_cpu_pjrt.so"))
}

fn run_tool(cmd: &mut Command, what: &str) -> Result<()> {
    let out = cmd.output().map_err(|e| {
        Error::PluginNotFound(format!("cannot run {what}: {e} (is python3 installed?)"))
    })?;
    if out.status.success() {
        return Ok(());
    }
    Err(Error::PluginNotFound(format!(
        "{what} failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr).trim()
    )))
}
