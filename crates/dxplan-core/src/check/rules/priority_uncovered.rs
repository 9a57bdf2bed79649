//! Each of the framework's priority tasks is addressed or declared not applicable.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::model::Content;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: mỗi nhiệm vụ trọng tâm của Khung (NV01–NV23 với 5406/BTTTT-CĐSQG) được ít nhất một
    /// nhiệm vụ (Phần II.III) hoặc dự án (Phần II.VII) thực hiện, qua `priority_tasks: [NVxx]`; hoặc
    /// được khai không áp dụng (`not_applicable` trong mục Mục tiêu) khi Khung cho phép cấp của kế
    /// hoạch bỏ qua.
    ///
    /// Vì sao: Văn bản 5406/BTTTT-CĐSQG „trân trọng đề nghị Quý Cơ quan xem xét, ưu tiên triển khai
    /// các nhiệm vụ trọng tâm sau” (23 nhiệm vụ); nhiệm vụ bị quên là lỗi hay gặp nhất khi soạn tay.
    ///
    /// Ví dụ sai: không nhiệm vụ, dự án nào có `NV21` trong `priority_tasks`.
    /// Sửa: thêm `priority_tasks: [NV21]` vào nhiệm vụ duy trì SOC, hoặc thêm nhiệm vụ đó.
    PRIORITY_UNCOVERED {
        code: "DX030",
        name: "priority-uncovered",
        severity: Error,
        locked: true,
        summary: ("Nhiệm vụ trọng tâm chưa được thực hiện", "Priority task not addressed"),
        clause: "Khung kế hoạch: nhiệm vụ trọng tâm",
        en: "Checks that each priority task of the framework (NV01–NV23 for 5406) is addressed by at least one task or project (`priority_tasks`), or declared not applicable where the framework allows the plan's level to skip it. Why: the letter asks every ministry and province to implement them; a forgotten one is the most common error of hand-written plans. Fix: add the id to the task or project that implements it.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let plan = ctx.plan;
    // On a plan with no task and no project yet, `content-empty` already says what to write;
    // 23 findings more would bury it.
    if plan.tasks().next().is_none() && plan.projects().next().is_none() {
        return;
    }
    let anchor = plan
        .sections
        .iter()
        .find(|s| matches!(s.content, Content::Projects(_)))
        .map(|s| (s.source, s.span.clone()));
    for pt in &ctx.fw.priority_tasks {
        let c = plan.priority_coverage(&pt.id);
        if c.covered() || c.not_applicable.is_some() {
            continue;
        }
        let found = Uncovered {
            id: pt.id.clone(),
            label: pt.label.clone(),
            text: pt.text.clone(),
            framework: ctx.fw.id.clone(),
        };
        let mut d = Diagnostic::of(&found);
        if let Some((src, span)) = &anchor {
            d = d.at(*src, span.clone());
        }
        ctx.report(d);
    }
}

/// A priority task no task or project addresses, with the framework's words for it.
struct Uncovered {
    id: String,
    label: String,
    text: String,
    framework: String,
}

impl Violation for Uncovered {
    fn rule(&self) -> &'static Rule {
        &PRIORITY_UNCOVERED
    }

    fn message(&self) -> Msg {
        let (id, label) = (&self.id, &self.label);
        msg!(
            "Nhiệm vụ trọng tâm {id} „{label}” chưa có nhiệm vụ hay dự án nào thực hiện",
            "Priority task {id} „{label}” is addressed by no task or project"
        )
    }

    fn hint(&self) -> Option<Msg> {
        let (id, text) = (&self.id, &self.text);
        Some(msg!(
            "Thêm `{id}` vào `priority_tasks` của nhiệm vụ/dự án thực hiện nó. Nội dung: {text}",
            "Add `{id}` to the `priority_tasks` of the task or project that does it. Text: {text}"
        ))
    }

    fn clause(&self) -> Option<String> {
        Some(format!(
            "{}, nhiệm vụ trọng tâm {}",
            self.framework, self.id
        ))
    }
}
