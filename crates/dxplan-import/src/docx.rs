//! Reading a DOCX from anywhere: a ZIP with bounded reads (entry count, part size — a zip bomb
//! stops at the bound), XML without DTDs or entity expansion, and only what a plan needs: the
//! body's paragraphs (text, bold, centred, heading style, list number as Word prints it) and
//! tables (cell texts, spans), in order. Tracked insertions are taken, deletions left out (the
//! text as accepted); field codes and comments are not text.

use std::collections::HashMap;
use std::io::Read;

use quick_xml::events::{BytesStart, Event};

use crate::numbering::Numbering;

/// At most this many entries in the archive, and bytes in one part once inflated.
const MAX_ENTRIES: usize = 10_000;
const MAX_PART: u64 = 64 << 20;

/// Why a file cannot be read as a DOCX, said in one line to the user.
#[derive(Debug)]
pub enum ReadError {
    /// An OLE compound file: Word 97–2003 (.doc), or a DOCX with a password.
    OleCompound,
    NotZip,
    /// A ZIP without `word/document.xml`.
    NoBody,
    TooLarge(&'static str),
    Xml(String),
}

impl ReadError {
    pub fn message(&self) -> dxplan_core::lang::Msg {
        use dxplan_core::msg;
        match self {
            ReadError::OleCompound => msg!(
                "tệp là Word 97–2003 (.doc) hoặc tệp .docx có mật khẩu: mở bằng Word hay LibreOffice, bỏ mật khẩu và lưu thành .docx (Tệp → Lưu thành → Word Document), rồi nhập lại",
                "the file is Word 97–2003 (.doc) or a password-protected .docx: open it in Word or LibreOffice, remove the password and save it as .docx, then import again"
            ),
            ReadError::NotZip => msg!(
                "tệp không phải DOCX (không phải một tệp nén Office Open XML)",
                "the file is not a DOCX (not an Office Open XML package)"
            ),
            ReadError::NoBody => msg!(
                "tệp DOCX không có phần nội dung (word/document.xml)",
                "the DOCX has no body (word/document.xml)"
            ),
            ReadError::TooLarge(what) => msg!(
                "tệp DOCX vượt giới hạn an toàn ({what}); không đọc",
                "the DOCX exceeds a safety limit ({what}); not read"
            ),
            ReadError::Xml(e) => msg!("tệp DOCX có XML hỏng: {e}", "the DOCX has broken XML: {e}"),
        }
    }
}

/// One block of the body, in document order.
#[derive(Debug, Clone)]
pub enum Block {
    Para(Para),
    Table(Table),
}

#[derive(Debug, Clone, Default)]
pub struct Para {
    /// Body paragraph number (1-based over paragraphs and tables), for findings.
    pub index: usize,
    pub text: String,
    /// Every letter of the paragraph is in a bold run.
    pub bold: bool,
    pub center: bool,
    /// 1–9 for a heading style ("Heading 1", "Tiêu đề 2", an outline level).
    pub heading: Option<u8>,
    /// The number Word prints before it (automatic list numbering), e.g. "1.2.".
    pub number: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Table {
    pub index: usize,
    /// Rows of cells; a cell merged into the one above (vMerge) is empty.
    pub rows: Vec<Vec<String>>,
}

/// The body of a DOCX.
#[derive(Debug, Default)]
pub struct Document {
    pub blocks: Vec<Block>,
    /// dxplan's own record of what its page does not show (`compose::carried`), when the file
    /// carries it: (kind, the printed words it is keyed by, its fields).
    pub carried: Vec<Carried>,
}

/// One record of dxplan's custom XML part. Its fields are untrusted like every byte of the file:
/// the importer takes only the keys it knows, of the types it expects, and quotes every text.
#[derive(Debug, Clone)]
pub struct Carried {
    pub kind: String,
    pub key: String,
    pub fields: serde_json::Map<String, serde_json::Value>,
}

/// The namespace of dxplan's part (`dxplan-render`'s `CARRIED_NS`).
const CARRIED_NS: &str = "urn:dxplan:carried:1";

/// The custom XML parts a file may have; a file with more is not dxplan's and is read without.
const MAX_CUSTOM_XML: usize = 16;

/// dxplan's records, from the first `customXml/item*.xml` in its namespace. A part that is not
/// well formed is skipped: the records only add ids and links, the words come from the body.
fn carried(z: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>) -> Result<Vec<Carried>, ReadError> {
    let names: Vec<String> = z
        .file_names()
        .filter(|n| n.starts_with("customXml/item") && !n.contains("Props") && n.ends_with(".xml"))
        .take(MAX_CUSTOM_XML)
        .map(str::to_string)
        .collect();
    for name in names {
        let Some(xml) = part(z, &name)? else { continue };
        if !xml.contains(CARRIED_NS) {
            continue;
        }
        return Ok(read_carried(&xml).unwrap_or_default());
    }
    Ok(Vec::new())
}

fn read_carried(xml: &str) -> Option<Vec<Carried>> {
    let mut r = reader(xml);
    let mut out = Vec::new();
    loop {
        match r.read_event().ok()? {
            Event::DocType(_) => return None,
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"item" => {
                // Attribute values unescaped (`&quot;`, character references); an entity that is
                // not XML's own is an error, so no DTD can add any.
                let get = |name: &[u8]| {
                    e.attributes().flatten().find_map(|a| {
                        (a.key.local_name().as_ref() == name)
                            .then(|| a.unescape_value().ok().map(|v| v.into_owned()))
                            .flatten()
                    })
                };
                let (Some(kind), Some(key), Some(fields)) =
                    (get(b"kind"), get(b"key"), get(b"fields"))
                else {
                    continue;
                };
                if let Ok(serde_json::Value::Object(fields)) = serde_json::from_str(&fields) {
                    out.push(Carried { kind, key, fields });
                }
            }
            Event::Eof => return Some(out),
            _ => {}
        }
    }
}

fn part(
    z: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, ReadError> {
    let Ok(f) = z.by_name(name) else {
        return Ok(None);
    };
    if f.size() > MAX_PART {
        return Err(ReadError::TooLarge("một phần quá 64 MiB"));
    }
    let mut buf = Vec::new();
    // The declared size may lie: never read past the bound.
    f.take(MAX_PART + 1)
        .read_to_end(&mut buf)
        .map_err(|e| ReadError::Xml(e.to_string()))?;
    if buf.len() as u64 > MAX_PART {
        return Err(ReadError::TooLarge("một phần quá 64 MiB"));
    }
    Ok(Some(String::from_utf8_lossy(&buf).into_owned()))
}

pub fn read(bytes: &[u8]) -> Result<Document, ReadError> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ReadError::OleCompound);
    }
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| ReadError::NotZip)?;
    if z.len() > MAX_ENTRIES {
        return Err(ReadError::TooLarge("quá 10.000 mục"));
    }
    let body = part(&mut z, "word/document.xml")?.ok_or(ReadError::NoBody)?;
    let styles = part(&mut z, "word/styles.xml")?.unwrap_or_default();
    let numbering = part(&mut z, "word/numbering.xml")?.unwrap_or_default();
    let headings = heading_styles(&styles)?;
    let mut numbers = Numbering::parse(&numbering).map_err(ReadError::Xml)?;
    let mut doc = parse_body(&body, &headings, &mut numbers)?;
    doc.carried = carried(&mut z)?;
    Ok(doc)
}

pub(crate) fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name)
            .then(|| String::from_utf8_lossy(&a.value).into_owned())
    })
}

fn reader(xml: &str) -> quick_xml::Reader<&[u8]> {
    let mut r = quick_xml::Reader::from_reader(xml.as_bytes());
    r.config_mut().trim_text(false);
    r
}

/// An encoding older documents set Vietnamese in, known by the font's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// TCVN3 (".VnTime"); `capitals` for the "…H" fonts (".VnTimeH").
    Tcvn3 { capitals: bool },
    /// VNI ("VNI-Times").
    Vni,
}

impl Legacy {
    fn of_font(name: &str) -> Option<Legacy> {
        if crate::tcvn3::is_tcvn3_font(name) {
            Some(Legacy::Tcvn3 {
                capitals: name.ends_with('H'),
            })
        } else if crate::vni::is_vni_font(name) {
            Some(Legacy::Vni)
        } else {
            None
        }
    }
}

/// What a paragraph style gives: a heading level, bold text, centred.
#[derive(Debug, Clone, Copy, Default)]
pub struct StyleInfo {
    pub heading: Option<u8>,
    pub bold: bool,
    pub center: bool,
    /// The style's font draws an older encoding (TCVN3 ".VnTime", VNI "VNI-Times").
    pub legacy: Option<Legacy>,
}

/// Style id → what it gives: a heading level ("Heading N" in any language's id, a name
/// "heading N" / "Tiêu đề N", or an outline level), bold, centred.
fn heading_styles(xml: &str) -> Result<HashMap<String, StyleInfo>, ReadError> {
    let mut out: HashMap<String, StyleInfo> = HashMap::new();
    if xml.is_empty() {
        return Ok(out);
    }
    let mut r = reader(xml);
    let mut id: Option<String> = None;
    let mut default_id: Option<String> = None;
    loop {
        match r.read_event().map_err(|e| ReadError::Xml(e.to_string()))? {
            Event::DocType(_) => return Err(ReadError::Xml("DTD".into())),
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"style" => {
                    id = attr(&e, b"styleId");
                    // The default paragraph style ("Normal") also applies where none is named.
                    if attr(&e, b"default").is_some_and(|v| v == "1" || v == "true")
                        && attr(&e, b"type").is_some_and(|t| t == "paragraph")
                        && let Some(sid) = &id
                    {
                        default_id = Some(sid.clone());
                    }
                }
                b"b" => {
                    if let Some(sid) = &id {
                        out.entry(sid.clone()).or_default().bold =
                            attr(&e, b"val").is_none_or(|v| v != "0" && v != "false");
                    }
                }
                b"jc" => {
                    if let Some(sid) = &id {
                        out.entry(sid.clone()).or_default().center =
                            attr(&e, b"val").is_some_and(|v| v == "center");
                    }
                }
                b"rFonts" => {
                    if let (Some(sid), Some(f)) =
                        (&id, attr(&e, b"ascii").or_else(|| attr(&e, b"hAnsi")))
                    {
                        out.entry(sid.clone()).or_default().legacy = Legacy::of_font(&f);
                    }
                }
                b"name" | b"outlineLvl" => {
                    let Some(sid) = &id else { continue };
                    let v = attr(&e, b"val").unwrap_or_default();
                    let level = if e.local_name().as_ref() == b"outlineLvl" {
                        v.parse::<u8>().ok().map(|l| l + 1)
                    } else {
                        let low = v.to_lowercase();
                        ["heading ", "tiêu đề ", "đề mục "]
                            .iter()
                            .find_map(|p| low.strip_prefix(p))
                            .and_then(|n| n.trim().parse::<u8>().ok())
                    };
                    if let Some(l) = level.filter(|l| (1..=9).contains(l)) {
                        out.entry(sid.clone()).or_default().heading = Some(l);
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"style" => id = None,
            Event::Eof => break,
            _ => {}
        }
    }
    // Under the key "": what the default paragraph style gives.
    if let Some(d) = default_id.and_then(|d| out.get(&d).copied()) {
        out.insert(String::new(), d);
    }
    Ok(out)
}

/// Text of a general entity reference: the five XML ones and character references; anything
/// else is kept as written, never expanded.
fn entity(r: &quick_xml::events::BytesRef) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    let name: &[u8] = r;
    match name {
        b"amp" => "&".into(),
        b"lt" => "<".into(),
        b"gt" => ">".into(),
        b"quot" => "\"".into(),
        b"apos" => "'".into(),
        other => format!("&{};", String::from_utf8_lossy(other)),
    }
}

fn parse_body(
    xml: &str,
    headings: &HashMap<String, StyleInfo>,
    numbers: &mut Numbering,
) -> Result<Document, ReadError> {
    let mut doc = Document::default();
    let mut r = reader(xml);
    // State of the paragraph being read.
    let mut para: Option<Para> = None;
    let (mut run_bold, mut in_text, mut deleted, mut in_instr) = (false, false, 0usize, false);
    let (mut letters, mut bold_letters) = (0usize, 0usize);
    let (mut num_id, mut ilvl): (Option<String>, usize) = (None, 0);
    let mut in_ppr = false;
    let mut in_rpr = false;
    // The paragraph style's bold and centring (direct formatting overrides).
    let mut style = StyleInfo::default();
    // The run's TCVN3 font, if any (`Some(true)`: capitals), from the run or the paragraph style.
    let mut run_legacy: Option<Legacy> = None;
    // Tables (nested ones flatten into their outer cell).
    let mut table_depth = 0usize;
    let mut table: Option<Table> = None;
    let mut row: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    let mut merged = false;
    // Columns a cell spans (gridSpan): the row gets that many cells, so columns stay aligned.
    let mut span = 1usize;
    let mut index = 0usize;
    loop {
        let ev = r.read_event().map_err(|e| ReadError::Xml(e.to_string()))?;
        match ev {
            Event::DocType(_) => return Err(ReadError::Xml("DTD".into())),
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                match e.local_name().as_ref() {
                    b"tbl" if !empty => {
                        table_depth += 1;
                        if table_depth == 1 {
                            index += 1;
                            table = Some(Table {
                                index,
                                rows: Vec::new(),
                            });
                        }
                    }
                    b"tr" if table_depth == 1 && !empty => row = Vec::new(),
                    b"tc" if table_depth == 1 && !empty => {
                        cell = Some(String::new());
                        merged = false;
                        span = 1;
                    }
                    b"gridSpan" if table_depth == 1 => {
                        span = attr(e, b"val")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(1)
                            .clamp(1, 64);
                    }
                    b"vMerge" if table_depth == 1 => {
                        // "restart" begins a merged cell; no value continues the one above.
                        merged = attr(e, b"val").is_none_or(|v| v != "restart");
                    }
                    b"p" if !empty => {
                        para = Some(Para::default());
                        (letters, bold_letters, num_id, ilvl) = (0, 0, None, 0);
                        style = headings.get("").copied().unwrap_or_default();
                        style.heading = None;
                    }
                    b"pPr" if !empty => in_ppr = true,
                    b"rPr" if !empty => in_rpr = true,
                    b"pStyle" if in_ppr => {
                        if let (Some(p), Some(v)) = (para.as_mut(), attr(e, b"val")) {
                            style = headings.get(&v).copied().unwrap_or_default();
                            p.heading = style.heading.or_else(|| {
                                let low = v.to_lowercase();
                                low.strip_prefix("heading").and_then(|n| n.parse().ok())
                            });
                            p.center = style.center;
                        }
                    }
                    b"outlineLvl" if in_ppr => {
                        if let (Some(p), Some(v)) = (para.as_mut(), attr(e, b"val")) {
                            p.heading = v.parse::<u8>().ok().map(|l| l + 1).filter(|l| *l <= 9);
                        }
                    }
                    b"numId" if in_ppr => num_id = attr(e, b"val"),
                    b"ilvl" if in_ppr => {
                        ilvl = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0)
                    }
                    b"jc" if in_ppr => {
                        if let Some(p) = para.as_mut() {
                            p.center = attr(e, b"val").is_some_and(|v| v == "center");
                        }
                    }
                    b"r" if !empty => {
                        run_bold = style.bold;
                        run_legacy = style.legacy;
                    }
                    b"rFonts" if in_rpr && !in_ppr => {
                        if let Some(f) = attr(e, b"ascii").or_else(|| attr(e, b"hAnsi")) {
                            run_legacy = Legacy::of_font(&f);
                        }
                    }
                    b"b" if in_rpr => {
                        run_bold = attr(e, b"val").is_none_or(|v| v != "0" && v != "false");
                    }
                    b"del" if !empty => deleted += 1,
                    b"t" if !empty => in_text = true,
                    b"instrText" if !empty => in_instr = true,
                    b"tab" if !in_ppr => push(&mut para, "\t"),
                    b"br" | b"cr" => push(&mut para, "\n"),
                    b"noBreakHyphen" => push(&mut para, "-"),
                    _ => {}
                }
            }
            Event::End(ref e) => match e.local_name().as_ref() {
                b"pPr" => in_ppr = false,
                b"rPr" => in_rpr = false,
                b"t" => in_text = false,
                b"instrText" => in_instr = false,
                b"del" => deleted = deleted.saturating_sub(1),
                b"p" => {
                    if let Some(mut p) = para.take() {
                        p.bold = letters > 0 && bold_letters == letters;
                        if let Some(id) = &num_id {
                            p.number = numbers.next(id, ilvl);
                        }
                        match cell.as_mut() {
                            Some(c) if table_depth >= 1 => {
                                if !c.is_empty() && !p.text.is_empty() {
                                    c.push('\n');
                                }
                                if let Some(n) = &p.number {
                                    c.push_str(n);
                                    c.push(' ');
                                }
                                c.push_str(&p.text);
                            }
                            _ => {
                                index += 1;
                                p.index = index;
                                doc.blocks.push(Block::Para(p));
                            }
                        }
                    }
                }
                b"tc" if table_depth == 1 => {
                    let c = cell.take().unwrap_or_default();
                    row.push(if merged { String::new() } else { c });
                    for _ in 1..span {
                        row.push(String::new());
                    }
                }
                b"tr" if table_depth == 1 => {
                    if let Some(t) = table.as_mut() {
                        t.rows.push(std::mem::take(&mut row));
                    }
                }
                b"tbl" => {
                    table_depth = table_depth.saturating_sub(1);
                    if table_depth == 0
                        && let Some(t) = table.take()
                    {
                        doc.blocks.push(Block::Table(t));
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text && deleted == 0 && !in_instr => {
                let s = t.decode().map_err(|e| ReadError::Xml(e.to_string()))?;
                // Older documents in a TCVN3 or VNI font: their letters back to Unicode.
                let s: std::borrow::Cow<str> = match run_legacy {
                    Some(Legacy::Tcvn3 { capitals }) => crate::tcvn3::decode(&s, capitals).into(),
                    Some(Legacy::Vni) => {
                        let prev = para.as_ref().and_then(|p| p.text.chars().last());
                        crate::vni::decode_after(prev, &s).into()
                    }
                    None => s,
                };
                // A mark for the letter that ended the run before: composed with it.
                let joins = s.starts_with(|c: char| ('\u{300}'..='\u{36f}').contains(&c));
                count(&s, run_bold, &mut letters, &mut bold_letters);
                push(&mut para, &s);
                if joins && let Some(p) = para.as_mut() {
                    p.text =
                        unicode_normalization::UnicodeNormalization::nfc(p.text.chars()).collect();
                }
            }
            Event::GeneralRef(g) if in_text && deleted == 0 && !in_instr => {
                let s = entity(&g);
                count(&s, run_bold, &mut letters, &mut bold_letters);
                push(&mut para, &s);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(doc)
}

fn push(para: &mut Option<Para>, s: &str) {
    if let Some(p) = para.as_mut() {
        // A word joiner is layout (dxplan keeps "215/KH-UBND" on one line with it); a no-break
        // space is a space to the author.
        p.text.extend(
            s.chars()
                .filter(|c| *c != '\u{2060}')
                .map(|c| if c == '\u{a0}' { ' ' } else { c }),
        );
    }
}

fn count(s: &str, bold: bool, letters: &mut usize, bold_letters: &mut usize) {
    let n = s.chars().filter(|c| c.is_alphanumeric()).count();
    *letters += n;
    if bold {
        *bold_letters += n;
    }
}
