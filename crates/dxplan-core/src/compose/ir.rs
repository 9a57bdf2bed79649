//! The document IR: what both renderers draw. It says *what* is on the page (sections with their
//! page setup, paragraphs with runs, rules, tables with column widths, merged cells and header
//! rows) and nothing about DOCX or typst, so the two outputs carry the same content by
//! construction. It serialises to JSON, which is how the PDF renderer hands it to typst.

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// For document metadata (DOCX core properties, PDF title).
    pub title: String,
    pub author: String,
    /// The plan's own date (its signing date, or its decision's), `None` for a draft: the date
    /// embedded in the files' metadata unless SOURCE_DATE_EPOCH says otherwise.
    pub date: Option<[u32; 3]>,
    pub draft: bool,
    pub sections: Vec<PageSection>,
    /// What the page does not show of the plan's items, for `dxplan import` (the DOCX keeps it in
    /// a custom XML part). Not content: typst never sees it. Empty from `compose`; the build fills
    /// it for the plan's document only (`carried::of`), so `check` does not pay for it.
    #[serde(skip)]
    pub carried: Vec<super::carried::Carried>,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct Margins {
    pub top: f32,
    pub bottom: f32,
    pub left: f32,
    pub right: f32,
}

/// A run of pages with one page setup (ND30: each phụ lục is its own section).
#[derive(Debug, Clone, Serialize)]
pub struct PageSection {
    pub landscape: bool,
    /// Millimetres.
    pub margins: Margins,
    /// Distance of the header from the top edge, millimetres.
    pub header_distance: f32,
    /// Page number centred in the header, `page_number_size` pt, hidden on the section's first
    /// page (ND30 Phụ lục I, mục I.7: „không hiển thị số trang thứ nhất”).
    pub page_number_size: f32,
    /// Numbering starts again at 1 (each phụ lục is numbered on its own, ND30 §III.1.đ).
    pub restart_numbering: bool,
    pub blocks: Vec<Block>,
}

impl PageSection {
    /// Width of the text area in points.
    pub fn text_width_pt(&self) -> f32 {
        let page = if self.landscape { 297.0 } else { 210.0 };
        mm_to_pt(page - self.margins.left - self.margins.right)
    }
}

pub fn mm_to_pt(mm: f32) -> f32 {
    mm * 72.0 / 25.4
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph(Para),
    /// A centred horizontal line (under the issuer, the motto, the trích yếu).
    Rule(Rule),
    Table(Table),
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    Left,
    Center,
    Right,
    Justify,
}

/// What a paragraph is, for readers of the IR (tests, renderers that style by role: the DOCX
/// writer gives each role its own named style).
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    DraftMark,
    HeaderParent,
    HeaderIssuer,
    HeaderNumber,
    NationalName,
    Motto,
    PlaceDate,
    DocType,
    Summary,
    AttachedTo,
    PartLabel,
    PartTitle,
    /// The authority line and "QUYẾT ĐỊNH:" of a decision.
    Authority,
    /// "Căn cứ …;" lines (italic).
    Ground,
    /// Mục: "I. CĂN CỨ LẬP KẾ HOẠCH".
    Heading1,
    /// Khoản: "1. Nhận thức số".
    Heading2,
    /// "1.1. Ngày Chuyển đổi số".
    Heading3,
    /// "a) Nhận thức số": lettered groups, and framework headings below 1.1.
    Heading4,
    Body,
    ListItem,
    RecipientsLabel,
    Recipient,
    SignerTitle,
    SignerName,
    AppendixLabel,
    AppendixTitle,
    TableHeader,
    TableGroup,
    TableCell,
    TableTotal,
}

#[derive(Debug, Clone, Serialize)]
pub struct Para {
    pub role: Role,
    pub runs: Vec<Run>,
    pub align: Align,
    pub size: f32,
    /// First-line indent, millimetres.
    pub first_line: f32,
    pub space_before: f32,
    pub space_after: f32,
    /// Line spacing as a multiple of single.
    pub line: f32,
    pub keep_with_next: bool,
    /// Drawn in a box (the DỰ THẢO mark).
    pub boxed: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Self {
        Run {
            text: text.into(),
            bold: false,
            italic: false,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    /// Length of the line, points.
    pub width: f32,
    pub thickness: f32,
    pub space_before: f32,
    pub space_after: f32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// Column widths, millimetres; they add up to the table width.
    pub columns: Vec<f32>,
    /// Shift from the left margin, millimetres (negative: into the margin, as ND30's templates do).
    pub indent: f32,
    pub borders: bool,
    /// Rows at the top repeated on every page.
    pub header_rows: usize,
    /// Never split across pages (the signature row).
    pub keep_together: bool,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    Header,
    Group,
    Body,
    Total,
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub kind: RowKind,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    /// Number of grid columns the cell spans.
    pub span: usize,
    pub blocks: Vec<Block>,
}

impl Document {
    /// Every paragraph's text, in order, including those inside tables: what read-back tests and
    /// `pdftotext` comparisons look for.
    pub fn texts(&self) -> Vec<(Role, String)> {
        fn walk(blocks: &[Block], out: &mut Vec<(Role, String)>) {
            for b in blocks {
                match b {
                    Block::Paragraph(p) => {
                        out.push((p.role, p.runs.iter().map(|r| r.text.as_str()).collect()))
                    }
                    Block::Table(t) => t
                        .rows
                        .iter()
                        .flat_map(|r| &r.cells)
                        .for_each(|c| walk(&c.blocks, out)),
                    Block::Rule(_) => {}
                }
            }
        }
        let mut out = Vec::new();
        for s in &self.sections {
            walk(&s.blocks, &mut out);
        }
        out
    }
}

impl Document {
    /// A readable outline, one line per block (a table: one line for it and one per row): role,
    /// alignment, size and spacing in short, then the first words. What the IR snapshot holds,
    /// so a change to compose reads as a diff a reviewer can follow.
    pub fn outline(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let date = self
            .date
            .map_or("-".into(), |[y, m, d]| format!("{y}-{m:02}-{d:02}"));
        let _ = writeln!(
            out,
            "document {:?} by {:?}, date {date}{}",
            self.title,
            self.author,
            if self.draft { ", draft" } else { "" }
        );
        for s in &self.sections {
            let m = s.margins;
            let _ = writeln!(
                out,
                "section {} margins {}/{}/{}/{} header {} page-number {}{}",
                if s.landscape { "landscape" } else { "portrait" },
                m.top,
                m.bottom,
                m.left,
                m.right,
                s.header_distance,
                s.page_number_size,
                if s.restart_numbering { " restart" } else { "" }
            );
            for b in &s.blocks {
                outline_block(b, 1, &mut out);
            }
        }
        out
    }
}

fn outline_block(b: &Block, depth: usize, out: &mut String) {
    use std::fmt::Write;
    let pad = "  ".repeat(depth);
    match b {
        Block::Paragraph(p) => {
            let _ = writeln!(
                out,
                "{pad}{} │ {}",
                para_look(p),
                first_words(&para_text(p), 90)
            );
        }
        Block::Rule(r) => {
            let _ = writeln!(
                out,
                "{pad}rule {:.1}pt × {} +{}/+{}",
                r.width, r.thickness, r.space_before, r.space_after
            );
        }
        Block::Table(t) => {
            let cols: Vec<String> = t.columns.iter().map(|c| format!("{c:.1}")).collect();
            let _ = writeln!(
                out,
                "{pad}table [{}] indent {}{}{} header-rows {}",
                cols.join(" "),
                t.indent,
                if t.borders { " borders" } else { "" },
                if t.keep_together {
                    " keep-together"
                } else {
                    ""
                },
                t.header_rows
            );
            for row in &t.rows {
                let cells: Vec<String> = row
                    .cells
                    .iter()
                    .map(|c| {
                        let text: Vec<String> = c
                            .blocks
                            .iter()
                            .filter_map(|b| match b {
                                Block::Paragraph(p) => Some(para_text(p)),
                                _ => None,
                            })
                            .collect();
                        let span = if c.span > 1 {
                            format!("⟨{}⟩", c.span)
                        } else {
                            String::new()
                        };
                        format!("{span}{}", first_words(&text.join(" / "), 32))
                    })
                    .collect();
                let kind = match row.kind {
                    RowKind::Header => "header",
                    RowKind::Group => "group",
                    RowKind::Body => "body",
                    RowKind::Total => "total",
                };
                let _ = writeln!(out, "{pad}  {kind} │ {}", cells.join(" | "));
                // A cell that holds more than paragraphs (the signature row's Nơi nhận and
                // signer) is outlined in full below its row.
                for c in &row.cells {
                    if c.blocks.len() > 1
                        || c.blocks.iter().any(|b| !matches!(b, Block::Paragraph(_)))
                    {
                        for b in &c.blocks {
                            outline_block(b, depth + 2, out);
                        }
                    }
                }
            }
        }
    }
}

fn para_text(p: &Para) -> String {
    p.runs.iter().map(|r| r.text.as_str()).collect()
}

/// "heading1 justify 14 b +6/+6 ×1 keep": role, alignment, size, bold/italic (all runs, or `~`
/// for some), first-line indent, spacing, line spacing, keep-with-next, box.
fn para_look(p: &Para) -> String {
    let style = |f: fn(&Run) -> bool, c: &str| {
        let n = p.runs.iter().filter(|r| f(r) && !r.text.is_empty()).count();
        let all = p.runs.iter().filter(|r| !r.text.is_empty()).count();
        match n {
            0 => String::new(),
            n if n == all => format!(" {c}"),
            _ => format!(" {c}~"),
        }
    };
    let align = match p.align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Justify => "justify",
    };
    let role = serde_json::to_value(p.role)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    format!(
        "{role} {align} {}{}{}{} +{}/+{} ×{}{}{}",
        p.size,
        style(|r| r.bold, "b"),
        style(|r| r.italic, "i"),
        if p.first_line != 0.0 {
            format!(" indent {}", p.first_line)
        } else {
            String::new()
        },
        p.space_before,
        p.space_after,
        p.line,
        if p.keep_with_next { " keep" } else { "" },
        if p.boxed { " boxed" } else { "" }
    )
}

/// The text on one line (line breaks shown as ⏎, joiners and no-break spaces as plain spaces),
/// cut after `n` characters.
fn first_words(text: &str, n: usize) -> String {
    let flat: String = text
        .chars()
        .filter(|c| *c != '\u{2060}')
        .map(|c| match c {
            '\n' => '⏎',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect();
    if flat.chars().count() <= n {
        flat
    } else {
        let cut: String = flat.chars().take(n).collect();
        format!("{cut}…")
    }
}
