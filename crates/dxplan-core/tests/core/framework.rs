//! The framework is data: a second framework file works with no code change, and the built-in
//! 5406 data matches the transcription of the letter.

use crate::common;

use dxplan_core::framework::Framework;

#[test]
fn a_second_framework_is_a_data_file() {
    let dir = common::root().join("tests/fixtures/custom-framework");
    let (json, code) = common::check_json(&dir);
    let codes = common::codes(&json);
    // Its threshold (10 open datasets) is enforced, its sections are the only ones expected, its
    // priority tasks replace NV01–NV23 (so NV01 is unknown here), and its plan year is 2024.
    assert_eq!(code, 1, "{json:#}");
    assert!(codes.contains(&"DX070".to_string()), "{codes:?}");
    assert!(codes.contains(&"DX032".to_string()), "{codes:?}");
    assert!(!codes.contains(&"DX020".to_string()), "{codes:?}");
    assert!(!codes.contains(&"DX054".to_string()), "{codes:?}");
    assert!(!codes.contains(&"DX030".to_string()), "{codes:?}");
    let msgs: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["clause"].as_str().unwrap())
        .collect();
    assert!(msgs.iter().any(|c| c.starts_with("TEST/2024")), "{msgs:?}");
}

fn reference() -> Option<String> {
    let p = common::root().join("../shared/reference/5406-BTTTT-CDSQG.md");
    match std::fs::read_to_string(&p) {
        Ok(s) => Some(s),
        Err(_) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("{} is required in CI", p.display())
        }
        Err(_) => {
            eprintln!("skipping: {} not found", p.display());
            None
        }
    }
}

#[test]
fn headings_and_priority_tasks_match_the_reference() {
    let Some(reference) = reference() else { return };
    let fw = Framework::builtin("5406/BTTTT-CĐSQG").unwrap();
    fn walk(
        h: &dxplan_core::framework::Heading,
        depth: usize,
        reference: &str,
        missing: &mut Vec<String>,
    ) {
        let line = if depth == 0 {
            // "### Phần I — ĐÁNH GIÁ …"
            format!("Phần {} — {}", h.number, h.title)
        } else {
            format!("{}. {}", h.number, h.title)
        };
        if !reference.contains(&line) {
            missing.push(line);
        }
        for c in &h.children {
            walk(c, depth + 1, reference, missing);
        }
    }
    let mut missing = Vec::new();
    for p in &fw.parts {
        walk(p, 0, &reference, &mut missing);
    }
    assert!(
        missing.is_empty(),
        "headings not in the reference: {missing:#?}"
    );

    assert_eq!(fw.priority_tasks.len(), 23);
    for (i, t) in fw.priority_tasks.iter().enumerate() {
        assert_eq!(t.id, format!("NV{:02}", i + 1));
        let line = format!("**{} — {}.** {}", t.id, t.label, t.text);
        assert!(
            reference.contains(&line),
            "priority task {} differs from the reference",
            t.id
        );
    }
    // Province-only tasks, per the reference's NOTE.
    let tinh_only: Vec<&str> = fw
        .priority_tasks
        .iter()
        .filter(|t| t.levels == ["tinh"])
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(tinh_only, ["NV01", "NV06", "NV14", "NV15", "NV16"]);
}

#[test]
fn citations_registry_matches_the_framework_list() {
    let Some(reference) = reference() else { return };
    let fw = Framework::builtin("5406/BTTTT-CĐSQG").unwrap();
    for c in fw.citations.iter().take(10) {
        let sym = c.framework_symbol.as_deref().unwrap_or(&c.symbol);
        assert!(
            reference.contains(&format!("{} số {sym}", c.doc_type)),
            "{sym} not cited in the framework"
        );
    }
}

#[test]
fn a_framework_file_inside_the_plan_is_not_a_section() {
    let dir = common::example_copy("tinh-ha-lam");
    std::fs::copy(
        common::root().join("schema/frameworks/5406-BTTTT-CDSQG.yaml"),
        dir.path().join("khung.yaml"),
    )
    .unwrap();
    common::edit(
        dir.path(),
        "dxplan.toml",
        "framework = \"5406/BTTTT-CĐSQG\"",
        "framework = \"5406/BTTTT-CĐSQG\"\nframework_file = \"./khung.yaml\"",
    );
    let (json, code) = common::check_json(dir.path());
    assert_eq!(code, 0, "{json:#}");
    assert!(common::codes(&json).is_empty(), "{json:#}");
}
