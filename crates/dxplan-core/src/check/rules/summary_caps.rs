//! The trích yếu is sentence case, not all capitals.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: trích yếu nội dung (`[document] title`) không viết in hoa toàn bộ.
    ///
    /// Vì sao: Nghị định 30/2020, Phụ lục I, mục II.5.b: „Trích yếu nội dung văn bản được đặt ngay dưới
    /// tên loại văn bản, trình bày bằng chữ in thường, cỡ chữ từ 13 đến 14, kiểu chữ đứng, đậm”. Nhiều kế
    /// hoạch thật in cả trích yếu bằng chữ hoa („CHUYỂN ĐỔI SỐ TỈNH … NĂM 2023”); chỉ tên loại („KẾ
    /// HOẠCH”) mới in hoa. dxplan in tên loại, còn trích yếu in đúng như viết.
    ///
    /// Ví dụ sai: `title = "CHUYỂN ĐỔI SỐ TỈNH HÀ LÂM NĂM 2023"`.
    /// Sửa: `title = "Chuyển đổi số tỉnh Hà Lâm năm 2023"`.
    SUMMARY_CAPS {
        code: "DX097",
        name: "summary-caps",
        severity: Warning,
        summary: ("Trích yếu viết in hoa toàn bộ", "Summary line in all capitals"),
        clause: "NĐ 30/2020, Phụ lục I, mục II.5.b",
        en: "Warns when the summary line (trích yếu) is all capitals. Why: Decree 30/2020, Appendix I, II.5.b: the summary is in sentence case, bold; only the type (KẾ HOẠCH) is in capitals. Fix: `title = \"Chuyển đổi số tỉnh Hà Lâm năm 2023\"`.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let Some(c) = &ctx.plan.config else {
        return;
    };
    let src = c.source;
    let t = &c.document.title;
    let letters: Vec<char> = t.value.chars().filter(|ch| ch.is_alphabetic()).collect();
    if letters.len() < 4 || letters.iter().any(|ch| ch.is_lowercase()) {
        return;
    }
    let found = AllCaps(t.value.clone());
    ctx.report(Diagnostic::of(&found).at(src, t.span.clone()));
}

/// A trích yếu written in capitals, as written.
struct AllCaps(String);

impl Violation for AllCaps {
    fn rule(&self) -> &'static Rule {
        &SUMMARY_CAPS
    }

    fn message(&self) -> Msg {
        let t = &self.0;
        msg!(
            "Trích yếu „{t}” viết in hoa toàn bộ; Nghị định 30/2020 quy định chữ in thường",
            "The summary „{t}” is all capitals; Decree 30/2020 wants sentence case"
        )
    }

    fn hint(&self) -> Option<Msg> {
        Some(msg!(
            "Viết hoa chữ đầu và tên riêng, ví dụ „Chuyển đổi số tỉnh Hà Lâm năm 2023”.",
            "Capitalise the first word and proper names, e.g. „Chuyển đổi số tỉnh Hà Lâm năm 2023”."
        ))
    }
}
