//! Plans issued after the framework's deadline.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::model::DocKind;
use crate::model::values::date;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: ngày ban hành (của kế hoạch, hoặc của Quyết định ban hành kế hoạch) trước thời hạn
    /// mà Khung đặt (5406/BTTTT-CĐSQG: „ban hành Kế hoạch trước ngày 10/12/2022”).
    ///
    /// Vì sao: để Bộ tổng hợp kịp đầu năm. Chỉ là thông tin: khoảng một nửa số kế hoạch thật ban hành
    /// muộn hơn, và ban hành muộn không làm kế hoạch sai thể thức.
    ISSUED_LATE {
        code: "DX093",
        name: "issued-late",
        severity: Info,
        summary: ("Ban hành sau thời hạn của Khung", "Issued after the framework's deadline"),
        clause: "Văn bản 5406/BTTTT-CĐSQG",
        en: "Notes a plan issued on or after the framework's deadline (before 10/12/2022 for 5406). Why: the ministry compiles plans at the start of the year; about half of real plans are late, which does not make them wrong. Info only.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let Some(c) = &ctx.plan.config else {
        return;
    };
    let src = c.source;
    let Some(d) = ctx.plan.issue(DocKind::Plan).date else {
        return;
    };
    if ctx.plan.issued_in_time() != Some(false) {
        return;
    }
    let (Ok(issued), Ok(limit)) = (date(&d.value), date(&ctx.fw.issue_before)) else {
        return;
    };
    let late = IssuedLate {
        issued: issued.dmy(),
        deadline: limit.dmy(),
        clause: ctx.fw.issue_before_clause.clone(),
    };
    ctx.report(Diagnostic::of(&late).at(src, d.span.clone()));
}

/// Issued on or after the framework's "ban hành trước ngày …".
struct IssuedLate {
    issued: String,
    deadline: String,
    clause: String,
}

impl Violation for IssuedLate {
    fn rule(&self) -> &'static Rule {
        &ISSUED_LATE
    }

    fn message(&self) -> Msg {
        let (i, l) = (&self.issued, &self.deadline);
        msg!(
            "Ngày ban hành {i} không trước thời hạn {l} của Khung",
            "Issued on {i}, not before the framework's deadline {l}"
        )
    }

    fn clause(&self) -> Option<String> {
        Some(self.clause.clone())
    }
}
