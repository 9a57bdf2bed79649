//! Số is Arabic digits, with a leading 0 below 10.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Severity, Violation};
use crate::lang::Msg;
use crate::load::Sp;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: số văn bản là chữ số Ả Rập; số nhỏ hơn 10 có thêm số 0 phía trước (`05`, không phải
    /// `5`). Số có nhiều số 0 đứng đầu (`0155`, do một số hệ thống quản lý văn bản sinh ra) chỉ là cảnh
    /// báo.
    ///
    /// Vì sao: Nghị định 30/2020, Phụ lục I, mục II.3.c: „với những số nhỏ hơn 10 phải ghi thêm số 0
    /// phía trước”.
    ///
    /// Ví dụ sai: `number = "5"`.
    /// Sửa: `number = "05"`.
    NUMBER_FORMAT {
        code: "DX091",
        name: "number-format",
        severity: Error,
        locked: true,
        summary: ("Số văn bản sai dạng", "Malformed document number"),
        clause: "NĐ 30/2020, Phụ lục I, mục II.3.c",
        en: "Checks the document number is Arabic digits, zero-padded below 10 (`05`); extra leading zeros are a warning. Why: Decree 30/2020, Appendix I, II.3.c. Fix: `dxplan check --fix` pads it.",
    }
}

/// What is wrong with a số, with the số as written.
enum NumberProblem {
    NotDigits(String),
    Zero(String),
    /// Below 10 without its leading 0: the fix pads it.
    Unpadded {
        written: String,
        padded: String,
    },
    /// Extra leading zeros (`0155`, as some records systems write it): only a warning.
    ExtraZeros(String),
}

fn number_problem(n: &Sp<String>) -> Option<NumberProblem> {
    let v = n.value.trim();
    if v.is_empty() {
        return None;
    }
    if !v.chars().all(|c| c.is_ascii_digit()) {
        return Some(NumberProblem::NotDigits(v.into()));
    }
    let value: u64 = v.parse().unwrap_or(0);
    if value == 0 {
        return Some(NumberProblem::Zero(v.into()));
    }
    if value < 10 && v.len() != 2 {
        return Some(NumberProblem::Unpadded {
            written: v.into(),
            padded: format!("{value:02}"),
        });
    }
    if value >= 10 && v.starts_with('0') {
        return Some(NumberProblem::ExtraZeros(v.into()));
    }
    None
}

impl Violation for NumberProblem {
    fn rule(&self) -> &'static Rule {
        &NUMBER_FORMAT
    }

    fn message(&self) -> Msg {
        match self {
            NumberProblem::NotDigits(v) => msg!(
                "Số „{v}” phải là chữ số Ả Rập",
                "Number „{v}” must be Arabic digits"
            ),
            NumberProblem::Zero(v) => msg!(
                "Số „{v}” không hợp lệ (số bắt đầu từ 01)",
                "Number „{v}” is invalid (numbering starts at 01)"
            ),
            NumberProblem::Unpadded {
                written: v,
                padded: fixed,
            } => msg!(
                "Số nhỏ hơn 10 phải viết „{fixed}”, không phải „{v}”",
                "A number below 10 is written „{fixed}”, not „{v}”"
            ),
            NumberProblem::ExtraZeros(v) => msg!(
                "Số „{v}” có số 0 thừa ở đầu",
                "Number „{v}” has extra leading zeros"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        Some(msg!(
            "Số văn bản do Văn thư cấp; để trống khi còn là dự thảo.",
            "The number is issued by the records office; leave it empty in a draft."
        ))
    }

    fn severity(&self) -> Severity {
        match self {
            NumberProblem::ExtraZeros(_) => Severity::Warning,
            _ => NUMBER_FORMAT.severity,
        }
    }
}

pub fn check(ctx: &mut Ctx) {
    let Some(c) = &ctx.plan.config else {
        return;
    };
    let src = c.source;
    let Some(n) = &c.document.number else { return };
    let Some(problem) = number_problem(n) else {
        return;
    };
    let mut d = Diagnostic::of(&problem).at(src, n.span.clone());
    // Zero-padding below 10 is the one safe fix: it does not change the number.
    let v = n.value.trim();
    if v.len() == 1 && v != "0" && v.chars().all(|c| c.is_ascii_digit()) {
        let fixed = format!("\"0{v}\"");
        d = d.fix(
            msg!("thêm số 0: {fixed}", "zero-pad: {fixed}"),
            n.span.clone(),
            fixed,
        );
    }
    ctx.report(d);
}
