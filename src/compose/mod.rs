//! Stage 4: plan + framework + templates → one document IR ([`ir::Document`]). Layout decisions of
//! Nghị định 30/2020 (sizes, margins, the two-column header, rules, the signature row, landscape
//! phụ lục sections) are made here, once, for both renderers.
//!
//! By concern: `style` (measures and block builders), `front` (header block, title, opening,
//! signature), `body` (the walk over the framework's headings), `appendix` (the phụ lục tables),
//! `prose` (sentences from structured data), `text` (the authors' light markup), `templates`
//! (fixed wording, overridable), `measure` (text widths from the embedded font).

mod appendix;
mod body;
mod front;
pub mod ir;
pub mod measure;
mod prose;
pub mod rules;
mod style;
pub mod templates;
pub mod text;

use crate::diag::Diagnostic;
use crate::model::{Content, Mode, Plan};
use ir::*;
use templates::Templates;

pub struct Options {
    /// Blanks in place of số and date and a DỰ THẢO mark, even when they are filled in.
    pub draft: bool,
}

/// Whether the plan is still a draft: forced, or its number/date are not filled in yet.
pub fn is_draft(plan: &Plan, opts: &Options) -> bool {
    if opts.draft {
        return true;
    }
    let Some(c) = &plan.config else { return true };
    let blank =
        |t: &Option<crate::load::Sp<String>>| t.as_ref().is_none_or(|s| s.value.trim().is_empty());
    match plan.mode() {
        Mode::Standalone => blank(&c.document.number) || blank(&c.document.date),
        Mode::WithDecision => c
            .decision
            .as_ref()
            .is_none_or(|d| blank(&d.number) || blank(&d.date)),
    }
}

/// What every part of the composition reads, and where template errors go.
struct Composer<'a> {
    plan: &'a Plan,
    tpl: &'a Templates,
    diags: &'a mut Vec<Diagnostic>,
    draft: bool,
    /// "Phụ lục I" for the projects list and "Phụ lục II" for last year's projects, when present.
    appendix_projects: Option<String>,
    appendix_past: Option<String>,
}

pub fn compose(
    plan: &Plan,
    tpl: &Templates,
    opts: &Options,
    diags: &mut Vec<Diagnostic>,
) -> Document {
    let has_projects = plan.projects().next().is_some();
    let has_past = plan
        .sections
        .iter()
        .any(|s| matches!(&s.content, Content::EvaluationBudget(e) if !e.projects.is_empty()));
    let mut n = 0;
    let mut next = || {
        n += 1;
        format!("Phụ lục {}", style::roman(n))
    };
    let appendix_projects = has_projects.then(&mut next);
    let appendix_past = has_past.then(&mut next);
    let mut c = Composer {
        plan,
        tpl,
        diags,
        draft: is_draft(plan, opts),
        appendix_projects,
        appendix_past,
    };
    let mut sections = vec![c.main_section()];
    if let Some(label) = c.appendix_projects.clone() {
        sections.push(c.projects_appendix(&label));
    }
    if let Some(label) = c.appendix_past.clone() {
        sections.push(c.past_appendix(&label));
    }
    let config = plan.config.as_ref();
    Document {
        title: format!(
            "Kế hoạch {}",
            config
                .map(|c| c.document.title.value.as_str())
                .unwrap_or("")
        ),
        author: config
            .map(|c| c.issuer.full_name.value.clone())
            .unwrap_or_default(),
        date: (!c.draft).then(|| issue_date(plan)).flatten(),
        draft: c.draft,
        sections,
    }
}

/// The date the plan is signed: its own, or that of the decision it is attached to.
fn issue_date(plan: &Plan) -> Option<[u32; 3]> {
    let c = plan.config.as_ref()?;
    let date = match plan.mode() {
        Mode::Standalone => c.document.date.as_ref(),
        Mode::WithDecision => c.decision.as_ref()?.date.as_ref(),
    }?;
    let d = crate::model::values::date(&date.value).ok()?;
    Some([u32::try_from(d.year).ok()?, d.month, d.day])
}

impl Composer<'_> {
    fn render(&mut self, name: &str, ctx: minijinja::Value) -> String {
        self.tpl.render(name, &ctx, &self.plan.sources, self.diags)
    }

    /// The portrait section: front matter, body, and the signature of a plan issued on its own.
    fn main_section(&mut self) -> PageSection {
        let mut blocks = Vec::new();
        self.front_matter(&mut blocks);
        self.body(&mut blocks);
        if self.plan.mode() == Mode::Standalone {
            blocks.push(self.signature());
        }
        PageSection {
            landscape: false,
            margins: style::PORTRAIT,
            header_distance: 10.0,
            page_number_size: 14.0,
            restart_numbering: false,
            blocks,
        }
    }
}
