//! IR → DOCX through docx-rs (pinned), then re-packed: docx-rs has no `w:tblHeader`, so header rows
//! are marked and patched in `word/document.xml`, and the ZIP is rewritten with fixed entry order
//! and timestamps so the same input gives the same bytes.

use std::io::{Cursor, Read, Write};

use docx_rs::*;

use super::{Context, RenderError, Renderer};
use crate::compose::ir::{self, Block, PageSection};
use crate::compose::measure;

mod styles;
use styles::{Look, Styles};

pub struct DocxRenderer;

/// Word's default left/right cell margin, twips.
const CELL_MARGIN: i32 = 108;
/// Header rows are given this minimum height, found again in the XML and replaced by
/// `<w:tblHeader/>`. 1 twip is invisible, so a missed patch would still render correctly.
const HEADER_MARK: &str = r#"<w:trHeight w:val="1" w:hRule="atLeast" />"#;

fn tw(mm: f32) -> i32 {
    (mm * 1440.0 / 25.4).round() as i32
}

fn pt_tw(pt: f32) -> i32 {
    (pt * 20.0).round() as i32
}

impl Renderer for DocxRenderer {
    fn name(&self) -> &'static str {
        "docx"
    }
    fn extension(&self) -> &'static str {
        "docx"
    }
    fn render(
        &self,
        doc: &ir::Document,
        ctx: &Context,
        _diags: &mut Vec<crate::diag::Diagnostic>,
    ) -> Result<Vec<u8>, RenderError> {
        let stamp = ctx.embedded_time(doc);
        let iso = format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            stamp.0, stamp.1, stamp.2, stamp.3, stamp.4, stamp.5
        );
        let styles = Styles::of(doc);
        // docx-rs's styles part is replaced by ours in `repack`.
        let mut docx = Docx::new().created_at(&iso).updated_at(&iso);
        let n = doc.sections.len();
        for (i, s) in doc.sections.iter().enumerate() {
            let last = i + 1 == n;
            if last {
                for b in &s.blocks {
                    docx = match block(b, s.text_width_pt(), &styles) {
                        Child::P(p) => docx.add_paragraph(*p),
                        Child::T(t) => docx.add_table(*t),
                    };
                }
                docx = docx
                    .page_size(page_w(s), page_h(s))
                    .page_margin(margin(s))
                    .header(number_header(s))
                    .first_header(Header::new())
                    .title_pg();
                if s.landscape {
                    docx = docx.page_orient(PageOrientationType::Landscape);
                }
                if s.restart_numbering {
                    docx = docx.page_num_type(PageNumType::new().start(1));
                }
            } else {
                let mut sec = Section::new();
                for b in &s.blocks {
                    sec = match block(b, s.text_width_pt(), &styles) {
                        Child::P(p) => sec.add_paragraph(*p),
                        Child::T(t) => sec.add_table(*t),
                    };
                }
                sec = sec
                    .page_size(PageSize::new().width(page_w(s)).height(page_h(s)))
                    .page_margin(margin(s))
                    .title_pg();
                if s.landscape {
                    sec = sec.page_orient(PageOrientationType::Landscape);
                }
                if s.restart_numbering {
                    sec = sec.page_num_type(PageNumType::new().start(1));
                }
                // No explicit first-page header: docx-rs 0.4.22 drops it when a default header is
                // also set (add_section rebuilds the section). With titlePg and no first-page
                // header of its own, a section shows an empty one on its first page.
                sec = sec.header(number_header(s));
                docx = docx.add_section(sec);
            }
        }
        let mut raw = Cursor::new(Vec::new());
        docx.build()
            .pack(&mut raw)
            .map_err(|e| RenderError::of("DOCX", e))?;
        repack(raw.into_inner(), stamp, doc, &styles)
    }
}

fn page_w(s: &PageSection) -> u32 {
    if s.landscape { 16838 } else { 11906 }
}

fn page_h(s: &PageSection) -> u32 {
    if s.landscape { 11906 } else { 16838 }
}

fn margin(s: &PageSection) -> PageMargin {
    PageMargin::new()
        .top(tw(s.margins.top))
        .bottom(tw(s.margins.bottom))
        .left(tw(s.margins.left))
        .right(tw(s.margins.right))
        .header(tw(s.header_distance))
        .footer(tw(10.0))
        .gutter(0)
}

/// The page number: top centre, upright, `page_number_size` pt, a PAGE field.
fn number_header(s: &PageSection) -> Header {
    let size = (s.page_number_size * 2.0) as usize;
    let p = Paragraph::new()
        .align(AlignmentType::Center)
        .add_run(
            Run::new()
                .size(size)
                .add_field_char(FieldCharType::Begin, false),
        )
        .add_run(
            Run::new()
                .size(size)
                .add_instr_text(InstrText::PAGE(InstrPAGE::new())),
        )
        .add_run(
            Run::new()
                .size(size)
                .add_field_char(FieldCharType::Separate, false),
        )
        .add_run(Run::new().size(size).add_text("2"))
        .add_run(
            Run::new()
                .size(size)
                .add_field_char(FieldCharType::End, false),
        );
    Header::new().add_paragraph(p)
}

enum Child {
    P(Box<Paragraph>),
    T(Box<Table>),
}

fn align(a: ir::Align) -> AlignmentType {
    match a {
        ir::Align::Left => AlignmentType::Left,
        ir::Align::Center => AlignmentType::Center,
        ir::Align::Right => AlignmentType::Right,
        ir::Align::Justify => AlignmentType::Both,
    }
}

/// A block laid out in a container `width` points wide (the text area or a table cell).
fn block(b: &Block, width: f32, styles: &Styles) -> Child {
    match b {
        Block::Paragraph(p) => Child::P(Box::new(paragraph(p, width, styles))),
        Block::Rule(r) => Child::P(Box::new(rule(r, width))),
        Block::Table(t) => Child::T(Box::new(table(t, styles))),
    }
}

/// A paragraph written against its role's style: direct formatting only where it differs.
fn paragraph(p: &ir::Para, width: f32, styles: &Styles) -> Paragraph {
    let look = Look::of(p);
    let (mut out, base) = match styles.get(p.role) {
        Some((id, base)) => (Paragraph::new().style(id), *base),
        None => (Paragraph::new(), look),
    };
    if look.align != base.align {
        out = out.align(align(p.align));
    }
    if (look.before, look.after, look.line) != (base.before, base.after, base.line) {
        let mut sp = LineSpacing::new();
        if look.before != base.before {
            sp = sp.before(look.before);
        }
        if look.after != base.after {
            sp = sp.after(look.after);
        }
        if look.line != base.line {
            sp = sp.line(look.line).line_rule(LineSpacingType::Auto);
        }
        out = out.line_spacing(sp);
    }
    if look.first_line != base.first_line && !p.boxed {
        out = out.indent(
            None,
            Some(SpecialIndentType::FirstLine(look.first_line)),
            None,
            None,
        );
    }
    if look.keep_next && !base.keep_next {
        out = out.keep_next(true);
    }
    if p.boxed {
        out = boxed(out, p, width);
    }
    for r in &p.runs {
        // A line break inside a paragraph is a `w:br`, as in the PDF; a raw newline in `w:t`
        // is whitespace to Word.
        let mut run = Run::new();
        for (i, line) in r.text.split('\n').enumerate() {
            if i > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            if !line.is_empty() {
                run = run.add_text(line);
            }
        }
        if look.size != base.size {
            run = run.size(look.size as usize);
        }
        match (r.bold, base.bold) {
            (true, false) => run = run.bold(),
            (false, true) => run = run.disable_bold(),
            _ => {}
        }
        match (r.italic, base.italic) {
            (true, false) => run = run.italic(),
            (false, true) => run = run.disable_italic(),
            _ => {}
        }
        out = out.add_run(run);
    }
    out
}

/// A box just around the text (the DỰ THẢO mark): indented from the left so the paragraph is as
/// wide as its text.
fn boxed(mut out: Paragraph, p: &ir::Para, width: f32) -> Paragraph {
    let text: String = p.runs.iter().map(|r| r.text.as_str()).collect();
    let w = measure::width(&text, p.size, true, false) + 12.0;
    out = out.indent(Some(pt_tw((width - w).max(0.0))), None, None, None);
    let mut borders = ParagraphBorders::with_empty();
    for pos in [
        ParagraphBorderPosition::Top,
        ParagraphBorderPosition::Bottom,
        ParagraphBorderPosition::Left,
        ParagraphBorderPosition::Right,
    ] {
        borders = borders.set(
            ParagraphBorder::new(pos)
                .val(BorderType::Single)
                .size(8)
                .space(2),
        );
    }
    out.property = out.property.set_borders(borders);
    out
}

/// A centred rule of exact length: an empty 1 pt paragraph whose bottom border is narrowed by
/// equal left and right indents.
fn rule(r: &ir::Rule, width: f32) -> Paragraph {
    let side = ((width - r.width) / 2.0).max(0.0);
    let mut p = Paragraph::new()
        .indent(Some(pt_tw(side)), None, Some(pt_tw(side)), None)
        .line_spacing(
            LineSpacing::new()
                .before(pt_tw(r.space_before) as u32)
                .after(pt_tw(r.space_after) as u32)
                .line(20)
                .line_rule(LineSpacingType::Exact),
        )
        .size(2);
    // Only the bottom side: docx-rs's default borders hold all four, which Word draws as a thin
    // box and LibreOffice as a double line.
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size((r.thickness * 8.0).round() as usize)
                .space(0),
        ),
    );
    p
}

fn table(t: &ir::Table, styles: &Styles) -> Table {
    let grid: Vec<usize> = t.columns.iter().map(|c| tw(*c) as usize).collect();
    let total: usize = grid.iter().sum();
    let mut rows = Vec::new();
    for (ri, row) in t.rows.iter().enumerate() {
        let mut col = 0;
        let mut cells = Vec::new();
        for c in &row.cells {
            let w: usize = grid[col..(col + c.span).min(grid.len())].iter().sum();
            col += c.span;
            let inner = (w as f32 / 20.0) - 2.0 * CELL_MARGIN as f32 / 20.0;
            let mut cell = TableCell::new()
                .width(w, WidthType::Dxa)
                .vertical_align(VAlignType::Center);
            if c.span > 1 {
                cell = cell.grid_span(c.span);
            }
            if c.blocks.is_empty() {
                cell = cell.add_paragraph(Paragraph::new());
            }
            for b in &c.blocks {
                cell = match block(b, inner, styles) {
                    Child::P(p) => cell.add_paragraph(*p),
                    Child::T(nt) => cell.add_table(*nt),
                };
            }
            cells.push(cell);
        }
        let mut r = TableRow::new(cells).cant_split();
        if ri < t.header_rows {
            r = r.row_height(1.0).height_rule(HeightRule::AtLeast);
        }
        rows.push(r);
    }
    let mut table = if t.borders {
        Table::new(rows)
    } else {
        Table::without_borders(rows)
    };
    table = table
        .set_grid(grid)
        .width(total, WidthType::Dxa)
        .layout(TableLayoutType::Fixed);
    if t.indent != 0.0 {
        table = table.indent(tw(t.indent));
    }
    table
}

/// Rewrites the package: fixed order, fixed timestamps, `tblHeader` patched in, title and author
/// set in the core properties.
fn repack(
    raw: Vec<u8>,
    stamp: (i32, u32, u32, u32, u32, u32),
    doc: &ir::Document,
    styles: &Styles,
) -> Result<Vec<u8>, RenderError> {
    let err = |e: &dyn std::fmt::Display| RenderError::of("DOCX", e);
    let mut zin = zip::ZipArchive::new(Cursor::new(raw)).map_err(|e| err(&e))?;
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).map_err(|e| err(&e))?;
        if f.is_dir() {
            continue;
        }
        let mut data = Vec::new();
        f.read_to_end(&mut data).map_err(|e| err(&e))?;
        entries.push((f.name().to_string(), data));
    }
    for (name, data) in entries.iter_mut() {
        if name == "word/styles.xml" {
            *data = styles.xml().into_bytes();
        }
        if name.starts_with("word/") && name.ends_with(".xml") {
            let xml = String::from_utf8(std::mem::take(data)).map_err(|e| err(&e))?;
            *data = super::ooxml::canonicalize(&xml)
                .map_err(|e| err(&e))?
                .into_bytes();
        }
        if name == "word/document.xml" {
            let xml = String::from_utf8(std::mem::take(data)).map_err(|e| err(&e))?;
            *data = xml.replace(HEADER_MARK, "<w:tblHeader />").into_bytes();
        } else if name == "docProps/core.xml" {
            let xml = String::from_utf8(std::mem::take(data)).map_err(|e| err(&e))?;
            let esc = |s: &str| {
                s.replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
            };
            let xml = xml
                .replace(
                    "<dc:creator>unknown</dc:creator>",
                    &format!("<dc:creator>{}</dc:creator>", esc(&doc.author)),
                )
                .replace(
                    "<cp:lastModifiedBy>unknown</cp:lastModifiedBy>",
                    "<cp:lastModifiedBy>dxplan</cp:lastModifiedBy>",
                )
                .replace(
                    "</cp:coreProperties>",
                    &format!(
                        "<dc:title>{}</dc:title><dc:language>vi-VN</dc:language></cp:coreProperties>",
                        esc(&doc.title)
                    ),
                );
            *data = xml.into_bytes();
        }
    }
    super::ooxml::add_theme(&mut entries);
    // [Content_Types].xml first, as readers expect; the rest in a fixed order.
    entries.sort_by(|a, b| {
        (a.0 != "[Content_Types].xml", &a.0).cmp(&(b.0 != "[Content_Types].xml", &b.0))
    });
    let year = stamp.0.clamp(1980, 2107) as u16;
    let dt = zip::DateTime::from_date_and_time(
        year,
        stamp.1 as u8,
        stamp.2 as u8,
        stamp.3 as u8,
        stamp.4 as u8,
        stamp.5 as u8,
    )
    .map_err(|e| err(&e))?;
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(dt)
        .unix_permissions(0o644);
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in &entries {
        out.start_file(name.as_str(), opts).map_err(|e| err(&e))?;
        out.write_all(data).map_err(|e| err(&e))?;
    }
    Ok(out.finish().map_err(|e| err(&e))?.into_inner())
}
