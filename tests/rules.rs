//! One fixture per rule: a copy of an example plan with one realistic mistake, the code that must
//! fire, and a snapshot of exactly what the user sees (`dxplan check`, human format, Vietnamese).

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
}

#[derive(Deserialize)]
struct Replace {
    file: String,
    old: String,
    new: String,
}

fn fixtures() -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(common::root().join("tests/fixtures/rules"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

/// Builds the broken plan of a fixture in a temporary directory.
fn materialise(fixture_dir: &Path) -> (Fixture, tempfile::TempDir) {
    let text = std::fs::read_to_string(fixture_dir.join("fixture.yaml")).unwrap();
    let fx: Fixture = serde_saphyr::from_str(&text).unwrap();
    let dir = common::example_copy(&fx.base);
    for r in &fx.replace {
        let p = dir.path().join(&r.file);
        let s = std::fs::read_to_string(&p).unwrap();
        assert!(
            s.contains(&r.old),
            "{}: `{}` not found in {}",
            fixture_dir.display(),
            r.old,
            r.file
        );
        std::fs::write(&p, s.replacen(&r.old, &r.new, 1)).unwrap();
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

#[test]
fn every_rule_fires_on_its_fixture() {
    for fdir in fixtures() {
        let (fx, dir) = materialise(&fdir);
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
        insta::assert_snapshot!(format!("rule_{}", fx.expect), human);
    }
}

#[test]
fn every_rule_has_a_fixture() {
    let have: Vec<String> = fixtures()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for r in dxplan::check::rules::ALL {
        assert!(
            have.iter().any(|h| h == r.code),
            "no fixture for {} {}",
            r.code,
            r.name
        );
    }
}

#[test]
fn examples_pass_with_no_errors() {
    for ex in ["tinh-ha-lam", "bo-hang-hai"] {
        let (json, code) = common::check_json(&common::example(ex));
        assert_eq!(json["summary"]["errors"], 0, "{ex}: {json:#}");
        assert_eq!(json["summary"]["warnings"], 0, "{ex}: {json:#}");
        assert_eq!(code, 0);
    }
}
