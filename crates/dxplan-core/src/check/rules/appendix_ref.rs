//! References to phụ lục resolve.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::model::appendices::references;
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: mọi dẫn chiếu tới phụ lục trong lời văn trỏ tới một phụ lục có thật — cả dẫn
    /// chiếu bằng mã (`{phụ lục:ket-qua-2022}`, dxplan thay bằng „Phụ lục III”) lẫn số viết tay
    /// („chi tiết tại Phụ lục 2”) khi kế hoạch không có phụ lục đó.
    ///
    /// Vì sao: phụ lục do dxplan đánh số (danh mục nhiệm vụ, dự án trước, rồi dự án năm trước, rồi
    /// phụ lục riêng theo thứ tự tệp); số viết tay dễ lệch khi thêm, bớt một phụ lục, và một dẫn
    /// chiếu tới phụ lục không có là lỗi người duyệt sẽ trả lại. Số phụ lục của văn bản khác
    /// („Phụ lục I Nghị định 30/2020”) không bị kiểm tra.
    ///
    /// Ví dụ sai: `Chi tiết tại Phụ lục 2 kèm theo.` khi kế hoạch chỉ có một phụ lục.
    /// Sửa: `Chi tiết tại {phụ lục:danh-muc} kèm theo.`
    APPENDIX_REF {
        code: "DX028",
        name: "appendix-ref",
        severity: Error,
        summary: ("Dẫn chiếu tới phụ lục không có", "Reference to a phụ lục that does not exist"),
        clause: "NĐ 30/2020, Phụ lục I, mục III.1.đ",
        en: "Checks that every reference to a phụ lục in the text resolves: by id (`{phụ lục:ket-qua-2022}`, replaced by its label) or a hand-written number (\"Phụ lục 2\") the plan does not have. Why: dxplan numbers the phụ lục; hand-written numbers go stale and a dangling one is sent back. Numbers of other documents' appendices are not checked. Fix: refer by id.",
    }
}

/// Words after "Phụ lục N" that show it belongs to another document.
const OTHER_DOCUMENT: &[&str] = &[
    "nghị định",
    "quyết định",
    "thông tư",
    "công văn",
    "văn bản",
    "kế hoạch số",
    "ban hành kèm",
    "của",
    "/",
];

pub fn check(ctx: &mut Ctx) {
    let plan = ctx.plan;
    let list = plan.appendix_list();
    let ids: Vec<&str> = list.iter().map(|a| a.id.as_str()).collect();
    let labels: Vec<String> = list.iter().map(|a| normalize(&a.label)).collect();
    let mut out = Vec::new();
    for (id, file) in plan.own_files() {
        let text = &file.text;
        for (range, target) in references(text) {
            if ids.contains(&target) || in_comment(text, range.start) {
                continue;
            }
            let found = Dangling::Id {
                written: target.to_string(),
                ids: ids.join(", "),
            };
            out.push(Diagnostic::of(&found).at(id, range));
        }
        for (range, written) in literal_mentions(text) {
            if labels.contains(&normalize(written)) || in_comment(text, range.start) {
                continue;
            }
            let found = Dangling::Number {
                written: written.to_string(),
                count: list.len(),
                ids: ids.join(", "),
            };
            out.push(Diagnostic::of(&found).at(id, range));
        }
    }
    ctx.report_all(out);
}

/// "Phụ lục 2", "phụ lục II" written by hand, unless what follows names another document.
/// Found from "ục " / "ỤC " (rare in a plan) rather than by lower-casing every file whole, which
/// was a twentieth of `check` on a large plan.
fn literal_mentions(text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut hits: Vec<usize> = text
        .match_indices("ục ")
        .chain(text.match_indices("ỤC "))
        .map(|(i, _)| i)
        .collect();
    hits.sort_unstable();
    for i in hits {
        // "phụ l" before it, in any case ("Phụ l", "PHỤ L"): the same bytes long either way.
        let Some(at) = i.checked_sub("phụ l".len()) else {
            continue;
        };
        if !text.is_char_boundary(at) || text[at..i].to_lowercase() != "phụ l" {
            continue;
        }
        let start_num = i + "ục ".len();
        let num_len = text[start_num..]
            .char_indices()
            .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X' | 'L'))
            .map(|(i, c)| i + c.len_utf8())
            .last()
            .unwrap_or(0);
        if num_len == 0 {
            continue;
        }
        let end = start_num + num_len;
        // A number must end at a word boundary ("Phụ lục II," yes; "Phụ lục Ia" no).
        if text[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric())
        {
            continue;
        }
        let after: String = text[end..]
            .chars()
            .take(40)
            .collect::<String>()
            .to_lowercase();
        let after = after.trim_start_matches([' ', ',', '.', ';', ':']);
        if OTHER_DOCUMENT.iter().any(|w| after.starts_with(w)) {
            continue;
        }
        out.push((at..end, &text[at..end]));
    }
    out
}

/// Whether the offset is in a comment of YAML or TOML: after a `#` that starts the line or
/// follows a space outside quotes (`numbering = "so"   # Phụ lục 1, 2` is a note, not a reference).
fn in_comment(text: &str, offset: usize) -> bool {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    crate::source::comment_start(&text[line_start..offset], true).is_some()
}

fn normalize(label: &str) -> String {
    label
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A reference to a phụ lục the plan does not have.
enum Dangling {
    /// `{phụ lục:id}` with an unknown id; `ids`: the plan's.
    Id { written: String, ids: String },
    /// "Phụ lục 5" written by hand, past the plan's count.
    Number {
        written: String,
        count: usize,
        ids: String,
    },
}

impl Violation for Dangling {
    fn rule(&self) -> &'static Rule {
        &APPENDIX_REF
    }

    fn message(&self) -> Msg {
        match self {
            Dangling::Id {
                written: target, ..
            } => msg!(
                "Không có phụ lục mã „{target}”",
                "No phụ lục has the id „{target}”"
            ),
            Dangling::Number {
                written, count: n, ..
            } => msg!(
                "Lời văn nhắc „{written}”, nhưng kế hoạch có {n} phụ lục",
                "The text mentions „{written}”, but the plan has {n} phụ lục"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        Some(match self {
            Dangling::Id { ids: known, .. } => msg!(
                "Các phụ lục của kế hoạch: {known}.",
                "The plan's phụ lục: {known}."
            ),
            Dangling::Number { ids, .. } => msg!(
                "Dẫn chiếu bằng mã để dxplan đánh số: `{{phụ lục:<mã>}}`; các mã: {ids}.",
                "Refer by id so dxplan numbers it: `{{phụ lục:<id>}}`; ids: {ids}."
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::in_comment;

    #[test]
    fn comments_whole_line_and_trailing() {
        let t = "a = \"Phụ lục 1\"  # Phụ lục 2\n  # Phụ lục 3\nb: x#Phụ lục 4";
        let at = |s: &str| t.find(s).unwrap();
        assert!(!in_comment(t, at("Phụ lục 1")));
        assert!(in_comment(t, at("Phụ lục 2")));
        assert!(in_comment(t, at("Phụ lục 3")));
        assert!(!in_comment(t, at("Phụ lục 4")));
        let q = "a = \"x # y Phụ lục 5\"";
        assert!(!in_comment(q, q.find("Phụ lục 5").unwrap()));
    }
}
