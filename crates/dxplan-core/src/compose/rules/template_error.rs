crate::declare_rule! {
    /// Kiểm tra: các mẫu văn bản (thư mục `templates/` của kế hoạch, ghi đè mẫu có sẵn của dxplan)
    /// đúng cú pháp minijinja và chỉ dùng các biến có thật.
    ///
    /// Vì sao: mẫu quyết định câu chữ cố định của văn bản (câu mở đầu, tiêu đề phụ lục, dòng „Kèm
    /// theo …”, tiêu đề cột bảng). Một biến gõ sai sẽ để trống chỗ đó trong văn bản gửi đi; dxplan
    /// dừng lại và chỉ đúng dòng của mẫu thay vì in văn bản thiếu chữ.
    ///
    /// Ví dụ sai (`templates/opening.txt`): `{{ co_quan }} ban hành Kế hoạch …`.
    /// Sửa: `{{ issuer }} ban hành Kế hoạch …` (xem mẫu gốc cùng tên để biết các biến).
    TEMPLATE_ERROR {
        code: "DX100",
        name: "template-error",
        severity: Error,
        summary: ("Mẫu văn bản lỗi", "Template error"),
        clause: "dxplan: mẫu văn bản",
        en: "Checks the plan's template overrides (`templates/`) compile and use only existing variables. Why: templates hold the fixed wording of the document; an undefined variable would leave a blank in the issued document, so dxplan stops at the template's line. Fix: use the variables of the built-in template of the same name.",
    }
}
