//! A result cannot be recorded after the report that presents it.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::load::Sp;
use crate::model::values::date;
use crate::msg;
use crate::source::SourceId;

crate::declare_rule! {
    /// Kiểm tra: ngày ghi kết quả (`result.date` của mục tiêu, nhiệm vụ, dự án) không sau ngày báo
    /// cáo (`[report] date`).
    ///
    /// Vì sao: báo cáo ngày 05/12 không thể nêu kết quả ghi nhận ngày 20/12; thường là gõ nhầm năm
    /// hoặc tháng, và người duyệt sẽ hỏi lại.
    ///
    /// Ví dụ sai: `[report] date = "2023-12-05"`, `result: {…, date: 2023-12-20}`.
    /// Sửa: ngày ghi nhận đúng, hoặc ngày báo cáo đúng.
    RESULT_AFTER_REPORT {
        code: "DX123",
        name: "result-after-report",
        severity: Warning,
        summary: ("Kết quả ghi sau ngày báo cáo", "Result dated after the report"),
        clause: "NĐ 30/2020, Phụ lục I, mục II.4",
        en: "Warns when a result (`result.date` of a target, task or project) is dated after the report (`[report] date`). Why: a report cannot present what was recorded after it; usually a mistyped year or month. Fix: the right date.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let plan = ctx.plan;
    let Some(report_date) = plan
        .config
        .as_ref()
        .and_then(|c| c.report.as_ref())
        .and_then(|r| r.date.as_ref())
        .and_then(|d| date(&d.value).ok())
    else {
        return;
    };
    let mut dates: Vec<(SourceId, &str, &Sp<String>)> = Vec::new();
    for (s, t) in plan.targets() {
        if let Some(d) = t.result.as_ref().and_then(|r| r.date.as_ref()) {
            dates.push((s.source, &t.id.value, d));
        }
    }
    for (s, t) in plan.tasks() {
        if let Some(d) = t.result.as_ref().and_then(|r| r.date.as_ref()) {
            dates.push((s.source, &t.id.value, d));
        }
    }
    for (s, p) in plan.projects() {
        if let Some(d) = p.result.as_ref().and_then(|r| r.date.as_ref()) {
            dates.push((s.source, &p.id.value, d));
        }
    }
    let mut out = Vec::new();
    for (src, id, d) in dates {
        let Ok(when) = date(&d.value) else { continue };
        if when <= report_date {
            continue;
        }
        let found = AfterReport {
            id: id.to_string(),
            dated: when.short(),
            report: report_date.short(),
        };
        out.push(Diagnostic::of(&found).at(src, d.span.clone()));
    }
    ctx.report_all(out);
}

/// A result dated after the report that should know it.
struct AfterReport {
    id: String,
    dated: String,
    report: String,
}

impl Violation for AfterReport {
    fn rule(&self) -> &'static Rule {
        &RESULT_AFTER_REPORT
    }

    fn message(&self) -> Msg {
        let (id, w, r) = (&self.id, &self.dated, &self.report);
        msg!(
            "Kết quả của {id} ghi ngày {w}, sau ngày báo cáo {r}",
            "The result of {id} is dated {w}, after the report ({r})"
        )
    }
}
