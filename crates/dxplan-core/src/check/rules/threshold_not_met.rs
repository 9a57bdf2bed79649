//! The framework's numeric thresholds (cyber drills, security experts) are planned.

use crate::check::Ctx;
use crate::diag::Diagnostic;
use crate::model::values::format_amount;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: với mỗi ngưỡng số của Khung (ví dụ „tối thiểu 01 cuộc diễn tập thực chiến” và „tối
    /// thiểu 05 chuyên gia về an toàn thông tin, ứng cứu sự cố” — Phần II.III.7.4 của 5406), kế hoạch
    /// có một mục tiêu gắn `metric: <mã ngưỡng>` với `value` không nhỏ hơn ngưỡng — hoặc, vì kế hoạch
    /// thật hay viết ngưỡng thành nhiệm vụ, một nhiệm vụ của tiểu mục 7.4 (hoặc gắn `metric:`) ghi rõ
    /// số lượng trong tên hay nội dung („Tổ chức tối thiểu 01 cuộc diễn tập thực chiến”). `dxplan
    /// status` cho biết nhiệm vụ hay mục tiêu nào đáp ứng.
    ///
    /// Vì sao: đây là yêu cầu định lượng của Khung; thiếu là kế hoạch không đáp ứng Khung.
    ///
    /// Ví dụ sai: không có mục tiêu nào `metric: dien-tap-thuc-chien`; hoặc có nhưng `value: 0`.
    /// Sửa:
    ///     - id: MT20
    ///       text: Tổ chức diễn tập thực chiến bảo đảm an toàn thông tin mạng
    ///       metric: dien-tap-thuc-chien
    ///       value: 1
    ///       unit: cuộc
    THRESHOLD_NOT_MET {
        code: "DX070",
        name: "threshold-not-met",
        severity: Error,
        locked: true,
        summary: ("Chưa đáp ứng ngưỡng của Khung", "Framework threshold not met"),
        clause: "Khung kế hoạch, Phần II.III.7.4",
        en: "Checks the framework's numeric thresholds (at least 01 live cyber-security drill, at least 05 security experts per specialised unit — 5406 Part II.III.7.4): a target tied with `metric:` must exist and reach the minimum, or a task of item 7.4 (or tied with `metric:`) must state the count in its title or content. Why: these are the framework's quantitative requirements. Fix: add a target with `metric: dien-tap-thuc-chien`, `value: 1`, `unit: cuộc`.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let plan = ctx.plan;
    let Some(targets_section) = plan
        .sections
        .iter()
        .find(|s| matches!(s.content, crate::model::Content::Targets(_)))
    else {
        return; // `section-missing` reports it
    };
    if plan.targets().next().is_none() {
        return; // `content-empty` reports it
    }
    let mut out = Vec::new();
    for m in &ctx.fw.metrics {
        // "Hoàn thành", "đầy đủ": all of it; a target in per cent below 100 % falls short.
        if m.complete {
            let clause = format!("{}, {}", ctx.fw.id, m.clause);
            for (s, t) in plan.metric_evidence(m).targets {
                let Some(v) = crate::model::metrics::short_of_complete(t, m) else {
                    continue;
                };
                let set = t.value_words(v.value);
                let (label, quote) = (&m.label, &m.quote);
                out.push(
                    Diagnostic::new(
                        &THRESHOLD_NOT_MET,
                        msg!(
                            "Mục tiêu {} đặt {set}, nhưng Khung yêu cầu „{label}” — toàn bộ (100%)",
                            "Target {} sets {set}, but the framework asks „{label}” — all of it (100%)",
                            t.id.value
                        ),
                    )
                    .at(s.source, v.span.clone())
                    .hint(msg!("Khung: „{quote}”", "Framework: „{quote}”"))
                    .clause(clause.clone()),
                );
            }
        }
        let Some(min) = m.min else { continue };
        let clause = format!("{}, {}", ctx.fw.id, m.clause);
        let ev = plan.metric_evidence(m);
        if ev.met_by_task() {
            continue; // a task of the item states the count ("tối thiểu 01 cuộc diễn tập")
        }
        let (label, id, quote) = (&m.label, &m.id, &m.quote);
        let min_s = format_amount(min);
        let unit = m.unit.clone().unwrap_or_default();
        if ev.targets.is_empty() {
            if let Some((s, t)) = ev.failing_tasks.first() {
                out.push(
                    Diagnostic::new(
                        &THRESHOLD_NOT_MET,
                        msg!(
                            "Nhiệm vụ {} gắn với „{label}” nhưng không ghi số lượng từ {min_s} {unit} trở lên",
                            "Task {} is tied to „{label}” but states no count of at least {min_s} {unit}",
                            t.id.value
                        ),
                    )
                    .at(s.source, t.title.span.clone())
                    .hint(msg!(
                        "Ghi số lượng trong tên hoặc nội dung nhiệm vụ, ví dụ „tối thiểu {min_s:0>2} …”. Khung: „{quote}”",
                        "State the count in the task's title or content, e.g. „tối thiểu {min_s:0>2} …”. Framework: „{quote}”"
                    ))
                    .clause(clause),
                );
                continue;
            }
            let item = m
                .item
                .as_deref()
                .map(|i| format!(" hoặc một nhiệm vụ của tiểu mục {i}"))
                .unwrap_or_default();
            let item_en = m
                .item
                .as_deref()
                .map(|i| format!(" or a task of item {i}"))
                .unwrap_or_default();
            out.push(
                Diagnostic::new(
                    &THRESHOLD_NOT_MET,
                    msg!(
                        "Kế hoạch chưa có mục tiêu hay nhiệm vụ nào cho „{label}” (tối thiểu {min_s} {unit})",
                        "No target or task plans „{label}” (at least {min_s} {unit})"
                    ),
                )
                .at(targets_section.source, targets_section.span.clone())
                .hint(msg!(
                    "Thêm mục tiêu có `metric: {id}` và `value` ≥ {min_s}{item} ghi rõ số lượng. Khung: „{quote}”",
                    "Add a target with `metric: {id}` and `value` ≥ {min_s}{item_en} stating the count. Framework: „{quote}”"
                ))
                .clause(clause),
            );
            continue;
        }
        for (s, t) in ev.targets {
            match t.effective_value() {
                Some(v) if v.value < min => {
                    let got = format_amount(v.value);
                    out.push(
                        Diagnostic::new(&THRESHOLD_NOT_MET, msg!(
                            "Mục tiêu {} đặt {got} {unit}, thấp hơn ngưỡng {min_s} của Khung",
                            "Target {} sets {got} {unit}, below the framework's minimum {min_s}",
                            t.id.value
                        ))
                        .at(s.source, v.span.clone())
                        .hint(msg!("Khung: „{quote}”", "Framework: „{quote}”"))
                        .clause(clause.clone()),
                    );
                }
                None => out.push(
                    Diagnostic::new(
                        &THRESHOLD_NOT_MET,
                        msg!(
                            "Mục tiêu {} gắn với „{label}” nhưng chưa có giá trị",
                            "Target {} is tied to „{label}” but has no value",
                            t.id.value
                        ),
                    )
                    .at(s.source, t.id.span.clone())
                    .hint(msg!("Thêm `value` ≥ {min_s}.", "Add `value` ≥ {min_s}."))
                    .clause(clause.clone()),
                ),
                _ => {}
            }
        }
    }
    ctx.report_all(out);
}
