//! Targets should carry a number and a unit.

use crate::check::Ctx;
use crate::check::rules::blank;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: mỗi mục tiêu cụ thể có giá trị số (`value`) và đơn vị (`unit`: %, cuộc, người, hệ
    /// thống…).
    ///
    /// Vì sao: Khung yêu cầu „Các mục tiêu cần rõ ràng, định lượng, khả thi, hiệu quả, dễ theo dõi,
    /// đánh giá kết quả” (Phần II.II). Mục tiêu chỉ có lời văn thì cuối năm không đánh giá được „Đạt”
    /// hay „Chưa đạt”. Là cảnh báo vì một số mục tiêu định tính vẫn hợp lệ.
    ///
    /// Ví dụ sai:
    ///     - id: MT03
    ///       text: Nâng cao chất lượng dịch vụ công trực tuyến
    /// Sửa: `value: 80`, `unit: "%"`, `indicator: Tỷ lệ hồ sơ xử lý trực tuyến toàn trình`.
    TARGET_NOT_QUANTITATIVE {
        code: "DX040",
        name: "target-not-quantitative",
        severity: Warning,
        summary: ("Mục tiêu chưa định lượng", "Target is not quantitative"),
        clause: "Khung kế hoạch, Phần II.II",
        en: "Warns when a target has no number or no unit. Why: the framework (Part II.II) asks for clear, quantitative, measurable targets. Fix: add `value`, `unit` and an `indicator`.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let mut found = Vec::new();
    for (s, t) in ctx.plan.targets() {
        let missing_value = t.effective_value().is_none();
        let missing_unit = blank(&t.unit);
        if !missing_value && !missing_unit {
            continue;
        }
        // "Kết nối đủ 06 cơ sở dữ liệu", "đạt 100%": the sentence itself is quantified.
        let sentence = t.display.as_ref().unwrap_or(&t.text);
        if states_a_quantity(&sentence.value) {
            continue;
        }
        let lacks = NotQuantitative {
            id: t.id.value.clone(),
            value: missing_value,
            unit: missing_unit,
        };
        found.push(
            Diagnostic::of(&lacks)
                .at(s.source, t.id.span.clone())
                .clause(ctx.clause_of(&s.slug)),
        );
    }
    ctx.report_all(found);
}

/// A number of at most three digits (or with a decimal mark) followed by "%" or a word: a
/// quantity written in the sentence. Years ("năm 2023") do not count.
fn states_a_quantity(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || matches!(chars[i], '.' | ',')) {
            i += 1;
        }
        let number: String = chars[start..i].iter().collect();
        let number = number.trim_end_matches(['.', ',']);
        let digits = number.chars().filter(char::is_ascii_digit).count();
        if digits > 3 && !number.contains(['.', ',']) {
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        if chars.get(j).is_some_and(|c| *c == '%' || c.is_alphabetic()) {
            return true;
        }
    }
    false
}

/// A target whose sentence states no quantity and which lacks a value, a unit, or both.
struct NotQuantitative {
    id: String,
    value: bool,
    unit: bool,
}

impl Violation for NotQuantitative {
    fn rule(&self) -> &'static Rule {
        &TARGET_NOT_QUANTITATIVE
    }

    fn message(&self) -> Msg {
        let id = &self.id;
        let (vi, en) = match (self.value, self.unit) {
            (true, true) => ("giá trị số và đơn vị", "a number and a unit"),
            (true, false) => ("giá trị số", "a number"),
            _ => ("đơn vị", "a unit"),
        };
        msg!(
            "Mục tiêu {id} chưa định lượng: thiếu {vi}",
            "Target {id} is not quantitative: it lacks {en}"
        )
    }

    fn hint(&self) -> Option<Msg> {
        Some(msg!(
            "Thêm `value` (số) và `unit` (ví dụ \"%\"), và `indicator` nói rõ chỉ tiêu đo.",
            "Add `value` (a number) and `unit` (e.g. \"%\"), and an `indicator` naming what is measured."
        ))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn quantities_in_sentences() {
        assert!(super::states_a_quantity("Kết nối đủ 06 cơ sở dữ liệu"));
        assert!(super::states_a_quantity("đạt 100% xã"));
        assert!(super::states_a_quantity("3.000 hộ sản xuất"));
        assert!(!super::states_a_quantity("Hoàn thành trong năm 2023"));
        assert!(!super::states_a_quantity("Nâng cấp Cổng thông tin"));
    }
}
