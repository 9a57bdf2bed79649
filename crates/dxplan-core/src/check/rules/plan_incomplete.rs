//! Checks over the whole plan wait while a file of it cannot be read.

use super::{
    appendix_ref, budget_mismatch, deadline_exceeded, priority_uncovered, threshold_not_met,
    unknown_task_ref,
};
use crate::diag::{Diagnostic, Rule};
use crate::model::Plan;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: khi một tệp của kế hoạch không đọc được (sai cú pháp YAML, không phải UTF-8, quá
    /// lớn — đã báo lỗi DX001–DX003), các kiểm tra cộng dồn trên toàn kế hoạch được hoãn và dxplan
    /// nói điều đó một lần. Khi chỉ có giá trị không hợp lệ (đã báo DX010–DX012, ví dụ
    /// `projects: 5`), chỉ các kiểm tra không bắt buộc (DX051, DX060, DX028) được hoãn.
    ///
    /// Vì sao: tệp hỏng có thể chứa chính các dự án, nhiệm vụ, phụ lục mà các kiểm tra ấy tìm; nếu
    /// vẫn chạy, một dấu ngoặc thiếu trong danh mục dự án sẽ kéo theo hàng loạt lỗi sai về kinh phí
    /// (DX060), nhiệm vụ trọng tâm (DX030), ngưỡng và thời hạn (DX070, DX071), tham chiếu nhiệm vụ
    /// (DX051) và phụ lục (DX028). Kế hoạch vẫn không qua được vì lỗi đọc tệp là lỗi bắt buộc.
    ///
    /// Sửa: sửa tệp được báo DX001–DX003, rồi chạy lại `dxplan check`.
    PLAN_INCOMPLETE {
        code: "DX009",
        name: "plan-incomplete",
        severity: Info,
        summary: ("Kiểm tra toàn kế hoạch được hoãn", "Whole-plan checks deferred"),
        clause: "dxplan: đọc kế hoạch",
        en: "Notes, once, that checks adding up the whole plan are deferred while a file of the plan cannot be read (DX001–DX003). Why: the broken file may hold the very projects, tasks or phụ lục those checks look for; running them would bury the one syntax error under wrong budget, priority-task, threshold and reference findings. The plan still fails: reading errors are locked. Fix: fix the file, then run `dxplan check` again.",
    }
}

/// Rules whose findings depend on every file of the plan.
const WHOLE_PLAN: [&Rule; 6] = [
    &priority_uncovered::PRIORITY_UNCOVERED,
    &unknown_task_ref::UNKNOWN_TASK_REF,
    &budget_mismatch::BUDGET_MISMATCH,
    &threshold_not_met::THRESHOLD_NOT_MET,
    &deadline_exceeded::DEADLINE_EXCEEDED,
    &appendix_ref::APPENDIX_REF,
];

/// Drops the whole-plan findings that a file the plan could not read, or a value it could not
/// use, makes unreliable; says so once when it held any back.
pub fn apply(plan: &Plan, diags: &mut Vec<Diagnostic>) {
    // An unreadable file is a locked error, so every whole-plan rule may wait for it. An invalid
    // value is an error that `[lint]` could lower: only rules that are not locked wait for it,
    // so that no locked requirement can be skipped by breaking a value on purpose.
    let (deferred, why): (Vec<&Rule>, _) = if !plan.unreadable.is_empty() {
        let files: Vec<&str> = plan
            .unreadable
            .iter()
            .map(|id| plan.sources.get(*id).name.as_str())
            .collect();
        let files = files.join(", ");
        (
            WHOLE_PLAN.to_vec(),
            (
                format!("Chưa đọc được {files}"),
                format!("{files} could not be read"),
            ),
        )
    } else if !plan.dropped.is_empty() {
        (
            WHOLE_PLAN.into_iter().filter(|r| !r.locked).collect(),
            (
                "Có giá trị không hợp lệ (đã báo)".to_string(),
                "Some values are invalid (reported)".to_string(),
            ),
        )
    } else {
        return;
    };
    let before = diags.len();
    diags.retain(|d| !deferred.iter().any(|r| std::ptr::eq(*r, d.rule)));
    let n = before - diags.len();
    // Nothing held back: the checks ran on what could be read and had nothing to say.
    if n == 0 {
        return;
    }
    let codes: Vec<&str> = deferred.iter().map(|r| r.code).collect();
    let codes = codes.join(", ");
    let found = Deferred {
        why: crate::lang::Msg::new(why.0, why.1),
        codes,
        held_back: n,
    };
    let mut d = Diagnostic::of(&found);
    // Pointed at the first broken file, so it is listed beside that file's error.
    if let Some(id) = plan
        .unreadable
        .first()
        .or(plan.dropped.first().map(|(id, _, _)| id))
    {
        d = d.at(*id, 0..0);
    }
    diags.push(d);
}

/// Whole-plan checks held back while a file is unreadable or a value invalid: why, which, how
/// many findings.
struct Deferred {
    why: crate::lang::Msg,
    codes: String,
    held_back: usize,
}

impl crate::diag::Violation for Deferred {
    fn rule(&self) -> &'static Rule {
        &PLAN_INCOMPLETE
    }

    fn message(&self) -> crate::lang::Msg {
        let (vi, en, codes, n) = (&self.why.vi, &self.why.en, &self.codes, self.held_back);
        msg!(
            "{vi}: các kiểm tra trên toàn kế hoạch ({codes}) được hoãn ({n} kết quả chưa báo) cho đến khi sửa xong",
            "{en}: whole-plan checks ({codes}) are deferred ({n} findings held back) until it is fixed"
        )
    }
}
