//! The CPU plugin download is pinned to a version and its SHA-256, checked
//! before loading (issue 10, item 11).

use dpxla_pjrt::runtime::plugin::cache_dir;
use dpxla_pjrt::runtime::plugin_pin::{cpu_plugin_digests, verify_sha256, CPU_PLUGIN_VERSION};
use dpxla_pjrt::runtime::PluginQuery;

#[test]
fn a_file_with_another_digest_is_refused() {
    let dir = std::env::temp_dir().join(format!("dpxla-pin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("fake.whl");
    std::fs::write(&f, b"not the pinned wheel").unwrap();
    let (wheel, _) = cpu_plugin_digests().unwrap();
    let err = verify_sha256(&f, wheel).unwrap_err().to_string();
    assert!(
        err.contains("SHA-256 mismatch") && err.contains(CPU_PLUGIN_VERSION),
        "{err}"
    );
    // sha256("not the pinned wheel"), computed with coreutils' sha256sum.
    verify_sha256(
        &f,
        "a45cdca5a4d2099c9f8ee5f48b1ffb2144609026147ed214007dabf959f92f3f",
    )
    .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_plugin_dpxla_uses_matches_its_pin() {
    // Resolve (fetching the pinned wheel if needed, which checks both digests);
    // a plugin in dpxla's cache must be exactly the pinned library.
    let path = PluginQuery::cpu().resolve().unwrap();
    let (_, lib) = cpu_plugin_digests().unwrap();
    if path.starts_with(cache_dir().unwrap()) {
        verify_sha256(&path, lib).unwrap();
    }
}
