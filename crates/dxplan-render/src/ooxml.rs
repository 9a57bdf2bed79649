//! WordprocessingML in the order ECMA-376 defines: a pass that sorts the children of every
//! property container (`w:pPr`, `w:rPr`, `w:tblPr`, `w:sectPr` …) by the schema's sequence, stably,
//! leaving everything else byte for byte. The schema defines these as sequences, and Word drops or
//! "repairs" what is out of order (LibreOffice forgives it, so only a validator sees it).
//!
//! The DOCX writer emits schema order by construction; this pass is its test oracle: writing a
//! part through it must change nothing (`docx::tests`). It was the production fix while docx-rs
//! wrote the parts (docs/DECISIONS.md 30, 35), which is also why it still drops `w:type` on
//! `w:gridCol` and empty `w:rPr`.

use quick_xml::Reader;
use quick_xml::events::Event;

/// Children order of each container (local names; namespace `w:`), from the ECMA-376 transitional
/// schema (wml.xsd).
fn sequence(container: &str) -> Option<&'static [&'static str]> {
    Some(match container {
        "pPr" => &[
            "pStyle",
            "keepNext",
            "keepLines",
            "pageBreakBefore",
            "framePr",
            "widowControl",
            "numPr",
            "suppressLineNumbers",
            "pBdr",
            "shd",
            "tabs",
            "suppressAutoHyphens",
            "kinsoku",
            "wordWrap",
            "overflowPunct",
            "topLinePunct",
            "autoSpaceDE",
            "autoSpaceDN",
            "bidi",
            "adjustRightInd",
            "snapToGrid",
            "spacing",
            "ind",
            "contextualSpacing",
            "mirrorIndents",
            "suppressOverlap",
            "jc",
            "textDirection",
            "textAlignment",
            "textboxTightWrap",
            "outlineLvl",
            "divId",
            "cnfStyle",
            "rPr",
            "sectPr",
            "pPrChange",
        ],
        "rPr" => &[
            "ins",
            "del",
            "moveFrom",
            "moveTo",
            "rStyle",
            "rFonts",
            "b",
            "bCs",
            "i",
            "iCs",
            "caps",
            "smallCaps",
            "strike",
            "dstrike",
            "outline",
            "shadow",
            "emboss",
            "imprint",
            "noProof",
            "snapToGrid",
            "vanish",
            "webHidden",
            "color",
            "spacing",
            "w",
            "kern",
            "position",
            "sz",
            "szCs",
            "highlight",
            "u",
            "effect",
            "bdr",
            "shd",
            "fitText",
            "vertAlign",
            "rtl",
            "cs",
            "em",
            "lang",
            "eastAsianLayout",
            "specVanish",
            "oMath",
            "rPrChange",
        ],
        "tblPr" => &[
            "tblStyle",
            "tblpPr",
            "tblOverlap",
            "bidiVisual",
            "tblStyleRowBandSize",
            "tblStyleColBandSize",
            "tblW",
            "jc",
            "tblCellSpacing",
            "tblInd",
            "tblBorders",
            "shd",
            "tblLayout",
            "tblCellMar",
            "tblLook",
            "tblCaption",
            "tblDescription",
            "tblPrChange",
        ],
        "tcPr" => &[
            "cnfStyle",
            "tcW",
            "gridSpan",
            "hMerge",
            "vMerge",
            "tcBorders",
            "shd",
            "noWrap",
            "tcMar",
            "textDirection",
            "tcFitText",
            "vAlign",
            "hideMark",
            "headers",
            "cellIns",
            "cellDel",
            "cellMerge",
            "tcPrChange",
        ],
        "sectPr" => &[
            "headerReference",
            "footerReference",
            "footnotePr",
            "endnotePr",
            "type",
            "pgSz",
            "pgMar",
            "paperSrc",
            "pgBorders",
            "lnNumType",
            "pgNumType",
            "cols",
            "formProt",
            "vAlign",
            "noEndnote",
            "titlePg",
            "textDirection",
            "bidi",
            "rtlGutter",
            "docGrid",
            "printerSettings",
            "sectPrChange",
        ],
        "pBdr" | "tblBorders" | "tcBorders" | "tblCellMar" | "tcMar" => &[
            "top", "left", "start", "bottom", "right", "end", "between", "bar", "insideH",
            "insideV", "tl2br", "tr2bl",
        ],
        "style" => &[
            "name",
            "aliases",
            "basedOn",
            "next",
            "link",
            "autoRedefine",
            "hidden",
            "uiPriority",
            "semiHidden",
            "unhideWhenUsed",
            "qFormat",
            "locked",
            "personal",
            "personalCompose",
            "personalReply",
            "rsid",
            "pPr",
            "rPr",
            "tblPr",
            "trPr",
            "tcPr",
            "tblStylePr",
        ],
        "docDefaults" => &["rPrDefault", "pPrDefault"],
        "lvl" => &[
            "start",
            "numFmt",
            "lvlRestart",
            "pStyle",
            "isLgl",
            "suff",
            "lvlText",
            "lvlPicBulletId",
            "legacy",
            "lvlJc",
            "pPr",
            "rPr",
        ],
        "settings" => &[
            "writeProtection",
            "view",
            "zoom",
            "removePersonalInformation",
            "removeDateAndTime",
            "doNotDisplayPageBoundaries",
            "displayBackgroundShape",
            "printPostScriptOverText",
            "printFractionalCharacterWidth",
            "printFormsData",
            "embedTrueTypeFonts",
            "embedSystemFonts",
            "saveSubsetFonts",
            "saveFormsData",
            "mirrorMargins",
            "alignBordersAndEdges",
            "bordersDoNotSurroundHeader",
            "bordersDoNotSurroundFooter",
            "gutterAtTop",
            "hideSpellingErrors",
            "hideGrammaticalErrors",
            "activeWritingStyle",
            "proofState",
            "formsDesign",
            "attachedTemplate",
            "linkStyles",
            "stylePaneFormatFilter",
            "stylePaneSortMethod",
            "documentType",
            "mailMerge",
            "revisionView",
            "trackRevisions",
            "doNotTrackMoves",
            "doNotTrackFormatting",
            "documentProtection",
            "autoFormatOverride",
            "styleLockTheme",
            "styleLockQFSet",
            "defaultTabStop",
            "autoHyphenation",
            "consecutiveHyphenLimit",
            "hyphenationZone",
            "doNotHyphenateCaps",
            "showEnvelope",
            "summaryLength",
            "clickAndTypeStyle",
            "defaultTableStyle",
            "evenAndOddHeaders",
            "bookFoldRevPrinting",
            "bookFoldPrinting",
            "bookFoldPrintingSheets",
            "drawingGridHorizontalSpacing",
            "drawingGridVerticalSpacing",
            "displayHorizontalDrawingGridEvery",
            "displayVerticalDrawingGridEvery",
            "doNotUseMarginsForDrawingGridOrigin",
            "drawingGridHorizontalOrigin",
            "drawingGridVerticalOrigin",
            "doNotShadeFormData",
            "noPunctuationKerning",
            "characterSpacingControl",
            "printTwoOnOne",
            "strictFirstAndLastChars",
            "noLineBreaksAfter",
            "noLineBreaksBefore",
            "savePreviewPicture",
            "doNotValidateAgainstSchema",
            "saveInvalidXml",
            "ignoreMixedContent",
            "alwaysShowPlaceholderText",
            "doNotDemarcateInvalidXml",
            "saveXmlDataOnly",
            "useXSLTWhenSaving",
            "saveThroughXslt",
            "showXMLTags",
            "alwaysMergeEmptyNamespace",
            "updateFields",
            "hdrShapeDefaults",
            "footnotePr",
            "endnotePr",
            "compat",
            "docVars",
            "rsids",
            "mathPr",
            "attachedSchema",
            "themeFontLang",
            "clrSchemeMapping",
            "doNotIncludeSubdocsInStats",
            "doNotAutoCompressPictures",
            "forceUpgrade",
            "captions",
            "readModeInkLockDown",
            "smartTagType",
            "schemaLibrary",
            "shapeDefaults",
            "doNotEmbedSmartTags",
            "decimalSymbol",
            "listSeparator",
        ],
        _ => return None,
    })
}

/// A parsed XML node: an element with its start-tag text and children, or raw markup kept as is.
enum Node {
    Elem {
        name: String,
        start: String,
        children: Vec<Node>,
    },
    Raw(String),
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// The start tag's inner text with undeclared attributes removed.
fn start_text(name: &str, raw: &str) -> String {
    if name == "w:gridCol" {
        // docx-rs writes `w:type="dxa"` on grid columns; CT_TblGridCol has only `w:w`.
        return raw.replace(" w:type=\"dxa\"", "");
    }
    // On/off properties as Word writes them: `<w:b/>` and `<w:b w:val="0"/>`, never "true"/"false"
    // (valid in the transitional schema, yet flagged by validators and unlike anything Word saves).
    raw.replace(" w:val=\"true\"", "")
        .replace(" w:val=\"false\"", " w:val=\"0\"")
}

/// Re-orders the children of every property container of one XML part by the schema.
pub fn canonicalize(xml: &str) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<Node> = vec![Node::Elem {
        name: String::new(),
        start: String::new(),
        children: Vec::new(),
    }];
    let push = |stack: &mut Vec<Node>, n: Node| {
        if let Some(Node::Elem { children, .. }) = stack.last_mut() {
            children.push(n);
        }
    };
    loop {
        let ev = reader.read_event().map_err(|e| e.to_string())?;
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        match ev {
            Event::Eof => break,
            Event::Start(e) => {
                let name = text(e.name().as_ref());
                let start = start_text(&name, &text(&e));
                stack.push(Node::Elem {
                    name,
                    start,
                    children: Vec::new(),
                });
            }
            Event::End(_) => {
                let done = stack.pop().ok_or("unbalanced end tag")?;
                let Node::Elem {
                    name,
                    start,
                    mut children,
                } = done
                else {
                    return Err("unbalanced end tag".into());
                };
                if name.starts_with("w:")
                    && let Some(order) = sequence(local(&name))
                {
                    let rank = |n: &Node| match n {
                        Node::Elem { name, .. } => order
                            .iter()
                            .position(|x| *x == local(name))
                            .unwrap_or(order.len()),
                        Node::Raw(_) => order.len(),
                    };
                    children.sort_by_key(rank);
                }
                push(
                    &mut stack,
                    Node::Elem {
                        name,
                        start,
                        children,
                    },
                );
            }
            Event::Empty(e) => {
                let name = text(e.name().as_ref());
                if name == "w:rPr" {
                    // An empty rPr says nothing, and where docx-rs writes one (inside the pPr of
                    // styles and numbering levels, CT_PPrBase) the schema does not allow it.
                    continue;
                }
                // The whole self-closed tag is kept in `start` (see `write`).
                let start = format!("<{}/>", start_text(&name, &text(&e)));
                push(
                    &mut stack,
                    Node::Elem {
                        name,
                        start,
                        children: Vec::new(),
                    },
                );
            }
            Event::Text(e) => push(&mut stack, Node::Raw(text(&e))),
            Event::GeneralRef(e) => push(&mut stack, Node::Raw(format!("&{};", text(&e)))),
            Event::CData(e) => push(&mut stack, Node::Raw(format!("<![CDATA[{}]]>", text(&e)))),
            Event::Comment(e) => push(&mut stack, Node::Raw(format!("<!--{}-->", text(&e)))),
            Event::Decl(e) => push(&mut stack, Node::Raw(format!("<?{}?>", text(&e)))),
            Event::PI(e) => push(&mut stack, Node::Raw(format!("<?{}?>", text(&e)))),
            Event::DocType(e) => push(&mut stack, Node::Raw(format!("<!DOCTYPE {}>", text(&e)))),
        }
    }
    let Some(Node::Elem { children, .. }) = stack.pop() else {
        return Err("unbalanced document".into());
    };
    if !stack.is_empty() {
        return Err("unclosed element".into());
    }
    let mut out = String::with_capacity(xml.len());
    for c in &children {
        write(c, &mut out);
    }
    Ok(out)
}

fn write(n: &Node, out: &mut String) {
    match n {
        Node::Raw(s) => out.push_str(s),
        // An empty element keeps its self-closed form (stored whole in `start`).
        Node::Elem {
            start, children, ..
        } if start.starts_with('<') => {
            debug_assert!(children.is_empty());
            out.push_str(start);
        }
        Node::Elem {
            name,
            start,
            children,
        } => {
            out.push('<');
            out.push_str(start);
            out.push('>');
            for c in children {
                write(c, out);
            }
            out.push_str("</");
            out.push_str(name);
            out.push('>');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::canonicalize;

    #[test]
    fn orders_containers_and_keeps_the_rest() {
        let xml = r#"<?xml version="1.0"?><w:p><w:pPr><w:rPr><w:b/></w:rPr><w:jc w:val="center"/><w:spacing w:before="0"/><w:keepNext/></w:pPr><w:r><w:rPr><w:sz w:val="28"/><w:b/></w:rPr><w:t xml:space="preserve">a &amp; b</w:t></w:r></w:p>"#;
        let out = canonicalize(xml).unwrap();
        assert_eq!(
            out,
            r#"<?xml version="1.0"?><w:p><w:pPr><w:keepNext/><w:spacing w:before="0"/><w:jc w:val="center"/><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">a &amp; b</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn grid_columns_lose_the_undeclared_type() {
        let out =
            canonicalize(r#"<w:tblGrid><w:gridCol w:w="100" w:type="dxa" /></w:tblGrid>"#).unwrap();
        assert_eq!(out, r#"<w:tblGrid><w:gridCol w:w="100" /></w:tblGrid>"#);
    }

    #[test]
    fn on_off_values_as_word_writes_them() {
        let out =
            canonicalize(r#"<w:rPr><w:b w:val="false" /><w:i w:val="true" /></w:rPr>"#).unwrap();
        assert_eq!(out, r#"<w:rPr><w:b w:val="0" /><w:i /></w:rPr>"#);
    }
}
