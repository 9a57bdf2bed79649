//! The ND30 measures (body size, line spacing, indents, margins) and the block builders every
//! part of the document is made of, so a measure is decided in one place.

use super::ir::{self, Align, Block, Margins, Para, Role, Rule, Run};
use super::measure;

/// Body text size, pt (ND30: 13–14).
pub const BODY: f32 = 14.0;
/// Line spacing of the body (ND30: between single and 1.5 lines).
pub const LINE: f32 = 1.15;
/// First-line indent of body paragraphs, mm (ND30: 1 cm or 1.27 cm).
pub const INDENT: f32 = 10.0;
pub const PORTRAIT: Margins = Margins {
    top: 25.0,
    bottom: 20.0,
    left: 35.0,
    right: 20.0,
};
/// Landscape phụ lục: the Government's own Phụ lục I file uses 20/15/30/15; the bottom is kept at
/// the decree's 20 mm minimum (nd30-format.md §2).
pub const LANDSCAPE: Margins = Margins {
    top: 20.0,
    bottom: 20.0,
    left: 30.0,
    right: 15.0,
};

pub fn para(role: Role, runs: Vec<Run>, align: Align, size: f32) -> Para {
    Para {
        role,
        runs,
        align,
        size,
        first_line: 0.0,
        space_before: 0.0,
        space_after: 0.0,
        line: 1.0,
        keep_with_next: false,
        boxed: false,
    }
}

pub fn run(text: impl Into<String>, bold: bool, italic: bool) -> Run {
    Run {
        text: text.into(),
        bold,
        italic,
    }
}

pub fn body_para(runs: Vec<Run>) -> Para {
    Para {
        first_line: INDENT,
        space_before: 6.0,
        line: LINE,
        ..para(Role::Body, runs, Align::Justify, BODY)
    }
}

pub fn body(runs: Vec<Run>) -> Block {
    Block::Paragraph(body_para(runs))
}

/// A "- " list item of the body.
pub fn item(mut runs: Vec<Run>) -> Block {
    runs.insert(0, Run::plain("- "));
    Block::Paragraph(Para {
        role: Role::ListItem,
        first_line: INDENT,
        space_before: 6.0,
        line: LINE,
        ..para(Role::ListItem, runs, Align::Justify, BODY)
    })
}

pub fn heading(role: Role, text: String) -> Block {
    Block::Paragraph(Para {
        first_line: INDENT,
        space_before: 6.0,
        line: LINE,
        keep_with_next: true,
        ..para(role, vec![run(text, true, false)], Align::Justify, BODY)
    })
}

pub fn centered(role: Role, text: impl Into<String>, size: f32, bold: bool, italic: bool) -> Block {
    Block::Paragraph(para(
        role,
        vec![run(text, bold, italic)],
        Align::Center,
        size,
    ))
}

/// A centred bold line that stays with what follows (Phần labels, KẾ HOẠCH, the trích yếu).
pub fn title_line(role: Role, text: impl Into<String>, space_before: f32) -> Block {
    Block::Paragraph(Para {
        space_before,
        keep_with_next: true,
        ..para(role, vec![run(text, true, false)], Align::Center, BODY)
    })
}

pub fn rule(width: f32) -> Block {
    Block::Rule(Rule {
        width,
        thickness: 0.5,
        // Clear of the descenders of the line above (an italic "(Kèm theo …)" line ends in g, y).
        space_before: 4.5,
        space_after: 2.0,
    })
}

/// A rule of 40 % of the line it underlines (ND30: 1/3 to 1/2).
pub fn short_rule(lines: &[&str], size: f32, bold: bool, max: f32) -> Block {
    let w = lines
        .iter()
        .map(|l| measure::width(l, size, bold, false))
        .fold(0.0, f32::max);
    rule((w * 0.4).clamp(36.0, max))
}

/// A borderless table of one row that never splits (the header block, the signature row).
pub fn layout_row(columns: Vec<f32>, indent: f32, cells: Vec<Vec<Block>>) -> ir::Table {
    ir::Table {
        columns,
        indent,
        borders: false,
        header_rows: 0,
        keep_together: true,
        rows: vec![ir::Row {
            kind: ir::RowKind::Body,
            cells: cells
                .into_iter()
                .map(|blocks| ir::Cell { span: 1, blocks })
                .collect(),
        }],
    }
}

/// "Ngân sách địa phương" from "ngân sách địa phương".
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
