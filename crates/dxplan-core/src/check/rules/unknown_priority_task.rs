//! References to priority tasks and framework metrics must exist.

use crate::check::Ctx;
use crate::check::rules::suggest;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::load::Sp;
use crate::model::Content;
use crate::msg;
use crate::source::SourceId;

crate::declare_rule! {
    /// Kiểm tra: mọi mã nhiệm vụ trọng tâm được nhắc tới (`priority_tasks`, `not_applicable`) là mã
    /// có trong Khung (NV01–NV23 với 5406/BTTTT-CĐSQG).
    ///
    /// Vì sao: mã sai (`NV1`, `NV24`) làm nhiệm vụ trọng tâm thật bị coi là chưa thực hiện, và bảng
    /// tổng hợp gửi Bộ sai.
    ///
    /// Ví dụ sai: `priority_tasks: [NV1]`.
    /// Sửa: `priority_tasks: [NV01]`.
    UNKNOWN_PRIORITY_TASK {
        code: "DX032",
        name: "unknown-priority-task",
        severity: Error,
        summary: ("Mã nhiệm vụ trọng tâm không có trong Khung", "Unknown priority task"),
        clause: "Khung kế hoạch: nhiệm vụ trọng tâm",
        en: "Checks that referenced priority-task ids exist in the framework. Why: a wrong id (`NV1`, `NV24`) leaves the real task uncovered. Fix: `NV01`.",
    }
}

pub fn check(ctx: &mut Ctx) {
    // Unknown to a partial framework: DX013 says it cannot be checked.
    if !ctx.fw.knows_priority_tasks() {
        return;
    }
    let ids: Vec<&str> = ctx
        .fw
        .priority_tasks
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    let mut refs: Vec<(SourceId, &Sp<String>)> = Vec::new();
    for s in &ctx.plan.sections {
        match &s.content {
            Content::Tasks(t) => t
                .tasks
                .iter()
                .for_each(|x| refs.extend(x.priority_tasks.iter().map(|p| (s.source, p)))),
            Content::Projects(p) => p
                .projects
                .iter()
                .for_each(|x| refs.extend(x.priority_tasks.iter().map(|p| (s.source, p)))),
            Content::Targets(t) => {
                t.targets
                    .iter()
                    .for_each(|x| refs.extend(x.priority_tasks.iter().map(|p| (s.source, p))));
                refs.extend(
                    t.not_applicable
                        .iter()
                        .map(|n| (s.source, &n.priority_task)),
                );
            }
            _ => {}
        }
    }
    for (src, r) in refs {
        if ids.contains(&r.value.as_str()) {
            continue;
        }
        let v = &r.value;
        let found = NoSuchTask {
            framework: ctx.fw.id.clone(),
            written: v.clone(),
            hint: suggest(v, &ids),
        };
        let mut d = Diagnostic::of(&found).at(src, r.span.clone());
        if let Some(exact) = crate::model::validate::same_but_case_or_space(v, &ids) {
            d = d.fix(msg!("viết {exact}", "write {exact}"), r.span.clone(), exact);
        }
        ctx.report(d);
    }
}

/// A priority-task id the framework does not have, with the closest ids.
struct NoSuchTask {
    framework: String,
    written: String,
    hint: Msg,
}

impl Violation for NoSuchTask {
    fn rule(&self) -> &'static Rule {
        &UNKNOWN_PRIORITY_TASK
    }

    fn message(&self) -> Msg {
        let (fw, v) = (&self.framework, &self.written);
        msg!(
            "Khung {fw} không có nhiệm vụ trọng tâm „{v}”",
            "Framework {fw} has no priority task „{v}”"
        )
    }

    fn hint(&self) -> Option<Msg> {
        Some(self.hint.clone())
    }

    fn clause(&self) -> Option<String> {
        Some(format!("{}, nhiệm vụ trọng tâm", self.framework))
    }
}
