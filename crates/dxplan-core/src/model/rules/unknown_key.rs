crate::declare_rule! {
    /// Kiểm tra: mọi khóa trong tệp đều là khóa mà mục đó nhận (theo `dxplan schema`).
    ///
    /// Vì sao: khóa gõ sai (`investmnet` thay vì `investment`) làm nội dung bị bỏ qua âm thầm: dự
    /// án sẽ thiếu tổng mức đầu tư trong phụ lục. dxplan báo ngay và gợi ý khóa gần nhất.
    ///
    /// Ví dụ sai:
    ///     - id: DA01
    ///       investmnet: 1200
    /// Sửa: `investment: 1200`.
    UNKNOWN_KEY {
        code: "DX010",
        name: "unknown-key",
        severity: Error,
        summary: ("Khóa không hợp lệ", "Unknown key"),
        clause: "dxplan schema",
        en: "Checks that every key is one the section accepts (see `dxplan schema`), suggesting the closest. Why: a misspelt key (`investmnet`) silently drops content from the document. Fix: use the suggested key.",
    }
}
