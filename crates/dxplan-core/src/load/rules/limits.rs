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

/// Directories deeper than the walk goes: a warning, since nothing was refused — a part of the
/// tree was not looked at.
pub struct TooDeep {
    pub count: usize,
    pub depth: usize,
    /// One of them, as a path from the plan.
    pub example: String,
}

impl crate::diag::Violation for TooDeep {
    fn rule(&self) -> &'static crate::diag::Rule {
        &LIMITS
    }

    fn message(&self) -> crate::lang::Msg {
        let (n, depth, shown) = (self.count, self.depth, &self.example);
        crate::msg!(
            "{n} thư mục nằm sâu hơn {depth} cấp không được đọc (ví dụ {shown})",
            "{n} directories deeper than {depth} levels were not read (e.g. {shown})"
        )
    }

    fn hint(&self) -> Option<crate::lang::Msg> {
        Some(crate::msg!(
            "Đặt các tệp của kế hoạch gần thư mục gốc hơn.",
            "Keep the plan's files closer to its root."
        ))
    }

    fn severity(&self) -> crate::diag::Severity {
        crate::diag::Severity::Warning
    }
}

/// A file refused before or while it is read.
pub enum Refused {
    /// A YAML budget (aliases, depth) passed: the parser's words.
    YamlLimit(String),
    /// Larger than the cap, in MiB.
    TooLarge(u64),
    /// Not a regular file inside the plan (a link, a device …): the reader's words.
    NotRegular(crate::lang::Msg),
    /// One paragraph longer than the cap (KiB): the PDF layout's cost grows faster than the
    /// paragraph (500 KiB: 5 s, 400 MB), and no administrative text has such a paragraph.
    Paragraph { kib: usize, max: usize },
    /// The plan's files together past the cap (MiB): the rest are not read.
    PlanTooLarge(u64),
}

impl crate::diag::Violation for Refused {
    fn rule(&self) -> &'static crate::diag::Rule {
        &LIMITS
    }

    fn message(&self) -> crate::lang::Msg {
        match self {
            Refused::YamlLimit(m) => crate::msg!(
                "Tệp YAML vượt giới hạn an toàn và bị từ chối: {m}",
                "The YAML file exceeds a safety limit and is refused: {m}"
            ),
            Refused::TooLarge(max) => crate::msg!(
                "Tệp lớn hơn giới hạn {max} MiB; tệp không được đọc",
                "File larger than the limit of {max} MiB; it was not read"
            ),
            Refused::NotRegular(m) => m.clone(),
            Refused::Paragraph { kib, max } => crate::msg!(
                "Một đoạn văn dài {kib} KiB, quá giới hạn {max} KiB của một đoạn",
                "A paragraph of {kib} KiB, past the limit of {max} KiB for one paragraph"
            ),
            Refused::PlanTooLarge(max) => crate::msg!(
                "Các tệp của kế hoạch cộng lại vượt {max} MiB; tệp này và các tệp sau không được đọc",
                "The plan's files together exceed {max} MiB; this file and those after it were not read"
            ),
        }
    }

    fn hint(&self) -> Option<crate::lang::Msg> {
        Some(match self {
            Refused::YamlLimit(_) => crate::msg!(
                "Tệp kế hoạch không cần alias lồng nhau hay cấu trúc sâu; hãy viết thẳng nội dung.",
                "Plan files need no nested aliases or deep nesting; write the content out plainly."
            ),
            Refused::TooLarge(_) => crate::msg!(
                "Tách nội dung thành nhiều tệp theo mục của Khung, hoặc bỏ dữ liệu không thuộc kế hoạch.",
                "Split the content into one file per framework section, or drop data that is not plan text."
            ),
            Refused::NotRegular(_) => crate::msg!(
                "Đặt tệp thật (không phải liên kết) vào thư mục kế hoạch.",
                "Put a real file (not a link) inside the plan directory."
            ),
            Refused::Paragraph { .. } => crate::msg!(
                "Chia thành nhiều đoạn bằng một dòng trống; văn bản hành chính không có đoạn dài như vậy.",
                "Split it into paragraphs with blank lines; no administrative text has a paragraph that long."
            ),
            Refused::PlanTooLarge(_) => crate::msg!(
                "Bỏ dữ liệu không thuộc kế hoạch khỏi thư mục kế hoạch.",
                "Remove data that is not plan text from the plan directory."
            ),
        })
    }
}
