crate::declare_rule! {
    /// Kiểm tra: các mẫu văn bản (thư mục `templates/` của kế hoạch, ghi đè mẫu có sẵn của dxplan)
    /// đúng cú pháp minijinja và chỉ dùng các biến có thật.
    ///
    /// Vì sao: mẫu quyết định câu chữ cố định của văn bản (câu mở đầu, tiêu đề phụ lục, dòng „Kèm
    /// theo …”, tiêu đề cột bảng). Một biến gõ sai sẽ để trống chỗ đó trong văn bản gửi đi; dxplan
    /// dừng lại và chỉ đúng dòng của mẫu thay vì in văn bản thiếu chữ.
    ///
    /// Ví dụ sai (`templates/opening.txt`): `{{ co_quan }} ban hành Kế hoạch …`.
    /// Sửa: `{{ issuer }} ban hành Kế hoạch …` (xem mẫu gốc cùng tên để biết các biến).
    TEMPLATE_ERROR {
        code: "DX100",
        name: "template-error",
        severity: Error,
        summary: ("Mẫu văn bản lỗi", "Template error"),
        clause: "dxplan: mẫu văn bản",
        en: "Checks the plan's template overrides (`templates/`) compile and use only existing variables. Why: templates hold the fixed wording of the document; an undefined variable would leave a blank in the issued document, so dxplan stops at the template's line. Fix: use the variables of the built-in template of the same name.",
    }
}

use crate::diag::{Rule, Violation};
use crate::lang::Msg;
use crate::msg;

/// What is wrong with a template (a plan's override, or its own layout).
pub enum TemplateFault {
    /// The override file could not be read (a link, too large…): the reader's words.
    Unreadable(Msg),
    /// A template that gives another number of lines than items it words.
    Lines {
        name: String,
        got: usize,
        want: usize,
    },
    /// The plan's own PDF layout (`templates/layout.typ`) does not compile: the renderer's words.
    Layout(Msg),
    /// A plan's own template stopped by its memory budget or time limit.
    Stopped {
        name: String,
        stop: crate::compose::templates::Stopped,
    },
    /// A minijinja error: what kind, in both languages, and its detail.
    Render {
        name: String,
        kind: (&'static str, &'static str),
        detail: String,
    },
}

impl Violation for TemplateFault {
    fn rule(&self) -> &'static Rule {
        &TEMPLATE_ERROR
    }

    fn message(&self) -> Msg {
        match self {
            TemplateFault::Unreadable(m) | TemplateFault::Layout(m) => m.clone(),
            TemplateFault::Stopped { name, stop } => match stop {
                crate::compose::templates::Stopped::Memory(mib) => msg!(
                    "Mẫu `{name}` cần quá {mib} MiB bộ nhớ (một mẫu chỉ in vài câu): đã dừng",
                    "Template `{name}` needs more than {mib} MiB of memory (a template prints a few sentences): stopped"
                ),
                crate::compose::templates::Stopped::Time(secs) => msg!(
                    "Mẫu `{name}` chạy quá {secs} giây: đã dừng",
                    "Template `{name}` ran for more than {secs} s: stopped"
                ),
                crate::compose::templates::Stopped::Crashed => msg!(
                    "Mẫu `{name}` dừng bất thường",
                    "Template `{name}` stopped abnormally"
                ),
            },
            TemplateFault::Lines {
                name,
                got: k,
                want: n,
            } => msg!(
                "Mẫu {name} cho {k} dòng, cần đúng {n} dòng (mỗi dòng một mục)",
                "Template {name} gives {k} lines; it needs exactly {n} (one item per line)"
            ),
            TemplateFault::Render {
                name,
                kind: (vi, en),
                detail,
            } => msg!(
                "Mẫu `{name}` {vi}{detail}",
                "Template `{name}` {en}{detail}"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        match self {
            TemplateFault::Unreadable(_) => Some(msg!(
                "Mẫu có sẵn được dùng thay; đặt một tệp thường vào templates/ của kế hoạch.",
                "The built-in template is used instead; put a regular file in the plan's templates/."
            )),
            TemplateFault::Layout(_) => Some(msg!(
                "Sửa templates/layout.typ của kế hoạch, hoặc xóa tệp để dùng bố cục có sẵn.",
                "Fix the plan's templates/layout.typ, or delete it to use the built-in layout."
            )),
            TemplateFault::Lines { .. } => None,
            TemplateFault::Stopped { .. } => Some(msg!(
                "Bỏ vòng lặp, danh sách lồng nhau và phép nối chuỗi lớn trong mẫu; mẫu gốc ở thư mục templates/ của dxplan.",
                "Remove loops, nested lists and large concatenations from the template; the originals are in dxplan's templates/."
            )),
            TemplateFault::Render { .. } => Some(msg!(
                "Các biến dùng được có trong mẫu gốc cùng tên ở thư mục templates/ của dxplan.",
                "The variables available are those used by dxplan's built-in template of the same name."
            )),
        }
    }
}
