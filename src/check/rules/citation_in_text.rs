//! Documents cited in free text agree with the registry and with each other.

use std::ops::Range;

use crate::check::Ctx;
use crate::diag::Diagnostic;
use crate::model::values::{Date, date};
use crate::msg;
use crate::source::SourceId;

crate::declare_rule! {
    /// Kiểm tra: văn bản được nhắc trong lời văn (Phần I, mở đầu, nhiệm vụ …) dưới dạng „số, ký
    /// hiệu ngày …” — ví dụ „Kế hoạch số 38/KH-UBND ngày 15/02/2022” — khớp với danh mục căn cứ của
    /// Khung (ngày, ký hiệu đúng) và khớp với chính nó ở chỗ khác trong kế hoạch (cùng một văn bản
    /// không được ghi hai ngày khác nhau, kể cả so với mục Căn cứ).
    ///
    /// Vì sao: mục Căn cứ được kiểm tra từng trường (DX080, DX081), nhưng lời văn nhắc lại văn bản
    /// thì không; chép sai ngày hay chép lại ký hiệu in nhầm của Khung („2323/BTTTT-THH”) là lỗi
    /// hay gặp ở kế hoạch thật.
    ///
    /// Ví dụ sai: mục Căn cứ ghi `749/QĐ-TTg` ngày 03/6/2020, Phần I viết „Quyết định số 749/QĐ-TTg
    /// ngày 03/6/2021”.
    /// Sửa: cùng một ngày, đúng ngày ban hành.
    CITATION_IN_TEXT {
        code: "DX083",
        name: "citation-in-text",
        severity: Warning,
        summary: ("Văn bản nhắc trong lời văn sai ngày hoặc ký hiệu", "Document cited in text with a wrong date or symbol"),
        clause: "NĐ 30/2020, Phụ lục I, mục II.6.a",
        en: "Checks documents cited in free text as „<symbol> ngày <date>”: the date agrees with the framework's registry and with every other citation of the same document in the plan (the Căn cứ list included), and the symbol is not a misprint the registry knows. Why: structured citations are checked field by field, repeated ones in prose were not; wrong dates and copied misprints are common in real plans. Fix: the date or symbol the message gives.",
    }
}

/// One "<symbol> ngày <date>" found in a file.
struct Mention {
    source: SourceId,
    symbol: String,
    date: Date,
    /// Of the date, where the finding points.
    span: Range<usize>,
}

pub fn check(ctx: &mut Ctx) {
    let plan = ctx.plan;
    let framework_file = plan
        .config
        .as_ref()
        .and_then(|c| c.framework_file.as_ref())
        .map(|f| f.value.trim_start_matches("./").to_string());
    let mut mentions = Vec::new();
    for (id, file) in plan.sources.iter() {
        if Some(&file.name) != framework_file.as_ref() {
            mentions.extend(scan(id, &file.text));
        }
    }
    // Dates the structured Căn cứ list gives, the reference for the text.
    let mut first: Vec<(String, Date, String)> = plan
        .citations()
        .filter_map(|(_, c)| {
            let n = c.number.as_ref()?.value.trim().to_string();
            let d = date(&c.date.as_ref()?.value).ok()?;
            Some((n, d, "mục Căn cứ".to_string()))
        })
        .collect();
    let mut out = Vec::new();
    for m in mentions {
        let reg = ctx.fw.registry(&m.symbol);
        if let Some(r) = reg
            && r.framework_symbol.as_deref() == Some(m.symbol.as_str())
        {
            let (bad, good) = (&m.symbol, &r.symbol);
            out.push(
                Diagnostic::new(
                    &CITATION_IN_TEXT,
                    msg!(
                        "„{bad}” là ký hiệu Khung in nhầm; ký hiệu đúng là {good}",
                        "„{bad}” is the framework's misprint; the symbol is {good}"
                    ),
                )
                .at(m.source, m.span.clone()),
            );
            continue;
        }
        if let Some(r) = reg
            && let Ok(want) = date(&r.date)
            && want != m.date
        {
            let (n, g, w) = (&m.symbol, m.date.short(), want.short());
            out.push(
                Diagnostic::new(
                    &CITATION_IN_TEXT,
                    msg!(
                        "{n} được nhắc với ngày {g}, nhưng văn bản ban hành ngày {w}",
                        "{n} is cited as of {g}, but it is dated {w}"
                    ),
                )
                .at(m.source, m.span.clone())
                .hint(msg!("Sửa thành {w}.", "Change it to {w}.")),
            );
            continue;
        }
        match first.iter().find(|(s, _, _)| *s == m.symbol) {
            Some((_, d, where_)) if *d != m.date => {
                let (n, g, w) = (&m.symbol, m.date.short(), d.short());
                out.push(
                    Diagnostic::new(
                        &CITATION_IN_TEXT,
                        msg!(
                            "{n} được nhắc với ngày {g}, nhưng {where_} ghi ngày {w}",
                            "{n} is cited as of {g}, but {where_} gives {w}"
                        ),
                    )
                    .at(m.source, m.span.clone())
                    .hint(msg!(
                        "Cùng một văn bản phải cùng một ngày; đối chiếu với bản gốc.",
                        "One document has one date; check against the original."
                    )),
                );
            }
            Some(_) => {}
            None => first.push((
                m.symbol.clone(),
                m.date,
                ctx.plan.sources.get(m.source).name.clone(),
            )),
        }
    }
    ctx.report_all(out);
}

/// Every "<symbol> ngày <date>" of a text: a symbol is a word with a '/' that starts with a digit
/// ("38/KH-UBND", "52-NQ/TW", "42/2022/NĐ-CP"); the date is "15/02/2022" or "15 tháng 02 năm
/// 2022". Comment lines are skipped.
fn scan(source: SourceId, text: &str) -> Vec<Mention> {
    let words: Vec<(usize, &str)> = words(text);
    let mut out = Vec::new();
    for i in 0..words.len() {
        let (at, w) = words[i];
        let sym = w.trim_end_matches([',', ';', '.', ')', ':', '”', '"']);
        let sym = sym.trim_start_matches(['(', '„', '"']);
        if !sym.starts_with(|c: char| c.is_ascii_digit()) || !sym.contains('/') || sym.len() < 4 {
            continue;
        }
        if in_comment(text, at) {
            continue;
        }
        if words.get(i + 1).map(|w| w.1) != Some("ngày") {
            continue;
        }
        let Some(&(d_at, d1)) = words.get(i + 2) else {
            continue;
        };
        let (raw, end) = if words.get(i + 3).map(|w| w.1) == Some("tháng") {
            // "15 tháng 02 năm 2022"
            let Some(&(y_at, y)) = words.get(i + 6) else {
                continue;
            };
            let y = y.trim_end_matches([',', ';', '.', ')']);
            (text[d_at..y_at + y.len()].to_string(), y_at + y.len())
        } else {
            let d = d1.trim_end_matches([',', ';', '.', ')']);
            (d.to_string(), d_at + d.len())
        };
        let Ok(parsed) = date(&raw) else { continue };
        // Symbols of the form "123/QĐ-TTg" only: a date itself ("15/02/2022") is not a symbol.
        if date(sym).is_ok() {
            continue;
        }
        out.push(Mention {
            source,
            symbol: sym.to_string(),
            date: parsed,
            span: d_at..end,
        });
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

fn in_comment(text: &str, offset: usize) -> bool {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..offset].trim_start().starts_with('#')
}
