//! `--format junit`: one test case per rule and file; a case fails when it has errors (warnings
//! and infos are listed in `system-out`). CI servers render it as a test report.

use std::collections::BTreeMap;

use super::Options;
use crate::check::rules;
use crate::diag::{Diagnostic, Severity, position};
use crate::source::Sources;

/// XML-escaped, control characters shown as `\u{…}` (XML 1.0 cannot carry most of them).
fn esc(s: &str) -> String {
    super::escape_controls(s, false)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn render(diags: &[Diagnostic], sources: &Sources, opts: &Options) -> String {
    // Every rule × every file gets a case, so passing rules show as passing tests.
    let mut files: Vec<String> = sources.iter().map(|(_, s)| s.name.clone()).collect();
    files.push(String::from("(kế hoạch)"));
    let mut cases: BTreeMap<(String, &str), Vec<&Diagnostic>> = BTreeMap::new();
    for f in &files {
        for r in rules::ALL {
            cases.insert((f.clone(), r.code), Vec::new());
        }
    }
    for d in diags {
        let file = position(d, sources)
            .map(|p| p.file)
            .unwrap_or_else(|| "(kế hoạch)".into());
        cases.entry((file, d.rule.code)).or_default().push(d);
    }
    let failures = cases
        .values()
        .filter(|v| v.iter().any(|d| d.severity == Severity::Error))
        .count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"dxplan\" tests=\"{}\" failures=\"{failures}\">\n",
        cases.len()
    ));
    let mut by_file: BTreeMap<&str, Vec<(&str, &Vec<&Diagnostic>)>> = BTreeMap::new();
    for ((file, code), v) in &cases {
        by_file.entry(file.as_str()).or_default().push((code, v));
    }
    for (file, list) in by_file {
        let f = list
            .iter()
            .filter(|(_, v)| v.iter().any(|d| d.severity == Severity::Error))
            .count();
        out.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{f}\">\n",
            esc(file),
            list.len()
        ));
        for (code, v) in list {
            testcase(&mut out, file, code, v, sources, opts);
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// One rule on one file: a passing case, a failure (errors) and/or the other findings as output.
fn testcase(
    out: &mut String,
    file: &str,
    code: &str,
    v: &[&Diagnostic],
    sources: &Sources,
    opts: &Options,
) {
    let rule = crate::check::find(code).expect("registered rule");
    out.push_str(&format!(
        "    <testcase classname=\"{}\" name=\"{code} {}\">",
        esc(file),
        rule.name
    ));
    let lines: Vec<String> = v
        .iter()
        .map(|d| {
            let p = position(d, sources)
                .filter(|_| d.span.is_some())
                .map(|p| format!("{}:{}: ", p.line, p.column))
                .unwrap_or_default();
            format!(
                "{p}{}: {}",
                d.severity.label(opts.lang),
                d.message.get(opts.lang)
            )
        })
        .collect();
    let errors: Vec<&String> = lines
        .iter()
        .zip(v.iter())
        .filter(|(_, d)| d.severity == Severity::Error)
        .map(|(l, _)| l)
        .collect();
    if !errors.is_empty() {
        let joined = errors
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        out.push_str(&format!(
            "\n      <failure message=\"{}\">{}</failure>\n    ",
            esc(errors[0]),
            esc(&joined)
        ));
    }
    if lines.len() > errors.len() {
        out.push_str(&format!(
            "\n      <system-out>{}</system-out>\n    ",
            esc(&lines.join("\n"))
        ));
    }
    out.push_str("</testcase>\n");
}
