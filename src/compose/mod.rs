//! Stage 4: plan + framework + templates → one document IR ([`ir::Document`]). Layout decisions of
//! Nghị định 30/2020 (sizes, margins, the two-column header, rules, the signature row, landscape
//! phụ lục sections) are made here, once, for both renderers.

pub mod ir;
pub mod measure;
pub mod templates;
pub mod text;

use minijinja::context;

use crate::diag::Diagnostic;
use crate::framework::{Heading, SectionKind};
use crate::model::values::{self, amount, format_amount};
use crate::model::{Content, Mode, Plan, ProjectStatus, Section, Task};
use ir::*;
use templates::Templates;

/// Body text size, pt (ND30: 13–14).
const BODY: f32 = 14.0;
/// Line spacing of the body (ND30: between single and 1.5 lines).
const LINE: f32 = 1.15;
/// First-line indent of body paragraphs, mm (ND30: 1 cm or 1.27 cm).
const INDENT: f32 = 10.0;
const PORTRAIT: Margins = Margins {
    top: 25.0,
    bottom: 20.0,
    left: 35.0,
    right: 20.0,
};
/// Landscape phụ lục: the Government's own Phụ lục I file uses 20/15/30/15; the bottom is kept at
/// the decree's 20 mm minimum (nd30-format.md §2).
const LANDSCAPE: Margins = Margins {
    top: 20.0,
    bottom: 20.0,
    left: 30.0,
    right: 15.0,
};

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
    let roman = ["I", "II", "III"];
    let mut n = 0;
    let mut next = || {
        n += 1;
        format!("Phụ lục {}", roman[n - 1])
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
        draft: c.draft,
        sections,
    }
}

fn para(role: Role, runs: Vec<Run>, align: Align, size: f32) -> Para {
    Para {
        role,
        runs,
        align,
        size,
        first_line: 0.0,
        space_before: 0.0,
        space_after: 0.0,
        line: 1.0,
        keep_with_next: false,
        boxed: false,
    }
}

fn run(text: impl Into<String>, bold: bool, italic: bool) -> Run {
    Run {
        text: text.into(),
        bold,
        italic,
    }
}

fn body_para(runs: Vec<Run>) -> Para {
    Para {
        first_line: INDENT,
        space_before: 6.0,
        line: LINE,
        ..para(Role::Body, runs, Align::Justify, BODY)
    }
}

fn body(runs: Vec<Run>) -> Block {
    Block::Paragraph(body_para(runs))
}

fn item(mut runs: Vec<Run>) -> Block {
    runs.insert(0, Run::plain("- "));
    Block::Paragraph(Para {
        role: Role::ListItem,
        first_line: INDENT,
        space_before: 6.0,
        line: LINE,
        ..para(Role::ListItem, runs, Align::Justify, BODY)
    })
}

fn heading(role: Role, text: String) -> Block {
    Block::Paragraph(Para {
        first_line: INDENT,
        space_before: 6.0,
        line: LINE,
        keep_with_next: true,
        ..para(role, vec![run(text, true, false)], Align::Justify, BODY)
    })
}

fn centered(role: Role, text: impl Into<String>, size: f32, bold: bool, italic: bool) -> Block {
    Block::Paragraph(para(
        role,
        vec![run(text, bold, italic)],
        Align::Center,
        size,
    ))
}

fn rule(width: f32) -> Block {
    Block::Rule(Rule {
        width,
        thickness: 0.5,
        space_before: 3.0,
        space_after: 2.0,
    })
}

/// A rule of 40 % of the line it underlines (ND30: 1/3 to 1/2).
fn short_rule(lines: &[&str], size: f32, bold: bool, max: f32) -> Block {
    let w = lines
        .iter()
        .map(|l| measure::width(l, size, bold, false))
        .fold(0.0, f32::max);
    rule((w * 0.4).clamp(36.0, max))
}

/// "1. Title" headings, each followed by its text (solutions, responsibilities).
fn numbered<'a>(items: impl Iterator<Item = (&'a String, &'a String)>, out: &mut Vec<Block>) {
    for (i, (title, text)) in items.enumerate() {
        out.push(heading(Role::Heading2, format!("{}. {title}", i + 1)));
        out.extend(text_blocks(text));
    }
}

fn text_blocks(src: &str) -> Vec<Block> {
    text::blocks(src)
        .into_iter()
        .map(|b| match b {
            text::TextBlock::Para(runs) => body(runs),
            text::TextBlock::Item(runs) => item(runs),
        })
        .collect()
}

fn opt_text(t: &Option<crate::load::Sp<String>>) -> Vec<Block> {
    t.as_ref()
        .map(|s| text_blocks(&s.value))
        .unwrap_or_default()
}

/// "Ngân sách địa phương" from "ngân sách địa phương".
fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

impl Composer<'_> {
    fn render(&mut self, name: &str, ctx: minijinja::Value) -> String {
        self.tpl.render(name, &ctx, &self.plan.sources, self.diags)
    }

    fn number_symbol(&self) -> String {
        let c = self.plan.config.as_ref();
        let symbol = c
            .map(|c| c.document.symbol.value.clone())
            .unwrap_or_default();
        let number = c
            .and_then(|c| c.document.number.as_ref())
            .map(|n| n.value.trim().to_string())
            .unwrap_or_default();
        if self.draft || number.is_empty() {
            format!("      /{symbol}")
        } else {
            format!("{number}/{symbol}")
        }
    }

    /// "ngày 05 tháng 01 năm 2023", blanks in a draft.
    fn words_date(&self, date: Option<&crate::load::Sp<String>>) -> String {
        match date.and_then(|d| values::date(&d.value).ok()) {
            Some(d) if !self.draft => d.nd30_words(),
            _ => "ngày      tháng      năm      ".to_string(),
        }
    }

    fn main_section(&mut self) -> PageSection {
        let mut blocks = Vec::new();
        if self.draft {
            blocks.push(Block::Paragraph(Para {
                boxed: true,
                ..para(
                    Role::DraftMark,
                    vec![run("DỰ THẢO", true, false)],
                    Align::Right,
                    13.0,
                )
            }));
        }
        blocks.push(self.header_table());
        blocks.extend(self.title_block());
        if let Some(c) = &self.plan.config {
            let fw = &self.plan.framework;
            let opening = self.render(
                "opening.txt",
                context! {
                    issuer => c.issuer.full_name.value.clone(),
                    framework => fw.citation.clone(),
                    title => c.document.title.value.clone(),
                    year => self.plan.year(),
                },
            );
            if !opening.is_empty() {
                blocks.push(body(text::inline(&opening)));
            }
        }
        for part in &self.plan.framework.parts {
            blocks.push(Block::Paragraph(Para {
                space_before: 12.0,
                keep_with_next: true,
                ..para(
                    Role::PartLabel,
                    vec![run(format!("Phần {}", part.number), true, false)],
                    Align::Center,
                    BODY,
                )
            }));
            blocks.push(Block::Paragraph(Para {
                keep_with_next: true,
                ..para(
                    Role::PartTitle,
                    vec![run(part.title.to_uppercase(), true, false)],
                    Align::Center,
                    BODY,
                )
            }));
            for h in &part.children {
                self.heading(h, 1, None, &mut blocks);
            }
        }
        if self.plan.mode() == Mode::Standalone {
            blocks.push(self.signature());
        }
        PageSection {
            landscape: false,
            margins: PORTRAIT,
            header_distance: 10.0,
            page_number_size: 14.0,
            restart_numbering: false,
            blocks,
        }
    }

    /// ND30 ô 1–4: issuer and number on the left, national name, motto and place/date on the
    /// right, as a borderless two-column table (Mẫu 1.4: 6.75 | 10.0 cm, indent −0.35 cm).
    fn header_table(&mut self) -> Block {
        let c = self.plan.config.as_ref();
        let decision = self.plan.mode() == Mode::WithDecision;
        let (left_w, right_w, indent) = if decision {
            (60.4, 102.5, 1.5)
        } else {
            (67.5, 100.0, -3.5)
        };
        let mut left = Vec::new();
        let upper = |lines: &[crate::load::Sp<String>]| -> Vec<String> {
            lines.iter().map(|l| l.value.to_uppercase()).collect()
        };
        let parent = c.map(|c| upper(&c.issuer.parent)).unwrap_or_default();
        for p in &parent {
            left.push(centered(Role::HeaderParent, p.clone(), 13.0, false, false));
        }
        let names = c.map(|c| upper(&c.issuer.name)).unwrap_or_default();
        for n in &names {
            left.push(centered(Role::HeaderIssuer, n.clone(), 13.0, true, false));
        }
        let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
        left.push(short_rule(
            &name_refs,
            13.0,
            true,
            ir::mm_to_pt(left_w) - 12.0,
        ));
        let national = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        let motto = "Độc lập - Tự do - Hạnh phúc";
        let right = vec![
            centered(Role::NationalName, national, 13.0, true, false),
            centered(Role::Motto, motto, 14.0, true, false),
            // ND30 §II.1.b: the line under the motto is exactly as long as the motto.
            rule(measure::width(motto, 14.0, true, false)),
        ];
        let mut rows = vec![Row {
            kind: RowKind::Body,
            cells: vec![
                Cell {
                    span: 1,
                    blocks: left,
                },
                Cell {
                    span: 1,
                    blocks: right,
                },
            ],
        }];
        if !decision {
            let place = c
                .map(|c| c.document.place.value.clone())
                .unwrap_or_default();
            let date = self.words_date(c.and_then(|c| c.document.date.as_ref()));
            let number = format!("Số: {}", self.number_symbol());
            rows.push(Row {
                kind: RowKind::Body,
                cells: vec![
                    Cell {
                        span: 1,
                        blocks: vec![Block::Paragraph(Para {
                            space_before: 6.0,
                            ..para(
                                Role::HeaderNumber,
                                vec![Run::plain(number)],
                                Align::Center,
                                13.0,
                            )
                        })],
                    },
                    Cell {
                        span: 1,
                        blocks: vec![Block::Paragraph(Para {
                            space_before: 6.0,
                            ..para(
                                Role::PlaceDate,
                                vec![run(format!("{place}, {date}"), false, true)],
                                Align::Center,
                                14.0,
                            )
                        })],
                    },
                ],
            });
        }
        Block::Table(Table {
            columns: vec![left_w, right_w],
            indent,
            borders: false,
            header_rows: 0,
            keep_together: true,
            rows,
        })
    }

    /// ND30 ô 5a: KẾ HOẠCH / trích yếu / (Kèm theo Quyết định …) / short rule.
    fn title_block(&mut self) -> Vec<Block> {
        let c = self.plan.config.as_ref();
        let title = c
            .map(|c| c.document.title.value.clone())
            .unwrap_or_default();
        let mut out = vec![
            Block::Paragraph(Para {
                space_before: 18.0,
                keep_with_next: true,
                ..para(
                    Role::DocType,
                    vec![run("KẾ HOẠCH", true, false)],
                    Align::Center,
                    BODY,
                )
            }),
            Block::Paragraph(Para {
                keep_with_next: true,
                ..para(
                    Role::Summary,
                    vec![run(title.clone(), true, false)],
                    Align::Center,
                    BODY,
                )
            }),
        ];
        if self.plan.mode() == Mode::WithDecision
            && let Some(d) = c.and_then(|c| c.decision.as_ref())
        {
            let number = match (&d.number, self.draft) {
                (Some(n), false) if !n.value.trim().is_empty() => n.value.clone(),
                _ => "      /QĐ-".to_string(),
            };
            let line = self.render(
                "attached-to-decision.txt",
                context! { number => number, date => self.words_date(d.date.as_ref()), issuer => d.issuer.value.clone() },
            );
            out.push(Block::Paragraph(Para {
                keep_with_next: true,
                ..para(
                    Role::AttachedTo,
                    vec![run(line, false, true)],
                    Align::Center,
                    BODY,
                )
            }));
        }
        out.push(short_rule(&[&title], BODY, true, 200.0));
        out
    }

    /// Renders a framework heading and, when it is a section, the plan's content for it.
    fn heading(
        &mut self,
        h: &Heading,
        depth: usize,
        current: Option<&Section>,
        out: &mut Vec<Block>,
    ) {
        let section = h
            .section
            .as_deref()
            .map_or(current, |slug| self.plan.section(slug));
        let title = if depth == 1 {
            h.title.to_uppercase()
        } else {
            h.title.clone()
        };
        let role = match depth {
            1 => Role::Heading1,
            2 => Role::Heading2,
            _ => Role::Heading3,
        };
        out.push(heading(role, format!("{}. {title}", h.number)));
        let own = h.section.is_some();
        if own && let Some(s) = section {
            self.section_head(s, out);
        }
        // Evaluation points of an item (Phần I.II).
        if h.evaluated
            && let Some(Section {
                content: Content::Evaluation(e),
                ..
            }) = section
        {
            let item = e.items.iter().find(|i| i.number.value == h.number);
            for p in &self.plan.framework.evaluation_points {
                let text = item.and_then(|i| match p.key.as_str() {
                    "results" => i.results.as_ref(),
                    "limitations" => i.limitations.as_ref(),
                    _ => None,
                });
                let mut blocks = text.map(|t| text_blocks(&t.value)).unwrap_or_default();
                match blocks.first_mut() {
                    Some(Block::Paragraph(p0)) if p0.role == Role::Body => {
                        p0.runs.insert(0, Run::plain(format!("{}: ", p.label)))
                    }
                    _ => blocks.insert(0, body(vec![Run::plain(format!("{}:", p.label))])),
                }
                out.extend(blocks);
            }
        }
        // Sub-items of a task group (e.g. 7.1–7.4): their text, then the tasks filed under them.
        if !own
            && let Some(Section {
                content: Content::Tasks(t),
                ..
            }) = section
        {
            if let Some(i) = t.items.iter().find(|i| i.number.value == h.number) {
                out.extend(text_blocks(&i.text.value));
            }
            for task in t
                .tasks
                .iter()
                .filter(|x| x.item.as_ref().is_some_and(|i| i.value == h.number))
            {
                out.push(task_block(task));
            }
        }
        // The framework's example solution groups are not headings of the plan (IV: "không giới hạn").
        let skip_children = matches!(
            section,
            Some(Section {
                content: Content::Solutions(_),
                ..
            })
        );
        if !skip_children {
            for c in &h.children {
                self.heading(c, depth + 1, section, out);
            }
        }
    }

    /// Content that comes right under a section's heading.
    fn section_head(&mut self, s: &Section, out: &mut Vec<Block>) {
        match &s.content {
            Content::Text(t) => out.extend(opt_text(&t.text)),
            Content::Evaluation(e) => out.extend(opt_text(&e.intro)),
            Content::EvaluationBudget(e) => {
                out.extend(opt_text(&e.text));
                if let Some(share) = &e.budget_share {
                    let v = format_amount(share.value);
                    out.push(body(vec![Run::plain(format!(
                        "Tỷ lệ chi so với tổng chi ngân sách nhà nước: {v}%."
                    ))]));
                }
                if let Some(label) = self.appendix_past.clone() {
                    let r = self.render("appendix-ref.txt", context! { label => label });
                    out.push(body(text::inline(&r)));
                }
            }
            Content::Citations(c) => {
                out.extend(opt_text(&c.intro));
                let n = c.citations.len();
                for (i, cit) in c.citations.iter().enumerate() {
                    let mut s = citation_text(cit);
                    s.push(if i + 1 == n { '.' } else { ';' });
                    out.push(item(vec![Run::plain(s)]));
                }
            }
            Content::Targets(t) => {
                out.extend(opt_text(&t.intro));
                let mut groups: Vec<Option<&str>> = Vec::new();
                for x in &t.targets {
                    let g = x.group.as_ref().map(|g| g.value.as_str());
                    if !groups.contains(&g) {
                        groups.push(g);
                    }
                }
                let letters = [
                    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n",
                ];
                let lettered = groups.len() > 1 || groups.first().is_some_and(Option::is_some);
                for (gi, g) in groups.iter().enumerate() {
                    if lettered {
                        let name = g.unwrap_or("Mục tiêu khác");
                        let letter = letters.get(gi).copied().unwrap_or("-");
                        out.push(Block::Paragraph(Para {
                            keep_with_next: true,
                            ..body_para(vec![Run::plain(format!("{letter}) {name}"))])
                        }));
                    }
                    for x in t
                        .targets
                        .iter()
                        .filter(|x| x.group.as_ref().map(|g| g.value.as_str()) == *g)
                    {
                        out.push(item(vec![Run::plain(target_text(x))]));
                    }
                }
                if !t.not_applicable.is_empty() {
                    out.push(body(vec![Run::plain(
                        "Các nhiệm vụ trọng tâm không áp dụng:",
                    )]));
                    for na in &t.not_applicable {
                        let id = &na.priority_task.value;
                        let label = self
                            .plan
                            .framework
                            .priority_task(id)
                            .map(|p| p.label.clone())
                            .unwrap_or_default();
                        let reason = na
                            .reason
                            .as_ref()
                            .map(|r| r.value.clone())
                            .unwrap_or_default();
                        out.push(item(vec![Run::plain(format!("{id} ({label}): {reason}"))]));
                    }
                }
            }
            Content::Tasks(t) => {
                out.extend(opt_text(&t.intro));
                for task in t.tasks.iter().filter(|x| x.item.is_none()) {
                    out.push(task_block(task));
                }
            }
            Content::Solutions(x) => {
                out.extend(opt_text(&x.intro));
                numbered(
                    x.solutions.iter().map(|x| (&x.title.value, &x.text.value)),
                    out,
                );
            }
            Content::Budget(b) => {
                out.extend(opt_text(&b.text));
                if let Some(total) = b.total.as_ref().and_then(|t| amount(&t.value)) {
                    let line = self.render(
                        "budget-total.txt",
                        context! { total => format_amount(total) },
                    );
                    out.push(body(text::inline(&line)));
                    let n = b.by_source.len();
                    for (i, sa) in b.by_source.iter().enumerate() {
                        let v = amount(&sa.amount.value)
                            .map(format_amount)
                            .unwrap_or_default();
                        let end = if i + 1 == n { '.' } else { ';' };
                        out.push(item(vec![Run::plain(format!(
                            "{}: {v} triệu đồng{end}",
                            capitalize(&sa.source.value)
                        ))]));
                    }
                }
            }
            Content::Organization(o) => {
                out.extend(opt_text(&o.text));
                numbered(
                    o.responsibilities
                        .iter()
                        .map(|r| (&r.unit.value, &r.text.value)),
                    out,
                );
            }
            Content::Projects(p) => {
                out.extend(opt_text(&p.intro));
                if let Some(label) = self.appendix_projects.clone() {
                    let r = self.render("appendix-ref.txt", context! { label => label });
                    out.push(body(text::inline(&r)));
                }
            }
        }
    }

    /// ND30 ô 9b and 7: Nơi nhận on the left, authority, title and name on the right, in one row
    /// that never splits across pages.
    fn signature(&mut self) -> Block {
        let c = self.plan.config.as_ref();
        let mut left = vec![Block::Paragraph(Para {
            space_before: 12.0,
            ..para(
                Role::RecipientsLabel,
                vec![run("Nơi nhận:", true, true)],
                Align::Left,
                12.0,
            )
        })];
        if let Some(r) = c.and_then(|c| c.recipients.as_ref()) {
            for x in &r.list {
                left.push(Block::Paragraph(para(
                    Role::Recipient,
                    vec![Run::plain(format!("- {};", x.value.trim()))],
                    Align::Left,
                    11.0,
                )));
            }
            left.push(Block::Paragraph(para(
                Role::Recipient,
                vec![Run::plain(format!(
                    "- Lưu: {}.",
                    r.archive.value.trim().trim_end_matches('.')
                ))],
                Align::Left,
                11.0,
            )));
        }
        let mut right = Vec::new();
        if let Some(s) = c.and_then(|c| c.signer.as_ref()) {
            for (i, t) in s.titles.iter().enumerate() {
                let before = if i == 0 { 12.0 } else { 0.0 };
                right.push(Block::Paragraph(Para {
                    space_before: before,
                    ..para(
                        Role::SignerTitle,
                        vec![run(t.value.to_uppercase(), true, false)],
                        Align::Center,
                        BODY,
                    )
                }));
            }
            // Room for the signature and the seal; never a drawn seal or signature.
            right.push(Block::Paragraph(Para {
                space_before: 80.0,
                ..para(
                    Role::SignerName,
                    vec![run(s.name.value.clone(), true, false)],
                    Align::Center,
                    BODY,
                )
            }));
        }
        Block::Table(Table {
            columns: vec![53.0, 102.0],
            indent: 0.0,
            borders: false,
            header_rows: 0,
            keep_together: true,
            rows: vec![Row {
                kind: RowKind::Body,
                cells: vec![
                    Cell {
                        span: 1,
                        blocks: left,
                    },
                    Cell {
                        span: 1,
                        blocks: right,
                    },
                ],
            }],
        })
    }

    /// The lines at the top of a phụ lục: label, title, „Kèm theo …”, short rule.
    fn appendix_head(&mut self, label: &str, title: &str) -> Vec<Block> {
        let c = self.plan.config.as_ref();
        let issuer = c
            .map(|c| c.issuer.full_name.value.clone())
            .unwrap_or_default();
        let attached = match (self.plan.mode(), c.and_then(|c| c.decision.as_ref())) {
            (Mode::WithDecision, Some(d)) => {
                let number = match (&d.number, self.draft) {
                    (Some(n), false) if !n.value.trim().is_empty() => n.value.clone(),
                    _ => "      /QĐ-".to_string(),
                };
                self.render("attached-to-decision.txt", context! { number => number, date => self.words_date(d.date.as_ref()), issuer => d.issuer.value.clone() })
            }
            _ => {
                let date = self.words_date(c.and_then(|c| c.document.date.as_ref()));
                self.render(
                    "attached-to-plan.txt",
                    context! { number => self.number_symbol(), date => date, issuer => issuer },
                )
            }
        };
        let upper = title.to_uppercase();
        vec![
            centered(Role::AppendixLabel, label, 14.0, true, false),
            centered(Role::AppendixTitle, upper.clone(), 14.0, true, false),
            centered(Role::AttachedTo, attached, 14.0, false, true),
            short_rule(&[&upper], 14.0, true, 200.0),
        ]
    }

    fn columns(&mut self, name: &str, want: usize) -> Vec<String> {
        let text = self.render(name, context! {});
        let mut cols: Vec<String> = text
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        cols.resize(want, String::new());
        cols
    }

    fn projects_appendix(&mut self, label: &str) -> PageSection {
        let year = self.plan.year();
        let title = self.render("appendix-projects-title.txt", context! { year => year });
        let mut blocks = self.appendix_head(label, &title);
        let heads = self.columns("projects-columns.txt", 9);
        // Fill the landscape text width (297 − 30 − 15 = 252 mm).
        let columns = vec![12.0, 48.0, 30.0, 30.0, 19.0, 42.0, 22.0, 22.0, 27.0];
        let mut rows = vec![header_row(&heads)];
        // Group projects under the task group of the first task they implement.
        let task_group = self.plan.task_groups();
        let groups: Vec<(&str, &Heading)> = self
            .plan
            .framework
            .sections_of_kind(SectionKind::Tasks)
            .map(|d| (d.slug.as_str(), &d.heading))
            .collect();
        let romans = [
            "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
            "XIV", "XV",
        ];
        let mut stt = 0;
        let mut total = 0.0;
        let mut by_source: Vec<(String, f64)> = self
            .plan
            .framework
            .funding_sources
            .iter()
            .map(|f| (f.clone(), 0.0))
            .collect();
        let group_of = |p: &crate::model::Project| -> Option<&str> {
            p.tasks
                .iter()
                .find_map(|t| task_group.get(t.value.as_str()).copied())
        };
        let mut gi = 0;
        let mut emit_group = |title: &str,
                              projects: Vec<&crate::model::Project>,
                              rows: &mut Vec<Row>,
                              stt: &mut usize,
                              total: &mut f64,
                              by_source: &mut Vec<(String, f64)>| {
            if projects.is_empty() {
                return;
            }
            let roman = romans.get(gi).copied().unwrap_or("-");
            gi += 1;
            rows.push(Row {
                kind: RowKind::Group,
                cells: vec![
                    cell_text(roman, Role::TableGroup, Align::Center, true, false),
                    Cell {
                        span: 8,
                        ..cell_text(title, Role::TableGroup, Align::Left, true, false)
                    },
                ],
            });
            for p in projects {
                *stt += 1;
                let v = p.amount();
                *total += v.unwrap_or(0.0);
                if let (Some(v), Some(f)) = (v, &p.funding)
                    && let Some(e) = by_source.iter_mut().find(|(s, _)| *s == f.value)
                {
                    e.1 += v;
                }
                let status = match p.status.as_ref().map(|s| s.value) {
                    Some(ProjectStatus::New) => "Mới",
                    Some(ProjectStatus::Continuing) => "Chuyển tiếp",
                    None => "",
                };
                let cooperating: Vec<&str> =
                    p.cooperating.iter().map(|c| c.value.as_str()).collect();
                rows.push(data_row(vec![
                    (stt.to_string(), Align::Center),
                    (p.name.value.clone(), Align::Left),
                    (text_of(&p.lead), Align::Left),
                    (cooperating.join("; "), Align::Left),
                    (status.to_string(), Align::Center),
                    (text_of(&p.objective), Align::Left),
                    (text_of(&p.timeframe), Align::Center),
                    (v.map(format_amount).unwrap_or_default(), Align::Right),
                    (capitalize(&text_of(&p.funding)), Align::Left),
                ]));
            }
        };
        for (slug, h) in &groups {
            let ps: Vec<_> = self
                .plan
                .projects()
                .map(|(_, p)| p)
                .filter(|p| group_of(p) == Some(*slug))
                .collect();
            emit_group(
                &h.title,
                ps,
                &mut rows,
                &mut stt,
                &mut total,
                &mut by_source,
            );
        }
        let other: Vec<_> = self
            .plan
            .projects()
            .map(|(_, p)| p)
            .filter(|p| group_of(p).is_none())
            .collect();
        emit_group(
            "Nhiệm vụ, dự án khác",
            other,
            &mut rows,
            &mut stt,
            &mut total,
            &mut by_source,
        );
        rows.push(total_row("Tổng cộng", total, 7, 9, true));
        let nonzero: Vec<_> = by_source.into_iter().filter(|(_, v)| *v > 0.0).collect();
        for (i, (s, v)) in nonzero.iter().enumerate() {
            let label = if i == 0 {
                format!("Trong đó: {}", capitalize(s))
            } else {
                capitalize(s)
            };
            rows.push(total_row(&label, *v, 7, 9, false));
        }
        blocks.push(Block::Table(Table {
            columns,
            indent: 0.0,
            borders: true,
            header_rows: 1,
            keep_together: false,
            rows,
        }));
        appendix_section(blocks)
    }

    fn past_appendix(&mut self, label: &str) -> PageSection {
        let year = self.plan.year() - 1;
        let title = self.render("appendix-past-title.txt", context! { year => year });
        let mut blocks = self.appendix_head(label, &title);
        let heads = self.columns("past-projects-columns.txt", 7);
        let columns = vec![12.0, 66.0, 60.0, 28.0, 30.0, 24.0, 32.0];
        let mut rows = vec![header_row(&heads)];
        let mut total = 0.0;
        let mut stt = 0;
        for s in &self.plan.sections {
            let Content::EvaluationBudget(e) = &s.content else {
                continue;
            };
            for p in &e.projects {
                stt += 1;
                let v = p.amount();
                total += v.unwrap_or(0.0);
                rows.push(data_row(vec![
                    (stt.to_string(), Align::Center),
                    (p.name.value.clone(), Align::Left),
                    (text_of(&p.objective), Align::Left),
                    (v.map(format_amount).unwrap_or_default(), Align::Right),
                    (capitalize(&text_of(&p.funding)), Align::Left),
                    (text_of(&p.timeframe), Align::Center),
                    (text_of(&p.status), Align::Left),
                ]));
            }
        }
        rows.push(total_row("Tổng cộng", total, 3, 7, true));
        blocks.push(Block::Table(Table {
            columns,
            indent: 0.0,
            borders: true,
            header_rows: 1,
            keep_together: false,
            rows,
        }));
        appendix_section(blocks)
    }
}

fn appendix_section(blocks: Vec<Block>) -> PageSection {
    PageSection {
        landscape: true,
        margins: LANDSCAPE,
        header_distance: 10.0,
        page_number_size: 14.0,
        restart_numbering: true,
        blocks,
    }
}

fn cell_text(text: &str, role: Role, align: Align, bold: bool, italic: bool) -> Cell {
    Cell {
        span: 1,
        blocks: vec![Block::Paragraph(Para {
            space_before: 2.0,
            space_after: 2.0,
            ..para(role, vec![run(text, bold, italic)], align, 12.0)
        })],
    }
}

/// The text of an optional field, or nothing.
fn text_of(s: &Option<crate::load::Sp<String>>) -> String {
    s.as_ref().map(|x| x.value.clone()).unwrap_or_default()
}

/// A body row of plain 12 pt cells.
fn data_row(cells: Vec<(String, Align)>) -> Row {
    Row {
        kind: RowKind::Body,
        cells: cells
            .into_iter()
            .map(|(t, a)| cell_text(&t, Role::TableCell, a, false, false))
            .collect(),
    }
}

fn header_row(heads: &[String]) -> Row {
    Row {
        kind: RowKind::Header,
        cells: heads
            .iter()
            .map(|h| cell_text(h, Role::TableHeader, Align::Center, true, false))
            .collect(),
    }
}

/// "Tổng cộng" spanning the text columns, the amount, then empty cells to the end.
fn total_row(label: &str, value: f64, label_span: usize, ncols: usize, bold: bool) -> Row {
    let mut cells = vec![
        Cell {
            span: label_span,
            ..cell_text(
                label,
                Role::TableTotal,
                if bold { Align::Center } else { Align::Left },
                bold,
                !bold,
            )
        },
        cell_text(
            &format_amount(value),
            Role::TableTotal,
            Align::Right,
            bold,
            !bold,
        ),
    ];
    let rest = ncols - label_span - 1;
    if rest > 0 {
        cells.push(Cell {
            span: rest,
            ..cell_text("", Role::TableTotal, Align::Left, false, false)
        });
    }
    Row {
        kind: RowKind::Total,
        cells,
    }
}

fn task_block(t: &Task) -> Block {
    let mut runs = vec![run(
        t.title.value.trim_end_matches('.').to_string(),
        true,
        false,
    )];
    let mut rest = String::new();
    if let Some(c) = &t.content {
        rest.push_str(": ");
        rest.push_str(c.value.trim().trim_end_matches('.'));
    }
    rest.push_str(&format!(". Đơn vị chủ trì: {}", t.lead.value.trim()));
    if !t.cooperating.is_empty() {
        rest.push_str(&format!(
            "; phối hợp: {}",
            t.cooperating
                .iter()
                .map(|c| c.value.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }
    rest.push_str(&format!(
        "; thời gian thực hiện: {}.",
        t.timeframe.value.trim()
    ));
    runs.push(Run::plain(rest));
    item(runs)
}

fn citation_text(c: &crate::model::Citation) -> String {
    let t = c.doc_type.value.trim();
    let title = c.title.value.trim();
    let mut s = match &c.number {
        Some(n) if !n.value.trim().is_empty() => format!("{t} số {}", n.value.trim()),
        _ if title.to_lowercase().starts_with(&t.to_lowercase()) => String::new(),
        _ => t.to_string(),
    };
    if let Some(d) = c.date.as_ref().and_then(|d| values::date(&d.value).ok()) {
        s.push_str(&format!(" ngày {}", d.short()));
    }
    if let Some(i) = &c.issuer {
        s.push_str(&format!(" của {}", i.value.trim()));
    }
    if !s.is_empty() {
        s.push(' ');
    }
    s.push_str(title);
    s
}

fn target_text(t: &crate::model::Target) -> String {
    let mut s = t.text.value.trim().trim_end_matches('.').to_string();
    if let Some(v) = &t.value {
        let unit = t
            .unit
            .as_ref()
            .map(|u| u.value.trim().to_string())
            .unwrap_or_default();
        let sep = if unit == "%" || unit.is_empty() {
            ""
        } else {
            " "
        };
        s.push_str(&format!(": {}{sep}{unit}", format_amount(v.value)));
    }
    if let Some(d) = &t.deadline {
        s.push_str(&format!(" (thời hạn: {})", d.value.trim()));
    }
    s.push('.');
    s
}
