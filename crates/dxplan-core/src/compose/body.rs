//! The body: a walk over the framework's heading tree (Phần → I. → 1. → 1.1.), each heading
//! followed by the plan's content for it. Headings come from the framework data, never from
//! the plan, so the document cannot drift from the framework.

use minijinja::context;

use super::Composer;
use super::ir::{Align, Block, Cell, Para, Role, Row, RowKind, Run, Table};
use super::prose::{citation_text, target_text, task_block};
use super::style::{body, body_para, capitalize, heading, item, para, title_line};
use super::text;
use crate::framework::Heading;
use crate::load::Sp;
use crate::model::evaluation::PointSource;
use crate::model::types::{EvaluationLabels, PartHeading, SectionEvaluation};
use crate::model::values::{amount, format_amount};
use crate::model::{
    BudgetSection, Content, EvaluationSection, Section, TargetsSection, TasksSection,
};

/// Lettered groups of targets (a), b), … đ) …) in Vietnamese order.
const LETTERS: [&str; 13] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n",
];

/// "I", "IV", "X": a mục's number.
fn is_roman(n: &str) -> bool {
    !n.is_empty() && n.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
}

/// The authors' free text: paragraphs, bullets ("- ", nested "+ "), numbered items, sub-headings
/// and tables.
pub(super) fn text_blocks(src: &str) -> Vec<Block> {
    text::blocks(src)
        .into_iter()
        .map(|b| match b {
            text::TextBlock::Para(runs) => body(runs),
            text::TextBlock::Item(0, runs) => item(runs),
            text::TextBlock::Item(_, mut runs) => {
                runs.insert(0, Run::plain("+ "));
                body(runs)
            }
            text::TextBlock::Numbered(label, mut runs) => {
                runs.insert(0, Run::plain(format!("{label} ")));
                body(runs)
            }
            text::TextBlock::Heading(_, runs) => {
                // A sub-heading inside a section's text: bold, kept with what follows, at the
                // fourth outline level (below the framework's I. / 1. / 1.1.).
                let text: String = runs.iter().map(|r| r.text.as_str()).collect();
                let mut b = heading(Role::Heading4, text);
                if let Block::Paragraph(p) = &mut b {
                    for (r, src) in p.runs.iter_mut().zip(&runs) {
                        r.italic = src.italic;
                    }
                }
                b
            }
            text::TextBlock::Table(t) => text_table(t),
        })
        .collect()
}

/// A table written in the text: bordered, its header row repeated, columns as wide as their
/// longest cell asks (within the portrait text width, 155 mm).
fn text_table(t: text::TextTable) -> Block {
    const WIDTH: f32 = 155.0;
    let n = t
        .header
        .len()
        .max(t.rows.iter().map(Vec::len).max().unwrap_or(0))
        .max(1);
    let len = |runs: &Vec<Run>| runs.iter().map(|r| r.text.chars().count()).sum::<usize>();
    let mut want = vec![4usize; n];
    for row in std::iter::once(&t.header).chain(&t.rows) {
        for (i, c) in row.iter().enumerate().take(n) {
            want[i] = want[i].max(len(c).min(60));
        }
    }
    let sum: usize = want.iter().sum();
    let columns: Vec<f32> = want
        .iter()
        .map(|w| (WIDTH * *w as f32 / sum as f32).max(12.0))
        .collect();
    let scale = WIDTH / columns.iter().sum::<f32>();
    let columns: Vec<f32> = columns.iter().map(|c| c * scale).collect();
    let cell = |runs: Vec<Run>, align: Align, role: Role, bold: bool| Cell {
        span: 1,
        blocks: vec![Block::Paragraph(Para {
            space_before: 2.0,
            space_after: 2.0,
            ..para(
                role,
                runs.into_iter()
                    .map(|r| Run {
                        bold: r.bold || bold,
                        ..r
                    })
                    .collect(),
                align,
                12.0,
            )
        })],
    };
    let align_of = |i: usize| t.aligns.get(i).copied().unwrap_or(Align::Left);
    let mut rows = Vec::new();
    if !t.header.is_empty() {
        let mut cells: Vec<Cell> = t
            .header
            .into_iter()
            .map(|c| cell(c, Align::Center, Role::TableHeader, true))
            .collect();
        cells.resize_with(n, || {
            cell(Vec::new(), Align::Center, Role::TableHeader, true)
        });
        rows.push(Row {
            kind: RowKind::Header,
            cells,
        });
    }
    for r in t.rows {
        let mut cells: Vec<Cell> = r
            .into_iter()
            .enumerate()
            .map(|(i, c)| cell(c, align_of(i), Role::TableCell, false))
            .collect();
        cells.resize_with(n, || cell(Vec::new(), Align::Left, Role::TableCell, false));
        rows.push(Row {
            kind: RowKind::Body,
            cells,
        });
    }
    Block::Table(Table {
        columns,
        indent: 0.0,
        borders: true,
        header_rows: usize::from(rows.first().is_some_and(|r| r.kind == RowKind::Header)),
        keep_together: false,
        rows,
    })
}

fn opt_text(t: &Option<Sp<String>>) -> Vec<Block> {
    t.as_ref()
        .map(|s| text_blocks(&s.value))
        .unwrap_or_default()
}

/// One evaluation point under the plan's label style (`[layout] evaluation_labels`). Inline,
/// the label leads the text when the text is one paragraph ("a) Kết quả đạt được: …") and stands
/// on its own line before several paragraphs or a list; on its own line it has no colon and stays
/// with the text below; with no label only the text prints.
fn point_blocks(
    label: &str,
    text: Option<&Sp<String>>,
    style: EvaluationLabels,
    out: &mut Vec<Block>,
) {
    let mut blocks = text.map(|t| text_blocks(&t.value)).unwrap_or_default();
    match style {
        EvaluationLabels::None => {}
        EvaluationLabels::OwnLine => {
            let Block::Paragraph(mut p) = body(vec![Run::plain(label)]) else {
                unreachable!("body() makes a paragraph")
            };
            p.keep_with_next = !blocks.is_empty();
            blocks.insert(0, Block::Paragraph(p));
        }
        EvaluationLabels::Inline => match blocks.as_mut_slice() {
            [Block::Paragraph(p0)] if p0.role == Role::Body => {
                p0.runs.insert(0, Run::plain(format!("{label}: ")))
            }
            _ => blocks.insert(0, body(vec![Run::plain(format!("{label}:"))])),
        },
    }
    out.extend(blocks);
}

/// "1. Title" headings, each followed by its text (solutions, responsibilities).
fn numbered<'a>(items: impl Iterator<Item = (&'a String, &'a String)>, out: &mut Vec<Block>) {
    for (i, (title, text)) in items.enumerate() {
        out.push(heading(Role::Heading2, format!("{}. {title}", i + 1)));
        out.extend(text_blocks(text));
    }
}

impl Composer<'_> {
    /// Every Phần of the framework with its headings and the plan's content.
    pub(super) fn body(&mut self, blocks: &mut Vec<Block>) {
        let one_line =
            self.plan.layout().part_heading.as_ref().map(|p| p.value) == Some(PartHeading::OneLine);
        for part in &self.plan.framework.parts {
            let title = self.title_of(&part.number, &part.title).to_uppercase();
            if one_line {
                // "PHẦN I. KẾT QUẢ THỰC HIỆN …" (Hải Dương 2023).
                let line = format!("PHẦN {}. {title}", part.number);
                blocks.push(title_line(Role::PartTitle, line, 12.0));
            } else {
                let label = format!("Phần {}", part.number);
                blocks.push(title_line(Role::PartLabel, label, 12.0));
                blocks.push(title_line(Role::PartTitle, title, 0.0));
            }
            // A framework may fill a section at the Phần itself (a province's own "ĐÁNH GIÁ …"
            // with the groups right below): its content follows the title and its headings
            // inherit it, exactly as under a heading. Skipping it printed none of it.
            let section = part
                .section
                .as_deref()
                .and_then(|slug| self.plan.section(slug));
            if let Some(s) = section {
                self.section_head(s, blocks);
            }
            let mut path = vec![part.number.clone()];
            let numbers = self.printed_numbers(&part.children, &path, None);
            let mut tail = section;
            for (h, n) in part.children.iter().zip(&numbers) {
                if h.section.is_some()
                    && let Some(s) = tail.take()
                {
                    self.section_tail(s, blocks);
                }
                self.heading(h, n, &mut path, section, 0, blocks);
            }
            if let Some(s) = tail {
                self.section_tail(s, blocks);
            }
        }
    }

    /// A heading's printed title: the plan's own words (`[headings]`) or the framework's.
    fn title_of(&self, key: &str, framework: &str) -> String {
        self.plan
            .heading_override(key)
            .map(|t| t.value.trim().to_string())
            .unwrap_or_else(|| framework.to_string())
    }

    /// Renders a framework heading and, when it is a section, the plan's content for it.
    /// `lifted` counts emptied headings above (`[headings] "I.I" = ""`): they print nothing, and
    /// what is under them moves up one level each.
    fn heading(
        &mut self,
        h: &Heading,
        printed: &str,
        path: &mut Vec<String>,
        current: Option<&Section>,
        lifted: usize,
        out: &mut Vec<Block>,
    ) {
        let section = h
            .section
            .as_deref()
            .map_or(current, |slug| self.plan.section(slug));
        path.push(h.number.clone());
        // Depth under the part: 1 = mục (I.), 2 = khoản (1.), 3 = 1.1. …
        let depth = (path.len() - 1).saturating_sub(lifted).max(1);
        let title = self.title_of(&crate::framework::heading_key(path), &h.title);
        let emptied = title.trim().is_empty();
        // Mục (I., II.) are in capitals; a "1. Nhận thức số" lifted to their level keeps its case.
        let title = if is_roman(&h.number) {
            title.to_uppercase()
        } else {
            title
        };
        let role = match depth {
            1 => Role::Heading1,
            2 => Role::Heading2,
            3 => Role::Heading3,
            _ => Role::Heading4,
        };
        if !emptied {
            out.push(heading(role, format!("{printed}. {title}")));
        }
        let own = h.section.is_some();
        if own && let Some(s) = section {
            self.section_head(s, out);
        }
        match section.map(|s| &s.content) {
            // Evaluation points of an item (Phần I.II).
            Some(Content::Evaluation(e)) => self.evaluation_points(e, h, out),
            // Sub-items of a task group (e.g. 7.1–7.4): their text, then the tasks filed under them.
            Some(Content::Tasks(t)) if !own => sub_item(t, h, out),
            // The framework's example solution groups are not headings of the plan (IV: "không
            // giới hạn").
            Some(Content::Solutions(_)) => {
                path.pop();
                return;
            }
            _ => {}
        }
        let parent = (!emptied).then_some(printed);
        let numbers = self.printed_numbers(&h.children, path, parent);
        // The section's tail goes after its own items, before a child that is another section
        // ("11. Kinh phí thực hiện" under the tasks' evaluation).
        let mut tail = own.then_some(section).flatten();
        for (c, n) in h.children.iter().zip(&numbers) {
            if c.section.is_some()
                && let Some(s) = tail.take()
            {
                self.section_tail(s, out);
            }
            self.heading(c, n, path, section, lifted + usize::from(emptied), out);
        }
        if let Some(s) = tail {
            self.section_tail(s, out);
        }
        path.pop();
    }

    /// The numbers the headings `hs` (children of `path`) print. The framework's own, unless the
    /// plan emptied one of them (`[headings] "I.I" = ""`): then the others count on without it —
    /// a document whose first mục is "II." is sent back (Hải Dương 2023 prints its tasks'
    /// evaluation as "I. KẾT QUẢ ĐẠT ĐƯỢC"). `parent` is the parent's printed number ("2" for
    /// "2.1"), `None` when the parent is emptied or a Phần.
    fn printed_numbers(
        &self,
        hs: &[Heading],
        path: &[String],
        parent: Option<&str>,
    ) -> Vec<String> {
        let mut key = path.to_vec();
        let mut k = 0;
        hs.iter()
            .map(|h| {
                key.push(h.number.clone());
                let emptied = self
                    .plan
                    .heading_override(&crate::framework::heading_key(&key))
                    .is_some_and(|t| t.value.trim().is_empty());
                key.pop();
                if !emptied {
                    k += 1;
                }
                let (prefix, _) = h.number.rsplit_once('.').unwrap_or(("", &h.number));
                if is_roman(&h.number) {
                    crate::model::values::roman(k)
                } else if !h.number.chars().all(|c| c.is_ascii_digit() || c == '.') {
                    h.number.clone()
                } else if prefix.is_empty() {
                    k.to_string()
                } else {
                    match parent {
                        Some(p) => format!("{p}.{k}"),
                        // Lifted under an emptied parent: its own number says where it belongs.
                        None => h.number.clone(),
                    }
                }
            })
            .collect()
    }

    /// Whether a section's own evaluation (its file's `results` / `limitations`) prints after
    /// its items: as the plan says, else after when items carry points of their own — real plans
    /// give results per item and shortcomings once for the mục, after the items; printed first,
    /// "b) Tồn tại, hạn chế" stood under the heading before every item's "a)".
    fn section_points_after(&self, e: &EvaluationSection) -> bool {
        match self
            .plan
            .layout()
            .section_evaluation
            .as_ref()
            .map(|p| p.value)
        {
            Some(SectionEvaluation::After) => true,
            Some(SectionEvaluation::Before) => false,
            None => e.items.iter().any(|i| {
                [&i.results, &i.limitations]
                    .into_iter()
                    .flatten()
                    .any(|t| !t.value.trim().is_empty())
            }),
        }
    }

    /// A section's evaluation points for the whole section, under its heading or after its items.
    fn section_points(&self, e: &EvaluationSection, after: bool, out: &mut Vec<Block>) {
        if self.section_points_after(e) != after {
            return;
        }
        let style = self.labels();
        for p in &self.plan.framework.evaluation_points {
            let Some(t) = e.group_point(None, &p.key) else {
                continue;
            };
            if after {
                // After the items a lettered "b)" would read as the last item's second b): the
                // mục's own point stands as an unnumbered heading ("Tồn tại, hạn chế").
                let name = p.label.split_once(") ").map_or(p.label.as_str(), |x| x.1);
                out.push(heading(Role::Heading2, name.to_string()));
                out.extend(text_blocks(&t.value));
            } else {
                point_blocks(&p.label, Some(t), style, out);
            }
        }
    }

    /// What comes after a section's items (its own evaluation, when it goes last).
    fn section_tail(&self, s: &Section, out: &mut Vec<Block>) {
        if let Content::Evaluation(e) = &s.content {
            self.section_points(e, true, out);
        }
    }

    fn labels(&self) -> EvaluationLabels {
        self.plan
            .layout()
            .evaluation_labels
            .as_ref()
            .map(|l| l.value)
            .unwrap_or_default()
    }

    /// "a) Kết quả đạt được: …", "b) Tồn tại, hạn chế: …" under an evaluated item, or under a
    /// group heading ("1. Nhận thức số") when the plan evaluates the group as a whole. A point an
    /// item shares with its group is printed once, at the group.
    fn evaluation_points(&self, e: &EvaluationSection, h: &Heading, out: &mut Vec<Block>) {
        let points = &self.plan.framework.evaluation_points;
        let style = self.labels();
        if h.evaluated {
            for p in points {
                match e.point_for(&h.number, &p.key) {
                    PointSource::Own(t) => point_blocks(&p.label, Some(t), style, out),
                    PointSource::Grouped(..) => {}
                    PointSource::Missing => point_blocks(&p.label, None, style, out),
                }
            }
        } else if e.items.iter().any(|i| i.number.value == h.number) {
            for p in points {
                if let Some(t) = e.group_point(Some(&h.number), &p.key) {
                    point_blocks(&p.label, Some(t), style, out);
                }
            }
        }
    }

    /// Content that comes right under a section's heading.
    fn section_head(&mut self, s: &Section, out: &mut Vec<Block>) {
        match &s.content {
            Content::Text(t) => out.extend(opt_text(&t.text)),
            Content::Evaluation(e) => {
                out.extend(opt_text(&e.intro));
                // a) and b) for the whole section, when the plan evaluates it as one.
                self.section_points(e, false, out);
            }
            Content::EvaluationBudget(e) => {
                out.extend(opt_text(&e.text));
                if let Some(share) = &e.budget_share {
                    let v = format_amount(share.value);
                    out.push(body(vec![Run::plain(format!(
                        "Tỷ lệ chi so với tổng chi ngân sách nhà nước: {v}%."
                    ))]));
                }
                if let Some(label) = self.appendix_past.clone() {
                    self.appendix_ref(&label, out);
                }
            }
            Content::Citations(c) => {
                out.extend(opt_text(&c.intro));
                let n = c.citations.len();
                for (i, cit) in c.citations.iter().enumerate() {
                    // Documents named on one line: "… và Nghị quyết số 50/NQ-CP …".
                    let mut s = std::iter::once(cit)
                        .chain(&cit.also)
                        .map(citation_text)
                        .collect::<Vec<_>>()
                        .join(" và ");
                    s.push(if i + 1 == n { '.' } else { ';' });
                    out.push(item(vec![Run::plain(s)]));
                }
            }
            Content::Targets(t) => self.targets(t, out),
            Content::Tasks(t) => {
                out.extend(opt_text(&t.intro));
                for task in t.tasks.iter().filter(|x| x.item.is_none()) {
                    out.push(task_block(task));
                }
            }
            Content::Solutions(x) => {
                out.extend(opt_text(&x.intro));
                let items = x.solutions.iter().map(|x| (&x.title.value, &x.text.value));
                numbered(items, out);
            }
            Content::Budget(b) => self.budget(b, out),
            Content::Organization(o) => {
                out.extend(opt_text(&o.text));
                let items = o
                    .responsibilities
                    .iter()
                    .map(|r| (&r.unit.value, &r.text.value));
                numbered(items, out);
            }
            Content::Projects(p) => {
                out.extend(opt_text(&p.intro));
                if let Some(label) = self.appendix_projects.clone() {
                    self.appendix_ref(&label, out);
                }
            }
        }
    }

    /// "(Chi tiết tại Phụ lục I kèm theo.)" where a section's detail is a phụ lục.
    fn appendix_ref(&mut self, label: &str, out: &mut Vec<Block>) {
        let r = self.render("appendix-ref.txt", context! { label => label });
        out.push(body(text::inline(&r)));
    }

    /// Targets, lettered by group when there are groups, then the not-applicable declarations.
    fn targets(&self, t: &TargetsSection, out: &mut Vec<Block>) {
        out.extend(opt_text(&t.intro));
        let mut groups: Vec<Option<&str>> = Vec::new();
        for x in &t.targets {
            let g = x.group.as_ref().map(|g| g.value.as_str());
            if !groups.contains(&g) {
                groups.push(g);
            }
        }
        let lettered = groups.len() > 1 || groups.first().is_some_and(Option::is_some);
        for (gi, g) in groups.iter().enumerate() {
            if lettered {
                let name = g.unwrap_or("Mục tiêu khác");
                let letter = LETTERS.get(gi).copied().unwrap_or("-");
                out.push(Block::Paragraph(Para {
                    role: Role::Heading4,
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
        // The not-applicable declarations are for the checker and `status`: dxplan's codes and
        // short labels never appear in an official document. A plan that wants to say which
        // priority tasks do not apply says so in its own words (the intro, or a target's text).
    }

    /// The budget text, then the total and its split by funding source.
    fn budget(&mut self, b: &BudgetSection, out: &mut Vec<Block>) {
        out.extend(opt_text(&b.text));
        let Some(total) = b.total.as_ref().and_then(|t| amount(&t.value)) else {
            return;
        };
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

/// A numbered sub-item of a task group: its text, then the tasks filed under it.
fn sub_item(t: &TasksSection, h: &Heading, out: &mut Vec<Block>) {
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
