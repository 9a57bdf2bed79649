//! The built-in frameworks (`schema/frameworks/*.yaml`) pre-read into JSON at build time: `check`
//! parses its framework at every run, and for a small plan that parse was a fifth of the work; JSON
//! is read several times faster. The YAML stays the source (DECISIONS 70); a framework file a
//! user gives is read from its YAML as before.

use std::path::{Path, PathBuf};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/frameworks");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed={}", dir.display());
    for entry in std::fs::read_dir(&dir).expect("schema/frameworks") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_none_or(|x| x != "yaml") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("a framework file");
        let value: serde_json::Value =
            serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.with_extension("json");
        let name = name.file_name().expect("a file name");
        std::fs::write(out.join(name), value.to_string()).expect("OUT_DIR is writable");
    }
}
