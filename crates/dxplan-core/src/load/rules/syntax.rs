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

use crate::diag::{Rule, Violation};
use crate::lang::Msg;
use crate::msg;

/// A file that does not parse: the parser's message in Vietnamese and English (`explain`).
pub enum Syntax {
    Toml(Msg),
    Yaml(Msg),
    /// Several YAML documents (`---`) in one file.
    SeveralDocuments,
}

impl Violation for Syntax {
    fn rule(&self) -> &'static Rule {
        &SYNTAX
    }

    fn message(&self) -> Msg {
        match self {
            Syntax::Toml(m) => {
                let (vi, en) = (&m.vi, &m.en);
                msg!("Lỗi cú pháp TOML: {vi}", "TOML syntax error: {en}")
            }
            Syntax::Yaml(m) => {
                let (vi, en) = (&m.vi, &m.en);
                msg!("Lỗi cú pháp YAML: {vi}", "YAML syntax error: {en}")
            }
            Syntax::SeveralDocuments => msg!(
                "Tệp chứa nhiều tài liệu YAML (ngăn bởi ---); mỗi tệp chỉ điền một mục",
                "The file holds several YAML documents (separated by ---); one file fills one section"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        Some(match self {
            Syntax::Toml(_) => msg!(
                "Sửa cú pháp TOML tại vị trí được chỉ ra; xem ví dụ trong examples/.",
                "Fix the TOML syntax at the marked position; see examples/."
            ),
            Syntax::Yaml(_) => msg!(
                "Kiểm tra thụt lề, dấu hai chấm và dấu ngoặc kép quanh vị trí được chỉ ra.",
                "Check indentation, colons and quotes around the marked position."
            ),
            Syntax::SeveralDocuments => msg!(
                "Tách mỗi tài liệu thành một tệp riêng.",
                "Move each document to a file of its own."
            ),
        })
    }
}
