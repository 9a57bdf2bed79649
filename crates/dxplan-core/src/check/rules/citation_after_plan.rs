//! A plan cannot cite a document issued after it.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::model::values::date;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: văn bản được dẫn (trong mục Căn cứ, hay nhắc trong lời văn với số, ký hiệu và
    /// ngày) không ban hành sau chính kế hoạch.
    ///
    /// Vì sao: một văn bản chỉ dẫn được văn bản đã có; ngày sau ngày ban hành kế hoạch gần như luôn
    /// là gõ nhầm năm — kế hoạch thật từng dẫn „Kế hoạch số 281/KH-UBND ngày 10/12/2023” cho văn bản
    /// ban hành năm 2022. Lời văn về kết quả thực hiện viết sau (khi có `[report]`) được so với ngày
    /// của báo cáo thay cho ngày của kế hoạch. Bản dự thảo (chưa có ngày) không được kiểm tra.
    ///
    /// Ví dụ sai: kế hoạch ngày 07/12/2022 có căn cứ `date: 10/12/2023`.
    /// Sửa: ngày ghi ở đầu văn bản được dẫn.
    CITATION_AFTER_PLAN {
        code: "DX084",
        name: "citation-after-plan",
        severity: Error,
        summary: ("Văn bản được dẫn ban hành sau kế hoạch", "Cited document dated after the plan"),
        clause: "NĐ 30/2020, Phụ lục I, mục II.6.a",
        en: "Checks that no cited document (Căn cứ list, or cited in text with symbol and date) is dated after the plan itself; text is compared with the report's date when the plan has `[report]`, since results are written later. Why: a document can only cite what exists; a later date is almost always a mistyped year. Drafts (no date) are not checked. Fix: the date printed on the cited document.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let plan = ctx.plan;
    let Some(issued) = plan.issued_on() else {
        return;
    };
    let on = issued.short();
    let mut out = Vec::new();
    for (s, cit) in plan.citations() {
        let Some(d) = &cit.date else { continue };
        let Ok(when) = date(&d.value) else { continue };
        if when <= issued {
            continue;
        }
        let found = AfterPlan::Ground {
            cited: cited(cit),
            dated: when.short(),
            plan: on.clone(),
        };
        out.push(Diagnostic::of(&found).at(s.source, d.span.clone()));
    }
    // Prose about results may be written after the plan, up to the report.
    let (limit, of) = match plan.reported_on() {
        Some(r) if r > issued => (r, ("của báo cáo", "of the report")),
        _ => (issued, ("ban hành kế hoạch", "of the plan")),
    };
    let until = limit.short();
    for m in plan.mentions() {
        let Some(when) = m.date.filter(|d| *d > limit) else {
            continue;
        };
        let found = AfterPlan::Mention {
            symbol: m.symbol.clone(),
            dated: when.short(),
            of,
            until: until.clone(),
        };
        out.push(Diagnostic::of(&found).at(m.source, m.span.clone()));
    }
    ctx.report_all(out);
}

/// "Kế hoạch 281/KH-UBND", "Luật Công nghệ thông tin": how the finding names the citation.
fn cited(c: &crate::model::types::Citation) -> String {
    match &c.number {
        Some(n) if !n.value.trim().is_empty() => format!("{} {}", c.doc_type.value, n.value.trim()),
        _ => format!("{} {}", c.doc_type.value, c.title.value.trim()),
    }
}

/// A cited document dated after the plan (or, in prose, after its report).
enum AfterPlan {
    Ground {
        /// The citation as it reads ("Quyết định số 749/QĐ-TTg").
        cited: String,
        dated: String,
        plan: String,
    },
    Mention {
        symbol: String,
        dated: String,
        /// Whose date it passes: ("của báo cáo", "of the report") or the plan's.
        of: (&'static str, &'static str),
        until: String,
    },
}

impl Violation for AfterPlan {
    fn rule(&self) -> &'static Rule {
        &CITATION_AFTER_PLAN
    }

    fn message(&self) -> Msg {
        match self {
            AfterPlan::Ground {
                cited: what,
                dated: w,
                plan: on,
            } => msg!(
                "{what} ghi ngày {w}, sau ngày ban hành kế hoạch {on}",
                "{what} is dated {w}, after the plan's own date {on}"
            ),
            AfterPlan::Mention {
                symbol: n,
                dated: w,
                of: (vi, en),
                until,
            } => msg!(
                "{n} được nhắc với ngày {w}, sau ngày {vi} {until}",
                "{n} is cited as of {w}, after the date {en} {until}"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        Some(msg!(
            "Ghi ngày in ở đầu văn bản được dẫn (thường là nhầm năm).",
            "Give the date printed on the cited document (usually a mistyped year)."
        ))
    }
}
