//! `--format json`: `{"diagnostics":[…],"summary":{…}}`.

use serde::Serialize;

use super::Options;
use crate::diag::{Diagnostic, Severity, Summary, position};
use crate::source::Sources;

#[derive(Serialize)]
struct Out<'a> {
    diagnostics: Vec<Item<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Item<'a> {
    code: &'a str,
    severity: Severity,
    message: &'a str,
    hint: Option<&'a str>,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    clause: &'a str,
}

pub fn render(diags: &[Diagnostic], sources: &Sources, opts: &Options) -> String {
    let items = diags
        .iter()
        .map(|d| {
            let pos = position(d, sources);
            let located = d.span.is_some();
            Item {
                code: d.rule.code,
                severity: d.severity,
                message: d.message.get(opts.lang),
                hint: d.hint.as_ref().map(|h| h.get(opts.lang)),
                file: pos.as_ref().map(|p| p.file.clone()),
                line: pos.as_ref().filter(|_| located).map(|p| p.line),
                column: pos.as_ref().filter(|_| located).map(|p| p.column),
                end_line: pos.as_ref().filter(|_| located).map(|p| p.end_line),
                end_column: pos.as_ref().filter(|_| located).map(|p| p.end_column),
                clause: &d.clause,
            }
        })
        .collect();
    let out = Out {
        diagnostics: items,
        summary: Summary::of(diags),
    };
    let mut s = serde_json::to_string_pretty(&out).expect("diagnostics serialise");
    s.push('\n');
    s
}
