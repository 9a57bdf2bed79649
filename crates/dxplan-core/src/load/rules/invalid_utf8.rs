crate::declare_rule! {
    /// Kiểm tra: tệp được mã hóa UTF-8.
    ///
    /// Vì sao: Nghị định 30/2020 yêu cầu „Phông chữ tiếng Việt Times New Roman, bộ mã ký tự Unicode
    /// theo Tiêu chuẩn Việt Nam TCVN 6909:2001” (Phụ lục I, Phần I, mục I.4). Tệp lưu bằng bảng mã
    /// cũ (TCVN3, VNI) hoặc Windows-1258 sẽ hiển thị sai dấu.
    ///
    /// Ví dụ sai: tệp lưu bằng Windows-1258 có byte 0xD2 ở giữa chữ „Hòa”.
    /// Sửa: mở tệp trong trình soạn thảo và lưu lại với bảng mã UTF-8.
    INVALID_UTF8 {
        code: "DX002",
        name: "invalid-utf8",
        severity: Error,
        locked: true,
        summary: ("Tệp không phải UTF-8", "File is not UTF-8"),
        clause: "NĐ 30/2020, Phụ lục I, Phần I, mục I.4 (TCVN 6909:2001)",
        en: "Checks that files are UTF-8. Why: Decree 30/2020 (Appendix I, I.4) requires Unicode per TCVN 6909:2001; files saved in TCVN3, VNI or Windows-1258 show broken diacritics. Fix: save the file as UTF-8.",
    }
}

use crate::diag::{Rule, Violation};
use crate::lang::Msg;
use crate::msg;

/// The first byte that is not UTF-8.
pub struct BadByte(pub u8);

impl Violation for BadByte {
    fn rule(&self) -> &'static Rule {
        &INVALID_UTF8
    }

    fn message(&self) -> Msg {
        let byte = self.0;
        msg!(
            "Tệp không phải UTF-8 hợp lệ (byte 0x{byte:02X} ở vị trí này)",
            "The file is not valid UTF-8 (byte 0x{byte:02X} here)"
        )
    }

    fn hint(&self) -> Option<Msg> {
        Some(msg!(
            "Lưu lại tệp với bảng mã UTF-8 (Unicode, TCVN 6909:2001); không dùng TCVN3/VNI.",
            "Save the file as UTF-8 (Unicode, TCVN 6909:2001), not TCVN3 or VNI."
        ))
    }
}
