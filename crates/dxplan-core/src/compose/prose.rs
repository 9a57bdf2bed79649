//! Sentences built from structured plan data: a task with its lead unit and timeframe, a target
//! with its value and deadline, a citation of a legal document.

use super::ir::{Block, Run};
use super::style::{item, run};
use crate::model::values;
use crate::model::{Citation, Target, Task};

/// "- **Title**: content. Đơn vị chủ trì: …; phối hợp: …; thời gian thực hiện: …."
pub(super) fn task_block(t: &Task) -> Block {
    let mut runs = vec![run(
        t.title.value.trim_end_matches('.').to_string(),
        true,
        false,
    )];
    let mut rest = String::new();
    if let Some(c) = &t.content {
        rest.push_str(": ");
        rest.push_str(c.value.trim().trim_end_matches('.'));
    }
    rest.push_str(&format!(". Đơn vị chủ trì: {}", t.lead.value.trim()));
    if !t.cooperating.is_empty() {
        rest.push_str(&format!(
            "; phối hợp: {}",
            t.cooperating
                .iter()
                .map(|c| c.value.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }
    rest.push_str(&format!(
        "; thời gian thực hiện: {}",
        t.timeframe.value.trim()
    ));
    if let Some(p) = t.product.as_ref().filter(|p| !p.value.trim().is_empty()) {
        rest.push_str(&format!(
            "; sản phẩm: {}",
            p.value.trim().trim_end_matches('.')
        ));
    }
    rest.push('.');
    runs.push(Run::plain(rest));
    item(runs)
}

/// "Quyết định số 27/QĐ-UBQGCĐS ngày 15/3/2022 của … về …", without the final punctuation.
pub(super) fn citation_text(c: &Citation) -> String {
    let t = c.doc_type.value.trim();
    let title = c.title.value.trim();
    let date = c
        .date
        .as_ref()
        .and_then(|d| values::date(&d.value).ok())
        .map(|d| format!(" ngày {}", d.short()))
        .unwrap_or_default();
    let issuer = c
        .issuer
        .as_ref()
        .map(|i| format!(" của {}", i.value.trim()))
        .unwrap_or_default();
    match &c.number {
        // "Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt …"
        Some(n) if !n.value.trim().is_empty() => {
            format!("{t} số {}{date}{issuer} {title}", n.value.trim())
        }
        // Without a number the name comes first, as a Luật is cited: "Luật Công nghệ thông tin
        // ngày 29/6/2006", "Kế hoạch chuyển đổi số tỉnh … giai đoạn 2021-2025".
        _ => {
            let name = if title.to_lowercase().starts_with(&t.to_lowercase()) {
                title.to_string()
            } else {
                format!("{t} {title}")
            };
            format!("{name}{date}{issuer}")
        }
    }
}

/// "Text: 100% (thời hạn: …).", "Text: tối thiểu 05 chuyên gia.", "Text: cấp tỉnh 100%, cấp
/// huyện 80%.", or the plan's own sentence (`display`).
pub(super) fn target_text(t: &Target) -> String {
    if let Some(d) = &t.display {
        let d = d.value.trim();
        return if d.ends_with(['.', ';', ':']) {
            d.to_string()
        } else {
            format!("{d}.")
        };
    }
    let mut s = t.text.value.trim().trim_end_matches('.').to_string();
    if let Some(planned) = t.planned_words() {
        s.push_str(&format!(": {planned}"));
    }
    if let Some(d) = &t.deadline {
        s.push_str(&format!(" (thời hạn: {})", d.value.trim()));
    }
    s.push('.');
    s
}
