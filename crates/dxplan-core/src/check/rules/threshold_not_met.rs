//! The framework's numeric thresholds (cyber drills, security experts) are planned.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
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

/// A framework threshold the plan does not meet, with what it found and the framework's words.
struct Short<'a> {
    what: What,
    label: &'a str,
    quote: &'a str,
    /// The threshold as printed ("1", "5") and its unit ("cuộc").
    min: String,
    unit: String,
}

enum What {
    /// A task tied to it states no count that meets it.
    TaskWithoutCount {
        task: String,
    },
    /// Nothing plans it; `metric` and `item` (the framework item whose tasks may meet it) for the
    /// hint.
    NothingPlanned {
        metric: String,
        item: Option<String>,
    },
    /// A target below the minimum, its value as printed.
    TargetBelow {
        target: String,
        set: String,
    },
    TargetWithoutValue {
        target: String,
    },
    /// A "hoàn thành" threshold and a target in per cent below 100 %, in its words ("trên 80%").
    TargetShortOfAll {
        target: String,
        set: String,
    },
}

impl Violation for Short<'_> {
    fn rule(&self) -> &'static Rule {
        &THRESHOLD_NOT_MET
    }

    fn message(&self) -> Msg {
        let (label, min_s, unit) = (self.label, &self.min, &self.unit);
        match &self.what {
            What::TaskWithoutCount { task } => msg!(
                "Nhiệm vụ {task} gắn với „{label}” nhưng không ghi số lượng từ {min_s} {unit} trở lên",
                "Task {task} is tied to „{label}” but states no count of at least {min_s} {unit}"
            ),
            What::NothingPlanned { .. } => msg!(
                "Kế hoạch chưa có mục tiêu hay nhiệm vụ nào cho „{label}” (tối thiểu {min_s} {unit})",
                "No target or task plans „{label}” (at least {min_s} {unit})"
            ),
            What::TargetBelow { target, set: got } => msg!(
                "Mục tiêu {target} đặt {got} {unit}, thấp hơn ngưỡng {min_s} của Khung",
                "Target {target} sets {got} {unit}, below the framework's minimum {min_s}"
            ),
            What::TargetWithoutValue { target } => msg!(
                "Mục tiêu {target} gắn với „{label}” nhưng chưa có giá trị",
                "Target {target} is tied to „{label}” but has no value"
            ),
            What::TargetShortOfAll { target, set } => msg!(
                "Mục tiêu {target} đặt {set}, nhưng Khung yêu cầu „{label}” — toàn bộ (100%)",
                "Target {target} sets {set}, but the framework asks „{label}” — all of it (100%)"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        let (quote, min_s) = (self.quote, &self.min);
        Some(match &self.what {
            What::TaskWithoutCount { .. } => msg!(
                "Ghi số lượng trong tên hoặc nội dung nhiệm vụ, ví dụ „tối thiểu {min_s:0>2} …”. Khung: „{quote}”",
                "State the count in the task's title or content, e.g. „tối thiểu {min_s:0>2} …”. Framework: „{quote}”"
            ),
            What::NothingPlanned { metric: id, item } => {
                let (item_vi, item_en) = match item {
                    Some(i) => (
                        format!(" hoặc một nhiệm vụ của tiểu mục {i}"),
                        format!(" or a task of item {i}"),
                    ),
                    None => (String::new(), String::new()),
                };
                msg!(
                    "Thêm mục tiêu có `metric: {id}` và `value` ≥ {min_s}{item_vi} ghi rõ số lượng. Khung: „{quote}”",
                    "Add a target with `metric: {id}` and `value` ≥ {min_s}{item_en} stating the count. Framework: „{quote}”"
                )
            }
            What::TargetBelow { .. } | What::TargetShortOfAll { .. } => {
                msg!("Khung: „{quote}”", "Framework: „{quote}”")
            }
            What::TargetWithoutValue { .. } => {
                msg!("Thêm `value` ≥ {min_s}.", "Add `value` ≥ {min_s}.")
            }
        })
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
        let clause = format!("{}, {}", ctx.fw.id, m.clause);
        let short = |what| Short {
            what,
            label: &m.label,
            quote: &m.quote,
            min: m.min.map(format_amount).unwrap_or_default(),
            unit: m.unit.clone().unwrap_or_default(),
        };
        let mut report = |what, source, span| {
            out.push(
                Diagnostic::of(&short(what))
                    .at(source, span)
                    .clause(clause.clone()),
            );
        };
        let ev = plan.metric_evidence(m);
        // "Hoàn thành", "đầy đủ": all of it; a target in per cent below 100 % falls short.
        if m.complete {
            for &(s, t) in &ev.targets {
                if let Some(v) = crate::model::metrics::short_of_complete(t, m) {
                    let what = What::TargetShortOfAll {
                        target: t.id.value.clone(),
                        set: t.value_words(v.value),
                    };
                    report(what, s.source, v.span.clone());
                }
            }
        }
        let Some(min) = m.min else { continue };
        if ev.met_by_task() {
            continue; // a task of the item states the count ("tối thiểu 01 cuộc diễn tập")
        }
        if ev.targets.is_empty() {
            match ev.failing_tasks.first() {
                Some((s, t)) => {
                    let what = What::TaskWithoutCount {
                        task: t.id.value.clone(),
                    };
                    report(what, s.source, t.title.span.clone());
                }
                None => {
                    let what = What::NothingPlanned {
                        metric: m.id.clone(),
                        item: m.item.clone(),
                    };
                    report(what, targets_section.source, targets_section.span.clone());
                }
            }
            continue;
        }
        for (s, t) in ev.targets {
            let target = t.id.value.clone();
            match t.effective_value() {
                Some(v) if v.value < min => {
                    let what = What::TargetBelow {
                        target,
                        set: format_amount(v.value),
                    };
                    report(what, s.source, v.span.clone());
                }
                None => report(
                    What::TargetWithoutValue { target },
                    s.source,
                    t.id.span.clone(),
                ),
                _ => {}
            }
        }
    }
    ctx.report_all(out);
}
