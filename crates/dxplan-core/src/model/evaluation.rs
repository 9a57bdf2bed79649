//! Phần I.II: which evaluation text speaks for an evaluated item — its own, that of a group it
//! belongs to ("1" for 1.1–1.3), or the section's. Real plans often evaluate a whole group at once;
//! `check` and `compose` read the same answer.

use super::types::{EvalItem, EvaluationSection};
use crate::load::Sp;

/// Where an item's a) or b) comes from.
pub enum PointSource<'a> {
    Own(&'a Sp<String>),
    /// A group item ("1") or the section (number `None`).
    Grouped(Option<&'a str>, &'a Sp<String>),
    Missing,
}

/// The text of one evaluation point (`results` or `limitations`) of an item.
fn point<'a>(item: &'a EvalItem, key: &str) -> Option<&'a Sp<String>> {
    let v = match key {
        "results" => item.results.as_ref(),
        "limitations" => item.limitations.as_ref(),
        _ => None,
    }?;
    (!v.value.trim().is_empty()).then_some(v)
}

impl EvaluationSection {
    /// The evaluation point `key` of item `number`.
    pub fn point_for(&self, number: &str, key: &str) -> PointSource<'_> {
        if let Some(v) = self
            .items
            .iter()
            .find(|i| i.number.value == number)
            .and_then(|i| point(i, key))
        {
            return PointSource::Own(v);
        }
        // The closest group above it: "1" for "1.1".
        let mut groups: Vec<&EvalItem> = self
            .items
            .iter()
            .filter(|i| number.starts_with(&format!("{}.", i.number.value)))
            .collect();
        groups.sort_by_key(|i| std::cmp::Reverse(i.number.value.len()));
        if let Some((g, v)) = groups
            .into_iter()
            .find_map(|g| point(g, key).map(|v| (g, v)))
        {
            return PointSource::Grouped(Some(g.number.value.as_str()), v);
        }
        let section = match key {
            "results" => self.results.as_ref(),
            "limitations" => self.limitations.as_ref(),
            _ => None,
        };
        match section.filter(|v| !v.value.trim().is_empty()) {
            Some(v) => PointSource::Grouped(None, v),
            None => PointSource::Missing,
        }
    }

    /// A group item or the section text for `key` printed under heading `number` (group "1"),
    /// or `None` for the section itself.
    pub fn group_point(&self, number: Option<&str>, key: &str) -> Option<&Sp<String>> {
        match number {
            Some(n) => self
                .items
                .iter()
                .find(|i| i.number.value == n)
                .and_then(|i| point(i, key)),
            None => match key {
                "results" => self.results.as_ref(),
                "limitations" => self.limitations.as_ref(),
                _ => None,
            }
            .filter(|v| !v.value.trim().is_empty()),
        }
    }
}
