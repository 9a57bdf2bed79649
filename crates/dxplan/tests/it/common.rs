//! Helpers shared by the integration tests.

#[path = "../../../../tests/support/plans.rs"]
#[allow(dead_code)]
pub mod plans;
pub use plans::*;

#[path = "../../../../tests/support/fixture.rs"]
pub mod fixture;

use std::path::{Path, PathBuf};

pub fn dxplan() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("dxplan").unwrap();
    c.env_remove("DXPLAN_LANG").env("NO_COLOR", "1");
    c
}

/// Runs `check --format json` and returns the parsed output and the exit code.
pub fn check_json(dir: &Path) -> (serde_json::Value, i32) {
    let out = dxplan()
        .args(["check", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("bad JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (v, out.status.code().unwrap_or(-1))
}

pub fn codes(v: &serde_json::Value) -> Vec<String> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

/// Whether `python3` can import `module`. Called only by tests of the `interop` feature, which
/// `.ci/run` turns on after installing the readers: a missing one is a failure, never a skip.
pub fn require_python_module(module: &str) -> bool {
    let found = std::process::Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        found,
        "python3 module {module} is needed by the interop tests (.ci/run installs it)"
    );
    found
}

/// Whether `tool` is on PATH; as [`require_python_module`], a missing one fails the test.
pub fn require_tool(tool: &str) -> bool {
    let found = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        found,
        "{tool} is needed by the interop tests (.ci/run installs it)"
    );
    found
}

/// The framework's headings as an example prints them: "Phần I", the part title, "I. TITLE",
/// "1. Title" …, with the example's own titles from `[headings]` in its dxplan.toml.
#[allow(dead_code)]
pub fn printed_headings(fw: &dxplan_core::framework::Framework, example_name: &str) -> Vec<String> {
    use dxplan_core::framework::{Heading, SectionKind, heading_key};
    let toml_text = std::fs::read_to_string(example(example_name).join("dxplan.toml")).unwrap();
    let config: toml::Table = toml::from_str(&toml_text).unwrap();
    let overrides: Vec<(String, String)> = config
        .get("headings")
        .and_then(|h| h.as_table())
        .map(|t| {
            t.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
                .collect()
        })
        .unwrap_or_default();
    let title = |key: &str, fw_title: &str| {
        overrides
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| fw_title.to_string())
    };
    fn walk(
        h: &Heading,
        path: &mut Vec<String>,
        title: &dyn Fn(&str, &str) -> String,
        out: &mut Vec<String>,
    ) {
        path.push(h.number.clone());
        let t = title(&heading_key(path), &h.title);
        let t = if path.len() == 2 { t.to_uppercase() } else { t };
        // As compose prints it: one quotation style, titles of office unbroken.
        let t = dxplan_core::compose::typography(&t).replace('\u{a0}', " ");
        out.push(format!("{}. {t}", h.number));
        // The framework's example solution groups are not headings of the plan.
        if h.kind != Some(SectionKind::Solutions) {
            for c in &h.children {
                walk(c, path, title, out);
            }
        }
        path.pop();
    }
    let mut out = Vec::new();
    for p in &fw.parts {
        out.push(format!("Phần {}", p.number));
        out.push(
            dxplan_core::compose::typography(&title(&p.number, &p.title).to_uppercase())
                .replace('\u{a0}', " "),
        );
        let mut path = vec![p.number.clone()];
        for c in &p.children {
            walk(c, &mut path, &title, &mut out);
        }
    }
    out
}

/// A document converted by LibreOffice (`to` as `--convert-to` takes it: "pdf", "doc",
/// "docx:MS Word 2007 XML"; a fresh profile, so runs do not share state), in `outdir`.
pub fn soffice_convert(file: &Path, to: &str, outdir: &Path) -> PathBuf {
    let profile = tempfile::tempdir().unwrap();
    let o = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(outdir)
        .arg(file)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let ext = to.split(':').next().unwrap();
    let made = outdir.join(file.with_extension(ext).file_name().unwrap());
    assert!(
        made.exists(),
        "LibreOffice wrote no {ext}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    made
}

/// LibreOffice's PDF of a DOCX, in `outdir`.
pub fn soffice_to_pdf(docx: &Path, outdir: &Path) -> PathBuf {
    soffice_convert(docx, "pdf", outdir)
}

/// `dxplan build --format docx` of a plan to `docx`.
pub fn build_docx(plan: &Path, docx: &Path) {
    dxplan()
        .args(["build", "--format", "docx", "-o"])
        .arg(docx)
        .arg(plan)
        .assert()
        .code(0);
}
