//! A citation's number and symbol match its document type.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: số, ký hiệu của văn bản được dẫn chứa chữ viết tắt của đúng tên loại văn bản
    /// (Quyết định → QĐ, Nghị quyết → NQ, Nghị định → NĐ, Chỉ thị → CT, Kế hoạch → KH …, theo Phụ lục
    /// III Nghị định 30/2020).
    ///
    /// Vì sao: ký hiệu văn bản gồm „chữ viết tắt tên loại văn bản và chữ viết tắt tên cơ quan” (Nghị
    /// định 30/2020, Phụ lục I, mục II.3.b). Chính Khung 5406 ghi „Quyết định số 2323/BTTTT-THH”, một
    /// Quyết định không có QĐ; nhiều kế hoạch chép lại lỗi này. Ký hiệu đúng là 2323/QĐ-BTTTT.
    ///
    /// Ví dụ sai: `type: Quyết định`, `number: 2323/BTTTT-THH`.
    /// Sửa: `number: 2323/QĐ-BTTTT`.
    CITATION_SYMBOL {
        code: "DX080",
        name: "citation-symbol",
        severity: Error,
        summary: ("Ký hiệu văn bản không khớp tên loại", "Citation symbol does not match its type"),
        clause: "NĐ 30/2020, Phụ lục I, mục II.3.b; Phụ lục III",
        en: "Checks that a cited document's number and symbol contain the abbreviation of its type (Quyết định → QĐ, Nghị quyết → NQ, Nghị định → NĐ…, Decree 30/2020 Appendix III). Why: the 5406 framework itself cites \"Quyết định số 2323/BTTTT-THH\", copied by many plans; the right symbol is 2323/QĐ-BTTTT. Fix: the message gives it.",
    }
}

/// The groups of a symbol: "42/2022/NĐ-CP" → ["42", "2022", "NĐ", "CP"].
pub fn groups(symbol: &str) -> Vec<&str> {
    symbol
        .split(['/', '-'])
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .collect()
}

pub fn check(ctx: &mut Ctx) {
    let mut out = Vec::new();
    for (s, cit) in ctx.plan.citations() {
        let Some(number) = &cit.number else { continue };
        let Some(abbr) = ctx.nd30.abbr_of(&cit.doc_type.value) else {
            continue;
        };
        if groups(&number.value).contains(&abbr) {
            continue;
        }
        let (t, n) = (&cit.doc_type.value, &number.value);
        let registry = ctx
            .fw
            .citations
            .iter()
            .find(|r| r.framework_symbol.as_deref() == Some(n.as_str()));
        let found = WrongType {
            doc_type: t.clone(),
            number: n.clone(),
            abbr: abbr.to_string(),
            // The framework's own misprint: the registry knows the right symbol.
            misprint: registry.map(|r| (r.symbol.clone(), ctx.fw.id.clone())),
        };
        out.push(Diagnostic::of(&found).at(s.source, number.span.clone()));
    }
    ctx.report_all(out);
}

/// A symbol without the abbreviation of its document type ("QĐ" for a Quyết định).
struct WrongType {
    doc_type: String,
    number: String,
    abbr: String,
    /// (the right symbol, the framework that misprints it), when it is a known misprint.
    misprint: Option<(String, String)>,
}

impl Violation for WrongType {
    fn rule(&self) -> &'static Rule {
        &CITATION_SYMBOL
    }

    fn message(&self) -> Msg {
        let (t, n, abbr) = (&self.doc_type, &self.number, &self.abbr);
        msg!(
            "{t} số „{n}” thiếu chữ viết tắt „{abbr}” trong ký hiệu",
            "{t} „{n}” lacks „{abbr}” in its symbol"
        )
    }

    fn hint(&self) -> Option<Msg> {
        let (t, n, abbr) = (&self.doc_type, &self.number, &self.abbr);
        Some(match &self.misprint {
            Some((symbol, fw)) => msg!(
                "Ký hiệu đúng là {symbol}; Khung {fw} ghi nhầm „{n}”.",
                "The correct symbol is {symbol}; framework {fw} misprints it as „{n}”."
            ),
            None => msg!(
                "Ký hiệu của một {t} phải có „{abbr}”, ví dụ „123/{abbr}-TTg”; kiểm tra lại tên loại hoặc số, ký hiệu.",
                "A {t}'s symbol contains „{abbr}”, e.g. „123/{abbr}-TTg”; check the type or the symbol."
            ),
        })
    }
}
