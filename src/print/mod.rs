//! Printers of the one diagnostic model. Each format is a function from diagnostics to text, so a
//! new format (SARIF, GitHub annotations …) is a new file here and nothing else changes.

pub mod human;
pub mod json;

use crate::diag::Diagnostic;
use crate::lang::Lang;
use crate::source::Sources;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Có trích đoạn tệp và gạch chân (miette)
    Human,
    /// JSON máy đọc được
    Json,
}

pub struct Options {
    pub lang: Lang,
    pub color: bool,
}

pub fn render(format: Format, diags: &[Diagnostic], sources: &Sources, opts: &Options) -> String {
    match format {
        Format::Human => human::render(diags, sources, opts),
        Format::Json => json::render(diags, sources, opts),
    }
}
