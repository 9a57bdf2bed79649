crate::declare_rule! {
    /// Kiểm tra: thư mục kế hoạch có tệp `dxplan.toml`.
    ///
    /// Vì sao: `dxplan.toml` mang các thành phần thể thức bắt buộc của văn bản (Nghị định 30/2020,
    /// Điều 8 khoản 2: tên cơ quan ban hành; số, ký hiệu; địa danh và thời gian; tên loại và trích
    /// yếu; người ký; nơi nhận) và cho biết kế hoạch theo Khung nào, cấp nào, năm nào.
    ///
    /// Sửa: `dxplan init THƯ_MỤC --level tinh` tạo sẵn tệp mẫu.
    CONFIG_MISSING {
        code: "DX006",
        name: "config-missing",
        severity: Error,
        locked: true,
        summary: ("Thiếu tệp dxplan.toml", "dxplan.toml is missing"),
        clause: "NĐ 30/2020, Điều 8 khoản 2",
        en: "Checks that the plan directory has a dxplan.toml. Why: it carries the mandatory components of Decree 30/2020, Art. 8.2 (issuer, number and symbol, place and date, type and summary, signer, recipients) and the framework, level and year. Fix: `dxplan init DIR --level tinh`.",
    }
}

use crate::diag::{Rule, Violation};
use crate::lang::Msg;
use crate::msg;

/// The plan directory has no `dxplan.toml`.
pub struct ConfigMissing(pub &'static str);

impl Violation for ConfigMissing {
    fn rule(&self) -> &'static Rule {
        &CONFIG_MISSING
    }

    fn message(&self) -> Msg {
        let file = self.0;
        msg!(
            "Thư mục kế hoạch thiếu tệp {file}",
            "The plan directory has no {file}"
        )
    }

    fn hint(&self) -> Option<Msg> {
        Some(msg!(
            "Tạo bằng `dxplan init THƯ_MỤC --level tinh|bo` hoặc chép từ examples/.",
            "Create one with `dxplan init DIR --level tinh|bo` or copy one from examples/."
        ))
    }
}
