//! The DOCX is what Word itself accepts: Microsoft's schema rules, as ported by `openxml-audit`
//! (PyPI), report nothing on both examples, a draft, and a generated plan of 400 projects. Word
//! drops or "repairs" out-of-order properties that LibreOffice forgives, so this is the test that
//! speaks for Word.

use crate::common;
#[path = "../../benches/pipeline.rs"]
#[allow(dead_code)]
mod pipeline;

use std::path::Path;

fn audit(docx: &Path) {
    let out = std::process::Command::new("openxml-audit")
        .args(["-m", "0", "-o", "json"])
        .arg(docx)
        .output()
        .expect("openxml-audit runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "openxml-audit output ({e}): {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let report = &v[0];
    assert_eq!(
        report["error_count"],
        0,
        "{}: {:#}",
        docx.display(),
        report["errors"]
    );
    assert_eq!(report["warning_count"], 0, "{}: {report:#}", docx.display());
}

fn build(plan: &Path, out: &Path, extra: &[&str]) {
    let o = common::dxplan()
        .arg("build")
        .arg(plan)
        .args(["--format", "docx", "--force", "-o"])
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
#[cfg_attr(
    not(feature = "interop"),
    ignore = "needs openxml-audit: the interop feature"
)]
fn docx_has_no_schema_findings() {
    if !common::require_tool("openxml-audit") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    for ex in ["tinh-ha-lam", "bo-hang-hai"] {
        let out = tmp.path().join(format!("{ex}.docx"));
        build(&common::example(ex), &out, &[]);
        audit(&out);
    }
    // The layouts of real plans: one-line Phần, labels alone, hand tables with group rows.
    for case in common::fixture::layouts() {
        let (_, dir) = common::fixture::materialise(&case);
        let name = case.file_stem().unwrap().to_string_lossy().into_owned();
        let out = tmp.path().join(format!("{name}.docx"));
        build(dir.path(), &out, &[]);
        audit(&out);
    }
    let draft = tmp.path().join("draft.docx");
    build(&common::example("tinh-ha-lam"), &draft, &["--draft"]);
    audit(&draft);
    // The results report is written by the same writer.
    let report = tmp.path().join("bao-cao.docx");
    build(
        &common::example("tinh-ha-lam"),
        &report,
        &["--document", "bao-cao"],
    );
    audit(&report);
    // The Quyết định alone, and a 6-month report of the ministry.
    let decision = tmp.path().join("quyet-dinh.docx");
    build(
        &common::example("bo-hang-hai"),
        &decision,
        &["--document", "quyet-dinh"],
    );
    audit(&decision);
    let half = tmp.path().join("bao-cao-6-thang.docx");
    build(
        &common::example("bo-hang-hai"),
        &half,
        &["--document", "bao-cao", "--period", "6-thang"],
    );
    audit(&half);
    // Next year's plan as `init --from` writes it (a draft with its generated phụ lục).
    let next = tmp.path().join("nam-sau");
    common::dxplan()
        .arg("init")
        .arg(&next)
        .arg("--from")
        .arg(common::example("tinh-ha-lam"))
        .assert()
        .code(0);
    let next_docx = tmp.path().join("nam-sau.docx");
    build(&next, &next_docx, &[]);
    audit(&next_docx);
    let big = tempfile::tempdir().unwrap();
    pipeline::generate(400, big.path());
    let out = tmp.path().join("big.docx");
    build(big.path(), &out, &[]);
    audit(&out);
}
