//! Printers of the one diagnostic model. Each format is a function from diagnostics to text, so a
//! new format (SARIF, GitHub annotations …) is a new file here and nothing else changes.

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use crate::diag::Diagnostic;
use crate::lang::Lang;
use crate::source::Sources;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Có trích đoạn tệp và gạch chân (miette)
    Human,
    /// Mỗi lỗi một dòng: tệp:dòng:cột: mức MÃ nội dung
    Concise,
    /// JSON máy đọc được
    Json,
    /// SARIF 2.1.0 (công cụ quét mã)
    Sarif,
    /// Chú thích GitHub Actions
    Github,
    /// Báo cáo JUnit XML
    Junit,
}

impl crate::choice::Choice for Format {
    const ALL: &'static [(Self, &'static str, &'static str)] = &[
        (
            Format::Human,
            "human",
            "Có trích đoạn tệp và gạch chân (miette)",
        ),
        (
            Format::Concise,
            "concise",
            "Mỗi lỗi một dòng: tệp:dòng:cột: mức MÃ nội dung",
        ),
        (Format::Json, "json", "JSON máy đọc được"),
        (Format::Sarif, "sarif", "SARIF 2.1.0 (công cụ quét mã)"),
        (Format::Github, "github", "Chú thích GitHub Actions"),
        (Format::Junit, "junit", "Báo cáo JUnit XML"),
    ];
}

pub struct Options {
    pub lang: Lang,
    pub color: bool,
}

pub fn render(format: Format, diags: &[Diagnostic], sources: &Sources, opts: &Options) -> String {
    match format {
        Format::Human => human::render(diags, sources, opts),
        Format::Concise => concise::render(diags, sources, opts),
        Format::Json => json::render(diags, sources, opts),
        Format::Sarif => sarif::render(diags, sources, opts),
        Format::Github => github::render(diags, sources, opts),
        Format::Junit => junit::render(diags, sources, opts),
    }
}

/// Text from a plan (a key, a value quoted in a message) made safe for a terminal or a CI log:
/// control characters become `\u{…}`, so a key with a newline and `::error` cannot inject a
/// workflow command. Without `escape_newlines` the line breaks dxplan itself puts in hints stay.
pub fn escape_controls(s: &str, escape_newlines: bool) -> String {
    if !s
        .chars()
        .any(|c| c.is_control() && (escape_newlines || c != '\n'))
    {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_control() && (escape_newlines || c != '\n') {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}
