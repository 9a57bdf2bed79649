//! A rule fixture (`tests/fixtures/rules/CODE/fixture*.yaml`): a copy of an example plan with one
//! realistic mistake. Shared by the core's in-process rule tests and the command line's tests of
//! renderer rules (`build: true`), so both read fixtures one way.

use std::path::Path;

use serde::Deserialize;

#[derive(Deserialize)]
pub struct Fixture {
    pub base: String,
    /// The rule code a rule fixture expects; layouts (`tests/fixtures/layouts/`) expect none.
    #[serde(default)]
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

// The includer has `plans` (tests/support/plans.rs) beside this module.
use super::plans::{copy_dir, example};

/// Builds the broken plan of a fixture in a temporary directory. A rule's directory holds
/// `fixture.yaml` and may hold more cases as `fixture-<case>.yaml` (files/ is shared).
pub fn materialise(path: &Path) -> (Fixture, tempfile::TempDir) {
    let fixture_dir = path.parent().unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let fx: Fixture = serde_saphyr::from_str(&text).unwrap();
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&example(&fx.base), dir.path());
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

/// The real-plan layouts (`tests/fixtures/layouts/*.yaml`), sorted.
pub fn layouts() -> Vec<std::path::PathBuf> {
    let dir = super::plans::root().join("tests/fixtures/layouts");
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    out.sort();
    out
}
