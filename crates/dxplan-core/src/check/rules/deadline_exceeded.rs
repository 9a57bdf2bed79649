//! Targets tied to a framework deadline meet it.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Severity, Violation};
use crate::lang::Msg;
use crate::model::Target;
use crate::model::values::{Period, period};
use crate::msg;
use crate::source::SourceId;

crate::declare_rule! {
    /// Kiểm tra: mục tiêu gắn với một thời hạn của Khung (`metric: phe-duyet-cap-do` — phê duyệt cấp
    /// độ an toàn hệ thống thông tin trong Quý I/2023; `metric: trien-khai-phuong-an-cap-do` — triển
    /// khai phương án theo cấp độ muộn nhất trong Quý III/2023) có `deadline` không muộn hơn thời hạn
    /// đó; và mỗi thời hạn của Khung có một mục tiêu gắn với nó — hoặc một nhiệm vụ thực hiện NV20
    /// (hoặc gắn `metric:`) có thời gian thực hiện kết thúc không muộn hơn thời hạn, như kế hoạch thật
    /// hay viết ở tiểu mục 7.1. `dxplan status` cho biết nhiệm vụ hay mục tiêu nào đáp ứng.
    ///
    /// Vì sao: nhiệm vụ trọng tâm NV20 của Văn bản 5406/BTTTT-CĐSQG đặt các mốc này. Phần II.III.7.1
    /// của Khung ghi „trước tháng 6 năm 2023” cho việc triển khai; dxplan dùng mốc muộn hơn của thư
    /// (Quý III/2023) làm ngưỡng lỗi (docs/DECISIONS.md).
    ///
    /// Ví dụ sai: `metric: phe-duyet-cap-do` với `deadline: Quý II/2023`.
    /// Sửa: `deadline: Quý I/2023`.
    DEADLINE_EXCEEDED {
        code: "DX071",
        name: "deadline-exceeded",
        severity: Error,
        locked: true,
        summary: ("Thời hạn muộn hơn thời hạn của Khung", "Deadline later than the framework's"),
        clause: "Văn bản 5406/BTTTT-CĐSQG, NV20",
        en: "Checks the framework's deadlines (security levels approved in Q1/2023; protection plans deployed by Q3/2023 — NV20): a target tied with `metric:` must exist with a deadline no later, or a task implementing NV20 (or tied with `metric:`) must end by it. Why: priority task NV20 of letter 5406 sets these dates. Fix: `deadline: Quý I/2023`.",
    }
}

/// A finding of DX071 for one framework deadline (`metric`), with what it is about.
struct Late<'a> {
    what: What,
    /// The framework's deadline as it writes it ("Quý I/2023") and its words.
    deadline: &'a str,
    quote: &'a str,
    clause: &'a str,
    /// The plan was issued after the deadline (its date): it cannot meet it any more, which the
    /// author cannot fix — a warning, not the locked error.
    passed_when_issued: Option<String>,
}

enum What {
    /// No target plans it, and the task tied to it ends later.
    TaskLate {
        task: String,
        timeframe: String,
        label: String,
    },
    /// Neither a target nor a task plans it.
    NothingPlanned {
        label: String,
        metric: String,
        /// The priority task whose tasks may meet it ("NV20").
        priority_task: Option<String>,
    },
    TargetWithoutDeadline {
        target: String,
    },
    TargetLate {
        written: String,
    },
    Unreadable {
        written: String,
        year: i32,
    },
}

impl Violation for Late<'_> {
    fn rule(&self) -> &'static Rule {
        &DEADLINE_EXCEEDED
    }

    fn message(&self) -> Msg {
        let deadline = self.deadline;
        let m = match &self.what {
            What::TaskLate {
                task,
                timeframe,
                label,
            } => msg!(
                "Nhiệm vụ {task} gắn với „{label}” có thời gian „{timeframe}”, muộn hơn thời hạn của Khung ({deadline})",
                "Task {task} is tied to „{label}” with timeframe „{timeframe}”, later than the framework's ({deadline})"
            ),
            What::NothingPlanned { label, .. } => msg!(
                "Kế hoạch chưa có mục tiêu hay nhiệm vụ nào cho „{label}” (thời hạn {deadline})",
                "No target or task plans „{label}” (deadline {deadline})"
            ),
            What::TargetWithoutDeadline { target } => msg!(
                "Mục tiêu {target} chưa có thời hạn (`deadline`)",
                "Target {target} has no `deadline`"
            ),
            What::TargetLate { written } => msg!(
                "Thời hạn „{written}” muộn hơn thời hạn của Khung ({deadline})",
                "The deadline „{written}” is later than the framework's ({deadline})"
            ),
            What::Unreadable { written, .. } => msg!(
                "Không đọc được thời hạn „{written}”",
                "Cannot read the deadline „{written}”"
            ),
        };
        match &self.passed_when_issued {
            None => m,
            Some(when) => Msg::new(
                format!(
                    "{} — thời hạn {deadline} đã qua khi ban hành kế hoạch ({when})",
                    m.vi
                ),
                format!(
                    "{} — the deadline {deadline} had passed when the plan was issued ({when})",
                    m.en
                ),
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        let (deadline, quote) = (self.deadline, self.quote);
        Some(match &self.what {
            What::TaskLate { .. } | What::TargetLate { .. } => {
                msg!("Khung: „{quote}”", "Framework: „{quote}”")
            }
            What::NothingPlanned {
                metric,
                priority_task,
                ..
            } => {
                let (pt, pt_en) = match priority_task {
                    Some(p) => (
                        format!(
                            ", hoặc một nhiệm vụ thực hiện {p} có thời gian kết thúc không muộn hơn"
                        ),
                        format!(", or a task implementing {p} that ends no later"),
                    ),
                    None => (String::new(), String::new()),
                };
                msg!(
                    "Thêm mục tiêu có `metric: {metric}` và `deadline: {deadline}`{pt}. Khung: „{quote}”",
                    "Add a target with `metric: {metric}` and `deadline: {deadline}`{pt_en}. Framework: „{quote}”"
                )
            }
            What::TargetWithoutDeadline { .. } => msg!(
                "Thêm `deadline: {deadline}` hoặc sớm hơn.",
                "Add `deadline: {deadline}` or earlier."
            ),
            What::Unreadable { year, .. } => msg!(
                "Viết như „Quý I/{year}” hoặc „31/3/{year}”.",
                "Write e.g. „Quý I/{year}” or „31/3/{year}”."
            ),
        })
    }

    fn severity(&self) -> Severity {
        match self.passed_when_issued {
            Some(_) => Severity::Warning,
            None => DEADLINE_EXCEEDED.severity,
        }
    }

    fn clause(&self) -> Option<String> {
        Some(self.clause.to_string())
    }
}

pub fn check(ctx: &mut Ctx) {
    let plan = ctx.plan;
    let year = plan.year();
    let Some(targets_section) = plan
        .sections
        .iter()
        .find(|s| matches!(s.content, crate::model::Content::Targets(_)))
    else {
        return;
    };
    if plan.targets().next().is_none() {
        return;
    }
    // The plan's own date (its signing, or its decision's).
    let issued = plan.issued_on();
    let mut out = Vec::new();
    for m in &ctx.fw.metrics {
        let Some(deadline) = &m.deadline else {
            continue;
        };
        let Some(limit) = period(deadline, year) else {
            continue;
        };
        let clause = format!("{}, {}", ctx.fw.id, m.clause);
        let passed_when_issued = issued
            .filter(|i| (i.year, i.month) > limit.end)
            .map(|i| i.short());
        let ev = plan.metric_evidence(m);
        if ev.met_by_task() {
            continue; // a task of the priority task ends by the deadline
        }
        let mut found: Vec<(What, SourceId, std::ops::Range<usize>)> = Vec::new();
        if ev.targets.is_empty() {
            match ev.failing_tasks.first() {
                Some((s, t)) => found.push((
                    What::TaskLate {
                        task: t.id.value.clone(),
                        timeframe: t.timeframe.value.clone(),
                        label: m.label.clone(),
                    },
                    s.source,
                    t.timeframe.span.clone(),
                )),
                None => found.push((
                    What::NothingPlanned {
                        label: m.label.clone(),
                        metric: m.id.clone(),
                        priority_task: m.priority_task.clone(),
                    },
                    targets_section.source,
                    targets_section.span.clone(),
                )),
            }
        }
        for (s, t) in ev.targets {
            found.extend(target_deadline(t, &limit, year).map(|(w, span)| (w, s.source, span)));
        }
        for (what, source, span) in found {
            let late = Late {
                what,
                deadline,
                quote: &m.quote,
                clause: &clause,
                passed_when_issued: passed_when_issued.clone(),
            };
            out.push(Diagnostic::of(&late).at(source, span));
        }
    }
    ctx.report_all(out);
}

/// What is wrong with one target of the metric, and where: its deadline missing, later or
/// unreadable.
fn target_deadline(
    t: &Target,
    limit: &Period,
    year: i32,
) -> Option<(What, std::ops::Range<usize>)> {
    let Some(d) = &t.deadline else {
        let target = t.id.value.clone();
        return Some((What::TargetWithoutDeadline { target }, t.id.span.clone()));
    };
    let written = d.value.clone();
    match period(&d.value, year) {
        Some(p) if p.end <= limit.end => None,
        Some(_) => Some((What::TargetLate { written }, d.span.clone())),
        None => Some((What::Unreadable { written, year }, d.span.clone())),
    }
}
