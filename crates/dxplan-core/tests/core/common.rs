//! Helpers of the core's tests: plans checked in-process, as `dxplan check` would report them.

use std::path::{Path, PathBuf};

/// The repository: examples and fixtures are shared by every crate's tests.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn example(name: &str) -> PathBuf {
    root().join("examples").join(name)
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let dest = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// Replaces the first `old` by `new` in a plan file; the text must be there, so tests cannot rot.
pub fn edit(root: &Path, rel: &str, old: &str, new: &str) {
    let p = root.join(rel);
    let s = std::fs::read_to_string(&p).unwrap();
    assert!(s.contains(old), "`{old}` not in {rel}");
    std::fs::write(&p, s.replacen(old, new, 1)).unwrap();
}

/// A temporary copy of an example plan.
pub fn example_copy(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&example(name), dir.path());
    dir
}

/// What `dxplan check --format json` prints for a plan, and its exit code (1 with an error).
pub fn check_json(dir: &Path) -> (serde_json::Value, i32) {
    use dxplan_core::{diag::Severity, lang::Lang, print};
    let (plan, diags) = dxplan_core::check_dir(dir).unwrap();
    let opts = print::Options {
        lang: Lang::Vi,
        color: false,
    };
    let out = print::render(print::Format::Json, &diags, &plan.sources, &opts);
    let code = i32::from(diags.iter().any(|d| d.severity == Severity::Error));
    (serde_json::from_str(&out).unwrap(), code)
}

pub fn codes(v: &serde_json::Value) -> Vec<String> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}
