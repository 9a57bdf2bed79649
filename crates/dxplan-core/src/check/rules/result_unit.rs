//! A result is measured in its target's unit.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: kết quả của một mục tiêu (`result`) ghi cùng đơn vị với mục tiêu.
    ///
    /// Vì sao: „đạt 85” so với mục tiêu „90%” chỉ so được khi cùng đơn vị; báo cáo kết quả và câu
    /// „hoàn thành X/Y chỉ tiêu” đọc các số này.
    ///
    /// Ví dụ sai: mục tiêu `unit: "%"`, kết quả `unit: hồ sơ`.
    /// Sửa: ghi kết quả theo `%`, hoặc bỏ `unit` của kết quả (mặc định như mục tiêu).
    RESULT_UNIT {
        code: "DX120",
        name: "result-unit",
        severity: Error,
        summary: ("Kết quả khác đơn vị với mục tiêu", "Result in another unit than its target"),
        clause: "Khung kế hoạch, Phần I.I",
        en: "Checks that a target's `result` is in the target's unit. Why: a result compares with its target only in one unit; the report's counts read them. Fix: write the result in the target's unit, or leave `unit` out.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let mut out = Vec::new();
    for (s, t) in ctx.plan.targets() {
        let (Some(r), Some(unit)) = (&t.result, &t.unit) else {
            continue;
        };
        let Some(ru) = &r.unit else { continue };
        let norm = |x: &str| x.trim().to_lowercase();
        if norm(&ru.value) == norm(&unit.value) {
            continue;
        }
        let found = OtherUnit {
            target: t.id.value.clone(),
            result: ru.value.trim().to_string(),
            planned: unit.value.trim().to_string(),
        };
        out.push(Diagnostic::of(&found).at(s.source, ru.span.clone()));
    }
    ctx.report_all(out);
}

/// A result recorded in another unit than its target's.
struct OtherUnit {
    target: String,
    result: String,
    planned: String,
}

impl Violation for OtherUnit {
    fn rule(&self) -> &'static Rule {
        &RESULT_UNIT
    }

    fn message(&self) -> Msg {
        let (id, got, want) = (&self.target, &self.result, &self.planned);
        msg!(
            "Kết quả của {id} ghi đơn vị „{got}”, mục tiêu dùng „{want}”",
            "The result of {id} is in „{got}”, its target in „{want}”"
        )
    }
}
