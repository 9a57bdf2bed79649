//! The Kinh phí section agrees with the project list.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::model::Content;
use crate::model::values::{amount, format_amount};
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: khi mục Kinh phí thực hiện nêu tổng (`total`) hoặc kinh phí theo nguồn
    /// (`by_source`), các số đó bằng tổng dự kiến tổng mức đầu tư của danh mục nhiệm vụ, dự án (theo
    /// từng nguồn vốn).
    ///
    /// Vì sao: Khung, Phần II.V yêu cầu „dự kiến tổng kinh phí thực hiện Kế hoạch”; tổng ghi trong lời
    /// văn lệch với phụ lục là lỗi mà người thẩm định bắt gặp nhiều nhất.
    ///
    /// Ví dụ sai: `total: 150000` trong khi các dự án cộng lại 148.500 triệu đồng.
    /// Sửa: sửa `total` (hoặc số của dự án) cho khớp; dxplan in số đúng trong thông báo.
    BUDGET_MISMATCH {
        code: "DX060",
        name: "budget-mismatch",
        severity: Error,
        summary: ("Kinh phí không khớp danh mục dự án", "Budget disagrees with the projects"),
        clause: "Khung kế hoạch, Phần II.V",
        en: "Checks that the Budget section's total and per-source amounts, when given, equal the sums of the project list. Why: a total in the text that disagrees with the appendix is what reviewers catch most. Fix: correct the total; the message prints the right number.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let Some(budget_section) = ctx
        .plan
        .sections
        .iter()
        .find(|s| matches!(s.content, Content::Budget(_)))
    else {
        return;
    };
    let Content::Budget(b) = &budget_section.content else {
        return;
    };
    // A project amount that cannot be read is already reported (investment-invalid); totals
    // compared without it would only add findings that go away once it is fixed.
    // Likewise an implausible one (DX052): its sums would only print nonsense.
    let unreadable = ctx.plan.projects().any(|(_, p)| {
        p.investment.as_ref().is_some_and(|a| {
            amount(&a.value).is_none_or(|v| v > crate::model::values::PLAUSIBLE_AMOUNT)
        })
    });
    if unreadable {
        return;
    }
    let inv = ctx.plan.investment();
    let total = inv.total;
    let clause = ctx.clause_of(&budget_section.slug);
    let close = |a: f64, b: f64| (a - b).abs() < 0.0005;
    let mut out = Vec::new();
    if let Some(t) = &b.total
        && let Some(declared) = amount(&t.value)
        && !close(declared, total)
    {
        let found = Mismatch::Total {
            declared: format_amount(declared),
            projects: format_amount(total),
        };
        out.push(
            Diagnostic::of(&found)
                .at(budget_section.source, t.span.clone())
                .clause(clause.clone()),
        );
    }
    if !b.by_source.is_empty() {
        for sa in &b.by_source {
            let Some(declared) = amount(&sa.amount.value) else {
                continue;
            };
            let actual = inv.source(&sa.source.value);
            if !close(declared, actual) {
                let found = Mismatch::Source {
                    source: sa.source.value.clone(),
                    declared: format_amount(declared),
                    projects: format_amount(actual),
                };
                out.push(
                    Diagnostic::of(&found)
                        .at(budget_section.source, sa.amount.span.clone())
                        .clause(clause.clone()),
                );
            }
        }
        for (src, v) in &inv.by_source {
            if *v > 0.0 && !b.by_source.iter().any(|x| x.source.value == *src) {
                let found = Mismatch::SourceMissing {
                    source: src.clone(),
                    projects: format_amount(*v),
                };
                out.push(
                    Diagnostic::of(&found)
                        .at(budget_section.source, budget_section.span.clone())
                        .clause(clause.clone()),
                );
            }
        }
    }
    ctx.report_all(out);
}

/// The budget section against the projects: the amounts as printed.
enum Mismatch {
    Total {
        declared: String,
        projects: String,
    },
    Source {
        source: String,
        declared: String,
        projects: String,
    },
    /// A source the projects use that the budget section does not list.
    SourceMissing {
        source: String,
        projects: String,
    },
}

impl Violation for Mismatch {
    fn rule(&self) -> &'static Rule {
        &BUDGET_MISMATCH
    }

    fn message(&self) -> Msg {
        match self {
            Mismatch::Total {
                declared: d,
                projects: s,
            } => msg!(
                "Tổng kinh phí ghi {d} triệu đồng nhưng các dự án cộng lại {s} triệu đồng",
                "The total says {d} million VND but the projects add up to {s} million VND"
            ),
            Mismatch::Source {
                source: src,
                declared: d,
                projects: s,
            } => msg!(
                "Nguồn „{src}” ghi {d} triệu đồng nhưng các dự án dùng nguồn này cộng lại {s} triệu đồng",
                "Source „{src}” says {d} million VND but its projects add up to {s} million VND"
            ),
            Mismatch::SourceMissing {
                source: src,
                projects: s,
            } => msg!(
                "Mục Kinh phí thiếu nguồn „{src}” ({s} triệu đồng theo danh mục dự án)",
                "The budget section lacks source „{src}” ({s} million VND in the projects)"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        Some(match self {
            Mismatch::Total { projects: s, .. } => msg!(
                "Sửa `total` thành {s}, hoặc sửa số của dự án.",
                "Set `total` to {s}, or fix the projects' amounts."
            ),
            Mismatch::Source { projects: s, .. } => {
                msg!("Sửa số này thành {s}.", "Set it to {s}.")
            }
            Mismatch::SourceMissing {
                source: src,
                projects: s,
            } => msg!(
                "Thêm `- source: {src}` với `amount: {s}` vào `by_source`.",
                "Add `- source: {src}` with `amount: {s}` to `by_source`."
            ),
        })
    }
}
