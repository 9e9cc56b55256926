//! Pins every `#[repr(C)]` struct of the PJRT binding to the C header shipped with
//! the plugin: a C probe compiled against `include/pjrt_c_api.h` prints `sizeof`
//! of each struct, and the Rust sizes must match exactly.

use dpxla_pjrt::runtime::PluginQuery;
use std::process::Command;

#[test]
fn struct_sizes_match_the_plugin_header() {
    let plugin = PluginQuery::cpu().resolve().expect("CPU plugin");
    let header = plugin.parent().unwrap().join("include/pjrt_c_api.h");
    assert!(
        header.is_file(),
        "header not shipped at {}",
        header.display()
    );
    let sizes = dpxla_pjrt::runtime::ffi::struct_sizes();
    let dir = std::env::temp_dir().join(format!("dpxla-abi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut c = String::from("#include <stdio.h>\n#include \"pjrt_c_api.h\"\nint main(void) {\n");
    for (name, _) in &sizes {
        c.push_str(&format!("  printf(\"{name} %zu\\n\", sizeof({name}));\n"));
    }
    c.push_str("  return 0;\n}\n");
    let src = dir.join("probe.c");
    let exe = dir.join("probe");
    std::fs::write(&src, c).unwrap();
    let status = Command::new("cc")
        .arg("-I")
        .arg(header.parent().unwrap())
        .arg(&src)
        .arg("-o")
        .arg(&exe)
        .status()
        .expect("a C compiler (cc) is needed for the ABI test");
    assert!(status.success(), "the C probe did not compile");
    let out = Command::new(&exe).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let mut checked = 0;
    for line in text.lines() {
        let (name, size) = line.split_once(' ').unwrap();
        let c_size: usize = size.parse().unwrap();
        let rust = sizes.iter().find(|(n, _)| *n == name).unwrap().1;
        assert_eq!(rust, c_size, "{name}: Rust {rust} bytes, C header {c_size}");
        checked += 1;
    }
    assert_eq!(checked, sizes.len());
}
