//! Human output through miette: the YAML excerpt with the finding underlined, the hint, and the
//! clause the finding enforces.

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic};

use super::Options;
use crate::diag::{Diagnostic, Severity, Summary, position};
use crate::lang::Lang;
use crate::source::Sources;

pub fn render(diags: &[Diagnostic], sources: &Sources, opts: &Options) -> String {
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false);
    let mut out = String::new();
    let clause_word = match opts.lang {
        Lang::Vi => "căn cứ",
        Lang::En => "clause",
    };
    for d in diags {
        let mut help = d
            .hint
            .as_ref()
            .map(|h| h.get(opts.lang).to_string())
            .unwrap_or_default();
        if let Some(fix) = &d.fix {
            if !help.is_empty() {
                help.push('\n');
            }
            let how = match opts.lang {
                Lang::Vi => "sửa tự động bằng `dxplan check --fix`",
                Lang::En => "fixable with `dxplan check --fix`",
            };
            help.push_str(&format!("{how}: {}", fix.description.get(opts.lang)));
        }
        if !d.clause.is_empty() {
            if !help.is_empty() {
                help.push('\n');
            }
            help.push_str(&format!("{clause_word}: {}", d.clause));
        }
        let mut md = MietteDiagnostic::new(super::escape_controls(d.message.get(opts.lang), true))
            .with_code(format!("{} {}", d.rule.code, d.rule.name))
            .with_severity(match d.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
                Severity::Info => miette::Severity::Advice,
            })
            .with_help(super::escape_controls(&help, false));
        let pos = position(d, sources);
        let report = match (d.source, &d.span) {
            // The excerpt only where miette can draw it safely: lines of sane length (it panics
            // past column 65,535) and no control characters to echo to the terminal.
            (Some(id), Some(span)) if excerpt_ok(&sources.get(id).text, span) => {
                let src = sources.get(id);
                let label = d.severity.label(opts.lang).to_string();
                // Only the lines around the span go to miette, with their true line numbers:
                // handing it the whole file cost a copy and a scan of it per finding (20,000
                // findings in a 380 KB file: half a minute).
                let excerpt = Excerpt::around(src, span);
                let at = span.start - excerpt.base;
                md = md.with_label(LabeledSpan::new(Some(label), at, span.len()));
                miette::Report::new(md).with_source_code(excerpt)
            }
            _ => miette::Report::new(md),
        };
        if let Some(p) = &pos {
            if d.span.is_none() {
                out.push_str(&format!("{}:\n", super::escape_controls(&p.file, true)));
            } else if !d
                .source
                .zip(d.span.as_ref())
                .is_some_and(|(id, span)| excerpt_ok(&sources.get(id).text, span))
            {
                out.push_str(&format!(
                    "{}:{}:{}:\n",
                    super::escape_controls(&p.file, true),
                    p.line,
                    p.column
                ));
            }
        }
        let mut buf = String::new();
        if handler.render_report(&mut buf, report.as_ref()).is_ok() {
            out.push_str(&buf);
        }
        out.push('\n');
    }
    let s = Summary::of(diags);
    out.push_str(&match opts.lang {
        Lang::Vi => format!(
            "Kết quả: {} lỗi, {} cảnh báo, {} thông tin\n",
            s.errors, s.warnings, s.infos
        ),
        Lang::En => format!(
            "Result: {} errors, {} warnings, {} infos\n",
            s.errors, s.warnings, s.infos
        ),
    });
    out
}

/// The lines around a span, for miette: `base` is the byte offset of the first of them in the
/// file, `first_line` its 0-based line number (from the file's line index, computed once).
struct Excerpt {
    name: String,
    text: String,
    base: usize,
    first_line: usize,
}

impl Excerpt {
    /// Four lines either side: more than miette's context, so it never reaches an edge that is
    /// not the file's.
    fn around(src: &crate::source::SourceFile, span: &std::ops::Range<usize>) -> Excerpt {
        let (first, _) = src.line_col(span.start);
        let (last, _) = src.line_col(span.end);
        let from_line = first.saturating_sub(4).max(1);
        let base = src.offset_of(from_line, 1);
        let end = src.offset_of(last + 5, 1);
        Excerpt {
            name: src.name.clone(),
            text: src.text[base..end].to_string(),
            base,
            first_line: from_line - 1,
        }
    }
}

impl miette::SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let inner =
            self.text
                .as_bytes()
                .read_span(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line,
            inner.column(),
            inner.line_count(),
        )))
    }
}

/// Whether the lines around a span can be shown as an excerpt: each at most 1,000 bytes and free
/// of control characters (tab and carriage return aside).
fn excerpt_ok(text: &str, span: &std::ops::Range<usize>) -> bool {
    let start = span.start.min(text.len());
    let end = span.end.clamp(start, text.len());
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return false;
    }
    // Two lines of context either side, as miette shows them.
    let mut from = start;
    for _ in 0..3 {
        from = text[..from].rfind('\n').unwrap_or(0);
    }
    let mut to = end;
    for _ in 0..3 {
        to = text[to..]
            .find('\n')
            .map_or(text.len(), |i| to + i + 1)
            .min(text.len());
    }
    text[from..to].split('\n').all(|l| l.len() <= 1000)
        && !text[from..to]
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
}
