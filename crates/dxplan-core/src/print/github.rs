//! `--format github`: GitHub Actions workflow commands, one annotation per finding. GitHub shows
//! only ten annotations of a kind per step, so when `$GITHUB_STEP_SUMMARY` is set a grouped table
//! of every finding is appended to it as well.

use std::collections::BTreeMap;

use super::Options;
use crate::diag::{Diagnostic, Severity, position};
use crate::source::Sources;

/// Workflow-command escaping (data and properties differ: properties also escape `:` and `,`).
/// GitHub's rules name `%`, CR and LF; every other control character is percent-encoded too, so
/// no ESC sequence from a file name or a message reaches the log.
fn esc_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            c if c.is_control() => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn esc_prop(s: &str) -> String {
    esc_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(diags: &[Diagnostic], sources: &Sources, opts: &Options) -> String {
    let mut out = String::new();
    for d in diags {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut props = Vec::new();
        if let Some(p) = position(d, sources) {
            let file = d
                .source
                .map_or(p.file.clone(), |id| sources.get(id).repo_path());
            props.push(format!("file={}", esc_prop(&file)));
            if d.span.is_some() {
                props.push(format!("line={}", p.line));
                props.push(format!("col={}", p.column));
                props.push(format!("endLine={}", p.end_line));
                props.push(format!("endColumn={}", p.end_column));
            }
        }
        props.push(format!(
            "title={}",
            esc_prop(&format!("{} {}", d.rule.code, d.rule.name))
        ));
        let mut msg = d.message.get(opts.lang).to_string();
        if let Some(h) = &d.hint {
            msg.push('\n');
            msg.push_str(h.get(opts.lang));
        }
        out.push_str(&format!(
            "::{kind} {}::{}\n",
            props.join(","),
            esc_data(&msg)
        ));
    }
    out
}

/// Markdown for `$GITHUB_STEP_SUMMARY`: counts per rule, then every finding.
pub fn step_summary(diags: &[Diagnostic], sources: &Sources, opts: &Options) -> String {
    let vi = opts.lang == crate::lang::Lang::Vi;
    let mut by_rule: BTreeMap<&str, (usize, &str, Severity)> = BTreeMap::new();
    for d in diags {
        let e = by_rule
            .entry(d.rule.code)
            .or_insert((0, d.rule.name, d.severity));
        e.0 += 1;
    }
    let mut s = String::new();
    s.push_str(if vi {
        "## dxplan: kết quả kiểm tra\n\n| Mã | Quy tắc | Mức | Số lượng |\n|---|---|---|---|\n"
    } else {
        "## dxplan check\n\n| Code | Rule | Severity | Count |\n|---|---|---|---|\n"
    });
    for (code, (n, name, sev)) in &by_rule {
        s.push_str(&format!(
            "| {code} | {name} | {} | {n} |\n",
            sev.label(opts.lang)
        ));
    }
    s.push_str(if vi {
        "\n| Tệp | Dòng | Mã | Nội dung |\n|---|---|---|---|\n"
    } else {
        "\n| File | Line | Code | Message |\n|---|---|---|---|\n"
    });
    for d in diags {
        let (file, line) = match position(d, sources) {
            Some(p) => (
                p.file,
                if d.span.is_some() {
                    p.line.to_string()
                } else {
                    String::new()
                },
            ),
            None => (String::new(), String::new()),
        };
        let m = d.message.get(opts.lang).replace('|', "\\|");
        s.push_str(&format!("| {file} | {line} | {} | {m} |\n", d.rule.code));
    }
    s
}
