//! Stage 3: rules → diagnostics. One rule per file in `rules/`, each with a stable code, a default
//! severity, a one-line summary, the clause it enforces, and a doc comment that `dxplan explain`
//! prints. Rules that fire while loading or typing the plan (syntax, unknown keys …) are declared
//! here too so that every code has exactly one home.

pub mod rules;
pub mod suppress;

use crate::diag::{Diagnostic, Severity};
use crate::framework::{Framework, Nd30};
use crate::model::Plan;

/// A rule's identity and documentation.
#[derive(Debug)]
pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// One line: (Vietnamese, English).
    pub summary: (&'static str, &'static str),
    /// The clause enforced, as a locator ("NĐ 30/2020, Phụ lục I, mục II.3"). Framework rules
    /// refine it with the exact heading when they fire.
    pub clause: &'static str,
    /// The rule's doc comment: what it checks, why, a failing example and the fix.
    pub doc: &'static str,
    /// The same in English, for `--lang en`.
    pub doc_en: &'static str,
}

impl Rule {
    /// The doc comment without the one-space indent rustdoc keeps.
    pub fn doc_text(&self) -> String {
        self.doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }
}

/// Declares a rule; the doc comment becomes `Rule::doc`.
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $name:ident {
            code: $code:literal,
            name: $slug:literal,
            severity: $sev:ident,
            summary: ($vi:literal, $en:literal),
            clause: $clause:literal,
            en: $doc_en:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub static $name: $crate::check::Rule = $crate::check::Rule {
            code: $code,
            name: $slug,
            severity: $crate::diag::Severity::$sev,
            summary: ($vi, $en),
            clause: $clause,
            doc: concat!($($doc, "\n"),*),
            doc_en: $doc_en,
        };
    };
}

/// What rules read and where they report.
pub struct Ctx<'a> {
    pub plan: &'a Plan,
    pub fw: &'a Framework,
    pub nd30: &'a Nd30,
    pub diags: Vec<Diagnostic>,
}

impl Ctx<'_> {
    pub fn emit(&mut self, d: Diagnostic) {
        self.diags.push(d);
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
    ctx.diags
}

pub fn find(code: &str) -> Option<&'static Rule> {
    rules::ALL
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code) || r.name == code)
}
