//! A cited document's date agrees with the registry.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
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
    /// Ngày Khung in nhầm cũng được nhận ra: Khung 5406 ghi Quyết định 27/QĐ-UBQGCĐS ngày
    /// 15/6/2022, nhưng đầu Quyết định ghi „ngày 15 tháng 3 năm 2022”; kế hoạch ghi 15/3/2022 là
    /// đúng, ghi 15/6/2022 thì được báo kèm nguồn gốc của ngày sai. Luật dẫn không số (Luật Công
    /// nghệ thông tin ngày 29/6/2006) được tra theo tên.
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
        let Some(d) = &cit.date else { continue };
        let reg = match &cit.number {
            Some(n) if !n.value.trim().is_empty() => ctx.fw.registry(n.value.trim()),
            _ => ctx
                .fw
                .registry_by_name(&cit.doc_type.value, &cit.title.value),
        };
        let Some(reg) = reg else { continue };
        let (Ok(given), Ok(want)) = (date(&d.value), date(&reg.date)) else {
            continue;
        };
        if given == want {
            continue;
        }
        let n = cit
            .number
            .as_ref()
            .map(|n| n.value.trim().to_string())
            .filter(|n| !n.is_empty())
            .or(reg.name.clone())
            .unwrap_or_else(|| reg.symbol.clone());
        let (g, w) = (given.short(), want.short());
        let note = reg
            .note
            .clone()
            .map(|x| format!(" ({x})"))
            .unwrap_or_default();
        // The framework's own misprint: say where the wrong date comes from.
        let misprint = reg
            .framework_date
            .as_deref()
            .and_then(|f| date(f).ok())
            .is_some_and(|f| f == given);
        let found = WrongDate {
            cited: n,
            given: g,
            registry: w,
            note,
            misprinted_by: misprint.then(|| ctx.fw.id.clone()),
        };
        out.push(
            Diagnostic::of(&found)
                .at(s.source, d.span.clone())
                .clause(format!(
                    "{}; {}, Phần II.I",
                    CITATION_DATE.clause, ctx.fw.id
                )),
        );
    }
    ctx.report_all(out);
}

/// A căn cứ dated otherwise than the registry; maybe after the framework's own misprint.
struct WrongDate {
    cited: String,
    given: String,
    registry: String,
    /// The registry's note on the document, " (…)" or "".
    note: String,
    /// The framework that misprints this date, when the plan copied its misprint.
    misprinted_by: Option<String>,
}

impl Violation for WrongDate {
    fn rule(&self) -> &'static Rule {
        &CITATION_DATE
    }

    fn message(&self) -> Msg {
        let (n, g, w) = (&self.cited, &self.given, &self.registry);
        match &self.misprinted_by {
            Some(fw) => msg!(
                "{n} ghi ngày {g}, là ngày Khung {fw} in nhầm; văn bản ban hành ngày {w}",
                "{n} is dated {g}, the date framework {fw} misprints; the document is dated {w}"
            ),
            None => msg!(
                "{n} ghi ngày {g}, nhưng danh mục căn cứ ghi ngày {w}",
                "{n} is dated {g}, but the registry says {w}"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        let (w, note) = (&self.registry, &self.note);
        Some(msg!("Sửa thành {w}{note}.", "Change it to {w}{note}."))
    }
}
