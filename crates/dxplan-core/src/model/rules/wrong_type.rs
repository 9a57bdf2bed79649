crate::declare_rule! {
    /// Kiểm tra: mỗi giá trị đúng kiểu (chuỗi, số, danh sách, bảng) và thuộc tập giá trị cho phép.
    ///
    /// Vì sao: giá trị sai kiểu không thể xuất đúng vào văn bản (ví dụ danh sách đơn vị phối hợp viết
    /// thành một bảng) và các phép cộng kinh phí sẽ sai.
    ///
    /// Ví dụ sai:
    ///     status: mới hoàn toàn
    ///     cooperating: Sở Tài chính
    /// Sửa: `status: mới` (hoặc `chuyển tiếp`); `cooperating: [Sở Tài chính]`.
    WRONG_TYPE {
        code: "DX011",
        name: "wrong-type",
        severity: Error,
        summary: ("Giá trị sai kiểu", "Wrong type"),
        clause: "dxplan schema",
        en: "Checks value types (text, number, list, table) and enumerated values. Why: a value of the wrong shape cannot be rendered or summed. Example: `status: mới hoàn toàn`, `cooperating: Sở Tài chính`. Fix: `status: mới` (or `chuyển tiếp`), `cooperating: [Sở Tài chính]`.",
    }
}

use crate::diag::{Rule, Violation};
use crate::lang::Msg;
use crate::msg;

/// A value of the wrong kind, or outside the allowed words.
pub enum Wrong {
    /// "must be a number, but is a string": the kinds in both languages, and the description.
    Type {
        path: String,
        want: Msg,
        got: Msg,
        description: String,
    },
    /// Not one of the allowed words; `closest` for "did you mean".
    Word {
        path: String,
        got: String,
        allowed: String,
        closest: Option<String>,
    },
}

impl Violation for Wrong {
    fn rule(&self) -> &'static Rule {
        &WRONG_TYPE
    }

    fn message(&self) -> Msg {
        match self {
            Wrong::Type {
                path, want, got, ..
            } => {
                let (want_vi, want_en, got_vi, got_en) = (&want.vi, &want.en, &got.vi, &got.en);
                msg!(
                    "`{path}` phải là {want_vi}, nhưng đang là {got_vi}",
                    "`{path}` must be {want_en}, but is {got_en}"
                )
            }
            Wrong::Word {
                path,
                got,
                allowed: list,
                ..
            } => msg!(
                "`{path}` không nhận giá trị „{got}”; chỉ nhận: {list}",
                "`{path}` does not accept „{got}”; allowed: {list}"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        match self {
            Wrong::Type { description, .. } => Some(msg!("{description}", "{description}")),
            Wrong::Word { closest, .. } => closest
                .as_ref()
                .map(|best| msg!("Có phải ý bạn là „{best}”?", "Did you mean „{best}”?")),
        }
    }
}

/// `section:` that is not text, or a shape the schema accepted but serde did not (a bug of
/// dxplan, reported rather than panicked on).
pub enum Unreadable {
    SectionNotText { got: Msg, codes: String },
    Internal(String),
}

impl Violation for Unreadable {
    fn rule(&self) -> &'static Rule {
        &WRONG_TYPE
    }

    fn message(&self) -> Msg {
        match self {
            Unreadable::SectionNotText { got, .. } => {
                let (got_vi, got_en) = (&got.vi, &got.en);
                msg!(
                    "`section` phải là mã mục (chuỗi), nhưng đang là {got_vi}",
                    "`section` must be a section code (text), but is {got_en}"
                )
            }
            Unreadable::Internal(m) => msg!(
                "Không đọc được nội dung: {m}",
                "Cannot read the content: {m}"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        match self {
            Unreadable::SectionNotText { codes: list, .. } => {
                Some(msg!("Các mã mục: {list}", "Section codes: {list}"))
            }
            Unreadable::Internal(_) => None,
        }
    }
}
