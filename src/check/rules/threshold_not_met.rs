//! The framework's numeric thresholds (cyber drills, security experts) are planned.

use crate::check::Ctx;
use crate::diag::Diagnostic;
use crate::model::values::format_amount;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: với mỗi ngưỡng số của Khung (ví dụ „tối thiểu 01 cuộc diễn tập thực chiến” và „tối
    /// thiểu 05 chuyên gia về an toàn thông tin, ứng cứu sự cố” — Phần II.III.7.4 của 5406), kế hoạch
    /// có một mục tiêu gắn `metric: <mã ngưỡng>` với `value` không nhỏ hơn ngưỡng.
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
        en: "Checks the framework's numeric thresholds (at least 01 live cyber-security drill, at least 05 security experts per specialised unit — 5406 Part II.III.7.4): a target tied with `metric:` must exist and reach the minimum. Why: these are the framework's quantitative requirements. Fix: add a target with `metric: dien-tap-thuc-chien`, `value: 1`, `unit: cuộc`.",
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
        let Some(min) = m.min else { continue };
        let clause = format!("{}, {}", ctx.fw.id, m.clause);
        let matching: Vec<_> = plan
            .targets()
            .filter(|(_, t)| t.metric.as_ref().is_some_and(|x| x.value == m.id))
            .collect();
        let (label, id, quote) = (&m.label, &m.id, &m.quote);
        let min_s = format_amount(min);
        let unit = m.unit.clone().unwrap_or_default();
        if matching.is_empty() {
            out.push(
                Diagnostic::new(
                    &THRESHOLD_NOT_MET,
                    msg!(
                        "Kế hoạch chưa có mục tiêu cho „{label}” (tối thiểu {min_s} {unit})",
                        "No target plans „{label}” (at least {min_s} {unit})"
                    ),
                )
                .at(targets_section.source, targets_section.span.clone())
                .hint(msg!(
                    "Thêm mục tiêu có `metric: {id}` và `value` ≥ {min_s}. Khung: „{quote}”",
                    "Add a target with `metric: {id}` and `value` ≥ {min_s}. Framework: „{quote}”"
                ))
                .clause(clause),
            );
            continue;
        }
        for (s, t) in matching {
            match &t.value {
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
