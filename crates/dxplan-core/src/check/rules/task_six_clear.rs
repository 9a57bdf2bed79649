//! "6 rõ": the fields a framework says every task must state.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::framework::TaskField;
use crate::lang::Msg;
use crate::model::Content;
use crate::msg;

crate::declare_rule! {
    /// Cảnh báo: nhiệm vụ chưa „6 rõ” — thiếu một trường mà Khung yêu cầu mọi nhiệm vụ phải nêu
    /// (`task_fields` của Khung; 5511/BKHCN-CĐSQG: rõ người — đơn vị chủ trì, rõ việc — nội dung,
    /// rõ thời gian, rõ kết quả — sản phẩm, kết quả dự kiến).
    ///
    /// Vì sao: Quyết định 268/QĐ-TTg (12/02/2026) và Thông báo 56/TB-VPCP yêu cầu giao việc „rõ người,
    /// rõ việc, rõ thời gian, rõ kết quả, rõ trách nhiệm”; một nhiệm vụ không nêu sản phẩm thì cuối
    /// năm không đánh giá được. Rõ thẩm quyền, rõ trách nhiệm là việc của văn bản giao nhiệm vụ.
    ///
    /// Ví dụ sai: nhiệm vụ không có `product`.
    /// Sửa: `product: Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh vận hành chính thức`.
    TASK_SIX_CLEAR {
        code: "DX041",
        name: "task-six-clear",
        severity: Warning,
        summary: ("Nhiệm vụ chưa „6 rõ”", "Task not '6 rõ'"),
        clause: "QĐ 268/QĐ-TTg; TB 56/TB-VPCP („6 rõ”)",
        en: "Warns when a task lacks a field its framework requires every task to state (`task_fields`; for 5511: lead unit, content, timeframe, expected result or product). Why: Decision 268/QĐ-TTg and Notice 56/TB-VPCP ask for tasks with a clear who, what, when and result; a task without a product cannot be evaluated at year end.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let fields = &ctx.fw.task_fields;
    if fields.is_empty() {
        return;
    }
    let mut out = Vec::new();
    for s in &ctx.plan.sections {
        let Content::Tasks(t) = &s.content else {
            continue;
        };
        for task in &t.tasks {
            let blank =
                |v: Option<&crate::load::Sp<String>>| v.is_none_or(|v| v.value.trim().is_empty());
            let missing: Vec<TaskField> = fields
                .iter()
                .copied()
                .filter(|f| match f {
                    TaskField::Lead => blank(Some(&task.lead)),
                    TaskField::Content => blank(task.content.as_ref()),
                    TaskField::Timeframe => blank(Some(&task.timeframe)),
                    TaskField::Product => blank(task.product.as_ref()),
                })
                .collect();
            if missing.is_empty() {
                continue;
            }
            let found = NotClear {
                id: task.id.value.clone(),
                missing,
            };
            out.push(Diagnostic::of(&found).at(s.source, task.id.span.clone()));
        }
    }
    ctx.report_all(out);
}

struct NotClear {
    id: String,
    missing: Vec<TaskField>,
}

impl Violation for NotClear {
    fn rule(&self) -> &'static Rule {
        &TASK_SIX_CLEAR
    }

    fn message(&self) -> Msg {
        let id = &self.id;
        let vi: Vec<&str> = self.missing.iter().map(|f| f.words().0).collect();
        let en: Vec<&str> = self.missing.iter().map(|f| f.words().1).collect();
        let (vi, en) = (vi.join(", "), en.join(", "));
        msg!(
            "Nhiệm vụ {id} chưa „6 rõ”: chưa {vi}",
            "Task {id} is not '6 rõ': no {en}"
        )
    }

    fn hint(&self) -> Option<Msg> {
        let keys: Vec<&str> = self.missing.iter().map(|f| f.words().2).collect();
        let keys = keys.join("`, `");
        Some(msg!(
            "Ghi `{keys}` cho nhiệm vụ (Quyết định 268/QĐ-TTg: rõ người, rõ việc, rõ thời gian, rõ kết quả).",
            "Write `{keys}` for the task (Decision 268/QĐ-TTg: who, what, when, result)."
        ))
    }
}
