//! Each project states what the framework asks of it.

use crate::check::Ctx;
use crate::check::rules::blank;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: mỗi nhiệm vụ, dự án trong danh mục có đủ đơn vị chủ trì (`lead`), mới/chuyển tiếp
    /// (`status`), mục tiêu chính đầu tư (`objective`), thời gian triển khai (`timeframe`), dự kiến
    /// tổng mức đầu tư (`investment`) và nguồn vốn (`funding`).
    ///
    /// Vì sao: Khung, Phần II.VII: „với mỗi nhiệm vụ/dự án cần nêu rõ đơn vị chủ trì, nhiệm vụ/dự án
    /// mới hay chuyển tiếp, mục tiêu chính đầu tư, thời gian triển khai, dự kiến tổng mức đầu tư và
    /// nguồn vốn”.
    ///
    /// Ví dụ sai: dự án chỉ có `id` và `name`.
    /// Sửa: thêm sáu trường trên; dự án không dùng vốn thì `investment: 0`, `funding: khác`.
    PROJECT_INCOMPLETE {
        code: "DX055",
        name: "project-incomplete",
        severity: Error,
        locked: true,
        summary: ("Dự án thiếu thông tin Khung yêu cầu", "Project lacks required information"),
        clause: "Khung kế hoạch, Phần II.VII",
        en: "Checks that each project states its lead unit, new/continuing, main objective, timeframe, estimated investment and funding source. Why: framework Part II.VII requires exactly these. Fix: add the missing fields.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let mut out = Vec::new();
    for (s, p) in ctx.plan.projects() {
        let mut missing: Vec<(&str, &str)> = Vec::new();
        if blank(&p.lead) {
            missing.push(("lead", "đơn vị chủ trì"));
        }
        if p.status.is_none() {
            missing.push(("status", "mới/chuyển tiếp"));
        }
        if blank(&p.objective) {
            missing.push(("objective", "mục tiêu chính"));
        }
        if blank(&p.timeframe) {
            missing.push(("timeframe", "thời gian triển khai"));
        }
        if p.investment.is_none() {
            missing.push(("investment", "dự kiến tổng mức đầu tư"));
        }
        if blank(&p.funding) {
            missing.push(("funding", "nguồn vốn"));
        }
        // A field that was written but invalid is reported by the schema check, not again here.
        missing.retain(|(k, _)| !ctx.plan.was_invalid(s.source, &p.id.span, k));
        if missing.is_empty() {
            continue;
        }
        let id = &p.id.value;
        let vi = missing
            .iter()
            .map(|(k, l)| format!("{l} (`{k}`)"))
            .collect::<Vec<_>>()
            .join(", ");
        let en = missing
            .iter()
            .map(|(k, _)| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let found = Lacks {
            project: id.to_string(),
            fields: Msg::new(vi, en),
        };
        out.push(
            Diagnostic::of(&found)
                .at(s.source, p.id.span.clone())
                .clause(ctx.clause_of(&s.slug)),
        );
    }
    ctx.report_all(out);
}

/// A project without fields the danh mục prints: the fields, named in both languages.
struct Lacks {
    project: String,
    fields: Msg,
}

impl Violation for Lacks {
    fn rule(&self) -> &'static Rule {
        &PROJECT_INCOMPLETE
    }

    fn message(&self) -> Msg {
        let (id, vi, en) = (&self.project, &self.fields.vi, &self.fields.en);
        msg!("Dự án {id} thiếu: {vi}", "Project {id} lacks: {en}")
    }

    fn hint(&self) -> Option<Msg> {
        Some(msg!(
            "Bổ sung các trường còn thiếu.",
            "Add the missing fields."
        ))
    }
}
