//! The landscape phụ lục: the danh mục of tasks and projects of the plan's year, grouped by task
//! group with totals by funding source, and the list of last year's projects. Each table is a
//! [`TableSpec`]: the template of its column headings, their widths and where the amount sits.

use minijinja::context;

use super::ir::{Align, Block, Cell, PageSection, Para, Role, Row, RowKind, Run, Table};
use super::style::{LANDSCAPE, capitalize, centered, para, run, short_rule};
use super::{Composer, measure};
use crate::load::Sp;
use crate::model::types::{AppendixFile, ColumnAlign, GeneratedTable, Orientation};
use crate::model::values::format_amount;
use crate::model::{Content, Project, ProjectStatus};

/// A phụ lục table: its column headings (an overridable template, one heading a line), the
/// widths of its columns in mm (filling the landscape text width, 297 − 30 − 15 = 252 mm), and
/// the column of the amount, which the totals rows line up under.
struct TableSpec {
    template: &'static str,
    widths: &'static [f32],
    amount_column: usize,
    /// A column of short unbreakable text (the timeframe, "Quý III/2023 - Quý IV/2023") widened
    /// to hold its longest cell in two lines, and the column that gives it the room.
    fit: (usize, usize),
}

const PROJECTS: TableSpec = TableSpec {
    template: "projects-columns.txt",
    widths: &[12.0, 48.0, 30.0, 30.0, 19.0, 42.0, 22.0, 22.0, 27.0],
    amount_column: 7,
    fit: (6, 1),
};

const PAST_PROJECTS: TableSpec = TableSpec {
    template: "past-projects-columns.txt",
    widths: &[12.0, 66.0, 60.0, 28.0, 30.0, 24.0, 32.0],
    amount_column: 3,
    fit: (5, 1),
};

/// Horizontal padding of a table cell, both sides, mm (the renderers' 1.9 mm each side).
const CELL_PADDING: f32 = 3.8;

/// The narrowest width (pt) that sets `text` in at most two lines at 12 pt: the better of the
/// splits at a space, and never less than its widest unbreakable word.
fn two_line_width(text: &str) -> f32 {
    let words: Vec<&str> = text.split_whitespace().collect();
    let w = |s: &str| measure::width(s, 12.0, false, false);
    let widest = words.iter().map(|x| w(x)).fold(0.0, f32::max);
    let best = (1..words.len())
        .map(|i| w(&words[..i].join(" ")).max(w(&words[i..].join(" "))))
        .fold(w(&words.join(" ")), f32::min);
    best.max(widest)
}

impl TableSpec {
    /// A bordered table with a repeated header row, its short-text column widened to hold its
    /// longest cell in two lines.
    fn table(&self, rows: Vec<Row>) -> Block {
        let (column, donor) = self.fit;
        let mut columns = self.widths.to_vec();
        let longest = rows
            .iter()
            .filter(|r| r.kind == RowKind::Body && r.cells.len() == columns.len())
            .filter_map(|r| match r.cells[column].blocks.first() {
                Some(Block::Paragraph(p)) => Some(two_line_width(
                    &p.runs.iter().map(|r| r.text.as_str()).collect::<String>(),
                )),
                _ => None,
            })
            .fold(0.0, f32::max);
        let needed = (longest * 25.4 / 72.0 + CELL_PADDING + 0.5).ceil();
        // The donor keeps at least half its width; the table keeps its total.
        let extra = (needed - columns[column]).min(columns[donor] / 2.0);
        if extra > 0.0 {
            columns[column] += extra;
            columns[donor] -= extra;
        }
        Block::Table(Table {
            columns,
            indent: 0.0,
            borders: true,
            header_rows: 1,
            keep_together: false,
            rows,
        })
    }

    /// "Tổng cộng" spanning the text columns, the amount, then empty cells to the end.
    fn total_row(&self, label: &str, value: f64, bold: bool) -> Row {
        let align = if bold { Align::Center } else { Align::Left };
        let mut cells = vec![
            Cell {
                span: self.amount_column,
                ..cell_text(label, Role::TableTotal, align, bold, !bold)
            },
            cell_text(
                &format_amount(value),
                Role::TableTotal,
                Align::Right,
                bold,
                !bold,
            ),
        ];
        let rest = self.widths.len() - self.amount_column - 1;
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
}

impl Composer<'_> {
    /// The lines at the top of a phụ lục: label, title, „Kèm theo …”, short rule.
    pub(super) fn appendix_head(&mut self, label: &str, title: &str) -> Vec<Block> {
        let report = matches!(self.kind, crate::model::DocKind::Report(_));
        let attached = match self.attached_to_decision().filter(|_| !report) {
            Some(line) => line,
            None => {
                let c = self.plan.config.as_ref();
                let issuer = c
                    .map(|c| c.issuer.full_name.value.clone())
                    .unwrap_or_default();
                let date = self.words_date(self.document_date());
                let template = if report {
                    "attached-to-report.txt"
                } else {
                    "attached-to-plan.txt"
                };
                self.render(
                    template,
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

    /// The header row of a table from its template.
    fn header_row(&mut self, spec: &TableSpec) -> Row {
        let heads = self.render_lines(spec.template, spec.widths.len(), context! {});
        Row {
            kind: RowKind::Header,
            cells: heads
                .iter()
                .map(|h| cell_text(h, Role::TableHeader, Align::Center, true, false))
                .collect(),
        }
    }

    /// Danh mục nhiệm vụ, dự án: projects grouped under the task group of the first task they
    /// implement (groups in framework order, then the others), then the totals.
    pub(super) fn projects_appendix(&mut self, label: &str) -> PageSection {
        let year = self.plan.year();
        let title = self.render("appendix-projects-title.txt", context! { year => year });
        let mut blocks = self.appendix_head(label, &title);
        let mut rows = vec![self.header_row(&PROJECTS)];
        let task_groups = self.plan.task_groups();
        // Each group carries the number and title the body gives it ("III.1", "Nhận thức số",
        // or the plan's own wording), so the appendix and the text name a group the same way.
        let mut groups: Vec<(String, String, Vec<&Project>)> = self
            .plan
            .framework
            .sections_of_kind(crate::framework::SectionKind::Tasks)
            .map(|d| {
                let number = match d.numbers.as_slice() {
                    [_, section, .., last] => format!("{section}.{last}"),
                    _ => d.heading.number.clone(),
                };
                let key = crate::framework::heading_key(&d.numbers);
                let title = self
                    .plan
                    .heading_override(&key)
                    .map(|t| t.value.trim().to_string())
                    .unwrap_or_else(|| d.heading.title.clone());
                (number, title, Vec::new())
            })
            .collect();
        let slugs: Vec<&str> = self
            .plan
            .framework
            .sections_of_kind(crate::framework::SectionKind::Tasks)
            .map(|d| d.slug.as_str())
            .collect();
        let mut other = Vec::new();
        for (_, p) in self.plan.projects() {
            match p
                .group(&task_groups)
                .and_then(|g| slugs.iter().position(|s| *s == g))
            {
                Some(i) => groups[i].2.push(p),
                None => other.push(p),
            }
        }
        groups.push(("-".into(), "Nhiệm vụ, dự án khác".into(), other));
        let mut stt = 0;
        for (number, title, projects) in groups.iter().filter(|g| !g.2.is_empty()) {
            rows.push(Row {
                kind: RowKind::Group,
                cells: vec![
                    cell_text(number, Role::TableGroup, Align::Center, true, false),
                    Cell {
                        span: PROJECTS.widths.len() - 1,
                        ..cell_text(title, Role::TableGroup, Align::Left, true, false)
                    },
                ],
            });
            for p in projects {
                stt += 1;
                rows.push(project_row(stt, p));
            }
        }
        let inv = self.plan.investment();
        rows.push(PROJECTS.total_row("Tổng cộng", inv.total, true));
        let nonzero = inv.by_source.iter().filter(|(_, v)| *v > 0.0);
        for (i, (s, v)) in nonzero.enumerate() {
            let label = if i == 0 {
                format!("Trong đó: {}", capitalize(s))
            } else {
                capitalize(s)
            };
            rows.push(PROJECTS.total_row(&label, *v, false));
        }
        blocks.push(PROJECTS.table(rows));
        appendix_section(blocks)
    }

    /// Last year's projects (Phần I.III) with their total.
    pub(super) fn past_appendix(&mut self, label: &str) -> PageSection {
        let year = self.plan.year() - 1;
        let title = self.render("appendix-past-title.txt", context! { year => year });
        let mut blocks = self.appendix_head(label, &title);
        let mut rows = vec![self.header_row(&PAST_PROJECTS)];
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
        rows.push(PAST_PROJECTS.total_row("Tổng cộng", total, true));
        blocks.push(PAST_PROJECTS.table(rows));
        appendix_section(blocks)
    }
}

impl Composer<'_> {
    /// A phụ lục of the plan's own: its head, its text, and its table — written in the file, or
    /// made from the plan's targets or its coverage of the priority tasks.
    pub(super) fn own_appendix(&mut self, label: &str, a: &AppendixFile) -> PageSection {
        let mut blocks = self.appendix_head(label, a.title.value.trim());
        if let Some(t) = &a.text {
            blocks.extend(super::body::text_blocks(&t.value));
        }
        let landscape = a
            .orientation
            .as_ref()
            .is_none_or(|o| o.value == Orientation::Landscape);
        let width = if landscape { 252.0 } else { 155.0 };
        // Cells the author wrote carry their light markup (`**đậm**`, `*nghiêng*`); generated ones
        // are plain text.
        let hand_written = a.table.is_some();
        let (heads, aligns, widths, rows) = match (&a.table, a.generate.as_ref().map(|g| g.value)) {
            (Some(t), _) => {
                let heads: Vec<String> = t.columns.iter().map(|c| c.title.value.clone()).collect();
                let aligns: Vec<Align> = t
                    .columns
                    .iter()
                    .map(|c| column_align(c.align.as_ref().map(|a| a.value)))
                    .collect();
                let given: Vec<Option<f32>> = t
                    .columns
                    .iter()
                    .map(|c| c.width.as_ref().map(|w| w.value as f32))
                    .collect();
                let rows = t
                    .rows
                    .iter()
                    .map(|r| r.iter().map(|c| c.value.clone()).collect())
                    .collect();
                (heads, aligns, fill_widths(&given, width), rows)
            }
            (None, Some(GeneratedTable::Targets)) => self.targets_table(width),
            (None, Some(GeneratedTable::PriorityTasks)) => self.priority_table(width),
            (None, None) => (Vec::new(), Vec::new(), Vec::new(), Vec::new()),
        };
        if !heads.is_empty() {
            let mut table_rows = vec![Row {
                kind: RowKind::Header,
                cells: heads
                    .iter()
                    .map(|h| cell_text(h, Role::TableHeader, Align::Center, true, false))
                    .collect(),
            }];
            for r in rows {
                // One cell: a group row across every column, bold ("Dữ liệu số", "I. …").
                if hand_written && r.len() == 1 && heads.len() > 1 {
                    let mut runs = super::text::inline(&r[0]);
                    runs.iter_mut().for_each(|x| x.bold = true);
                    table_rows.push(Row {
                        kind: RowKind::Group,
                        cells: vec![Cell {
                            span: heads.len(),
                            ..cell_runs(runs, Role::TableGroup, Align::Left)
                        }],
                    });
                    continue;
                }
                let mut cells: Vec<(String, Align)> =
                    r.into_iter().zip(aligns.iter().copied()).collect();
                // A short row is padded so the grid stays whole (DX029 reports it).
                while cells.len() < heads.len() {
                    cells.push((String::new(), Align::Left));
                }
                if hand_written {
                    table_rows.push(Row {
                        kind: RowKind::Body,
                        cells: cells
                            .into_iter()
                            .map(|(t, a)| cell_runs(super::text::inline(&t), Role::TableCell, a))
                            .collect(),
                    });
                } else {
                    table_rows.push(data_row(cells));
                }
            }
            blocks.push(Block::Table(Table {
                columns: widths,
                indent: 0.0,
                borders: true,
                header_rows: 1,
                keep_together: false,
                rows: table_rows,
            }));
        }
        let mut section = appendix_section(blocks);
        if !landscape {
            section.landscape = false;
            section.margins = super::style::PORTRAIT;
        }
        section
    }

    /// The plan's targets: STT, target, indicator, value, deadline.
    fn targets_table(&self, width: f32) -> GeneratedRows {
        let heads = ["STT", "Mục tiêu", "Chỉ tiêu", "Giá trị cần đạt", "Thời hạn"];
        let rows = self
            .plan
            .targets()
            .enumerate()
            .map(|(i, (_, t))| {
                // The one value model: qualifier, digits and every level, as the plan words it.
                let value = t.planned_words().unwrap_or_default();
                vec![
                    (i + 1).to_string(),
                    t.text.value.trim().to_string(),
                    text_of(&t.indicator),
                    value,
                    text_of(&t.deadline),
                ]
            })
            .collect();
        (
            heads.iter().map(|h| h.to_string()).collect(),
            vec![
                Align::Center,
                Align::Left,
                Align::Left,
                Align::Center,
                Align::Center,
            ],
            fill_widths(&[Some(12.0), None, None, Some(35.0), Some(30.0)], width),
            rows,
        )
    }

    /// The framework's priority tasks, in its own words, and what implements each (the same
    /// answer as `status`). No code or short label of dxplan's appears in the official text.
    fn priority_table(&self, width: f32) -> GeneratedRows {
        let heads = [
            "STT",
            "Nhiệm vụ trọng tâm",
            "Nhiệm vụ, dự án thực hiện",
            "Tình trạng",
        ];
        let title_of = |id: &str| -> Option<String> {
            self.plan
                .tasks()
                .find(|(_, t)| t.id.value == id)
                .map(|(_, t)| t.title.value.trim().trim_end_matches('.').to_string())
                .or_else(|| {
                    self.plan
                        .projects()
                        .find(|(_, p)| p.id.value == id)
                        .map(|(_, p)| p.name.value.trim().to_string())
                })
        };
        let rows = self
            .plan
            .framework
            .priority_tasks
            .iter()
            .enumerate()
            .map(|(i, pt)| {
                let c = self.plan.priority_coverage(&pt.id);
                let state = if c.covered() {
                    "Thực hiện".to_string()
                } else if let Some(r) = c.not_applicable {
                    format!("Không áp dụng: {r}")
                } else {
                    "Chưa có".to_string()
                };
                let work: Vec<String> = c
                    .tasks
                    .iter()
                    .chain(&c.projects)
                    .filter_map(|id| title_of(id))
                    .collect();
                vec![(i + 1).to_string(), pt.text.clone(), work.join("; "), state]
            })
            .collect();
        (
            heads.iter().map(|h| h.to_string()).collect(),
            vec![Align::Center, Align::Left, Align::Left, Align::Left],
            fill_widths(&[Some(12.0), None, Some(80.0), Some(45.0)], width),
            rows,
        )
    }
}

/// Column headings, alignments, widths (mm) and rows of text of a phụ lục table.
type GeneratedRows = (Vec<String>, Vec<Align>, Vec<f32>, Vec<Vec<String>>);

fn column_align(a: Option<ColumnAlign>) -> Align {
    match a {
        Some(ColumnAlign::Center) => Align::Center,
        Some(ColumnAlign::Right) => Align::Right,
        _ => Align::Left,
    }
}

/// Widths in mm: the given ones as given, the others sharing what is left of `total` (at least
/// 10 mm each); all scaled down together if the given ones alone overflow the text width.
fn fill_widths(given: &[Option<f32>], total: f32) -> Vec<f32> {
    let fixed: f32 = given.iter().flatten().sum();
    let open = given.iter().filter(|w| w.is_none()).count();
    let share = if open > 0 {
        ((total - fixed) / open as f32).max(10.0)
    } else {
        0.0
    };
    let widths: Vec<f32> = given.iter().map(|w| w.unwrap_or(share)).collect();
    let sum: f32 = widths.iter().sum();
    if sum > total {
        widths.iter().map(|w| w * total / sum).collect()
    } else {
        widths
    }
}

/// One project of the danh mục, numbered `stt`.
fn project_row(stt: usize, p: &Project) -> Row {
    let status = match p.status.as_ref().map(|s| s.value) {
        Some(ProjectStatus::New) => "Mới",
        Some(ProjectStatus::Continuing) => "Chuyển tiếp",
        None => "",
    };
    let cooperating: Vec<&str> = p.cooperating.iter().map(|c| c.value.as_str()).collect();
    data_row(vec![
        (stt.to_string(), Align::Center),
        (p.name.value.clone(), Align::Left),
        (text_of(&p.lead), Align::Left),
        (cooperating.join("; "), Align::Left),
        (status.to_string(), Align::Center),
        (text_of(&p.objective), Align::Left),
        (text_of(&p.timeframe), Align::Center),
        (
            p.amount().map(format_amount).unwrap_or_default(),
            Align::Right,
        ),
        (capitalize(&text_of(&p.funding)), Align::Left),
    ])
}

/// The portrait pages of a document's own text (ND30 Phụ lục I: A4, numbering runs on).
pub(super) fn text_section(blocks: Vec<Block>) -> PageSection {
    PageSection {
        landscape: false,
        margins: super::style::PORTRAIT,
        header_distance: 10.0,
        page_number_size: 14.0,
        restart_numbering: false,
        blocks,
    }
}

/// A landscape section of its own, numbered from 1 (ND30 §III.1.đ).
pub(super) fn appendix_section(blocks: Vec<Block>) -> PageSection {
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
    cell_runs(vec![run(text, bold, italic)], role, align)
}

/// A 12 pt table cell of runs, one column wide.
fn cell_runs(runs: Vec<Run>, role: Role, align: Align) -> Cell {
    Cell {
        span: 1,
        blocks: vec![Block::Paragraph(Para {
            space_before: 2.0,
            space_after: 2.0,
            ..para(role, runs, align, 12.0)
        })],
    }
}

/// The text of an optional field, or nothing.
fn text_of(s: &Option<Sp<String>>) -> String {
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
