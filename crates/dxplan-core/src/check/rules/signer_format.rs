//! Signer authority abbreviations as ND30 writes them.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: quyền hạn, chức vụ của người ký viết in hoa, chữ viết tắt quyền hạn đúng dạng „TM.”,
    /// „Q.”, „KT.”, „TL.”, „TUQ.” (có dấu chấm, không dùng „K/T”, „T/L”); dòng nơi nhận không tự thêm
    /// gạch đầu dòng hay dấu chấm phẩy (dxplan thêm khi xuất).
    ///
    /// Vì sao: Nghị định 30/2020, Phụ lục I, mục II.7.b và II.7.đ: „các chữ viết tắt quyền hạn như:
    /// "TM.", "Q.", "KT.", "TL.", "TUQ." và quyền hạn chức vụ của người ký được trình bày bằng chữ in hoa”.
    ///
    /// Ví dụ sai: `titles = ["K/T CHỦ TỊCH", "Phó Chủ tịch"]`.
    /// Sửa: `titles = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]`.
    SIGNER_FORMAT {
        code: "DX095",
        name: "signer-format",
        severity: Error,
        locked: true,
        summary: ("Quyền hạn, chức vụ người ký sai dạng", "Malformed signer authority"),
        clause: "NĐ 30/2020, Phụ lục I, mục II.7",
        en: "Checks signer authorities are in capitals with the abbreviations TM., Q., KT., TL., TUQ. (not K/T, T/L), and recipients are written without dash or semicolon. Why: Decree 30/2020, Appendix I, II.7 and II.9. Fix: `titles = [\"TM. ỦY BAN NHÂN DÂN\", \"KT. CHỦ TỊCH\", \"PHÓ CHỦ TỊCH\"]`.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let Some(c) = &ctx.plan.config else {
        return;
    };
    let src = c.source;
    let mut out = Vec::new();
    if let Some(s) = &c.signer {
        for t in &s.titles {
            let v = t.value.trim();
            let slashed = ["K/T", "T/L", "T/M", "Q/", "TUQ/"]
                .iter()
                .any(|p| v.to_uppercase().starts_with(p));
            let bare = ["TM ", "KT ", "TL ", "TUQ "]
                .iter()
                .any(|p| v.starts_with(p));
            let lower = v.chars().any(char::is_lowercase);
            let found = if slashed || bare {
                Signature::Abbreviation(v.to_string())
            } else if lower {
                Signature::NotCapitals(v.to_string())
            } else {
                continue;
            };
            out.push(Diagnostic::of(&found).at(src, t.span.clone()));
        }
    }
    if let Some(r) = &c.recipients {
        for item in &r.list {
            let v = item.value.trim();
            if v.starts_with('-') || v.ends_with(';') {
                out.push(
                    Diagnostic::of(&Signature::RecipientMarks(v.to_string()))
                        .at(src, item.span.clone()),
                );
            }
        }
    }
    ctx.report_all(out);
}

/// A signer title or a recipient line not as ND30 writes it, as written.
enum Signature {
    /// "K/T", "TM " for "KT.", "TM.".
    Abbreviation(String),
    NotCapitals(String),
    /// "- … ;" typed by hand on a recipient.
    RecipientMarks(String),
}

impl Violation for Signature {
    fn rule(&self) -> &'static Rule {
        &SIGNER_FORMAT
    }

    fn message(&self) -> Msg {
        match self {
            Signature::Abbreviation(v) => msg!(
                "„{v}”: chữ viết tắt quyền hạn phải là TM., Q., KT., TL. hoặc TUQ.",
                "„{v}”: the authority must be TM., Q., KT., TL. or TUQ."
            ),
            Signature::NotCapitals(v) => msg!(
                "„{v}”: quyền hạn, chức vụ người ký phải in hoa",
                "„{v}”: the signer's authority and title are written in capitals"
            ),
            Signature::RecipientMarks(v) => msg!(
                "Nơi nhận „{v}”: không ghi gạch đầu dòng hay dấu „;”",
                "Recipient „{v}”: leave out the dash and the „;”"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        Some(match self {
            Signature::RecipientMarks(_) => msg!(
                "dxplan tự thêm „- ” và „;” khi xuất văn bản.",
                "dxplan adds „- ” and „;” when rendering."
            ),
            _ => msg!(
                "Ví dụ: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.",
                "E.g. TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH."
            ),
        })
    }

    fn clause(&self) -> Option<String> {
        matches!(self, Signature::RecipientMarks(_))
            .then(|| "NĐ 30/2020, Phụ lục I, mục II.9".to_string())
    }
}
