crate::declare_rule! {
    /// Kiểm tra: mọi khóa trong tệp đều là khóa mà mục đó nhận (theo `dxplan schema`).
    ///
    /// Vì sao: khóa gõ sai (`investmnet` thay vì `investment`) làm nội dung bị bỏ qua âm thầm: dự
    /// án sẽ thiếu tổng mức đầu tư trong phụ lục. dxplan báo ngay và gợi ý khóa gần nhất.
    ///
    /// Ví dụ sai:
    ///     - id: DA01
    ///       investmnet: 1200
    /// Sửa: `investment: 1200`.
    UNKNOWN_KEY {
        code: "DX010",
        name: "unknown-key",
        severity: Error,
        summary: ("Khóa không hợp lệ", "Unknown key"),
        clause: "dxplan schema",
        en: "Checks that every key is one the section accepts (see `dxplan schema`), suggesting the closest. Why: a misspelt key (`investmnet`) silently drops content from the document. Fix: use the suggested key.",
    }
}

use crate::diag::{Rule, Violation};
use crate::lang::Msg;
use crate::msg;

/// A key the schema does not allow here, with the allowed ones and the closest.
pub struct UnknownKey {
    pub name: String,
    pub allowed: String,
    pub closest: Option<String>,
}

impl Violation for UnknownKey {
    fn rule(&self) -> &'static Rule {
        &UNKNOWN_KEY
    }

    fn message(&self) -> Msg {
        let name = &self.name;
        msg!("Khóa không hợp lệ `{name}`", "Unknown key `{name}`")
    }

    fn hint(&self) -> Option<Msg> {
        let list = &self.allowed;
        Some(match &self.closest {
            Some(best) => msg!(
                "Có phải ý bạn là `{best}`? Các khóa hợp lệ ở đây: {list}",
                "Did you mean `{best}`? Keys allowed here: {list}"
            ),
            None => msg!("Các khóa hợp lệ ở đây: {list}", "Keys allowed here: {list}"),
        })
    }
}
