//! The one diagnostic model. Every stage (load, model, check, compose) reports through it; the
//! printers in `print` turn it into human, JSON and other formats.

use std::ops::Range;

use serde::Serialize;

mod rule;
mod violation;
pub use rule::{Rule, Text};
pub use violation::Violation;

use crate::lang::{Lang, Msg};
use crate::source::{SourceId, Sources};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl crate::choice::Choice for Severity {
    const ALL: &'static [(Self, &'static str, &'static str)] = &[
        (Severity::Error, "error", ""),
        (Severity::Warning, "warning", ""),
        (Severity::Info, "info", ""),
    ];
}

impl Severity {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::Vi) => "lỗi",
            (Severity::Warning, Lang::Vi) => "cảnh báo",
            (Severity::Info, Lang::Vi) => "thông tin",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Info, Lang::En) => "info",
        }
    }
}

/// A text replacement in the diagnostic's source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Range<usize>,
    pub replacement: String,
}

/// A safe, meaning-preserving fix that `check --fix` may apply.
#[derive(Clone, Debug)]
pub struct Fix {
    pub description: Msg,
    pub edits: Vec<Edit>,
}

#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub rule: &'static Rule,
    pub severity: Severity,
    pub message: Msg,
    pub hint: Option<Msg>,
    pub source: Option<SourceId>,
    pub span: Option<Range<usize>>,
    /// The clause of the framework or decree this finding enforces, e.g.
    /// "5406/BTTTT-CĐSQG, Phần II.III.7.4".
    pub clause: String,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// Private to `diag`: every finding is built from its typed [`Violation`]
    /// (`Diagnostic::of`), so no stage can word a finding outside its rule's type, report it
    /// under another rule's code or rewrite its severity.
    fn new(rule: &'static Rule, message: Msg) -> Self {
        Diagnostic {
            rule,
            severity: rule.severity,
            message,
            hint: None,
            source: None,
            span: None,
            clause: rule.clause.to_string(),
            fix: None,
        }
    }

    /// Attaches a safe fix replacing `span` (in the diagnostic's file) by `replacement`.
    pub fn fix(
        mut self,
        description: Msg,
        span: Range<usize>,
        replacement: impl Into<String>,
    ) -> Self {
        self.fix = Some(Fix {
            description,
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
        });
        self
    }

    pub fn at(mut self, source: SourceId, span: Range<usize>) -> Self {
        self.source = Some(source);
        self.span = Some(span);
        self
    }

    pub fn hint(mut self, hint: Msg) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn clause(mut self, clause: impl Into<String>) -> Self {
        self.clause = clause.into();
        self
    }
}

/// A diagnostic's position resolved against its source file, 1-based.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

pub fn position(d: &Diagnostic, sources: &Sources) -> Option<Position> {
    let src = sources.get(d.source?);
    let span = d.span.clone().unwrap_or(0..0);
    let (line, column) = src.line_col(span.start);
    let (end_line, end_column) = src.line_col(span.end.max(span.start));
    Some(Position {
        file: src.name.clone(),
        line,
        column,
        end_line,
        end_column,
    })
}

/// Counts by severity.
#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn of(diags: &[Diagnostic]) -> Self {
        let mut s = Summary::default();
        for d in diags {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }
}

/// Stable order for output: by file, then position, then code. Diagnostics without a file
/// (plan-wide findings) come first. Findings of one rule at one place keep the order the rule
/// gave them (the framework's order: "1.1, 1.2 … 10", not the alphabet's "1.1, 10, 2.1"); rules
/// emit in a fixed order, so the output stays the same from run to run.
pub fn sort(diags: &mut [Diagnostic], sources: &Sources) {
    // `sort_by_cached_key` is stable.
    diags.sort_by_cached_key(|d| {
        let pos = position(d, sources);
        (
            pos.as_ref().map(|p| p.file.clone()),
            pos.as_ref().map(|p| (p.line, p.column)),
            d.rule.code,
        )
    });
}
