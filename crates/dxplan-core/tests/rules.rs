//! One fixture per rule, each its own test (`cargo test DX060` runs one): a copy of an example plan
//! with one realistic mistake, the code that must fire, and a snapshot of exactly what the user
//! sees (`dxplan check`, human format, Vietnamese). Run in-process: no binary, no typst, so a
//! change to a rule is tested in seconds. Renderer rules (`build: true`) are checked on the PDF
//! build by the command line's tests (crates/dxplan/tests/it/build_rules.rs).

#[path = "../../../tests/support/plans.rs"]
#[allow(dead_code)]
mod plans;

#[path = "../../../tests/support/fixture.rs"]
#[allow(dead_code)]
mod fixture;

use std::path::Path;

use dxplan_core::diag::Severity;
use dxplan_core::lang::Lang;
use dxplan_core::print;

fn rule(path: &Path) -> datatest_stable::Result<()> {
    let fdir = path.parent().unwrap();
    let (fx, dir) = fixture::materialise(path);
    if fx.build {
        return Ok(());
    }
    let (plan, diags) = dxplan_core::check_dir(dir.path()).unwrap();
    let codes: Vec<&str> = diags.iter().map(|d| d.rule.code).collect();
    assert!(
        codes.contains(&fx.expect.as_str()),
        "{}: expected {} among {:?}",
        fdir.display(),
        fx.expect,
        codes
    );
    // An error-level rule fails the check; a fixture of a warning must not hide an error.
    let errors = diags.iter().any(|d| d.severity == Severity::Error);
    let expected = diags.iter().find(|d| d.rule.code == fx.expect).unwrap();
    if expected.severity == Severity::Error {
        assert!(errors);
    }
    let opts = print::Options {
        lang: Lang::Vi,
        color: false,
    };
    let human = print::render(print::Format::Human, &diags, &plan.sources, &opts);
    insta::assert_snapshot!(snapshot_name(path, &fx), human);
    Ok(())
}

/// The snapshot name of a fixture: `rule_DX060`, `rule_DX060_case` for `fixture-case.yaml`.
pub fn snapshot_name(path: &Path, fx: &fixture::Fixture) -> String {
    let case = path
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.strip_prefix("fixture-"))
        .map(|c| format!("_{c}"))
        .unwrap_or_default();
    format!("rule_{}{case}", fx.expect)
}

datatest_stable::harness! {
    { test = rule, root = "../../tests/fixtures/rules", pattern = r"fixture(-[a-z0-9-]+)?\.yaml$" },
}
