//! Headings printed in the plan's own words are shown to the reviewer.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::model::normalize_heading_key;
use crate::msg;

crate::declare_rule! {
    /// Thông tin: kế hoạch in một mục của Khung bằng lời của mình (`[headings]` trong
    /// `dxplan.toml`), ví dụ „ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2022” thay cho „ĐÁNH GIÁ KẾT
    /// QUẢ THỰC HIỆN NĂM 2022”.
    ///
    /// Vì sao: kế hoạch thật hay đổi lời tên mục, và được phép; số mục vẫn của Khung và dxplan vẫn
    /// biết mục nào là mục nào, nên mọi kiểm tra khác vẫn chạy. Người duyệt cần thấy chỗ lệch khỏi
    /// Khung, nên mỗi tên mục đổi lời được báo một lần, ở mức thông tin.
    ///
    /// Ví dụ:
    ///     [headings]
    ///     "I.II.1" = "Về nhận thức số"
    /// Không cần sửa; bỏ dòng đó nếu muốn giữ tên của Khung.
    HEADING_OVERRIDE {
        code: "DX026",
        name: "heading-override",
        severity: Info,
        summary: ("Tên mục in theo lời của kế hoạch", "Heading printed in the plan's own words"),
        clause: "Khung kế hoạch: đề cương",
        en: "Info only: a framework heading is printed in the plan's own words (`[headings]` in dxplan.toml). Real plans reword headings, which is allowed; the number and the checks stay the framework's, and the reviewer sees each deviation once.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let Some(c) = &ctx.plan.config else { return };
    let keys = ctx.fw.heading_keys();
    let mut out = Vec::new();
    for (k, v) in &c.headings {
        let key = normalize_heading_key(k);
        let Some((_, title)) = keys.iter().find(|(x, _)| *x == key) else {
            continue; // `heading-unknown`
        };
        if v.value.trim() == *title {
            continue;
        }
        let found = Retitled {
            key: key.clone(),
            framework: title.to_string(),
            plan: v.value.trim().to_string(),
        };
        out.push(
            Diagnostic::of(&found)
                .at(c.source, v.span.clone())
                .clause(ctx.fw.clause(&format!("Phần {key}"))),
        );
    }
    ctx.report_all(out);
}

/// A heading in the plan's own words (`[headings]`), or emptied.
struct Retitled {
    key: String,
    framework: String,
    plan: String,
}

impl Violation for Retitled {
    fn rule(&self) -> &'static Rule {
        &HEADING_OVERRIDE
    }

    fn message(&self) -> Msg {
        let (key, title, mine) = (&self.key, &self.framework, &self.plan);
        // An emptied heading is not printed at all; what is under it moves up one level.
        if mine.is_empty() {
            msg!(
                "Mục {key} („{title}”) không in tiêu đề; nội dung và các mục con của nó lên một cấp",
                "Heading {key} („{title}”) is not printed; its content and sub-headings move up one level"
            )
        } else {
            msg!(
                "Mục {key} in là „{mine}”; Khung ghi „{title}”",
                "Heading {key} reads „{mine}”; the framework has „{title}”"
            )
        }
    }
}
