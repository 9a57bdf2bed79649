//! Timeframes are readable and overlap the plan year.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::load::Sp;
use crate::model::values::period;
use crate::msg;
use crate::source::SourceId;

crate::declare_rule! {
    /// Kiểm tra: thời gian thực hiện của nhiệm vụ và thời gian triển khai của dự án đọc được
    /// („2023”, „Năm 2023”, „2022-2025”, „Quý I/2023 - Quý III/2023”, „6/2023”, „01/2023 - 06/2023”,
    /// „Thường xuyên”) và có giao với năm kế hoạch.
    ///
    /// Vì sao: kế hoạch năm chỉ gồm việc làm trong năm đó (Khung, Phần II.VII: „thời gian triển khai”);
    /// dự án đã kết thúc từ năm trước hoặc chưa bắt đầu trong năm là nhầm lẫn.
    ///
    /// Ví dụ sai (kế hoạch năm 2023): `timeframe: 2020-2022`.
    /// Sửa: `timeframe: 2022-2024` nếu dự án chuyển tiếp, hoặc bỏ dự án khỏi danh mục.
    TIMEFRAME_INVALID {
        code: "DX054",
        name: "timeframe-invalid",
        severity: Error,
        summary: ("Thời gian không hợp lệ hoặc ngoài năm kế hoạch", "Timeframe invalid or outside the plan year"),
        clause: "Khung kế hoạch, Phần II.VII",
        en: "Checks that timeframes of tasks and projects can be read and overlap the plan year. Why: a yearly plan holds the year's work only. Example: `timeframe: 2020-2022` in a 2023 plan. Fix: correct the period or drop the project.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let year = ctx.plan.year();
    let mut items: Vec<(SourceId, &Sp<String>, String, String)> = Vec::new();
    for (s, t) in ctx.plan.tasks() {
        items.push((s.source, &t.timeframe, s.slug.clone(), t.id.value.clone()));
    }
    for (s, p) in ctx.plan.projects() {
        if let Some(tf) = &p.timeframe {
            items.push((s.source, tf, s.slug.clone(), p.id.value.clone()));
        }
    }
    let mut out = Vec::new();
    for (src, tf, slug, id) in items {
        let written = tf.value.clone();
        let found = match period(&written, year) {
            None => Timeframe::Unreadable { id, written, year },
            Some(p) if !p.covers_year(year) => Timeframe::OutsideYear { id, written, year },
            Some(_) => continue,
        };
        out.push(
            Diagnostic::of(&found)
                .at(src, tf.span.clone())
                .clause(ctx.clause_of(&slug)),
        );
    }
    ctx.report_all(out);
}

/// What is wrong with a task's or project's timeframe, with its id and words.
enum Timeframe {
    Unreadable {
        id: String,
        written: String,
        year: i32,
    },
    OutsideYear {
        id: String,
        written: String,
        year: i32,
    },
}

impl Violation for Timeframe {
    fn rule(&self) -> &'static Rule {
        &TIMEFRAME_INVALID
    }

    fn message(&self) -> Msg {
        match self {
            Timeframe::Unreadable { id, written: v, .. } => msg!(
                "{id}: không đọc được thời gian „{v}”",
                "{id}: cannot read the timeframe „{v}”"
            ),
            Timeframe::OutsideYear {
                id,
                written: v,
                year,
            } => msg!(
                "{id}: thời gian „{v}” không nằm trong năm kế hoạch {year}",
                "{id}: the timeframe „{v}” does not cover the plan year {year}"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        let (Timeframe::Unreadable { year, .. } | Timeframe::OutsideYear { year, .. }) = self;
        Some(msg!(
            "Viết như „Năm {year}”, „Quý II/{year}”, „2022-2025” hoặc „01/{year} - 06/{year}”.",
            "Write e.g. „Năm {year}”, „Quý II/{year}”, „2022-2025” or „01/{year} - 06/{year}”."
        ))
    }
}
