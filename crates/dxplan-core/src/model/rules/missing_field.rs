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
