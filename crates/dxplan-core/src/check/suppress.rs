//! Inline suppressions (`# dxplan: ignore[CODE, CODE] reason`) and `[lint]` severity overrides,
//! applied to the findings of every stage. Locked rules (legal requirements) can be raised but
//! never lowered, switched off or suppressed.

use std::collections::HashSet;

use super::rules::lint_config::BadLint;
use super::rules::suppression_invalid::Invalid;
use super::rules::suppression_unused::Unused;

/// Whether the rule with this code is a locked legal requirement.
fn is_locked(code: &str) -> bool {
    super::find(code).is_some_and(|r| r.locked)
}
use crate::diag::{Diagnostic, Severity};
use crate::model::{LintLevel, Plan};
use crate::source::SourceId;

struct Suppression {
    source: SourceId,
    line: usize,
    codes: Vec<(String, std::ops::Range<usize>)>,
    reason: String,
    span: std::ops::Range<usize>,
}

const MARKER: &str = "# dxplan: ignore[";

fn parse(plan: &Plan) -> Vec<Suppression> {
    let mut out = Vec::new();
    for (id, src) in plan.sources.iter() {
        // Most files have none: one search per file, not one per line.
        if !(src.name.ends_with(".yaml") || src.name.ends_with(".yml"))
            || !src.text.contains(MARKER)
        {
            continue;
        }
        let mut offset = 0;
        for (i, line) in src.text.split_inclusive('\n').enumerate() {
            if let Some(pos) = line.find(MARKER)
                && let Some(close) = line[pos..].find(']')
            {
                let inner_start = offset + pos + MARKER.len();
                let inner = &line[pos + MARKER.len()..pos + close];
                let mut codes = Vec::new();
                let mut at = inner_start;
                for part in inner.split(',') {
                    let code = part.trim();
                    let lead = part.len() - part.trim_start().len();
                    if !code.is_empty() {
                        codes.push((code.to_uppercase(), at + lead..at + lead + code.len()));
                    }
                    at += part.len() + 1;
                }
                let reason = line[pos + close + 1..].trim().to_string();
                let end = offset + line.trim_end().len();
                out.push(Suppression {
                    source: id,
                    line: i + 1,
                    codes,
                    reason,
                    span: offset + pos..end,
                });
            }
            offset += line.len();
        }
    }
    out
}

pub fn apply(plan: &Plan, diags: &mut Vec<Diagnostic>) {
    let sups = parse(plan);
    let mut used: HashSet<(usize, String)> = HashSet::new();
    let mut extra = Vec::new();
    diags.retain(|d| {
        let (Some(src), Some(span)) = (d.source, &d.span) else {
            return true;
        };
        let line = plan.sources.get(src).line_col(span.start).0;
        for (si, s) in sups.iter().enumerate() {
            if s.source == src && s.line == line && s.codes.iter().any(|(c, _)| c == d.rule.code) {
                if d.rule.locked || s.reason.is_empty() {
                    return true; // reported below; the finding stands
                }
                used.insert((si, d.rule.code.to_string()));
                return false;
            }
        }
        true
    });
    for (si, s) in sups.iter().enumerate() {
        if s.reason.is_empty() {
            extra.push(Diagnostic::of(&Invalid::NoReason).at(s.source, s.span.clone()));
        }
        for (code, span) in &s.codes {
            if is_locked(code) {
                extra.push(
                    Diagnostic::of(&Invalid::Locked(code.clone())).at(s.source, span.clone()),
                );
                continue;
            }
            if !s.reason.is_empty() && !used.contains(&(si, code.clone())) {
                let unused = match super::find(code) {
                    Some(_) => Unused::NothingToSuppress(code.clone()),
                    None => Unused::NoSuchRule(code.clone()),
                };
                extra.push(Diagnostic::of(&unused).at(s.source, span.clone()));
            }
        }
    }
    diags.extend(extra);
    apply_lint(plan, diags);
}

fn apply_lint(plan: &Plan, diags: &mut Vec<Diagnostic>) {
    let Some(config) = &plan.config else {
        return;
    };
    let src = config.source;
    let Some(lint) = &config.lint else { return };
    let mut overrides: Vec<(&str, Option<Severity>)> = Vec::new();
    let mut extra = Vec::new();
    for (code, level) in &lint.severity {
        let Some(rule) = super::find(code) else {
            extra.push(
                Diagnostic::of(&BadLint::NoSuchRule(code.clone())).at(src, level.span.clone()),
            );
            continue;
        };
        let wanted = match level.value {
            LintLevel::Error => Some(Severity::Error),
            LintLevel::Warning => Some(Severity::Warning),
            LintLevel::Info => Some(Severity::Info),
            LintLevel::Off => None,
        };
        let lowers = match wanted {
            None => true,
            Some(w) => w > rule.severity,
        };
        if rule.locked && lowers {
            extra.push(
                Diagnostic::of(&BadLint::LowersLocked(rule.code.to_string()))
                    .at(src, level.span.clone()),
            );
            continue;
        }
        overrides.push((rule.code, wanted));
    }
    diags.retain_mut(
        |d| match overrides.iter().find(|(c, _)| *c == d.rule.code) {
            Some((_, None)) => false,
            Some((_, Some(s))) => {
                d.severity = *s;
                true
            }
            None => true,
        },
    );
    diags.extend(extra);
}
