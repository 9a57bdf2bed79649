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
pub mod carried;
mod decision;
mod front;
pub use front::ground_key;
pub mod ir;
mod kind;
pub mod measure;
mod prose;
mod report;
pub mod rules;
mod style;
pub use style::capitalize;
pub mod templates;
pub mod text;

use crate::diag::Diagnostic;
use crate::model::appendices::{self, PAST_ID, PROJECTS_ID};
use crate::model::{Issue, Plan};
use ir::*;
use kind::Frame;
use templates::Templates;

pub struct Options {
    /// Blanks in place of số and date and a DỰ THẢO mark, even when they are filled in.
    pub draft: bool,
}

pub use crate::model::issue::{DocKind, Period};

/// What every part of the composition reads, and where template errors go.
struct Composer<'a> {
    plan: &'a Plan,
    tpl: &'a Templates,
    diags: &'a mut Vec<Diagnostic>,
    /// The document being composed (the decision, while a plan composes the decision that
    /// issues it), how it is issued, and its frame.
    kind: DocKind,
    issue: Issue<'a>,
    frame: Frame,
    /// Blanks for số and date, and the DỰ THẢO mark.
    draft: bool,
    /// "Phụ lục I" for the projects list and "Phụ lục II" for last year's projects, when present.
    appendix_projects: Option<String>,
    appendix_past: Option<String>,
}

/// The width of a page's text in millimetres, portrait or landscape (what a phụ lục table's
/// columns share; `check` holds a hand-written table's widths to it).
pub fn text_width_mm(landscape: bool) -> f64 {
    let (page, m) = if landscape {
        (297.0, style::LANDSCAPE)
    } else {
        (210.0, style::PORTRAIT)
    };
    f64::from(page - m.left - m.right)
}

/// Compose one document of a plan: its kind's frame and sections, then the final pass every
/// document gets (`{phụ lục:id}` resolved, symbols joined, one quotation style, no control
/// characters).
pub fn compose(
    plan: &Plan,
    tpl: &Templates,
    opts: &Options,
    kind: DocKind,
    diags: &mut Vec<Diagnostic>,
) -> Document {
    let list = plan.appendix_list();
    let label = |id: &str| list.iter().find(|a| a.id == id).map(|a| a.label.clone());
    let issue = plan.issue(kind);
    // The report's body names its own phụ lục; the plan's numbering is for the plan.
    let own_labels = !matches!(kind, DocKind::Report(_));
    let mut c = Composer {
        plan,
        tpl,
        diags,
        kind,
        draft: opts.draft || issue.is_blank(),
        issue,
        frame: Frame::default(),
        appendix_projects: label(PROJECTS_ID).filter(|_| own_labels),
        appendix_past: label(PAST_ID).filter(|_| own_labels),
    };
    let composer = kind::of(kind);
    c.frame = composer.frame(&mut c);
    let mut sections = composer.sections(&mut c);
    resolve_all(&mut sections, &label);
    let date = c.issue.on().filter(|_| !c.draft);
    Document {
        title: std::mem::take(&mut c.frame.metadata_title),
        author: plan
            .config
            .as_ref()
            .map(|c| c.issuer.full_name.value.clone())
            .unwrap_or_default(),
        date: date.and_then(|d| Some([u32::try_from(d.year).ok()?, d.month, d.day])),
        draft: c.draft,
        sections,
        // Filled by `build` for the plan's DOCX (`carried::of`): `check` has no use for it.
        carried: Vec::new(),
    }
}

/// `{phụ lục:id}` in any text becomes the phụ lục's label.
fn resolve_all(sections: &mut [PageSection], label: &dyn Fn(&str) -> Option<String>) {
    for s in sections {
        resolve_references(&mut s.blocks, label);
    }
}

impl Composer<'_> {
    fn render(&mut self, name: &str, ctx: minijinja::Value) -> String {
        self.tpl.render(name, &ctx, &self.plan.sources, self.diags)
    }

    fn render_lines(&mut self, name: &str, n: usize, ctx: minijinja::Value) -> Vec<String> {
        self.tpl
            .render_lines(name, n, &ctx, &self.plan.sources, self.diags)
    }

    /// Composes part of the document as another kind (the decision that opens a plan issued
    /// with one): its issuance and frame for the time of `f`.
    fn as_kind<T>(&mut self, kind: DocKind, f: impl FnOnce(&mut Self) -> T) -> T {
        let issue = std::mem::replace(&mut self.issue, self.plan.issue(kind));
        let previous = std::mem::replace(&mut self.kind, kind);
        let frame = kind::of(kind).frame(self);
        let frame = std::mem::replace(&mut self.frame, frame);
        let out = f(self);
        self.kind = previous;
        self.issue = issue;
        self.frame = frame;
        out
    }

    /// The plan's trích yếu as written.
    fn plan_title(&self) -> String {
        self.plan
            .config
            .as_ref()
            .map(|c| c.document.title.value.clone())
            .unwrap_or_default()
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

/// Whether `text` names one of the `OFFICES`: each begins with B, T, P, C or G, so only there is
/// each compared (one search per office and run was a tenth of composing a large plan).
fn has_office(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len()).any(|i| {
        matches!(b[i], b'B' | b'T' | b'P' | b'C' | b'G')
            && OFFICES.iter().any(|o| b[i..].starts_with(o.as_bytes()))
    })
}

/// Whether [`typography`] has anything to change: most runs have neither a quotation mark nor
/// an office. Single-character searches (memchr), not a search for either of two characters,
/// which decodes every character.
fn typography_changes(text: &str) -> bool {
    text.contains('"') || text.contains('„') || has_office(text)
}

/// One Vietnamese quotation style in the official text, whatever the author or the framework
/// typed: "…" and „…” become “…”. And titles of office never break across lines.
pub fn typography(text: &str) -> String {
    if !typography_changes(text) {
        return text.to_string();
    }
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
    if has_office(&out) {
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
        // abbreviation ("b/c"); "Mới/Chuyển tiếp" in a narrow column may still break. Words
        // without a '/' are passed first, before any character is classified.
        let symbol = |core: &str| {
            core.chars().any(|c| c.is_ascii_digit())
                || !core.chars().any(char::is_lowercase)
                || core.chars().count() <= 4
        };
        if !word.contains('/')
            || !symbol(word.trim_matches(|c: char| !c.is_alphanumeric()))
            || word.chars().count() > 30
            || word.contains(JOIN)
        {
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
                    if crate::load::may_hold_control(&r.text, b"\n\t")
                        && r.text
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
                    if typography_changes(&r.text) {
                        r.text = typography(&r.text);
                    }
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
