//! Dates exist on the calendar.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::load::Sp;
use crate::model::Content;
use crate::model::values::{DateError, date};
use crate::msg;
use crate::source::SourceId;

crate::declare_rule! {
    /// Kiểm tra: ngày ban hành của kế hoạch, của Quyết định kèm theo và của các văn bản được dẫn là
    /// ngày có thật, viết `YYYY-MM-DD`, `DD/MM/YYYY` hoặc „ngày DD tháng MM năm YYYY”.
    ///
    /// Vì sao: Nghị định 30/2020, Phụ lục I, mục II.4.b: „Thời gian ban hành văn bản phải được viết
    /// đầy đủ”; ngày không có thật (31/02) là lỗi đánh máy sẽ đi thẳng vào văn bản.
    ///
    /// Ví dụ sai: `date = "2022-02-30"`.
    /// Sửa: một ngày có thật, ví dụ `date = "2022-12-05"`.
    INVALID_DATE {
        code: "DX092",
        name: "invalid-date",
        severity: Error,
        locked: true,
        summary: ("Ngày không hợp lệ", "Invalid date"),
        clause: "NĐ 30/2020, Phụ lục I, mục II.4.b",
        en: "Checks dates exist (no 31 February) and are readable. Why: Decree 30/2020, Appendix I, II.4.b: the date is written in full. Fix: a real date, e.g. `2022-12-05`.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let mut dates: Vec<(SourceId, &Sp<String>)> = Vec::new();
    if let Some(c) = &ctx.plan.config {
        let src = c.source;
        dates.extend(c.document.date.iter().map(|d| (src, d)));
        if let Some(dec) = &c.decision {
            dates.extend(dec.date.iter().map(|d| (src, d)));
        }
    }
    for s in &ctx.plan.sections {
        if let Content::Citations(c) = &s.content {
            dates.extend(
                c.all()
                    .into_iter()
                    .filter_map(|x| x.date.as_ref())
                    .map(|d| (s.source, d)),
            );
        }
    }
    // Results are recorded in the year: a date that cannot be read, or of year 9999, would be
    // counted in the wrong report period.
    for (s, t) in ctx.plan.targets() {
        dates.extend(
            t.result
                .iter()
                .filter_map(|r| r.date.as_ref())
                .map(|d| (s.source, d)),
        );
    }
    for (s, t) in ctx.plan.tasks() {
        dates.extend(
            t.result
                .iter()
                .filter_map(|r| r.date.as_ref())
                .map(|d| (s.source, d)),
        );
    }
    for (s, p) in ctx.plan.projects() {
        dates.extend(
            p.result
                .iter()
                .filter_map(|r| r.date.as_ref())
                .map(|d| (s.source, d)),
        );
    }
    let mut out = Vec::new();
    // The plan's year is a number, checked here for range: 99999999999 would print nonsense.
    if let Some(c) = &ctx.plan.config
        && !(2000..=2100).contains(&c.year.value)
        && c.year.value != 0
    {
        out.push(Diagnostic::of(&BadDate::Year(c.year.value)).at(c.source, c.year.span.clone()));
    }
    for (src, d) in dates {
        let v = &d.value;
        if v.trim().is_empty() {
            continue;
        }
        let found = match date(v) {
            // Documents since 1945; nothing after 2100 (a mistyped 9999-12-31).
            Ok(d) if !(1945..=2100).contains(&d.year) => BadDate::OutOfRange(v.clone()),
            Ok(_) => continue,
            Err(DateError::Impossible) => BadDate::Impossible(v.clone()),
            Err(DateError::Format) => BadDate::Unreadable(v.clone()),
        };
        out.push(Diagnostic::of(&found).at(src, d.span.clone()));
    }
    ctx.report_all(out);
}

/// A date that is none, as written; or a plan year out of range.
enum BadDate {
    Year(i64),
    Impossible(String),
    Unreadable(String),
    OutOfRange(String),
}

impl Violation for BadDate {
    fn rule(&self) -> &'static Rule {
        &INVALID_DATE
    }

    fn message(&self) -> Msg {
        match self {
            BadDate::Year(y) => msg!(
                "Năm kế hoạch {y} nằm ngoài khoảng 2000–2100",
                "The plan year {y} is outside 2000–2100"
            ),
            BadDate::Impossible(v) => msg!("Ngày „{v}” không có thật", "„{v}” is not a real date"),
            BadDate::Unreadable(v) => {
                msg!("Không đọc được ngày „{v}”", "Cannot read the date „{v}”")
            }
            BadDate::OutOfRange(v) => msg!(
                "Ngày „{v}” nằm ngoài khoảng 1945–2100",
                "The date „{v}” is outside 1945–2100"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        Some(match self {
            BadDate::Year(_) => msg!("Ví dụ: `year = 2023`.", "For example: `year = 2023`."),
            _ => msg!(
                "Viết `YYYY-MM-DD` hoặc `DD/MM/YYYY`, ví dụ 2022-12-05.",
                "Write `YYYY-MM-DD` or `DD/MM/YYYY`, e.g. 2022-12-05."
            ),
        })
    }
}
