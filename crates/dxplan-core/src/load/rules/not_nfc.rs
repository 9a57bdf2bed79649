crate::declare_rule! {
    /// Kiểm tra: văn bản ở dạng chuẩn Unicode NFC (chữ có dấu là một ký tự dựng sẵn).
    ///
    /// Vì sao: cùng một chữ „ộ” có thể lưu là một ký tự (NFC) hoặc „o” + dấu mũ + dấu nặng (NFD,
    /// thường gặp khi chép từ macOS hoặc PDF). Hai dạng trông giống nhau nhưng tìm kiếm, so sánh
    /// tiêu đề với Khung và một số phông chữ xử lý khác nhau. dxplan luôn chuẩn hóa khi xuất văn bản;
    /// cảnh báo này để tệp nguồn cũng sạch.
    ///
    /// Ví dụ sai: `title: "Đô\u0323c lập"` (dấu nặng rời).
    /// Sửa: `dxplan check --fix`, hoặc gõ lại bằng bộ gõ Unicode dựng sẵn.
    NOT_NFC {
        code: "DX004",
        name: "not-nfc",
        severity: Warning,
        summary: ("Văn bản không ở dạng NFC", "Text is not NFC"),
        clause: "NĐ 30/2020, Phụ lục I, Phần I, mục I.4 (TCVN 6909:2001)",
        en: "Checks that text is in Unicode NFC (precomposed diacritics). Why: text pasted from macOS or PDFs is often NFD; it looks the same but compares, searches and renders differently. dxplan normalises output anyway. Fix: `dxplan check --fix`.",
    }
}

use crate::diag::{Rule, Violation};
use crate::lang::Msg;
use crate::msg;

/// Text with decomposed diacritics.
pub struct NotNfc;

impl Violation for NotNfc {
    fn rule(&self) -> &'static Rule {
        &NOT_NFC
    }

    fn message(&self) -> Msg {
        msg!(
            "Văn bản không ở dạng chuẩn Unicode NFC (dấu tổ hợp rời)",
            "Text is not in Unicode NFC (decomposed diacritics)"
        )
    }

    fn hint(&self) -> Option<Msg> {
        Some(msg!(
            "dxplan tự chuẩn hóa khi xuất văn bản; `dxplan check --fix` sửa ngay trong tệp.",
            "dxplan normalises it for output; `dxplan check --fix` rewrites the file."
        ))
    }
}
