//! `--format sarif`: SARIF 2.1.0 for code-scanning tools, with rule metadata (id, short
//! description, help text with the clause, default level) and physical locations.

use serde_json::{Value, json};

use super::Options;
use crate::check::rules;
use crate::diag::{Diagnostic, Severity, position};
use crate::lang::Lang;
use crate::source::Sources;

/// A file as SARIF wants it (§3.10, RFC 3986): a path under the working directory as a relative
/// reference, code scanning resolves it against the checkout; any other as a `file://` URI (a
/// bare "/tmp/p/x.yaml" is rejected: SARIF1004). Every byte outside the unreserved set and "/" is
/// percent-encoded, so a space, a newline or an escape in a file name never reaches the JSON raw.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 8);
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

pub fn render(diags: &[Diagnostic], sources: &Sources, opts: &Options) -> String {
    let rule_list: Vec<Value> = rules::ALL
        .iter()
        .map(|r| {
            let (summary, doc) = (r.summary.get(opts.lang), r.doc(opts.lang));
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": summary },
                "fullDescription": { "text": doc },
                "help": { "text": format!("{doc}\n\n{}: {}", if opts.lang == Lang::Vi { "Căn cứ" } else { "Clause" }, r.clause) },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "clause": r.clause }
            })
        })
        .collect();
    let results: Vec<Value> = diags
        .iter()
        .map(|d| {
            let index = rules::ALL
                .iter()
                .position(|r| r.code == d.rule.code)
                .unwrap_or(0);
            let mut message = d.message.get(opts.lang).to_string();
            if let Some(h) = &d.hint {
                message.push('\n');
                message.push_str(h.get(opts.lang));
            }
            let mut r = json!({
                "ruleId": d.rule.code,
                "ruleIndex": index,
                "level": level(d.severity),
                "message": { "text": message },
                "properties": { "clause": d.clause }
            });
            if let Some(p) = position(d, sources) {
                // Resolved against the checkout by code scanning: the repository's path.
                let uri = uri(&d
                    .source
                    .map_or(p.file.clone(), |id| sources.get(id).repo_path_raw()));
                let mut phys = json!({ "artifactLocation": { "uri": uri } });
                if d.span.is_some() {
                    let end_column = if p.end_line == p.line && p.end_column <= p.column {
                        p.column + 1
                    } else {
                        p.end_column
                    };
                    phys["region"] = json!({
                        "startLine": p.line,
                        "startColumn": p.column,
                        "endLine": p.end_line,
                        "endColumn": end_column
                    });
                }
                r["locations"] = json!([{ "physicalLocation": phys }]);
            }
            r
        })
        .collect();
    let v = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "dxplan",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rule_list
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results
        }]
    });
    let mut s = serde_json::to_string_pretty(&v).expect("SARIF serialises");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn files_are_uris() {
        assert_eq!(super::uri("phan-2/a.yaml"), "phan-2/a.yaml");
        assert_eq!(super::uri("/tmp/p/x.yaml"), "file:///tmp/p/x.yaml");
        assert_eq!(super::uri("../p/x.yaml"), "../p/x.yaml");
        assert_eq!(super::uri("phần 2/a\n.yaml"), "ph%E1%BA%A7n%202/a%0A.yaml");
    }
}
