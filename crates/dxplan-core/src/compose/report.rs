//! The results report (`build --document bao-cao`): the same ND30 frame as the plan (header,
//! title, signature, Nơi nhận, phụ lục) around a body computed from the results recorded in the
//! plan — the "hoàn thành X/Y" sentence is counted, never typed.

use minijinja::context;

use super::body::text_blocks;
use super::ir::{Align, Block, Cell, PageSection, Para, Role, Row, RowKind, Table};
use super::style::{self, body, heading, item, para, run};
use super::{Composer, Period};
use crate::model::Content;
use crate::model::types::{TargetStatus, WorkStatus};
use crate::model::values::{Date, date, format_amount};

/// A result the report of a period knows: one dated after the period's last day is left out (a
/// half-year report rebuilt in December still reports the year's first half). Undated results
/// count, as of the report.
trait Dated {
    fn dated(&self) -> Option<&crate::load::Sp<String>>;
}

impl Dated for crate::model::types::TargetResult {
    fn dated(&self) -> Option<&crate::load::Sp<String>> {
        self.date.as_ref()
    }
}

impl Dated for crate::model::types::WorkResult {
    fn dated(&self) -> Option<&crate::load::Sp<String>> {
        self.date.as_ref()
    }
}

fn in_period<R: Dated>(r: &R, until: Date) -> bool {
    r.dated()
        .and_then(|d| date(&d.value).ok())
        .is_none_or(|d| d <= until)
}

fn known<R: Dated>(r: &Option<R>, until: Date) -> Option<&R> {
    r.as_ref().filter(|r| in_period(*r, until))
}

impl Composer<'_> {
    /// The last day the report covers.
    fn until(&self) -> Date {
        let year = self.plan.year();
        let period = match self.kind {
            crate::model::DocKind::Report(p) => p,
            _ => Period::Year,
        };
        let (month, day) = match period {
            Period::Year => (12, 31),
            Period::Half => (6, 30),
            Period::Quarter(q) => match q {
                1 => (3, 31),
                2 => (6, 30),
                3 => (9, 30),
                _ => (12, 31),
            },
        };
        Date { year, month, day }
    }

    pub(super) fn report_body(&mut self, appendix: &str, out: &mut Vec<Block>) {
        let plan = self.plan;
        let until = self.until();
        let [h1, h2, h3, h4]: [String; 4] = self
            .render_lines("report-headings.txt", 4, context! { year => plan.year() })
            .try_into()
            .unwrap_or_default();
        // I. Targets: the counted sentence, then those not done with what was reached.
        out.push(heading(Role::Heading1, h1));
        let count = |s: TargetStatus| {
            plan.targets()
                .filter(|(_, t)| {
                    known(&t.result, until)
                        .map(|r| r.status.value)
                        .unwrap_or(TargetStatus::Unknown)
                        == s
                })
                .count()
        };
        let sentence = self.render(
            "report-targets.txt",
            context! {
                total => plan.targets().count(),
                done => count(TargetStatus::Done),
                not_done => count(TargetStatus::NotDone),
                not_implemented => count(TargetStatus::NotImplemented),
                unknown => count(TargetStatus::Unknown),
                appendix => appendix,
            },
        );
        out.push(body(super::text::inline(&sentence)));
        for (_, t) in plan.targets() {
            let Some(r) = known(&t.result, until) else {
                continue;
            };
            if !matches!(
                r.status.value,
                TargetStatus::NotDone | TargetStatus::NotImplemented
            ) {
                continue;
            }
            let against_plan = t.result_words(r);
            let note = r
                .note
                .as_ref()
                .map(|n| format!("; {}", n.value.trim().trim_end_matches('.')))
                .unwrap_or_default();
            out.push(item(vec![run(
                format!(
                    "{}:{against_plan}{note};",
                    t.text.value.trim().trim_end_matches('.')
                ),
                false,
                false,
            )]));
        }
        self.report_tasks(h2, out);
        self.report_budget(h3, out);
        out.push(heading(Role::Heading1, h4));
        if let Some(p) = plan
            .config
            .as_ref()
            .and_then(|c| c.report.as_ref())
            .and_then(|r| r.proposals.as_ref())
        {
            out.extend(text_blocks(&p.value));
        }
    }

    /// II. Each task group of the plan: a) what was done or is under way, b) what was not.
    fn report_tasks(&mut self, title: String, out: &mut Vec<Block>) {
        let plan = self.plan;
        let until = self.until();
        out.push(heading(Role::Heading1, title));
        let [a, b, none]: [String; 3] = self
            .render_lines("report-points.txt", 3, context! {})
            .try_into()
            .unwrap_or_default();
        let mut n = 0;
        for s in &plan.sections {
            let Content::Tasks(t) = &s.content else {
                continue;
            };
            if t.tasks.is_empty() {
                continue;
            }
            n += 1;
            let title = plan
                .framework
                .section(&s.slug)
                .map(|d| d.heading.title.clone())
                .unwrap_or_default();
            out.push(heading(Role::Heading2, format!("{n}. {title}")));
            let line = |t: &crate::model::Task| {
                let r = known(&t.result, until);
                let note = r
                    .and_then(|r| r.note.as_ref())
                    .map(|n| format!(" ({})", n.value.trim().trim_end_matches('.')))
                    .unwrap_or_default();
                item(vec![run(
                    format!(
                        "{}: {}{note};",
                        t.title.value.trim().trim_end_matches('.'),
                        WorkStatus::words_of(r.map(|r| r.status.value))
                    ),
                    false,
                    false,
                )])
            };
            let done = |t: &&crate::model::Task| {
                known(&t.result, until).is_some_and(|r| {
                    matches!(r.status.value, WorkStatus::Done | WorkStatus::InProgress)
                })
            };
            // A point with nothing under it says so, rather than standing empty.
            for (label, items) in [
                (
                    &a,
                    t.tasks.iter().filter(done).map(line).collect::<Vec<_>>(),
                ),
                (&b, t.tasks.iter().filter(|x| !done(x)).map(line).collect()),
            ] {
                if items.is_empty() {
                    out.push(body(vec![run(format!("{label} {none}"), false, false)]));
                } else {
                    out.push(body(vec![run(label.clone(), false, false)]));
                    out.extend(items);
                }
            }
        }
    }

    /// III. Planned against disbursed, in total and by funding source; projects by status.
    fn report_budget(&mut self, title: String, out: &mut Vec<Block>) {
        let plan = self.plan;
        let until = self.until();
        out.push(heading(Role::Heading1, title));
        let inv = plan.investment();
        let disbursed_of =
            |source: Option<&str>| -> f64 { plan.disbursed_where(source, |r| in_period(r, until)) };
        let total_d = disbursed_of(None);
        let pct = if inv.total > 0.0 {
            format_amount((total_d * 1000.0 / inv.total).round() / 10.0)
        } else {
            "0".into()
        };
        let sentence = self.render(
            "report-budget.txt",
            context! {
                planned => format_amount(inv.total),
                disbursed => format_amount(total_d),
                percent => pct,
            },
        );
        out.push(body(vec![run(sentence, false, false)]));
        for (source, planned) in &inv.by_source {
            if *planned == 0.0 {
                continue;
            }
            out.push(item(vec![run(
                format!(
                    "{}: giải ngân {}/{} triệu đồng;",
                    style::capitalize(source),
                    format_amount(disbursed_of(Some(source))),
                    format_amount(*planned)
                ),
                false,
                false,
            )]));
        }
        let mut by: Vec<(&str, usize)> = Vec::new();
        for (_, p) in plan.projects() {
            let s = WorkStatus::words_of(known(&p.result, until).map(|r| r.status.value));
            match by.iter_mut().find(|(k, _)| *k == s) {
                Some((_, n)) => *n += 1,
                None => by.push((s, 1)),
            }
        }
        let parts: Vec<String> = by.iter().map(|(s, n)| format!("{n} {s}")).collect();
        let sentence = self.render(
            "report-projects.txt",
            context! { total => plan.projects().count(), by_status => parts.join(", ") },
        );
        out.push(body(vec![run(sentence, false, false)]));
    }

    /// Phụ lục I of the report: every target with its planned value, result and evaluation.
    pub(super) fn results_appendix(&mut self, label: &str) -> PageSection {
        let year = self.plan.year();
        let title = self.render("report-appendix-title.txt", context! { year => year });
        let mut blocks = self.appendix_head(label, &title);
        let cell = |text: String, role: Role, align: Align, bold: bool| Cell {
            span: 1,
            blocks: vec![Block::Paragraph(Para {
                space_before: 2.0,
                space_after: 2.0,
                ..para(role, vec![run(text, bold, false)], align, 12.0)
            })],
        };
        let heads = self.render_lines("report-columns.txt", 6, context! {});
        let mut rows = vec![Row {
            kind: RowKind::Header,
            cells: heads
                .iter()
                .map(|h| cell(h.to_string(), Role::TableHeader, Align::Center, true))
                .collect(),
        }];
        let until = self.until();
        for (i, (_, t)) in self.plan.targets().enumerate() {
            let r = known(&t.result, until);
            let planned = t.planned_words().unwrap_or_default();
            let got = r.map(|r| t.reached_words(r)).unwrap_or_default();
            let note = r
                .and_then(|r| r.note.as_ref())
                .map(|n| n.value.trim().to_string())
                .unwrap_or_default();
            rows.push(Row {
                kind: RowKind::Body,
                cells: vec![
                    cell((i + 1).to_string(), Role::TableCell, Align::Center, false),
                    cell(
                        t.text.value.trim().to_string(),
                        Role::TableCell,
                        Align::Left,
                        false,
                    ),
                    cell(planned, Role::TableCell, Align::Center, false),
                    cell(got, Role::TableCell, Align::Center, false),
                    cell(
                        style::capitalize(TargetStatus::words_of(r.map(|r| r.status.value))),
                        Role::TableCell,
                        Align::Left,
                        false,
                    ),
                    cell(note, Role::TableCell, Align::Left, false),
                ],
            });
        }
        blocks.push(Block::Table(Table {
            columns: vec![12.0, 90.0, 30.0, 30.0, 40.0, 50.0],
            indent: 0.0,
            borders: true,
            header_rows: 1,
            keep_together: false,
            rows,
        }));
        super::appendix::appendix_section(blocks)
    }
}
