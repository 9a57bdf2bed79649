//! Sub-item numbers must be the framework's.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::model::Content;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: số tiểu mục mà tệp dùng (`items[].number`, `tasks[].item`) là số có trong Khung ở
    /// mục đó (ví dụ 7.1–7.4 ở nhóm An toàn thông tin mạng).
    ///
    /// Vì sao: số tiểu mục quyết định nội dung được in dưới tiêu đề nào; số lạ làm nội dung lạc chỗ
    /// hoặc bị bỏ qua.
    ///
    /// Ví dụ sai: `item: "7.5"` trong `nhiem-vu-an-toan-thong-tin`.
    /// Sửa: dùng một trong 7.1, 7.2, 7.3, 7.4, hoặc bỏ `item`.
    UNKNOWN_ITEM {
        code: "DX025",
        name: "unknown-item",
        severity: Error,
        summary: ("Số tiểu mục không có trong Khung", "Item number not in the framework"),
        clause: "Khung kế hoạch",
        en: "Checks that sub-item numbers used by a file (`items[].number`, `tasks[].item`) exist in that framework section. Why: they decide under which heading content is printed. Fix: use one of the listed numbers, or drop `item`.",
    }
}

pub fn check(ctx: &mut Ctx) {
    for s in &ctx.plan.sections {
        let Content::Tasks(t) = &s.content else {
            continue;
        };
        let Some(def) = ctx.fw.section(&s.slug) else {
            continue;
        };
        let known: Vec<&str> = def
            .heading
            .children
            .iter()
            .map(|c| c.number.as_str())
            .collect();
        let list = if known.is_empty() {
            "(mục này không có tiểu mục)".to_string()
        } else {
            known.join(", ")
        };
        let refs = t
            .items
            .iter()
            .map(|i| &i.number)
            .chain(t.tasks.iter().filter_map(|x| x.item.as_ref()));
        let clause = ctx.fw.clause(&def.locator());
        let mut found = Vec::new();
        for n in refs {
            if !known.contains(&n.value.as_str()) {
                let unknown = NoSuchItem {
                    written: n.value.clone(),
                    items: list.clone(),
                };
                found.push(
                    Diagnostic::of(&unknown)
                        .at(s.source, n.span.clone())
                        .clause(clause.clone()),
                );
            }
        }
        ctx.report_all(found);
    }
}

/// A sub-item number a task section uses that its framework section does not have.
struct NoSuchItem {
    written: String,
    /// The section's items, "7.1, 7.2, 7.3, 7.4".
    items: String,
}

impl Violation for NoSuchItem {
    fn rule(&self) -> &'static Rule {
        &UNKNOWN_ITEM
    }

    fn message(&self) -> Msg {
        let v = &self.written;
        msg!(
            "Mục này của Khung không có tiểu mục „{v}”",
            "This framework section has no item „{v}”"
        )
    }

    fn hint(&self) -> Option<Msg> {
        let list = &self.items;
        Some(msg!(
            "Tiểu mục của Khung: {list}",
            "Framework items: {list}"
        ))
    }
}

/// An evaluation item (Phần I.II) numbered as no item of the framework's section.
pub struct NoSuchEvaluationItem {
    pub written: String,
    /// The section's evaluated items.
    pub items: String,
}

impl Violation for NoSuchEvaluationItem {
    fn rule(&self) -> &'static Rule {
        &UNKNOWN_ITEM
    }

    fn message(&self) -> Msg {
        let n = &self.written;
        msg!(
            "Khung không có mục đánh giá „{n}”",
            "The framework has no evaluation item „{n}”"
        )
    }

    fn hint(&self) -> Option<Msg> {
        let list = &self.items;
        Some(msg!("Các mục: {list}", "Items: {list}"))
    }
}
