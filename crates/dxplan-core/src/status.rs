//! `dxplan status`: the coverage of the framework's priority tasks (which tasks, projects and
//! targets address each, or why it does not apply) and the investment by funding source and by
//! task group. Text table for a terminal, Markdown for a pull-request comment, JSON for tools.

use serde::Serialize;

use crate::lang::Lang;
use crate::model::Plan;
use crate::model::values::format_amount;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Markdown,
    Json,
}

impl crate::choice::Choice for Format {
    const ALL: &'static [(Self, &'static str, &'static str)] = &[
        (Format::Table, "table", ""),
        (Format::Markdown, "markdown", ""),
        (Format::Json, "json", ""),
    ];
}

#[derive(Debug, Serialize)]
pub struct Coverage {
    pub framework: String,
    pub priority_tasks: Vec<Row>,
    pub covered: usize,
    pub not_applicable: usize,
    pub uncovered: usize,
    /// Triệu đồng by funding source, in the framework's order.
    pub by_source: Vec<(String, f64)>,
    /// Triệu đồng by task group (Phần II.III), in framework order.
    pub by_group: Vec<(String, f64)>,
    pub total: f64,
    /// The framework's thresholds and deadlines: met or not, and by which targets or tasks (as
    /// DX070/DX071 decide it).
    pub metrics: Vec<crate::model::metrics::MetricStatus>,
    /// The implementation view, once results are recorded during the year.
    pub implementation: Option<Implementation>,
    /// The framework's issue deadline ("10/12/2022") and whether the plan was issued before it
    /// (`Plan::issued_in_time`, as DX093 and the roll-up decide it; `None` for a draft).
    pub issue_before: String,
    pub issued_in_time: Option<bool>,
}

/// Results recorded in the plan: targets, tasks and projects by status; disbursed against planned
/// by funding source.
#[derive(Debug, Serialize)]
pub struct Implementation {
    /// Targets by evaluation, in the order of the four statuses; targets with no result count as
    /// "chưa có thông tin đánh giá".
    pub targets: Vec<(String, usize)>,
    pub targets_total: usize,
    pub tasks: Vec<(String, usize)>,
    pub projects: Vec<(String, usize)>,
    /// (source, planned, disbursed), triệu đồng.
    pub disbursed: Vec<(String, f64, f64)>,
}

fn implementation(plan: &Plan) -> Option<Implementation> {
    use crate::model::types::{TargetStatus, WorkStatus};
    let any = plan.targets().any(|(_, t)| t.result.is_some())
        || plan.tasks().any(|(_, t)| t.result.is_some())
        || plan.projects().any(|(_, p)| p.result.is_some());
    if !any {
        return None;
    }
    let target_names = [
        (TargetStatus::Done, "hoàn thành"),
        (TargetStatus::NotDone, "chưa hoàn thành"),
        (TargetStatus::NotImplemented, "không thực hiện"),
        (TargetStatus::Unknown, "chưa có thông tin đánh giá"),
    ];
    let targets = target_names
        .iter()
        .map(|(st, name)| {
            let n = plan
                .targets()
                .filter(|(_, t)| {
                    t.result
                        .as_ref()
                        .map_or(TargetStatus::Unknown, |r| r.status.value)
                        == *st
                })
                .count();
            (name.to_string(), n)
        })
        .collect();
    let work_names = [
        (Some(WorkStatus::Done), "hoàn thành"),
        (Some(WorkStatus::InProgress), "đang thực hiện"),
        (Some(WorkStatus::NotStarted), "chưa triển khai"),
        (Some(WorkStatus::Stopped), "dừng"),
        (None, "chưa có thông tin"),
    ];
    let count = |statuses: Vec<Option<WorkStatus>>| -> Vec<(String, usize)> {
        work_names
            .iter()
            .map(|(st, name)| {
                (
                    name.to_string(),
                    statuses.iter().filter(|s| *s == st).count(),
                )
            })
            .collect()
    };
    let tasks = count(
        plan.tasks()
            .map(|(_, t)| t.result.as_ref().map(|r| r.status.value))
            .collect(),
    );
    let projects = count(
        plan.projects()
            .map(|(_, p)| p.result.as_ref().map(|r| r.status.value))
            .collect(),
    );
    let inv = plan.investment();
    let disbursed = inv
        .by_source
        .iter()
        .filter(|(s, _)| plan.framework.funding_sources.contains(s))
        .map(|(source, planned)| {
            let done = plan.disbursed(Some(source));
            (source.clone(), *planned, done)
        })
        .collect();
    Some(Implementation {
        targets,
        targets_total: plan.targets().count(),
        tasks,
        projects,
        disbursed,
    })
}

#[derive(Debug, Serialize)]
pub struct Row {
    pub id: String,
    pub label: String,
    /// As DX030 decides it (`Plan::priority_coverage`).
    #[serde(skip)]
    pub covered: bool,
    pub tasks: Vec<String>,
    pub projects: Vec<String>,
    pub targets: Vec<String>,
    pub not_applicable: Option<String>,
}

impl Row {
    pub fn status(&self) -> &'static str {
        if self.covered {
            "covered"
        } else if self.not_applicable.is_some() {
            "not-applicable"
        } else {
            "uncovered"
        }
    }
}

pub fn coverage(plan: &Plan) -> Coverage {
    let fw = &plan.framework;
    let rows: Vec<Row> = fw
        .priority_tasks
        .iter()
        .map(|pt| {
            let c = plan.priority_coverage(&pt.id);
            let owned = |v: Vec<&str>| v.into_iter().map(str::to_string).collect();
            Row {
                id: pt.id.clone(),
                label: pt.label.clone(),
                covered: c.covered(),
                not_applicable: c.not_applicable.map(str::to_string),
                tasks: owned(c.tasks),
                projects: owned(c.projects),
                targets: owned(c.targets),
            }
        })
        .collect();
    let metrics = fw.metrics.iter().map(|m| plan.metric_status(m)).collect();
    let inv = plan.investment();
    // Status lists the framework's sources only; a source it does not know is DX053's finding.
    let by_source = inv
        .by_source
        .into_iter()
        .filter(|(s, _)| fw.funding_sources.contains(s))
        .collect();
    let by_group = inv
        .by_group
        .into_iter()
        .filter_map(|(slug, v)| {
            let h = &fw.section(&slug)?.heading;
            Some((format!("{}. {}", h.number, h.title), v))
        })
        .collect();
    let count = |s: &str| rows.iter().filter(|r| r.status() == s).count();
    Coverage {
        framework: fw.id.clone(),
        covered: count("covered"),
        not_applicable: count("not-applicable"),
        uncovered: count("uncovered"),
        priority_tasks: rows,
        by_source,
        by_group,
        total: inv.total,
        metrics,
        implementation: implementation(plan),
        issue_before: crate::model::values::date(&fw.issue_before)
            .map(|d| d.dmy())
            .unwrap_or_else(|_| fw.issue_before.clone()),
        issued_in_time: plan.issued_in_time(),
    }
}

fn cell(v: &[String]) -> String {
    if v.is_empty() {
        "—".into()
    } else {
        v.join(", ")
    }
}

/// The words of the report in the user's language.
struct Words {
    head: [&'static str; 6],
    summary: fn(&Coverage) -> String,
    covered: &'static str,
    not_applicable: &'static str,
    uncovered: &'static str,
    by_source: &'static str,
    by_group: &'static str,
    source: &'static str,
    group: &'static str,
    amount: &'static str,
    total: &'static str,
    metrics: &'static str,
    requirement: &'static str,
    implementation: &'static str,
    targets_word: &'static str,
    tasks_word: &'static str,
    projects_word: &'static str,
    disbursed: &'static str,
    met: &'static str,
    unmet: &'static str,
    issued_before: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Vi => Words {
            head: [
                "Mã",
                "Nhiệm vụ trọng tâm",
                "Nhiệm vụ",
                "Dự án",
                "Mục tiêu",
                "Tình trạng",
            ],
            summary: |c| {
                // A framework known in part has no list: "0 chưa có" would read as all done.
                if c.priority_tasks.is_empty() {
                    return format!(
                        "Nhiệm vụ trọng tâm ({}): Khung chưa có danh sách trong dxplan, không theo dõi được (DX013)",
                        c.framework
                    );
                }
                format!(
                    "Nhiệm vụ trọng tâm ({}): {} có, {} không áp dụng, {} chưa có",
                    c.framework, c.covered, c.not_applicable, c.uncovered
                )
            },
            covered: "có",
            not_applicable: "không áp dụng",
            uncovered: "CHƯA CÓ",
            by_source: "Kinh phí theo nguồn vốn (triệu đồng)",
            by_group: "Kinh phí theo nhóm nhiệm vụ (triệu đồng)",
            source: "Nguồn vốn",
            group: "Nhóm nhiệm vụ",
            amount: "Kinh phí",
            total: "Tổng cộng",
            metrics: "Ngưỡng và thời hạn của Khung",
            requirement: "Yêu cầu",
            implementation: "Tình hình thực hiện",
            targets_word: "Mục tiêu",
            tasks_word: "Nhiệm vụ",
            projects_word: "Dự án",
            disbursed: "Giải ngân / kế hoạch theo nguồn vốn (triệu đồng)",
            met: "đạt",
            unmet: "CHƯA ĐẠT",
            issued_before: "Ban hành trước ngày",
        },
        Lang::En => Words {
            head: [
                "Code",
                "Priority task",
                "Tasks",
                "Projects",
                "Targets",
                "Status",
            ],
            summary: |c| {
                if c.priority_tasks.is_empty() {
                    return format!(
                        "Priority tasks ({}): the framework's list is not in dxplan, not tracked (DX013)",
                        c.framework
                    );
                }
                format!(
                    "Priority tasks ({}): {} covered, {} not applicable, {} uncovered",
                    c.framework, c.covered, c.not_applicable, c.uncovered
                )
            },
            covered: "covered",
            not_applicable: "not applicable",
            uncovered: "UNCOVERED",
            by_source: "Investment by funding source (million VND)",
            by_group: "Investment by task group (million VND)",
            source: "Funding source",
            group: "Task group",
            amount: "Amount",
            total: "Total",
            metrics: "Framework thresholds and deadlines",
            requirement: "Requirement",
            implementation: "Implementation",
            targets_word: "Targets",
            tasks_word: "Tasks",
            projects_word: "Projects",
            disbursed: "Disbursed / planned by funding source (million VND)",
            met: "met",
            unmet: "NOT MET",
            issued_before: "Issued before",
        },
    }
}

fn state(r: &Row, w: &Words) -> String {
    match r.status() {
        "covered" => w.covered.into(),
        "not-applicable" => format!(
            "{}: {}",
            w.not_applicable,
            r.not_applicable.clone().unwrap_or_default()
        ),
        _ => w.uncovered.into(),
    }
}

fn rows(c: &Coverage, w: &Words) -> Vec<[String; 6]> {
    c.priority_tasks
        .iter()
        .map(|r| {
            [
                r.id.clone(),
                r.label.clone(),
                cell(&r.tasks),
                cell(&r.projects),
                cell(&r.targets),
                state(r, w),
            ]
        })
        .collect()
}

/// "Ban hành trước ngày 10/12/2022: đạt", when the plan has its date.
fn issue_line(c: &Coverage, w: &Words) -> Option<(String, &'static str)> {
    let word = if c.issued_in_time? { w.met } else { w.unmet };
    Some((format!("{} {}", w.issued_before, c.issue_before), word))
}

/// "đạt (MT20)", "đạt (NV-7.4.02)", "CHƯA ĐẠT".
fn metric_state(m: &crate::model::metrics::MetricStatus, w: &Words) -> String {
    let word = if m.met { w.met } else { w.unmet };
    if m.by.is_empty() {
        word.to_string()
    } else {
        format!("{word} ({})", m.by.join(", "))
    }
}

/// Markdown, for a pull-request comment or `$GITHUB_STEP_SUMMARY`.
pub fn markdown(c: &Coverage, lang: Lang) -> String {
    let w = words(lang);
    let mut s = format!(
        "### {}\n\n| {} |\n|---|---|---|---|---|---|\n",
        (w.summary)(c),
        w.head.join(" | ")
    );
    for r in rows(c, &w) {
        let cells: Vec<String> = r.iter().map(|x| x.replace('|', "/")).collect();
        s.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    s.push_str(&format!(
        "\n### {}\n\n| {} | {} |\n|---|---:|\n",
        w.by_source, w.source, w.amount
    ));
    for (k, v) in &c.by_source {
        s.push_str(&format!("| {k} | {} |\n", format_amount(*v)));
    }
    s.push_str(&format!(
        "| **{}** | **{}** |\n",
        w.total,
        format_amount(c.total)
    ));
    s.push_str(&format!(
        "\n### {}\n\n| {} | {} |\n|---|---:|\n",
        w.by_group, w.group, w.amount
    ));
    for (k, v) in &c.by_group {
        s.push_str(&format!("| {k} | {} |\n", format_amount(*v)));
    }
    if let Some(i) = &c.implementation {
        s.push_str(&format!("\n```{}```\n", implementation_text(i, &w)));
    }
    let issue = issue_line(c, &w);
    if !c.metrics.is_empty() || issue.is_some() {
        s.push_str(&format!(
            "\n### {}\n\n| {} | {} |\n|---|---|\n",
            w.metrics, w.requirement, w.head[5]
        ));
        if let Some((label, state)) = &issue {
            s.push_str(&format!("| {label} | {state} |\n"));
        }
        for m in &c.metrics {
            s.push_str(&format!(
                "| {} | {} |\n",
                m.label.replace('|', "/"),
                metric_state(m, &w)
            ));
        }
    }
    s
}

/// A plain table for a terminal, columns padded by character count.
pub fn table(c: &Coverage, lang: Lang) -> String {
    let w = words(lang);
    let header = w.head.map(String::from);
    let rows = rows(c, &w);
    let mut widths = header.clone().map(|h| h.chars().count());
    for r in &rows {
        for (i, v) in r.iter().enumerate() {
            widths[i] = widths[i].max(v.chars().count()).min(48);
        }
    }
    let line = |cols: &[String]| -> String {
        cols.iter()
            .enumerate()
            .map(|(i, v)| {
                let v: String = v.chars().take(48).collect();
                let pad = widths[i].saturating_sub(v.chars().count());
                format!("{v}{}", " ".repeat(pad))
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut s = format!("{}\n\n{}\n", (w.summary)(c), line(&header));
    for r in &rows {
        s.push_str(&line(r));
        s.push('\n');
    }
    s.push_str(&format!("\n{}:\n", w.by_source));
    for (k, v) in &c.by_source {
        s.push_str(&format!("  {k:<24} {:>14}\n", format_amount(*v)));
    }
    s.push_str(&format!(
        "  {:<24} {:>14}\n",
        w.total,
        format_amount(c.total)
    ));
    s.push_str(&format!("\n{}:\n", w.by_group));
    for (k, v) in &c.by_group {
        s.push_str(&format!("  {k:<32} {:>14}\n", format_amount(*v)));
    }
    let issue = issue_line(c, &w);
    if !c.metrics.is_empty() || issue.is_some() {
        s.push_str(&format!("\n{}:\n", w.metrics));
        if let Some((label, state)) = &issue {
            s.push_str(&format!("  {label}: {state}\n"));
        }
        for m in &c.metrics {
            s.push_str(&format!("  {}: {}\n", m.label, metric_state(m, &w)));
        }
    }
    if let Some(i) = &c.implementation {
        s.push_str(&implementation_text(i, &w));
    }
    s
}

/// The implementation view as text (the table and the Markdown share it).
fn implementation_text(i: &Implementation, w: &Words) -> String {
    let pct = |n: usize| {
        if i.targets_total == 0 {
            "0".to_string()
        } else {
            format_amount((n as f64 * 1000.0 / i.targets_total as f64).round() / 10.0)
        }
    };
    let mut s = format!("\n{}:\n", w.implementation);
    s.push_str(&format!("  {}:", w.targets_word));
    for (name, n) in &i.targets {
        s.push_str(&format!(" {name} {n} ({}%);", pct(*n)));
    }
    s.pop();
    s.push('\n');
    for (label, rows) in [(w.tasks_word, &i.tasks), (w.projects_word, &i.projects)] {
        let parts: Vec<String> = rows
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(name, n)| format!("{name} {n}"))
            .collect();
        s.push_str(&format!("  {label}: {}\n", parts.join("; ")));
    }
    s.push_str(&format!("  {}:\n", w.disbursed));
    for (source, planned, done) in &i.disbursed {
        s.push_str(&format!(
            "    {source:<24} {:>12} / {:>12}\n",
            format_amount(*done),
            format_amount(*planned)
        ));
    }
    s
}
