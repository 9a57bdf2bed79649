//! A cited document attributed to another ministry than the one that issued it (the March 2025
//! merger: 5511/BKHCN-CĐSQG is Bộ Khoa học và Công nghệ's, not Bộ Thông tin và Truyền thông's).

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::msg;

crate::declare_rule! {
    /// Cảnh báo: văn bản được dẫn ghi của một bộ khác với bộ đã ban hành nó theo danh mục căn cứ —
    /// thường gặp sau khi Bộ Thông tin và Truyền thông hợp nhất vào Bộ Khoa học và Công nghệ (tháng
    /// 3/2025): „Công văn số 5511/BKHCN-CĐSQG … của Bộ Thông tin và Truyền thông”.
    ///
    /// Vì sao: kế hoạch năm trước chép sang giữ tên bộ cũ; người duyệt trả lại văn bản ghi sai cơ
    /// quan ban hành. Kiểm tra mục Căn cứ (`issuer`) và lời văn („số … ngày … của Bộ …”).
    ///
    /// Sửa: ghi đúng cơ quan ban hành như trên văn bản.
    CITATION_ISSUER {
        code: "DX087",
        name: "citation-issuer",
        severity: Warning,
        summary: ("Văn bản được dẫn ghi sai bộ ban hành", "Cited document attributed to the wrong ministry"),
        clause: "NĐ 30/2020, Phụ lục I, mục II.6.a",
        en: "Warns when a cited document is attributed to another ministry than the one that issued it, as in the registry — common after the Ministry of Information and Communications merged into the Ministry of Science and Technology (March 2025): '5511/BKHCN-CĐSQG … của Bộ Thông tin và Truyền thông'. Why: a plan carried from last year keeps the old ministry and a reviewer sends back a wrong issuer. Checks the Căn cứ list (`issuer`) and the text ('số … ngày … của Bộ …').",
    }
}

/// The ministry an issuer names: "Bộ trưởng Bộ Khoa học và Công nghệ" → "Khoa học và Công nghệ";
/// `None` when it names none ("Thủ tướng Chính phủ").
fn ministry(issuer: &str) -> Option<String> {
    // The first "Bộ X" that is not "Bộ trưởng": "Bộ trưởng Bộ X", "Bộ X về việc …".
    let mut rest = issuer;
    let name = loop {
        let i = rest.find("Bộ ")?;
        let after = &rest[i + "Bộ ".len()..];
        if !after.starts_with("trưởng") {
            break after;
        }
        rest = after;
    };
    // Where the name ends: the words that follow an issuer in a citation.
    let end = [
        " về ",
        " phê duyệt",
        " ban hành",
        " hướng dẫn",
        " quy định",
        " tại ",
        " năm ",
        " và các",
        ",",
        ";",
        ":",
        ".",
        "(",
        "\n",
    ]
    .iter()
    .filter_map(|s| name.find(s))
    .min()
    .unwrap_or(name.len());
    let name = name[..end].trim();
    (!name.is_empty()).then(|| name.to_string())
}

pub fn check(ctx: &mut Ctx) {
    let fw = ctx.fw;
    let mut out = Vec::new();
    for (s, cit) in ctx.plan.citations() {
        let (Some(n), Some(i)) = (&cit.number, &cit.issuer) else {
            continue;
        };
        let Some(r) = fw.registry(n.value.trim()) else {
            continue;
        };
        if let (Some(want), Some(got)) = (ministry(&r.issuer), ministry(&i.value))
            && want != got
        {
            let found = OtherMinistry {
                symbol: r.symbol.clone(),
                written: format!("Bộ {got}"),
                issuer: format!("Bộ {want}"),
            };
            out.push(Diagnostic::of(&found).at(s.source, i.span.clone()));
        }
    }
    // In the text: "… số 5511/BKHCN-CĐSQG ngày 10/10/2025 của Bộ Thông tin và Truyền thông".
    for m in ctx.plan.mentions() {
        let Some(r) = fw.registry(&m.symbol) else {
            continue;
        };
        let Some(want) = ministry(&r.issuer) else {
            continue;
        };
        let text = &ctx.plan.sources.get(m.source).text;
        let after = &text[m.span.end..];
        let window: String = after.chars().take(12).collect();
        let Some(at) = window.find("của ") else {
            continue;
        };
        let from = m.span.end + at + "của ".len();
        let tail: String = text[from..].chars().take(120).collect();
        let Some(got) = ministry(&tail).filter(|_| tail.starts_with("Bộ ")) else {
            continue;
        };
        if got != want {
            let span = from..from + "Bộ ".len() + got.len();
            let found = OtherMinistry {
                symbol: r.symbol.clone(),
                written: format!("Bộ {got}"),
                issuer: format!("Bộ {want}"),
            };
            out.push(Diagnostic::of(&found).at(m.source, span));
        }
    }
    ctx.report_all(out);
}

struct OtherMinistry {
    symbol: String,
    written: String,
    issuer: String,
}

impl Violation for OtherMinistry {
    fn rule(&self) -> &'static Rule {
        &CITATION_ISSUER
    }

    fn message(&self) -> Msg {
        let (s, w, i) = (&self.symbol, &self.written, &self.issuer);
        msg!(
            "Văn bản {s} do {i} ban hành, không phải {w}",
            "Document {s} was issued by {i}, not {w}"
        )
    }

    fn hint(&self) -> Option<Msg> {
        let i = &self.issuer;
        let merged = self.written.contains("Thông tin và Truyền thông")
            && i.contains("Khoa học và Công nghệ");
        Some(if merged {
            msg!(
                "Bộ Thông tin và Truyền thông đã hợp nhất vào Bộ Khoa học và Công nghệ (tháng 3/2025): ghi „của {i}”.",
                "The Ministry of Information and Communications merged into the Ministry of Science and Technology (March 2025): write „của {i}”."
            )
        } else {
            msg!(
                "Ghi „của {i}” như trên văn bản.",
                "Write „của {i}” as the document does."
            )
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ministry_names() {
        use super::ministry;
        assert_eq!(
            ministry("Bộ trưởng Bộ Khoa học và Công nghệ").as_deref(),
            Some("Khoa học và Công nghệ")
        );
        assert_eq!(
            ministry("Bộ Thông tin và Truyền thông về việc hướng dẫn").as_deref(),
            Some("Thông tin và Truyền thông")
        );
        assert_eq!(ministry("Thủ tướng Chính phủ"), None);
        // Real plans go on after the issuer: none of it is the ministry's name.
        assert_eq!(
            ministry("Bộ trưởng Bộ Thông tin và Truyền thông phê duyệt Đề án xác định Chỉ số")
                .as_deref(),
            Some("Thông tin và Truyền thông")
        );
        assert_eq!(
            ministry("Bộ Thông tin và Truyền thông về việc hướng dẫn các bộ, ngành, địa phương; Bộ Hàng hải").as_deref(),
            Some("Thông tin và Truyền thông")
        );
    }
}
