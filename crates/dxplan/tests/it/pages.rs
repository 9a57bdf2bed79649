//! Pages a clerk signs (issue 20), read back from both PDFs — typst's, and LibreOffice's of the
//! DOCX: the page that carries the signature carries the end of the text (never "Nơi nhận" first
//! on its page), a table page never ends on a group row, and the two renderers agree on the page
//! count within one page.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use dxplan_core::compose::ir::{Block, Document, RowKind};

fn build(dir: &Path, out: &Path, args: &[&str]) {
    let o = common::dxplan()
        .arg("build")
        .arg(dir)
        .args(args)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn page_texts(pdf: &Path) -> Vec<String> {
    let info = Command::new("pdfinfo").arg(pdf).output().unwrap();
    let n: usize = String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap();
    (1..=n)
        .map(|p| {
            let o = Command::new("pdftotext")
                .args(["-layout", "-f", &p.to_string(), "-l", &p.to_string()])
                .arg(pdf)
                .arg("-")
                .output()
                .unwrap();
            String::from_utf8_lossy(&o.stdout).replace('\u{2060}', "")
        })
        .collect()
}

/// The first cell of every group row of the document's tables ("III.7").
fn group_labels(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for s in &doc.sections {
        for b in &s.blocks {
            let Block::Table(t) = b else { continue };
            for r in t.rows.iter().filter(|r| r.kind == RowKind::Group) {
                let text: String = r.cells[0]
                    .blocks
                    .iter()
                    .filter_map(|b| match b {
                        Block::Paragraph(p) => {
                            Some(p.runs.iter().map(|r| r.text.as_str()).collect::<String>())
                        }
                        _ => None,
                    })
                    .collect();
                if !text.trim().is_empty() {
                    out.push(text.trim().to_string());
                }
            }
        }
    }
    out
}

fn check_pages(pdf: &Path, groups: &[String], what: &str) -> usize {
    let pages = page_texts(pdf);
    for (i, text) in pages.iter().enumerate() {
        // Lines with words; a lone page number at the top is not text.
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.chars().all(|c| c.is_ascii_digit()))
            .collect();
        if let Some(first) = lines.first() {
            assert!(
                !first.starts_with("Nơi nhận"),
                "{what}: page {} begins with the signature block, no text above it:\n{text}",
                i + 1
            );
        }
        if let Some(last) = lines.last() {
            let ends_on_group = groups.iter().any(|g| {
                last.strip_prefix(g.as_str())
                    .is_some_and(|rest| rest.starts_with(char::is_whitespace))
            });
            assert!(
                !ends_on_group,
                "{what}: page {} ends on the group row „{last}”",
                i + 1
            );
        }
    }
    pages.len()
}

#[test]
#[cfg_attr(
    not(feature = "interop"),
    ignore = "needs poppler, LibreOffice: the interop feature"
)]
fn no_lonely_signature_and_no_group_row_ending_a_page() {
    if !(common::require_tool("pdftotext") && common::require_tool("soffice")) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let mut cases: Vec<(String, PathBuf, &[&str])> = vec![
        ("tinh-ha-lam".into(), common::example("tinh-ha-lam"), &[]),
        (
            "tinh-ha-lam".into(),
            common::example("tinh-ha-lam"),
            &["--document", "bao-cao"],
        ),
        ("bo-hang-hai".into(), common::example("bo-hang-hai"), &[]),
        (
            "bo-hang-hai".into(),
            common::example("bo-hang-hai"),
            &["--document", "quyet-dinh"],
        ),
    ];
    // The layouts of real plans (tests/fixtures/layouts), each as its own plan.
    let mut keep = Vec::new();
    for case in common::fixture::layouts() {
        let (_, dir) = common::fixture::materialise(&case);
        let name = case.file_stem().unwrap().to_string_lossy().into_owned();
        cases.push((name, dir.path().to_path_buf(), &[]));
        keep.push(dir);
    }
    for (i, (ex, dir, args)) in cases.iter().enumerate() {
        let what = format!("{ex} {}", args.join(" "));
        let dir = dir.clone();
        let doc = dxplan_render::compile(&dir, &dxplan_core::compose::Options { draft: false })
            .unwrap()
            .doc;
        let groups = group_labels(&doc);
        let docx: PathBuf = tmp.path().join(format!("d{i}.docx"));
        build(&dir, &docx, &[&["--format", "docx"], *args].concat());
        let lo = tmp.path().join(format!("lo{i}"));
        std::fs::create_dir_all(&lo).unwrap();
        let lo_pages = check_pages(
            &common::soffice_to_pdf(&docx, &lo),
            &groups,
            &format!("{what} (LibreOffice)"),
        );
        if cfg!(feature = "pdf") {
            let pdf = tmp.path().join(format!("d{i}.pdf"));
            build(&dir, &pdf, &[&["--format", "pdf"], *args].concat());
            let typst_pages = check_pages(&pdf, &groups, &format!("{what} (typst)"));
            assert!(
                typst_pages.abs_diff(lo_pages) <= 1,
                "{what}: typst {typst_pages} pages, LibreOffice {lo_pages}"
            );
        }
    }
}
