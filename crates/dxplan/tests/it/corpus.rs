//! Issue 21's corpus: clerk-style DOCX files made from both examples' DOCX the ways clerks' files
//! differ from dxplan's — named styles stripped to direct formatting (bold runs, centred
//! paragraphs); heading numbers as Word's automatic multilevel list (numbering.xml, one list
//! instance per Phần restarted by `lvlOverride`); the text in TCVN3 or VNI fonts; the numbered file
//! re-saved by LibreOffice (interop) — each without dxplan's own record, as a clerk's file has
//! none. Each imports with every metadata field, every project and the exact total, every word of
//! the document kept, and ≥ 95 % of each section's printed words in that section.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common;

/// The parts of a DOCX, as text (dxplan writes only XML parts).
pub fn parts(docx: &Path) -> Vec<(String, String)> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut s = String::new();
            std::io::Read::read_to_string(&mut f, &mut s).unwrap();
            (f.name().to_string(), s)
        })
        .collect()
}

/// A DOCX of these parts, written to `to`.
pub fn write(parts: &[(String, String)], to: &Path) {
    let mut z = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for (name, text) in parts {
        z.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut z, text.as_bytes()).unwrap();
    }
    z.finish().unwrap();
}

fn part<'a>(parts: &'a mut [(String, String)], name: &str) -> &'a mut String {
    &mut parts.iter_mut().find(|p| p.0 == name).unwrap().1
}

/// A clerk's file has no dxplan record: the custom XML part and its references go.
fn without_record(mut p: Vec<(String, String)>) -> Vec<(String, String)> {
    p.retain(|x| !x.0.starts_with("customXml/"));
    for name in ["[Content_Types].xml", "word/_rels/document.xml.rels"] {
        let s = part(&mut p, name);
        while let Some(at) = s.find("customXml") {
            let start = s[..at].rfind('<').unwrap();
            let end = at + s[at..].find("/>").unwrap() + 2;
            s.replace_range(start..end, "");
        }
    }
    p
}

/// The paragraph styles of dxplan's DOCX that are bold / centred.
const BOLD: &[&str] = &[
    "HeaderIssuer",
    "NationalName",
    "Motto",
    "DocumentType",
    "Summary",
    "PartLabel",
    "PartTitle",
    "Heading1",
    "Heading2",
    "Heading3",
    "RecipientsLabel",
    "SignerTitle",
    "SignerName",
    "AppendixLabel",
    "AppendixTitle",
    "TableHeader",
    "TableGroup",
];
const CENTRE: &[&str] = &[
    "HeaderIssuer",
    "DocumentNumber",
    "NationalName",
    "Motto",
    "PlaceDate",
    "DocumentType",
    "Summary",
    "AttachedTo",
    "PartLabel",
    "PartTitle",
    "SignerTitle",
    "SignerName",
    "AppendixLabel",
    "AppendixTitle",
    "TableHeader",
    "TableGroup",
];

/// Each paragraph of the body with its style, for the transformations.
fn paragraphs(body: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(at) = rest.find("<w:p>") {
        out.push((rest[..at].to_string(), None));
        let end = rest[at..].find("</w:p>").unwrap() + at + 6;
        let p = &rest[at..end];
        let style = p.find("<w:pStyle w:val=\"").map(|i| {
            let v = &p[i + 17..];
            v[..v.find('"').unwrap()].to_string()
        });
        out.push((p.to_string(), style.or(Some(String::new()))));
        rest = &rest[end..];
    }
    out.push((rest.to_string(), None));
    out
}

/// Named styles replaced by what they gave, written on the paragraph and its runs; the styles
/// part left with "Normal" only.
fn direct_formatting(mut p: Vec<(String, String)>) -> Vec<(String, String)> {
    let body = part(&mut p, "word/document.xml").clone();
    let mut out = String::new();
    for (text, style) in paragraphs(&body) {
        let Some(style) = style.filter(|s| !s.is_empty()) else {
            out.push_str(&text);
            continue;
        };
        let jc = if CENTRE.contains(&style.as_str()) {
            r#"<w:jc w:val="center"/>"#
        } else {
            ""
        };
        let mut t = text.replace(&format!(r#"<w:pStyle w:val="{style}"/>"#), jc);
        if BOLD.contains(&style.as_str()) {
            t = t
                .replace("<w:r><w:rPr>", "<w:r><w:rPr><w:b/>")
                .replace("<w:r><w:t", "<w:r><w:rPr><w:b/></w:rPr><w:t");
        }
        out.push_str(&t);
    }
    *part(&mut p, "word/document.xml") = out;
    *part(&mut p, "word/styles.xml") = concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>"#,
        "</w:styles>"
    )
    .to_string();
    p
}

fn roman(n: usize) -> String {
    [
        "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
    ]
    .get(n)
    .map_or(n.to_string(), |s| s.to_string())
}

/// Headings' typed numbers ("II. ", "1. ", "1.1. ") replaced by Word's automatic numbering: one
/// multilevel list (I. / 1. / 1.1.), a new instance restarted at each Phần. A number the list
/// would not print there (a heading emptied and skipped) stays typed, as a clerk leaves it.
/// Runs on the original styles, then strips them.
fn automatic_numbering(mut p: Vec<(String, String)>) -> Vec<(String, String)> {
    let body = part(&mut p, "word/document.xml").clone();
    let mut out = String::new();
    let (mut num, mut c) = (0usize, [0usize; 3]);
    for (text, style) in paragraphs(&body) {
        let style = style.unwrap_or_default();
        if style == "PartLabel" {
            num += 1;
            c = [0; 3];
        }
        let level = match style.as_str() {
            "Heading1" => Some(0),
            "Heading2" => Some(1),
            "Heading3" => Some(2),
            _ => None,
        };
        let typed = text
            .find("<w:t xml:space=\"preserve\">")
            .map(|i| i + 26)
            .and_then(|i| text[i..].split_once(' ').map(|(n, _)| (i, n.to_string())));
        let (Some(level), Some((at, typed)), true) = (level, typed, num > 0) else {
            out.push_str(&text);
            continue;
        };
        let mut next = c;
        next[level] += 1;
        for l in next.iter_mut().skip(level + 1) {
            *l = 0;
        }
        let printed = match level {
            0 => format!("{}.", roman(next[0])),
            1 => format!("{}.", next[1]),
            _ => format!("{}.{}.", next[1], next[2]),
        };
        if printed != typed {
            out.push_str(&text);
            continue;
        }
        c = next;
        let mut t = text.clone();
        t.replace_range(at..at + typed.len() + 1, "");
        let numbered = format!(
            r#"<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>"#
        );
        out.push_str(&t.replacen("<w:pPr>", &numbered, 1));
    }
    *part(&mut p, "word/document.xml") = out;
    let lvl = |i: usize, fmt: &str, text: &str| {
        format!(
            r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>"#
        )
    };
    let mut numbering = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>{}{}{}</w:abstractNum>"#,
        lvl(0, "upperRoman", "%1."),
        lvl(1, "decimal", "%2."),
        lvl(2, "decimal", "%2.%3.")
    );
    for n in 1..=num {
        numbering.push_str(&format!(
            r#"<w:num w:numId="{n}"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#
        ));
    }
    numbering.push_str("</w:numbering>");
    p.push(("word/numbering.xml".into(), numbering));
    let types = part(&mut p, "[Content_Types].xml");
    *types = types.replace(
        "</Types>",
        r#"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"#,
    );
    let rels = part(&mut p, "word/_rels/document.xml.rels");
    *rels = rels.replace(
        "</Relationships>",
        r#"<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#,
    );
    direct_formatting(p)
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// An old encoding: a run's text as (font, bytes as characters) runs.
type Encoder = fn(&str) -> Vec<(&'static str, String)>;

/// TCVN3, set in ".VnTime" (".VnTimeH" for the capitals it cannot draw).
fn tcvn3(text: &str) -> Vec<(&'static str, String)> {
    dxplan_import::tcvn3::encode(text)
        .into_iter()
        .map(|(s, caps)| (if caps { ".VnTimeH" } else { ".VnTime" }, s))
        .collect()
}

/// VNI, set in "VNI-Times".
fn vni(text: &str) -> Vec<(&'static str, String)> {
    vec![("VNI-Times", dxplan_import::vni::encode(text))]
}

/// Every run's text in an old encoding and its fonts.
fn legacy(mut p: Vec<(String, String)>, encode: Encoder) -> Vec<(String, String)> {
    let body = part(&mut p, "word/document.xml").clone();
    let mut out = String::new();
    let mut rest = body.as_str();
    while let Some(at) = rest.find("<w:r>") {
        out.push_str(&rest[..at]);
        let end = rest[at..].find("</w:r>").unwrap() + at + 6;
        let run = &rest[at..end];
        rest = &rest[end..];
        let rpr = run
            .find("<w:rPr>")
            .map(|i| &run[i + 7..run.find("</w:rPr>").unwrap()])
            .unwrap_or("");
        // The run's children after its properties: texts, and marks such as <w:noBreakHyphen/>.
        let mut kids = &run[run.find("</w:rPr>").map_or(5, |i| i + 8)..run.len() - 6];
        while !kids.is_empty() {
            let end = if kids.starts_with("<w:t>") || kids.starts_with("<w:t ") {
                kids.find("</w:t>").unwrap() + 6
            } else {
                kids.find("/>").unwrap() + 2
            };
            let kid = &kids[..end];
            kids = &kids[end..];
            if !(kid.starts_with("<w:t>") || kid.starts_with("<w:t ")) {
                out.push_str(&format!("<w:r><w:rPr>{rpr}</w:rPr>{kid}</w:r>"));
                continue;
            }
            let text = unescape(&kid[kid.find('>').unwrap() + 1..kid.len() - 6]);
            for (font, bytes) in encode(&text) {
                out.push_str(&format!(
                    r#"<w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>{rpr}</w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
                    escape(&bytes)
                ));
            }
        }
    }
    out.push_str(rest);
    *part(&mut p, "word/document.xml") = out;
    p
}

/// Words as a reader counts them, with how many times.
fn words(text: &str, into: &mut BTreeMap<String, usize>) {
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
    {
        *into.entry(w.to_lowercase()).or_insert(0) += 1;
    }
}

/// The words each section prints, from its file's texts: ids, links and hidden fields aside, a
/// target's `text` aside when its `display` is what prints. Phụ lục files count as one bucket.
fn printed_by_section(dir: &Path) -> BTreeMap<String, BTreeMap<String, usize>> {
    fn walk(v: &serde_json::Value, into: &mut BTreeMap<String, usize>) {
        match v {
            serde_json::Value::String(s) => words(s, into),
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, into)),
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    let hidden = matches!(
                        k.as_str(),
                        "section"
                            | "id"
                            | "priority_tasks"
                            | "tasks"
                            | "metric"
                            | "indicator"
                            | "item"
                            | "number"
                            | "result"
                            | "baseline"
                            | "appendix"
                            | "generate"
                    ) || (k == "text" && m.contains_key("display"));
                    if !hidden {
                        walk(x, into);
                    }
                }
            }
            _ => {}
        }
    }
    let mut out: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        if e.path().extension().is_none_or(|x| x != "yaml") {
            continue;
        }
        let v: serde_json::Value =
            serde_saphyr::from_str(&std::fs::read_to_string(e.path()).unwrap()).unwrap();
        let bucket = match v.get("section").and_then(|s| s.as_str()) {
            Some(s) => s.to_string(),
            None => "phụ lục".to_string(),
        };
        walk(&v, out.entry(bucket).or_default());
    }
    out
}

/// The share of the original's printed words that the import has in the same section.
fn in_right_section(original: &Path, imported: &Path) -> f64 {
    let (a, b) = (printed_by_section(original), printed_by_section(imported));
    let (mut total, mut placed) = (0usize, 0usize);
    for (section, ws) in &a {
        for (w, n) in ws {
            total += n;
            let got = b.get(section).and_then(|x| x.get(w)).copied().unwrap_or(0);
            placed += got.min(*n);
        }
    }
    placed as f64 / total as f64
}

fn check_import(ex: &str, variant: &str, docx: &Path, tmp: &Path) -> f64 {
    let out = tmp.join(format!("{ex}-{variant}"));
    let o = common::dxplan()
        .arg("import")
        .arg(docx)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{ex} {variant}: {o:?}");
    let opts = dxplan_core::compose::Options { draft: false };
    let original = dxplan_core::compile(&common::example(ex), &opts)
        .unwrap()
        .plan;
    let imported = dxplan_core::compile(&out, &opts).unwrap().plan;
    // All metadata.
    let meta = |p: &dxplan_core::model::Plan| {
        let c = p.config.as_ref().unwrap();
        let i = p.issue(dxplan_core::model::DocKind::Plan);
        let t = |x: &dxplan_core::model::types::Text| x.value.trim().to_string();
        let signer = |s: &Option<dxplan_core::model::types::Signer>| {
            s.as_ref()
                .map(|s| (s.titles.iter().map(t).collect::<Vec<_>>(), t(&s.name)))
        };
        let recipients = |r: &Option<dxplan_core::model::types::Recipients>| {
            r.as_ref().map(|r| r.list.iter().map(t).collect::<Vec<_>>())
        };
        let d = c.decision.as_ref();
        format!(
            "{:?} {} {} {} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
            c.issuer.name.iter().map(t).collect::<Vec<_>>(),
            c.issuer.full_name.value,
            c.document.title.value,
            i.number_symbol(false),
            i.on().map(|d| d.short()),
            signer(&c.signer),
            recipients(&c.recipients),
            c.level.value,
            d.and_then(|d| d.number.as_ref().map(t)),
            d.and_then(|d| d.date.as_ref().map(t)),
            d.map(|d| t(&d.issuer)),
            d.map(|d| signer(&d.signer)),
            d.map(|d| recipients(&d.recipients)),
            d.map(|d| d.bases.iter().map(t).collect::<Vec<_>>()),
        )
    };
    assert_eq!(meta(&original), meta(&imported), "{ex} {variant}");
    // Every project, the exact total.
    let projects = |p: &dxplan_core::model::Plan| {
        let mut v: Vec<(String, Option<f64>)> = p
            .projects()
            .map(|(_, x)| (x.name.value.clone(), x.amount()))
            .collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    };
    assert_eq!(projects(&original), projects(&imported), "{ex} {variant}");
    let total = |p: &dxplan_core::model::Plan| -> f64 {
        p.projects().filter_map(|(_, x)| x.amount()).sum()
    };
    assert!(
        (total(&original) - total(&imported)).abs() < 1e-6,
        "{ex} {variant}"
    );
    // Every word of the document kept (placed, or in chua-xep.md, or dxplan's own wording).
    let lost = super::import::lost_words(docx, &out, &imported);
    assert!(
        lost.is_empty(),
        "{ex} {variant}: words not imported: {lost:?}"
    );
    let share = in_right_section(&common::example(ex), &out);
    assert!(
        share >= 0.95,
        "{ex} {variant}: {:.1} % of the words in the right section",
        share * 100.0
    );
    share
}

fn corpus(tmp: &Path, ex: &str) -> Vec<(&'static str, std::path::PathBuf)> {
    let built = tmp.join(format!("{ex}.docx"));
    common::build_docx(&common::example(ex), &built);
    let base = without_record(parts(&built));
    let mut out = Vec::new();
    for (name, p) in [
        ("kieu-truc-tiep", direct_formatting(base.clone())),
        ("danh-so-tu-dong", automatic_numbering(base.clone())),
        ("tcvn3", legacy(direct_formatting(base.clone()), tcvn3)),
        ("vni", legacy(direct_formatting(base.clone()), vni)),
    ] {
        let f = tmp.join(format!("{ex}-{name}.docx"));
        write(&p, &f);
        out.push((name, f));
    }
    out
}

#[test]
fn clerk_style_files_import_with_their_words_in_the_right_sections() {
    let tmp = tempfile::tempdir().unwrap();
    for ex in ["tinh-ha-lam", "bo-hang-hai"] {
        for (variant, f) in corpus(tmp.path(), ex) {
            let share = check_import(ex, variant, &f, tmp.path());
            println!("{ex} {variant}: {:.1} %", share * 100.0);
        }
    }
}

#[test]
#[cfg_attr(
    not(feature = "interop"),
    ignore = "needs LibreOffice: the interop feature"
)]
fn a_clerk_style_file_resaved_by_libreoffice_imports_as_well() {
    if !common::require_tool("soffice") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    for ex in ["tinh-ha-lam", "bo-hang-hai"] {
        let (_, numbered) = corpus(tmp.path(), ex)
            .into_iter()
            .find(|x| x.0 == "danh-so-tu-dong")
            .unwrap();
        let lo = tmp.path().join(format!("lo-{ex}"));
        let resaved = common::soffice_convert(&numbered, "docx:MS Word 2007 XML", &lo);
        let share = check_import(ex, "libreoffice", &resaved, tmp.path());
        println!("{ex} libreoffice: {:.1} %", share * 100.0);
    }
}
