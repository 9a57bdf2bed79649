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
mod decision;
mod report;

pub use report::compose_report;
mod front;
pub mod ir;
pub mod measure;
mod prose;
pub mod rules;
mod style;
pub use style::capitalize;
pub mod templates;
pub mod text;

use crate::diag::Diagnostic;
use crate::model::appendices::{self, AppendixKind, PAST_ID, PROJECTS_ID};
use crate::model::{Mode, Plan};
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

/// Which document of a plan to compose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    /// The plan (after its decision in `kem-quyet-dinh` mode).
    Plan,
    /// The decision alone.
    Decision,
    /// The results report for a period.
    Report(Period),
}

/// The period a results report covers (`build --document bao-cao --period …`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Year,
    Half,
    Quarter(u8),
}

impl Period {
    /// "năm", "6 tháng đầu năm", "quý II năm": the words before the year in the title.
    pub fn words(self) -> String {
        match self {
            Period::Year => "năm".into(),
            Period::Half => "6 tháng đầu năm".into(),
            Period::Quarter(q) => format!("quý {} năm", style::roman(q as usize)),
        }
    }
}

/// What every part of the composition reads, and where template errors go.
struct Composer<'a> {
    plan: &'a Plan,
    tpl: &'a Templates,
    diags: &'a mut Vec<Diagnostic>,
    /// Composing the results report instead of the plan.
    report: Option<Period>,
    /// Composing the Quyết định that issues the plan (its header, title and signature).
    decision: bool,
    draft: bool,
    /// "Phụ lục I" for the projects list and "Phụ lục II" for last year's projects, when present.
    appendix_projects: Option<String>,
    appendix_past: Option<String>,
}

/// What of a plan issued by a decision to compose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The decision (in `kem-quyet-dinh` mode) followed by the plan and its phụ lục.
    Whole,
    /// The decision alone (`--document quyet-dinh`).
    DecisionOnly,
}

pub fn compose(
    plan: &Plan,
    tpl: &Templates,
    opts: &Options,
    diags: &mut Vec<Diagnostic>,
) -> Document {
    compose_part(plan, tpl, opts, Part::Whole, diags)
}

pub fn compose_part(
    plan: &Plan,
    tpl: &Templates,
    opts: &Options,
    part: Part,
    diags: &mut Vec<Diagnostic>,
) -> Document {
    let list = plan.appendix_list();
    let label = |id: &str| list.iter().find(|a| a.id == id).map(|a| a.label.clone());
    let mut c = Composer {
        plan,
        tpl,
        diags,
        report: None,
        decision: false,
        draft: is_draft(plan, opts),
        appendix_projects: label(PROJECTS_ID),
        appendix_past: label(PAST_ID),
    };
    let mut sections = Vec::new();
    // A plan issued by a decision comes after it, starting on its own page and numbering.
    if plan.mode() == Mode::WithDecision {
        sections.push(c.decision_section());
    }
    if part == Part::DecisionOnly {
        resolve_all(&mut sections, &label);
        return finish(plan, &c, sections);
    }
    let mut main = c.main_section();
    main.restart_numbering = !sections.is_empty();
    sections.push(main);
    for a in &list {
        sections.push(match a.kind {
            AppendixKind::Projects => c.projects_appendix(&a.label),
            AppendixKind::PastProjects => c.past_appendix(&a.label),
            AppendixKind::Own(own) => c.own_appendix(&a.label, &own.file),
        });
    }
    resolve_all(&mut sections, &label);
    finish(plan, &c, sections)
}

/// `{phụ lục:id}` in any text becomes the phụ lục's label.
fn resolve_all(sections: &mut [PageSection], label: &dyn Fn(&str) -> Option<String>) {
    for s in sections {
        resolve_references(&mut s.blocks, label);
    }
}

fn finish(plan: &Plan, c: &Composer, sections: Vec<PageSection>) -> Document {
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

    fn render_lines(&mut self, name: &str, n: usize, ctx: minijinja::Value) -> Vec<String> {
        self.tpl
            .render_lines(name, n, &ctx, &self.plan.sources, self.diags)
    }

    /// The portrait section: front matter, body, and the signature of a plan issued on its own.
    fn main_section(&mut self) -> PageSection {
        let mut blocks = Vec::new();
        self.front_matter(&mut blocks);
        self.body(&mut blocks);
        if self.plan.mode() == Mode::Standalone {
            blocks.push(self.signature());
        }
        appendix::text_section(blocks)
    }
}

/// Titles of office kept on one line ("Bộ trưởng", never "Bộ / trưởng"): a no-break space joins
/// their words.
const OFFICES: &[&str] = &[
    "Bộ trưởng",
    "Thứ trưởng",
    "Thủ tướng",
    "Phó Thủ tướng",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Giám đốc",
    "Phó Giám đốc",
    "Chánh Văn phòng",
];

/// One Vietnamese quotation style in the official text, whatever the author or the framework
/// typed: "…" and „…” become “…”. And titles of office never break across lines.
pub fn typography(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    for c in text.chars() {
        let q = match c {
            '„' => '“',
            '"' => {
                // Opening after a space, a bracket or the start; closing otherwise.
                if prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '-' | '/')) {
                    '“'
                } else {
                    '”'
                }
            }
            c => c,
        };
        out.push(q);
        prev = Some(c);
    }
    if OFFICES.iter().any(|o| out.contains(o)) {
        for o in OFFICES {
            out = out.replace(o, &o.replace(' ', "\u{a0}"));
        }
    }
    out
}

/// U+2060 WORD JOINER: no line break here. Both renderers honour it (the DOCX writer turns a
/// joined hyphen into Word's `w:noBreakHyphen`).
pub const JOIN: char = '\u{2060}';

/// Document symbols and fixed abbreviations never break across lines ("38/ | KH-UBND", "b/ | c"):
/// inside a word that has a '/', every '/' and '-' between two letters or digits is followed by a
/// word joiner. Long words (links) are left breakable.
pub fn join_symbols(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        // A symbol has a digit ("38/KH-UBND"), is upper case ("CT/TU"), or is a short
        // abbreviation ("b/c"); "Mới/Chuyển tiếp" in a narrow column may still break.
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        let symbol = core.chars().any(|c| c.is_ascii_digit())
            || !core.chars().any(char::is_lowercase)
            || core.chars().count() <= 4;
        if !word.contains('/') || !symbol || word.chars().count() > 30 || word.contains(JOIN) {
            out.push_str(word);
            continue;
        }
        let chars: Vec<char> = word.chars().collect();
        for (j, c) in chars.iter().enumerate() {
            out.push(*c);
            let between = j > 0
                && chars[j - 1].is_alphanumeric()
                && chars.get(j + 1).is_some_and(|n| n.is_alphanumeric());
            if matches!(c, '/' | '-') && between {
                out.push(JOIN);
            }
        }
    }
    out
}

/// Replaces appendix references in every run of these blocks, tables included, and joins
/// document symbols.
fn resolve_references(blocks: &mut [Block], label: &dyn Fn(&str) -> Option<String>) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                for r in &mut p.runs {
                    if r.text
                        .contains(|c: char| c.is_control() && c != '\n' && c != '\t')
                    {
                        // Word's soft line break is a line break; other control characters
                        // (DX008) are dropped, so no renderer ever sees them.
                        r.text = r
                            .text
                            .replace('\u{b}', "\n")
                            .chars()
                            .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
                            .collect();
                    }
                    if r.text.contains('{') {
                        r.text = appendices::resolve(&r.text, label);
                    }
                    if r.text.contains('/') {
                        r.text = join_symbols(&r.text);
                    }
                    r.text = typography(&r.text);
                }
            }
            Block::Table(t) => {
                for row in &mut t.rows {
                    for cell in &mut row.cells {
                        resolve_references(&mut cell.blocks, label);
                    }
                }
            }
            Block::Rule(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_quotation_style_and_unbroken_titles() {
        assert_eq!(
            super::typography("Kênh \"Chuyển đổi số\" và „Đề án”, của Bộ trưởng Bộ X"),
            "Kênh “Chuyển đổi số” và “Đề án”, của Bộ\u{a0}trưởng Bộ X"
        );
    }

    #[test]
    fn symbols_are_joined() {
        let j = super::join_symbols(
            "số 38/KH-UBND ngày 15/02/2022, b/c, 19-CT/TU, Mới/Chuyển tiếp, https://a.example/very/long/path",
        );
        assert_eq!(
            j,
            "số 38/\u{2060}KH-\u{2060}UBND ngày 15/\u{2060}02/\u{2060}2022, b/\u{2060}c, 19-\u{2060}CT/\u{2060}TU, Mới/Chuyển tiếp, https://a.example/very/long/path"
        );
    }
}
