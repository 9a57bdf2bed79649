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

use crate::diag::{Rule, Violation};
use crate::lang::Msg;
use crate::msg;

/// A file that says no section, or names one the framework lacks; `codes`: the framework's.
pub enum UnknownSection {
    NoKey {
        codes: String,
    },
    Unknown {
        framework: String,
        slug: String,
        codes: String,
        closest: Option<String>,
    },
}

impl Violation for UnknownSection {
    fn rule(&self) -> &'static Rule {
        &SECTION_UNKNOWN
    }

    fn message(&self) -> Msg {
        match self {
            UnknownSection::NoKey { .. } => msg!(
                "Tệp không cho biết nó điền mục nào của Khung (thiếu khóa `section`)",
                "The file does not say which framework section it fills (no `section` key)"
            ),
            UnknownSection::Unknown {
                framework, slug, ..
            } => msg!(
                "Khung {framework} không có mục `{slug}`",
                "Framework {framework} has no section `{slug}`"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        Some(match self {
            UnknownSection::NoKey { codes: list } => msg!(
                "Thêm dòng `section: <mã mục>` ở đầu tệp; các mã: {list}",
                "Add a `section: <code>` line at the top; codes: {list}"
            ),
            UnknownSection::Unknown {
                codes: list,
                closest: Some(best),
                ..
            } => msg!(
                "Có phải ý bạn là `{best}`? Các mã mục: {list}",
                "Did you mean `{best}`? Section codes: {list}"
            ),
            UnknownSection::Unknown { codes: list, .. } => {
                msg!("Các mã mục: {list}", "Section codes: {list}")
            }
        })
    }
}
