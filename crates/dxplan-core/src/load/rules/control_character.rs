crate::declare_rule! {
    /// Kiểm tra: tệp không chứa ký tự điều khiển (U+0000–U+001F trừ tab, xuống dòng; U+007F;
    /// U+FFFE, U+FFFF) — hay gặp khi dán văn bản từ Word: U+000B là „ngắt dòng mềm” (Shift+Enter).
    ///
    /// Vì sao: các ký tự này không hiện ra khi soạn nhưng không có trong XML hợp lệ; trước đây chúng
    /// làm DOCX hỏng mà `check` không nói gì. Nay các trình xuất không bao giờ ghi chúng ra (U+000B
    /// được in thành ngắt dòng, ký tự khác bị bỏ), và quy tắc này chỉ đúng chỗ để sửa tận gốc.
    /// `dxplan check --fix` xóa chúng (U+000B thay bằng dấu cách).
    ///
    /// Ví dụ: `text: "Kết quả đạt được:\u000bmột là …"` (dán từ Word).
    /// Sửa: `dxplan check --fix`, hoặc xuống dòng thật trong khối `|`.
    CONTROL_CHARACTER {
        code: "DX008",
        name: "control-character",
        severity: Warning,
        summary: ("Ký tự điều khiển trong tệp", "Control character in a file"),
        clause: "dxplan: quy ước tệp",
        en: "Reports control characters (U+0000–U+001F but tab and newline, U+007F, U+FFFE, U+FFFF), often pasted from Word (U+000B is its soft line break). Why: invisible while editing and not allowed in XML; renderers now drop them (U+000B becomes a line break), and this rule locates them. Fix: `dxplan check --fix` removes them (U+000B becomes a space).",
    }
}

use crate::diag::{Rule, Violation};
use crate::lang::Msg;
use crate::msg;

/// A control character: raw in the file ("U+000B", Word's soft line break or another), or
/// written as an escape inside a value.
pub enum Control {
    Raw {
        code: String,
        soft_break: bool,
    },
    Escaped(String),
    /// In the file's name: a newline there would start a line of its own in every output.
    InName,
}

impl Violation for Control {
    fn rule(&self) -> &'static Rule {
        &CONTROL_CHARACTER
    }

    fn message(&self) -> Msg {
        match self {
            Control::Raw { code, soft_break } => {
                let (what_vi, what_en) = if *soft_break {
                    ("ngắt dòng mềm của Word", "Word's soft line break")
                } else {
                    ("ký tự điều khiển", "control character")
                };
                msg!("Có {what_vi} {code}", "A {what_en} {code}")
            }
            Control::Escaped(code) => msg!(
                "Giá trị chứa ký tự điều khiển {code} (viết bằng mã thoát)",
                "The value contains the control character {code} (written as an escape)"
            ),
            Control::InName => msg!(
                "Tên tệp có ký tự điều khiển (xuống dòng, ESC …), in ra dưới dạng mã thoát",
                "The file name has control characters (newline, ESC …), shown escaped"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        match self {
            Control::Raw { .. } => None,
            Control::InName => Some(msg!(
                "Đổi tên tệp: chỉ chữ, số, dấu gạch nối.",
                "Rename the file: letters, digits and hyphens only."
            )),
            Control::Escaped(_) => Some(msg!(
                "Xóa mã thoát; muốn xuống dòng thì dùng khối `|` của YAML.",
                "Remove the escape; for a line break use a YAML `|` block."
            )),
        }
    }
}
