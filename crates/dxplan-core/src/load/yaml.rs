//! YAML → [`Node`] through serde-saphyr, with budgets against alias bombs and absurd nesting.

use std::fmt;
use std::ops::Range;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use super::node::{Key, Kind, Node};

/// Limits far above any real plan file (a province plan is a few hundred nodes per file) and far
/// below what would take noticeable time or memory.
fn options() -> serde_saphyr::Options {
    let budget = serde_saphyr::budget! {
        max_depth: 48,
        max_nodes: 250_000,
        max_aliases: 2_000,
        max_anchors: 2_000,
        max_events: 1_000_000,
        max_total_scalar_bytes: 8 << 20,
        max_documents: 1,
    };
    serde_saphyr::options! {
        budget: budget,
        with_snippet: false,
        // `.nan` / `.inf` arrive as text, so an amount written so is one located finding
        // (investment-invalid), not a syntax error that drops the whole file.
        non_finite_float_policy: serde_saphyr::NonFiniteFloatPolicy::AsString,
    }
}

/// Why a YAML file could not be read.
#[derive(Debug)]
pub struct YamlError {
    pub message: String,
    pub span: Range<usize>,
    /// A budget (size, depth, alias expansion) was exceeded, as opposed to a syntax error.
    pub limit: bool,
}

pub fn parse(text: &str) -> Result<Node, YamlError> {
    if text.trim().is_empty() {
        return Ok(Node::new(Kind::Null, 0..0));
    }
    // The commonest files line by line, the plain case straight from the parser's events;
    // anything else through serde-saphyr.
    match super::lines::parse(text).or_else(|| super::fast::parse(text)) {
        Some(node) => Ok(node),
        None => parse_serde(text),
    }
}

/// The whole YAML reading through serde-saphyr: every case, every message, every budget.
pub(crate) fn parse_serde(text: &str) -> Result<Node, YamlError> {
    match serde_saphyr::from_str_with_options::<Spanned<Raw>>(text, options()) {
        Ok(root) => Ok(convert(root, text)),
        Err(e) => {
            let span = e
                .location()
                .map(|l| {
                    let s = l.span();
                    let start = s.byte_offset().map(|b| b as usize).unwrap_or_else(|| {
                        offset_of_line_col(text, l.line() as usize, l.column() as usize)
                    });
                    let len = s.byte_len().map(|b| b as usize).unwrap_or(1).max(1);
                    snap(text, start..start + len)
                })
                .unwrap_or(0..0);
            let full = e.to_string();
            let message = strip_position_prefix(&full).to_string();
            let limit = message.contains("budget breached") || message.contains("recursion limit");
            Err(YamlError {
                message,
                span,
                limit,
            })
        }
    }
}

/// serde-saphyr prefixes messages with "error: line L column C: "; the position is shown by us.
fn strip_position_prefix(s: &str) -> &str {
    let s = s.lines().next().unwrap_or(s);
    let s = s.strip_prefix("error: ").unwrap_or(s);
    let s = if s.starts_with("line ")
        && let Some(i) = s.find(": ")
    {
        &s[i + 2..]
    } else {
        s
    };
    // The position is shown by the excerpt; repeating it in the message is noise.
    match s.find(" at line ") {
        Some(i) => &s[..i],
        None => s,
    }
}

/// The parser's message in the user's words: (Vietnamese, English). The messages authors meet
/// most are translated with what to do; any other keeps the parser's English after a Vietnamese
/// lead, and parser-internal advice ("set DuplicateKeyPolicy in Options") never reaches them.
pub fn explain(message: &str) -> (String, String) {
    const KNOWN: &[(&str, &str, &str)] = &[
        (
            "unclosed quote",
            "thiếu dấu ngoặc kép đóng",
            "unclosed quote",
        ),
        (
            "illegal placement of ':'",
            "dấu „:” đặt sai chỗ: giá trị có dấu hai chấm phải đặt trong ngoặc kép",
            "a „:” in the wrong place: quote a value that contains a colon",
        ),
        (
            "mapping values are not allowed",
            "dấu „:” không dùng được ở đây: giá trị có dấu hai chấm phải đặt trong ngoặc kép, hoặc dòng bị thụt lề sai",
            "a „:” is not allowed here: quote a value that contains a colon, or fix the indentation",
        ),
        (
            "did not find expected key",
            "thụt lề không khớp: dòng này không thẳng cột với các khóa của khối bên trên",
            "indentation does not match: this line is not aligned with the keys of the block above",
        ),
        (
            "did not find expected '-' indicator",
            "thụt lề không khớp trong danh sách: mỗi mục bắt đầu bằng „- ” ở cùng một cột",
            "list indentation does not match: every item starts with „- ” in the same column",
        ),
        (
            "unclosed bracket '['",
            "thiếu dấu „]” đóng danh sách",
            "unclosed „[”",
        ),
        ("unclosed bracket '{'", "thiếu dấu „}” đóng", "unclosed „{”"),
        (
            "expected ',' or ']'",
            "danh sách trong „[ ]” thiếu dấu „,” hoặc „]”",
            "a „[ ]” list lacks a „,” or „]”",
        ),
        (
            "expected ',' or '}'",
            "thiếu dấu „,” hoặc „}” trong „{ }”",
            "a „{ }” mapping lacks a „,” or „}”",
        ),
        (
            "found a tab",
            "có ký tự tab: YAML chỉ thụt lề bằng dấu cách",
            "a tab character: YAML indents with spaces only",
        ),
        (
            "unknown escape character",
            "ký tự sau „\\” trong chuỗi ngoặc kép không hợp lệ: viết „\\\\” cho dấu gạch ngược, hoặc dùng ngoặc đơn",
            "invalid character after „\\” in a double-quoted string: write „\\\\” for a backslash, or use single quotes",
        ),
        (
            "unknown anchor",
            "alias („*…”) trỏ tới anchor („&…”) không có",
            "an alias („*…”) refers to no anchor („&…”)",
        ),
        (
            "did not find expected node content",
            "thiếu giá trị",
            "a value is missing",
        ),
        (
            "wrongly indented line in block scalar",
            "dòng thụt lề sai trong khối văn bản („|” hoặc „>”)",
            "a line of a block of text („|” or „>”) is indented wrongly",
        ),
    ];
    if let Some(key) = message.strip_prefix("duplicate mapping key: ") {
        let key = key.split(',').next().unwrap_or(key).trim();
        return (
            format!("khóa „{key}” xuất hiện hai lần trong cùng một khối"),
            format!("key „{key}” appears twice in the same block"),
        );
    }
    if let Some(c) = message
        .strip_prefix("unexpected character: `")
        .and_then(|r| r.strip_suffix('\''))
    {
        return (
            format!("ký tự „{c}” không mở đầu một giá trị được: đặt giá trị trong ngoặc kép"),
            format!("„{c}” cannot start a value: put the value in double quotes"),
        );
    }
    match KNOWN.iter().find(|(k, _, _)| message.contains(k)) {
        Some((_, vi, en)) => (vi.to_string(), en.to_string()),
        None => (
            format!("(trình đọc YAML báo) {message}"),
            message.to_string(),
        ),
    }
}

/// A byte range inside `text` on character boundaries, at least one character long where the
/// text allows it (the parser's lengths are not always whole characters).
fn snap(text: &str, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let mut start = r.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = r.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    if end == start && start < text.len() {
        end = start + text[start..].chars().next().map_or(0, char::len_utf8);
    }
    start..end
}

fn offset_of_line_col(text: &str, line: usize, col: usize) -> usize {
    let mut off = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return off
                + l.char_indices()
                    .nth(col.saturating_sub(1))
                    .map(|(b, _)| b)
                    .unwrap_or(l.len());
        }
        off += l.len();
    }
    text.len()
}

/// What the serde visitor collects before spans are turned into byte ranges.
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<Raw>, Spanned<Raw>)>),
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Raw;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any YAML value")
            }
            fn visit_unit<E>(self) -> Result<Raw, E> {
                Ok(Raw::Null)
            }
            fn visit_none<E>(self) -> Result<Raw, E> {
                Ok(Raw::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
                Raw::deserialize(d)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
                Ok(Raw::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
                Ok(Raw::Int(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
                Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
            }
            fn visit_i128<E>(self, v: i128) -> Result<Raw, E> {
                Ok(Raw::Float(v as f64))
            }
            fn visit_u128<E>(self, v: u128) -> Result<Raw, E> {
                Ok(Raw::Float(v as f64))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
                Ok(Raw::Float(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
                Ok(Raw::Str(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<Raw, E> {
                Ok(Raw::Str(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Raw, A::Error> {
                let mut items = Vec::new();
                while let Some(x) = a.next_element::<Spanned<Raw>>()? {
                    items.push(x);
                }
                Ok(Raw::Seq(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Raw, A::Error> {
                let mut entries = Vec::new();
                while let Some(k) = a.next_key::<Spanned<Raw>>()? {
                    let v = a.next_value::<Spanned<Raw>>()?;
                    entries.push((k, v));
                }
                Ok(Raw::Map(entries))
            }
        }
        d.deserialize_any(V)
    }
}

fn span_of(sp: &Spanned<Raw>, text: &str) -> Range<usize> {
    let s = sp.referenced.span();
    let start = s.byte_offset().map(|b| b as usize).unwrap_or_else(|| {
        offset_of_line_col(
            text,
            sp.referenced.line() as usize,
            sp.referenced.column() as usize,
        )
    });
    let len = s.byte_len().map(|b| b as usize).unwrap_or(0);
    let start = start.min(text.len());
    start..(start + len).min(text.len())
}

fn raw_text(text: &str, span: &Range<usize>) -> String {
    text.get(span.clone()).unwrap_or("").trim().to_string()
}

fn convert(sp: Spanned<Raw>, text: &str) -> Node {
    let span = span_of(&sp, text);
    let kind = match sp.value {
        Raw::Null => Kind::Null,
        Raw::Bool(b) => Kind::Bool(b),
        Raw::Int(i) => Kind::Num {
            value: i as f64,
            int: Some(i),
            raw: raw_text(text, &span),
        },
        Raw::Float(f) => Kind::Num {
            value: f,
            int: None,
            raw: raw_text(text, &span),
        },
        Raw::Str(s) => Kind::Str(s),
        Raw::Seq(items) => Kind::Seq(items.into_iter().map(|n| convert(n, text)).collect()),
        Raw::Map(entries) => Kind::Map(
            entries
                .into_iter()
                .map(|(k, v)| {
                    let k = convert(k, text);
                    let name = match &k.kind {
                        Kind::Str(s) => s.clone(),
                        Kind::Null => String::new(),
                        _ => raw_text(text, &k.span),
                    };
                    (Key { name, span: k.span }, convert(v, text))
                })
                .collect(),
        ),
    };
    // serde-saphyr locates a collection at its first token; extend it over its children so that
    // "inside this object" can be answered from spans.
    let end = match &kind {
        Kind::Seq(items) => items.iter().map(|n| n.span.end).max(),
        Kind::Map(entries) => entries
            .iter()
            .map(|(k, v)| k.span.end.max(v.span.end))
            .max(),
        _ => None,
    };
    let span = match end {
        Some(e) if e > span.end => span.start..e,
        _ => span,
    };
    Node::new(kind, span)
}

#[cfg(test)]
pub(crate) mod tests {

    #[test]
    fn parser_messages_in_the_users_words() {
        for (text, want) in [
            ("a: \"b\n", "thiếu dấu ngoặc kép đóng"),
            ("a: b: c\n", "dấu „:” không dùng được"),
            ("a: 1\na: 2\n", "khóa „a” xuất hiện hai lần"),
            ("a: [1, 2\n", "thiếu dấu „]”"),
            ("a: @b\n", "ký tự „@”"),
        ] {
            let e = super::parse(text).unwrap_err();
            let (vi, en) = super::explain(&e.message);
            assert!(vi.contains(want), "{text:?}: {vi}");
            assert!(
                !en.contains("DuplicateKeyPolicy") && !vi.contains("Options"),
                "{en}"
            );
        }
    }
    use super::*;

    /// The fast path (`load::fast`) gives the tree serde-saphyr gives, for every YAML file of the
    /// repository (plans, fixtures broken on purpose, frameworks) and for scalars of every kind;
    /// where it declines, serde-saphyr reads the file.
    #[test]
    fn the_fast_path_reads_as_serde_saphyr_does() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = 0;
        let mut fast = 0;
        let mut by_lines = 0;
        for dir in ["examples", "tests/fixtures", "schema"] {
            for e in walkdir::WalkDir::new(root.join(dir)) {
                let e = e.unwrap();
                if e.path().extension().is_none_or(|x| x != "yaml") {
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(e.path()) else {
                    continue;
                };
                files += 1;
                if let Some(n) = crate::load::fast::parse(&text) {
                    fast += 1;
                    let slow = parse_serde(&text);
                    assert_eq!(Some(&n), slow.as_ref().ok(), "{}", e.path().display());
                }
                if let Some(n) = crate::load::lines::parse(&text) {
                    by_lines += usize::from(dir == "examples");
                    let slow = parse_serde(&text);
                    assert_eq!(
                        Some(&n),
                        slow.as_ref().ok(),
                        "lines: {}",
                        e.path().display()
                    );
                }
            }
        }
        assert!(
            files > 100 && fast * 10 > files * 9,
            "{fast} of {files} read fast"
        );
        // The line reader takes every file of the examples.
        let examples = walkdir::WalkDir::new(root.join("examples"))
            .into_iter()
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "yaml"))
            })
            .count();
        assert_eq!(by_lines, examples, "files of the examples read by lines");
        let scalars = [
            "a",
            "Hà Lâm",
            "2023",
            "0",
            "-5",
            "12.5",
            "-0.25",
            "05",
            "1e5",
            "1_000",
            "0x1F",
            "+5",
            "yes",
            "No",
            "on",
            "OFF",
            "y",
            "~",
            "null",
            "true",
            "False",
            ".nan",
            ".inf",
            "-.inf",
            "nan",
            "inf",
            "2023-2024",
            "9/2022",
            "12,5",
            "30%",
            "1.250,5",
            "3.",
            ".5",
            "1.2.3",
            "-",
            "- a",
            "Quý I/2023",
            "12:30",
            "1:20",
            "2023-11-30",
            "99999999999999999999",
            "1.0e+3",
            "1e-5",
            "0.0",
            "007",
            "0o7",
            "0b1",
            "\"x\"",
            "'y'",
            "a #b",
            "[1, b]",
            "{a: 1}",
            "NaN",
            "Infinity",
            "+.5",
            "1__0",
            "١٢",
            "-12.50",
        ];
        for s in scalars {
            for text in [
                format!(
                    "k: {s}
"
                ),
                format!(
                    "- {s}
"
                ),
                format!(
                    "{s}: v
"
                ),
            ] {
                if let Some(n) = crate::load::fast::parse(&text) {
                    assert_eq!(Some(&n), parse_serde(&text).as_ref().ok(), "{text:?}");
                }
                if let Some(n) = crate::load::lines::parse(&text) {
                    assert_eq!(
                        Some(&n),
                        parse_serde(&text).as_ref().ok(),
                        "lines: {text:?}"
                    );
                }
            }
        }
    }

    /// Calls `f` with `per_file` copies of each example YAML file, each with 1 to `edits` random
    /// edits (a character deleted, or one of `bits` inserted), from a fixed seed.
    pub(crate) fn each_mutated_example(
        mut seed: u64,
        per_file: usize,
        edits: usize,
        bits: &[&str],
        mut f: impl FnMut(&str),
    ) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for e in walkdir::WalkDir::new(root) {
            let e = e.unwrap();
            if e.path().extension().is_none_or(|x| x != "yaml") {
                continue;
            }
            let text = std::fs::read_to_string(e.path()).unwrap();
            for _ in 0..per_file {
                let mut t = text.clone();
                let n = if edits > 1 { 1 + next(edits) } else { 1 };
                for _ in 0..n {
                    let mut at = next(t.len());
                    while !t.is_char_boundary(at) {
                        at -= 1;
                    }
                    if next(3) == 0 {
                        if let Some(c) = t[at..].chars().next() {
                            t.replace_range(at..at + c.len_utf8(), "");
                        }
                    } else {
                        t.insert_str(at, bits[next(bits.len())]);
                    }
                }
                f(&t);
            }
        }
    }

    /// Mutated plan files (a character inserted or deleted at random): wherever the fast path
    /// reads one, serde-saphyr reads it too, to the same tree — the fast path never accepts what
    /// serde-saphyr refuses.
    #[test]
    fn the_fast_path_accepts_nothing_serde_saphyr_refuses() {
        let bits = [
            " ", "\n", ":", "-", "#", "'", "\"", "&a ", "*a", "[", "{", "  ", "\t", "!", "? ", "|",
            ">", ",", "]", "}", "%", "@", "`", "\r", "\u{feff}", "---\n", "...\n", "<<: ",
        ];
        let (mut tried, mut compared, mut by_lines) = (0, 0, 0);
        each_mutated_example(0x2545_f491_4f6c_dd1d, 60, 1, &bits, |t| {
            tried += 1;
            if let Some(n) = crate::load::fast::parse(t) {
                compared += 1;
                assert_eq!(Some(&n), parse_serde(t).as_ref().ok(), "{t:?}");
            }
            if let Some(n) = crate::load::lines::parse(t) {
                by_lines += 1;
                assert_eq!(Some(&n), parse_serde(t).as_ref().ok(), "lines: {t:?}");
            }
        });
        assert!(compared * 3 > tried, "{compared} of {tried}");
        assert!(by_lines * 4 > tried, "{by_lines} of {tried} read by lines");
    }

    #[test]
    fn numbers_keep_their_spelling_and_keys_are_text() {
        let text = "so: 05\n7.4: x\nten: \"Hà Lâm\"\n";
        let n = parse(text).unwrap();
        match &n.get("so").unwrap().kind {
            Kind::Num { raw, .. } => assert_eq!(raw, "05"),
            k => panic!("{k:?}"),
        }
        assert!(n.get("7.4").is_some());
        let ten = n.get("ten").unwrap();
        assert_eq!(&text[ten.span.clone()], "\"Hà Lâm\"");
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut y = String::from("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for i in 1..12 {
            let prev = (b'a' + i - 1) as char;
            let cur = (b'a' + i) as char;
            y.push_str(&format!(
                "{cur}: &{cur} [{}]\n",
                vec![format!("*{prev}"); 10].join(",")
            ));
        }
        // 10^12 nodes if expanded; the node budget stops it (time: docs/PERFORMANCE.md).
        let e = parse(&y).unwrap_err();
        assert!(e.limit, "{}", e.message);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let e = parse(&"[".repeat(5000)).unwrap_err();
        assert!(e.limit, "{}", e.message);
    }

    #[test]
    fn syntax_error_is_located() {
        let text = "a: [1, 2\nb: c\n";
        let e = parse(text).unwrap_err();
        assert!(!e.limit);
        assert!(e.span.start >= 9, "{:?}", e.span);
    }
}
