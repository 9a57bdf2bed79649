//! IR → `word/document.xml` and the header parts, written directly in ECMA-376 order (every
//! property container's children in the schema's sequence, on/off properties as Word writes them)
//! so Word opens the file untouched. Paragraphs reference their role's style and carry direct
//! formatting only where they differ from it.

use super::styles::{Look, Styles, jc};
use super::{CELL_MARGIN, pt_tw, tw};
use dxplan_core::compose::ir::{self, Block, PageSection, RowKind};
use dxplan_core::compose::measure;

pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A character XML 1.0 cannot carry at all (control characters but tab, newline and carriage
/// return; U+FFFE, U+FFFF): whatever a plan contains, the writer never emits ill-formed XML.
fn xml_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// Text safe for element content and attribute values.
pub fn esc(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['&', '<', '>', '"']) && !s.chars().any(xml_forbidden) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if xml_forbidden(c) => {}
            c => out.push(c),
        }
    }
    out.into()
}

/// The relationship ids of one section's two headers (default: the page number; first: empty).
pub struct SectionHeaders {
    pub default: String,
    pub first: String,
}

/// `word/document.xml`. `headers[i]` are the relationship ids of section `i`'s headers.
pub fn document(doc: &ir::Document, styles: &Styles, headers: &[SectionHeaders]) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#);
    out.push_str(&format!(
        r#"<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>"#
    ));
    let n = doc.sections.len();
    for (i, s) in doc.sections.iter().enumerate() {
        let w = s.text_width_pt();
        for b in &s.blocks {
            block(b, w, styles, false, &mut out);
        }
        if i + 1 < n {
            // A section ends with the paragraph that carries its properties.
            out.push_str("<w:p><w:pPr>");
            sect_pr(s, &headers[i], &mut out);
            out.push_str("</w:pPr></w:p>");
        } else {
            sect_pr(s, &headers[i], &mut out);
        }
    }
    out.push_str("</w:body></w:document>");
    out
}

/// A header part: the centred page number (a PAGE field), or nothing (the first page).
pub fn header(size_pt: Option<f32>) -> String {
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">"#
    );
    match size_pt {
        None => out.push_str("<w:p/>"),
        Some(pt) => {
            let sz = (pt * 2.0).round() as u32;
            let rpr = if sz == super::styles::NORMAL_SIZE {
                String::new()
            } else {
                format!(r#"<w:rPr><w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/></w:rPr>"#)
            };
            out.push_str(r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr>"#);
            for inner in [
                r#"<w:fldChar w:fldCharType="begin"/>"#,
                r#"<w:instrText xml:space="preserve"> PAGE </w:instrText>"#,
                r#"<w:fldChar w:fldCharType="separate"/>"#,
                "<w:t>2</w:t>",
                r#"<w:fldChar w:fldCharType="end"/>"#,
            ] {
                out.push_str(&format!("<w:r>{rpr}{inner}</w:r>"));
            }
            out.push_str("</w:p>");
        }
    }
    out.push_str("</w:hdr>");
    out
}

/// `w:sectPr`: headers, page size and orientation, margins, numbering restart, first page apart.
fn sect_pr(s: &PageSection, h: &SectionHeaders, out: &mut String) {
    let (pw, ph) = if s.landscape {
        (16838, 11906)
    } else {
        (11906, 16838)
    };
    let orient = if s.landscape {
        r#" w:orient="landscape""#
    } else {
        ""
    };
    let m = &s.margins;
    out.push_str(&format!(
        concat!(
            r#"<w:sectPr><w:headerReference w:type="default" r:id="{}"/>"#,
            r#"<w:headerReference w:type="first" r:id="{}"/>"#,
            r#"<w:pgSz w:w="{}" w:h="{}"{}/>"#,
            r#"<w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="{}" w:footer="{}" w:gutter="0"/>"#,
        ),
        h.default,
        h.first,
        pw,
        ph,
        orient,
        tw(m.top),
        tw(m.right),
        tw(m.bottom),
        tw(m.left),
        tw(s.header_distance),
        tw(10.0),
    ));
    if s.restart_numbering {
        out.push_str(r#"<w:pgNumType w:start="1"/>"#);
    }
    out.push_str(r#"<w:cols w:space="425"/><w:titlePg/></w:sectPr>"#);
}

/// A block laid out in a container `width` points wide (the text area or a table cell).
/// `keep_next` keeps its paragraphs with what follows (the row before a totals row).
fn block(b: &Block, width: f32, styles: &Styles, keep_next: bool, out: &mut String) {
    match b {
        Block::Paragraph(p) => paragraph(p, width, styles, keep_next, out),
        Block::Rule(r) => rule(r, width, out),
        Block::Table(t) => table(t, styles, out),
    }
}

/// A paragraph written against its role's style: direct formatting only where it differs.
fn paragraph(p: &ir::Para, width: f32, styles: &Styles, keep_next: bool, out: &mut String) {
    let look = Look::of(p);
    let (id, base) = match styles.get(p.role) {
        Some((id, base)) => (Some(id), *base),
        None => (None, look),
    };
    let mut ppr = String::new();
    if let Some(id) = id {
        ppr.push_str(&format!(r#"<w:pStyle w:val="{id}"/>"#));
    }
    if (look.keep_next || keep_next) && !base.keep_next {
        ppr.push_str("<w:keepNext/>");
    }
    if p.boxed {
        ppr.push_str("<w:pBdr>");
        for side in ["top", "left", "bottom", "right"] {
            ppr.push_str(&format!(
                r#"<w:{side} w:val="single" w:sz="8" w:space="2" w:color="auto"/>"#
            ));
        }
        ppr.push_str("</w:pBdr>");
    }
    let mut spacing = String::new();
    if look.before != base.before {
        spacing.push_str(&format!(r#" w:before="{}""#, look.before));
    }
    if look.after != base.after {
        spacing.push_str(&format!(r#" w:after="{}""#, look.after));
    }
    if look.line != base.line {
        spacing.push_str(&format!(r#" w:line="{}" w:lineRule="auto""#, look.line));
    }
    if !spacing.is_empty() {
        ppr.push_str(&format!("<w:spacing{spacing}/>"));
    }
    if p.boxed {
        // A box just around the text: indented from the left so it is as wide as its text.
        let text: String = p.runs.iter().map(|r| r.text.as_str()).collect();
        let w = measure::width(&text, p.size, true, false) + 12.0;
        ppr.push_str(&format!(
            r#"<w:ind w:left="{}"/>"#,
            pt_tw((width - w).max(0.0))
        ));
    } else if look.first_line != base.first_line {
        ppr.push_str(&format!(r#"<w:ind w:firstLine="{}"/>"#, look.first_line));
    }
    if look.align != base.align {
        ppr.push_str(&format!(r#"<w:jc w:val="{}"/>"#, jc(look.align)));
    }
    out.push_str("<w:p>");
    if !ppr.is_empty() {
        out.push_str("<w:pPr>");
        out.push_str(&ppr);
        out.push_str("</w:pPr>");
    }
    for r in &p.runs {
        run(r, &look, &base, out);
    }
    out.push_str("</w:p>");
}

/// One run: bold, italic and size only where they differ from the style; a line break inside
/// the text is a `w:br`, as the PDF breaks the line.
fn run(r: &ir::Run, look: &Look, base: &Look, out: &mut String) {
    if r.text.is_empty() {
        return;
    }
    let mut rpr = String::new();
    match (r.bold, base.bold) {
        (true, false) => rpr.push_str("<w:b/><w:bCs/>"),
        (false, true) => rpr.push_str(r#"<w:b w:val="0"/><w:bCs w:val="0"/>"#),
        _ => {}
    }
    match (r.italic, base.italic) {
        (true, false) => rpr.push_str("<w:i/><w:iCs/>"),
        (false, true) => rpr.push_str(r#"<w:i w:val="0"/><w:iCs w:val="0"/>"#),
        _ => {}
    }
    if look.size != base.size {
        rpr.push_str(&format!(
            r#"<w:sz w:val="{s}"/><w:szCs w:val="{s}"/>"#,
            s = look.size
        ));
    }
    out.push_str("<w:r>");
    if !rpr.is_empty() {
        out.push_str("<w:rPr>");
        out.push_str(&rpr);
        out.push_str("</w:rPr>");
    }
    // Word's soft line break (U+000B, common in text pasted from Word) is a line break too.
    for (i, line) in r.text.split(['\n', '\u{b}']).enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        // A joined hyphen ("KH-⁠UBND") is Word's non-breaking hyphen; a joiner after '/' stays
        // as U+2060, which Word and LibreOffice treat as "no break here".
        for (j, piece) in line.split("-\u{2060}").enumerate() {
            if j > 0 {
                out.push_str("<w:noBreakHyphen/>");
            }
            if !piece.is_empty() {
                out.push_str(r#"<w:t xml:space="preserve">"#);
                out.push_str(&esc(piece));
                out.push_str("</w:t>");
            }
        }
    }
    out.push_str("</w:r>");
}

/// A centred rule of exact length: an empty 1 pt paragraph with only a bottom border, narrowed
/// by equal left and right indents (how Vietnamese Word templates draw it).
fn rule(r: &ir::Rule, width: f32, out: &mut String) {
    let side = pt_tw(((width - r.width) / 2.0).max(0.0));
    out.push_str(&format!(
        concat!(
            r#"<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="{}" w:space="0" w:color="auto"/></w:pBdr>"#,
            r#"<w:spacing w:before="{}" w:after="{}" w:line="20" w:lineRule="exact"/>"#,
            r#"<w:ind w:left="{side}" w:right="{side}"/>"#,
            r#"<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>"#,
        ),
        (r.thickness * 8.0).round() as u32,
        pt_tw(r.space_before),
        pt_tw(r.space_after),
        side = side,
    ));
}

fn table(t: &ir::Table, styles: &Styles, out: &mut String) {
    let grid: Vec<i32> = t.columns.iter().map(|c| tw(*c)).collect();
    let total: i32 = grid.iter().sum();
    out.push_str(&format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/>"#
    ));
    if t.indent != 0.0 {
        out.push_str(&format!(
            r#"<w:tblInd w:w="{}" w:type="dxa"/>"#,
            tw(t.indent)
        ));
    }
    if t.borders {
        out.push_str("<w:tblBorders>");
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            out.push_str(&format!(
                r#"<w:{side} w:val="single" w:sz="2" w:space="0" w:color="000000"/>"#
            ));
        }
        out.push_str("</w:tblBorders>");
    }
    out.push_str(r#"<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>"#);
    for g in &grid {
        out.push_str(&format!(r#"<w:gridCol w:w="{g}"/>"#));
    }
    out.push_str("</w:tblGrid>");
    for (ri, row) in t.rows.iter().enumerate() {
        // The totals row never stands alone at the top of a page: the row before it (and every
        // totals row but the last) keeps with the next. A group row ("III.7 An toàn thông tin
        // mạng") keeps with its first item: a table page never ends on a group row.
        let keep = row.kind == RowKind::Group
            || t.rows
                .get(ri + 1)
                .is_some_and(|next| next.kind == RowKind::Total);
        out.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if ri < t.header_rows {
            out.push_str("<w:tblHeader/>");
        }
        out.push_str("</w:trPr>");
        let mut col = 0;
        for c in &row.cells {
            let end = (col + c.span).min(grid.len());
            let w: i32 = grid[col.min(end)..end].iter().sum();
            col += c.span;
            out.push_str(&format!(r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>"#));
            if c.span > 1 {
                out.push_str(&format!(r#"<w:gridSpan w:val="{}"/>"#, c.span));
            }
            out.push_str(r#"<w:vAlign w:val="center"/></w:tcPr>"#);
            let inner = (w - 2 * CELL_MARGIN) as f32 / 20.0;
            for b in &c.blocks {
                block(b, inner, styles, keep, out);
            }
            // A cell ends with a paragraph (CT_Tc).
            if !matches!(c.blocks.last(), Some(Block::Paragraph(_) | Block::Rule(_))) {
                out.push_str("<w:p/>");
            }
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}
