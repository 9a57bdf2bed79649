//! Which parts of a plan meet a framework threshold or deadline ("tối thiểu 01 cuộc diễn tập",
//! NV20's "Quý III/2023"). Real plans write them as targets as often as tasks (item 7.1 / 7.4), so
//! both count; `check` (DX070, DX071) and `status` ask this one module, and cannot disagree.

use super::values::{Period, period};
use super::{Plan, Section, Target, Task};
use crate::framework::Metric;

/// What in the plan speaks to one metric.
pub struct MetricEvidence<'a> {
    /// Targets tied with `metric:`; when there are any, they are what is checked.
    pub targets: Vec<(&'a Section, &'a Target)>,
    /// Tasks tied with `metric:`, or of the metric's item or priority task, that meet it.
    pub meeting_tasks: Vec<(&'a Section, &'a Task)>,
    /// Tasks tied with `metric:` that do not meet it (a later timeframe, a smaller count).
    pub failing_tasks: Vec<(&'a Section, &'a Task)>,
}

impl MetricEvidence<'_> {
    /// Met by a task, with no target tied to the metric to check instead.
    pub fn met_by_task(&self) -> bool {
        self.targets.is_empty() && !self.meeting_tasks.is_empty()
    }
}

/// A metric as `status` shows it; DX070/DX071 report exactly when `met` is false.
#[derive(Debug, serde::Serialize)]
pub struct MetricStatus {
    pub id: String,
    pub label: String,
    pub met: bool,
    /// Ids of the targets (when any is tied) or tasks that speak to it.
    pub by: Vec<String>,
}

impl Plan {
    pub fn metric_status(&self, m: &Metric) -> MetricStatus {
        let ev = self.metric_evidence(m);
        let year = self.year();
        let limit = m.deadline.as_deref().and_then(|d| period(d, year));
        let (met, by) = if ev.targets.is_empty() {
            (
                !ev.meeting_tasks.is_empty(),
                ev.meeting_tasks
                    .iter()
                    .map(|(_, t)| t.id.value.clone())
                    .collect(),
            )
        } else {
            (
                ev.targets
                    .iter()
                    .all(|(_, t)| target_meets(t, m, limit.as_ref(), year)),
                ev.targets.iter().map(|(_, t)| t.id.value.clone()).collect(),
            )
        };
        MetricStatus {
            id: m.id.clone(),
            label: m.label.clone(),
            met,
            by,
        }
    }
}

/// A target tied to the metric meets it: a value at least the minimum, all of it for a "hoàn
/// thành" threshold, a deadline by the limit.
fn target_meets(t: &Target, m: &Metric, limit: Option<&Period>, year: i32) -> bool {
    if let Some(min) = m.min
        && t.effective_value().is_none_or(|v| v.value < min)
    {
        return false;
    }
    if short_of_complete(t, m).is_some() {
        return false;
    }
    if let Some(limit) = limit {
        return t
            .deadline
            .as_ref()
            .and_then(|d| period(&d.value, year))
            .is_some_and(|p| p.end <= limit.end);
    }
    true
}

impl Plan {
    pub fn metric_evidence<'a>(&'a self, m: &Metric) -> MetricEvidence<'a> {
        let year = self.year();
        let limit = m.deadline.as_deref().and_then(|d| period(d, year));
        let mut ev = MetricEvidence {
            targets: self
                .targets()
                .filter(|(_, t)| t.metric.as_ref().is_some_and(|x| x.value == m.id))
                .collect(),
            meeting_tasks: Vec::new(),
            failing_tasks: Vec::new(),
        };
        for (s, t) in self.tasks() {
            let tied = t.metric.as_ref().is_some_and(|x| x.value == m.id);
            let related = tied
                || m.item
                    .as_deref()
                    .is_some_and(|i| t.item.as_ref().is_some_and(|x| x.value.trim() == i))
                || m.priority_task
                    .as_deref()
                    .is_some_and(|p| t.priority_tasks.iter().any(|x| x.value == p));
            if !related {
                continue;
            }
            if task_meets(t, m, limit.as_ref(), year) {
                ev.meeting_tasks.push((s, t));
            } else if tied {
                ev.failing_tasks.push((s, t));
            }
        }
        ev
    }
}

/// A task meets a deadline when its timeframe ends by it, and a threshold when its text states a
/// count of the metric's unit at least the minimum ("tối thiểu 05 chuyên gia").
fn task_meets(t: &Task, m: &Metric, limit: Option<&Period>, year: i32) -> bool {
    if let Some(limit) = limit {
        match period(&t.timeframe.value, year) {
            Some(p) if p.end <= limit.end => {}
            _ => return false,
        }
    }
    if let Some(min) = m.min {
        let text = format!(
            "{} {}",
            t.title.value,
            t.content.as_ref().map(|c| c.value.as_str()).unwrap_or("")
        );
        match stated_count(&text, &m.counts) {
            Some(n) if n >= min => {}
            _ => return false,
        }
    }
    true
}

/// The largest number in `text` written right before one of `words` ("01 cuộc", "05 chuyên gia").
pub fn stated_count(text: &str, words: &[String]) -> Option<f64> {
    let lower = text.to_lowercase();
    let mut best: Option<f64> = None;
    let chars: Vec<(usize, char)> = lower.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        while i < chars.len() && chars[i].1.is_ascii_digit() {
            i += 1;
        }
        let end = chars.get(i).map_or(lower.len(), |c| c.0);
        let rest = lower[end..].trim_start();
        if words.iter().any(|w| rest.starts_with(&w.to_lowercase()))
            && let Ok(n) = lower[start..end].parse::<f64>()
        {
            best = Some(best.map_or(n, |b: f64| b.max(n)));
        }
    }
    best
}

/// For a "hoàn thành" threshold (`complete`), a target in per cent below 100 % (its smallest level,
/// for a target split by level): the value it sets. "trên 80%" does not complete anything.
pub fn short_of_complete<'a>(t: &'a Target, m: &Metric) -> Option<&'a crate::load::Sp<f64>> {
    if !m.complete || t.unit.as_ref().is_none_or(|u| u.value.trim() != "%") {
        return None;
    }
    t.effective_value().filter(|v| v.value < 100.0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_before_their_unit() {
        let w = |x: &[&str]| x.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            super::stated_count(
                "Bảo đảm tối thiểu 05 chuyên gia về an toàn thông tin",
                &w(&["chuyên gia"])
            ),
            Some(5.0)
        );
        assert_eq!(
            super::stated_count(
                "Tổ chức 01 cuộc diễn tập thực chiến năm 2023",
                &w(&["cuộc"])
            ),
            Some(1.0)
        );
        assert_eq!(
            super::stated_count("Diễn tập năm 2023", &w(&["cuộc"])),
            None
        );
    }
}
