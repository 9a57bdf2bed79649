//! Amounts written as text.

use crate::check::Ctx;
use crate::diag::Diagnostic;
use crate::load::Sp;
use crate::model::values::amount;
use crate::model::{Amount, Content};
use crate::msg;
use crate::source::SourceId;

crate::declare_rule! {
    /// Kiểm tra: số tiền viết bằng chuỗi kiểu Việt Nam (`"1.234,5"`) thay vì số (`1234.5`).
    ///
    /// Vì sao: dxplan đọc được cả hai, nhưng dạng chuỗi dễ nhầm („1.234” là một nghìn hai trăm ba mươi
    /// tư hay một phẩy hai ba bốn?) và công cụ khác (bảng tính, JSON Schema) không hiểu. Văn bản xuất ra
    /// luôn viết kiểu Việt Nam. Chỉ là thông tin; `dxplan check --fix` đổi sang số mà không đổi giá trị.
    ///
    /// Ví dụ: `investment: "7.250,5"`.
    /// Sửa: `investment: 7250.5`.
    AMOUNT_FORMAT {
        code: "DX056",
        name: "amount-format",
        severity: Info,
        summary: ("Số tiền viết bằng chuỗi", "Amount written as text"),
        clause: "dxplan: định dạng số",
        en: "Reports amounts written as Vietnamese-style text. Why: dxplan reads them, but text is ambiguous (`1.234`) and other tools do not understand it; the document always prints Vietnamese style. Info only. Fix: `dxplan check --fix` writes the number.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let mut found: Vec<(SourceId, &Sp<Amount>)> = Vec::new();
    for s in &ctx.plan.sections {
        match &s.content {
            Content::Projects(p) => found.extend(
                p.projects
                    .iter()
                    .filter_map(|x| x.investment.as_ref())
                    .map(|a| (s.source, a)),
            ),
            Content::EvaluationBudget(e) => found.extend(
                e.projects
                    .iter()
                    .filter_map(|x| x.investment.as_ref())
                    .map(|a| (s.source, a)),
            ),
            Content::Budget(b) => {
                found.extend(b.total.iter().map(|a| (s.source, a)));
                found.extend(b.by_source.iter().map(|x| (s.source, &x.amount)));
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (src, a) in found {
        let Amount::Text(t) = &a.value else { continue };
        let Some(v) = amount(&a.value) else { continue }; // unreadable: `investment-invalid`
        let canonical = if v.fract() == 0.0 {
            format!("{v:.0}")
        } else {
            format!("{v}")
        };
        out.push(
            Diagnostic::new(
                &AMOUNT_FORMAT,
                msg!(
                    "Số tiền „{t}” viết bằng chuỗi; nên viết số {canonical}",
                    "Amount „{t}” is text; write the number {canonical}"
                ),
            )
            .at(src, a.span.clone())
            .fix(
                msg!(
                    "viết thành số {canonical}",
                    "write it as the number {canonical}"
                ),
                a.span.clone(),
                canonical,
            ),
        );
    }
    ctx.report_all(out);
}
