crate::declare_rule! {
    /// Kiểm tra: chú thích tắt cảnh báo `# dxplan: ignore[MÃ] lý do` có lý do, và không tắt quy tắc
    /// là yêu cầu pháp lý (xem `dxplan rules`: các quy tắc đánh dấu „bắt buộc”).
    ///
    /// Vì sao: một dòng tắt cảnh báo không lý do sẽ không ai hiểu vì sao sau một năm; và yêu cầu của Khung
    /// hay của Nghị định 30/2020 (thiếu mục, quên nhiệm vụ trọng tâm, ký hiệu sai…) không thể được nới bằng
    /// cấu hình: người thẩm định vẫn sẽ trả văn bản về.
    ///
    /// Ví dụ sai: `status: mới  # dxplan: ignore[DX055]`.
    /// Sửa: `# dxplan: ignore[DX082] văn bản của tỉnh, không có trong danh mục`.
    SUPPRESSION_INVALID {
        code: "DX101",
        name: "suppression-invalid",
        severity: Warning,
        summary: ("Chú thích tắt cảnh báo không hợp lệ", "Invalid suppression comment"),
        clause: "dxplan: tắt cảnh báo",
        en: "Checks that a suppression comment `# dxplan: ignore[CODE] reason` has a reason and does not target a locked rule. Why: an unexplained suppression is a mystery a year later, and requirements of the framework or the decree cannot be relaxed by configuration. Fix: add the reason, or fix the content.",
    }
}
