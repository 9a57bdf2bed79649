//! Stage 3: rules → diagnostics. One rule per file in `rules/`, each with a stable code, a default
//! severity, a one-line summary, the clause it enforces, and a doc comment that `dxplan explain`
//! prints. Rules that fire while loading, typing or composing the plan (syntax, unknown keys,
//! template errors …) live beside the stage that emits them; `rules::ALL` lists every rule.

pub mod rules;
pub mod suppress;

use crate::diag::{Diagnostic, Rule};
use crate::framework::{Framework, Nd30};
use crate::model::Plan;

/// What rules read and where they report.
pub struct Ctx<'a> {
    pub plan: &'a Plan,
    pub fw: &'a Framework,
    pub nd30: &'a Nd30,
    diags: Vec<Diagnostic>,
}

impl Ctx<'_> {
    /// The one way a rule reports a finding.
    pub fn report(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Reports findings a rule collected first (to sort or deduplicate them).
    pub fn report_all(&mut self, found: impl IntoIterator<Item = Diagnostic>) {
        for d in found {
            self.report(d);
        }
    }

    /// "5406/BTTTT-CĐSQG, Phần II.VII" for a section slug.
    pub fn clause_of(&self, slug: &str) -> String {
        self.fw
            .section(slug)
            .map(|s| self.fw.clause(&s.locator()))
            .unwrap_or_else(|| self.fw.id.clone())
    }
}

/// Runs every plan-level rule.
pub fn run(plan: &Plan) -> Vec<Diagnostic> {
    let nd30 = Nd30::load();
    let mut ctx = Ctx {
        plan,
        fw: &plan.framework,
        nd30: &nd30,
        diags: Vec::new(),
    };
    for check in rules::CHECKS {
        check(&mut ctx);
    }
    rules::plan_incomplete::apply(plan, &mut ctx.diags);
    ctx.diags
}

pub fn find(code: &str) -> Option<&'static Rule> {
    rules::ALL
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code) || r.name == code)
}
