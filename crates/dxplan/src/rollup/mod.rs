//! `dxplan rollup`: many plan directories into the tables the central agency compiles by hand
//! today (overview, priority-task matrix, thresholds, budget, every target and project). Each
//! plan is compiled exactly as `check` does it, in parallel; a plan that cannot be read is a row
//! with its error. The answers come from the same model as `status` (`Plan::priority_coverage`,
//! `Plan::metric_status`, `Plan::investment`), so the roll-up and `status` never disagree.

pub mod html;
pub mod markdown;
pub mod xlsx;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use dxplan_core::diag::Summary;
use dxplan_core::model::Plan;
use dxplan_core::model::metrics::MetricStatus;
use dxplan_core::model::values::amount;

/// The version of the JSON shape (`docs/INTEGRATIONS.md`).
pub const VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct Rollup {
    pub version: u32,
    /// The priority tasks of the framework, in order (the matrix's columns).
    pub priority_tasks: Vec<String>,
    pub plans: Vec<PlanRow>,
    /// Sum over the plans that could be read, by funding source.
    pub total_by_source: Vec<(String, f64)>,
    pub total: f64,
}

#[derive(Debug, Serialize)]
pub struct PlanRow {
    /// The directory as given.
    pub dir: String,
    /// Why the plan could not be read at all.
    pub error: Option<String>,
    pub issuer: String,
    /// "bo" or "tinh" (the `level` of dxplan.toml; tables print [`PlanRow::level_words`]).
    pub level: String,
    pub number: String,
    pub date: String,
    /// Issued by the framework's deadline (`None`: no date yet).
    pub on_time: Option<bool>,
    pub framework: String,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub targets: usize,
    pub tasks: usize,
    pub projects: usize,
    pub total: f64,
    pub by_source: Vec<(String, f64)>,
    pub by_group: Vec<(String, f64)>,
    /// One state per priority task, in the framework's order.
    pub priority: Vec<TaskState>,
    /// The plan's framework has no list of priority tasks (known in part): its matrix row is
    /// "chưa rõ" in every column, filled in once the columns are known.
    #[serde(skip)]
    pub tasks_unknown: bool,
    pub metrics: Vec<MetricStatus>,
    /// Once results are recorded: targets "hoàn thành", and the amount disbursed (triệu đồng).
    pub targets_done: usize,
    pub disbursed: f64,
    pub target_rows: Vec<TargetRow>,
    pub project_rows: Vec<ProjectRow>,
}

/// What a plan does about one priority task. Words only where a printer writes them (JSON keeps
/// the words it always had: "có", "không áp dụng: <lý do>", "chưa có").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskState {
    Covered,
    /// Declared not applicable, with the reason.
    NotApplicable(String),
    Missing,
    /// The plan's framework is known in part and has no list of priority tasks (DX013): nothing
    /// to say, and not "chưa có".
    Unknown,
}

impl TaskState {
    /// For a matrix cell: "có", "không áp dụng", "chưa có".
    pub fn short(&self) -> &'static str {
        match self {
            TaskState::Covered => "có",
            TaskState::NotApplicable(_) => "không áp dụng",
            TaskState::Missing => "chưa có",
            TaskState::Unknown => "chưa rõ",
        }
    }

    /// In full: the not-applicable reason included.
    pub fn words(&self) -> String {
        match self {
            TaskState::NotApplicable(r) => format!("không áp dụng: {r}"),
            TaskState::Unknown => {
                "chưa rõ: Khung của kế hoạch chưa có danh sách nhiệm vụ trọng tâm".into()
            }
            s => s.short().to_string(),
        }
    }
}

impl Serialize for TaskState {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.words())
    }
}

/// Per priority task, over the plans that could be read: how many address it, declare it not
/// applicable, and have nothing for it (the matrix's totals row and the page's chart).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskTotals {
    pub id: String,
    pub covered: usize,
    pub not_applicable: usize,
    pub missing: usize,
}

impl Rollup {
    pub fn task_totals(&self) -> Vec<TaskTotals> {
        let readable: Vec<_> = self.plans.iter().filter(|p| p.error.is_none()).collect();
        self.priority_tasks
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let mut t = TaskTotals {
                    id: id.clone(),
                    covered: 0,
                    not_applicable: 0,
                    missing: 0,
                };
                for p in &readable {
                    match p.priority.get(i) {
                        Some(TaskState::Covered) => t.covered += 1,
                        Some(TaskState::NotApplicable(_)) => t.not_applicable += 1,
                        Some(TaskState::Unknown) => {}
                        _ => t.missing += 1,
                    }
                }
                t
            })
            .collect()
    }
}

impl PlanRow {
    /// Priority tasks the plan addresses (the matrix's totals column).
    pub fn covered(&self) -> usize {
        self.priority
            .iter()
            .filter(|s| **s == TaskState::Covered)
            .count()
    }

    /// "Bộ", "Tỉnh" for the tables a person reads; JSON keeps the code.
    pub fn level_words(&self) -> &'static str {
        match self.level.as_str() {
            "bo" => dxplan_core::model::Level::Bo.words(),
            "tinh" => dxplan_core::model::Level::Tinh.words(),
            _ => "",
        }
    }
}

#[derive(Debug, Serialize)]
pub struct TargetRow {
    pub id: String,
    pub group: String,
    pub text: String,
    /// The planned number of a single-value target (none for a target split by level: see
    /// `planned`, never its smallest level).
    pub value: Option<f64>,
    /// The planned value in the plan's words: qualifier, digits, every level.
    pub planned: String,
    /// What was reached, in words (per level when the result is).
    pub reached: String,
    pub unit: String,
    pub deadline: String,
    pub result: String,
}

#[derive(Debug, Serialize)]
pub struct ProjectRow {
    pub id: String,
    pub name: String,
    pub lead: String,
    pub timeframe: String,
    pub investment: Option<f64>,
    pub funding: String,
    pub status: String,
}

/// The plan directories under the arguments: a directory with a dxplan.toml is a plan; one
/// without is a folder of plans (its subdirectories, sorted).
pub fn plan_dirs(args: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for a in args {
        if a.join("dxplan.toml").exists() || !a.is_dir() {
            out.push(a.clone());
            continue;
        }
        let mut subs: Vec<PathBuf> = std::fs::read_dir(a)
            .map(|rd| {
                rd.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.join("dxplan.toml").exists())
                    .collect()
            })
            .unwrap_or_default();
        subs.sort();
        out.extend(subs);
    }
    out
}

/// Compiles every plan (in parallel; `progress` is told of each one done) and rolls them up.
pub fn rollup(dirs: &[PathBuf], progress: &(dyn Fn() + Sync)) -> Rollup {
    let each = || -> Vec<PlanRow> {
        dirs.par_iter()
            .map(|d| {
                let row = plan_row(d);
                progress();
                row
            })
            .collect()
    };
    // A pool of our own: a plan's layout.typ is compiled by typst, which uses rayon's global
    // pool; were the plans on that pool too, every worker would wait for a compile that waits
    // for a worker (two plans with layouts stalled until the 60 s limit, then failed).
    let mut plans: Vec<PlanRow> = match rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("rollup-{i}"))
        .build()
    {
        Ok(pool) => pool.install(each),
        Err(_) => each(),
    };
    // Ministries first, then provinces; by issuer; unreadable plans last, by directory.
    plans.sort_by(|a, b| {
        (a.error.is_some(), &a.level, &a.issuer, &a.dir).cmp(&(
            b.error.is_some(),
            &b.level,
            &b.issuer,
            &b.dir,
        ))
    });
    let fw = dxplan_core::framework::Framework::builtin(dxplan_core::model::DEFAULT_FRAMEWORK)
        .expect("the default framework is built in");
    for p in plans.iter_mut().filter(|p| p.tasks_unknown) {
        p.priority = vec![TaskState::Unknown; fw.priority_tasks.len()];
    }
    let mut total_by_source: Vec<(String, f64)> = Vec::new();
    for p in plans.iter().filter(|p| p.error.is_none()) {
        for (s, v) in &p.by_source {
            match total_by_source.iter_mut().find(|(k, _)| k == s) {
                Some((_, t)) => *t += v,
                None => total_by_source.push((s.clone(), *v)),
            }
        }
    }
    let total = plans.iter().map(|p| p.total).sum::<f64>() + 0.0;
    Rollup {
        version: VERSION,
        priority_tasks: fw.priority_tasks.iter().map(|p| p.id.clone()).collect(),
        plans,
        total_by_source,
        total,
    }
}

fn plan_row(dir: &Path) -> PlanRow {
    let shown = dir.display().to_string();
    // A plan directory that is a link is reported, not followed: a folder of plans from a pull
    // request could point it anywhere.
    let linked = std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink());
    let compiled = if linked {
        Err(dxplan_core::load::IoFailure {
            path: dir.to_path_buf(),
            error: std::io::Error::other(
                "liên kết tượng trưng, không đọc (symbolic link, not followed)",
            ),
        })
    } else {
        dxplan_render::compile(dir, &dxplan_core::compose::Options { draft: false })
    };
    match compiled {
        Ok(c) => row_of(shown, &c.plan, &c.diags),
        Err(e) => PlanRow {
            dir: shown,
            error: Some(format!("{}: {}", e.path.display(), e.error)),
            issuer: String::new(),
            level: String::new(),
            number: String::new(),
            date: String::new(),
            on_time: None,
            framework: String::new(),
            errors: 0,
            warnings: 0,
            infos: 0,
            targets: 0,
            tasks: 0,
            projects: 0,
            total: 0.0,
            by_source: Vec::new(),
            by_group: Vec::new(),
            priority: Vec::new(),
            tasks_unknown: false,
            metrics: Vec::new(),
            targets_done: 0,
            disbursed: 0.0,
            target_rows: Vec::new(),
            project_rows: Vec::new(),
        },
    }
}

fn row_of(dir: String, plan: &Plan, diags: &[dxplan_core::diag::Diagnostic]) -> PlanRow {
    let s = Summary::of(diags);
    let c = plan.config.as_ref();
    // The plan's own số and date, or its decision's (Plan::issue).
    let issue = plan.issue(dxplan_core::model::DocKind::Plan);
    let number = match issue.number {
        Some(_) => issue.number_symbol(false),
        None => String::new(),
    };
    let issued_date = issue.on();
    let on_time = plan.issued_in_time();
    let inv = plan.investment();
    let fw = &plan.framework;
    // The matrix's columns are the default framework's tasks: a plan whose framework has no list
    // (6074, 3816, 5511 as far as they are known) says "chưa rõ" in each.
    // The matrix's columns are the default framework's tasks: a plan whose framework has no list
    // (6074, 3816, 5511 as far as they are known) is "chưa rõ" in each (filled in by `rollup`).
    let tasks_unknown = !fw.knows_priority_tasks();
    let priority = fw
        .priority_tasks
        .iter()
        .map(|pt| {
            let cov = plan.priority_coverage(&pt.id);
            if cov.covered() {
                TaskState::Covered
            } else if let Some(r) = cov.not_applicable {
                TaskState::NotApplicable(r.to_string())
            } else {
                TaskState::Missing
            }
        })
        .collect();
    let by_group = inv
        .by_group
        .iter()
        .filter_map(|(slug, v)| {
            let h = &fw.section(slug)?.heading;
            Some((format!("{}. {}", h.number, h.title), *v))
        })
        .collect();
    PlanRow {
        dir,
        error: None,
        issuer: c
            .map(|c| c.issuer.full_name.value.clone())
            .unwrap_or_default(),
        level: plan.level().map(|l| l.code()).unwrap_or("").to_string(),
        number,
        date: issued_date.map(|d| d.dmy()).unwrap_or_default(),
        on_time,
        framework: fw.id.clone(),
        errors: s.errors,
        warnings: s.warnings,
        infos: s.infos,
        targets: plan.targets().count(),
        tasks: plan.tasks().count(),
        projects: plan.projects().count(),
        total: inv.total,
        by_source: inv.by_source.clone(),
        by_group,
        priority,
        tasks_unknown,
        metrics: fw.metrics.iter().map(|m| plan.metric_status(m)).collect(),
        targets_done: plan
            .targets()
            .filter(|(_, t)| {
                t.result.as_ref().is_some_and(|r| {
                    r.status.value == dxplan_core::model::types::TargetStatus::Done
                })
            })
            .count(),
        disbursed: plan.disbursed(None),
        target_rows: target_rows(plan),
        project_rows: project_rows(plan),
    }
}

/// An optional text field, trimmed ("" when absent).
fn text(t: Option<&dxplan_core::load::Sp<String>>) -> String {
    t.map(|x| x.value.trim().to_string()).unwrap_or_default()
}

/// Every target of a plan, one row each.
fn target_rows(plan: &Plan) -> Vec<TargetRow> {
    plan.targets()
        .map(|(_, t)| TargetRow {
            id: t.id.value.clone(),
            group: text(t.group.as_ref()),
            text: t.text.value.trim().to_string(),
            value: t.value.as_ref().map(|v| v.value),
            planned: t.planned_words().unwrap_or_default(),
            reached: t
                .result
                .as_ref()
                .map(|r| t.reached_words(r))
                .unwrap_or_default(),
            unit: text(t.unit.as_ref()),
            deadline: text(t.deadline.as_ref()),
            result: t
                .result
                .as_ref()
                .map(|r| r.status.value.words().to_string())
                .unwrap_or_default(),
        })
        .collect()
}

/// Every project of a plan, one row each.
fn project_rows(plan: &Plan) -> Vec<ProjectRow> {
    plan.projects()
        .map(|(_, p)| ProjectRow {
            id: p.id.value.clone(),
            name: p.name.value.trim().to_string(),
            lead: text(p.lead.as_ref()),
            timeframe: text(p.timeframe.as_ref()),
            investment: p.investment.as_ref().and_then(|a| amount(&a.value)),
            funding: text(p.funding.as_ref()),
            status: p
                .result
                .as_ref()
                .map(|r| r.status.value.words().to_string())
                .unwrap_or_default(),
        })
        .collect()
}
