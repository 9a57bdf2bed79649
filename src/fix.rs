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

/// The new text of every file some fix touches. Overlapping edits are skipped (the next run
/// applies them), so a fix never corrupts another.
pub fn plan(diags: &[Diagnostic], sources: &Sources) -> Vec<Change> {
    let mut by_source: BTreeMap<SourceId, Vec<&Edit>> = BTreeMap::new();
    let mut counts: BTreeMap<SourceId, usize> = BTreeMap::new();
    for d in diags {
        if let (Some(src), Some(fix)) = (d.source, &d.fix) {
            by_source.entry(src).or_default().extend(fix.edits.iter());
            *counts.entry(src).or_default() += 1;
        }
    }
    let mut out = Vec::new();
    for (src, mut edits) in by_source {
        let before = sources.get(src).text.clone();
        edits.sort_by_key(|e| (e.span.start, e.span.end));
        edits.dedup();
        let mut after = String::with_capacity(before.len());
        let mut at = 0;
        for e in edits {
            if e.span.start < at || e.span.end > before.len() {
                continue;
            }
            after.push_str(&before[at..e.span.start]);
            after.push_str(&e.replacement);
            at = e.span.end;
        }
        after.push_str(&before[at..]);
        if after != before {
            out.push(Change {
                source: src,
                before,
                after,
                fixes: counts[&src],
            });
        }
    }
    out
}

pub fn write(changes: &[Change], sources: &Sources) -> std::io::Result<()> {
    for c in changes {
        write_atomic(&sources.get(c.source).path, c.after.as_bytes())?;
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
