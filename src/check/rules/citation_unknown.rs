//! Citations the registry does not know are worth a second look.

use crate::check::Ctx;
use crate::diag::Diagnostic;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: văn bản được dẫn có số, ký hiệu nhưng không có trong danh mục căn cứ của Khung.
    ///
    /// Vì sao: phần lớn căn cứ của một kế hoạch là văn bản trung ương có trong danh mục; một số, ký
    /// hiệu lạ có thể là văn bản của địa phương (đúng) hoặc gõ nhầm (sai). Chỉ là thông tin: hãy đối
    /// chiếu với bản gốc.
    ///
    /// Ví dụ: `number: 44/2020/NĐ-CP` cho „thực hiện thủ tục hành chính trên môi trường điện tử”
    /// (đúng là 45/2020/NĐ-CP).
    CITATION_UNKNOWN {
        code: "DX082",
        name: "citation-unknown",
        severity: Info,
        summary: ("Văn bản được dẫn không có trong danh mục", "Citation not in the registry"),
        clause: "Khung kế hoạch, Phần II.I",
        en: "Notes citations whose number is not in the framework's registry. Why: most citations are central documents in the registry; an unknown one may be local (fine) or a typo. Info only. Fix: check against the original, or suppress with a reason.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let mut out = Vec::new();
    for (s, cit) in ctx.plan.citations() {
        let Some(number) = &cit.number else { continue };
        if ctx.fw.registry(&number.value).is_some() {
            continue;
        }
        let n = &number.value;
        out.push(
            Diagnostic::new(&CITATION_UNKNOWN, msg!(
                "„{n}” không có trong danh mục căn cứ của Khung; hãy đối chiếu số, ngày với bản gốc",
                "„{n}” is not in the framework's citation registry; check its number and date against the original"
            ))
            .at(s.source, number.span.clone())
            .clause(ctx.clause_of(&s.slug)),
        );
    }
    ctx.report_all(out);
}
