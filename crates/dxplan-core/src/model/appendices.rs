//! The phụ lục of a plan, numbered by dxplan: the generated danh mục of projects, last year's
//! projects, then the plan's own, in file order — or first those `[appendices] order` names, in
//! its order, as real plans number their own tables before the danh mục. Authors refer to them by id in free text
//! (`{phụ lục:ket-qua-2022}`), so a number is never written by hand and never goes stale; compose
//! replaces the reference with the label and `check` reports one that names no phụ lục.

use std::ops::Range;

use super::types::AppendixNumbering;
use super::values::roman;
use super::{Content, OwnAppendix, Plan};

/// Id of the generated danh mục of tasks and projects (Phần II.VII).
pub const PROJECTS_ID: &str = "danh-muc";
/// Id of the generated list of last year's projects (Phần I.II.11).
pub const PAST_ID: &str = "du-an-nam-truoc";

pub enum AppendixKind<'a> {
    Projects,
    PastProjects,
    Own(&'a OwnAppendix),
}

pub struct AppendixEntry<'a> {
    pub id: String,
    /// "Phụ lục I" or "Phụ lục 1", by `[appendices] numbering`.
    pub label: String,
    pub kind: AppendixKind<'a>,
}

impl Plan {
    /// Every phụ lục the document will carry, numbered.
    pub fn appendix_list(&self) -> Vec<AppendixEntry<'_>> {
        let numbering = self
            .config
            .as_ref()
            .and_then(|c| c.appendices.as_ref())
            .and_then(|a| a.numbering.as_ref())
            .map(|n| n.value)
            .unwrap_or_default();
        let mut kinds: Vec<(String, AppendixKind)> = Vec::new();
        if self.projects().next().is_some() {
            kinds.push((PROJECTS_ID.into(), AppendixKind::Projects));
        }
        let has_past = self
            .sections
            .iter()
            .any(|s| matches!(&s.content, Content::EvaluationBudget(e) if !e.projects.is_empty()));
        if has_past {
            kinds.push((PAST_ID.into(), AppendixKind::PastProjects));
        }
        for a in &self.appendices {
            kinds.push((
                a.file.appendix.value.trim().to_string(),
                AppendixKind::Own(a),
            ));
        }
        // `[appendices] order`: the ids it names first, in its order; the rest after, as above.
        // A stable sort keeps the default order among the rest.
        let order: Vec<&str> = self
            .config
            .as_ref()
            .and_then(|c| c.appendices.as_ref())
            .map(|a| a.order.iter().map(|o| o.value.trim()).collect())
            .unwrap_or_default();
        kinds.sort_by_key(|(id, _)| {
            order
                .iter()
                .position(|o| *o == id.as_str())
                .unwrap_or(order.len())
        });
        kinds
            .into_iter()
            .enumerate()
            .map(|(i, (id, kind))| AppendixEntry {
                id,
                label: label(i + 1, numbering),
                kind,
            })
            .collect()
    }
}

pub fn label(n: usize, numbering: AppendixNumbering) -> String {
    match numbering {
        AppendixNumbering::Roman => format!("Phụ lục {}", roman(n)),
        AppendixNumbering::Arabic => format!("Phụ lục {n}"),
    }
}

/// References in free text: `{phụ lục:id}` (or `{phu-luc:id}`), as (byte range, id).
pub fn references(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('{').map(|i| i + from) {
        let Some(close) = text[open..].find('}').map(|i| i + open) else {
            break;
        };
        // The innermost brace before the close: in a YAML flow mapping
        // (`result: {note: "xem {phụ lục:x}"}`) the first `{` opens the mapping, not the reference.
        let open = open + text[open..close].rfind('{').unwrap_or(0);
        let inner = &text[open + 1..close];
        if let Some((key, id)) = inner.split_once(':') {
            let key = key.trim().to_lowercase();
            if key == "phụ lục" || key == "phu-luc" || key == "phu luc" {
                out.push((open..close + 1, id.trim()));
            }
        }
        from = close + 1;
    }
    out
}

/// The text with each reference replaced by its label; an unknown one is left as written
/// (`check` reports it).
pub fn resolve(text: &str, label_of: impl Fn(&str) -> Option<String>) -> String {
    let refs = references(text);
    if refs.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (range, id) in refs {
        out.push_str(&text[last..range.start]);
        match label_of(id) {
            Some(l) => out.push_str(&l),
            None => out.push_str(&text[range.clone()]),
        }
        last = range.end;
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn references_are_found_and_resolved() {
        let t = "Chi tiết tại {phụ lục:ket-qua} và {phu-luc: danh-muc}; {khác} {phụ lục:x}.";
        let ids: Vec<&str> = super::references(t).into_iter().map(|r| r.1).collect();
        assert_eq!(ids, ["ket-qua", "danh-muc", "x"]);
        // Inside a YAML flow mapping, the reference is the innermost pair of braces.
        let flow = "result: {status: xong, note: \"xem {phụ lục:y}.\"}";
        let refs = super::references(flow);
        assert_eq!(refs.len(), 1);
        assert_eq!(&flow[refs[0].0.clone()], "{phụ lục:y}");
        let out = super::resolve(t, |id| match id {
            "ket-qua" => Some("Phụ lục III".into()),
            "danh-muc" => Some("Phụ lục I".into()),
            _ => None,
        });
        assert_eq!(
            out,
            "Chi tiết tại Phụ lục III và Phụ lục I; {khác} {phụ lục:x}."
        );
    }
}
