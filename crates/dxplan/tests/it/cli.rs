//! The command line as users and CI meet it: exit codes, output formats, languages, init, schema.

use crate::common;

use common::{dxplan, example};

#[test]
fn check_exit_codes() {
    dxplan()
        .args(["check"])
        .arg(example("tinh-ha-lam"))
        .assert()
        .code(0);
    // Errors → 1.
    let dir = common::example_copy("tinh-ha-lam");
    std::fs::remove_file(dir.path().join("phan-2/13-giai-phap.yaml")).unwrap();
    dxplan().args(["check"]).arg(dir.path()).assert().code(1);
    // Missing directory, unknown flag → 2.
    dxplan()
        .args(["check", "/nonexistent/plan"])
        .assert()
        .code(2);
    dxplan().args(["check", "--bogus"]).assert().code(2);
    dxplan()
        .args(["check", "--format", "xml"])
        .arg(example("tinh-ha-lam"))
        .assert()
        .code(2);
}

#[test]
fn warnings_and_infos_do_not_fail() {
    let dir = common::example_copy("tinh-ha-lam");
    let p = dir.path().join("dxplan.toml");
    let s = std::fs::read_to_string(&p).unwrap();
    std::fs::write(
        &p,
        s.replace("date = \"2022-12-07\"", "date = \"2022-12-20\""),
    )
    .unwrap();
    let (json, code) = common::check_json(dir.path());
    assert_eq!(common::codes(&json), ["DX093"]);
    assert_eq!(json["summary"]["infos"], 1);
    assert_eq!(code, 0);
}

#[test]
fn json_has_the_documented_shape() {
    let dir = common::example_copy("tinh-ha-lam");
    let p = dir.path().join("phan-2/14-kinh-phi.yaml");
    let s = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, s.replace("total: 128100.5", "total: 1")).unwrap();
    let (json, code) = common::check_json(dir.path());
    assert_eq!(code, 1);
    let d = &json["diagnostics"][0];
    let keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "code",
            "severity",
            "message",
            "hint",
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "clause"
        ]
    );
    assert_eq!(d["code"], "DX060");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], "phan-2/14-kinh-phi.yaml");
    assert_eq!(d["line"], 7);
    assert_eq!(d["column"], 8);
    assert_eq!(d["end_column"], 9);
    assert_eq!(d["clause"], "5406/BTTTT-CĐSQG, Phần II.V");
    assert_eq!(
        json["summary"],
        serde_json::json!({"errors": 1, "warnings": 0, "infos": 0})
    );
    let msg = d["message"].as_str().unwrap();
    assert!(msg.contains("128.100,5"), "{msg}");
}

#[test]
fn english_by_flag() {
    let dir = common::example_copy("tinh-ha-lam");
    std::fs::remove_file(dir.path().join("phan-2/13-giai-phap.yaml")).unwrap();
    let out = dxplan()
        .args(["--lang", "en", "check", "--color", "never"])
        .arg(dir.path())
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("Missing section Phần II.IV"), "{s}");
    assert!(s.contains("Result: 1 errors"), "{s}");
    let out = dxplan()
        .args(["check", "--color", "never"])
        .arg(dir.path())
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("Thiếu mục Phần II.IV „GIẢI PHÁP”"), "{s}");
}

#[test]
fn init_scaffold_lists_only_what_is_left_to_write() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ke-hoach");
    dxplan()
        .args(["init"])
        .arg(&dir)
        .args(["--level", "tinh"])
        .assert()
        .code(0);
    let (json, code) = common::check_json(&dir);
    assert_eq!(code, 1);
    let mut codes = common::codes(&json);
    codes.sort();
    codes.dedup();
    assert_eq!(codes, ["DX012", "DX023", "DX024"], "{json:#}");
    // Every section of the framework has its file, with a schema line and the guidance.
    let f = std::fs::read_to_string(dir.join("phan-2/12-nhiem-vu-an-toan-thong-tin.yaml")).unwrap();
    assert!(f.starts_with("# yaml-language-server: $schema=../.dxplan/plan-section.schema.json"));
    assert!(f.contains("diễn tập thực chiến"), "{f}");
    assert!(dir.join(".dxplan/plan-section.schema.json").exists());
    // Refuses to overwrite, unless --force; the user's edit survives the refusal.
    std::fs::write(dir.join("dxplan.toml"), "# mine\n").unwrap();
    dxplan()
        .args(["init"])
        .arg(&dir)
        .args(["--level", "tinh"])
        .assert()
        .code(2);
    assert_eq!(
        std::fs::read_to_string(dir.join("dxplan.toml")).unwrap(),
        "# mine\n"
    );
    dxplan()
        .args(["init"])
        .arg(&dir)
        .args(["--level", "tinh", "--force"])
        .assert()
        .code(0);
    assert_ne!(
        std::fs::read_to_string(dir.join("dxplan.toml")).unwrap(),
        "# mine\n"
    );
}

/// The layout choices `init` shows in comments are real: uncommented (all but the appendix order,
/// whose ids the new plan lacks), the plan still reads and finds nothing new.
#[test]
fn init_layout_comments_work_uncommented() {
    let tmp = tempfile::tempdir().unwrap();
    dxplan()
        .args(["init"])
        .arg(tmp.path())
        .args(["--level", "tinh"])
        .assert()
        .code(0);
    let toml = tmp.path().join("dxplan.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    let block = text
        .split_once("# [headings]")
        .map(|(_, b)| format!("# [headings]{b}"))
        .unwrap();
    let uncommented: String = block
        .lines()
        .filter(|l| !l.starts_with("# order"))
        .map(|l| format!("{}\n", l.strip_prefix("# ").unwrap_or(l)))
        .collect();
    assert!(
        uncommented.contains("[layout]\npart_heading = \"mot-dong\""),
        "{uncommented}"
    );
    std::fs::write(&toml, format!("{text}\n{uncommented}")).unwrap();
    let (json, _) = common::check_json(tmp.path());
    let mut codes = common::codes(&json);
    codes.sort();
    codes.dedup();
    // DX026: the retitled Phần I, shown to the reviewer.
    assert_eq!(codes, ["DX012", "DX023", "DX024", "DX026"], "{json:#}");
}

#[test]
fn init_for_a_ministry() {
    let tmp = tempfile::tempdir().unwrap();
    dxplan()
        .args(["init"])
        .arg(tmp.path())
        .args(["--level", "bo"])
        .assert()
        .code(0);
    let (json, _) = common::check_json(tmp.path());
    let mut codes = common::codes(&json);
    codes.sort();
    codes.dedup();
    // The proposer of the decision is left to write too (DX094: a decision nobody proposed).
    assert_eq!(codes, ["DX012", "DX023", "DX024", "DX094"], "{json:#}");
}

#[test]
fn schema_is_draft07_with_vietnamese_descriptions() {
    let out = dxplan().args(["schema"]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["$schema"], "http://json-schema.org/draft-07/schema#");
    let sections = v["properties"]["section"]["oneOf"].as_array().unwrap();
    assert_eq!(sections.len(), 19);
    let project = &v["definitions"]["Project"];
    assert_eq!(project["additionalProperties"], false);
    assert!(
        project["properties"]["lead"]["description"]
            .as_str()
            .unwrap()
            .contains("Đơn vị chủ trì")
    );
    let out = dxplan().args(["schema", "--config"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["properties"]["level"].is_object());
}

#[test]
fn rules_and_explain() {
    let out = dxplan().args(["rules"]).output().unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert_eq!(s.lines().count(), dxplan_core::check::rules::ALL.len());
    assert!(s.contains("DX030"));
    let out = dxplan().args(["explain", "DX080"]).output().unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("2323/BTTTT-THH") && s.contains("Vì sao"), "{s}");
    dxplan().args(["explain", "DX999"]).assert().code(2);
}

#[test]
fn huge_file_is_refused_quickly() {
    let dir = common::example_copy("tinh-ha-lam");
    let big = "# ".to_string() + &"x".repeat(5 << 20);
    std::fs::write(dir.path().join("phan-2/99-lon.yaml"), big).unwrap();
    let (json, code) = common::check_json(dir.path());
    assert_eq!(code, 1);
    assert_eq!(common::codes(&json), ["DX003"]);
}

#[test]
fn check_never_modifies_the_plan() {
    let dir = common::example_copy("tinh-ha-lam");
    let before: Vec<(std::path::PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir.path())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect();
    dxplan().args(["check"]).arg(dir.path()).assert().code(0);
    for (p, bytes) in before {
        assert_eq!(std::fs::read(&p).unwrap(), bytes, "{}", p.display());
    }
}

#[test]
fn the_output_extension_names_the_format_and_never_lies() {
    let tmp = tempfile::tempdir().unwrap();
    let example = common::example("tinh-ha-lam");
    // No --format: `-o x.pdf` is a PDF (feature `pdf`), `-o x.docx` a DOCX.
    let docx = tmp.path().join("x.docx");
    dxplan()
        .arg("build")
        .arg(&example)
        .arg("-o")
        .arg(&docx)
        .assert()
        .code(0);
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK"));
    #[cfg(feature = "pdf")]
    {
        let pdf = tmp.path().join("x.pdf");
        dxplan()
            .arg("build")
            .arg(&example)
            .arg("-o")
            .arg(&pdf)
            .assert()
            .code(0);
        assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    }
    // A DOCX is never written under a .pdf name.
    let wrong = tmp.path().join("y.pdf");
    let o = dxplan()
        .arg("build")
        .arg(&example)
        .args(["--format", "docx", "-o"])
        .arg(&wrong)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("đuôi .pdf"));
    assert!(!wrong.exists());
}

#[test]
fn io_errors_are_said_in_vietnamese() {
    let o = dxplan()
        .args(["check", "/khong/co/thu-muc-nay"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("không có tệp hoặc thư mục này"), "{err}");
    assert!(!err.contains("os error"), "{err}");
}
