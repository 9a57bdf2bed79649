//! The plan's ký hiệu is KH-<issuer>; a decision's contains QĐ.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::model::Mode;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: ký hiệu của kế hoạch có dạng `KH-<chữ viết tắt cơ quan>` (ví dụ `KH-UBND`,
    /// `KH-BTTTT`): chữ in hoa, các nhóm nối bằng gạch nối, không cách chữ. Với kế hoạch ban hành kèm
    /// Quyết định, số của Quyết định có dạng `…/QĐ-…`.
    ///
    /// Vì sao: Nghị định 30/2020, Phụ lục I, mục II.3.b–c: „Ký hiệu của văn bản bao gồm chữ viết tắt
    /// tên loại văn bản và chữ viết tắt tên cơ quan … giữa các nhóm chữ viết tắt trong ký hiệu văn bản
    /// có dấu gạch nối (-), không cách chữ”; Phụ lục III: Kế hoạch viết tắt là KH.
    ///
    /// Ví dụ sai: `symbol = "UBND-KH"`, `symbol = "KH - UBND"`.
    /// Sửa: `symbol = "KH-UBND"`.
    SYMBOL_FORMAT {
        code: "DX090",
        name: "symbol-format",
        severity: Error,
        locked: true,
        summary: ("Ký hiệu văn bản sai dạng", "Malformed document symbol"),
        clause: "NĐ 30/2020, Phụ lục I, mục II.3",
        en: "Checks the plan's symbol is `KH-<issuer>` in capitals joined by hyphens, and a decision's is `n/QĐ-<issuer>`. Why: Decree 30/2020, Appendix I, II.3 and Appendix III (KH for Kế hoạch). Fix: `symbol = \"KH-UBND\"`.",
    }
}

fn upper_group(g: &str) -> bool {
    !g.is_empty() && g.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

pub fn check(ctx: &mut Ctx) {
    let Some(c) = &ctx.plan.config else {
        return;
    };
    let src = c.source;
    let mut out = Vec::new();
    if ctx.plan.mode() == Mode::Standalone {
        let s = &c.document.symbol;
        let groups: Vec<&str> = s.value.split('-').collect();
        let ok = groups.len() >= 2 && groups[0] == "KH" && groups.iter().all(|g| upper_group(g));
        if !ok {
            out.push(Diagnostic::of(&BadSymbol::Plan(s.value.clone())).at(src, s.span.clone()));
        }
    }
    if let Some(d) = &c.decision
        && let Some(n) = &d.number
        && !n.value.trim().is_empty()
    {
        let symbol = n.value.split_once('/').map(|(_, s)| s).unwrap_or("");
        let groups: Vec<&str> = symbol.split('-').collect();
        if groups.first() != Some(&"QĐ") || !groups.iter().all(|g| upper_group(g)) {
            out.push(Diagnostic::of(&BadSymbol::Decision(n.value.clone())).at(src, n.span.clone()));
        }
    }
    ctx.report_all(out);
}

/// A ký hiệu not of ND30's form, as written.
enum BadSymbol {
    Plan(String),
    Decision(String),
}

impl Violation for BadSymbol {
    fn rule(&self) -> &'static Rule {
        &SYMBOL_FORMAT
    }

    fn message(&self) -> Msg {
        match self {
            BadSymbol::Plan(v) => msg!(
                "Ký hiệu „{v}” không có dạng KH-<cơ quan>",
                "Symbol „{v}” is not of the form KH-<issuer>"
            ),
            BadSymbol::Decision(v) => msg!(
                "Số, ký hiệu Quyết định „{v}” không có dạng số/QĐ-<cơ quan>",
                "Decision symbol „{v}” is not of the form n/QĐ-<issuer>"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        Some(match self {
            BadSymbol::Plan(_) => msg!(
                "Ví dụ: KH-UBND (tỉnh), KH-BTTTT (bộ); chữ in hoa, nối bằng „-”, không cách.",
                "E.g. KH-UBND (province), KH-BTTTT (ministry): capitals joined by „-”, no spaces."
            ),
            BadSymbol::Decision(_) => msg!("Ví dụ: 125/QĐ-BHL.", "E.g. 125/QĐ-BHL."),
        })
    }
}
