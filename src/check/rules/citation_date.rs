//! A cited document's date agrees with the registry.

use crate::check::Ctx;
use crate::diag::Diagnostic;
use crate::model::values::date;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: ngày ban hành của văn bản được dẫn trong Căn cứ khớp với danh mục căn cứ của Khung
    /// (ví dụ Quyết định 749/QĐ-TTg ngày 03/6/2020, Nghị quyết 52-NQ/TW ngày 27/9/2019).
    ///
    /// Vì sao: căn cứ phải ghi „đầy đủ tên loại văn bản, số, ký hiệu, cơ quan ban hành, ngày tháng năm
    /// ban hành” (Nghị định 30/2020, Phụ lục I, mục II.6.a); ngày sai là lỗi chép lại hay gặp (ví dụ
    /// „52-NQ/TW ngày 27/9/2013”).
    ///
    /// Ví dụ sai: `number: 52-NQ/TW`, `date: 27/9/2013`.
    /// Sửa: `date: 27/9/2019`.
    CITATION_DATE {
        code: "DX081",
        name: "citation-date",
        severity: Error,
        summary: ("Ngày của văn bản được dẫn không khớp danh mục", "Citation date disagrees with the registry"),
        clause: "NĐ 30/2020, Phụ lục I, mục II.6.a",
        en: "Checks that a cited document's date agrees with the framework's citation registry. Why: citations must give the full date (Decree 30/2020, Appendix I, II.6.a); wrong years are common copy slips. Fix: the date from the message.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let mut out = Vec::new();
    for (s, cit) in ctx.plan.citations() {
        let (Some(number), Some(d)) = (&cit.number, &cit.date) else {
            continue;
        };
        let Some(reg) = ctx.fw.registry(&number.value) else {
            continue;
        };
        let (Ok(given), Ok(want)) = (date(&d.value), date(&reg.date)) else {
            continue;
        };
        if given == want {
            continue;
        }
        let (n, g, w) = (&number.value, given.dmy(), want.dmy());
        let note = reg
            .note
            .clone()
            .map(|x| format!(" ({x})"))
            .unwrap_or_default();
        out.push(
            Diagnostic::new(
                &CITATION_DATE,
                msg!(
                    "{n} ghi ngày {g}, nhưng danh mục căn cứ ghi ngày {w}",
                    "{n} is dated {g}, but the registry says {w}"
                ),
            )
            .at(s.source, d.span.clone())
            .hint(msg!("Sửa thành {w}{note}.", "Change it to {w}{note}."))
            .clause(format!(
                "{}; {}, Phần II.I",
                CITATION_DATE.clause, ctx.fw.id
            )),
        );
    }
    ctx.report_all(out);
}
