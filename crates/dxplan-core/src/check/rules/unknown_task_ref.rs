//! Projects implement tasks that exist.

use crate::check::Ctx;
use crate::check::rules::suggest;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: mỗi dự án nêu các nhiệm vụ mà nó thực hiện (`tasks`), và các mã đó là mã nhiệm vụ
    /// có trong Phần II.III của kế hoạch.
    ///
    /// Vì sao: Khung yêu cầu danh mục nhiệm vụ, dự án „dựa trên các nhiệm vụ, giải pháp cần thực
    /// hiện” (Phần II.VII); dự án không gắn với nhiệm vụ nào không có căn cứ, và phụ lục nhóm dự án
    /// theo nhóm nhiệm vụ.
    ///
    /// Ví dụ sai: `tasks: [NV-7.09]` khi không có nhiệm vụ `NV-7.09`.
    /// Sửa: dùng mã nhiệm vụ có thật, ví dụ `tasks: [NV-7.04]`.
    UNKNOWN_TASK_REF {
        code: "DX051",
        name: "unknown-task-ref",
        severity: Error,
        summary: ("Dự án trỏ tới nhiệm vụ không có", "Project refers to an unknown task"),
        clause: "Khung kế hoạch, Phần II.VII",
        en: "Checks that every project names the tasks it implements, and that they exist in Part II.III. Why: the framework builds the project list on the tasks (Part II.VII), and the appendix groups projects by task group. Fix: use existing task ids.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let ids: Vec<&str> = ctx.plan.tasks().map(|(_, t)| t.id.value.as_str()).collect();
    let mut out = Vec::new();
    for (s, p) in ctx.plan.projects() {
        let clause = ctx.clause_of(&s.slug);
        if p.tasks.is_empty() {
            out.push(
                Diagnostic::of(&TaskRef::None(p.id.value.clone()))
                    .at(s.source, p.id.span.clone())
                    .clause(clause.clone()),
            );
        }
        for t in &p.tasks {
            if !ids.contains(&t.value.as_str()) {
                let found = TaskRef::Unknown {
                    written: t.value.clone(),
                    hint: suggest(&t.value, &ids),
                };
                out.push(
                    Diagnostic::of(&found)
                        .at(s.source, t.span.clone())
                        .clause(clause.clone()),
                );
            }
        }
    }
    ctx.report_all(out);
}

/// A project that names no task, or a task that does not exist.
enum TaskRef {
    /// The project's id.
    None(String),
    Unknown {
        written: String,
        hint: Msg,
    },
}

impl Violation for TaskRef {
    fn rule(&self) -> &'static Rule {
        &UNKNOWN_TASK_REF
    }

    fn message(&self) -> Msg {
        match self {
            TaskRef::None(id) => msg!(
                "Dự án {id} chưa nêu nhiệm vụ nào mà nó thực hiện",
                "Project {id} names no task it implements"
            ),
            TaskRef::Unknown { written: v, .. } => msg!(
                "Không có nhiệm vụ „{v}” trong Phần II.III",
                "No task „{v}” in Phần II.III"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        Some(match self {
            TaskRef::None(_) => msg!(
                "Thêm `tasks: [<mã nhiệm vụ>]`.",
                "Add `tasks: [<task id>]`."
            ),
            TaskRef::Unknown { hint, .. } => hint.clone(),
        })
    }
}
