//! Stage 1 of the pipeline: walk the plan directory, read `dxplan.toml` and every YAML file into
//! located [`Node`] trees, NFC-normalise all text, and report what cannot be read.
//!
//! Bad input is a diagnostic, never a panic or an abort: a syntax error in one file still lets
//! every other file be checked. Only I/O failures (missing directory, unreadable file) stop the
//! run, because then the user asked for something that is not there.

pub(crate) mod fast;
pub(crate) mod lines;
pub mod node;
pub mod rules;
pub mod toml;
pub mod yaml;

use std::ops::Range;
use std::path::{Path, PathBuf};

use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

use crate::diag::Diagnostic;
use crate::msg;
use crate::source::{SourceFile, SourceId, Sources};
pub use node::{Key, Kind, Node, Sp};

/// Plan files above this size are refused: a whole province plan is well under 200 KiB.
pub const MAX_FILE_BYTES: u64 = 4 << 20;
/// All the plan's files together: a plan of 1,000 projects is under 2 MiB.
pub const MAX_PLAN_BYTES: u64 = 32 << 20;
/// One paragraph of text (between blank lines), in bytes: a real plan's longest is a few KiB.
pub const MAX_PARAGRAPH_BYTES: usize = 128 << 10;
/// Directories never walked: outputs, overrides and tool folders, not plan content.
const SKIP_DIRS: &[&str] = &["build", "templates", "target", "node_modules"];

pub const CONFIG_FILE: &str = "dxplan.toml";

/// What `dxplan import` could not place, by paragraph of the Word file: read (bounded like any
/// plan file) so that `check` keeps saying what is left to place (DX017). Not a section.
pub const NOTES_FILE: &str = "chua-xep.md";

/// One parsed file.
#[derive(Debug)]
pub struct Doc {
    pub source: SourceId,
    pub root: Node,
}

#[derive(Debug)]
pub struct Loaded {
    pub root: PathBuf,
    pub sources: Sources,
    pub config: Option<Doc>,
    pub docs: Vec<Doc>,
    pub diags: Vec<Diagnostic>,
    /// Plan files whose content is unknown — refused (size, link), not UTF-8, or not parsable —
    /// so rules over the whole plan wait (DX009). Sorted. `dxplan.toml` is not among them: a plan
    /// without a readable config is reported as such.
    pub unreadable: Vec<SourceId>,
    /// Bytes read so far, against [`MAX_PLAN_BYTES`].
    read: u64,
}

impl Loaded {
    fn unreadable(&mut self, id: SourceId) {
        let name = &self.sources.get(id).name;
        // Neither the config nor the import's notes hold sections: a plan without them is still
        // whole for the rules that wait on unreadable files.
        if name != CONFIG_FILE && name != NOTES_FILE && !self.unreadable.contains(&id) {
            self.unreadable.push(id);
        }
    }
}

/// An I/O failure: exit code 2.
#[derive(Debug)]
pub struct IoFailure {
    pub path: PathBuf,
    pub error: std::io::Error,
}

pub fn load_dir(dir: &Path) -> Result<Loaded, IoFailure> {
    let meta = std::fs::metadata(dir).map_err(|error| IoFailure {
        path: dir.to_path_buf(),
        error,
    })?;
    if !meta.is_dir() {
        return Err(IoFailure {
            path: dir.to_path_buf(),
            error: std::io::Error::new(std::io::ErrorKind::NotADirectory, "not a directory"),
        });
    }
    let mut loaded = Loaded {
        root: dir.to_path_buf(),
        sources: Sources::default(),
        config: None,
        docs: Vec::new(),
        diags: Vec::new(),
        unreadable: Vec::new(),
        read: 0,
    };

    load_config(&mut loaded, dir)?;
    let (files, too_deep, linked_dirs) = yaml_files(dir)?;
    // A linked directory is not followed (its files could be anywhere) and not skipped in
    // silence: its YAML would be sections of the plan.
    for link in linked_dirs {
        let name = link
            .strip_prefix(dir)
            .unwrap_or(&link)
            .to_string_lossy()
            .replace('\\', "/");
        let id = loaded
            .sources
            .add(SourceFile::new(link.clone(), name.clone(), String::new()));
        let shown = crate::print::escape_controls(&name, true);
        let why = crate::msg!(
            "{shown} là liên kết tượng trưng tới một thư mục: không đọc các tệp trong đó",
            "{shown} is a symbolic link to a directory: its files are not read"
        );
        loaded
            .diags
            .push(Diagnostic::of(&rules::limits::Refused::NotRegular(why)).at(id, 0..0));
        loaded.unreadable(id);
    }
    // Directories deeper than the walk goes are said, not skipped in silence.
    if let Some(first) = too_deep.first() {
        let shown = first
            .strip_prefix(dir)
            .unwrap_or(first)
            .to_string_lossy()
            .into_owned();
        loaded.diags.push(Diagnostic::of(&rules::limits::TooDeep {
            count: too_deep.len(),
            depth: MAX_DEPTH,
            example: shown,
        }));
    }
    for path in files {
        let name = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        load_yaml(&mut loaded, &path, name)?;
    }
    let notes = dir.join(NOTES_FILE);
    if notes.is_file() {
        read_source(&mut loaded, &notes, NOTES_FILE.to_string())?;
    }
    Ok(loaded)
}

/// Reads and parses `dxplan.toml`, or reports that it is missing.
fn load_config(loaded: &mut Loaded, dir: &Path) -> Result<(), IoFailure> {
    let config_path = dir.join(CONFIG_FILE);
    if std::fs::symlink_metadata(&config_path).is_ok() {
        if let Some((id, text)) = read_source(loaded, &config_path, CONFIG_FILE.into())? {
            trailing_whitespace(&text, id, &mut loaded.diags);
            control_characters(&text, id, &mut loaded.diags);
            match toml::parse(&text) {
                Ok(mut root) => {
                    normalize(&mut root, id, &text, &mut loaded.diags);
                    loaded.config = Some(Doc { source: id, root });
                }
                Err(e) => loaded.diags.push(
                    Diagnostic::of(&rules::syntax::Syntax::Toml({
                        let (vi, en) = toml::explain(e.message.trim());
                        crate::lang::Msg::new(vi, en)
                    }))
                    .at(id, e.span),
                ),
            }
        }
    } else {
        loaded
            .diags
            .push(Diagnostic::of(&rules::config_missing::ConfigMissing(
                CONFIG_FILE,
            )));
    }

    Ok(())
}

/// Reads and parses one section file; syntax errors and refused files become findings.
fn load_yaml(loaded: &mut Loaded, path: &Path, name: String) -> Result<(), IoFailure> {
    let Some((id, text)) = read_source(loaded, path, name)? else {
        return Ok(());
    };
    trailing_whitespace(&text, id, &mut loaded.diags);
    control_characters(&text, id, &mut loaded.diags);
    let parsed = yaml::parse(&text);
    if parsed.is_err() {
        loaded.unreadable(id);
    }
    match parsed {
        Ok(mut root) => {
            normalize(&mut root, id, &text, &mut loaded.diags);
            if long_paragraph(&root, id, &mut loaded.diags) {
                // Not laid out: it would cost the PDF build minutes and gigabytes.
                loaded.unreadable(id);
                return Ok(());
            }
            loaded.docs.push(Doc { source: id, root });
        }
        Err(e) if e.limit && e.message.contains("Documents") => loaded
            .diags
            .push(Diagnostic::of(&rules::syntax::Syntax::SeveralDocuments).at(id, e.span)),
        Err(e) if e.limit => loaded
            .diags
            .push(Diagnostic::of(&rules::limits::Refused::YamlLimit(e.message)).at(id, e.span)),
        Err(e) => loaded.diags.push(
            Diagnostic::of(&rules::syntax::Syntax::Yaml({
                let (vi, en) = yaml::explain(&e.message);
                crate::lang::Msg::new(vi, en)
            }))
            .at(id, e.span),
        ),
    }
    Ok(())
}

/// How deep the walk goes below the plan directory.
const MAX_DEPTH: usize = 8;

/// Plan YAML files in a stable order (sorted paths), skipping hidden and output directories;
/// and the directories found at the depth limit, whose content was not read.
type Walked = (Vec<PathBuf>, Vec<PathBuf>, Vec<PathBuf>);

/// … and the links to directories, which the walk does not follow.
fn yaml_files(dir: &Path) -> Result<Walked, IoFailure> {
    let mut out = Vec::new();
    let mut too_deep = Vec::new();
    let mut linked_dirs = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .max_depth(MAX_DEPTH)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 {
                return true;
            }
            let name = e.file_name().to_string_lossy();
            !(name.starts_with('.') || e.file_type().is_dir() && SKIP_DIRS.contains(&&*name))
        });
    for entry in walker {
        let entry = entry.map_err(|e| IoFailure {
            path: e
                .path()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| dir.into()),
            error: e
                .into_io_error()
                .unwrap_or_else(|| std::io::Error::other("walk error")),
        })?;
        let p = entry.path();
        // Links are listed too, so reading refuses them with a finding instead of skipping them
        // silently.
        if (entry.file_type().is_file() || entry.file_type().is_symlink())
            && matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
        {
            out.push(p.to_path_buf());
        }
        if entry.depth() == MAX_DEPTH && entry.file_type().is_dir() {
            too_deep.push(p.to_path_buf());
        }
        if entry.file_type().is_symlink() && p.is_dir() {
            linked_dirs.push(p.to_path_buf());
        }
    }
    Ok((out, too_deep, linked_dirs))
}

/// Reads a file, refusing huge ones and locating invalid UTF-8. Returns `None` (with a diagnostic)
/// when the content cannot be parsed.
fn read_source(
    loaded: &mut Loaded,
    path: &Path,
    name: String,
) -> Result<Option<(SourceId, String)>, IoFailure> {
    let io = |error| IoFailure {
        path: path.to_path_buf(),
        error,
    };
    // A regular file inside the plan, read up to the cap whatever its metadata says (devices and
    // FIFOs report size 0): a link, a device or a file outside the plan is refused, never quoted.
    // The whole plan has a budget too: many files each under the cap still add up.
    let left = MAX_PLAN_BYTES.saturating_sub(loaded.read);
    let bytes = match crate::fsutil::read_in_plan(&loaded.root, path, MAX_FILE_BYTES.min(left)) {
        Ok(b) => {
            loaded.read += b.len() as u64;
            b
        }
        Err(crate::fsutil::PlanReadError::TooLarge) if left < MAX_FILE_BYTES => {
            let id = loaded
                .sources
                .add(SourceFile::new(path.into(), name, String::new()));
            let found = rules::limits::Refused::PlanTooLarge(MAX_PLAN_BYTES >> 20);
            loaded.diags.push(Diagnostic::of(&found).at(id, 0..0));
            loaded.unreadable(id);
            return Ok(None);
        }
        Err(crate::fsutil::PlanReadError::Io(e)) => return Err(io(e)),
        Err(crate::fsutil::PlanReadError::TooLarge) => {
            let id = loaded
                .sources
                .add(SourceFile::new(path.into(), name, String::new()));
            let max = MAX_FILE_BYTES >> 20;
            loaded
                .diags
                .push(Diagnostic::of(&rules::limits::Refused::TooLarge(max)).at(id, 0..0));
            loaded.unreadable(id);
            return Ok(None);
        }
        Err(e) => {
            let id = loaded
                .sources
                .add(SourceFile::new(path.into(), name.clone(), String::new()));
            loaded.diags.push(
                Diagnostic::of(&rules::limits::Refused::NotRegular(e.msg(&name))).at(id, 0..0),
            );
            loaded.unreadable(id);
            return Ok(None);
        }
    };
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            let bom = text.starts_with('\u{feff}');
            if bom {
                text.replace_range(..3, "");
            }
            let named_badly = name.chars().any(char::is_control);
            let mut file = SourceFile::new(path.into(), name, text.clone());
            // `--fix` writes it back as it was.
            file.bom = bom;
            let id = loaded.sources.add(file);
            if named_badly {
                // Shown escaped everywhere (SourceFile::name); said once, at the file.
                loaded
                    .diags
                    .push(Diagnostic::of(&rules::control_character::Control::InName).at(id, 0..0));
            }
            Ok(Some((id, text)))
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            // The lossy text has the same bytes up to the first invalid sequence.
            let id = loaded
                .sources
                .add(SourceFile::new(path.into(), name, lossy));
            let byte = e.as_bytes()[valid];
            loaded.diags.push(
                Diagnostic::of(&rules::invalid_utf8::BadByte(byte))
                    // The lossy text holds U+FFFD where the bad bytes were: underline that
                    // character.
                    .at(id, valid..valid + '\u{fffd}'.len_utf8()),
            );
            loaded.unreadable(id);
            Ok(None)
        }
    }
}

/// Characters no XML can carry (pasted from Word, mostly), one finding per character, at most 100
/// per file (a binary pasted by mistake should not bury everything else).
fn control_characters(text: &str, source: SourceId, diags: &mut Vec<Diagnostic>) {
    let bad = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}' | '\u{fffe}' | '\u{ffff}');
    // Each such character has a byte no clean text has (an ASCII control, or 0xEF leading
    // U+FFFE/U+FFFF): one pass over the bytes clears nearly every file.
    if !text
        .bytes()
        .any(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f || b == 0xef)
    {
        return;
    }
    for (at, c) in text.char_indices().filter(|(_, c)| bad(*c)).take(100) {
        let code = format!("U+{:04X}", c as u32);
        let soft_break = c == '\u{b}';
        // Word's soft line break becomes a space; any other control character goes.
        let with = if soft_break { " " } else { "" };
        diags.push(
            Diagnostic::of(&rules::control_character::Control::Raw {
                code: code.clone(),
                soft_break,
            })
            .at(source, at..at + c.len_utf8())
            .fix(
                msg!("xóa {code}", "remove {code}"),
                at..at + c.len_utf8(),
                with,
            ),
        );
    }
}

/// One finding per line that ends in spaces or tabs, with the fix that deletes them.
fn trailing_whitespace(text: &str, source: SourceId, diags: &mut Vec<Diagnostic>) {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim_end_matches([' ', '\t']);
        // "…\ " at the end of a line in a double-quoted YAML string is an escaped space: part
        // of the value, not trailing whitespace.
        if trimmed.len() < body.len() && !trimmed.ends_with('\\') {
            let span = offset + trimmed.len()..offset + body.len();
            diags.push(
                Diagnostic::of(&rules::trailing_whitespace::Trailing)
                    .at(source, span.clone())
                    .fix(
                        msg!("xóa khoảng trắng cuối dòng", "remove trailing whitespace"),
                        span,
                        "",
                    ),
            );
        }
        offset += line.len();
    }
}

/// NFC-normalises every string and key in place, warning once per non-NFC string (with the fix
/// that rewrites the file's text in NFC).
fn normalize(node: &mut Node, source: SourceId, text: &str, diags: &mut Vec<Diagnostic>) {
    escaped_controls(node, source, text, diags);
    let mut bad: Vec<Range<usize>> = Vec::new();
    to_nfc(node, &mut bad);
    for span in bad {
        let nfc: String = text.get(span.clone()).unwrap_or("").nfc().collect();
        diags.push(
            Diagnostic::of(&rules::not_nfc::NotNfc)
                .at(source, span.clone())
                .fix(msg!("chuẩn hóa NFC", "normalise to NFC"), span, nfc),
        );
    }
}

/// A text value with a paragraph past [`MAX_PARAGRAPH_BYTES`] (located; true if any).
fn long_paragraph(node: &Node, source: SourceId, diags: &mut Vec<Diagnostic>) -> bool {
    match &node.kind {
        Kind::Str(s) if s.len() > MAX_PARAGRAPH_BYTES => {
            let longest = s.split("\n\n").map(str::len).max().unwrap_or(0);
            if longest <= MAX_PARAGRAPH_BYTES {
                return false;
            }
            let found = rules::limits::Refused::Paragraph {
                kib: longest >> 10,
                max: MAX_PARAGRAPH_BYTES >> 10,
            };
            diags.push(Diagnostic::of(&found).at(source, node.span.clone()));
            true
        }
        Kind::Seq(items) => items
            .iter()
            .fold(false, |any, n| long_paragraph(n, source, diags) | any),
        Kind::Map(entries) => entries
            .iter()
            .fold(false, |any, (_, v)| long_paragraph(v, source, diags) | any),
        _ => false,
    }
}

/// Control characters written as escapes ("\v" in a double-quoted YAML string, "\u000B" in TOML):
/// the raw scan cannot see them, the parsed value carries them. Located on the value; no fix
/// (the escape is the author's own writing).
fn escaped_controls(node: &Node, source: SourceId, text: &str, diags: &mut Vec<Diagnostic>) {
    // Both YAML's and TOML's escapes start with a backslash: a file without one has none.
    if !text.as_bytes().contains(&b'\\') {
        return;
    }
    let bad = |c: char| c.is_control() && !matches!(c, '\n' | '\t' | '\r');
    let mut check = |s: &str, span: &Range<usize>| {
        // Not for the line breaks and tabs of every long text.
        if !may_hold_control(s, b"\n\t\r") {
            return;
        }
        let raw = text.get(span.clone()).unwrap_or("");
        if let Some(c) = s.chars().find(|c| bad(*c))
            && !raw.contains(c)
        {
            let code = format!("U+{:04X}", c as u32);
            diags.push(
                Diagnostic::of(&rules::control_character::Control::Escaped(code))
                    .at(source, span.clone()),
            );
        }
    };
    fn walk(node: &Node, check: &mut dyn FnMut(&str, &Range<usize>)) {
        match &node.kind {
            Kind::Str(s) => check(s, &node.span),
            Kind::Seq(items) => items.iter().for_each(|n| walk(n, check)),
            Kind::Map(entries) => {
                for (k, v) in entries {
                    check(&k.name, &k.span);
                    walk(v, check);
                }
            }
            _ => {}
        }
    }
    walk(node, &mut check);
}

/// Whether `s` may hold a control character other than `allowed` (C0 bytes): one pass over the
/// bytes, for the checks that look at characters only when it says yes. Every C0 control and DEL
/// is its own byte; every C1 control (U+0080–U+009F) starts with 0xC2, which no Vietnamese letter
/// does (they are U+00C0 and up).
pub(crate) fn may_hold_control(s: &str, allowed: &[u8]) -> bool {
    s.bytes()
        .any(|b| (b < 0x20 && !allowed.contains(&b)) || b == 0x7f || b == 0xc2)
}

/// Characters that are NFC in any string, whatever stands beside them (quick check "Yes",
/// combining class 0): ASCII, Latin-1 and Latin Extended (Vietnamese's ơ, ư, đ), the precomposed
/// Vietnamese letters of U+1E00–U+1EFF, the dashes and quotation marks of U+2010–U+2027. Nearly
/// every character of a plan is one, and this range test is far cheaper than the library's table
/// lookup per character; a string with any other character goes through the full check.
fn surely_nfc(c: char) -> bool {
    matches!(c as u32, 0..0x300 | 0x1E00..=0x1EFF | 0x2010..=0x2027)
}

/// Every string and key of the tree to NFC, in place; `bad` gets the span of each one changed.
fn to_nfc(node: &mut Node, bad: &mut Vec<Range<usize>>) {
    fn nfc(s: &mut String, span: &Range<usize>, bad: &mut Vec<Range<usize>>) {
        if !s.chars().all(surely_nfc)
            && is_nfc_quick(s.chars()) != unicode_normalization::IsNormalized::Yes
        {
            let n: String = s.nfc().collect();
            if n != *s {
                bad.push(span.clone());
                *s = n;
            }
        }
    }
    match &mut node.kind {
        Kind::Str(s) => nfc(s, &node.span, bad),
        Kind::Seq(items) => items.iter_mut().for_each(|n| to_nfc(n, bad)),
        Kind::Map(entries) => {
            for (k, v) in entries {
                nfc(&mut k.name, &k.span, bad);
                to_nfc(v, bad);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The range test must never call a character NFC that the Unicode tables do not.
    #[test]
    fn surely_nfc_agrees_with_the_tables() {
        use unicode_normalization::char::canonical_combining_class;
        let mut checked = 0;
        for c in (0..0x3000u32)
            .filter_map(char::from_u32)
            .filter(|c| surely_nfc(*c))
        {
            assert_eq!(
                is_nfc_quick(std::iter::once(c)),
                unicode_normalization::IsNormalized::Yes,
                "U+{:04X}",
                c as u32
            );
            assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
            checked += 1;
        }
        assert_eq!(checked, 0x300 + 0x100 + 0x18);
        // A letter then a combining mark still goes through the full check and is composed.
        let mut n = Node {
            kind: Kind::Str("Vie\u{0302}\u{0323}t".into()),
            span: 0..1,
        };
        let mut bad = Vec::new();
        to_nfc(&mut n, &mut bad);
        assert!(matches!(&n.kind, Kind::Str(s) if s == "Việt"));
        assert_eq!(bad, vec![0..1]);
    }
}
