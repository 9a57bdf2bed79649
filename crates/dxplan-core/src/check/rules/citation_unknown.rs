//! Citations the registry does not know are worth a second look.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Severity, Violation};
use crate::lang::Msg;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: văn bản được dẫn có số, ký hiệu nhưng không có trong danh mục căn cứ của Khung.
    ///
    /// Vì sao: phần lớn căn cứ của một kế hoạch là văn bản trung ương có trong danh mục; một số, ký
    /// hiệu lạ có thể là văn bản của địa phương (đúng) hoặc gõ nhầm (sai). Chỉ là thông tin: hãy đối
    /// chiếu với bản gốc.
    ///
    /// Khi trích yếu trùng với một văn bản cùng loại trong danh mục mà số, ký hiệu khác, đó gần như
    /// chắc là gõ nhầm số: kết quả là cảnh báo và nêu văn bản trong danh mục.
    ///
    /// Ví dụ: `number: 44/2020/NĐ-CP` cho „thực hiện thủ tục hành chính trên môi trường điện tử”
    /// (đúng là 45/2020/NĐ-CP; kế hoạch thật từng dẫn như vậy).
    CITATION_UNKNOWN {
        code: "DX082",
        name: "citation-unknown",
        severity: Info,
        summary: ("Văn bản được dẫn không có trong danh mục", "Citation not in the registry"),
        clause: "Khung kế hoạch, Phần II.I",
        en: "Notes citations whose number is not in the framework's registry; a warning when the title is that of a registry document of the same type with another number (a mistyped number). Why: most citations are central documents in the registry; an unknown one may be local (fine) or a typo. Info only. Fix: check against the original, or suppress with a reason.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let mut out = Vec::new();
    for (s, cit) in ctx.plan.citations() {
        let Some(number) = &cit.number else { continue };
        if ctx.fw.registry(&number.value).is_some() {
            continue;
        }
        let written = number.value.clone();
        let finding = match ctx
            .fw
            .registry_by_title(&cit.doc_type.value, &cit.title.value)
        {
            Some(r) => Unknown::OtherNumber {
                written,
                symbol: r.symbol.clone(),
                date: crate::model::values::date(&r.date).map_or(r.date.clone(), |d| d.short()),
            },
            None => Unknown::NotInRegistry { written },
        };
        out.push(
            Diagnostic::of(&finding)
                .at(s.source, number.span.clone())
                .clause(ctx.clause_of(&s.slug)),
        );
    }
    ctx.report_all(out);
}

/// What DX082 finds about a number the registry does not list.
enum Unknown {
    /// Unknown, and no registry document has its title: check it against the original.
    NotInRegistry { written: String },
    /// The title is a registry document's under another number (44/2020 for 45/2020/NĐ-CP): a
    /// likely misprint, so a warning that names the document.
    OtherNumber {
        written: String,
        symbol: String,
        date: String,
    },
}

impl Violation for Unknown {
    fn rule(&self) -> &'static Rule {
        &CITATION_UNKNOWN
    }

    fn message(&self) -> Msg {
        match self {
            Unknown::NotInRegistry { written: n } => msg!(
                "„{n}” không có trong danh mục căn cứ của Khung; hãy đối chiếu số, ngày với bản gốc",
                "„{n}” is not in the framework's citation registry; check its number and date against the original"
            ),
            Unknown::OtherNumber {
                written: n,
                symbol: sym,
                date: d,
            } => msg!(
                "„{n}” không có trong danh mục, nhưng trích yếu này là của {sym} ngày {d}",
                "„{n}” is not in the registry, but this title is that of {sym} of {d}"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        match self {
            Unknown::NotInRegistry { .. } => None,
            Unknown::OtherNumber { symbol: sym, .. } => Some(msg!(
                "Đối chiếu với bản gốc; nếu là {sym}, sửa số, ký hiệu.",
                "Check against the original; if it is {sym}, correct the number."
            )),
        }
    }

    fn severity(&self) -> Severity {
        match self {
            Unknown::NotInRegistry { .. } => CITATION_UNKNOWN.severity,
            Unknown::OtherNumber { .. } => Severity::Warning,
        }
    }
}
