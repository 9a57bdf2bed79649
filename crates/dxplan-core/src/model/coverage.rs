//! Which tasks, projects and targets address a priority task, or why it does not apply. DX030 and
//! `dxplan status` both ask here, so the check and the table never disagree.

use super::{Plan, Section};
use crate::load::Sp;

pub struct PriorityCoverage<'a> {
    pub tasks: Vec<&'a str>,
    pub projects: Vec<&'a str>,
    pub targets: Vec<&'a str>,
    /// The reason given in `not_applicable`, when the plan declares it.
    pub not_applicable: Option<&'a str>,
}

impl PriorityCoverage<'_> {
    /// Addressed: a task or a project implements it (a target alone states an aim, not the work).
    pub fn covered(&self) -> bool {
        !self.tasks.is_empty() || !self.projects.is_empty()
    }
}

impl Plan {
    pub fn priority_coverage(&self, id: &str) -> PriorityCoverage<'_> {
        fn ids<'a, T: 'a>(
            items: impl Iterator<Item = (&'a Section, &'a T)>,
            tags: impl Fn(&T) -> &[Sp<String>],
            id_of: impl Fn(&'a T) -> &'a str,
            id: &str,
        ) -> Vec<&'a str> {
            items
                .filter(|(_, x)| tags(x).iter().any(|p| p.value == id))
                .map(|(_, x)| id_of(x))
                .collect()
        }
        PriorityCoverage {
            tasks: ids(self.tasks(), |t| &t.priority_tasks, |t| &t.id.value, id),
            projects: ids(self.projects(), |p| &p.priority_tasks, |p| &p.id.value, id),
            targets: ids(self.targets(), |t| &t.priority_tasks, |t| &t.id.value, id),
            not_applicable: self
                .not_applicable()
                .into_iter()
                .find(|(x, _)| *x == id)
                .map(|(_, r)| r),
        }
    }
}
