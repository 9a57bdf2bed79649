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
