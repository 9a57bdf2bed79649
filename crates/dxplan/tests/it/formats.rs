//! Every output format of `check` on one plan with several findings (an error, warnings, an info),
//! snapshotted; the exit-code options; the GitHub step summary.

use crate::common;

use std::path::Path;

/// The province example with four kinds of mistakes.
fn plan_with_findings() -> tempfile::TempDir {
    let dir = common::example_copy("tinh-ha-lam");
    common::edit(
        dir.path(),
        "phan-2/14-kinh-phi.yaml",
        "total: 128100.5",
        "total: 128000",
    );
    common::edit(
        dir.path(),
        "phan-2/02-muc-tieu.yaml",
        "    indicator: Số lĩnh vực có dữ liệu được tổng hợp trên nền tảng\n    value: 5\n    unit: lĩnh vực\n",
        "",
    );
    common::edit(
        dir.path(),
        "phan-2/01-can-cu.yaml",
        "number: 942/QĐ-TTg",
        "number: 924/QĐ-TTg",
    );
    common::edit(
        dir.path(),
        "phan-2/13-giai-phap.yaml",
        "Tăng cường hợp tác quốc tế",
        "Ta\u{0306}ng cu\u{031b}o\u{031b}\u{0300}ng hợp tác quốc tế",
    );
    dir
}

/// Run from inside the plan, as CI runs from the checkout: paths in annotations stay short.
fn run(dir: &Path, args: &[&str]) -> (String, i32) {
    let o = common::dxplan()
        .current_dir(dir)
        .arg("check")
        .arg(".")
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(o.stdout).unwrap(),
        o.status.code().unwrap(),
    )
}

#[test]
fn every_format_snapshot() {
    let dir = plan_with_findings();
    for format in ["human", "concise", "json", "sarif", "github", "junit"] {
        let (out, code) = run(dir.path(), &["--format", format, "--color", "never"]);
        assert_eq!(code, 1, "{format}");
        insta::assert_snapshot!(format!("format_{format}"), out);
    }
    let (en, _) = run(dir.path(), &["--format", "concise", "--lang", "en"]);
    insta::assert_snapshot!("format_concise_en", en);
}

#[test]
fn sarif_is_well_formed_and_complete() {
    let dir = plan_with_findings();
    let (out, _) = run(dir.path(), &["--format", "sarif"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run0 = &v["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), dxplan_core::check::rules::ALL.len());
    for r in rules {
        assert!(r["help"]["text"].as_str().unwrap().contains("Căn cứ"));
        assert!(
            ["error", "warning", "note"]
                .contains(&r["defaultConfiguration"]["level"].as_str().unwrap())
        );
    }
    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    for r in results {
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], r["ruleId"]);
        assert!(
            r["locations"][0]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .unwrap()
                > 0
        );
    }
    // Checked from another directory, the plan's files are outside it: `file://` URIs (a bare
    // absolute path is SARIF1004), percent-encoded.
    let elsewhere = tempfile::tempdir().unwrap();
    let o = common::dxplan()
        .current_dir(elsewhere.path())
        .args(["check", "--format", "sarif"])
        .arg(dir.path())
        .output()
        .unwrap();
    let out_elsewhere = String::from_utf8(o.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(&out_elsewhere).unwrap();
    for r in v["runs"][0]["results"].as_array().unwrap() {
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(uri.starts_with("file:///"), "{uri}");
    }
    if !(cfg!(feature = "interop") && common::require_tool("sarif-multitool")) {
        return;
    }
    for out in [out, out_elsewhere] {
        let tmp = tempfile::tempdir().unwrap();
        let input = tmp.path().join("dxplan.sarif");
        let report = tmp.path().join("validation.sarif");
        std::fs::write(&input, &out).unwrap();
        let o = std::process::Command::new("sarif-multitool")
            .arg("validate")
            .arg(&input)
            .arg("-o")
            .arg(&report)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
        let rep: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
        let errors: Vec<_> = rep["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["level"] == "error")
            .collect();
        assert!(errors.is_empty(), "SARIF Multitool: {errors:#?}");
    }
}

#[test]
fn fail_level_and_exit_zero() {
    let dir = common::example_copy("tinh-ha-lam");
    // Only a warning: passes at the default level, fails at --fail-level warning.
    let p = dir.path().join("phan-2/02-muc-tieu.yaml");
    let s = std::fs::read_to_string(&p).unwrap();
    std::fs::write(
        &p,
        s.replacen(
            "    indicator: Số lĩnh vực có dữ liệu được tổng hợp trên nền tảng\n    value: 5\n    unit: lĩnh vực\n",
            "",
            1,
        ),
    )
    .unwrap();
    assert_eq!(run(dir.path(), &[]).1, 0);
    assert_eq!(run(dir.path(), &["--fail-level", "warning"]).1, 1);
    assert_eq!(run(dir.path(), &["--fail-level", "info"]).1, 1);
    let errors = plan_with_findings();
    assert_eq!(run(errors.path(), &["--exit-zero"]).1, 0);
    let o = common::dxplan()
        .args(["check", "--exit-zero", "/nonexistent"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn github_step_summary_beyond_ten() {
    // Eleven projects without a funding source: more annotations than GitHub shows.
    let dir = common::example_copy("tinh-ha-lam");
    let p = dir.path().join("phan-2/16-danh-muc.yaml");
    let s = std::fs::read_to_string(&p)
        .unwrap()
        .replace("    funding: ngân sách địa phương\n", "    funding: NSĐP\n");
    std::fs::write(&p, s).unwrap();
    let summary = tempfile::NamedTempFile::new().unwrap();
    let o = common::dxplan()
        .env("GITHUB_STEP_SUMMARY", summary.path())
        .args(["check", "--format", "github"])
        .arg(dir.path())
        .output()
        .unwrap();
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.lines().filter(|l| l.starts_with("::error ")).count() > 10);
    assert!(out.contains("title=DX053 funding-unknown::"));
    let table = std::fs::read_to_string(summary.path()).unwrap();
    assert!(
        table.contains("| DX053 | funding-unknown | lỗi |"),
        "{table}"
    );
    // With few findings nothing is appended.
    let small = plan_with_findings();
    let s2 = tempfile::NamedTempFile::new().unwrap();
    common::dxplan()
        .env("GITHUB_STEP_SUMMARY", s2.path())
        .args(["check", "--format", "github"])
        .arg(small.path())
        .output()
        .unwrap();
    assert_eq!(std::fs::read_to_string(s2.path()).unwrap(), "");
}

/// CI runs from the repository root with the plan in a folder: annotations and SARIF name the
/// file as the repository knows it, or GitHub cannot place them on the diff.
#[test]
fn ci_formats_name_files_from_the_checkout() {
    let dir = plan_with_findings();
    let parent = dir.path().parent().unwrap();
    let name = dir.path().file_name().unwrap().to_str().unwrap();
    for (format, needle) in [
        ("github", format!("file={name}/phan-2/14-kinh-phi.yaml,")),
        (
            "sarif",
            format!("\"uri\": \"{name}/phan-2/14-kinh-phi.yaml\""),
        ),
    ] {
        let o = common::dxplan()
            .current_dir(parent)
            .args(["check", name, "--format", format])
            .output()
            .unwrap();
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains(&needle), "{format}: {out}");
    }
    // The terminal formats keep the plan-relative name.
    let o = common::dxplan()
        .current_dir(parent)
        .args(["check", name, "--format", "concise"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("phan-2/"));
}
