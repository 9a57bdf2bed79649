crate::declare_rule! {
    /// Kiểm tra: chú thích tắt cảnh báo `# dxplan: ignore[MÃ] lý do` có lý do, và không tắt quy tắc
    /// là yêu cầu pháp lý (xem `dxplan rules`: các quy tắc đánh dấu „bắt buộc”).
    ///
    /// Vì sao: một dòng tắt cảnh báo không lý do sẽ không ai hiểu vì sao sau một năm; và yêu cầu của Khung
    /// hay của Nghị định 30/2020 (thiếu mục, quên nhiệm vụ trọng tâm, ký hiệu sai…) không thể được nới bằng
    /// cấu hình: người thẩm định vẫn sẽ trả văn bản về.
    ///
    /// Ví dụ sai: `status: mới  # dxplan: ignore[DX055]`.
    /// Sửa: `# dxplan: ignore[DX082] văn bản của tỉnh, không có trong danh mục`.
    SUPPRESSION_INVALID {
        code: "DX101",
        name: "suppression-invalid",
        severity: Warning,
        summary: ("Chú thích tắt cảnh báo không hợp lệ", "Invalid suppression comment"),
        clause: "dxplan: tắt cảnh báo",
        en: "Checks that a suppression comment `# dxplan: ignore[CODE] reason` has a reason and does not target a locked rule. Why: an unexplained suppression is a mystery a year later, and requirements of the framework or the decree cannot be relaxed by configuration. Fix: add the reason, or fix the content.",
    }
}

use crate::diag::{Rule, Violation};
use crate::lang::Msg;
use crate::msg;

/// A suppression comment without its reason, or one that names a locked rule.
pub enum Invalid {
    NoReason,
    /// The locked rule's code.
    Locked(String),
}

impl Violation for Invalid {
    fn rule(&self) -> &'static Rule {
        &SUPPRESSION_INVALID
    }

    fn message(&self) -> Msg {
        match self {
            Invalid::NoReason => msg!(
                "Chú thích tắt cảnh báo thiếu lý do",
                "The suppression has no reason"
            ),
            Invalid::Locked(code) => msg!(
                "{code} là yêu cầu bắt buộc, không tắt được",
                "{code} is a legal requirement and cannot be suppressed"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        Some(match self {
            Invalid::NoReason => msg!(
                "Viết lý do sau dấu ], ví dụ: # dxplan: ignore[DX082] văn bản của tỉnh.",
                "Write the reason after ], e.g. # dxplan: ignore[DX082] a provincial document."
            ),
            Invalid::Locked(code) => msg!(
                "Sửa nội dung cho đúng yêu cầu; xem `dxplan explain {code}`.",
                "Fix the content; see `dxplan explain {code}`."
            ),
        })
    }
}
