//! `--format concise`: one line per finding, `file:line:col: severity CODE message`.

use super::Options;
use crate::diag::{Diagnostic, position};
use crate::source::Sources;

pub fn render(diags: &[Diagnostic], sources: &Sources, opts: &Options) -> String {
    let mut out = String::new();
    for d in diags {
        let loc = match (position(d, sources), &d.span) {
            (Some(p), Some(_)) => format!(
                "{}:{}:{}",
                super::escape_controls(&p.file, true),
                p.line,
                p.column
            ),
            (Some(p), None) => super::escape_controls(&p.file, true),
            _ => "-".to_string(),
        };
        out.push_str(&format!(
            "{loc}: {} {} {}\n",
            d.severity.label(opts.lang),
            d.rule.code,
            // One line per finding, whatever a key or value of the plan contains.
            super::escape_controls(d.message.get(opts.lang), true)
        ));
    }
    out
}
