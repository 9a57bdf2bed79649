crate::declare_rule! {
    /// Kiểm tra: mỗi mục của Khung chỉ được điền bởi một tệp.
    ///
    /// Vì sao: hai tệp cùng điền một mục thì không biết nội dung nào là chính thức; văn bản xuất ra
    /// sẽ lặp mục. Tệp thứ hai bị bỏ qua cho đến khi gộp.
    ///
    /// Ví dụ sai: `phan-2/muc-tieu.yaml` và `phan-2/muc-tieu-cu.yaml` cùng có `section: muc-tieu`.
    /// Sửa: gộp nội dung vào một tệp, xóa hoặc đổi mục của tệp kia.
    SECTION_DUPLICATE {
        code: "DX021",
        name: "section-duplicate",
        severity: Error,
        summary: ("Mục được điền hai lần", "Section filled twice"),
        clause: "Khung kế hoạch",
        en: "Checks that each framework section is filled by one file only. Why: two files for one section leave it unclear which text is official and would repeat the section. Fix: merge the files.",
    }
}

use crate::diag::{Rule, Violation};
use crate::lang::Msg;
use crate::msg;

/// A section filled by a second file; `first`: the file that fills it.
pub struct Duplicate {
    pub slug: String,
    pub first: String,
}

impl Violation for Duplicate {
    fn rule(&self) -> &'static Rule {
        &SECTION_DUPLICATE
    }

    fn message(&self) -> Msg {
        let (slug, other) = (&self.slug, &self.first);
        msg!(
            "Mục `{slug}` đã được điền trong {other}",
            "Section `{slug}` is already filled in {other}"
        )
    }

    fn hint(&self) -> Option<Msg> {
        let other = &self.first;
        Some(msg!(
            "Mỗi mục của Khung chỉ điền ở một tệp; gộp nội dung vào {other}.",
            "Each framework section is filled by one file; merge this into {other}."
        ))
    }
}
