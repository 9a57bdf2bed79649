//! `metric:` names a threshold the framework defines.

use crate::check::Ctx;
use crate::check::rules::suggest;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: `metric` của mục tiêu là mã ngưỡng có trong Khung (với 5406/BTTTT-CĐSQG:
    /// dien-tap-thuc-chien, chuyen-gia-attt, phe-duyet-cap-do, trien-khai-phuong-an-cap-do).
    ///
    /// Vì sao: mã sai làm mục tiêu không được tính cho ngưỡng, và kế hoạch bị báo thiếu ngưỡng dù đã
    /// có mục tiêu.
    ///
    /// Ví dụ sai: `metric: dien-tap`.
    /// Sửa: `metric: dien-tap-thuc-chien`.
    UNKNOWN_METRIC {
        code: "DX072",
        name: "unknown-metric",
        severity: Error,
        summary: ("Mã ngưỡng không có trong Khung", "Unknown framework metric"),
        clause: "Khung kế hoạch",
        en: "Checks that a target's `metric` is a threshold id of the framework. Why: a wrong id means the target does not count. Fix: `metric: dien-tap-thuc-chien`.",
    }
}

pub fn check(ctx: &mut Ctx) {
    // Unknown to a partial framework: DX013 says it cannot be checked.
    if !ctx.fw.knows_metrics() {
        return;
    }
    let ids: Vec<&str> = ctx.fw.metrics.iter().map(|m| m.id.as_str()).collect();
    let mut out = Vec::new();
    for (s, t) in ctx.plan.targets() {
        let Some(m) = &t.metric else { continue };
        if ids.contains(&m.value.as_str()) {
            continue;
        }
        let found = NoSuchMetric {
            written: m.value.clone(),
            hint: suggest(&m.value, &ids),
        };
        out.push(
            Diagnostic::of(&found)
                .at(s.source, m.span.clone())
                .clause(ctx.clause_of(&s.slug)),
        );
    }
    ctx.report_all(out);
}

/// A `metric:` the framework does not have, with the closest ids.
struct NoSuchMetric {
    written: String,
    hint: Msg,
}

impl Violation for NoSuchMetric {
    fn rule(&self) -> &'static Rule {
        &UNKNOWN_METRIC
    }

    fn message(&self) -> Msg {
        let v = &self.written;
        msg!(
            "Khung không có ngưỡng „{v}”",
            "The framework has no metric „{v}”"
        )
    }

    fn hint(&self) -> Option<Msg> {
        Some(self.hint.clone())
    }
}
