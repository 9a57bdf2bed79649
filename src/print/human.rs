//! Human output through miette: the YAML excerpt with the finding underlined, the hint, and the
//! clause the finding enforces.

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource};

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
        let mut md = MietteDiagnostic::new(d.message.get(opts.lang).to_string())
            .with_code(format!("{} {}", d.rule.code, d.rule.name))
            .with_severity(match d.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
                Severity::Info => miette::Severity::Advice,
            })
            .with_help(help);
        let pos = position(d, sources);
        let report = match (d.source, &d.span) {
            (Some(id), Some(span)) => {
                let src = sources.get(id);
                let label = d.severity.label(opts.lang).to_string();
                md = md.with_label(LabeledSpan::new(Some(label), span.start, span.len()));
                miette::Report::new(md)
                    .with_source_code(NamedSource::new(&src.name, src.text.clone()))
            }
            _ => miette::Report::new(md),
        };
        if let Some(p) = &pos
            && d.span.is_none()
        {
            out.push_str(&format!("{}:\n", p.file));
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
