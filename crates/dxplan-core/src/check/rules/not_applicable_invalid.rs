//! "Not applicable" only where the framework lets the plan's level skip the task, with a reason.

use crate::check::Ctx;
use crate::check::rules::blank;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::model::Content;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: nhiệm vụ trọng tâm khai „không áp dụng” (`not_applicable`) phải (1) là nhiệm vụ mà
    /// Khung không ràng buộc với cấp của kế hoạch và (2) có lý do.
    ///
    /// Vì sao: các nhiệm vụ „tại địa phương”, „trên địa bàn” (NV01, NV06, NV14, NV15, NV16) viết cho
    /// tỉnh; một bộ có thể khai không áp dụng kèm lý do. Một tỉnh thì không được bỏ các nhiệm vụ đó,
    /// và không cấp nào được bỏ các nhiệm vụ áp dụng cho cả bộ và tỉnh (ví dụ NV20).
    ///
    /// Ví dụ sai (kế hoạch cấp tỉnh):
    ///     not_applicable:
    ///       - priority_task: NV20
    ///         reason: Chưa có kinh phí
    /// Sửa: bỏ khai báo và thêm nhiệm vụ thực hiện NV20.
    NOT_APPLICABLE_INVALID {
        code: "DX031",
        name: "not-applicable-invalid",
        severity: Error,
        locked: true,
        summary: ("Khai „không áp dụng” không hợp lệ", "Invalid not-applicable declaration"),
        clause: "Khung kế hoạch: nhiệm vụ trọng tâm",
        en: "Checks that a priority task declared not applicable is one the framework does not bind to the plan's level, and that a reason is given. Why: province-oriented tasks (NV01, NV06, NV14, NV15, NV16) may be skipped by a ministry with a reason; nobody may skip a task that binds their level. Fix: remove the declaration and add a task.",
    }
}

pub fn check(ctx: &mut Ctx) {
    // Unknown to a partial framework: DX013 says it cannot be checked.
    if !ctx.fw.knows_priority_tasks() {
        return;
    }
    let Some(level) = ctx.plan.level() else {
        return;
    };
    let mut found = Vec::new();
    for s in &ctx.plan.sections {
        let Content::Targets(t) = &s.content else {
            continue;
        };
        for na in &t.not_applicable {
            let id = &na.priority_task.value;
            let Some(pt) = ctx.fw.priority_task(id) else {
                continue; // unknown ids are `unknown-priority-task`
            };
            let clause = format!("{}, nhiệm vụ trọng tâm {id}", ctx.fw.id);
            if pt.levels.iter().any(|l| l == level.code()) {
                let lv = ctx.fw.levels.get(level.code()).cloned().unwrap_or_default();
                let binding = NotApplicable::Binding {
                    id: id.clone(),
                    label: pt.label.clone(),
                    level: lv,
                };
                found.push(
                    Diagnostic::of(&binding)
                        .at(s.source, na.priority_task.span.clone())
                        .clause(clause),
                );
            } else if blank(&na.reason) {
                found.push(
                    Diagnostic::of(&NotApplicable::NoReason(id.clone()))
                        .at(s.source, na.priority_task.span.clone())
                        .clause(clause),
                );
            }
        }
    }
    ctx.report_all(found);
}

/// A "không áp dụng" declaration the framework does not allow, or without its reason.
enum NotApplicable {
    /// The priority task binds the plan's level.
    Binding {
        id: String,
        label: String,
        level: String,
    },
    NoReason(String),
}

impl Violation for NotApplicable {
    fn rule(&self) -> &'static Rule {
        &NOT_APPLICABLE_INVALID
    }

    fn message(&self) -> Msg {
        match self {
            NotApplicable::Binding { id, label, level } => msg!(
                "{id} „{label}” áp dụng cho cấp „{level}”; không được khai không áp dụng",
                "{id} „{label}” binds the level „{level}”; it cannot be declared not applicable"
            ),
            NotApplicable::NoReason(id) => msg!(
                "Khai {id} không áp dụng nhưng chưa nêu lý do",
                "{id} is declared not applicable without a reason"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        Some(match self {
            NotApplicable::Binding { id, .. } => msg!(
                "Bỏ khai báo này và thêm nhiệm vụ hoặc dự án thực hiện {id}.",
                "Remove this and add a task or project that does {id}."
            ),
            NotApplicable::NoReason(_) => msg!("Thêm `reason: …`.", "Add `reason: …`."),
        })
    }
}
