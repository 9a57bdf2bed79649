crate::declare_rule! {
    /// Kiểm tra: các trường bắt buộc có mặt và không để trống.
    ///
    /// Vì sao: trường bắt buộc là thành phần mà Khung hoặc Nghị định 30/2020 yêu cầu phải có (ví dụ
    /// nhiệm vụ phải có đơn vị chủ trì và thời gian thực hiện; văn bản phải có trích yếu).
    ///
    /// Ví dụ sai:
    ///     - id: NV-1.01
    ///       title: Tổ chức Ngày Chuyển đổi số
    ///       lead:
    /// Sửa: điền `lead: Sở Thông tin và Truyền thông` và `timeframe: Quý IV/2023`.
    MISSING_FIELD {
        code: "DX012",
        name: "missing-field",
        severity: Error,
        summary: ("Thiếu trường bắt buộc", "Missing required field"),
        clause: "dxplan schema",
        en: "Checks that required fields are present and not empty. Why: they are what the framework or the decree requires (a task's lead unit and timeframe, the document's summary…). Fix: fill the field in.",
    }
}

use crate::diag::{Rule, Violation};
use crate::lang::Msg;
use crate::msg;

/// A required field missing, or a field present but empty ("still to write"), with the
/// schema's description of it.
pub enum Missing {
    /// `path` as the message names it ("tasks[2].lead"), `name` as it is written ("lead").
    Field {
        path: String,
        name: String,
        description: String,
    },
    /// Present but empty; no description for a list entry (the list's own says it).
    Empty {
        path: String,
        description: Option<String>,
    },
}

impl Violation for Missing {
    fn rule(&self) -> &'static Rule {
        &MISSING_FIELD
    }

    fn message(&self) -> Msg {
        match self {
            Missing::Field { path, .. } => msg!(
                "Thiếu trường bắt buộc `{path}`",
                "Missing required field `{path}`"
            ),
            Missing::Empty { path, .. } => msg!("`{path}` để trống", "`{path}` is empty"),
        }
    }

    fn hint(&self) -> Option<Msg> {
        match self {
            Missing::Field {
                name, description, ..
            } => Some(msg!(
                "Thêm `{name}`: {description}",
                "Add `{name}`: {description}"
            )),
            Missing::Empty {
                description: Some(desc),
                ..
            } => Some(msg!("Điền giá trị: {desc}", "Fill it in: {desc}")),
            Missing::Empty { .. } => None,
        }
    }
}
