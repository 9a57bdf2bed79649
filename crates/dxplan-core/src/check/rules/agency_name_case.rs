//! Agency names capitalised as ND30 Phụ lục II writes them.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::load::Sp;
use crate::model::Content;
use crate::model::validate::CaseIndex;
use crate::msg;
use crate::source::SourceId;

crate::declare_rule! {
    /// Kiểm tra: tên cơ quan thường gặp (đơn vị chủ trì, phối hợp, cơ quan ban hành căn cứ…) viết hoa
    /// đúng quy tắc: „Sở Thông tin và Truyền thông”, „Sở Kế hoạch và Đầu tư”, „Ủy ban nhân dân tỉnh”.
    ///
    /// Vì sao: Nghị định 30/2020, Phụ lục II: „Viết hoa chữ cái đầu của các từ, cụm từ chỉ loại hình cơ
    /// quan, tổ chức; chức năng, lĩnh vực hoạt động của cơ quan, tổ chức” (ví dụ „Sở Tài chính”, „Bộ Tài
    /// nguyên và Môi trường”). Chỉ so các tên có trong danh sách của dxplan (`schema/nd30.yaml`), và chỉ khi
    /// khác nhau ở chữ hoa/thường hay khoảng trắng, nên `dxplan check --fix` sửa được an toàn.
    ///
    /// Ví dụ sai: `lead: Sở thông tin và truyền thông`.
    /// Sửa: `lead: Sở Thông tin và Truyền thông`.
    AGENCY_NAME_CASE {
        code: "DX098",
        name: "agency-name-case",
        severity: Warning,
        summary: ("Tên cơ quan viết hoa chưa đúng", "Agency name capitalised wrongly"),
        clause: "NĐ 30/2020, Phụ lục II",
        en: "Checks that common agency names (lead and cooperating units, issuers of citations, responsible units) are capitalised as Decree 30/2020, Appendix II requires: the words naming the type and the field of the agency are capitalised (Sở Thông tin và Truyền thông, Sở Kế hoạch và Đầu tư). Why: a capitalisation slip is a format error the clerk returns. Only names in dxplan's list, differing only in case or spacing, are reported, so `dxplan check --fix` corrects them safely. Example: `lead: Sở thông tin và truyền thông`.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let names: Vec<&str> = ctx.nd30.agency_names.iter().map(String::as_str).collect();
    let mut fields: Vec<(SourceId, &Sp<String>)> = Vec::new();
    for s in &ctx.plan.sections {
        match &s.content {
            Content::Tasks(t) => {
                for x in &t.tasks {
                    fields.push((s.source, &x.lead));
                    fields.extend(x.cooperating.iter().map(|c| (s.source, c)));
                }
            }
            Content::Projects(p) => {
                for x in &p.projects {
                    fields.extend(x.lead.iter().map(|l| (s.source, l)));
                    fields.extend(x.cooperating.iter().map(|c| (s.source, c)));
                }
            }
            Content::Organization(o) => {
                fields.extend(o.responsibilities.iter().map(|r| (s.source, &r.unit)))
            }
            Content::Citations(c) => fields.extend(
                c.all()
                    .into_iter()
                    .filter_map(|x| x.issuer.as_ref())
                    .map(|i| (s.source, i)),
            ),
            _ => {}
        }
    }
    let mut out = Vec::new();
    // Thousands of fields, a few distinct names: normalised once each.
    let mut index = CaseIndex::new(&names);
    for (src, f) in fields {
        let got = f.value.trim();
        let Some(right) = index.find(got) else {
            continue;
        };
        out.push(
            Diagnostic::of(&Miscased {
                written: got.to_string(),
                name: right.to_string(),
            })
            .at(src, f.span.clone())
            .fix(
                msg!("viết „{right}”", "write „{right}”"),
                f.span.clone(),
                right,
            ),
        );
    }
    ctx.report_all(out);
}

/// An agency name written in other capitals than the table's.
struct Miscased {
    written: String,
    name: String,
}

impl Violation for Miscased {
    fn rule(&self) -> &'static Rule {
        &AGENCY_NAME_CASE
    }

    fn message(&self) -> Msg {
        let (got, right) = (&self.written, &self.name);
        msg!(
            "„{got}” nên viết „{right}”",
            "„{got}” should read „{right}”"
        )
    }
}
