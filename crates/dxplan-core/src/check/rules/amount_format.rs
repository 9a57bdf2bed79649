//! Amounts written as text.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::load::Sp;
use crate::model::values::{amount, amount_is_ambiguous, format_amount};
use crate::model::{Amount, Content};
use crate::msg;
use crate::source::SourceId;

crate::declare_rule! {
    /// Kiểm tra: số tiền viết bằng chuỗi đọc được hai cách — một dấu phẩy theo sau đúng ba chữ số,
    /// như `"1,234"`.
    ///
    /// Vì sao: dxplan đọc số tiền viết kiểu Việt Nam (`"7.250,5"`, `"12.345.678"`, `"38.500"`,
    /// `"1234,5"`) như tài liệu hướng dẫn cho phép, và những dạng đó không bị báo: dấu chấm là dấu
    /// phân cách hàng nghìn quen thuộc của văn bản tiếng Việt. Nhưng „1,234” là một phẩy hai ba bốn
    /// với người Việt, lại là một nghìn hai trăm ba mươi tư với bảng tính kiểu Anh mà số liệu hay
    /// được chép từ đó. dxplan đọc theo kiểu Việt Nam và nói rõ đã đọc thế nào; nếu sai, tổng cộng
    /// sai. `dxplan check --fix` viết lại thành số đúng như cách đã đọc.
    ///
    /// Ví dụ: `investment: "1,234"`.
    /// Sửa: `investment: 1.234` (một phẩy hai ba bốn), hoặc `1234` nếu ý là một nghìn hai trăm ba
    /// mươi tư.
    AMOUNT_FORMAT {
        code: "DX056",
        name: "amount-format",
        severity: Warning,
        summary: ("Số tiền viết bằng chuỗi đọc được hai cách", "Amount text that reads two ways"),
        clause: "dxplan: định dạng số",
        en: "Reports amount text that really reads two ways: one comma followed by exactly three digits (`\"1,234\"`). Why: Vietnamese-style text such as `\"7.250,5\"` or `\"38.500\"` (the usual thousands dot) is allowed and not reported, but `1,234` is 1.234 to a Vietnamese reader and 1234 to an English spreadsheet; dxplan reads it the Vietnamese way and says so. Fix: write a number (`--fix` writes the value as read).",
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
        if !amount_is_ambiguous(t) {
            continue;
        }
        let Some(v) = amount(&a.value) else { continue }; // unreadable: `investment-invalid`
        let shown = format_amount(v);
        let canonical = if v.fract() == 0.0 {
            format!("{v:.0}")
        } else {
            format!("{v}")
        };
        let found = TwoWays {
            written: t.clone(),
            read_as: shown,
        };
        out.push(Diagnostic::of(&found).at(src, a.span.clone()).fix(
            msg!(
                "viết thành số {canonical}",
                "write it as the number {canonical}"
            ),
            a.span.clone(),
            canonical,
        ));
    }
    ctx.report_all(out);
}

/// Amount text that reads two ways, and how dxplan read it.
struct TwoWays {
    written: String,
    read_as: String,
}

impl Violation for TwoWays {
    fn rule(&self) -> &'static Rule {
        &AMOUNT_FORMAT
    }

    fn message(&self) -> Msg {
        let (t, shown) = (&self.written, &self.read_as);
        msg!(
            "Số tiền „{t}” đọc được hai cách; dxplan đọc là {shown} triệu đồng",
            "Amount „{t}” reads two ways; dxplan reads it as {shown} million đồng"
        )
    }
}
