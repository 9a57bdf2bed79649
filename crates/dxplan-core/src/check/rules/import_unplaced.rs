//! A paragraph of the Word file that `dxplan import` could not place, still waiting in
//! `chua-xep.md`.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::msg;

crate::declare_rule! {
    /// Cảnh báo: `chua-xep.md` còn một đoạn của tệp Word mà `dxplan import` chưa xếp được vào mục
    /// nào của Khung.
    ///
    /// Vì sao: không chữ nào của kế hoạch cũ được mất; đoạn chưa xếp không được in ra văn bản cho
    /// đến khi người lập kế hoạch chuyển nó vào tệp của mục đúng.
    ///
    /// Ví dụ: `## Đoạn 57` trong `chua-xep.md`. Sửa: chép đoạn vào tệp YAML của mục (ví dụ
    /// `text:` hay `intro:`), rồi xóa đoạn khỏi `chua-xep.md`; xóa tệp khi không còn đoạn nào.
    IMPORT_UNPLACED {
        code: "DX017",
        name: "import-unplaced",
        severity: Warning,
        summary: ("Đoạn nhập từ Word chưa xếp vào mục", "A paragraph imported from Word not yet placed"),
        clause: "5406/BTTTT-CĐSQG, Khung kế hoạch",
        en: "A warning while `chua-xep.md` still holds a paragraph of the Word file that `dxplan import` could not place under a heading of the framework. Why: no word of the old plan is lost, but an unplaced paragraph is not printed until it is moved into the right section's file. Move it (into `text:` or `intro:`), delete it from `chua-xep.md`, and delete the file when it is empty.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let notes = ctx
        .plan
        .sources
        .iter()
        .find(|(_, f)| f.name == crate::load::NOTES_FILE);
    let Some((id, file)) = notes else { return };
    let mut found = Vec::new();
    let mut offset = 0;
    for line in file.text.split_inclusive('\n') {
        if let Some(n) = line.trim_end().strip_prefix("## Đoạn ") {
            let end = offset + line.trim_end().len();
            found.push(Diagnostic::of(&Unplaced(n.trim().to_string())).at(id, offset..end));
        }
        offset += line.len();
    }
    ctx.report_all(found);
}

struct Unplaced(String);

impl Violation for Unplaced {
    fn rule(&self) -> &'static Rule {
        &IMPORT_UNPLACED
    }

    fn message(&self) -> Msg {
        let n = &self.0;
        msg!(
            "Đoạn {n} của tệp Word chưa được xếp vào mục nào",
            "Paragraph {n} of the Word file is not placed in any section"
        )
    }

    fn hint(&self) -> Option<Msg> {
        Some(msg!(
            "Chép đoạn vào tệp YAML của mục đúng, rồi xóa khỏi chua-xep.md (xóa tệp khi hết đoạn).",
            "Copy the paragraph into the right section's YAML file, then delete it from chua-xep.md (delete the file when it is empty)."
        ))
    }
}
