crate::declare_rule! {
    /// Kiểm tra: tệp YAML (mục kế hoạch) và `dxplan.toml` đúng cú pháp.
    ///
    /// Vì sao: tệp sai cú pháp không đọc được, nên mọi nội dung trong đó bị bỏ qua khi kiểm tra và
    /// khi xuất văn bản. Các tệp khác vẫn được kiểm tra bình thường.
    ///
    /// Ví dụ sai:
    ///     targets: [MT01, MT02
    ///     intro: …
    /// Sửa: đóng ngoặc `]`, hoặc viết danh sách theo dòng `- MT01`.
    SYNTAX {
        code: "DX001",
        name: "syntax",
        severity: Error,
        locked: true,
        summary: ("Tệp YAML/TOML sai cú pháp", "YAML/TOML syntax error"),
        clause: "YAML 1.2 / TOML 1.0",
        en: "Checks that every plan YAML file and dxplan.toml parse. Why: a file that cannot be parsed is ignored by every other check and missing from the document; the other files are still checked. Example: `targets: [MT01, MT02` (unclosed). Fix: close the bracket, or write the list one `- item` per line.",
    }
}
