//! The layouts of real plans (`tests/fixtures/layouts/`, issue 20): each passes `check` with no error,
//! and its Phần I — where the layouts differ — is snapshotted as the IR outline both renderers draw.

use crate::common::fixture;

/// The outline from the first Phần to the second.
fn part_one(outline: &str) -> String {
    let lines: Vec<&str> = outline.lines().collect();
    let part = |l: &&str, n: &str| {
        l.trim_start().starts_with("part_")
            && (l.contains(&format!("│ Phần {n}")) || l.contains(&format!("│ PHẦN {n}.")))
    };
    let start = lines.iter().position(|l| part(l, "I")).expect("Phần I");
    let end = lines
        .iter()
        .position(|l| part(l, "II"))
        .unwrap_or(lines.len());
    lines[start..end].join("\n")
}

#[test]
fn real_plan_layouts_check_clean_and_print_their_part_one() {
    let cases = fixture::layouts();
    assert!(cases.len() >= 4, "{cases:?}");
    for case in cases {
        let (_, dir) = fixture::materialise(&case);
        let c = dxplan_core::compile(dir.path(), &dxplan_core::compose::Options { draft: false })
            .unwrap();
        let errors: Vec<String> = c
            .diags
            .iter()
            .filter(|d| d.severity == dxplan_core::diag::Severity::Error)
            .map(|d| format!("{} {}", d.rule.code, d.message.vi))
            .collect();
        let name = case.file_stem().unwrap().to_string_lossy().into_owned();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        insta::assert_snapshot!(format!("layout_{name}"), part_one(&c.doc.outline()));
    }
}
