//! Dates written without ND30's zero padding.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::model::Content;
use crate::model::values::date;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: ngày viết `D/M/YYYY` có ngày nhỏ hơn 10 hoặc tháng 1, 2 mà thiếu số 0 (`3/6/2020`,
    /// `28/1/2022`).
    ///
    /// Vì sao: Nghị định 30/2020 (Phụ lục I, mục II.4.b) yêu cầu „đối với những số thể hiện ngày nhỏ
    /// hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước”; Khung 5406 cũng viết ngày như vậy
    /// („03/6/2020”, „28/01/2022”). Chỉ là thông tin; `dxplan check --fix` thêm số 0.
    ///
    /// Ví dụ: `date: 3/6/2020`.
    /// Sửa: `date: 03/6/2020`.
    DATE_FORMAT {
        code: "DX096",
        name: "date-format",
        severity: Info,
        summary: ("Ngày thiếu số 0 phía trước", "Date lacks zero padding"),
        clause: "NĐ 30/2020, Phụ lục I, mục II.4.b",
        en: "Reports citation dates written without zero padding (`3/6/2020`). Why: Decree 30/2020 pads days below 10 and months 1–2, as the framework writes dates. Info only. Fix: `dxplan check --fix`.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let mut out = Vec::new();
    for s in &ctx.plan.sections {
        let Content::Citations(c) = &s.content else {
            continue;
        };
        for d in c.all().into_iter().filter_map(|x| x.date.as_ref()) {
            let v = d.value.trim();
            if !v.contains('/') {
                continue;
            }
            let Ok(parsed) = date(v) else { continue };
            let canonical = parsed.short();
            if canonical == v {
                continue;
            }
            out.push(
                Diagnostic::of(&Unpadded {
                    written: v.to_string(),
                    canonical: canonical.clone(),
                })
                .at(s.source, d.span.clone())
                .fix(
                    msg!("viết „{canonical}”", "write „{canonical}”"),
                    d.span.clone(),
                    canonical.clone(),
                ),
            );
        }
    }
    ctx.report_all(out);
}

/// A date written otherwise than ND30's "dd/mm/yyyy" short form.
struct Unpadded {
    written: String,
    canonical: String,
}

impl Violation for Unpadded {
    fn rule(&self) -> &'static Rule {
        &DATE_FORMAT
    }

    fn message(&self) -> Msg {
        let (v, canonical) = (&self.written, &self.canonical);
        msg!(
            "Ngày „{v}” nên viết „{canonical}”",
            "Date „{v}” should read „{canonical}”"
        )
    }
}
