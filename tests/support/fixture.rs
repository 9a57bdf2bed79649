//! A rule fixture (`tests/fixtures/rules/CODE/fixture*.yaml`): a copy of an example plan with one
//! realistic mistake. Shared by the core's in-process rule tests and the command line's tests of
//! renderer rules (`build: true`), so both read fixtures one way.

use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Deserialize)]
pub struct Fixture {
    pub base: String,
    pub expect: String,
    #[serde(default)]
    pub replace: Vec<Replace>,
    #[serde(default)]
    pub delete: Vec<String>,
    /// The rule fires while rendering the PDF, not in `check`.
    #[serde(default)]
    pub build: bool,
}

#[derive(Deserialize)]
pub struct Replace {
    pub file: String,
    pub old: String,
    pub new: String,
}

/// The repository root: examples and fixtures are shared by every crate's tests.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
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

/// Builds the broken plan of a fixture in a temporary directory. A rule's directory holds
/// `fixture.yaml` and may hold more cases as `fixture-<case>.yaml` (files/ is shared).
pub fn materialise(path: &Path) -> (Fixture, tempfile::TempDir) {
    let fixture_dir = path.parent().unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let fx: Fixture = serde_saphyr::from_str(&text).unwrap();
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("examples").join(&fx.base), dir.path());
    for r in &fx.replace {
        // The text must be there, so fixtures cannot rot.
        let p = dir.path().join(&r.file);
        let s = std::fs::read_to_string(&p).unwrap();
        assert!(s.contains(&r.old), "`{}` not in {}", r.old, r.file);
        std::fs::write(&p, s.replacen(&r.old, &r.new, 1)).unwrap();
    }
    for d in &fx.delete {
        std::fs::remove_file(dir.path().join(d)).unwrap();
    }
    let files = fixture_dir.join("files");
    if files.exists() {
        copy_dir(&files, dir.path());
    }
    (fx, dir)
}
