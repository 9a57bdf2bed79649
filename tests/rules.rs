//! One fixture per rule, each its own test (`cargo test DX060` runs one): a copy of an example plan
//! with one realistic mistake, the code that must fire, and a snapshot of exactly what the user
//! sees (`dxplan check`, human format, Vietnamese). Renderer rules (`build: true`) are checked on
//! the output of `dxplan build --format pdf`.

mod common;

use std::path::Path;

use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    base: String,
    expect: String,
    #[serde(default)]
    replace: Vec<Replace>,
    #[serde(default)]
    delete: Vec<String>,
    /// The rule fires while rendering the PDF, not in `check`.
    #[serde(default)]
    build: bool,
}

#[derive(Deserialize)]
struct Replace {
    file: String,
    old: String,
    new: String,
}

/// Builds the broken plan of a fixture in a temporary directory. A rule's directory holds
/// `fixture.yaml` and may hold more cases as `fixture-<case>.yaml` (files/ is shared).
fn materialise_file(path: &Path) -> (Fixture, tempfile::TempDir) {
    let fixture_dir = path.parent().unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let fx: Fixture = serde_saphyr::from_str(&text).unwrap();
    let dir = common::example_copy(&fx.base);
    for r in &fx.replace {
        common::edit(dir.path(), &r.file, &r.old, &r.new);
    }
    for d in &fx.delete {
        std::fs::remove_file(dir.path().join(d)).unwrap();
    }
    let files = fixture_dir.join("files");
    if files.exists() {
        common::copy_dir(&files, dir.path());
    }
    (fx, dir)
}

fn rule(path: &Path) -> datatest_stable::Result<()> {
    let fdir = path.parent().unwrap();
    let (fx, dir) = materialise_file(path);
    if fx.build {
        return build_rule(&fx, dir.path());
    }
    let (json, code) = common::check_json(dir.path());
    let codes = common::codes(&json);
    assert!(
        codes.contains(&fx.expect),
        "{}: expected {} among {:?}",
        fdir.display(),
        fx.expect,
        codes
    );
    let errors = json["summary"]["errors"].as_u64().unwrap();
    assert_eq!(code, if errors > 0 { 1 } else { 0 }, "{}", fdir.display());

    let out = common::dxplan()
        .args(["check", "--color", "never"])
        .arg(dir.path())
        .output()
        .unwrap();
    let human = String::from_utf8(out.stdout).unwrap();
    let case = path
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.strip_prefix("fixture-"))
        .map(|c| format!("_{c}"))
        .unwrap_or_default();
    insta::assert_snapshot!(format!("rule_{}{case}", fx.expect), human);
    Ok(())
}

/// A renderer's finding: `build --format pdf` succeeds and names the rule on stderr.
fn build_rule(fx: &Fixture, dir: &Path) -> datatest_stable::Result<()> {
    if !cfg!(feature = "pdf") {
        return Ok(()); // a binary without PDF has no PDF findings
    }
    let out = common::dxplan()
        .args(["build", "--format", "pdf", "-o"])
        .arg(dir.join("out.pdf"))
        .arg(dir)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains(&fx.expect), "expected {} in: {err}", fx.expect);
    Ok(())
}

datatest_stable::harness! {
    { test = rule, root = "tests/fixtures/rules", pattern = r"fixture(-[a-z0-9-]+)?\.yaml$" },
}
