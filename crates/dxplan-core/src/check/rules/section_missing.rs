//! Every section of the framework must be filled by some file.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: mỗi mục của Khung (Phần I: các nội dung đánh giá; Phần II: Căn cứ, Mục tiêu, mười
    /// nhóm Nhiệm vụ, Giải pháp, Kinh phí, Tổ chức thực hiện, Danh mục nhiệm vụ, dự án) được một tệp
    /// YAML điền.
    ///
    /// Vì sao: Khung kế hoạch gửi kèm Văn bản 5406/BTTTT-CĐSQG quy định bố cục bắt buộc của kế hoạch;
    /// kế hoạch thiếu mục sẽ bị Bộ Thông tin và Truyền thông yêu cầu bổ sung.
    ///
    /// Ví dụ sai: thư mục kế hoạch không có tệp nào khai `section: giai-phap`.
    /// Sửa: tạo tệp (ví dụ `phan-2/giai-phap.yaml`) với `section: giai-phap` và nội dung; `dxplan init`
    /// tạo sẵn đủ các tệp.
    SECTION_MISSING {
        code: "DX020",
        name: "section-missing",
        severity: Error,
        locked: true,
        summary: ("Thiếu mục của Khung", "Framework section missing"),
        clause: "Khung kế hoạch",
        en: "Checks that every section of the framework is filled by some YAML file. Why: the framework attached to letter 5406/BTTTT-CĐSQG fixes the structure of the plan; a missing section gets the plan sent back. Fix: add a file with `section: <code>` (dxplan init writes them all).",
    }
}

pub fn check(ctx: &mut Ctx) {
    for def in &ctx.fw.sections {
        if ctx.plan.declared.contains(&def.slug) {
            continue;
        }
        let missing = Missing {
            locator: def.locator(),
            title: def.heading.title.clone(),
            slug: def.slug.clone(),
            clause: ctx.fw.clause(&def.locator()),
        };
        ctx.report(Diagnostic::of(&missing));
    }
}

/// A section of the framework no file fills.
struct Missing {
    /// "Phần II.IV".
    locator: String,
    title: String,
    slug: String,
    clause: String,
}

impl Violation for Missing {
    fn rule(&self) -> &'static Rule {
        &SECTION_MISSING
    }

    fn message(&self) -> Msg {
        let (loc, title, slug) = (&self.locator, &self.title, &self.slug);
        msg!(
            "Thiếu mục {loc} „{title}” (`section: {slug}`)",
            "Missing section {loc} „{title}” (`section: {slug}`)"
        )
    }

    fn hint(&self) -> Option<Msg> {
        let slug = &self.slug;
        Some(msg!(
            "Tạo một tệp YAML có `section: {slug}` và điền nội dung theo hướng dẫn của Khung.",
            "Create a YAML file with `section: {slug}` and fill it as the framework guides."
        ))
    }

    fn clause(&self) -> Option<String> {
        Some(self.clause.clone())
    }
}
