//! The composed document IR of both examples, snapshotted as an outline (one line per block: role,
//! look, first words; `Document::outline`): what both renderers draw. A change to compose shows
//! here first, in a diff a reviewer can read, before any DOCX or PDF byte moves.

use crate::common;

#[test]
fn ir_of_the_examples() {
    for ex in ["tinh-ha-lam", "bo-hang-hai"] {
        let c = dxplan_core::compile(
            &common::example(ex),
            &dxplan_core::compose::Options { draft: false },
        )
        .unwrap();
        // Information (a heading in the plan's own words) is not a defect of the example.
        let defects = c
            .diags
            .iter()
            .filter(|d| d.severity != dxplan_core::diag::Severity::Info)
            .count();
        assert_eq!(defects, 0, "{ex}: {defects} errors or warnings");
        insta::assert_snapshot!(format!("ir_{ex}"), c.doc.outline());
    }
}

/// A blank line in `[opening] text` starts a new paragraph (issue 20): "Thực hiện …;" and "Theo đề
/// nghị của …" each stand on their own, nothing joined or dropped.
#[test]
fn an_opening_of_two_paragraphs_keeps_both() {
    let dir = common::example_copy("tinh-ha-lam");
    common::edit(
        dir.path(),
        "dxplan.toml",
        "letter = \"Công văn\"",
        "letter = \"Công văn\"\ntext = \"\"\"\nThực hiện Công văn số 5406/BTTTT-CĐSQG ngày 03/11/2022 của Bộ Thông tin và Truyền thông;\n\nTheo đề nghị của Giám đốc Sở Thông tin và Truyền thông, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n\"\"\"",
    );
    let c =
        dxplan_core::compile(dir.path(), &dxplan_core::compose::Options { draft: false }).unwrap();
    let texts: Vec<String> = c
        .doc
        .texts()
        .into_iter()
        .map(|(_, t)| t.replace('\u{a0}', " "))
        .collect();
    let first = texts
        .iter()
        .position(|t| t.starts_with("Thực hiện Công văn số 5406"))
        .unwrap_or_else(|| panic!("{texts:#?}"));
    assert!(texts[first].ends_with("Truyền thông;"), "{}", texts[first]);
    assert!(
        texts[first + 1].starts_with("Theo đề nghị của Giám đốc Sở"),
        "{}",
        texts[first + 1]
    );
}

/// An emptied heading (`[headings] "I.I" = ""`) prints nothing — never a bare "I." — and what is
/// under it moves up one level (issue 20).
#[test]
fn an_emptied_heading_prints_nothing() {
    let dir = common::example_copy("tinh-ha-lam");
    let toml = dir.path().join("dxplan.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    let text = if text.contains("[headings]\n") {
        text.replacen("[headings]\n", "[headings]\n\"I.I\" = \"\"\n", 1)
    } else {
        format!("{text}\n[headings]\n\"I.I\" = \"\"\n")
    };
    std::fs::write(&toml, text).unwrap();
    let c =
        dxplan_core::compile(dir.path(), &dxplan_core::compose::Options { draft: false }).unwrap();
    let texts: Vec<String> = c.doc.texts().into_iter().map(|(_, t)| t).collect();
    assert!(
        !texts.iter().any(|t| t.trim() == "I." || t.trim() == "I"),
        "{texts:#?}"
    );
    let part = texts
        .iter()
        .position(|t| t == "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2022")
        .unwrap();
    assert!(
        texts[part + 1].starts_with("Năm 2022, tỉnh Hà Lâm"),
        "{}",
        texts[part + 1]
    );
}

/// A hand-written phụ lục table may have group rows (a row of one cell spans every column, bold)
/// and bold cells (`**…**`), printed without the asterisks (issue 20).
#[test]
fn hand_written_tables_have_group_rows_and_bold_cells() {
    use dxplan_core::compose::ir::{Block, RowKind};
    let dir = common::example_copy("tinh-ha-lam");
    common::edit(
        dir.path(),
        "phu-luc/ket-qua-2022.yaml",
        "  rows:\n",
        "  rows:\n    - [\"I. Chính quyền số\"]\n",
    );
    common::edit(
        dir.path(),
        "phu-luc/ket-qua-2022.yaml",
        "\"50%\", \"38%\"]",
        "\"50%\", \"**38%**\"]",
    );
    let c =
        dxplan_core::compile(dir.path(), &dxplan_core::compose::Options { draft: false }).unwrap();
    let table = c
        .doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Table(t) if t.borders => Some(t),
            _ => None,
        })
        // The own phụ lục: four columns, the group row added above its three rows.
        .find(|t| t.columns.len() == 4 && t.rows.len() > 4)
        .expect("the own phụ lục table");
    let group = &table.rows[1];
    assert_eq!(
        group.kind,
        RowKind::Group,
        "{:#?}",
        table
            .rows
            .iter()
            .map(|r| (r.kind, r.cells.len()))
            .collect::<Vec<_>>()
    );
    assert_eq!(group.cells.len(), 1);
    assert_eq!(group.cells[0].span, 4);
    let Block::Paragraph(p) = &group.cells[0].blocks[0] else {
        panic!()
    };
    assert!(p.runs.iter().all(|r| r.bold));
    let Block::Paragraph(cell) = &table.rows[2].cells[3].blocks[0] else {
        panic!()
    };
    let text: String = cell.runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(text, "38%");
    assert!(cell.runs.iter().all(|r| r.bold));
    // A group row is not a short row (DX029).
    assert!(
        !c.diags.iter().any(|d| d.rule.code == "DX029"),
        "{:?}",
        c.diags
    );
}

/// `[appendices] order` (issue 20): a plan whose own phụ lục comes before the danh mục keeps its
/// numbering; the sections and every `{phụ lục:id}` follow.
#[test]
fn appendices_follow_the_authors_order() {
    use dxplan_core::compose::ir::{Block, Role};
    let dir = common::example_copy("tinh-ha-lam");
    let toml = dir.path().join("dxplan.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(
        &toml,
        format!("{text}\n[appendices]\norder = [\"ket-qua-2022\"]\n"),
    )
    .unwrap();
    let c =
        dxplan_core::compile(dir.path(), &dxplan_core::compose::Options { draft: false }).unwrap();
    assert!(
        !c.diags.iter().any(|d| d.rule.code == "DX029"),
        "{:?}",
        c.diags
    );
    let heads: Vec<String> = c
        .doc
        .sections
        .iter()
        .filter_map(|s| match s.blocks.first() {
            Some(Block::Paragraph(p)) if p.role == Role::AppendixLabel => {
                let label: String = p.runs.iter().map(|r| r.text.as_str()).collect();
                let title = match s.blocks.get(1) {
                    Some(Block::Paragraph(t)) => t.runs.iter().map(|r| r.text.as_str()).collect(),
                    _ => String::new(),
                };
                Some(format!("{label}: {title}"))
            }
            _ => None,
        })
        .collect();
    assert!(
        heads[0].starts_with("Phụ lục I: KẾT QUẢ THỰC HIỆN"),
        "{heads:#?}"
    );
    assert!(heads[1].starts_with("Phụ lục II: DANH MỤC"), "{heads:#?}");
    // The Phần I sentence that refers to it by id now says "Phụ lục I".
    let texts: Vec<String> = c.doc.texts().into_iter().map(|(_, t)| t).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("(chi tiết tại Phụ lục I kèm theo)") && t.contains("22/")),
        "{texts:#?}"
    );
}

/// The danh mục's timeframe column holds "Quý III/2023 - Quý IV/2023" in two lines (it wrapped to
/// four in 22 mm), taking the room from the name column; the table keeps its width (issue 20).
#[test]
fn the_timeframe_column_fits_its_longest_cell_in_two_lines() {
    use dxplan_core::compose::ir::Block;
    let c = dxplan_core::compile(
        &common::example("tinh-ha-lam"),
        &dxplan_core::compose::Options { draft: false },
    )
    .unwrap();
    let table = c
        .doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            Block::Table(t) if t.columns.len() == 9 => Some(t),
            _ => None,
        })
        .expect("the danh mục");
    let total: f32 = table.columns.iter().sum();
    assert!((total - 252.0).abs() < 0.01, "{:?}", table.columns);
    // "Quý III/2023 -" at 12 pt is about 23 mm; with the cell padding, 27 mm at least.
    assert!(table.columns[6] >= 27.0, "{:?}", table.columns);
    assert!(table.columns[1] < 48.0, "{:?}", table.columns);
}
