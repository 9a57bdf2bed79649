//! "Hoàn thành" agrees with the value reached.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::model::types::TargetStatus;
use crate::model::values::format_amount;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: mục tiêu được đánh giá „hoàn thành” thì giá trị đạt được không thấp hơn giá trị
    /// kế hoạch (với mục tiêu chia theo cấp: giá trị nhỏ nhất).
    ///
    /// Vì sao: câu „hoàn thành X/Y chỉ tiêu” của báo cáo đếm các đánh giá này; „hoàn thành” với 85%
    /// trên mục tiêu 90% là số liệu tự mâu thuẫn mà người duyệt sẽ trả lại.
    ///
    /// Ví dụ sai: `value: 90`, `result: {status: hoàn thành, value: 85}`.
    /// Sửa: `status: chưa hoàn thành`, hoặc giá trị đúng.
    RESULT_CONTRADICTION {
        code: "DX121",
        name: "result-contradiction",
        severity: Error,
        summary: ("Đánh giá „hoàn thành” mà chưa đạt giá trị", "„Done” below the planned value"),
        clause: "Khung kế hoạch, Phần I.I",
        en: "Checks that a target marked „hoàn thành” reached at least its planned value (the smallest level for a target split by level). Why: the report counts these; „done” at 85% of a 90% target contradicts itself. Fix: „chưa hoàn thành”, or the right value.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let mut out = Vec::new();
    for (s, t) in ctx.plan.targets() {
        let Some(r) = &t.result else { continue };
        let (Some(got), Some(want)) = (&r.value, t.effective_value()) else {
            continue;
        };
        if r.status.value != TargetStatus::Done || got.value >= want.value {
            continue;
        }
        let (id, g, w) = (
            &t.id.value,
            format_amount(got.value),
            format_amount(want.value),
        );
        let found = DoneBelowPlan {
            target: id.clone(),
            reached: g,
            planned: w,
        };
        out.push(Diagnostic::of(&found).at(s.source, r.status.span.clone()));
    }
    ctx.report_all(out);
}

/// "hoàn thành" with a value below the plan's.
struct DoneBelowPlan {
    target: String,
    reached: String,
    planned: String,
}

impl Violation for DoneBelowPlan {
    fn rule(&self) -> &'static Rule {
        &RESULT_CONTRADICTION
    }

    fn message(&self) -> Msg {
        let (id, g, w) = (&self.target, &self.reached, &self.planned);
        msg!(
            "{id} được đánh giá „hoàn thành” nhưng mới đạt {g} trên {w} kế hoạch",
            "{id} is marked „hoàn thành” but reached {g} of the planned {w}"
        )
    }

    fn hint(&self) -> Option<Msg> {
        Some(msg!(
            "Đổi thành „chưa hoàn thành”, hoặc sửa giá trị đạt được.",
            "Change it to „chưa hoàn thành”, or correct the value."
        ))
    }
}
