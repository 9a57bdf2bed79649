//! The one place where the plan's money is added up: the total, by funding source and by task
//! group. `status`, the appendix of `compose` and the budget rule read it, so they cannot disagree.

use std::collections::HashMap;

use super::{Plan, Project};
use crate::framework::SectionKind;

/// Estimated investment of the plan's projects, million VND.
#[derive(Debug, Clone, PartialEq)]
pub struct Investment {
    pub total: f64,
    /// The framework's funding sources in its order (zero when unused), then any other source the
    /// projects name, in order of first use, so that no amount is lost from the sums.
    pub by_source: Vec<(String, f64)>,
    /// Per task group (Phần II.III section slug), in framework order.
    pub by_group: Vec<(String, f64)>,
    /// Projects that implement no task of any group.
    pub ungrouped: f64,
}

impl Plan {
    /// Amounts disbursed by the projects whose result `keep` accepts, of one funding source
    /// (named as the plan names it, any case) or of all. Never −0: an empty f64 sum is −0.0,
    /// which JSON would print.
    pub fn disbursed_where(
        &self,
        source: Option<&str>,
        keep: impl Fn(&super::types::WorkResult) -> bool,
    ) -> f64 {
        let of_source = |p: &Project| {
            source.is_none_or(|s| {
                p.funding
                    .as_ref()
                    .is_some_and(|f| f.value.trim().to_lowercase() == s.trim().to_lowercase())
            })
        };
        let sum: f64 = self
            .projects()
            .filter(|(_, p)| of_source(p))
            .filter_map(|(_, p)| p.result.as_ref().filter(|r| keep(r))?.disbursed.as_ref())
            .filter_map(|a| super::values::amount(&a.value))
            .sum();
        sum + 0.0
    }

    /// Amounts disbursed so far (see [`Plan::disbursed_where`]).
    pub fn disbursed(&self, source: Option<&str>) -> f64 {
        self.disbursed_where(source, |_| true)
    }
}

impl Investment {
    /// The amount of one funding source (zero when no project uses it).
    pub fn source(&self, name: &str) -> f64 {
        self.by_source
            .iter()
            .find(|(s, _)| s == name)
            .map_or(0.0, |(_, v)| *v)
    }
}

impl Project {
    /// The task group (section slug) of the first task the project implements that belongs to
    /// one; `task_groups` is [`Plan::task_groups`].
    pub fn group<'a>(&self, task_groups: &HashMap<&str, &'a str>) -> Option<&'a str> {
        self.tasks
            .iter()
            .find_map(|t| task_groups.get(t.value.as_str()).copied())
    }
}

impl Plan {
    pub fn investment(&self) -> Investment {
        let fw = &self.framework;
        let mut by_source: Vec<(String, f64)> = fw
            .funding_sources
            .iter()
            .map(|f| (f.clone(), 0.0))
            .collect();
        let mut by_group: Vec<(String, f64)> = fw
            .sections_of_kind(SectionKind::Tasks)
            .map(|d| (d.slug.clone(), 0.0))
            .collect();
        let task_groups = self.task_groups();
        let (mut total, mut ungrouped) = (0.0, 0.0);
        for (_, p) in self.projects() {
            let v = p.amount().unwrap_or(0.0);
            total += v;
            if let Some(f) = &p.funding {
                match by_source.iter_mut().find(|(s, _)| *s == f.value) {
                    Some(e) => e.1 += v,
                    None => by_source.push((f.value.clone(), v)),
                }
            }
            match p
                .group(&task_groups)
                .and_then(|g| by_group.iter_mut().find(|(s, _)| s == g))
            {
                Some(e) => e.1 += v,
                None => ungrouped += v,
            }
        }
        Investment {
            total,
            by_source,
            by_group,
            ungrouped,
        }
    }
}
