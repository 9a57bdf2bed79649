crate::declare_rule! {
    /// Kiểm tra: mục `[lint]` của `dxplan.toml` chỉ nêu mã quy tắc có thật, và không hạ mức hay tắt
    /// quy tắc bắt buộc.
    ///
    /// Vì sao: `[lint.severity]` cho phép một tổ chức nâng hoặc hạ mức của các quy tắc về cách viết
    /// (ví dụ coi DX040 „mục tiêu chưa định lượng” là lỗi). Các quy tắc là yêu cầu của Khung 5406 hoặc
    /// của Nghị định 30/2020 thì chỉ được nâng, không được hạ: cấu hình không thay đổi được pháp luật.
    ///
    /// Ví dụ sai:
    ///     [lint.severity]
    ///     DX030 = "off"
    /// Sửa: thêm nhiệm vụ thực hiện nhiệm vụ trọng tâm còn thiếu, hoặc khai không áp dụng nếu Khung cho phép.
    LINT_CONFIG {
        code: "DX103",
        name: "lint-config",
        severity: Error,
        summary: ("Cấu hình [lint] không hợp lệ", "Invalid [lint] configuration"),
        clause: "dxplan.toml: [lint]",
        en: "Checks `[lint.severity]` names existing rules and does not lower or switch off locked rules. Why: organisations may raise or lower style rules, but the law cannot be configured away. Fix: remove the override and fix the content.",
    }
}

use crate::diag::{Rule, Violation};
use crate::lang::Msg;
use crate::msg;

/// A `[lint.severity]` entry for no rule, or lowering a locked one.
pub enum BadLint {
    NoSuchRule(String),
    LowersLocked(String),
}

impl Violation for BadLint {
    fn rule(&self) -> &'static Rule {
        &LINT_CONFIG
    }

    fn message(&self) -> Msg {
        match self {
            BadLint::NoSuchRule(code) => msg!("Không có quy tắc {code}", "There is no rule {code}"),
            BadLint::LowersLocked(code) => msg!(
                "{code} là yêu cầu bắt buộc: chỉ được nâng mức, không được hạ hay tắt",
                "{code} is a legal requirement: it can be raised, not lowered or switched off"
            ),
        }
    }
}
