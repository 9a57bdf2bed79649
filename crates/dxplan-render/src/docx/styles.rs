//! Named paragraph styles, one per role of the IR, so a clerk edits "Heading 1" once rather than
//! every heading, Word's Navigation pane lists the headings (outline levels 0–3), and paragraphs
//! carry direct formatting only where they differ from their style.
//!
//! A style's look is the most common look of its role's paragraphs in this document (ties go to
//! the first seen), so nothing is said twice and compose stays the one place that decides a
//! measure. Names are English, as Word's own built-in names are ("heading 1", "Body Text"), and
//! documented in docs/DECISIONS.md.

use std::collections::HashMap;

use dxplan_core::compose::ir::{self, Align, Block, Role};

/// Style id, display name and outline level of each role. Built-in Word styles keep their
/// built-in id and lower-case name so Word maps them to its own ("heading 1" → Navigation pane).
const STYLES: &[(Role, &str, &str, Option<u8>)] = &[
    (Role::DraftMark, "DraftMark", "Draft Mark", None),
    (
        Role::HeaderParent,
        "HeaderParent",
        "Header Parent Body",
        None,
    ),
    (Role::HeaderIssuer, "HeaderIssuer", "Header Issuer", None),
    (
        Role::HeaderNumber,
        "DocumentNumber",
        "Document Number",
        None,
    ),
    (Role::NationalName, "NationalName", "National Name", None),
    (Role::Motto, "Motto", "Motto", None),
    (Role::PlaceDate, "PlaceDate", "Place and Date", None),
    (Role::DocType, "DocumentType", "Document Type", None),
    (Role::Summary, "Summary", "Summary", None),
    (Role::AttachedTo, "AttachedTo", "Attached To", None),
    (Role::PartLabel, "PartLabel", "Part Label", None),
    (Role::PartTitle, "PartTitle", "Part Title", None),
    (Role::Authority, "Authority", "Authority", None),
    (Role::Ground, "Ground", "Ground", None),
    (Role::Heading1, "Heading1", "heading 1", Some(0)),
    (Role::Heading2, "Heading2", "heading 2", Some(1)),
    (Role::Heading3, "Heading3", "heading 3", Some(2)),
    (Role::Heading4, "Heading4", "heading 4", Some(3)),
    (Role::Body, "BodyText", "Body Text", None),
    (Role::ListItem, "ListItem", "List Item", None),
    (
        Role::RecipientsLabel,
        "RecipientsLabel",
        "Recipients Label",
        None,
    ),
    (Role::Recipient, "Recipient", "Recipient", None),
    (Role::SignerTitle, "SignerTitle", "Signer Title", None),
    (Role::SignerName, "SignerName", "Signer Name", None),
    (Role::AppendixLabel, "AppendixLabel", "Appendix Label", None),
    (Role::AppendixTitle, "AppendixTitle", "Appendix Title", None),
    (Role::TableHeader, "TableHeader", "Table Header", None),
    (Role::TableGroup, "TableGroup", "Table Group", None),
    (Role::TableCell, "TableText", "Table Text", None),
    (Role::TableTotal, "TableTotal", "Table Total", None),
];

/// Built-in styles (Word's names) whose id is not prefixed as custom.
const BUILT_IN: &[&str] = &["Heading1", "Heading2", "Heading3", "Heading4", "BodyText"];

pub const FONT: &str = "Times New Roman";
/// Normal: 14 pt (ND30 body size), in half-points.
pub const NORMAL_SIZE: u32 = 28;

/// What a paragraph looks like, in Word's units (half-points, twips, 240ths of a line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    pub align: Align,
    pub size: u32,
    pub first_line: i32,
    pub before: u32,
    pub after: u32,
    pub line: i32,
    pub keep_next: bool,
    pub bold: bool,
    pub italic: bool,
}

impl Look {
    pub fn of(p: &ir::Para) -> Look {
        // The run that carries most of the text decides the paragraph's bold and italic.
        let main = p.runs.iter().max_by_key(|r| r.text.chars().count());
        Look {
            align: p.align,
            size: (p.size * 2.0).round() as u32,
            first_line: super::tw(p.first_line),
            before: super::pt_tw(p.space_before) as u32,
            after: super::pt_tw(p.space_after) as u32,
            line: (p.line * 240.0).round() as i32,
            keep_next: p.keep_with_next,
            bold: main.is_some_and(|r| r.bold),
            italic: main.is_some_and(|r| r.italic),
        }
    }
}

/// The styles of one document: the look of each role that occurs in it.
pub struct Styles {
    looks: HashMap<Role, Look>,
}

impl Styles {
    pub fn of(doc: &ir::Document) -> Styles {
        let mut seen: HashMap<Role, Vec<Look>> = HashMap::new();
        fn walk(blocks: &[Block], seen: &mut HashMap<Role, Vec<Look>>) {
            for b in blocks {
                match b {
                    Block::Paragraph(p) => seen.entry(p.role).or_default().push(Look::of(p)),
                    Block::Table(t) => t
                        .rows
                        .iter()
                        .flat_map(|r| &r.cells)
                        .for_each(|c| walk(&c.blocks, seen)),
                    Block::Rule(_) => {}
                }
            }
        }
        for s in &doc.sections {
            walk(&s.blocks, &mut seen);
        }
        let looks = seen
            .into_iter()
            .map(|(role, looks)| (role, most_common(&looks)))
            .collect();
        Styles { looks }
    }

    /// The style id and look a paragraph of this role is written against.
    pub fn get(&self, role: Role) -> Option<(&'static str, &Look)> {
        let id = STYLES.iter().find(|s| s.0 == role)?.1;
        Some((id, self.looks.get(&role)?))
    }

    /// `word/styles.xml`: document defaults (Times New Roman on every script, 14 pt, vi-VN),
    /// Word's default styles, and one paragraph style per role present.
    pub fn xml(&self) -> String {
        let mut out = String::with_capacity(12 * 1024);
        out.push_str(concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
        ));
        out.push_str(&format!(
            concat!(
                "<w:docDefaults><w:rPrDefault><w:rPr>",
                r#"<w:rFonts w:ascii="{f}" w:eastAsia="{f}" w:hAnsi="{f}" w:cs="{f}"/>"#,
                r#"<w:sz w:val="{s}"/><w:szCs w:val="{s}"/>"#,
                r#"<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>"#,
                "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>",
                r#"<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>"#,
                "</w:pPr></w:pPrDefault></w:docDefaults>",
            ),
            f = FONT,
            s = NORMAL_SIZE
        ));
        out.push_str(&format!(
            concat!(
                r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal">"#,
                r#"<w:name w:val="Normal"/><w:qFormat/><w:rPr>"#,
                r#"<w:rFonts w:ascii="{f}" w:eastAsia="{f}" w:hAnsi="{f}" w:cs="{f}"/>"#,
                r#"<w:sz w:val="{s}"/><w:szCs w:val="{s}"/><w:lang w:val="vi-VN"/></w:rPr></w:style>"#,
                r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">"#,
                r#"<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>"#,
                r#"<w:unhideWhenUsed/></w:style>"#,
                r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal">"#,
                r#"<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>"#,
                r#"<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>"#,
                r#"<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>"#,
                r#"<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>"#,
                r#"</w:tblCellMar></w:tblPr></w:style>"#,
                r#"<w:style w:type="numbering" w:default="1" w:styleId="NoList">"#,
                r#"<w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/>"#,
                r#"<w:unhideWhenUsed/></w:style>"#,
            ),
            f = FONT,
            s = NORMAL_SIZE
        ));
        for (role, id, name, outline) in STYLES {
            if let Some(look) = self.looks.get(role) {
                style_xml(id, name, *outline, look, &mut out);
            }
        }
        out.push_str("</w:styles>");
        out
    }
}

/// One paragraph style, its properties in schema order.
fn style_xml(id: &str, name: &str, outline: Option<u8>, look: &Look, out: &mut String) {
    let custom = if BUILT_IN.contains(&id) {
        ""
    } else {
        r#" w:customStyle="1""#
    };
    out.push_str(&format!(
        r#"<w:style w:type="paragraph"{custom} w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>"#
    ));
    if look.keep_next {
        out.push_str("<w:keepNext/>");
    }
    out.push_str(&format!(
        r#"<w:spacing w:before="{}" w:after="{}" w:line="{}" w:lineRule="auto"/>"#,
        look.before, look.after, look.line
    ));
    if look.first_line != 0 {
        out.push_str(&format!(r#"<w:ind w:firstLine="{}"/>"#, look.first_line));
    }
    out.push_str(&format!(r#"<w:jc w:val="{}"/>"#, jc(look.align)));
    if let Some(l) = outline {
        out.push_str(&format!(r#"<w:outlineLvl w:val="{l}"/>"#));
    }
    out.push_str("</w:pPr><w:rPr>");
    if look.bold {
        out.push_str("<w:b/><w:bCs/>");
    }
    if look.italic {
        out.push_str("<w:i/><w:iCs/>");
    }
    out.push_str(&format!(
        r#"<w:sz w:val="{s}"/><w:szCs w:val="{s}"/></w:rPr></w:style>"#,
        s = look.size
    ));
}

pub fn jc(a: Align) -> &'static str {
    match a {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Justify => "both",
    }
}

/// The most frequent look; on a tie, the one seen first. Keeping with the next paragraph is a
/// style property only when every paragraph of the role keeps (a paragraph can add it, and
/// writing it off again would need `w:val="0"` on the many that do not).
fn most_common(looks: &[Look]) -> Look {
    let mut counts: Vec<(Look, usize)> = Vec::new();
    for l in looks {
        let key = Look {
            keep_next: false,
            ..*l
        };
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => counts.push((key, 1)),
        }
    }
    let best = counts
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, n))| (*n, std::cmp::Reverse(*i)))
        .map(|(_, (l, _))| *l)
        .unwrap_or(Look {
            align: Align::Left,
            size: NORMAL_SIZE,
            first_line: 0,
            before: 0,
            after: 0,
            line: 240,
            keep_next: false,
            bold: false,
            italic: false,
        });
    Look {
        keep_next: looks.iter().all(|l| l.keep_next),
        ..best
    }
}
