//! Căn cứ lines written with the pre-ND30 trailing comma.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::model::types::Text;
use crate::msg;
use crate::source::SourceId;

crate::declare_rule! {
    /// Kiểm tra: các dòng căn cứ (`[opening] grounds`, `[decision] bases`) và dòng „Theo đề nghị
    /// của …” (`[decision] proposer`) không kết thúc bằng dấu phẩy.
    ///
    /// Vì sao: theo Nghị định 30/2020 mỗi căn cứ kết thúc bằng „;”, dòng cuối bằng „.”; dấu phẩy là
    /// thói quen trước Nghị định (Quyết định 2269/QĐ-BGTVT năm 2020: „Theo đề nghị của Giám đốc
    /// Trung tâm Công nghệ thông tin,”). dxplan tự đặt đúng dấu khi xuất văn bản, nên đây chỉ là
    /// cảnh báo về tệp nguồn; `--fix` bỏ dấu phẩy.
    ///
    /// Ví dụ sai: `proposer = "Giám đốc Trung tâm Công nghệ thông tin,"`.
    /// Sửa: `proposer = "Giám đốc Trung tâm Công nghệ thông tin"`.
    GROUND_COMMA {
        code: "DX085",
        name: "ground-comma",
        severity: Warning,
        summary: ("Căn cứ kết thúc bằng dấu phẩy", "Căn cứ line ending in a comma"),
        clause: "NĐ 30/2020, Phụ lục I, mục II.6.a",
        en: "Checks that căn cứ lines (`[opening] grounds`, `[decision] bases`) and the „Theo đề nghị của …” line (`[decision] proposer`) do not end in a comma. Why: under Decree 30/2020 each căn cứ ends in „;” and the last line in „.”; the comma is a pre-decree habit. dxplan writes the right mark in the document anyway, so this is a warning about the source. Fix: `dxplan check --fix` drops the comma.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let Some(c) = &ctx.plan.config else { return };
    let src = c.source;
    let opening = c.opening.iter().flat_map(|o| o.grounds.iter());
    let decision = c.decision.iter().flat_map(|d| d.bases.iter());
    let proposer = c.decision.iter().filter_map(|d| d.proposer.as_ref());
    let text = &ctx.plan.sources.get(src).text;
    let out: Vec<_> = opening
        .chain(decision)
        .chain(proposer)
        .filter_map(|t| finding(src, text, t))
        .collect();
    ctx.report_all(out);
}

fn finding(src: SourceId, text: &str, t: &Text) -> Option<Diagnostic> {
    if !t.value.trim_end().ends_with(',') {
        return None;
    }
    // The span covers the TOML string with its quotes: the comma is the last one before them.
    let raw = text.get(t.span.clone())?;
    let comma = t.span.start + raw.rfind(',')?;
    let line = t.value.trim();
    Some(
        Diagnostic::of(&EndsInComma(line.to_string()))
            .at(src, comma..comma + 1)
            .fix(msg!("bỏ dấu phẩy", "drop the comma"), comma..comma + 1, ""),
    )
}

/// A căn cứ or "Theo đề nghị" line ending in a comma, as written.
struct EndsInComma(String);

impl Violation for EndsInComma {
    fn rule(&self) -> &'static Rule {
        &GROUND_COMMA
    }

    fn message(&self) -> Msg {
        let line = &self.0;
        msg!(
            "„{line}” kết thúc bằng dấu phẩy",
            "„{line}” ends in a comma"
        )
    }

    fn hint(&self) -> Option<Msg> {
        Some(msg!(
            "Bỏ dấu phẩy: dxplan đặt „;” (hoặc „.” ở dòng cuối) khi xuất văn bản.",
            "Drop the comma: dxplan writes „;” (or „.” on the last line) in the document."
        ))
    }
}
