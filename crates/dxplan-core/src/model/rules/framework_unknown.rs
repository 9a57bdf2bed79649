crate::declare_rule! {
    /// Kiểm tra: `framework` trong `dxplan.toml` là một Khung có sẵn, hoặc `framework_file` trỏ tới
    /// một tệp dữ liệu Khung hợp lệ có cùng mã.
    ///
    /// Vì sao: mọi tiêu đề, nhiệm vụ trọng tâm, căn cứ và ngưỡng được kiểm tra theo Khung mà kế
    /// hoạch ghim. Khi không xác định được Khung, dxplan tạm dùng Khung 5406/BTTTT-CĐSQG để vẫn kiểm
    /// tra được phần còn lại, nhưng kết quả có thể không đúng với năm của kế hoạch.
    ///
    /// Ví dụ sai: `framework = "5406/BTTTT-CDSQG"` (thiếu dấu của chữ Đ).
    /// Sửa: `framework = "5406/BTTTT-CĐSQG"`.
    FRAMEWORK_UNKNOWN {
        code: "DX005",
        name: "framework-unknown",
        severity: Error,
        summary: ("Không xác định được Khung kế hoạch", "Unknown framework"),
        clause: "dxplan.toml: framework",
        en: "Checks that `framework` names a built-in framework, or that `framework_file` points to a valid framework data file with the same id. Why: every heading, priority task, citation and threshold is checked against the pinned framework. Example: `framework = \"5406/BTTTT-CDSQG\"` (Đ missing). Fix: `framework = \"5406/BTTTT-CĐSQG\"`.",
    }
}

use crate::diag::{Rule, Violation};
use crate::lang::Msg;
use crate::msg;

/// The framework a plan pins cannot be had.
pub enum NoFramework {
    /// The `framework_file` could not be read: the reader's words.
    Unreadable(Msg),
    /// The file's id is not the one `framework` names.
    OtherId { file: String, config: String },
    /// The file does not parse.
    Invalid {
        message: String,
        line: usize,
        column: usize,
    },
    /// No built-in framework has that id; `known`: the built-in ones.
    NotBuiltIn { id: String, known: String },
}

impl Violation for NoFramework {
    fn rule(&self) -> &'static Rule {
        &FRAMEWORK_UNKNOWN
    }

    fn message(&self) -> Msg {
        match self {
            NoFramework::Unreadable(m) => m.clone(),
            NoFramework::OtherId { file: a, config: b } => msg!(
                "Tệp Khung có mã „{a}” nhưng `framework` ghi „{b}”",
                "The framework file's id is „{a}” but `framework` says „{b}”"
            ),
            NoFramework::Invalid {
                message: m,
                line: l,
                column: c,
            } => msg!(
                "Tệp Khung không hợp lệ (dòng {l}, cột {c}): {m}",
                "Invalid framework file (line {l}, column {c}): {m}"
            ),
            NoFramework::NotBuiltIn { id: got, .. } => {
                msg!("Không có Khung „{got}”", "No framework „{got}”")
            }
        }
    }

    fn hint(&self) -> Option<Msg> {
        match self {
            NoFramework::Unreadable(_) => Some(msg!(
                "`framework_file` là đường dẫn tương đối tới một tệp trong thư mục kế hoạch.",
                "`framework_file` is a relative path to a file inside the plan directory."
            )),
            NoFramework::NotBuiltIn { known: list, .. } => Some(msg!(
                "Khung có sẵn: {list}; hoặc chỉ tới tệp dữ liệu bằng `framework_file`.",
                "Built-in frameworks: {list}; or point `framework_file` at a data file."
            )),
            _ => None,
        }
    }
}
