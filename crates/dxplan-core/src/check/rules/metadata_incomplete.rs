//! The components ND30 requires for the chosen issuance mode are present.

use crate::check::Ctx;
use crate::check::rules::blank;
use crate::diag::{Diagnostic, Severity};
use crate::model::Mode;
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

pub fn check(ctx: &mut Ctx) {
    let Some(c) = &ctx.plan.config else {
        return;
    };
    let src = c.source;
    let at = 0..0;
    let mut out = Vec::new();
    match ctx.plan.mode() {
        Mode::Standalone => {
            if c.signer.is_none() {
                out.push(
                    Diagnostic::new(
                        &METADATA_INCOMPLETE,
                        msg!(
                            "Thiếu người ký (`[signer]`)",
                            "The signer (`[signer]`) is missing"
                        ),
                    )
                    .at(src, at.clone()),
                );
            }
            if c.recipients.is_none() {
                out.push(
                    Diagnostic::new(
                        &METADATA_INCOMPLETE,
                        msg!(
                            "Thiếu nơi nhận (`[recipients]`)",
                            "The recipients (`[recipients]`) are missing"
                        ),
                    )
                    .at(src, at.clone()),
                );
            }
            if let Some(r) = &c.recipients
                && r.list.is_empty()
            {
                out.push(
                    Diagnostic::new(
                        &METADATA_INCOMPLETE,
                        msg!("Danh sách nơi nhận trống", "The recipient list is empty"),
                    )
                    .at(src, r.archive.span.clone()),
                );
            }
        }
        Mode::WithDecision => {
            if let Some(d) = &c.decision {
                decision_parts(d, src, &mut out);
            }
            if c.decision.is_none() {
                out.push(
                    Diagnostic::new(
                        &METADATA_INCOMPLETE,
                        msg!(
                            "Kế hoạch kèm Quyết định nhưng thiếu `[decision]`",
                            "A plan issued with a decision needs `[decision]`"
                        ),
                    )
                    .at(src, at.clone())
                    .clause("NĐ 30/2020, Phụ lục III, Mẫu văn bản ban hành kèm theo quyết định"),
                );
            }
        }
    }
    // The report is signed by the plan's signer, or through its decision's.
    if let Some(r) = &c.report {
        let signer = c
            .signer
            .as_ref()
            .or_else(|| c.decision.as_ref().and_then(|d| d.signer.as_ref()));
        if signer.is_none() {
            out.push(
                Diagnostic::new(
                    &METADATA_INCOMPLETE,
                    msg!(
                        "Báo cáo (`[report]`) không có người ký: thiếu `[signer]` (hoặc `signer` của `[decision]`)",
                        "The report (`[report]`) has no signer: `[signer]` (or `[decision]`'s `signer`) is missing"
                    ),
                )
                .at(src, r.symbol.span.clone()),
            );
        }
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
            .unwrap_or(at);
        let mut d = Diagnostic::new(
            &METADATA_INCOMPLETE,
            msg!(
                "Số và ngày ban hành phải cùng có (bản ban hành) hoặc cùng trống (dự thảo)",
                "Number and date must both be set (issued) or both empty (draft)"
            ),
        )
        .at(src, span);
        d.severity = Severity::Warning;
        out.push(d);
    }
    ctx.report_all(out);
}

/// The parts without which nobody can sign a Quyết định (mẫu 1.3 of ND30, Phụ lục III): its căn cứ,
/// who proposes it, who signs it and who receives it. Located at the blank value, else at
/// `[decision]`'s `issuer`, the one field it always has. A signer without titles or name is
/// DX012's finding (required fields), not repeated here.
fn decision_parts(
    d: &crate::model::Decision,
    src: crate::source::SourceId,
    out: &mut Vec<Diagnostic>,
) {
    let mut missing = |vi: &str, en: &str, at: std::ops::Range<usize>| {
        out.push(
            Diagnostic::new(
                &METADATA_INCOMPLETE,
                msg!("Quyết định thiếu {vi}", "The decision lacks {en}"),
            )
            .at(src, at)
            .clause("NĐ 30/2020, Điều 8 khoản 2; Phụ lục III, mẫu 1.3"),
        );
    };
    let issuer = d.issuer.span.clone();
    if d.bases.iter().all(|b| b.value.trim().is_empty()) {
        let at = d.bases.first().map_or(issuer.clone(), |b| b.span.clone());
        missing("căn cứ ban hành (`bases`)", "its legal bases (`bases`)", at);
    }
    if d.proposer
        .as_ref()
        .is_none_or(|p| p.value.trim().is_empty())
    {
        let at = d
            .proposer
            .as_ref()
            .map_or(issuer.clone(), |p| p.span.clone());
        missing(
            "người đề nghị (`proposer`: „Theo đề nghị của …”)",
            "its proposer (`proposer`)",
            at,
        );
    }
    if d.signer.is_none() {
        missing(
            "người ký (`signer`: quyền hạn, chức vụ và họ tên)",
            "its signer (`signer`: titles and name)",
            issuer.clone(),
        );
    }
    if d.recipients.is_none() {
        missing(
            "nơi nhận (`recipients`)",
            "its recipients (`recipients`)",
            issuer,
        );
    }
}
