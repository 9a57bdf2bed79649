//! A link `dxplan import` guessed, still marked as a guess.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::msg;

crate::declare_rule! {
    /// Cảnh báo: một liên kết do `dxplan import` đoán (nhiệm vụ trọng tâm theo lời của nhiệm vụ,
    /// nhiệm vụ của một dự án theo nhóm trong danh mục) vẫn còn chú thích `# đoán …`.
    ///
    /// Vì sao: tệp Word không ghi nhiệm vụ nào thực hiện nhiệm vụ trọng tâm nào, hay dự án nào thuộc
    /// nhiệm vụ nào; dxplan đoán theo lời, và một liên kết sai sẽ che một thiếu sót mà `check` lẽ ra
    /// phải báo (DX030, DX051). Người lập kế hoạch xác nhận từng chỗ.
    ///
    /// Ví dụ: `priority_tasks: ["NV09"]   # đoán: 71% cụm từ giống lời nhiệm vụ trọng tâm này; kiểm
    /// tra lại`. Sửa: kiểm tra liên kết (sửa nếu sai), rồi xóa chú thích `# đoán …`.
    IMPORT_GUESS {
        code: "DX016",
        name: "import-guess",
        severity: Warning,
        summary: ("Liên kết do import đoán, chưa xác nhận", "A link the import guessed, not yet confirmed"),
        clause: "5406/BTTTT-CĐSQG, Phần II.VII",
        en: "A warning while a link that `dxplan import` guessed (a priority task from the task's words, a project's task from its danh mục group) still carries its `# đoán …` comment. Why: the Word file does not say which task carries out which priority task, or which task a project serves; dxplan guesses from the words, and a wrong link would hide a gap `check` should report (DX030, DX051). Confirm each, then delete the comment.",
    }
}

/// What the import writes at the start of a guess's comment.
const MARK: &str = "# đoán";

pub fn check(ctx: &mut Ctx) {
    let mut found = Vec::new();
    for (id, file) in ctx.plan.own_files() {
        if !file.name.ends_with(".yaml") && !file.name.ends_with(".yml")
            || !file.text.contains(MARK)
        {
            continue;
        }
        let mut offset = 0;
        for line in file.text.split_inclusive('\n') {
            if let Some(at) = crate::source::comment_start(line, true)
                && line[at..].starts_with(MARK)
            {
                let end = line.trim_end().len();
                found.push(Diagnostic::of(&Guess).at(id, offset + at..offset + end));
            }
            offset += line.len();
        }
    }
    ctx.report_all(found);
}

struct Guess;

impl Violation for Guess {
    fn rule(&self) -> &'static Rule {
        &IMPORT_GUESS
    }

    fn message(&self) -> Msg {
        msg!(
            "Liên kết do `dxplan import` đoán, chưa được xác nhận",
            "A link `dxplan import` guessed, not yet confirmed"
        )
    }

    fn hint(&self) -> Option<Msg> {
        Some(msg!(
            "Kiểm tra liên kết (sửa nếu sai), rồi xóa chú thích „# đoán …”.",
            "Check the link (correct it if wrong), then delete the '# đoán …' comment."
        ))
    }
}
