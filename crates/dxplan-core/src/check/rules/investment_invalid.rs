//! Investment amounts are non-negative numbers.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::load::Sp;
use crate::model::values::amount;
use crate::model::{Amount, Content};
use crate::msg;
use crate::source::SourceId;

crate::declare_rule! {
    /// Kiểm tra: tổng mức đầu tư, kinh phí (triệu đồng) là số không âm, không quá 1.000.000.000
    /// triệu đồng: viết dạng số (`1234.5`) hoặc chuỗi kiểu Việt Nam (`"1.234,5"`).
    ///
    /// Vì sao: Khung yêu cầu „dự kiến tổng mức đầu tư” cho mỗi nhiệm vụ, dự án (Phần II.VII); số âm
    /// hoặc chữ („khoảng 2 tỷ”) không cộng được vào tổng và làm phụ lục sai; một số lớn hơn nhiều lần
    /// ngân sách nhà nước cả năm (`1e308`) là gõ nhầm, và tổng của nó in ra vô nghĩa.
    ///
    /// Ví dụ sai: `investment: "khoảng 2 tỷ"` hoặc `investment: -500`.
    /// Sửa: `investment: 2000` (triệu đồng).
    INVESTMENT_INVALID {
        code: "DX052",
        name: "investment-invalid",
        severity: Error,
        summary: ("Số tiền không hợp lệ", "Invalid amount"),
        clause: "Khung kế hoạch, Phần II.VII",
        en: "Checks that amounts (million VND) are non-negative numbers no larger than 1,000,000,000 million, written as `1234.5` or Vietnamese-style text `\"1.234,5\"`. Why: the framework asks for the estimated total investment of each project; words or negative numbers cannot be summed, and an amount many times a year's state budget (`1e308`) is a typo whose sums print nonsense. Fix: `investment: 2000`.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let mut amounts: Vec<(SourceId, &Sp<Amount>, String)> = Vec::new();
    for s in &ctx.plan.sections {
        match &s.content {
            Content::Projects(p) => amounts.extend(
                p.projects
                    .iter()
                    .filter_map(|x| x.investment.as_ref())
                    .map(|a| (s.source, a, s.slug.clone())),
            ),
            Content::EvaluationBudget(e) => amounts.extend(
                e.projects
                    .iter()
                    .filter_map(|x| x.investment.as_ref())
                    .map(|a| (s.source, a, s.slug.clone())),
            ),
            Content::Budget(b) => {
                amounts.extend(b.total.iter().map(|a| (s.source, a, s.slug.clone())));
                amounts.extend(
                    b.by_source
                        .iter()
                        .map(|x| (s.source, &x.amount, s.slug.clone())),
                );
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    // What a project disbursed: a number like the others, and not more than its investment (the
    // report divides one by the other: 80,000 × printed "78.064,4%").
    for (s, p) in ctx.plan.projects() {
        let Some(d) = p.result.as_ref().and_then(|r| r.disbursed.as_ref()) else {
            continue;
        };
        match (amount(&d.value), p.amount()) {
            (Some(v), Some(inv))
                if inv >= 0.0
                    && v >= 0.0
                    && v > inv
                    && v <= crate::model::values::PLAUSIBLE_AMOUNT =>
            {
                let found = BadAmount::OverInvestment {
                    disbursed: crate::model::values::format_amount(v),
                    investment: crate::model::values::format_amount(inv),
                };
                out.push(
                    Diagnostic::of(&found)
                        .at(s.source, d.span.clone())
                        .clause(ctx.clause_of(&s.slug)),
                );
            }
            _ => amounts.push((s.source, d, s.slug.clone())),
        }
    }
    for (src, a, slug) in amounts {
        let bad = match amount(&a.value) {
            None => Some(BadAmount::NotANumber),
            Some(v) if v < 0.0 => Some(BadAmount::Negative),
            Some(v) if v > crate::model::values::PLAUSIBLE_AMOUNT => Some(BadAmount::Implausible),
            _ => None,
        };
        if let Some(found) = bad {
            out.push(
                Diagnostic::of(&found)
                    .at(src, a.span.clone())
                    .clause(ctx.clause_of(&slug)),
            );
        }
    }
    ctx.report_all(out);
}

/// An amount that is no amount of money.
enum BadAmount {
    NotANumber,
    Negative,
    Implausible,
    /// Disbursed more than the project's whole investment.
    OverInvestment {
        disbursed: String,
        investment: String,
    },
}

impl Violation for BadAmount {
    fn rule(&self) -> &'static Rule {
        &INVESTMENT_INVALID
    }

    fn message(&self) -> Msg {
        match self {
            BadAmount::NotANumber => msg!(
                "Số tiền không đọc được thành số (triệu đồng)",
                "The amount is not a number (million VND)"
            ),
            BadAmount::Negative => msg!("Số tiền âm", "Negative amount"),
            BadAmount::Implausible => msg!(
                "Số tiền lớn hơn 1.000.000.000 triệu đồng: không thể là kinh phí của một kế hoạch",
                "The amount exceeds 1,000,000,000 million VND: no plan's budget is that large"
            ),
            BadAmount::OverInvestment {
                disbursed: d,
                investment: i,
            } => msg!(
                "Đã giải ngân {d} triệu đồng, nhiều hơn tổng mức đầu tư {i} triệu đồng của dự án",
                "Disbursed {d} million VND, more than the project's investment of {i} million VND"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        if let BadAmount::OverInvestment { .. } = self {
            return Some(msg!(
                "Kiểm tra số đã giải ngân, hoặc ghi tổng mức đầu tư đã điều chỉnh.",
                "Check the amount disbursed, or write the adjusted investment."
            ));
        }
        Some(msg!(
            "Ghi số triệu đồng, ví dụ 1234.5 hoặc \"1.234,5\".",
            "Write the amount in million VND, e.g. 1234.5 or \"1.234,5\"."
        ))
    }
}
