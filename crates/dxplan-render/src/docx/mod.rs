//! IR → DOCX, written directly as WordprocessingML (our own writer, not docx-rs: see
//! docs/DECISIONS.md 35). `document` writes the body and headers in schema order, `styles` the
//! named styles, `parts` the package's fixed parts; the ZIP has a fixed entry order and
//! timestamps so the same input gives the same bytes.

use std::io::{Cursor, Write};

use super::{Context, RenderError, Renderer};
use dxplan_core::compose::ir;

mod document;
mod parts;
mod styles;

use document::SectionHeaders;
use styles::Styles;

pub struct DocxRenderer;

/// Word's default left/right cell margin, twips (the Normal Table style says so).
const CELL_MARGIN: i32 = 108;

fn tw(mm: f32) -> i32 {
    (mm * 1440.0 / 25.4).round() as i32
}

fn pt_tw(pt: f32) -> i32 {
    (pt * 20.0).round() as i32
}

impl Renderer for DocxRenderer {
    fn extension(&self) -> &'static str {
        "docx"
    }
    fn render(
        &self,
        doc: &ir::Document,
        ctx: &Context,
        _diags: &mut Vec<dxplan_core::diag::Diagnostic>,
    ) -> Result<Vec<u8>, RenderError> {
        let stamp = ctx.embedded_time(doc);
        let styles = Styles::of(doc);
        // Two headers per section: the page number, and the empty one of its first page.
        let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
        let mut headers = Vec::new();
        for (i, s) in doc.sections.iter().enumerate() {
            let (d, f) = (2 * i + 1, 2 * i + 2);
            entries.push((
                format!("word/header{d}.xml"),
                document::header(Some(s.page_number_size)).into_bytes(),
            ));
            entries.push((
                format!("word/header{f}.xml"),
                document::header(None).into_bytes(),
            ));
            headers.push(SectionHeaders {
                default: format!("rIdHeader{d}"),
                first: format!("rIdHeader{f}"),
            });
        }
        let n_headers = 2 * doc.sections.len();
        entries.push((
            "word/document.xml".into(),
            document::document(doc, &styles, &headers).into_bytes(),
        ));
        entries.push(("word/styles.xml".into(), styles.xml().into_bytes()));
        entries.extend(parts::fixed(doc, stamp, n_headers));
        zip(entries, stamp)
    }
}

/// The package: `[Content_Types].xml` first, as readers expect, the rest by name; every entry
/// with the one embedded time.
fn zip(
    mut entries: Vec<(String, Vec<u8>)>,
    stamp: (i32, u32, u32, u32, u32, u32),
) -> Result<Vec<u8>, RenderError> {
    let err = |e: &dyn std::fmt::Display| RenderError::of("DOCX", e);
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
    // Deflate level 1: most of the size gain of level 6 at a fraction of the time.
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

#[cfg(test)]
mod tests {
    /// The writer emits every part already in schema order: the canonicalising pass (which sorts
    /// the children of every property container by ECMA-376) changes nothing.
    #[test]
    fn parts_are_already_in_schema_order() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        for ex in ["tinh-ha-lam", "bo-hang-hai"] {
            for draft in [false, true] {
                let c = crate::compile(
                    &root.join("examples").join(ex),
                    &dxplan_core::compose::Options { draft },
                )
                .unwrap();
                let styles = super::Styles::of(&c.doc);
                let headers: Vec<_> = (0..c.doc.sections.len())
                    .map(|i| super::SectionHeaders {
                        default: format!("rIdHeader{}", 2 * i + 1),
                        first: format!("rIdHeader{}", 2 * i + 2),
                    })
                    .collect();
                let doc = super::document::document(&c.doc, &styles, &headers);
                let css = styles.xml();
                for part in [&doc, &css, &super::document::header(Some(13.0))] {
                    assert_eq!(&crate::ooxml::canonicalize(part).unwrap(), part);
                }
            }
        }
    }
}
