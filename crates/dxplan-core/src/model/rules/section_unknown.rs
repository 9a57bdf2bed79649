crate::declare_rule! {
    /// Kiểm tra: mỗi tệp YAML khai `section:` là một mục có trong Khung.
    ///
    /// Vì sao: tên mục quyết định tiêu đề và vị trí của nội dung trong văn bản; mục lạ sẽ không được
    /// xuất. Danh sách mã mục: `dxplan schema` hoặc các tệp do `dxplan init` tạo.
    ///
    /// Ví dụ sai: `section: nhiem-vu-an-toan-thongtin`.
    /// Sửa: `section: nhiem-vu-an-toan-thong-tin`.
    SECTION_UNKNOWN {
        code: "DX022",
        name: "section-unknown",
        severity: Error,
        summary: ("Mục không có trong Khung", "Unknown section"),
        clause: "Khung kế hoạch",
        en: "Checks that each file's `section:` is a section of the framework. Why: the section decides the heading and place of the content; an unknown one is not rendered. Fix: use one of the listed codes.",
    }
}
