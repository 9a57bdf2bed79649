crate::declare_rule! {
    /// Kiểm tra: tệp không quá lớn (4 MiB), không lồng quá sâu, không dùng alias YAML bùng nổ.
    ///
    /// Vì sao: một kế hoạch cả tỉnh chỉ vài trăm KiB; tệp vượt giới hạn gần như chắc chắn là nhầm
    /// (dữ liệu xuất từ hệ thống khác) hoặc cố ý làm treo công cụ (YAML „billion laughs”). dxplan từ
    /// chối ngay, trong chưa tới một giây, thay vì dùng hết bộ nhớ của máy CI.
    ///
    /// Ví dụ sai:
    ///     a: &a [x, x, x, x, x, x, x, x, x]
    ///     b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    ///     c: &c [*b, *b, *b, …]
    /// Sửa: viết thẳng nội dung, không dùng alias lồng nhau.
    LIMITS {
        code: "DX003",
        name: "limits",
        severity: Error,
        locked: true,
        summary: ("Tệp vượt giới hạn an toàn", "File exceeds a safety limit"),
        clause: "dxplan: giới hạn an toàn đầu vào",
        en: "Checks that a file is not huge (4 MiB), deeply nested or an alias bomb. Why: a whole province plan is a few hundred KiB; anything beyond is a mistake or an attack, refused in well under a second instead of exhausting the CI machine. Fix: write the content plainly, without nested aliases.",
    }
}
