//! Evaluation items evaluated jointly are shown, not refused.

crate::declare_rule! {
    /// Cảnh báo: một số mục của Phần I.II được đánh giá chung — ở mục nhóm („1” cho 1.1–1.3) hoặc ở
    /// cả mục (khóa `results` / `limitations` của tệp) — thay vì mỗi mục có a) Kết quả đạt được và
    /// b) Tồn tại, hạn chế riêng.
    ///
    /// Vì sao: Khung đề nghị đánh giá từng mục, nhưng nhiều kế hoạch thật đánh giá chung một nhóm;
    /// đó không phải lỗi chặn ban hành, nên dxplan in đánh giá chung dưới tên nhóm và nhắc người
    /// duyệt. Mục không được đánh giá ở đâu cả vẫn là lỗi DX023.
    ///
    /// Ví dụ: `items: [{number: "1", results: …, limitations: …}]` cho 1.1, 1.2, 1.3.
    /// Sửa (nếu muốn): tách thành `number: "1.1"`, `"1.2"`, `"1.3"`.
    EVALUATION_GROUPED {
        code: "DX033",
        name: "evaluation-grouped",
        severity: Warning,
        summary: ("Đánh giá chung nhiều mục", "Items evaluated together"),
        clause: "Khung kế hoạch, Phần I.II",
        en: "Warns when items of Part I.II are evaluated together, under a group item (\"1\" for 1.1–1.3) or for the whole section (`results` / `limitations` of the file), instead of each with its own a) and b). Why: the framework asks for each item, but real plans often evaluate a group; that should not block the plan, so it is printed under the group and shown to the reviewer. An item evaluated nowhere is still DX023.",
    }
}

/// Items evaluated together under a group (or the whole section): the list and where.
pub struct Grouped {
    /// "1.1, 1.2, 1.3".
    pub items: String,
    /// "mục 1" / "item 1", or "cả mục" / "the whole section".
    pub at: crate::lang::Msg,
    /// The points they share when they have the others of their own ("b) Tồn tại, hạn chế");
    /// `None` when they share every point.
    pub shared: Option<String>,
}

impl crate::diag::Violation for Grouped {
    fn rule(&self) -> &'static crate::diag::Rule {
        &EVALUATION_GROUPED
    }

    fn message(&self) -> crate::lang::Msg {
        let (list, at, at_en) = (&self.items, &self.at.vi, &self.at.en);
        match &self.shared {
            Some(points) => crate::msg!(
                "Các mục {list} dùng chung „{points}” ở {at}",
                "Items {list} share „{points}” given under {at_en}"
            ),
            None => crate::msg!(
                "Các mục {list} được đánh giá chung ở {at}, không có a), b) riêng",
                "Items {list} are evaluated together under {at_en}, without a) and b) of their own"
            ),
        }
    }

    fn hint(&self) -> Option<crate::lang::Msg> {
        Some(crate::msg!(
            "Khung đề nghị đánh giá a) Kết quả đạt được, b) Tồn tại, hạn chế cho từng mục; tách ra nếu được, hoặc giữ nếu đánh giá chung là chủ ý.",
            "The framework asks for a) results and b) shortcomings per item; split them if you can, or keep the joint evaluation if it is deliberate."
        ))
    }
}
