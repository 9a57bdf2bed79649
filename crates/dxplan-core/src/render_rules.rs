//! Findings of the renderers (crate `dxplan-render`): they do not stop the output, and they are
//! diagnostics like any other (printed by `build`, bilingual). Declared here, in the core, so the
//! one registry (`check::rules::ALL`) lists them and `explain` knows them; the renderers emit them.

crate::declare_rule! {
    /// Kiểm tra (khi xuất PDF): văn bản được đặt bằng phông Times New Roman, và phông có đủ mọi ký
    /// tự của kế hoạch.
    ///
    /// Vì sao: Nghị định 30/2020, Phụ lục I, mục I.3 quy định phông chữ tiếng Việt Times New Roman
    /// (bộ mã TCVN 6909:2001). Khi máy không có Times New Roman, dxplan dùng Liberation Serif kèm
    /// sẵn (cùng số đo chữ, nên số trang và ngắt dòng không đổi) và báo để người xuất biết. Ký tự
    /// mà phông không có sẽ bị thay bằng phông khác một cách âm thầm nếu không được báo.
    ///
    /// Ví dụ sai: `text: Ký hiệu ⛴ của cảng.` (U+26F4 không có trong Times New Roman).
    /// Sửa: thay ký tự đó, hoặc cài Times New Roman / thêm `--font-dir`.
    PDF_FONT {
        code: "DX110",
        name: "pdf-font",
        severity: Warning,
        summary: ("Phông chữ của PDF", "PDF font"),
        clause: "NĐ 30/2020, Phụ lục I, mục I.3",
        en: "Checks (when building the PDF) that the document is set in Times New Roman and that the font has every character of the plan. Why: Decree 30/2020, Appendix I, I.3 requires Times New Roman; without it dxplan uses the embedded metric-compatible Liberation Serif and says so; a character the font lacks would otherwise be silently drawn in another font. Fix: replace the character, or install Times New Roman / add --font-dir.",
    }
}

crate::declare_rule! {
    /// Kiểm tra (khi xuất PDF): mẫu trình bày `templates/layout.typ` của kế hoạch biên dịch không
    /// có cảnh báo của typst.
    ///
    /// Vì sao: cảnh báo của typst (phông không có, tham số không dùng…) thường nghĩa là bản PDF
    /// khác với điều người sửa mẫu mong muốn.
    ///
    /// Ví dụ sai: `#set text(font: "Khong Co Phong")` trong `templates/layout.typ`.
    /// Sửa: sửa mẫu theo thông báo; dòng của mẫu được ghi trong thông báo.
    LAYOUT_WARNING {
        code: "DX111",
        name: "layout-warning",
        severity: Warning,
        summary: ("Cảnh báo của mẫu trình bày PDF", "PDF layout template warning"),
        clause: "templates/layout.typ",
        en: "Checks (when building the PDF) that the plan's layout template compiles without typst warnings. Why: a typst warning (unknown font, unused argument …) usually means the PDF differs from what the template's author meant. Fix: change the template as the message says; it names the template line.",
    }
}

use crate::diag::{Rule, Severity, Violation};
use crate::lang::Msg;
use crate::msg;

/// The font of the PDF: the fallback (information), or characters the font lacks.
pub enum FontFinding {
    /// Times New Roman is not installed: the metric-compatible fallback is used, the pages are the
    /// same — information, the officer only needs to know which font the PDF carries.
    Fallback { times: String, fallback: String },
    /// Characters the font lacks, listed " U+26F4 „⛴”".
    Missing { family: String, list: String },
}

impl Violation for FontFinding {
    fn rule(&self) -> &'static Rule {
        &PDF_FONT
    }

    fn message(&self) -> Msg {
        match self {
            FontFinding::Fallback { times, fallback } => msg!(
                "Không có phông {times} trên máy; PDF dùng {fallback} (cùng số đo chữ)",
                "{times} is not installed; the PDF uses the metric-compatible {fallback}"
            ),
            FontFinding::Missing { family, list } => msg!(
                "Phông {family} thiếu ký tự:{list}",
                "Font {family} lacks:{list}"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        match self {
            FontFinding::Fallback { .. } => None,
            FontFinding::Missing { .. } => Some(msg!(
                "Thay ký tự đó trong kế hoạch, hoặc thêm phông có ký tự đó bằng --font-dir.",
                "Replace the character in the plan, or add a font that has it with --font-dir."
            )),
        }
    }

    fn severity(&self) -> Severity {
        match self {
            FontFinding::Fallback { .. } => Severity::Info,
            FontFinding::Missing { .. } => PDF_FONT.severity,
        }
    }
}

/// A warning typst gave on the plan's layout, with the line it names.
pub struct LayoutWarning(pub String);

impl Violation for LayoutWarning {
    fn rule(&self) -> &'static Rule {
        &LAYOUT_WARNING
    }

    fn message(&self) -> Msg {
        let w = &self.0;
        msg!("typst: {w}", "typst: {w}")
    }
}
