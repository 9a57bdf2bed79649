//! Phần I.II: every evaluated item needs a) results and b) shortcomings.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::framework::SectionDef;
use crate::framework::{Heading, locator};
use crate::lang::Msg;
use crate::model::evaluation::PointSource;
use crate::model::types::EvaluationSection;
use crate::model::{Content, Section};
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
        // Items evaluated together with others (under a group item or the whole section), by
        // where their text is: one warning per group.
        let mut grouped: Grouped = Vec::new();
        for (number, title, loc) in &want {
            item_findings(ctx, s, e, (number, title, loc), &mut grouped);
        }
        grouped_warnings(ctx, s, def, grouped);
        unknown_items(ctx, s, def, e, &want);
    }
}

/// Items evaluated together at one place.
struct JointGroup {
    /// The group item's number, or `None` for the whole section.
    group: Option<String>,
    items: Vec<String>,
    /// Where the shared text is.
    span: std::ops::Range<usize>,
    /// The labels of the points the items take from there ("b) Tồn tại, hạn chế"): items with
    /// their own a) share only b).
    points: Vec<String>,
}

type Grouped = Vec<JointGroup>;

/// The findings of one evaluated item: missing points (its own, or its group's), and its place in
/// a joint evaluation.
fn item_findings(
    ctx: &mut Ctx,
    s: &Section,
    e: &EvaluationSection,
    (number, title, loc): (&String, &String, &String),
    grouped: &mut Grouped,
) {
    let clause = ctx.fw.clause(loc);
    let item = e.items.iter().find(|i| i.number.value == *number);
    let mut any_own = false;
    let mut missing = Vec::new();
    for p in &ctx.fw.evaluation_points {
        match e.point_for(number, &p.key) {
            PointSource::Own(_) => any_own = true,
            PointSource::Grouped(group, text) => {
                let key = group.map(str::to_string);
                let g = match grouped.iter().position(|g| g.group == key) {
                    Some(i) => &mut grouped[i],
                    None => {
                        grouped.push(JointGroup {
                            group: key,
                            items: Vec::new(),
                            span: text.span.clone(),
                            points: Vec::new(),
                        });
                        grouped.last_mut().expect("just pushed")
                    }
                };
                if !g.items.contains(number) {
                    g.items.push(number.clone());
                }
                if !g.points.contains(&p.label) {
                    g.points.push(p.label.clone());
                }
            }
            PointSource::Missing => missing.push(p),
        }
    }
    let some_grouped = missing.len() + usize::from(any_own) < ctx.fw.evaluation_points.len();
    if item.is_none() && some_grouped {
        // Evaluated with its group, which lacks this point: say which point.
        for p in missing {
            let (label, key) = (&p.label, &p.key);
            let found = Incomplete::GroupPoint {
                number: number.clone(),
                title: title.clone(),
                label: label.clone(),
                key: key.clone(),
            };
            ctx.report(
                Diagnostic::of(&found)
                    .at(s.source, s.span.clone())
                    .clause(clause.clone()),
            );
        }
        return;
    }
    let Some(item) = item.filter(|_| any_own || missing.len() < ctx.fw.evaluation_points.len())
    else {
        if missing.is_empty() {
            return;
        }
        let found = Incomplete::Item {
            number: number.clone(),
            title: title.clone(),
        };
        ctx.report(
            Diagnostic::of(&found)
                .at(s.source, s.span.clone())
                .clause(clause),
        );
        return;
    };
    for p in missing {
        let (label, key) = (&p.label, &p.key);
        let value = match key.as_str() {
            "results" => &item.results,
            _ => &item.limitations,
        };
        let found = Incomplete::Point {
            number: number.clone(),
            title: title.clone(),
            label: label.clone(),
            key: key.clone(),
        };
        ctx.report(
            Diagnostic::of(&found)
                .at(
                    s.source,
                    value
                        .as_ref()
                        .map(|v| v.span.clone())
                        .unwrap_or(item.number.span.clone()),
                )
                .clause(clause.clone()),
        );
    }
}

/// One warning per group of items evaluated together.
fn grouped_warnings(ctx: &mut Ctx, s: &Section, def: &SectionDef, grouped: Grouped) {
    let all = ctx.fw.evaluation_points.len();
    for JointGroup {
        group,
        items,
        span,
        points,
    } in grouped
    {
        let list = items.join(", ");
        let shared = (points.len() < all).then(|| points.join(", "));
        let at = match &group {
            Some(g) => format!("mục {g}"),
            None => "cả mục".to_string(),
        };
        let at_en = match &group {
            Some(g) => format!("item {g}"),
            None => "the whole section".to_string(),
        };
        let found = super::evaluation_grouped::Grouped {
            items: list,
            at: crate::lang::Msg::new(at, at_en),
            shared,
        };
        ctx.report(
            Diagnostic::of(&found)
                .at(s.source, span)
                .clause(ctx.fw.clause(&def.locator())),
        );
    }
}

/// Item numbers the framework does not have (a group's number is a joint evaluation, not unknown).
fn unknown_items(
    ctx: &mut Ctx,
    s: &Section,
    def: &SectionDef,
    e: &EvaluationSection,
    want: &[(String, String, String)],
) {
    for item in &e.items {
        // A group's number ("1" for 1.1–1.3) is a joint evaluation, not an unknown item.
        let n = &item.number.value;
        let group = want.iter().any(|(w, _, _)| w.starts_with(&format!("{n}.")));
        if !group && !want.iter().any(|(w, _, _)| w == n) {
            let n = &item.number.value;
            let list = want
                .iter()
                .map(|(n, _, _)| n.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let found = super::unknown_item::NoSuchEvaluationItem {
                written: n.clone(),
                items: list,
            };
            ctx.report(
                Diagnostic::of(&found)
                    .at(s.source, item.number.span.clone())
                    .clause(ctx.fw.clause(&def.locator())),
            );
        }
    }
}

/// An item of Phần I.II without its evaluation, or without one of its points (a, b).
enum Incomplete {
    Item {
        number: String,
        title: String,
    },
    /// A point missing from the item's own evaluation; `key`: the field to fill.
    Point {
        number: String,
        title: String,
        label: String,
        key: String,
    },
    /// Evaluated with its group, which lacks this point.
    GroupPoint {
        number: String,
        title: String,
        label: String,
        key: String,
    },
}

impl Violation for Incomplete {
    fn rule(&self) -> &'static Rule {
        &EVALUATION_INCOMPLETE
    }

    fn message(&self) -> Msg {
        match self {
            Incomplete::Item { number, title } => msg!(
                "Thiếu đánh giá mục {number}. {title}",
                "Evaluation of item {number}. {title} is missing"
            ),
            Incomplete::Point {
                number,
                title,
                label,
                ..
            } => msg!(
                "Mục {number}. {title}: chưa có „{label}”",
                "Item {number}. {title}: „{label}” is missing"
            ),
            Incomplete::GroupPoint {
                number,
                title,
                label,
                ..
            } => msg!(
                "Mục {number}. {title} (đánh giá chung): chưa có „{label}”",
                "Item {number}. {title} (evaluated with its group): „{label}” is missing"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        Some(match self {
            Incomplete::Item { number, .. } => msg!(
                "Thêm vào `items`: `- number: \"{number}\"` với `results` (a) và `limitations` (b).",
                "Add to `items`: `- number: \"{number}\"` with `results` (a) and `limitations` (b)."
            ),
            Incomplete::Point { key, .. } => msg!("Điền `{key}`.", "Fill in `{key}`."),
            Incomplete::GroupPoint { number, key, .. } => msg!(
                "Điền `{key}` của mục nhóm, hoặc của riêng mục {number}.",
                "Fill in the group's `{key}`, or item {number}'s own."
            ),
        })
    }
}
