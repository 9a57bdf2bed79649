//! Documents cited in free text ("Kế hoạch số 38/KH-UBND ngày 15/02/2022"): found by scanning
//! every file of the plan, so that the citation rules check prose as they check the Căn cứ list.

use std::ops::Range;

use super::Plan;
use super::values::{Date, date};
use crate::source::SourceId;

/// One "<symbol> ngày <date>" found in a file.
#[derive(Debug, Clone)]
pub struct Mention {
    pub source: SourceId,
    pub symbol: String,
    /// `None` when the words after "ngày" start like a date but are not one ("31 tháng 3 tháng
    /// 2022", "31/3/20222").
    pub date: Option<Date>,
    /// The date as written.
    pub raw: String,
    /// Of the date, where a finding points.
    pub span: Range<usize>,
}

impl Plan {
    /// Every document cited in the text of the plan's files (the framework file it carries
    /// excluded: that is the framework's text, not the plan's).
    pub fn mentions(&self) -> &[Mention] {
        self.mentions.get_or_init(|| {
            let mut out = Vec::new();
            for (id, file) in self.own_files() {
                out.extend(scan(id, &file.text));
            }
            out
        })
    }
}

/// What may follow a date in prose and in the YAML around it: punctuation, closing brackets and
/// quotes (`"… ngày 25/4/2022"` ends the quoted string; `\"` inside one).
const TRAILING: [char; 12] = [',', ';', '.', ')', ']', ':', '"', '\'', '”', '’', '»', '\\'];

/// Every "<symbol> ngày <date>" of a text: a symbol is a word with a '/' that starts with a digit
/// ("38/KH-UBND", "52-NQ/TW", "42/2022/NĐ-CP"); the date is "15/02/2022" or "15 tháng 02 năm
/// 2022". Comment lines are skipped.
pub fn scan(source: SourceId, text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    // From each whole word "ngày" (rare in a plan) to the words around it, rather than every
    // word of every file (a twentieth of `check` on a large plan).
    for (pos, _) in text.match_indices("ngày") {
        let before = &text[..pos];
        let after = &text[pos + "ngày".len()..];
        if !before.ends_with(char::is_whitespace) || !after.starts_with(char::is_whitespace) {
            continue;
        }
        let prev_end = before.trim_end_matches(char::is_whitespace).len();
        let prev_start = before[..prev_end]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        if prev_start == prev_end {
            continue;
        }
        let Some(sym) = symbol(text, prev_start, &text[prev_start..prev_end]) else {
            continue;
        };
        // The five words after "ngày", with their offsets.
        let next = words_from(text, pos + "ngày".len(), 5);
        out.extend(mention(source, text, sym, &next));
    }
    out
}

/// The document symbol a word at byte `at` is, if any: a word with a '/' that starts with a digit
/// ("38/KH-UBND"), not a date itself ("15/02/2022"), not in a comment line.
fn symbol<'a>(text: &str, at: usize, word: &'a str) -> Option<&'a str> {
    let sym = word.trim_end_matches(TRAILING);
    let sym = sym.trim_start_matches(['(', '[', '„', '“', '"', '\'', '\\']);
    let shaped =
        sym.starts_with(|c: char| c.is_ascii_digit()) && sym.contains('/') && sym.len() >= 4;
    (shaped && date(sym).is_err() && !in_comment(text, at)).then_some(sym)
}

/// The mention of `sym` whose date is in the words after its "ngày" (`after`, with their offsets):
/// "15/02/2022", or "15 tháng 02 năm 2022"; `None` when no date follows ("ngày càng") or the long
/// form runs out of words.
fn mention(source: SourceId, text: &str, sym: &str, after: &[(usize, &str)]) -> Option<Mention> {
    let &(d_at, d1) = after.first()?;
    if !d1.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (raw, parsed) = if after.get(1).map(|w| w.1) == Some("tháng") {
        // The words between are checked, since the date parser reads the numbers only ("31 tháng
        // 3 tháng 2022" would pass).
        let &(y_at, y) = after.get(4)?;
        let y = y.trim_end_matches(TRAILING);
        let raw = &text[d_at..y_at + y.len()];
        let shaped = after.get(3).map(|w| w.1) == Some("năm")
            && [d1, after[2].1, y]
                .iter()
                .all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        (raw, if shaped { date(raw).ok() } else { None })
    } else {
        let d = d1.trim_end_matches(TRAILING);
        (d, date(d).ok())
    };
    Some(Mention {
        source,
        symbol: sym.to_string(),
        date: parsed,
        raw: raw.to_string(),
        span: d_at..d_at + raw.len(),
    })
}

/// Up to `n` whitespace-separated words of `text` from byte `from`, with their offsets.
fn words_from(text: &str, from: usize, n: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[from..].char_indices() {
        let i = from + i;
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
                if out.len() == n {
                    return out;
                }
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

fn in_comment(text: &str, offset: usize) -> bool {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..offset].trim_start().starts_with('#')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Mention {
        let m = scan(SourceId::default(), text);
        assert_eq!(m.len(), 1, "{text}: {m:?}");
        m.into_iter().next().unwrap()
    }

    #[test]
    fn dates_in_both_forms_and_malformed_ones() {
        let m = one("theo Kế hoạch số 38/KH-UBND ngày 15/02/2022 của tỉnh");
        assert_eq!(
            (m.symbol.as_str(), m.raw.as_str()),
            ("38/KH-UBND", "15/02/2022")
        );
        assert!(m.date.is_some());
        let m = one("Quyết định số 411/QĐ-TTg ngày 31 tháng 3 năm 2022, …");
        assert_eq!(m.raw, "31 tháng 3 năm 2022");
        assert!(m.date.is_some());
        // A real slip (Thừa Thiên Huế 405/KH-UBND): "tháng" for "năm".
        let m = one("Quyết định số 411/QĐ-TTg ngày 31 tháng 3 tháng 2022 của");
        assert_eq!(m.raw, "31 tháng 3 tháng 2022");
        assert!(m.date.is_none());
        assert!(one("số 411/QĐ-TTg ngày 31/3/20222;").date.is_none());
        assert!(scan(SourceId::default(), "38/KH-UBND ngày càng rõ").is_empty());
        assert!(scan(SourceId::default(), "# 38/KH-UBND ngày 15/02/2022").is_empty());
        // The end of a quoted YAML string is not part of the date (real-plans.md §9.2 wrote
        // "ngày 25/4/2022"" as a malformed date).
        for text in [
            "text: \"Kế hoạch số 38/KH-UBND ngày 25/4/2022\"",
            "note: 'theo 38/KH-UBND ngày 25/4/2022'.",
            "\"theo „38/KH-UBND ngày 25/4/2022”\"",
            "\"theo \\\"38/KH-UBND ngày 25/4/2022\\\" nữa\"",
            "text: \"Quyết định 411/QĐ-TTg ngày 31 tháng 3 năm 2022\"",
        ] {
            let m = one(text);
            assert!(m.date.is_some(), "{text}: {m:?}");
            assert!(m.raw.ends_with("2022"), "{text}: {m:?}");
        }
    }
}

#[cfg(test)]
mod reference {
    use super::*;

    /// The reading of every word of a file, as `scan` was before it started from "ngày" (the same
    /// `symbol` and `mention` for what it finds): the reference the faster search must agree with.
    #[allow(clippy::needless_range_loop)]
    fn scan_every_word(source: SourceId, text: &str) -> Vec<Mention> {
        let words: Vec<(usize, &str)> = words(text);
        let mut out = Vec::new();
        for i in 0..words.len() {
            let (at, w) = words[i];
            let Some(sym) = symbol(text, at, w) else {
                continue;
            };
            if words.get(i + 1).map(|w| w.1) != Some("ngày") {
                continue;
            }
            out.extend(mention(
                source,
                text,
                sym,
                words.get(i + 2..).unwrap_or(&[]),
            ));
        }
        out
    }

    /// Whitespace-separated words with their byte offsets.
    fn words(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            match (c.is_whitespace(), start) {
                (true, Some(s)) => {
                    out.push((s, &text[s..i]));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push((s, &text[s..]));
        }
        out
    }

    #[test]
    fn starting_from_ngay_finds_what_reading_every_word_found() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut texts: Vec<String> = Vec::new();
        for dir in ["examples", "tests/fixtures"] {
            for e in walkdir::WalkDir::new(root.join(dir)) {
                let e = e.unwrap();
                if e.path()
                    .extension()
                    .is_some_and(|x| x == "yaml" || x == "toml")
                    && let Ok(t) = std::fs::read_to_string(e.path())
                {
                    texts.push(t);
                }
            }
        }
        texts.push(
            "x 38/KH-UBND ngày 15 tháng 02 năm 2022, ngày 12/QĐ ngày\nngày 3/2/2020 ngày".into(),
        );
        texts.push("(52-NQ/TW  ngày\t27/9/2019) 1/2/3 ngày 4/5/2020 #c 9/X ngày 1/1/2021".into());
        let show = |m: Vec<Mention>| {
            m.iter()
                .map(|m| format!("{} {:?} {} {:?}", m.symbol, m.date, m.raw, m.span))
                .collect::<Vec<_>>()
        };
        let id = crate::source::SourceId::default();
        for t in &texts {
            assert_eq!(show(scan(id, t)), show(scan_every_word(id, t)), "{t}");
        }
    }
}
