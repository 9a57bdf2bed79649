crate::declare_rule! {
    /// Kiểm tra: mỗi giá trị đúng kiểu (chuỗi, số, danh sách, bảng) và thuộc tập giá trị cho phép.
    ///
    /// Vì sao: giá trị sai kiểu không thể xuất đúng vào văn bản (ví dụ danh sách đơn vị phối hợp viết
    /// thành một bảng) và các phép cộng kinh phí sẽ sai.
    ///
    /// Ví dụ sai:
    ///     status: mới hoàn toàn
    ///     cooperating: Sở Tài chính
    /// Sửa: `status: mới` (hoặc `chuyển tiếp`); `cooperating: [Sở Tài chính]`.
    WRONG_TYPE {
        code: "DX011",
        name: "wrong-type",
        severity: Error,
        summary: ("Giá trị sai kiểu", "Wrong type"),
        clause: "dxplan schema",
        en: "Checks value types (text, number, list, table) and enumerated values. Why: a value of the wrong shape cannot be rendered or summed. Example: `status: mới hoàn toàn`, `cooperating: Sở Tài chính`. Fix: `status: mới` (or `chuyển tiếp`), `cooperating: [Sở Tài chính]`.",
    }
}
