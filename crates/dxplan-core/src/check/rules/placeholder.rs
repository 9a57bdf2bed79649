//! A "…" left where the new year's guidance letter is to be written.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::msg;

crate::declare_rule! {
    /// Lỗi: câu mở đầu còn chỗ trống „…” của văn bản hướng dẫn năm nay — do `dxplan init --from`
    /// để lại khi dxplan chưa có Khung của năm mới, hoặc do một tệp Khung (`dxplan framework new`)
    /// chưa có số, ngày văn bản.
    ///
    /// Vì sao: văn bản ban hành không được có chỗ trống; khi văn bản hướng dẫn năm mới đến, điền số,
    /// ký hiệu, ngày của nó.
    ///
    /// Ví dụ sai: `text = "Thực hiện Công văn số …/BKHCN-CĐSQG ngày … của Bộ Khoa học và Công nghệ …"`.
    /// Sửa: `Công văn số 4321/BKHCN-CĐSQG ngày 15/10/2026`, hoặc `--letter`, `--date` của
    /// `dxplan framework new`.
    PLACEHOLDER {
        code: "DX015",
        name: "placeholder",
        severity: Error,
        summary: ("Còn chỗ trống phải điền", "A blank left to fill"),
        clause: "NĐ 30/2020, Điều 8",
        en: "An error while the opening still has the '…' blanks of this year's guidance letter — left by `dxplan init --from` when dxplan has no framework for the new year, or by a framework file (`dxplan framework new`) without the letter's number and date. Why: an issued document has no blanks; fill in the letter's number, symbol and date when it arrives.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let Some(c) = &ctx.plan.config else { return };
    let text = c.config.opening.as_ref().and_then(|o| o.text.as_ref());
    match text {
        Some(t) if t.value.contains('…') => {
            ctx.report(Diagnostic::of(&Blank::Opening).at(c.source, t.span.clone()));
        }
        // The default sentence cites the framework's letter.
        None if ctx.fw.citation.contains('…') => {
            let found = Blank::Letter {
                id: ctx.fw.id.clone(),
            };
            ctx.report(Diagnostic::of(&found).at(c.source, c.config.framework.span.clone()));
        }
        _ => {}
    }
}

enum Blank {
    Opening,
    Letter { id: String },
}

impl Violation for Blank {
    fn rule(&self) -> &'static Rule {
        &PLACEHOLDER
    }

    fn message(&self) -> Msg {
        match self {
            Blank::Opening => msg!(
                "Câu mở đầu còn chỗ trống „…” của văn bản hướng dẫn",
                "The opening still has the '…' blanks of the guidance letter"
            ),
            Blank::Letter { id } => msg!(
                "Khung {id} chưa có số, ngày của văn bản hướng dẫn: câu mở đầu sẽ in „…”",
                "Framework {id} has no number or date of its guidance letter: the opening would print '…'"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        Some(match self {
            Blank::Opening => msg!(
                "Điền số, ký hiệu và ngày của văn bản hướng dẫn năm nay vào `[opening] text`.",
                "Fill in the number, symbol and date of this year's guidance letter in `[opening] text`."
            ),
            Blank::Letter { .. } => msg!(
                "Ghi số, ngày vào `citation` của tệp Khung (hoặc tạo lại bằng `dxplan framework new … --letter … --date …`).",
                "Write the number and date in the framework file's `citation` (or make it again with `dxplan framework new … --letter … --date …`)."
            ),
        })
    }
}
