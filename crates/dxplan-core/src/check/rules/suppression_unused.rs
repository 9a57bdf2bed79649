crate::declare_rule! {
    /// Kiểm tra: mỗi chú thích `# dxplan: ignore[MÃ]` thực sự tắt một cảnh báo trên dòng đó.
    ///
    /// Vì sao: khi nội dung đã được sửa, chú thích tắt cảnh báo còn sót lại sẽ che mất lỗi mới xuất
    /// hiện sau này trên cùng dòng.
    ///
    /// Ví dụ: `number: 749/QĐ-TTg  # dxplan: ignore[DX082] văn bản địa phương` (749/QĐ-TTg có trong danh mục).
    /// Sửa: xóa chú thích.
    SUPPRESSION_UNUSED {
        code: "DX102",
        name: "suppression-unused",
        severity: Warning,
        summary: ("Chú thích tắt cảnh báo không tắt gì", "Suppression comment suppresses nothing"),
        clause: "dxplan: tắt cảnh báo",
        en: "Checks that each suppression comment suppresses a finding on its line. Why: a stale suppression hides the next real error on that line. Fix: remove it.",
    }
}
