//! Ids of targets, tasks and projects are unique.

use std::collections::HashMap;

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::load::Sp;
use crate::msg;
use crate::source::SourceId;

crate::declare_rule! {
    /// Kiểm tra: mã (`id`) của mục tiêu, nhiệm vụ và dự án là duy nhất trong kế hoạch (mỗi loại một
    /// không gian mã).
    ///
    /// Vì sao: dự án trỏ tới nhiệm vụ bằng mã; mã trùng làm liên kết mơ hồ và bảng tổng hợp đếm sai.
    ///
    /// Ví dụ sai: hai dự án cùng `id: DA05`.
    /// Sửa: đánh lại mã, ví dụ `DA05` và `DA06`.
    DUPLICATE_ID {
        code: "DX050",
        name: "duplicate-id",
        severity: Error,
        summary: ("Mã bị trùng", "Duplicate id"),
        clause: "Khung kế hoạch, Phần II.VII",
        en: "Checks that ids of targets, tasks and projects are unique (each kind its own namespace). Why: projects refer to tasks by id. Fix: renumber.",
    }
}

fn dups<'a>(
    ctx: &Ctx,
    what: (&'static str, &'static str),
    items: impl Iterator<Item = (SourceId, &'a Sp<String>, String)>,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: HashMap<&str, SourceId> = HashMap::new();
    for (src, id, slug) in items {
        if let Some(first) = seen.get(id.value.as_str()) {
            let other = ctx.plan.sources.get(*first).name.clone();
            let found = Duplicate {
                kind: what,
                id: id.value.clone(),
                first_file: other,
            };
            out.push(
                Diagnostic::of(&found)
                    .at(src, id.span.clone())
                    .clause(ctx.clause_of(&slug)),
            );
        } else {
            seen.insert(&id.value, src);
        }
    }
}

pub fn check(ctx: &mut Ctx) {
    let mut out = Vec::new();
    let plan = ctx.plan;
    dups(
        ctx,
        ("mục tiêu", "target"),
        plan.targets()
            .map(|(s, t)| (s.source, &t.id, s.slug.clone())),
        &mut out,
    );
    dups(
        ctx,
        ("nhiệm vụ", "task"),
        plan.tasks().map(|(s, t)| (s.source, &t.id, s.slug.clone())),
        &mut out,
    );
    dups(
        ctx,
        ("dự án", "project"),
        plan.projects()
            .map(|(s, p)| (s.source, &p.id, s.slug.clone())),
        &mut out,
    );
    ctx.report_all(out);
}

/// An id used twice, with the file that used it first.
struct Duplicate {
    /// What it identifies: ("mục tiêu", "target").
    kind: (&'static str, &'static str),
    id: String,
    first_file: String,
}

impl Violation for Duplicate {
    fn rule(&self) -> &'static Rule {
        &DUPLICATE_ID
    }

    fn message(&self) -> Msg {
        let ((vi, en), v, other) = (self.kind, &self.id, &self.first_file);
        msg!(
            "Mã {vi} „{v}” bị trùng (đã dùng trong {other})",
            "Duplicate {en} id „{v}” (already used in {other})"
        )
    }

    fn hint(&self) -> Option<Msg> {
        Some(msg!("Đặt một mã khác.", "Give it another id."))
    }
}
