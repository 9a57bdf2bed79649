//! Targets tied to a framework deadline meet it.

use crate::check::Ctx;
use crate::diag::Diagnostic;
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
        let first = out.len();
        'metric: {
            let clause = format!("{}, {}", ctx.fw.id, m.clause);
            let (label, id, quote) = (&m.label, &m.id, &m.quote);
            let ev = plan.metric_evidence(m);
            if ev.met_by_task() {
                break 'metric; // a task of the priority task ends by the deadline
            }
            if ev.targets.is_empty()
                && let Some((s, t)) = ev.failing_tasks.first()
            {
                out.push(
                    Diagnostic::new(
                        &DEADLINE_EXCEEDED,
                        msg!(
                            "Nhiệm vụ {} gắn với „{label}” có thời gian „{}”, muộn hơn thời hạn của Khung ({deadline})",
                            "Task {} is tied to „{label}” with timeframe „{}”, later than the framework's ({deadline})",
                            t.id.value,
                            t.timeframe.value
                        ),
                    )
                    .at(s.source, t.timeframe.span.clone())
                    .hint(msg!("Khung: „{quote}”", "Framework: „{quote}”"))
                    .clause(clause),
                );
                break 'metric;
            }
            if ev.targets.is_empty() {
                let pt = m
                    .priority_task
                    .as_deref()
                    .map(|p| {
                        format!(
                            ", hoặc một nhiệm vụ thực hiện {p} có thời gian kết thúc không muộn hơn"
                        )
                    })
                    .unwrap_or_default();
                let pt_en = m
                    .priority_task
                    .as_deref()
                    .map(|p| format!(", or a task implementing {p} that ends no later"))
                    .unwrap_or_default();
                out.push(
                    Diagnostic::new(&DEADLINE_EXCEEDED, msg!(
                        "Kế hoạch chưa có mục tiêu hay nhiệm vụ nào cho „{label}” (thời hạn {deadline})",
                        "No target or task plans „{label}” (deadline {deadline})"
                    ))
                    .at(targets_section.source, targets_section.span.clone())
                    .hint(msg!(
                        "Thêm mục tiêu có `metric: {id}` và `deadline: {deadline}`{pt}. Khung: „{quote}”",
                        "Add a target with `metric: {id}` and `deadline: {deadline}`{pt_en}. Framework: „{quote}”"
                    ))
                    .clause(clause),
                );
                break 'metric;
            }
            for (s, t) in ev.targets {
                out.extend(target_deadline(
                    t, s.source, deadline, &limit, year, quote, &clause,
                ));
            }
        }
        // A plan issued after the deadline cannot meet it: said, as a warning the author can act
        // on, not a locked error.
        if let Some(issued) = issued
            && (issued.year, issued.month) > limit.end
        {
            let when = issued.short();
            for d in &mut out[first..] {
                d.severity = crate::diag::Severity::Warning;
                d.message = crate::lang::Msg::new(
                    format!(
                        "{} — thời hạn {deadline} đã qua khi ban hành kế hoạch ({when})",
                        d.message.vi
                    ),
                    format!(
                        "{} — the deadline {deadline} had passed when the plan was issued ({when})",
                        d.message.en
                    ),
                );
            }
        }
    }
    ctx.report_all(out);
}

/// The finding for one target of the metric, if its deadline is missing, later or unreadable.
fn target_deadline(
    t: &Target,
    source: SourceId,
    deadline: &str,
    limit: &Period,
    year: i32,
    quote: &str,
    clause: &str,
) -> Option<Diagnostic> {
    let Some(d) = &t.deadline else {
        return Some(
            Diagnostic::new(
                &DEADLINE_EXCEEDED,
                msg!(
                    "Mục tiêu {} chưa có thời hạn (`deadline`)",
                    "Target {} has no `deadline`",
                    t.id.value
                ),
            )
            .at(source, t.id.span.clone())
            .hint(msg!(
                "Thêm `deadline: {deadline}` hoặc sớm hơn.",
                "Add `deadline: {deadline}` or earlier."
            ))
            .clause(clause.to_string()),
        );
    };
    match period(&d.value, year) {
        Some(p) if p.end <= limit.end => None,
        Some(_) => Some(
            Diagnostic::new(
                &DEADLINE_EXCEEDED,
                msg!(
                    "Thời hạn „{}” muộn hơn thời hạn của Khung ({deadline})",
                    "The deadline „{}” is later than the framework's ({deadline})",
                    d.value
                ),
            )
            .at(source, d.span.clone())
            .hint(msg!("Khung: „{quote}”", "Framework: „{quote}”"))
            .clause(clause.to_string()),
        ),
        None => Some(
            Diagnostic::new(
                &DEADLINE_EXCEEDED,
                msg!(
                    "Không đọc được thời hạn „{}”",
                    "Cannot read the deadline „{}”",
                    d.value
                ),
            )
            .at(source, d.span.clone())
            .hint(msg!(
                "Viết như „Quý I/{year}” hoặc „31/3/{year}”.",
                "Write e.g. „Quý I/{year}” or „31/3/{year}”."
            ))
            .clause(clause.to_string()),
        ),
    }
}
