//! The integration files shipped for plan repositories actually work: their `dxplan` commands run
//! against the examples, and the JSON Schema works in an independent validator.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

/// Every `dxplan …` command of a CI file (`run:` steps, `script:` lines, pre-commit entries).
fn commands(file: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(file).unwrap();
    let mut out = Vec::new();
    for line in text.lines() {
        let t = line.trim().trim_start_matches("- ").trim();
        let t = t.strip_prefix("run:").map(str::trim).unwrap_or(t);
        if t.starts_with("dxplan ") {
            out.push(t.to_string());
        }
    }
    out
}

fn bin_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_dxplan"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn sh(cmd: &str, cwd: &Path, summary: &Path) -> std::process::Output {
    let path = format!(
        "{}:{}",
        bin_dir().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .current_dir(cwd)
        .env("PATH", path)
        .env("GITHUB_STEP_SUMMARY", summary)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn ci_workflows_run_locally() {
    for (file, expect) in [
        ("docs/ci/github-actions.yml", 3),
        ("docs/ci/gitlab-ci.yml", 5),
    ] {
        let cmds = commands(&common::root().join(file));
        assert_eq!(cmds.len(), expect, "{file}: {cmds:?}");
        for ex in ["tinh-ha-lam", "bo-hang-hai"] {
            let dir = common::example_copy(ex);
            let summary = dir.path().join("summary.md");
            for c in &cmds {
                if !cfg!(feature = "pdf") && c.contains("--format all") {
                    continue;
                }
                let o = sh(c, dir.path(), &summary);
                assert!(
                    o.status.success(),
                    "{file} `{c}` on {ex}: {}{}",
                    String::from_utf8_lossy(&o.stdout),
                    String::from_utf8_lossy(&o.stderr)
                );
            }
            if cfg!(feature = "pdf") {
                assert!(dir.path().join("build/ke-hoach.docx").exists());
                assert!(dir.path().join("build/ke-hoach.pdf").exists());
            }
            if file.contains("gitlab") {
                assert!(
                    std::fs::read_to_string(dir.path().join("dxplan-junit.xml"))
                        .unwrap()
                        .contains("<testsuites")
                );
            } else {
                assert!(
                    std::fs::read_to_string(&summary)
                        .unwrap()
                        .contains("Nhiệm vụ trọng tâm")
                );
            }
        }
    }
}

#[test]
fn pre_commit_hook_runs() {
    let hooks = std::fs::read_to_string(common::root().join(".pre-commit-hooks.yaml")).unwrap();
    let v: serde_json::Value = serde_saphyr::from_str(&hooks).unwrap();
    let hooks = v.as_array().unwrap();
    assert!(hooks.iter().any(|h| h["id"] == "dxplan-check"));
    for h in hooks {
        let args: Vec<String> = h["args"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap().to_string())
            .collect();
        let cmd = format!("{} {}", h["entry"].as_str().unwrap(), args.join(" "));
        let dir = common::example_copy("tinh-ha-lam");
        let o = sh(&cmd, dir.path(), &dir.path().join("s"));
        assert!(
            o.status.success(),
            "{cmd}: {}",
            String::from_utf8_lossy(&o.stdout)
        );
    }
    // And it fails a broken plan.
    let dir = common::example_copy("tinh-ha-lam");
    std::fs::remove_file(dir.path().join("phan-2/13-giai-phap.yaml")).unwrap();
    let o = sh(
        "dxplan check --format concise .",
        dir.path(),
        &dir.path().join("s"),
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
#[cfg_attr(
    not(feature = "interop"),
    ignore = "needs check-jsonschema: the interop feature"
)]
fn schema_works_in_an_independent_validator() {
    if !common::require_tool("check-jsonschema") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let schema = tmp.path().join("plan.schema.json");
    let out = common::dxplan().arg("schema").output().unwrap();
    std::fs::write(&schema, &out.stdout).unwrap();
    let mut files: Vec<PathBuf> = Vec::new();
    for ex in ["tinh-ha-lam", "bo-hang-hai"] {
        for e in walkdir::WalkDir::new(common::example(ex))
            .into_iter()
            .filter_map(Result::ok)
        {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "yaml")
                && !p.components().any(|c| c.as_os_str() == "build")
            {
                files.push(p.to_path_buf());
            }
        }
    }
    assert!(files.len() >= 30);
    let o = Command::new("check-jsonschema")
        .arg("--schemafile")
        .arg(&schema)
        .args(&files)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    // A broken file fails: unknown key, wrong type, bad enum.
    let bad = tmp.path().join("bad.yaml");
    std::fs::write(&bad, "section: danh-muc-du-an\nprojects:\n  - id: DA01\n    name: X\n    investmnet: 5\n    status: mới tinh\n    tasks: N1\n").unwrap();
    let o = Command::new("check-jsonschema")
        .arg("--schemafile")
        .arg(&schema)
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!o.status.success());
    let msg = String::from_utf8_lossy(&o.stdout);
    assert!(
        msg.contains("investmnet") || msg.contains("Additional properties"),
        "{msg}"
    );
    // The config schema validates dxplan.toml too (as JSON).
    let cs = tmp.path().join("config.schema.json");
    std::fs::write(
        &cs,
        common::dxplan()
            .args(["schema", "--config"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let toml_text =
        std::fs::read_to_string(common::example("tinh-ha-lam").join("dxplan.toml")).unwrap();
    let value: toml::Value = toml::from_str(&toml_text).unwrap();
    let as_json = tmp.path().join("dxplan.json");
    std::fs::write(&as_json, serde_json::to_string(&value).unwrap()).unwrap();
    let o = Command::new("check-jsonschema")
        .arg("--schemafile")
        .arg(&cs)
        .arg(&as_json)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
}
