//! What a printed plan does not show but its source says: ids, links to the framework's priority
//! tasks and to tasks, metrics, indicators, baselines, and a target's own fields when the page
//! shows its `display` sentence. The DOCX carries these in a custom XML part (DECISIONS 64) so that
//! `dxplan import` of dxplan's own DOCX gives back the plan it was built from; each record is keyed
//! by the words the page shows for the item, so an item a clerk rewrote in Word is read from its
//! words again, and only the untouched ones take their record.
//!
//! Only what the page does not show is carried for tasks and projects (a clerk's edit of a lead
//! or an amount in Word must win); a target's record holds its printed fields too, taken only when
//! the printed sentence is unchanged. Results are not carried: the plan's document does not print
//! them (the report does).

use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::model::Plan;
use crate::model::types::Target;

/// One item's record: `kind` (`target`, `task`, `project`), the printed words it is keyed by,
/// and its fields as JSON (only the keys the importer accepts).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Carried {
    pub kind: &'static str,
    pub key: String,
    pub fields: Value,
}

fn texts<'a>(v: impl IntoIterator<Item = &'a crate::model::types::Text>) -> Value {
    Value::Array(v.into_iter().map(|t| json!(t.value.trim())).collect())
}

fn put(m: &mut Map<String, Value>, key: &str, v: Option<Value>) {
    if let Some(v) = v {
        m.insert(key.into(), v);
    }
}

fn target(t: &Target) -> Carried {
    let mut m = Map::new();
    m.insert("id".into(), json!(t.id.value.trim()));
    put(
        &mut m,
        "group",
        t.group.as_ref().map(|g| json!(g.value.trim())),
    );
    m.insert("text".into(), json!(t.text.value.trim()));
    put(
        &mut m,
        "indicator",
        t.indicator.as_ref().map(|x| json!(x.value)),
    );
    put(&mut m, "value", t.value.as_ref().map(|x| json!(x.value)));
    put(&mut m, "unit", t.unit.as_ref().map(|x| json!(x.value)));
    put(
        &mut m,
        "qualifier",
        t.qualifier.as_ref().map(|x| json!(x.value)),
    );
    put(&mut m, "digits", t.digits.as_ref().map(|x| json!(x.value)));
    if !t.levels.is_empty() {
        let levels = t
            .levels
            .iter()
            .map(|l| json!({"level": l.level.value, "value": l.value.value}))
            .collect();
        m.insert("levels".into(), Value::Array(levels));
    }
    put(
        &mut m,
        "display",
        t.display.as_ref().map(|x| json!(x.value)),
    );
    put(
        &mut m,
        "baseline",
        t.baseline.as_ref().map(|x| json!(x.value)),
    );
    put(
        &mut m,
        "deadline",
        t.deadline.as_ref().map(|x| json!(x.value)),
    );
    put(&mut m, "metric", t.metric.as_ref().map(|x| json!(x.value)));
    if !t.priority_tasks.is_empty() {
        m.insert("priority_tasks".into(), texts(&t.priority_tasks));
    }
    Carried {
        kind: "target",
        key: super::prose::target_text(t),
        fields: Value::Object(m),
    }
}

/// Every target, task and project of the plan, in document order.
pub fn of(plan: &Plan) -> Vec<Carried> {
    let mut out: Vec<Carried> = plan.targets().map(|(_, t)| target(t)).collect();
    for (_, t) in plan.tasks() {
        let mut m = Map::new();
        m.insert("id".into(), json!(t.id.value.trim()));
        put(
            &mut m,
            "item",
            t.item.as_ref().map(|x| json!(x.value.trim())),
        );
        put(&mut m, "metric", t.metric.as_ref().map(|x| json!(x.value)));
        if !t.priority_tasks.is_empty() {
            m.insert("priority_tasks".into(), texts(&t.priority_tasks));
        }
        out.push(Carried {
            kind: "task",
            key: t.title.value.trim().to_string(),
            fields: Value::Object(m),
        });
    }
    for (_, p) in plan.projects() {
        let mut m = Map::new();
        m.insert("id".into(), json!(p.id.value.trim()));
        if !p.tasks.is_empty() {
            m.insert("tasks".into(), texts(&p.tasks));
        }
        if !p.priority_tasks.is_empty() {
            m.insert("priority_tasks".into(), texts(&p.priority_tasks));
        }
        out.push(Carried {
            kind: "project",
            key: p.name.value.trim().to_string(),
            fields: Value::Object(m),
        });
    }
    out
}
