//! A section that exists but says nothing.

use crate::check::Ctx;
use crate::check::rules::blank;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::model::Content;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: mỗi mục đã khai có nội dung: lời văn, hoặc danh sách nhiệm vụ, mục tiêu, căn cứ, dự
    /// án… tùy loại mục.
    ///
    /// Vì sao: Khung yêu cầu nội dung cho từng mục („Xác định cụ thể mục tiêu…”, „Xác định danh mục
    /// nhiệm vụ, dự án…”); một tiêu đề không có nội dung là dấu hiệu kế hoạch chưa viết xong. Trên
    /// một thư mục vừa `dxplan init`, quy tắc này liệt kê những gì còn phải viết.
    ///
    /// Ví dụ sai:
    ///     section: giai-phap
    ///     solutions: []
    /// Sửa: thêm ít nhất một nhóm giải pháp với `title` và `text`.
    CONTENT_EMPTY {
        code: "DX024",
        name: "content-empty",
        severity: Error,
        summary: ("Mục chưa có nội dung", "Section has no content"),
        clause: "Khung kế hoạch",
        en: "Checks that each declared section has content (text, tasks, targets, citations, projects…). Why: a heading with nothing under it means the plan is unfinished; on a fresh `dxplan init` this lists what is left to write. Fix: write the content the framework asks for.",
    }
}

pub fn check(ctx: &mut Ctx) {
    for s in &ctx.plan.sections {
        // A file whose content was invalid (reported) is not also "empty".
        if ctx.plan.dropped.iter().any(|(src, _, _)| *src == s.source) {
            continue;
        }
        let (empty, what_vi, what_en) = match &s.content {
            Content::Text(t) => (blank(&t.text), "lời văn (`text`)", "text (`text`)"),
            Content::Evaluation(e) => (
                e.items.is_empty() && blank(&e.intro),
                "các mục đánh giá (`items`)",
                "evaluation items (`items`)",
            ),
            Content::EvaluationBudget(e) => (
                blank(&e.text) && e.projects.is_empty(),
                "lời văn (`text`) và các dự án năm trước (`projects`)",
                "text (`text`) and last year's projects (`projects`)",
            ),
            Content::Citations(c) => (
                c.citations.is_empty(),
                "các căn cứ (`citations`)",
                "citations (`citations`)",
            ),
            Content::Targets(t) => (
                t.targets.is_empty(),
                "các mục tiêu cụ thể (`targets`)",
                "targets (`targets`)",
            ),
            // A group with no task of its own but a sentence (a ministry with no economy tasks
            // says why) has content.
            Content::Tasks(t) => (
                t.tasks.is_empty() && blank(&t.intro) && t.items.is_empty(),
                "các nhiệm vụ (`tasks`)",
                "tasks (`tasks`)",
            ),
            Content::Solutions(x) => (
                x.solutions.is_empty() && blank(&x.intro),
                "các giải pháp (`solutions`)",
                "solutions (`solutions`)",
            ),
            Content::Budget(b) => (
                blank(&b.text) && b.total.is_none(),
                "lời văn (`text`) hoặc tổng kinh phí (`total`)",
                "text (`text`) or the total (`total`)",
            ),
            Content::Organization(o) => (
                o.responsibilities.is_empty() && blank(&o.text),
                "trách nhiệm của các cơ quan (`responsibilities`)",
                "responsibilities (`responsibilities`)",
            ),
            Content::Projects(p) => (
                p.projects.is_empty(),
                "các nhiệm vụ, dự án (`projects`)",
                "projects (`projects`)",
            ),
        };
        if !empty {
            continue;
        }
        let Some(def) = ctx.fw.section(&s.slug) else {
            continue;
        };
        let found = Empty {
            locator: def.locator(),
            title: def.heading.title.clone(),
            needs: Msg::new(what_vi, what_en),
            guidance: def.heading.guidance.clone(),
        };
        let d = Diagnostic::of(&found)
            .at(s.source, s.span.clone())
            .clause(ctx.fw.clause(&def.locator()));
        ctx.report(d);
    }
}

/// A section with nothing written yet: what it needs, and the framework's guidance for it.
struct Empty {
    locator: String,
    title: String,
    needs: Msg,
    guidance: Option<String>,
}

impl Violation for Empty {
    fn rule(&self) -> &'static Rule {
        &CONTENT_EMPTY
    }

    fn message(&self) -> Msg {
        let (loc, title, what_vi, what_en) =
            (&self.locator, &self.title, &self.needs.vi, &self.needs.en);
        msg!(
            "Mục {loc} „{title}” chưa có nội dung: cần {what_vi}",
            "Section {loc} „{title}” is empty: it needs {what_en}"
        )
    }

    fn hint(&self) -> Option<Msg> {
        Some(match &self.guidance {
            Some(g) => msg!("Khung hướng dẫn: {g}", "The framework says: {g}"),
            None => msg!(
                "Xem hướng dẫn trong tệp do `dxplan init` tạo.",
                "See the guidance in the file `dxplan init` writes."
            ),
        })
    }
}
