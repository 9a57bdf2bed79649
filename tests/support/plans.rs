//! Plans for tests, shared by every crate's tests (included with `#[path]`): the repository's
//! examples, copied to a temporary directory and edited as a test needs.

use std::path::{Path, PathBuf};

/// The repository: examples, fixtures and templates are shared by every crate's tests.
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
