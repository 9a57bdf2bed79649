//! A framework known only in part says once which checks it cannot make.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::framework::Completeness;
use crate::lang::Msg;
use crate::msg;

crate::declare_rule! {
    /// Thông tin: Khung mà kế hoạch tuân theo là dữ liệu một phần (văn bản hướng dẫn có, phụ lục
    /// chưa công khai: 6074/BTTTT-CĐSQG, 3816/BTTTT-CĐSQG, 5511/BKHCN-CĐSQG). dxplan nói một lần
    /// những gì nó chưa có và những kiểm tra vì thế không làm được.
    ///
    /// Vì sao: một Khung thiếu nhiệm vụ trọng tâm thì „không thiếu nhiệm vụ trọng tâm nào” là im
    /// lặng giả; dxplan không bịa nhiệm vụ, nên phải nói rõ mình không kiểm tra gì.
    ///
    /// Cách bổ sung: chép dữ liệu của văn bản (nhiệm vụ trọng tâm, ngưỡng, hạn ban hành) vào một
    /// tệp Khung của kế hoạch (`framework_file`; `dxplan framework new --from <mã>`), xem
    /// docs/FRAMEWORKS.md.
    FRAMEWORK_PARTIAL {
        code: "DX013",
        name: "framework-partial",
        severity: Info,
        summary: ("Khung mới có một phần dữ liệu", "Framework known in part"),
        clause: "dxplan.toml: framework",
        en: "Says once that the plan's framework is partial data (the letter is known, its appendices are not: 6074, 3816, 5511) and which checks it therefore cannot make. Why: with no priority tasks, 'no priority task is missing' would be a false silence; dxplan invents no tasks. To add them: a framework file of the plan (`framework_file`, `dxplan framework new --from ID`), docs/FRAMEWORKS.md.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let fw = ctx.fw;
    if fw.completeness != Completeness::Partial {
        return;
    }
    let Some(c) = &ctx.plan.config else { return };
    let mut skipped: Vec<(&str, &str)> = Vec::new();
    if fw.priority_tasks.is_empty() {
        skipped.push((
            "nhiệm vụ trọng tâm (DX030, DX031, DX032)",
            "priority tasks (DX030, DX031, DX032)",
        ));
    }
    if fw.metrics.is_empty() {
        skipped.push((
            "ngưỡng và thời hạn (DX070, DX071, DX072)",
            "thresholds and deadlines (DX070, DX071, DX072)",
        ));
    }
    if crate::model::values::date(&fw.issue_before).is_err() {
        skipped.push(("hạn ban hành (DX093)", "the issue deadline (DX093)"));
    }
    let found = Partial {
        id: fw.id.clone(),
        unknown: fw.unknown.join("; "),
        skipped_vi: skipped.iter().map(|s| s.0).collect::<Vec<_>>().join(", "),
        skipped_en: skipped.iter().map(|s| s.1).collect::<Vec<_>>().join(", "),
    };
    ctx.report(Diagnostic::of(&found).at(c.source, c.config.framework.span.clone()));
}

struct Partial {
    id: String,
    unknown: String,
    skipped_vi: String,
    skipped_en: String,
}

impl Violation for Partial {
    fn rule(&self) -> &'static Rule {
        &FRAMEWORK_PARTIAL
    }

    fn message(&self) -> Msg {
        let (id, u) = (&self.id, &self.unknown);
        let (sv, se) = (&self.skipped_vi, &self.skipped_en);
        if sv.is_empty() {
            return msg!(
                "Khung {id} mới có một phần dữ liệu (chưa có: {u})",
                "Framework {id} is known in part (missing: {u})"
            );
        }
        msg!(
            "Khung {id} mới có một phần dữ liệu (chưa có: {u}); không kiểm tra được: {sv}",
            "Framework {id} is known in part (missing: {u}); not checked: {se}"
        )
    }

    fn hint(&self) -> Option<Msg> {
        let id = &self.id;
        Some(msg!(
            "Khi có đủ văn bản: `dxplan framework new --from {id} --year <năm> -o khung.yaml`, chép nhiệm vụ trọng tâm và ngưỡng vào đó rồi ghi `framework_file = \"khung.yaml\"` (docs/FRAMEWORKS.md).",
            "With the full letter: `dxplan framework new --from {id} --year <year> -o khung.yaml`, copy its priority tasks and thresholds into it, then set `framework_file = \"khung.yaml\"` (docs/FRAMEWORKS.md)."
        ))
    }
}
