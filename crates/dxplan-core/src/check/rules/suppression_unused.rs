crate::declare_rule! {
    /// Kiểm tra: mỗi chú thích `# dxplan: ignore[MÃ]` thực sự tắt một cảnh báo trên dòng đó.
    ///
    /// Vì sao: khi nội dung đã được sửa, chú thích tắt cảnh báo còn sót lại sẽ che mất lỗi mới xuất
    /// hiện sau này trên cùng dòng.
    ///
    /// Ví dụ: `number: 749/QĐ-TTg  # dxplan: ignore[DX082] văn bản địa phương` (749/QĐ-TTg có trong danh mục).
    /// Sửa: xóa chú thích.
    SUPPRESSION_UNUSED {
        code: "DX102",
        name: "suppression-unused",
        severity: Warning,
        summary: ("Chú thích tắt cảnh báo không tắt gì", "Suppression comment suppresses nothing"),
        clause: "dxplan: tắt cảnh báo",
        en: "Checks that each suppression comment suppresses a finding on its line. Why: a stale suppression hides the next real error on that line. Fix: remove it.",
    }
}

use crate::diag::{Rule, Violation};
use crate::lang::Msg;
use crate::msg;

/// A suppression that suppressed nothing: its rule did not fire on that line, or there is no
/// such rule.
pub enum Unused {
    NothingToSuppress(String),
    NoSuchRule(String),
}

impl Violation for Unused {
    fn rule(&self) -> &'static Rule {
        &SUPPRESSION_UNUSED
    }

    fn message(&self) -> Msg {
        match self {
            Unused::NothingToSuppress(code) => msg!(
                "Chú thích tắt {code} nhưng dòng này không có {code}",
                "Suppresses {code}, but this line has no {code}"
            ),
            Unused::NoSuchRule(code) => {
                msg!("Không có quy tắc {code}", "There is no rule {code}")
            }
        }
    }
}
