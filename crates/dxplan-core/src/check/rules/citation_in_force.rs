//! A căn cứ that is not yet in force on the plan's date.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::framework::RegCitation;
use crate::lang::Msg;
use crate::model::values::date;
use crate::msg;

crate::declare_rule! {
    /// Cảnh báo: một căn cứ (mục Căn cứ, hay dòng „Căn cứ …” của phần mở đầu) chưa có hiệu lực vào
    /// ngày ban hành kế hoạch — ví dụ kế hoạch ngày 15/12/2025 căn cứ Luật Chuyển đổi số
    /// 148/2025/QH15, có hiệu lực từ 01/7/2026.
    ///
    /// Vì sao: văn bản chưa có hiệu lực chưa là căn cứ pháp lý; kế hoạch ban hành trước ngày đó
    /// dẫn văn bản còn hiệu lực (Luật Công nghệ thông tin 67/2006/QH11), hoặc nêu luật mới trong lời
    /// văn. Ngày có hiệu lực lấy từ danh mục căn cứ của dxplan (`in_force`). Bản dự thảo (chưa có
    /// ngày) không được kiểm tra.
    CITATION_IN_FORCE {
        code: "DX086",
        name: "citation-not-in-force",
        severity: Warning,
        summary: ("Căn cứ chưa có hiệu lực", "Legal basis not yet in force"),
        clause: "NĐ 30/2020, Phụ lục I, mục II.6.a",
        en: "Warns when a legal basis (Căn cứ list or an opening 'Căn cứ …' line) comes into force after the plan's date — a plan of 15/12/2025 resting on the Digital Transformation Law 148/2025/QH15, in force from 01/7/2026. Why: a law not yet in force is no legal basis yet. In-force dates come from dxplan's registry (`in_force`). Drafts are not checked.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let plan = ctx.plan;
    let Some(issued) = plan.issued_on() else {
        return;
    };
    let fw = ctx.fw;
    let mut out = Vec::new();
    let mut report = |r: &RegCitation, source, span| {
        let Some(from) = r.in_force.as_deref().and_then(|d| date(d).ok()) else {
            return;
        };
        if from <= issued {
            return;
        }
        let found = NotInForce {
            cited: r
                .name
                .clone()
                .unwrap_or_else(|| format!("{} {}", r.doc_type, r.symbol)),
            from: from.short(),
            plan: issued.short(),
            // "Luật Công nghệ thông tin 67/2006/QH11", by the registry's name for it.
            replaces: r.replaces.as_ref().map(|old| {
                match fw.registry(old).and_then(|x| x.name.as_ref()) {
                    Some(name) => format!("{name} {old}"),
                    None => old.clone(),
                }
            }),
        };
        out.push(Diagnostic::of(&found).at(source, span));
    };
    for (s, cit) in plan.citations() {
        let entry = match &cit.number {
            Some(n) => fw.registry(n.value.trim()),
            None => fw.registry_by_name(&cit.doc_type.value, &cit.title.value),
        };
        if let Some(r) = entry {
            let span = cit.number.as_ref().unwrap_or(&cit.title).span.clone();
            report(r, s.source, span);
        }
    }
    if let Some(c) = &plan.config
        && let Some(o) = &c.config.opening
    {
        for g in &o.grounds {
            let t = g.value.trim().trim_end_matches([';', '.', ',']).trim();
            let t = t.strip_prefix("Căn cứ ").unwrap_or(t);
            let entry = fw
                .registry(t)
                .or_else(|| fw.citations.iter().find(|r| r.name.as_deref() == Some(t)));
            if let Some(r) = entry {
                report(r, c.source, g.span.clone());
            }
        }
    }
    ctx.report_all(out);
}

struct NotInForce {
    cited: String,
    from: String,
    plan: String,
    replaces: Option<String>,
}

impl Violation for NotInForce {
    fn rule(&self) -> &'static Rule {
        &CITATION_IN_FORCE
    }

    fn message(&self) -> Msg {
        let (c, f, p) = (&self.cited, &self.from, &self.plan);
        msg!(
            "{c} có hiệu lực từ {f}, sau ngày ban hành kế hoạch {p}",
            "{c} comes into force on {f}, after the plan's date {p}"
        )
    }

    fn hint(&self) -> Option<Msg> {
        Some(match &self.replaces {
            Some(old) => msg!(
                "Đến ngày đó, căn cứ là văn bản còn hiệu lực ({old}); luật mới có thể nêu trong lời văn.",
                "Until then the basis is the document in force ({old}); the new law may be named in the text."
            ),
            None => msg!(
                "Dẫn văn bản đang có hiệu lực, hoặc nêu văn bản này trong lời văn.",
                "Cite the document in force, or name this one in the text."
            ),
        })
    }
}
