//! The components ND30 requires for the chosen issuance mode are present.

use crate::check::Ctx;
use crate::check::rules::blank;
use crate::diag::{Diagnostic, Rule, Severity, Violation};
use crate::lang::Msg;
use crate::model::{DocKind, Mode, Period};
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: `dxplan.toml` có đủ thành phần thể thức cho hình thức ban hành đã chọn.
    /// Kế hoạch ban hành độc lập (`mode = "ke-hoach"`): người ký (`[signer]` với quyền hạn, chức vụ và
    /// họ tên) và nơi nhận (`[recipients]` với danh sách và dòng „Lưu:”). Kế hoạch kèm Quyết định
    /// (`mode = "kem-quyet-dinh"`): `[decision]` với căn cứ (`bases`), người đề nghị (`proposer`),
    /// người ký (`signer`: quyền hạn, chức vụ và họ tên) và nơi nhận (`recipients`) — một Quyết định
    /// thiếu những thành phần đó không ai ký được. Kế hoạch có `[report]`: Báo cáo cần người ký
    /// (`[signer]`, hoặc người ký của `[decision]`). Số và ngày ban hành cùng có hoặc cùng để trống
    /// (dự thảo).
    ///
    /// Vì sao: Nghị định 30/2020, Điều 8 khoản 2: văn bản phải có „g) Chức vụ, họ tên và chữ ký của
    /// người có thẩm quyền … i) Nơi nhận”; kế hoạch kèm Quyết định dùng thể thức „văn bản được ban hành
    /// kèm theo quyết định” (Phụ lục III) và phải dẫn Quyết định.
    ///
    /// Ví dụ sai: `mode = "ke-hoach"` mà không có `[signer]`.
    /// Sửa: thêm `[signer]` với `titles = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]` và `name`.
    METADATA_INCOMPLETE {
        code: "DX094",
        name: "metadata-incomplete",
        severity: Error,
        locked: true,
        summary: ("Thiếu thành phần thể thức", "Missing document component"),
        clause: "NĐ 30/2020, Điều 8 khoản 2",
        en: "Checks dxplan.toml has the components of the chosen mode: signer and recipients for a standalone plan, the decision for a plan issued with one; number and date both set or both empty. Why: Decree 30/2020, Art. 8.2. Fix: add `[signer]`/`[recipients]` or `[decision]`.",
    }
}

/// A component ND30 requires that the plan's dxplan.toml lacks.
enum Missing {
    Signer,
    Recipients,
    RecipientListEmpty,
    Decision,
    /// A part of `[decision]` without which nobody can sign it.
    DecisionPart(DecisionPart),
    ReportSigner,
    /// Số without date or date without số: a half-filled draft, only a warning.
    NumberWithoutDate,
}

#[derive(Clone, Copy)]
enum DecisionPart {
    Bases,
    Proposer,
    Signer,
    Recipients,
}

impl Violation for Missing {
    fn rule(&self) -> &'static Rule {
        &METADATA_INCOMPLETE
    }

    fn message(&self) -> Msg {
        match self {
            Missing::Signer => msg!(
                "Thiếu người ký (`[signer]`)",
                "The signer (`[signer]`) is missing"
            ),
            Missing::Recipients => msg!(
                "Thiếu nơi nhận (`[recipients]`)",
                "The recipients (`[recipients]`) are missing"
            ),
            Missing::RecipientListEmpty => {
                msg!("Danh sách nơi nhận trống", "The recipient list is empty")
            }
            Missing::Decision => msg!(
                "Kế hoạch kèm Quyết định nhưng thiếu `[decision]`",
                "A plan issued with a decision needs `[decision]`"
            ),
            Missing::DecisionPart(p) => {
                let (vi, en) = match p {
                    DecisionPart::Bases => {
                        ("căn cứ ban hành (`bases`)", "its legal bases (`bases`)")
                    }
                    DecisionPart::Proposer => (
                        "người đề nghị (`proposer`: „Theo đề nghị của …”)",
                        "its proposer (`proposer`)",
                    ),
                    DecisionPart::Signer => (
                        "người ký (`signer`: quyền hạn, chức vụ và họ tên)",
                        "its signer (`signer`: titles and name)",
                    ),
                    DecisionPart::Recipients => {
                        ("nơi nhận (`recipients`)", "its recipients (`recipients`)")
                    }
                };
                msg!("Quyết định thiếu {vi}", "The decision lacks {en}")
            }
            Missing::ReportSigner => msg!(
                "Báo cáo (`[report]`) không có người ký: thiếu `[signer]` (hoặc `signer` của `[decision]`)",
                "The report (`[report]`) has no signer: `[signer]` (or `[decision]`'s `signer`) is missing"
            ),
            Missing::NumberWithoutDate => msg!(
                "Số và ngày ban hành phải cùng có (bản ban hành) hoặc cùng trống (dự thảo)",
                "Number and date must both be set (issued) or both empty (draft)"
            ),
        }
    }

    fn severity(&self) -> Severity {
        match self {
            Missing::NumberWithoutDate => Severity::Warning,
            _ => METADATA_INCOMPLETE.severity,
        }
    }

    fn clause(&self) -> Option<String> {
        match self {
            Missing::Decision => {
                Some("NĐ 30/2020, Phụ lục III, Mẫu văn bản ban hành kèm theo quyết định".into())
            }
            Missing::DecisionPart(_) => {
                Some("NĐ 30/2020, Điều 8 khoản 2; Phụ lục III, mẫu 1.3".into())
            }
            _ => None,
        }
    }
}

pub fn check(ctx: &mut Ctx) {
    let Some(c) = &ctx.plan.config else {
        return;
    };
    let src = c.source;
    let mut out = Vec::new();
    let mut found =
        |m: Missing, at: std::ops::Range<usize>| out.push(Diagnostic::of(&m).at(src, at));
    match ctx.plan.mode() {
        Mode::Standalone => {
            if c.signer.is_none() {
                found(Missing::Signer, 0..0);
            }
            match &c.recipients {
                None => found(Missing::Recipients, 0..0),
                Some(r) if r.list.is_empty() => {
                    found(Missing::RecipientListEmpty, r.archive.span.clone())
                }
                Some(_) => {}
            }
        }
        Mode::WithDecision => match &c.decision {
            None => found(Missing::Decision, 0..0),
            // Located at the blank value, else at `issuer`, the one field `[decision]` always
            // has. A signer without titles or name is DX012's (required fields), not repeated.
            Some(d) => {
                let issuer = d.issuer.span.clone();
                if d.bases.iter().all(|b| b.value.trim().is_empty()) {
                    let at = d.bases.first().map_or(issuer.clone(), |b| b.span.clone());
                    found(Missing::DecisionPart(DecisionPart::Bases), at);
                }
                if d.proposer
                    .as_ref()
                    .is_none_or(|p| p.value.trim().is_empty())
                {
                    let at = d
                        .proposer
                        .as_ref()
                        .map_or(issuer.clone(), |p| p.span.clone());
                    found(Missing::DecisionPart(DecisionPart::Proposer), at);
                }
                if d.signer.is_none() {
                    found(Missing::DecisionPart(DecisionPart::Signer), issuer.clone());
                }
                if d.recipients.is_none() {
                    found(Missing::DecisionPart(DecisionPart::Recipients), issuer);
                }
            }
        },
    }
    // The report is signed by the plan's signer, or through its decision's (`Plan::issue`).
    if let Some(r) = &c.report
        && ctx
            .plan
            .issue(DocKind::Report(Period::Year))
            .signer
            .is_none()
    {
        found(Missing::ReportSigner, r.symbol.span.clone());
    }
    let number_blank = blank(&c.document.number);
    let date_blank = blank(&c.document.date);
    if ctx.plan.mode() == Mode::Standalone && number_blank != date_blank {
        let span = c
            .document
            .number
            .as_ref()
            .or(c.document.date.as_ref())
            .map(|s| s.span.clone())
            .unwrap_or(0..0);
        found(Missing::NumberWithoutDate, span);
    }
    ctx.report_all(out);
}
