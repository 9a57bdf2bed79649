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
