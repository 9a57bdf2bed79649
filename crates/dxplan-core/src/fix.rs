//! `check --fix` / `--diff`: apply the safe fixes attached to findings, file by file, keeping
//! everything else of the file (comments, order, quoting) byte for byte.

use std::collections::BTreeMap;

use crate::diag::{Diagnostic, Edit};
use crate::fsutil::write_atomic;
use crate::source::{SourceId, Sources};

pub struct Change {
    pub source: SourceId,
    pub before: String,
    pub after: String,
    pub fixes: usize,
}

/// The new text of every file some fix touches. Overlapping edits are skipped (`check --fix`
/// runs again until nothing is left to apply), so a fix never corrupts another.
pub fn plan(diags: &[Diagnostic], sources: &Sources) -> Vec<Change> {
    // Each edit with the finding it belongs to, so a finding counts as fixed only when all of
    // its edits were applied.
    let mut by_source: BTreeMap<SourceId, Vec<(&Edit, usize)>> = BTreeMap::new();
    for (i, d) in diags.iter().enumerate() {
        if let (Some(src), Some(fix)) = (d.source, &d.fix) {
            by_source
                .entry(src)
                .or_default()
                .extend(fix.edits.iter().map(|e| (e, i)));
        }
    }
    let mut out = Vec::new();
    for (src, mut edits) in by_source {
        let before = sources.get(src).text.clone();
        edits.sort_by_key(|(e, i)| (e.span.start, e.span.end, *i));
        let mut after = String::with_capacity(before.len());
        let mut at = 0;
        let mut skipped = std::collections::BTreeSet::new();
        let mut touched = std::collections::BTreeSet::new();
        let mut last: Option<&Edit> = None;
        for (e, i) in edits {
            touched.insert(i);
            if last == Some(e) {
                continue; // the same edit twice (two findings, one fix)
            }
            if e.span.start < at || e.span.end > before.len() {
                skipped.insert(i);
                continue;
            }
            after.push_str(&before[at..e.span.start]);
            after.push_str(&e.replacement);
            at = e.span.end;
            last = Some(e);
        }
        after.push_str(&before[at..]);
        if after != before {
            out.push(Change {
                source: src,
                before,
                after,
                fixes: touched.difference(&skipped).count(),
            });
        }
    }
    out
}

pub fn write(changes: &[Change], sources: &Sources) -> std::io::Result<()> {
    for c in changes {
        let file = sources.get(c.source);
        // A byte order mark the file had is kept.
        let bytes = if file.bom {
            format!("\u{feff}{}", c.after).into_bytes()
        } else {
            c.after.clone().into_bytes()
        };
        write_atomic(&file.path, &bytes)?;
    }
    Ok(())
}

/// Unified diff of the changes, paths relative to the plan directory.
pub fn diff(changes: &[Change], sources: &Sources) -> String {
    let mut out = String::new();
    for c in changes {
        let name = &sources.get(c.source).name;
        let d = similar::TextDiff::from_lines(&c.before, &c.after);
        out.push_str(
            &d.unified_diff()
                .context_radius(2)
                .header(&format!("a/{name}"), &format!("b/{name}"))
                .to_string(),
        );
    }
    out
}
