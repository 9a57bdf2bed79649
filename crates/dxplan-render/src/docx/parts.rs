//! The package's fixed parts: content types, relationships, settings, font table, theme, and the
//! core and app properties (title, issuing body, the plan's own date, Vietnamese).

use super::document::{R_NS, W_NS, esc};
use dxplan_core::compose::ir;

/// A minimal Office theme whose fonts are Times New Roman (Word writes a theme part in every
/// document and the validator requires its relationship).
const THEME: &str = include_str!("../../../../assets/ooxml/theme1.xml");

const XML_DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Every part but the document, its headers and its styles.
pub fn fixed(
    doc: &ir::Document,
    stamp: (i32, u32, u32, u32, u32, u32),
    n_headers: usize,
) -> Vec<(String, Vec<u8>)> {
    let mut types = format!(
        concat!(
            r#"{}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
            r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
            r#"<Default Extension="xml" ContentType="application/xml"/>"#,
            r#"<Override PartName="/word/document.xml" ContentType="{w}.document.main+xml"/>"#,
            r#"<Override PartName="/word/styles.xml" ContentType="{w}.styles+xml"/>"#,
            r#"<Override PartName="/word/settings.xml" ContentType="{w}.settings+xml"/>"#,
            r#"<Override PartName="/word/fontTable.xml" ContentType="{w}.fontTable+xml"/>"#,
            r#"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>"#,
            r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
            r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
        ),
        XML_DECL,
        w = WML
    );
    let mut rels = format!(
        concat!(
            r#"{}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
            r#"<Relationship Id="rIdStyles" Type="{r}/styles" Target="styles.xml"/>"#,
            r#"<Relationship Id="rIdSettings" Type="{r}/settings" Target="settings.xml"/>"#,
            r#"<Relationship Id="rIdFontTable" Type="{r}/fontTable" Target="fontTable.xml"/>"#,
            r#"<Relationship Id="rIdTheme1" Type="{r}/theme" Target="theme/theme1.xml"/>"#,
        ),
        XML_DECL,
        r = REL
    );
    for h in 1..=n_headers {
        types.push_str(&format!(
            r#"<Override PartName="/word/header{h}.xml" ContentType="{WML}.header+xml"/>"#
        ));
        rels.push_str(&format!(
            r#"<Relationship Id="rIdHeader{h}" Type="{REL}/header" Target="header{h}.xml"/>"#
        ));
    }
    let carried = carried(doc);
    if carried.is_some() {
        types.push_str(r#"<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>"#);
        rels.push_str(&format!(
            r#"<Relationship Id="rIdCarried" Type="{REL}/customXml" Target="../customXml/item1.xml"/>"#
        ));
    }
    types.push_str("</Types>");
    rels.push_str("</Relationships>");
    let package_rels = format!(
        concat!(
            r#"{}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
            r#"<Relationship Id="rId1" Type="{r}/officeDocument" Target="word/document.xml"/>"#,
            r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
            r#"<Relationship Id="rId3" Type="{r}/extended-properties" Target="docProps/app.xml"/>"#,
            "</Relationships>",
        ),
        XML_DECL,
        r = REL
    );
    let mut parts = vec![
        ("[Content_Types].xml".into(), types.into_bytes()),
        ("_rels/.rels".into(), package_rels.into_bytes()),
        ("word/_rels/document.xml.rels".into(), rels.into_bytes()),
        ("word/settings.xml".into(), settings().into_bytes()),
        ("word/fontTable.xml".into(), font_table().into_bytes()),
        ("word/theme/theme1.xml".into(), THEME.as_bytes().to_vec()),
        ("docProps/core.xml".into(), core(doc, stamp).into_bytes()),
        ("docProps/app.xml".into(), app().into_bytes()),
    ];
    if let Some(item) = carried {
        parts.push(("customXml/item1.xml".into(), item.into_bytes()));
        parts.push((
            "customXml/itemProps1.xml".into(),
            format!(
                concat!(
                    r#"{}<ds:datastoreItem ds:itemID="{{5D7A1C3E-2B4F-4E6A-9C8D-0F1E2D3C4B5A}}" "#,
                    r#"xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">"#,
                    r#"<ds:schemaRefs><ds:schemaRef ds:uri="{}"/></ds:schemaRefs></ds:datastoreItem>"#,
                ),
                XML_DECL, CARRIED_NS
            )
            .into_bytes(),
        ));
        parts.push((
            "customXml/_rels/item1.xml.rels".into(),
            format!(
                concat!(
                    r#"{}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
                    r#"<Relationship Id="rId1" Type="{}/customXmlProps" Target="itemProps1.xml"/>"#,
                    "</Relationships>",
                ),
                XML_DECL, REL
            )
            .into_bytes(),
        ));
    }
    parts
}

/// The namespace of the part that carries what the page does not show (`compose::carried`); the
/// importer reads the part by it.
pub const CARRIED_NS: &str = "urn:dxplan:carried:1";

/// `customXml/item1.xml`: one `item` per target, task and project, its fields as JSON in an
/// attribute (escaped like any attribute; the importer accepts only the keys it knows).
fn carried(doc: &ir::Document) -> Option<String> {
    if doc.carried.is_empty() {
        return None;
    }
    let mut s = format!(r#"{XML_DECL}<dxplan xmlns="{CARRIED_NS}">"#);
    for c in &doc.carried {
        s.push_str(&format!(
            r#"<item kind="{}" key="{}" fields="{}"/>"#,
            c.kind,
            esc(&c.key),
            esc(&c.fields.to_string())
        ));
    }
    s.push_str("</dxplan>");
    Some(s)
}

/// Word 2013+ compatibility mode, Vietnamese number punctuation for fields. `doNotExpandShiftReturn`:
/// a justified line ending in a manual line break is not stretched across the page (Word does it
/// by default; LibreOffice and typst never do).
fn settings() -> String {
    format!(
        concat!(
            r#"{}<w:settings xmlns:w="{}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>"#,
            r#"<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:doNotExpandShiftReturn/>"#,
            r#"<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>"#,
            r#"<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>"#,
            r#"<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>"#,
            r#"<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>"#,
            r#"<w:compatSetting w:name="differentiateMultirowTableHeaders" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>"#,
            r#"</w:compat><w:themeFontLang w:val="vi-VN"/>"#,
            r#"<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>"#,
        ),
        XML_DECL, W_NS
    )
}

fn font_table() -> String {
    format!(
        concat!(
            r#"{}<w:fonts xmlns:w="{}" xmlns:r="{}"><w:font w:name="Times New Roman">"#,
            r#"<w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>"#,
            r#"<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>"#,
        ),
        XML_DECL, W_NS, R_NS
    )
}

/// Title, issuing body, Vietnamese, and the one embedded date (never the time of the build).
fn core(doc: &ir::Document, s: (i32, u32, u32, u32, u32, u32)) -> String {
    let iso = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        s.0, s.1, s.2, s.3, s.4, s.5
    );
    format!(
        concat!(
            r#"{}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{}</dc:title><dc:creator>{}</dc:creator>",
            "<cp:lastModifiedBy>dxplan</cp:lastModifiedBy><cp:revision>1</cp:revision>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{iso}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{iso}</dcterms:modified>"#,
            "<dc:language>vi-VN</dc:language></cp:coreProperties>",
        ),
        XML_DECL,
        esc(&doc.title),
        esc(&doc.author),
        iso = iso
    )
}

fn app() -> String {
    format!(
        concat!(
            r#"{}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" "#,
            r#"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
            "<Application>dxplan</Application></Properties>",
        ),
        XML_DECL
    )
}
