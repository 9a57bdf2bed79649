//! Once a report is prepared, targets without a result are what is left to record.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::msg;

crate::declare_rule! {
    /// Thông tin: khi `dxplan.toml` có `[report]` (đang chuẩn bị báo cáo kết quả), liệt kê các mục
    /// tiêu chưa ghi `result` — chúng sẽ hiện là „chưa có thông tin đánh giá” trong báo cáo.
    ///
    /// Vì sao: báo cáo đếm „hoàn thành X/Y chỉ tiêu” từ dữ liệu; mục tiêu chưa có kết quả không sai,
    /// nhưng là việc còn phải ghi trước khi ban hành báo cáo.
    ///
    /// Ví dụ: mục tiêu MT05 không có `result`.
    /// Sửa: `result: {status: hoàn thành, value: 70, date: 2023-11-30}`.
    RESULT_MISSING {
        code: "DX122",
        name: "result-missing",
        severity: Info,
        summary: ("Mục tiêu chưa có kết quả", "Target without a result"),
        clause: "Khung kế hoạch, Phần I.I",
        en: "Info only: when dxplan.toml has `[report]`, lists the targets with no `result` yet; the report shows them as „chưa có thông tin đánh giá”. Why: the report's counts come from the data; a missing result is work left before the report is issued.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let plan = ctx.plan;
    if plan.config.as_ref().is_none_or(|c| c.report.is_none()) {
        return;
    }
    let missing: Vec<_> = plan.targets().filter(|(_, t)| t.result.is_none()).collect();
    let Some((first_section, first)) = missing.first() else {
        return;
    };
    let n = missing.len();
    let ids: Vec<&str> = missing.iter().map(|(_, t)| t.id.value.as_str()).collect();
    let list = ids.join(", ");
    let found = NoResult {
        count: n,
        ids: list,
    };
    ctx.report(Diagnostic::of(&found).at(first_section.source, first.id.span.clone()));
}

/// Targets without a result, once the plan reports on itself.
struct NoResult {
    count: usize,
    /// "MT03, MT07".
    ids: String,
}

impl Violation for NoResult {
    fn rule(&self) -> &'static Rule {
        &RESULT_MISSING
    }

    fn message(&self) -> Msg {
        let (n, list) = (self.count, &self.ids);
        msg!(
            "{n} mục tiêu chưa có kết quả: {list}",
            "{n} targets have no result yet: {list}"
        )
    }
}
