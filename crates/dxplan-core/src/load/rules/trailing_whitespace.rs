crate::declare_rule! {
    /// Kiểm tra: dòng không kết thúc bằng dấu cách hay tab thừa.
    ///
    /// Vì sao: khoảng trắng cuối dòng không hiện ra nhưng làm mỗi lần sửa tệp sinh ra thay đổi thừa
    /// trong git, khó xem lại. Chỉ là thông tin; `dxplan check --fix` xóa chúng.
    ///
    /// Ví dụ: `lead: Sở Tài chính␠␠`.
    /// Sửa: `dxplan check --fix`.
    TRAILING_WHITESPACE {
        code: "DX007",
        name: "trailing-whitespace",
        severity: Info,
        summary: ("Khoảng trắng thừa cuối dòng", "Trailing whitespace"),
        clause: "dxplan: quy ước tệp",
        en: "Reports trailing spaces or tabs. Why: invisible, but they make every edit a noisy git diff. Info only. Fix: `dxplan check --fix`.",
    }
}

use crate::diag::{Rule, Violation};
use crate::lang::Msg;
use crate::msg;

/// Spaces or tabs at the end of a line.
pub struct Trailing;

impl Violation for Trailing {
    fn rule(&self) -> &'static Rule {
        &TRAILING_WHITESPACE
    }

    fn message(&self) -> Msg {
        msg!("Khoảng trắng thừa cuối dòng", "Trailing whitespace")
    }
}
