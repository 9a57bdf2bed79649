//! Conservation of words (issue 19): every word the author wrote in a field the format prints
//! reaches the document as many times as it was written. The words of every string of every plan
//! file (and of `dxplan.toml`) are counted, less the fields that are not printed by design — the
//! list below, which docs/PLAN-FORMAT.md ("Những gì không in") gives with the reason — and each
//! must appear in the composed document at least as often. The renderers draw that document, and
//! the interop tests compare the DOCX's and the PDF's words with each other.

use std::collections::HashMap;
use std::path::Path;

use dxplan_core::compose::ir::Document;
use dxplan_core::load::node::{Kind, Node};

/// Keys whose values are not printed by design (ids, codes, references, machine values), and
/// the subtrees printed in another document (results: the report).
const NOT_PRINTED: &[&str] = &[
    // Ids and references: the document shows what they point to.
    "section",
    "id",
    "appendix",
    "priority_tasks",
    "priority_task",
    "tasks",
    "metric",
    "generate",
    // The plan's ký hiệu prints in its Số line when it is issued on its own; a plan issued with a
    // decision carries the decision's.
    "symbol",
    // Printed in another document: results and `[report]` in the report.
    "result",
    "report",
    // Settings: the kind of plan and of issuer, the framework file's path.
    "mode",
    "level",
    "framework",
    "framework_file",
    // How the document is laid out (`[layout]`, `[appendices]` numbering and order).
    "layout",
    "numbering",
    "order",
    // A target's indicator prints in the targets table and the report's phụ lục, not the sentence.
    "indicator",
    // A grouping key: printed once, as the heading of its group, however many items name it.
    "group",
    // Layout values of a hand-written table.
    "align",
    "orientation",
];

/// Words as a reader counts them: runs of letters and digits, lower-cased (headings print in
/// capitals), ignoring one-letter tokens (list labels, initials).
fn words(text: &str, into: &mut HashMap<String, usize>) {
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
    {
        *into.entry(w.to_lowercase()).or_default() += 1;
    }
}

fn without_references(s: &str) -> String {
    let mut out = s.to_string();
    for (range, _) in dxplan_core::model::appendices::references(s)
        .into_iter()
        .rev()
    {
        out.replace_range(range, " ");
    }
    out
}

fn authored(node: &Node, skip: bool, into: &mut HashMap<String, usize>) {
    match &node.kind {
        // A `{phụ lục:id}` reference prints as the phụ lục's label, not its id.
        Kind::Str(s) if !skip => words(&without_references(s), into),
        Kind::Seq(items) => items.iter().for_each(|n| authored(n, skip, into)),
        Kind::Map(entries) => {
            // A target's `display` is printed instead of the sentence made of its `text`.
            let display = entries.iter().any(|(k, _)| k.name == "display");
            for (k, v) in entries {
                let replaced = display && k.name == "text";
                let skip = skip || replaced || NOT_PRINTED.contains(&k.name.as_str());
                authored(v, skip, into);
            }
        }
        _ => {}
    }
}

fn printed(doc: &Document) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for (_, t) in doc.texts() {
        words(&t.replace('\u{2060}', ""), &mut out);
    }
    out
}

/// Words the author wrote more often than the document prints them, with the shortfall.
fn lost(dir: &Path, doc: &Document) -> Vec<(String, usize)> {
    let loaded = dxplan_core::load::load_dir(dir).unwrap();
    let mut written = HashMap::new();
    // A framework file the plan carries is the framework's text, not the plan's.
    let framework_file = loaded
        .config
        .as_ref()
        .and_then(|c| c.root.get("framework_file"))
        .and_then(|n| n.as_str())
        .map(|f| f.trim_start_matches("./").to_string());
    for d in loaded.docs.iter().chain(&loaded.config) {
        if framework_file.as_deref() == Some(loaded.sources.get(d.source).name.as_str()) {
            continue;
        }
        authored(&d.root, false, &mut written);
    }
    let shown = printed(doc);
    let mut out: Vec<(String, usize)> = written
        .into_iter()
        .filter_map(|(w, n)| {
            let m = shown.get(&w).copied().unwrap_or(0);
            (m < n).then(|| (w, n - m))
        })
        .collect();
    out.sort();
    out
}

fn compose(dir: &Path) -> Document {
    dxplan_core::compile(dir, &dxplan_core::compose::Options { draft: false })
        .unwrap()
        .doc
}

#[test]
fn every_word_of_the_examples_reaches_the_document() {
    for ex in ["tinh-ha-lam", "bo-hang-hai"] {
        let dir = crate::common::example(ex);
        let lost = lost(&dir, &compose(&dir));
        assert!(
            lost.is_empty(),
            "{ex}: words written but not printed: {lost:?}"
        );
    }
}

/// The check is real: drop one paragraph of the document and it names that paragraph's words.
#[test]
fn a_dropped_paragraph_is_found() {
    let dir = crate::common::example("tinh-ha-lam");
    let mut doc = compose(&dir);
    let blocks = &mut doc.sections[0].blocks;
    let at = blocks
        .iter()
        .position(|b| {
            matches!(b, dxplan_core::compose::ir::Block::Paragraph(p)
                if p.runs.iter().any(|r| r.text.contains("VNeID")))
        })
        .expect("the example's Phần I result of item 1.1");
    blocks.remove(at);
    let lost = lost(&dir, &doc);
    assert!(lost.iter().any(|(w, _)| w == "vneid"), "{lost:?}");
}

/// A framework fork that fills the Phần I evaluation at the Phần itself, groups right below (a
/// province's own "ĐÁNH GIÁ …"): `check` accepts it, so the document must print every a) and b)
/// of it — it once printed none (issue 19).
#[test]
fn a_fork_that_moves_the_evaluation_to_the_part_prints_it() {
    let dir = crate::common::example_copy("tinh-ha-lam");
    let fw = std::fs::read_to_string(
        crate::common::root().join("schema/frameworks/5406-BTTTT-CDSQG.yaml"),
    )
    .unwrap();
    let part = "  - number: \"I\"\n    title: \"ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM {năm trước}\"\n";
    let own = "        section: danh-gia-nhiem-vu\n        kind: evaluation\n";
    assert!(fw.contains(part) && fw.contains(own));
    let fork = fw.replacen(own, "", 1).replacen(
        part,
        "  - number: \"I\"\n    title: \"ĐÁNH GIÁ TÌNH HÌNH, KẾT QUẢ THỰC HIỆN NĂM 2022\"\n    section: danh-gia-nhiem-vu\n    kind: evaluation\n",
        1,
    );
    std::fs::write(dir.path().join("khung.yaml"), fork).unwrap();
    crate::common::edit(
        dir.path(),
        "dxplan.toml",
        "framework = \"5406/BTTTT-CĐSQG\"",
        "framework = \"5406/BTTTT-CĐSQG\"\nframework_file = \"./khung.yaml\"",
    );
    let c =
        dxplan_core::compile(dir.path(), &dxplan_core::compose::Options { draft: false }).unwrap();
    let errors: Vec<_> = c
        .diags
        .iter()
        .filter(|d| d.severity == dxplan_core::diag::Severity::Error)
        .map(|d| d.rule.code)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let texts: Vec<String> = c.doc.texts().into_iter().map(|(_, t)| t).collect();
    assert!(
        texts.iter().any(|t| t.contains("VNeID")),
        "the Phần I results are not printed"
    );
    let lost = lost(dir.path(), &c.doc);
    assert!(lost.is_empty(), "words written but not printed: {lost:?}");
}

// Read by the conservation test only for its plan: the expected code is the rule tests' business.
use crate::common::fixture;

/// Every rule fixture whose plan builds (no error) keeps every word too: the fixtures are the
/// realistic variations of the examples.
#[test]
fn every_word_of_every_buildable_fixture_reaches_the_document() {
    let root = crate::common::root().join("tests/fixtures/rules");
    let mut checked = 0;
    let mut rules: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    rules.sort();
    for rule in rules {
        let mut cases: Vec<_> = std::fs::read_dir(&rule)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("fixture") && n.ends_with(".yaml"))
            })
            .collect();
        cases.sort();
        for case in cases {
            let (_, dir) = fixture::materialise(&case);
            let Ok(c) =
                dxplan_core::compile(dir.path(), &dxplan_core::compose::Options { draft: false })
            else {
                continue;
            };
            if c.diags
                .iter()
                .any(|d| d.severity == dxplan_core::diag::Severity::Error)
            {
                continue; // not built without --force
            }
            checked += 1;
            let lost = lost(dir.path(), &c.doc);
            assert!(
                lost.is_empty(),
                "{}: words not printed: {lost:?}",
                case.display()
            );
        }
    }
    assert!(checked > 10, "only {checked} fixtures build");
}

/// The real-plan layouts keep every word too: emptied headings, labels on their own line or none,
/// a section's evaluation after its items move words, never drop them.
#[test]
fn every_word_of_every_layout_reaches_the_document() {
    for case in fixture::layouts() {
        let (_, dir) = fixture::materialise(&case);
        let c = dxplan_core::compile(dir.path(), &dxplan_core::compose::Options { draft: false })
            .unwrap();
        let lost = lost(dir.path(), &c.doc);
        assert!(
            lost.is_empty(),
            "{}: words not printed: {lost:?}",
            case.display()
        );
    }
}
