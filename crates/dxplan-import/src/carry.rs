//! dxplan's own DOCX carries what its page does not show (ids, links to priority tasks and tasks,
//! metrics, a target's fields behind its sentence; `dxplan_core::compose::carried`). An item read
//! from the page takes its record when the page still shows the words the record is keyed by; an
//! item a clerk rewrote in Word is read from its words alone, as any clerk's file is.
//!
//! The records come from the file like everything else: only known keys of the expected type are
//! taken, every text is quoted, and `check` judges the result.

use std::collections::{HashMap, HashSet, VecDeque};

use dxplan_core::init::yaml_quoted as q;
use serde_json::{Map, Value};

use crate::docx::Carried;
use crate::place::fold;

/// The records not yet taken, by kind and folded key, in document order (two tasks of the same
/// title take their records in turn).
pub struct Pool {
    by_key: HashMap<(String, String), VecDeque<Map<String, Value>>>,
    pub offered: usize,
    pub taken: usize,
}

impl Pool {
    pub fn new(carried: &[Carried]) -> Self {
        let mut by_key: HashMap<(String, String), VecDeque<Map<String, Value>>> = HashMap::new();
        for c in carried {
            by_key
                .entry((c.kind.clone(), fold(&c.key)))
                .or_default()
                .push_back(c.fields.clone());
        }
        Pool {
            by_key,
            offered: carried.len(),
            taken: 0,
        }
    }

    /// The record of a `kind` item whose page words are `key`.
    pub fn take(&mut self, kind: &str, key: &str) -> Option<Map<String, Value>> {
        let got = self
            .by_key
            .get_mut(&(kind.to_string(), fold(key)))?
            .pop_front();
        self.taken += usize::from(got.is_some());
        got
    }
}

/// A text field of a record, trimmed, not empty, one line, of a sane length.
pub fn text(m: &Map<String, Value>, key: &str) -> Option<String> {
    let s = m.get(key)?.as_str()?.trim();
    (!s.is_empty() && s.len() <= 4096 && !s.contains(['\n', '\r'])).then(|| s.to_string())
}

/// A list of short texts ("NV11", a task id), each one line.
pub fn texts(m: &Map<String, Value>, key: &str) -> Vec<String> {
    m.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty() && s.len() <= 64 && !s.contains(['\n', '\r']))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// A finite number as YAML writes it (integers without ".0").
pub fn number(m: &Map<String, Value>, key: &str) -> Option<String> {
    let v = m.get(key)?.as_f64().filter(|v| v.is_finite())?;
    Some(if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    })
}

pub fn flow(list: &[String]) -> String {
    format!(
        "[{}]",
        list.iter().map(|x| q(x)).collect::<Vec<_>>().join(", ")
    )
}

/// A target's lines from its record, under the group the page shows (`group`), with every field
/// the record may hold in the plan's own order.
pub fn target_yaml(m: &Map<String, Value>, group: Option<&str>, fallback_id: &str) -> String {
    let id = text(m, "id").unwrap_or_else(|| fallback_id.to_string());
    let mut s = format!("  - id: {}\n", q(&id));
    if let Some(g) = group.map(str::to_string).or_else(|| text(m, "group")) {
        s.push_str(&format!("    group: {}\n", q(&g)));
    }
    for key in ["text", "indicator"] {
        if let Some(v) = text(m, key) {
            s.push_str(&format!("    {key}: {}\n", q(&v)));
        }
    }
    if let Some(v) = number(m, "value") {
        s.push_str(&format!("    value: {v}\n"));
    }
    for key in ["unit", "qualifier"] {
        if let Some(v) = text(m, key) {
            s.push_str(&format!("    {key}: {}\n", q(&v)));
        }
    }
    if let Some(v) = number(m, "digits") {
        s.push_str(&format!("    digits: {v}\n"));
    }
    let levels: Vec<(String, String)> = m
        .get("levels")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_object)
                .filter_map(|l| Some((text(l, "level")?, number(l, "value")?)))
                .collect()
        })
        .unwrap_or_default();
    if !levels.is_empty() {
        s.push_str("    levels:\n");
        for (l, v) in &levels {
            s.push_str(&format!("      - {{level: {}, value: {v}}}\n", q(l)));
        }
    }
    if let Some(v) = text(m, "display") {
        s.push_str(&format!("    display: {}\n", q(&v)));
    }
    if let Some(v) = number(m, "baseline") {
        s.push_str(&format!("    baseline: {v}\n"));
    }
    for key in ["deadline", "metric"] {
        if let Some(v) = text(m, key) {
            s.push_str(&format!("    {key}: {}\n", q(&v)));
        }
    }
    let p = texts(m, "priority_tasks");
    if !p.is_empty() {
        s.push_str(&format!("    priority_tasks: {}\n", flow(&p)));
    }
    s
}

/// A record's id for an item, when it is one no other item has taken.
pub fn fresh_id(m: &Map<String, Value>, used: &mut HashSet<String>) -> Option<String> {
    let id = text(m, "id").filter(|i| i.len() <= 64)?;
    used.insert(id.clone()).then_some(id)
}
