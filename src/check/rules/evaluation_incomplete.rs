//! Phần I.II: every evaluated item needs a) results and b) shortcomings.

use crate::check::Ctx;
use crate::check::rules::blank;
use crate::diag::Diagnostic;
use crate::framework::{Heading, locator};
use crate::model::Content;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: ở Phần I.II (tình hình thực hiện các nhiệm vụ năm trước), mỗi mục mà Khung yêu cầu
    /// đánh giá (1.1, 1.2, 1.3, 2.1, 2.2, 3 … 10) có đủ „a) Kết quả đạt được” và „b) Tồn tại, hạn chế”,
    /// không để trống; và không có mục lạ.
    ///
    /// Vì sao: Khung ghi rõ mỗi mục có hai điểm a) và b); thiếu một điểm là đánh giá một chiều.
    ///
    /// Ví dụ sai:
    ///     items:
    ///       - number: "3"
    ///         results: Đã kết nối 100% xã với mạng chuyên dùng.
    /// Sửa: thêm `limitations: …` cho mục 3.
    EVALUATION_INCOMPLETE {
        code: "DX023",
        name: "evaluation-incomplete",
        severity: Error,
        locked: true,
        summary: ("Mục đánh giá thiếu a) hoặc b)", "Evaluation item lacks a) or b)"),
        clause: "Khung kế hoạch, Phần I.II",
        en: "Checks that every item of Part I.II has both a) results achieved and b) shortcomings, and no unknown item. Why: the framework gives every evaluation item these two points. Fix: add `results` and `limitations`.",
    }
}

/// Numbers of the evaluated headings below a section heading, with their locator numbers.
fn evaluated(h: &Heading, numbers: &mut Vec<String>, out: &mut Vec<(String, String, String)>) {
    for c in &h.children {
        numbers.push(c.number.clone());
        if c.evaluated {
            out.push((c.number.clone(), c.title.clone(), locator(numbers)));
        }
        if c.section.is_none() {
            evaluated(c, numbers, out);
        }
        numbers.pop();
    }
}

pub fn check(ctx: &mut Ctx) {
    for s in &ctx.plan.sections {
        let Content::Evaluation(e) = &s.content else {
            continue;
        };
        if e.items.is_empty() {
            continue; // `content-empty` reports the empty section once
        }
        let Some(def) = ctx.fw.section(&s.slug) else {
            continue;
        };
        let mut want = Vec::new();
        evaluated(&def.heading, &mut def.numbers.clone(), &mut want);
        for (number, title, loc) in &want {
            let clause = ctx.fw.clause(loc);
            match e.items.iter().find(|i| i.number.value == *number) {
                None => ctx.report(
                    Diagnostic::new(
                        &EVALUATION_INCOMPLETE,
                        msg!(
                            "Thiếu đánh giá mục {number}. {title}",
                            "Evaluation of item {number}. {title} is missing"
                        ),
                    )
                    .at(s.source, s.span.clone())
                    .hint(msg!(
                        "Thêm vào `items`: `- number: \"{number}\"` với `results` (a) và `limitations` (b).",
                        "Add to `items`: `- number: \"{number}\"` with `results` (a) and `limitations` (b)."
                    ))
                    .clause(clause),
                ),
                Some(item) => {
                    for p in &ctx.fw.evaluation_points {
                        let value = match p.key.as_str() {
                            "results" => &item.results,
                            "limitations" => &item.limitations,
                            _ => continue,
                        };
                        if blank(value) {
                            let label = &p.label;
                            let key = &p.key;
                            let d = Diagnostic::new(
                                &EVALUATION_INCOMPLETE,
                                msg!(
                                    "Mục {number}. {title}: chưa có „{label}”",
                                    "Item {number}. {title}: „{label}” is missing"
                                ),
                            )
                            .at(s.source, value.as_ref().map(|v| v.span.clone()).unwrap_or(item.number.span.clone()))
                            .hint(msg!("Điền `{key}`.", "Fill in `{key}`."))
                            .clause(clause.clone());
                            ctx.report(d);
                        }
                    }
                }
            }
        }
        for item in &e.items {
            if !want.iter().any(|(n, _, _)| *n == item.number.value) {
                let n = &item.number.value;
                let list = want
                    .iter()
                    .map(|(n, _, _)| n.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                ctx.report(
                    Diagnostic::new(
                        &super::unknown_item::UNKNOWN_ITEM,
                        msg!(
                            "Khung không có mục đánh giá „{n}”",
                            "The framework has no evaluation item „{n}”"
                        ),
                    )
                    .at(s.source, item.number.span.clone())
                    .hint(msg!("Các mục: {list}", "Items: {list}"))
                    .clause(ctx.fw.clause(&def.locator())),
                );
            }
        }
    }
}
