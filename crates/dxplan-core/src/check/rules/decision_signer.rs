//! The decision's signer agrees with its authority line and with the plan's "Kèm theo" line.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::model::Mode;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra (chế độ kèm Quyết định): quyền hạn, chức vụ người ký Quyết định khớp với dòng thẩm
    /// quyền ban hành, và với „(Kèm theo Quyết định số … của …)” của kế hoạch. Thẩm quyền là người
    /// đứng đầu („BỘ TRƯỞNG BỘ X”) thì ký „BỘ TRƯỞNG” hoặc „KT. BỘ TRƯỞNG / THỨ TRƯỞNG”, không có
    /// „TM.”, và kế hoạch ghi „của Bộ trưởng Bộ X”; thẩm quyền là tập thể hay cơ quan („ỦY BAN NHÂN
    /// DÂN TỈNH X”) thì ký „TM. ỦY BAN NHÂN DÂN …”.
    ///
    /// Vì sao: Nghị định 30/2020, Phụ lục I, mục II.7.b và chú thích 6 của mẫu 1.3; lệch giữa dòng
    /// thẩm quyền và chữ ký là lỗi thể thức văn thư sẽ trả lại.
    ///
    /// Ví dụ sai: `authority = "BỘ TRƯỞNG BỘ TƯ PHÁP"`, `signer.titles = ["TM. BỘ TƯ PHÁP", …]`.
    /// Sửa: `signer.titles = ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"]`.
    DECISION_SIGNER {
        code: "DX099",
        name: "decision-signer",
        severity: Error,
        summary: ("Người ký Quyết định không khớp thẩm quyền", "Decision signer does not match its authority"),
        clause: "NĐ 30/2020, Phụ lục I, mục II.7.b; Phụ lục III, mẫu 1.3",
        en: "Checks, in decision mode, that the decision's signer agrees with its authority line and with the plan's „(Kèm theo Quyết định … của …)”: a head of body („BỘ TRƯỞNG BỘ X”) signs „BỘ TRƯỞNG” or „KT. BỘ TRƯỞNG / THỨ TRƯỞNG” without „TM.” and the plan says „của Bộ trưởng Bộ X”; a collective body signs „TM. …”. Why: Decree 30/2020, Appendix I, II.7.b and note 6 of form 1.3. Fix: the titles the message gives.",
    }
}

/// Titles of office an authority line can start with (the issuing person, not a body).
const HEADS: &[&str] = &[
    "BỘ TRƯỞNG",
    "CHỦ TỊCH",
    "THỦ TRƯỞNG",
    "GIÁM ĐỐC",
    "TỔNG GIÁM ĐỐC",
    "CHÁNH",
];

pub fn check(ctx: &mut Ctx) {
    let plan = ctx.plan;
    if plan.mode() != Mode::WithDecision {
        return;
    }
    let Some(c) = &plan.config else { return };
    let Some(d) = &c.decision else { return };
    let Some(signer) = &d.signer else { return };
    let Some(first) = signer.titles.first() else {
        return;
    };
    let authority = d
        .authority
        .as_ref()
        .map(|a| a.value.trim().to_uppercase())
        .unwrap_or_else(|| d.issuer.value.trim().to_uppercase());
    let signed = first.value.trim().to_uppercase();
    // Not written yet (a fresh scaffold): `missing-field` already says what to fill in.
    if authority.is_empty() || signed.is_empty() {
        return;
    }
    let head = HEADS.iter().find(|h| authority.starts_with(*h));
    let mut out = Vec::new();
    match head {
        Some(h) => {
            let ok = signed == *h || signed == format!("KT. {h}");
            if !ok {
                let found = Signer::NotTheHead {
                    authority: authority.clone(),
                    signed: signed.clone(),
                    head: h.to_string(),
                };
                out.push(Diagnostic::of(&found).at(c.source, first.span.clone()));
            }
            // The plan's "(Kèm theo Quyết định … của Bộ trưởng …)" names the same head.
            let issuer = d.issuer.value.trim().to_lowercase();
            let h_lower = h.to_lowercase();
            if !issuer.starts_with(&h_lower) {
                let found = Signer::OtherIssuer {
                    issuer: d.issuer.value.clone(),
                    authority: authority.clone(),
                };
                out.push(Diagnostic::of(&found).at(c.source, d.issuer.span.clone()));
            }
        }
        None if !signed.starts_with("TM.") => out.push(
            Diagnostic::of(&Signer::ForABody(authority.clone())).at(c.source, first.span.clone()),
        ),
        None => {}
    }
    ctx.report_all(out);
}

/// The decision's signer against its authority line.
enum Signer {
    /// A head of body signs as that head, or "KT." for a deputy.
    NotTheHead {
        authority: String,
        signed: String,
        head: String,
    },
    /// "(Kèm theo Quyết định … của …)" names another issuer than the authority.
    OtherIssuer { issuer: String, authority: String },
    /// A collective authority is signed "TM. …".
    ForABody(String),
}

impl Violation for Signer {
    fn rule(&self) -> &'static Rule {
        &DECISION_SIGNER
    }

    fn message(&self) -> Msg {
        match self {
            Signer::NotTheHead {
                authority, signed, ..
            } => msg!(
                "Thẩm quyền là „{authority}” nhưng người ký ghi „{signed}”",
                "The authority is „{authority}” but the signer reads „{signed}”"
            ),
            Signer::OtherIssuer {
                issuer: i,
                authority,
            } => msg!(
                "Kế hoạch ghi Quyết định „của {i}”, nhưng thẩm quyền ban hành là „{authority}”",
                "The plan cites the decision „of {i}”, but the authority is „{authority}”"
            ),
            Signer::ForABody(authority) => msg!(
                "Thẩm quyền là tập thể hay cơ quan („{authority}”), người ký phải ghi „TM. …”",
                "The authority is a body („{authority}”): the signer reads „TM. …”"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        match self {
            Signer::NotTheHead { head: h, .. } => Some(msg!(
                "Ghi „{h}”, hoặc „KT. {h}” rồi chức vụ cấp phó; không dùng „TM.” khi thẩm quyền là người đứng đầu.",
                "Write „{h}”, or „KT. {h}” and the deputy's title; no „TM.” for a head of body."
            )),
            _ => None,
        }
    }
}
