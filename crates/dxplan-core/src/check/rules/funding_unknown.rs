//! Funding sources come from the framework's fixed list.

use crate::check::Ctx;
use crate::check::rules::suggest;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::model::Content;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: nguồn vốn của dự án (`funding`) và của mục Kinh phí (`by_source[].source`) thuộc
    /// danh sách cố định: ngân sách trung ương, ngân sách địa phương, vốn ODA, xã hội hóa, khác.
    ///
    /// Vì sao: phụ lục cộng kinh phí theo nguồn vốn; cách viết khác nhau („NSĐP”, „Ngân sách tỉnh”)
    /// tách một nguồn thành nhiều dòng và tổng theo nguồn sai.
    ///
    /// Ví dụ sai: `funding: NSĐP`.
    /// Sửa: `funding: ngân sách địa phương`.
    FUNDING_UNKNOWN {
        code: "DX053",
        name: "funding-unknown",
        severity: Error,
        summary: ("Nguồn vốn không thuộc danh sách", "Unknown funding source"),
        clause: "Khung kế hoạch, Phần II.VII",
        en: "Checks that funding sources come from the fixed list: ngân sách trung ương, ngân sách địa phương, vốn ODA, xã hội hóa, khác. Why: the appendix sums by source; spelling variants split one source into several rows. Fix: `funding: ngân sách địa phương`.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let list: Vec<&str> = ctx.fw.funding_sources.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    for s in &ctx.plan.sections {
        let values: Vec<_> = match &s.content {
            Content::Projects(p) => p
                .projects
                .iter()
                .filter_map(|x| x.funding.as_ref())
                .collect(),
            Content::Budget(b) => b.by_source.iter().map(|x| &x.source).collect(),
            _ => continue,
        };
        for v in values {
            if list.contains(&v.value.as_str()) {
                continue;
            }
            let got = &v.value;
            let all = list.join(", ");
            let mut hint = suggest(got, &list);
            hint.vi.push_str(&format!(" Danh sách: {all}."));
            hint.en.push_str(&format!(" The list: {all}."));
            let found = UnknownSource {
                written: got.clone(),
                hint,
            };
            let mut d = Diagnostic::of(&found)
                .at(s.source, v.span.clone())
                .clause(ctx.clause_of(&s.slug));
            if let Some(exact) = crate::model::validate::same_but_case_or_space(got, &list) {
                d = d.fix(
                    msg!("viết „{exact}”", "write „{exact}”"),
                    v.span.clone(),
                    exact,
                );
            }
            out.push(d);
        }
    }
    ctx.report_all(out);
}

/// A funding source the framework does not list, with the closest ones and the list.
struct UnknownSource {
    written: String,
    hint: Msg,
}

impl Violation for UnknownSource {
    fn rule(&self) -> &'static Rule {
        &FUNDING_UNKNOWN
    }

    fn message(&self) -> Msg {
        let got = &self.written;
        msg!(
            "Nguồn vốn „{got}” không thuộc danh sách của Khung",
            "Funding source „{got}” is not in the framework's list"
        )
    }

    fn hint(&self) -> Option<Msg> {
        Some(self.hint.clone())
    }
}
