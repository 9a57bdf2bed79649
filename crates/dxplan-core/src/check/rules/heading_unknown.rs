//! `[headings]` keys name headings of the framework.

use crate::check::Ctx;
use crate::check::rules::suggest;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::model::normalize_heading_key;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: mỗi khóa của `[headings]` trong `dxplan.toml` là mã một mục của Khung: "I" (Phần
    /// I), "I.II" (mục II của Phần I), "I.II.1", "II.III.7.4" — như phần „căn cứ” của các thông báo.
    ///
    /// Vì sao: tên mục đổi lời được gắn với mục của Khung qua mã; một mã không có thì tên đó không
    /// được in ở đâu cả, và người viết tưởng đã đổi.
    ///
    /// Ví dụ sai: `"I.2.1" = "Về nhận thức số"`.
    /// Sửa: `"I.II.1" = "Về nhận thức số"`.
    HEADING_UNKNOWN {
        code: "DX027",
        name: "heading-unknown",
        severity: Error,
        summary: ("Mã mục không có trong Khung", "No such framework heading"),
        clause: "dxplan.toml: [headings]",
        en: "Checks that each key of `[headings]` is a framework heading: \"I\", \"I.II\", \"I.II.1\", \"II.III.7.4\" (as in the clauses of findings). Why: a retitle under an unknown key is printed nowhere, and the author believes it was applied. Fix: the key the message suggests.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let Some(c) = &ctx.plan.config else { return };
    let keys = ctx.fw.heading_keys();
    let names: Vec<&str> = keys.iter().map(|(k, _)| k.as_str()).collect();
    let mut out = Vec::new();
    for (k, v) in &c.headings {
        let key = normalize_heading_key(k);
        if names.contains(&key.as_str()) {
            continue;
        }
        let found = NotAHeading {
            key: k.clone(),
            framework: ctx.fw.id.clone(),
            hint: suggest(&key, &names),
        };
        out.push(Diagnostic::of(&found).at(c.source, v.span.clone()));
    }
    ctx.report_all(out);
}

/// A `[headings]` key that names no heading of the framework, with the closest ones.
struct NotAHeading {
    key: String,
    framework: String,
    hint: Msg,
}

impl Violation for NotAHeading {
    fn rule(&self) -> &'static Rule {
        &HEADING_UNKNOWN
    }

    fn message(&self) -> Msg {
        let (k, fw) = (&self.key, &self.framework);
        msg!(
            "„{k}” không phải mã một mục của Khung {fw}",
            "„{k}” is not a heading of framework {fw}"
        )
    }

    fn hint(&self) -> Option<Msg> {
        Some(self.hint.clone())
    }
}
